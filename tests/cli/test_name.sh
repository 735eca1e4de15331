#!/bin/sh
# SPDX-License-Identifier: MIT
# test_name.sh: `portscope name` on the real registry: RFC 6335 section
# 5.1's rules, each named; registered or free (ignoring case, as IANA
# does); similar registered names; the exit status 0 (valid and free),
# 1 (taken), 2 (invalid). Sources: the fixture sysroot's /etc/services.
. "$TESTS_DIR/lib.sh"
SR="$TMPD/root"
mkdir -p "$SR/etc" "$SR/usr/share/nmap"
printf 'http\t80/tcp\twww\nmy-app\t7777/tcp\n' >"$SR/etc/services"
printf 'http\t80/tcp\t0.484143\nhttp\t8008/tcp\t0.006843\n' >"$SR/usr/share/nmap/nmap-services"
export PORTSCOPE_SYSROOT=$SR

run --registry "$REG" name http
is "http: taken, exit 1" 1 "$RC"
is "http: the whole answer" "http
  rules          valid (RFC 6335 section 5.1)
  registered     yes, taken: 3 records: 80/tcp 80/udp 80/sctp
  similar        htcp htsp https httpx mttp ottp qttp
  /etc/services  80/tcp
  nmap-services  80/tcp (0.484143) 8008/tcp (0.006843)" "$OUT"
run --registry "$REG" name HTTP
is "HTTP: taken too (case does not matter), exit 1" 1 "$RC"
like "HTTP: the same records" "yes, taken: 3 records: 80/tcp 80/udp 80/sctp" "$OUT"

run --registry "$REG" name my_service
is "my_service: invalid, exit 2" 2 "$RC"
like "my_service: the underscore named" \
	"invalid: only US-ASCII letters, digits and hyphens are allowed (first: '_' at position 3)" "$OUT"
run --registry "$REG" name -x
is "-x: a name, not an option; invalid, exit 2" 2 "$RC"
like "-x: the hyphen at the start" "invalid: starts or ends with a hyphen" "$OUT"
run --registry "$REG" name a--b
like "a--b: two hyphens" "invalid: two hyphens next to each other" "$OUT"
run --registry "$REG" name 1234
like "1234: no letter" "invalid: no letter: at least one is required" "$OUT"
run --registry "$REG" name abcdefghijklmnop
like "16 characters: too long" "invalid: more than 15 characters" "$OUT"
run --registry "$REG" name abcdefghijklmno
is "15 characters: valid and free, exit 0" 0 "$RC"
run --registry "$REG" name -- '-a_b-'
like "-a_b-: every rule it breaks" \
	"invalid: only US-ASCII letters, digits and hyphens are allowed (first: '_' at position 3); starts or ends with a hyphen" "$OUT"

run --registry "$REG" name portscope-demo
is "portscope-demo: valid and free, exit 0" 0 "$RC"
is "portscope-demo: the whole answer" "portscope-demo
  rules          valid (RFC 6335 section 5.1)
  registered     no (free)
  similar        none registered
  /etc/services  not used
  nmap-services  not used" "$OUT"
run --registry "$REG" name htttp
is "htttp: valid and free, exit 0" 0 "$RC"
like "htttp: http is the first similar name" "  similar        http " "$OUT"
run --registry "$REG" name my-app
like "my-app: its use in /etc/services" "  /etc/services  7777/tcp" "$OUT"

# Several names: the worst status wins; JSON and CSV.
run --registry "$REG" name portscope-demo http
is "free and taken: exit 1" 1 "$RC"
run --registry "$REG" name http my_service portscope-demo
is "taken and invalid: exit 2" 2 "$RC"
run --registry "$REG" name http -x --format json
is "JSON: exit 2" 2 "$RC"
is "JSON: parses, one object per name, in order" "http -x" \
	"$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join(o["name"] for o in json.load(sys.stdin)))')"
is "JSON: the fields" "False ['hyphen-at-edge'] False [] | True 3 80 tcp 80/tcp" \
	"$(printf '%s' "$OUT" | python3 -c 'import json,sys
a, b = json.load(sys.stdin)[::-1]
print(a["valid"], a["broken"], a["registered"], a["records"], "|", b["registered"], len(b["records"]),
      b["records"][0]["port"], b["records"][0]["transport"],
      "%d/%s" % (b["etc_services"][0]["port"], b["etc_services"][0]["transport"]))')"
run --registry "$REG" --format csv name portscope-demo a--b
is "CSV: a header and a row per name" "name,valid,broken,registered,ports,similar,etc_services,nmap
portscope-demo,yes,,no,,,not used,not used
a--b,no,double-hyphen,no,,,not used,not used" "$OUT"
run --registry "$REG" name
is "no name: usage error" 2 "$RC"
finish
