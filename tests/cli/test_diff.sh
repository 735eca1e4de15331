#!/bin/sh
# SPDX-License-Identifier: MIT
# test_diff.sh: `portscope diff` on the two real snapshots (CRLF 2024-04 and
# LF current). The counts were established with an independent Python csv
# script keyed the same way (lower-cased name, port text, lower-cased
# transport; duplicate keys paired in file order).
. "$TESTS_DIR/lib.sh"

run diff "$OLD" "$REG"
is "diff: exit 0 when something changed" 0 "$RC"
is "diff: header" "old: $OLD  (2024-04-30, 14447 records)
new: $REG  (2025-03-28, 14474 records)
43 added, 16 removed, 208 changed (186 only in spacing); 692 ports touched (596 beyond spacing)" \
	"$(printf '%s\n' "$OUT" | head -n 3)"
is "diff: added lines" 43 "$(printf '%s\n' "$OUT" | grep -c '^+ ')"
is "diff: removed lines" 16 "$(printf '%s\n' "$OUT" | grep -c '^- ')"
is "diff: changed lines" 208 "$(printf '%s\n' "$OUT" | grep -c '^~ ')"
is "diff: compressnet de-assigned from port 2" "+ 2/tcp  (no service name)  Reserved
+ 2/udp  (no service name)  Reserved
- 2/tcp  compressnet  Management Utility
- 2/udp  compressnet  Management Utility" "$(printf '%s\n' "$OUT" | grep '^[-+] 2/')"
like "diff: a changed record names its fields, old and new" "~ -/tcp  dnssd-srp
    - description: DNS-SD Service Registration
    + description: DNS-Based Service Discovery
    - modified: 
    + modified: 2024-09-05" "$OUT"
like "diff: spacing-only changes are marked" "~ 63/tcp  whoispp  (only spacing changed)" "$OUT"

run diff "$OLD" "$REG" --format json
like "diff json: summary" '"summary":{"added":43,"removed":16,"changed":208,"whitespace_only":186,"ports_changed":692,"ports_content_changed":596}' "$OUT"
like "diff json: a changed entry" '{"service":"dnssd-srp","port":"","transport":"tcp","fields":["description","modified"],"whitespace_only":false,"old":{' "$OUT"
run --format json diff "$REG" "$OLD"
like "diff json reversed: added and removed swap" '"summary":{"added":16,"removed":43,"changed":208,' "$OUT"

run diff "$OLD" "$REG" --format csv
is "diff csv: one row per entry and a header" 268 "$(printf '%s\n' "$OUT" | wc -l)"
like "diff csv: a changed row" "changed,dnssd-srp,,tcp,description modified,false" "$OUT"
like "diff csv: an added row" "added,,2,tcp,,
" "$OUT"

run diff "$OLD" "$OLD"
is "diff of a file with itself: exit 1" 1 "$RC"
like "diff of a file with itself: nothing changed" "0 added, 0 removed, 0 changed" "$OUT"

run diff "$OLD"
is "diff with one file: usage error" 2 "$RC"
like "diff with one file: says why" "'diff' needs two registry files" "$ERR"
run diff "$OLD" "$FIXTURES/port-70000.csv"
is "diff with a bad file: exit 2" 2 "$RC"
is "diff with a bad file: file:line message" \
	"$FIXTURES/port-70000.csv:3: bad port '70000': port out of range 0-65535" "$ERR"
is "diff with a bad file: nothing on stdout" "" "$OUT"

finish
