#!/bin/sh
# SPDX-License-Identifier: MIT
# test_injection.sh: a registry whose fields (and whose file name) hold
# terminal escape sequences (CSI, OSC 52, OSC 8), C1 controls (U+009B as
# UTF-8 and a raw 0x9B byte), CR, BS, DEL, BEL and invalid UTF-8. None of
# those raw bytes may reach the terminal through the CLI's text or CSV
# output, its warnings or its errors (CR only inside quotes: libcsv ends
# a record at a bare CR); JSON output must parse (RFC 8259) and
# give back the original text.
. "$TESTS_DIR/lib.sh"
HEADER=$(head -n 1 "$REG" | tr -d '\r')
ESC=$(printf '\033')

# A file name that is itself an attack: OSC 52 (clipboard write), a raw C1.
DIR="$TMPD/evil$(printf '\033]52;c;SGVsbG8=\007\233')"
mkdir "$DIR"
H="$DIR/reg$(printf '\033[2J').csv"
{
	echo "$HEADER"
	printf 'evil,4444,tcp,\033[2J\033[31mred,\033]52;c;SGVsbG8=\007,'
	printf '\033]8;;http://evil.example/\033\\click\033]8;;\033\\,2020-01-01,,'
	printf '\302\23331m,\2332J,"cr\rbs\b",\377\376\300\257 del\177 bel\007 tab\there\n'
	printf 'x\033[1mbold,4445,udp,ok,,,,,,,,\n'
	printf 'multi,4446,tcp,"line1\nline2\033[K",,,,,,,,\n'
} >"$H"

# Terminal-safe: valid UTF-8 and no C0 but LF, no DEL, no C1 (raw bytes
# 80-9F cannot occur in valid UTF-8 except as continuations, so C2 80..9F
# is the only encoding of a C1 control left to look for).
term_safe() { # FILE
	if ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
		echo "invalid UTF-8"
	elif LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; then
		echo "raw control bytes:"
		LC_ALL=C grep -aoP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1" | od -An -tx1 | head -n 3
	else
		echo clean
	fi
}

# Run portscope and check both streams; also keep OUT, ERR and RC.
check() { # DESC PORTSCOPE-ARGS...
	desc=$1
	shift
	run "$@"
	is "$desc: stdout is terminal-safe" clean "$(term_safe "$TMPD/out")"
	is "$desc: stderr is terminal-safe" clean "$(term_safe "$TMPD/err")"
}

check "lookup 4444 (every field hostile)" --registry "$H" lookup 4444
is "lookup 4444: exit 0" 0 "$RC"
like "lookup 4444: CSI shown as an escape" 'Description       \e[2J\e[31mred' "$OUT"
like "lookup 4444: OSC 52 shown" 'Assignee          \e]52;c;SGVsbG8=\x07' "$OUT"
like "lookup 4444: OSC 8 shown" 'Contact           \e]8;;http://evil.example/\e\click\e]8;;\e\' "$OUT"
like "lookup 4444: U+009B shown" 'Reference         \u009b31m' "$OUT"
like "lookup 4444: CR and BS shown" 'Unauthorized use  cr\rbs\b' "$OUT"
like "lookup 4444: invalid UTF-8 replaced, DEL and BEL and TAB shown" \
	'Notes             ���� del\x7f bel\x07 tab\there' "$OUT"
like "lookup 4444: the invalid UTF-8 warning names the file safely" \
	"portscope: $TMPD/evil\\e]52;c;SGVsbG8=\\x07\\x9b/reg\\e[2J.csv:2: warning: 5 bytes of invalid UTF-8 replaced with U+FFFD" "$ERR"
check "lookup by a hostile name" --registry "$H" lookup "x${ESC}[1mbold" 4446
is "lookup by a hostile name: exit 0" 0 "$RC"
like "lookup by a hostile name: found and shown" '4445/udp  x\e[1mbold  (assigned, user)' "$OUT"
like "lookup 4446: escape in a multi-line field shown" 'line1
                      line2\e[K' "$OUT"
check "lookup of a hostile name that is not there" --registry "$H" lookup "no${ESC}]52;c;AA${ESC}\\"
is "absent hostile name: exit 1" 1 "$RC"
like "absent hostile name: echoed as escapes" "no record for 'no\\e]52;c;AA\\e\\'" "$ERR"
check "lookup --format csv" --registry "$H" lookup 4444 4445 4446 --format csv
check "stats (hostile file name)" --registry "$H" stats
like "stats: the file name shown as escapes" "source:    IANA registry ($TMPD/evil\\e]52;c;SGVsbG8=\\x07\\x9b/reg\\e[2J.csv)" "$OUT"

# JSON: parses, and decodes to the loaded text (invalid UTF-8 as U+FFFD).
check "lookup --format json" --registry "$H" lookup 4444 4445 4446 --format json
is "lookup json: exit 0" 0 "$RC"
is "lookup json: parses and round-trips" ok "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
want = {"description": "\x1b[2J\x1b[31mred", "assignee": "\x1b]52;c;SGVsbG8=\x07",
	"contact": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	"reference": "\x9b31m", "service_code": "\ufffd2J", "unauthorized_use": "cr\rbs\b",
	"notes": "\ufffd" * 4 + " del\x7f bel\x07 tab\there"}
bad = [k for k in want if r[0][k] != want[k]]
bad += [] if r[1]["service"] == "x\x1b[1mbold" else ["service"]
bad += [] if r[2]["description"] == "line1\nline2\x1b[K" else ["multi-line"]
print("ok" if not bad else "differs: %s" % bad)' "$TMPD/out" 2>&1)"
check "stats --format json" --registry "$H" stats --format json
is "stats json: the path parses and round-trips" ok "$(python3 -c '
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))["source"]["path"]
print("ok" if p.endswith("/evil\x1b]52;c;SGVsbG8=\x07\ufffd/reg\x1b[2J.csv") else repr(p))' "$TMPD/out" 2>&1)"

# Errors quote data: a hostile header, port and services line.
{ printf '\033[2J\033]52;c;AA\007%s\n' "$HEADER"; } >"$DIR/header.csv"
check "hostile header" --registry "$DIR/header.csv" stats
is "hostile header: exit 2" 2 "$RC"
like "hostile header: quoted as escapes" ":1: not an IANA registry CSV: column 1 of the header is '\\e[2J\\e]52;c;AA\\x07Service Name'" "$ERR"
{ echo "$HEADER"; printf 'p,"\033[31m\2337\r",tcp,x,,,,,,,,\n'; } >"$DIR/port.csv"
check "hostile port" --registry "$DIR/port.csv" lookup 7
is "hostile port: exit 2" 2 "$RC"
like "hostile port: quoted as escapes" ":2: bad port '\\e[31m\\x9b7\\r': not a port number or range" "$ERR"
printf 'ok 1/tcp\nsvc \033]8;;x\033\\/tcp\n' >"$DIR/services"
check "hostile services line" --registry "$DIR/services" stats
is "hostile services line: skipped, the rest loads (exit 0)" 0 "$RC"
like "hostile services line: quoted as escapes" "/services:2: warning: bad port '\\e]8;;x\\e\\': not a port number or range" "$ERR"
check "unknown command with escapes" "${ESC}]52;c;AA$(printf '\007')"
is "unknown command: exit 2" 2 "$RC"
like "unknown command: echoed as escapes" "unknown command '\\e]52;c;AA\\x07'" "$ERR"

finish
