#!/bin/sh
# SPDX-License-Identifier: MIT
# test_terminals.sh: resize, the too-small screen, colour modes, the ASCII
# fallback, and terminals the TUI refuses with a clear message.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x24 ':443<Enter>' '@resize 120x40' '@dump big' '@resize 30x8' '@dump small' 'j' \
	'@resize 1x1' '@dump tiny' '@resize 80x24' '@dump again'
is "exit 0" 0 "$RC"
is "resize: the dump is 120x40" "--- big 120x40" "$(sed -n '/^--- big/p' "$TMPD/out")"
# 40 rows: title, ruler, two legend lines, the pane's heading and the status
# line leave 34 to share; the pane takes the lines 443 needs (how many
# follows the length of the fixture's path it names), the map the rest.
is "120x40: the map takes the rows the detail pane leaves" 34 \
	"$(($(screen 1 | grep -c '^[ 0-9]\{4\}[0-9] [ UD] [ pe*│] ') + $(screen 1 | grep -m1 '^ Port 443 ' | sed 's/^ Port 443  1-\([0-9]*\)\/.*/\1/')))"
like "the cursor is kept" " Port 443 " "$(screen 1)"
is "too small: says so" "Terminal too small" "$(row 2 2)"
is "too small: sizes" "30x8, need 40x10" "$(row 2 3)"
is "1x1: the first letter only" "T" "$(screen 3)"
is "recovers at 80x24: the title" \
	" portscope | IANA registry 2025-03-28 | 14474 records | any | 1 port/cell" "$(row 4 0)"
like "recovers: keys pressed while too small did nothing" " Port 443 " "$(heading 4)"

tui 40x10 '@dump'
is "40x10 is the minimum: the map shows; the title keeps source, transport and zoom" \
	" IANA registry | any | 1 port/cell" "$(row 1 0)"
tui 39x10 'q' '@dump'
is "q quits from the too-small screen" "" "$OUT"

# Colour modes, through the colour-pair letters of @attrs.
tui 80x24 '@attrs'
is "256 colours: title in its pair" "b" "$(row 1 0 | cut -c2)"
is "256 colours: port 1 assigned System in the System pair (SYS0's: its shades share it)" "i" "$(row 1 2 | cut -c12)"
NO_COLOR=1 tui 80x24 '@attrs'
is "NO_COLOR: no colour pair anywhere" "" "$(screen 1 | tr -d '.R\n')"
TUI_TERM=vt100 tui 80x24 '@attrs'
is "vt100 (no colours): monochrome" "" "$(screen 1 | tr -d '.R\n')"
TUI_TERM=xterm tui 80x24 '@attrs'
is "xterm (8 colours): pairs are used" "m" "$(row 1 2 | cut -c12)"

# ASCII fallback when the locale is not UTF-8.
LC_ALL=C tui 80x24 '@dump' '-' '@dump'
is "C locale: ASCII glyphs at zoom 1" "    0     +#++.#.#.#.#.#...#########.#.#.#.#.#.###.######+###.########.+########" "$(row 1 2)"
like "ASCII legend" ".+# System .+# User .+# Dynamic = free, reserved, assigned" "$(row 1 11)"
is "C locale: ASCII shade ramp at zoom 4" "    0   p :++:*#*++****##+####*####*##*###########################:...+#:.*###.." "$(row 2 2)"
like "ASCII ramp legend" ".:+*# System .:+*# User .:+*# Dynamic = assigned share 0-100%" "$(row 2 11)"

# Terminals that cannot run the TUI get a message, not a curses abort.
TUI_TERM=nosuchterm tui 80x24 '@dump'
is "unknown TERM: exit 2" 2 "$RC"
like "unknown TERM: message" "unknown terminal type 'nosuchterm' (no terminfo entry)" "$ERR"
TUI_TERM=dumb tui 80x24 '@dump'
is "dumb: exit 2" 2 "$RC"
like "dumb: message" "terminal type 'dumb' cannot move the cursor" "$ERR"
TUI_TERM= tui 80x24 '@dump'
is "empty TERM: exit 2" 2 "$RC"
like "empty TERM: message" "TERM is not set" "$ERR"
run --registry "$REG" tui </dev/null
is "not a terminal: exit 2" 2 "$RC"
like "not a terminal: message" "the TUI needs a terminal on standard input and output" "$ERR"

# Bad scripts are named like any bad input.
tui 80x24 '<Nope>'
is "bad key token: exit 2" 2 "$RC"
like "bad key token: file:line" "keys:1: bad key token" "$ERR"
printf '@dump\n' >"$TMPD/k"
PORTSCOPE_TEST_SIZE=80 PORTSCOPE_TEST_SCRIPT="$TMPD/k" TERM=xterm "$PORTSCOPE" --registry "$REG" tui \
	>/dev/null 2>"$TMPD/err"
is "a bad PORTSCOPE_TEST_SIZE: exit 2" 2 "$?"
like "a bad PORTSCOPE_TEST_SIZE: named" "PORTSCOPE_TEST_SIZE takes COLSxROWS, not '80'" "$(cat "$TMPD/err")"
tui 80x24 '@resize 0x0'
is "@resize 0x0: exit 2" 2 "$RC"
like "@resize 0x0: named" "keys:1: unknown script command" "$ERR"
finish
