#!/bin/sh
# SPDX-License-Identifier: MIT
# test_invisible.sh: bidi controls and invisible format characters (the
# "Trojan Source" class: U+202E, U+2066-2069, U+200B, U+200D, U+FEFF,
# U+2028/9, U+061C) in every field and in the file name never reach the
# terminal raw through text, JSON or CSV output or stderr: text and CSV
# show \uXXXX, JSON escapes them, and a service name holding them is
# reported at load with file:line. (The TUI's raw bytes: test_pty.sh.)
. "$TESTS_DIR/lib.sh"
HEADER=$(head -n 1 "$REG" | tr -d '\r')
RLO=$(printf '\342\200\256')
DIR="$TMPD/inv${RLO}dir"
mkdir "$DIR"
H="$DIR/reg$(printf '\342\201\246').csv"
{
	echo "$HEADER"
	printf 'ad\342\200\256nim,4444,tcp,a\342\201\246b\342\201\247c\342\201\250d\342\201\251e,'
	printf 'z\342\200\213w\342\200\215j,\357\273\277bom,2020-01-01,,l\342\200\250s\342\200\251p,'
	printf 'alm\330\234x,,tag\363\240\200\201x\n'
	printf 'plain,4445,udp,fine,,,,,,,,\n'
} >"$H"

# raw_free FILE: none of the invisible characters appear raw.
raw_free() {
	if LC_ALL=C grep -qaP '\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf|\xd8\x9c|\xf3\xa0\x80\x81' "$1"; then
		echo "raw:"
		LC_ALL=C grep -aoP '\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf|\xd8\x9c|\xf3\xa0\x80\x81' "$1" | od -An -tx1 | head -n 3
	else
		echo clean
	fi
}
check() { # DESC ARGS...
	desc=$1
	shift
	"$PORTSCOPE" "$@" >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	is "$desc: stdout has no raw invisible character" clean "$(raw_free "$TMPD/out")"
	is "$desc: stderr has no raw invisible character" clean "$(raw_free "$TMPD/err")"
}

check "lookup text" --registry "$H" lookup 4444
is "lookup text: exit 0" 0 "$RC"
like "lookup text: the name escaped" 'ad\u202enim' "$(cat "$TMPD/out")"
like "lookup text: the isolates escaped" 'a\u2066b\u2067c\u2068d\u2069e' "$(cat "$TMPD/out")"
like "lookup text: a tag past the BMP" 'tag\U000e0001x' "$(cat "$TMPD/out")"
like "load: the name is reported with file:line" \
	"$(printf '%s' "$DIR" | sed 's/\xe2\x80\xae/\\u202e/')/reg\\u2066.csv:2: warning: 1 service name holds invisible or bidirectional characters (shown escaped)" \
	"$(cat "$TMPD/err")"
check "lookup JSON" --registry "$H" lookup 4444 --format json
like "JSON: \\u escapes" '"service":"ad\u202enim"' "$(cat "$TMPD/out")"
like "JSON: a surrogate pair past the BMP" 'tag\udb40\udc01x' "$(cat "$TMPD/out")"
is "JSON: parses and gives back the original text" "ad${RLO}nim" \
	"$(python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["service"])' <"$TMPD/out")"
check "lookup CSV" --registry "$H" lookup 4444 --format csv
like "CSV: escaped" 'ad\u202enim' "$(cat "$TMPD/out")"
check "grep text" --registry "$H" grep --field all 'nim|fine'
check "grep CSV" --registry "$H" grep --field all 'nim' --format csv
check "stats (the file name)" --registry "$H" stats
check "diff" diff "$H" "$REG"
check "an error naming the file" --registry "$DIR/missing$(printf '\342\200\256').csv" stats
is "an error naming the file: exit 2" 2 "$RC"
check "a bad port naming the file" --registry "$H" lookup 'x'
finish
