#!/bin/sh
# SPDX-License-Identifier: MIT
# test_manpage.sh: doc/portscope.1 documents every key of the TUI's key
# table (as the '?' help page lists them, from the table that binds them)
# and every command of the command table (as --help lists them), and
# names no key or command the program does not have.
. "$TESTS_DIR/tui/tui_lib.sh"

MAN="$SRCDIR/doc/portscope.1"

# The items of one section: the line after each .TP, fonts and roff
# escapes removed. $2 = 1 keeps the first word only.
man_items() {
	awk -v sec="$1" -v first="$2" '
		/^\.SH / { insec = ($0 == ".SH " sec); next }
		insec && /^\.TP/ { tp = 1; next }
		insec && tp {
			tp = 0
			s = $0
			sub(/^\.B[IR]* /, "", s)
			gsub(/\\f[BIRP]/, "", s)
			gsub(/\\-/, "-", s)
			gsub(/"/, "", s)
			if (first) sub(/[ [].*/, "", s)
			print s
		}' "$MAN"
}

# The key names column of the help page (one column at 80, all of it on
# a screen of 100 rows): the map's keys are the rows under the headings
# up to the suggestions page's, a key line a name in the first 14 columns
# and its help from column 15 (headings and continuations are not).
tui 80x100 '?' '@dump help'
is "help page drawn" 0 "$RC"
KEYS=$(screen 1 | awk '/^On the suggestions page/ { exit } /^$/ { b = 1; next }
	b && length($0) > 14 && substr($0, 1, 1) != " " && substr($0, 14, 1) == " " &&
	substr($0, 15, 1) != " "' | cut -c1-14 | sed 's/ *$//')
is "the help page lists keys" yes "$([ "$(printf '%s\n' "$KEYS" | wc -l)" -gt 20 ] && echo yes)"
MAN_KEYS=$(man_items KEYS 0)
printf '%s\n' "$KEYS" | while IFS= read -r k; do
	printf '%s\n' "$MAN_KEYS" | grep -Fqx -- "$k" && echo "ok - man page documents key '$k'" ||
		echo "not ok - man page lacks key '$k' (add .TP/.B $k under KEYS)"
done >"$TMPD/keys.tap"
printf '%s\n' "$MAN_KEYS" | while IFS= read -r k; do
	printf '%s\n' "$KEYS" | grep -Fqx -- "$k" && echo "ok - key '$k' of the man page exists" ||
		echo "not ok - the man page documents a key the TUI lacks: '$k'"
done >>"$TMPD/keys.tap"

# Commands: the rows after "Commands:" in --help, first word.
run --help
CMDS=$(printf '%s\n' "$OUT" | awk '/^Commands:/ { c = 1; next } c && /^$/ { exit } c { print $1 }')
is "--help lists commands" yes "$([ "$(printf '%s\n' "$CMDS" | wc -l)" -ge 8 ] && echo yes)"
MAN_CMDS=$(man_items COMMANDS 1)
printf '%s\n' "$CMDS" | while IFS= read -r c; do
	printf '%s\n' "$MAN_CMDS" | grep -Fqx -- "$c" && echo "ok - man page documents command '$c'" ||
		echo "not ok - man page lacks command '$c' (add a .TP item under COMMANDS)"
done >>"$TMPD/keys.tap"
printf '%s\n' "$MAN_CMDS" | while IFS= read -r c; do
	printf '%s\n' "$CMDS" | grep -Fqx -- "$c" && echo "ok - command '$c' of the man page exists" ||
		echo "not ok - the man page documents a command portscope lacks: '$c'"
done >>"$TMPD/keys.tap"

# Renumber the lines above into this test's TAP stream.
while IFS= read -r line; do
	case "$line" in
	"ok - "*) is "${line#ok - }" x x ;;
	*) is "${line#not ok - }" present missing ;;
	esac
done <"$TMPD/keys.tap"

# The page itself is well-formed roff.
W=$(groff -man -Tutf8 -ww -z "$MAN" 2>&1)
is "groff renders the man page without warnings" "" "$W"
finish
