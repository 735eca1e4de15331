#!/bin/sh
# SPDX-License-Identifier: MIT
# test_completion.sh: the bash completion (cli/portscope.bash) driven as
# bash drives it, through COMP_WORDS / COMP_CWORD and the completion
# function, with service names from the real registry (--list-names); and
# the zsh function parses.
. "$TESTS_DIR/lib.sh"

if ! command -v bash >/dev/null; then
	echo "1..0 # SKIP no bash"
	exit 0
fi
# A directory on PATH with `portscope` in it: the script calls the
# command it completes (COMP_WORDS[0]).
mkdir -p "$TMPD/bin"
ln -s "$PORTSCOPE" "$TMPD/bin/portscope"

# complete WORD...: the candidates for the last word, sorted, one a line.
complete_words() {
	PATH="$TMPD/bin:$PATH" PORTSCOPE_REGISTRY="$REG" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_portscope portscope "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$SRCDIR/cli/portscope.bash" "$@"
}

is "portscope su<TAB>: the command suggest" "suggest" "$(complete_words portscope su)"
is "portscope <TAB>: every command" "diff
free
gaps
grep
listeners
lookup
map
name
pick
scan
stats
suggest
tui
update" "$(complete_words portscope '')"
is "portscope free 1-100 --proto <TAB>" "any
dccp
sctp
tcp
udp" "$(complete_words portscope free 1-100 --proto '')"
is "scan 127.0.0.1 --p<TAB>: its options" "--ports
--proto" "$(complete_words portscope scan 127.0.0.1 --p)"
is "suggest 8080 --sc<TAB>" "--scan" "$(complete_words portscope suggest 8080 --sc)"
is "--format <TAB>" "csv
json
text" "$(complete_words portscope --format '')"
is "grep --field na<TAB>" "name" "$(complete_words portscope grep --field na)"
is "grep --field name,de<TAB>: after a comma" "name,description" "$(complete_words portscope grep --field name,de)"
got=$(complete_words portscope lookup ss)
want=$("$PORTSCOPE" --registry "$REG" --list-names | grep -i '^ss' | sort)
is "portscope lookup ss<TAB>: every registry name starting ss" "$want" "$got"
like "lookup ss<TAB>: ssh is one" "
ssh
" "
$got
"
is "lookup ss<TAB>: 39 names" 39 "$(printf '%s\n' "$got" | wc -l | tr -d ' ')"
is "tui http-al<TAB>" "http-alt" "$(complete_words portscope tui http-al)"
is "pi<TAB>: the command pick" "pick" "$(complete_words portscope pi)"
is "pick ssh-<TAB>: names, as after tui" "ssh-mgmt" "$(complete_words portscope pick ssh-)"
got=$(complete_words portscope pick --)
is "pick --<TAB>: the options of tui" "$(complete_words portscope tui --)" "$got"
is "pick --<TAB>: --field, --proto, --scan and the 6 global ones" "--field --proto --scan 9" \
	"$(printf '%s\n' "$got" | grep -x -e --field -e --proto -e --scan | tr '\n' ' ')$(printf '%s\n' "$got" | wc -l | tr -d ' ')"
is "lookup names from the --registry given: the 2024-04 snapshot" \
	"$("$PORTSCOPE" --registry "$OLD" --list-names | grep '^kerb' | sort)" \
	"$(complete_words portscope --registry "$OLD" lookup kerb)"
is "gaps <TAB>: the range names" "dynamic
system
user" "$(complete_words portscope gaps '')"
is "suggest --<TAB>: its options and the global ones" "--any-range
--count
--format
--help
--list-names
--no-cache
--proto
--registry
--run
--scan
--timeout
--version" "$(complete_words portscope suggest --)"
like "tui --<TAB>: --scan" "
--scan
" "
$(complete_words portscope tui --)
"
mkdir "$TMPD/files" && touch "$TMPD/files/a.csv" "$TMPD/files/b.csv"
is "--registry <TAB>: files" "$TMPD/files/a.csv
$TMPD/files/b.csv" "$(complete_words portscope --registry "$TMPD/files/")"
is "diff <TAB>: files" "$TMPD/files/a.csv
$TMPD/files/b.csv" "$(complete_words portscope diff "$TMPD/files/")"

# --list-names itself
run --registry "$REG" --list-names
is "--list-names: exit 0" 0 "$RC"
is "--list-names: each name once, ignoring case" "" "$(printf '%s\n' "$OUT" | tr 'A-Z' 'a-z' | uniq -d)"
is "--list-names: 7294 names in the 2025-03-28 registry" 7294 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
is "--list-names: the same set as the CSV's names (Python csv)" \
	"$(python3 -c 'import csv,sys
seen={}
for r in csv.reader(open(sys.argv[1], encoding="utf-8", newline="")):
    if r and r[0] and r[0] != "Service Name": seen.setdefault(r[0].lower(), 1)
print(len(seen))' "$REG")" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
run --registry "$REG" --list-names stats
is "--list-names with a command: usage error" 2 "$RC"
run --registry /nonexistent.csv --list-names
is "--list-names on a missing registry: exit 2" 2 "$RC"

if command -v zsh >/dev/null; then
	zsh -n "$SRCDIR/cli/_portscope"
	is "zsh: _portscope parses" 0 "$?"
else
	echo "ok $((T_N = T_N + 1)) - zsh: _portscope parses # SKIP no zsh"
fi
finish
