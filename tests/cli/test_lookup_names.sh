#!/bin/sh
# SPDX-License-Identifier: MIT
# test_lookup_names.sh: `lookup PORT` shows every name per source where the
# registry, /etc/services and nmap-services disagree (fixture sources).
. "$TESTS_DIR/lib.sh"
export PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest"

run --registry "$REG" lookup 8080
is "8080: exit 0" 0 "$RC"
is "8080: the names block" "port 8080: assigned (tcp assigned, udp assigned, sctp unassigned, dccp unassigned), user range
names differ between sources:
  IANA registry   http-alt/tcp http-alt/udp
  /etc/services   http-alt/tcp
  nmap-services   http-proxy/tcp" "$(printf '%s\n' "$OUT" | sed -n 1,5p)"

run --registry "$REG" lookup 8075
is "8075: named only by nmap" "port 8075: unassigned (tcp unassigned, udp unassigned, sctp unassigned, dccp unassigned), user range
names differ between sources:
  nmap-services   rare/udp" "$(printf '%s\n' "$OUT" | sed -n 1,3p)"

run --registry "$REG" lookup 22
is "22: no disagreement, no block" "port 22: assigned (tcp assigned, udp assigned, sctp assigned, dccp unassigned), system range" \
	"$(printf '%s\n' "$OUT" | sed -n 1p)"
is "22: next line is a record" "" "$(printf '%s\n' "$OUT" | sed -n 2p)"

run --registry "$REG" lookup 8080 --format json
like "json keeps the array of records" '[
{"service":"http-alt","port":"8080","transport":"tcp"' "$OUT"

finish
