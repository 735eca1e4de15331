#!/bin/sh
# SPDX-License-Identifier: MIT
# test_malformed.sh: bad input gives one clear "file:line: message" on
# stderr and exit 2 (never a crash, never a partial registry); the odd but
# valid forms (CRLF, BOM, invalid UTF-8) load.
. "$TESTS_DIR/lib.sh"
F="$FIXTURES"

bad() { # DESC FILE EXPECTED-STDERR
	run --registry "$2" stats
	is "$1: exit 2" 2 "$RC"
	is "$1: message" "$3" "$ERR"
	is "$1: nothing on stdout" "" "$OUT"
}

bad "unterminated quote" "$F/unterminated-quote.csv" \
	"$F/unterminated-quote.csv:3: unterminated quoted field (the file ends inside quotes)"
bad "wrong header" "$F/wrong-header.csv" \
	"$F/wrong-header.csv:1: not an IANA registry CSV: column 1 of the header is 'Service', expected 'Service Name'"
bad "port 70000" "$F/port-70000.csv" "$F/port-70000.csv:3: bad port '70000': port out of range 0-65535"
bad "port 10-5" "$F/port-10-5.csv" "$F/port-10-5.csv:3: bad port '10-5': port range ends before it starts"
bad "port abc after a multi-line field" "$F/port-abc.csv" \
	"$F/port-abc.csv:5: bad port 'abc': not a port number or range"
bad "NUL byte" "$F/nul-byte.csv" "$F/nul-byte.csv:2: NUL byte in the data: not a text file"
bad "short row" "$F/short-row.csv" "$F/short-row.csv:2: expected 12 fields, found 11"
# A services(5) file skips a malformed line, as glibc does, says so once
# with file:line and the count, and keeps the rest.
run --registry "$F/bad-services" stats --format json
is "services file with a bad line: exit 0" 0 "$RC"
is "services file with a bad line: one warning, file:line and count" \
	"$F/bad-services:2: warning: expected 'port/protocol' after the service name (1 malformed line skipped)" "$ERR"
like "services file with a bad line: the good line is kept" '"records":1,' "$OUT"

# A 1 MB field, made here rather than committed.
{ head -n 1 "$F/crlf.csv" | tr -d '\r'; printf 'big,7,tcp,'; head -c 1048576 /dev/zero | tr '\0' x; printf ',,,,,,,,\n'; } >"$TMPD/big-field.csv"
bad "1 MB field" "$TMPD/big-field.csv" \
	"$TMPD/big-field.csv:2: field 4 (Description) is over the 65536-byte limit"
: >"$TMPD/empty.csv"
bad "empty file" "$TMPD/empty.csv" "$TMPD/empty.csv:1: empty file: expected the IANA registry CSV header"
head -n 1 "$REG" >"$TMPD/header-only.csv"
bad "header only" "$TMPD/header-only.csv" "$TMPD/header-only.csv:2: no records after the header"
mkdir "$TMPD/dir.csv"
bad "a directory" "$TMPD/dir.csv" "$TMPD/dir.csv: is a directory, not a file"
# A truncated copy of the real registry ends inside a quoted field.
head -c 600000 "$REG" >"$TMPD/truncated.csv"
run --registry "$TMPD/truncated.csv" stats
is "truncated real registry: exit 2" 2 "$RC"
like "truncated real registry: names the file and a line" "$TMPD/truncated.csv:" "$ERR"

run --registry "$F/crlf.csv" lookup 8 --format json
is "CRLF file loads" 0 "$RC"
like "CRLF inside a quoted field is kept as data" '"description":"a\r\nb"' "$OUT"
run --registry "$F/crlf.csv" lookup 7 --format csv
like "CRLF: no stray CR in the last field" 'echo,7,tcp,Echo,[Jon_Postel],,,2020-01-01,,,,,7,7,assigned,system' "$OUT"
run --registry "$F/bom.csv" lookup echo --format csv
is "BOM file loads" 0 "$RC"
like "BOM is not part of the first name" "
echo,7,tcp" "$OUT"
run --registry "$F/invalid-utf8.csv" lookup 8 --format json
is "invalid UTF-8 loads" 0 "$RC"
is "invalid UTF-8 is reported once" "portscope: $F/invalid-utf8.csv:3: warning: 2 bytes of invalid UTF-8 replaced with U+FFFD" "$ERR"
like "invalid UTF-8 becomes U+FFFD" '"description":"caf� �"' "$OUT"

finish
