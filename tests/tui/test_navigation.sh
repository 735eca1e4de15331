#!/bin/sh
# SPDX-License-Identifier: MIT
# test_navigation.sh: moving the cursor over the heat map, scrolling, the
# mouse. Expected states checked against an independent Python csv reading
# of the registry.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x24 '@dump start' 'j' '@dump down' 'l' '@dump right' 'G' '@dump end' 'g' '@dump home' \
	'<PgDn>' '@dump pgdn' '<End><PgUp>' '@dump pgup'
is "runs and exits 0" 0 "$RC"
is "title bar: source, date, records, transport, zoom" \
	" portscope | IANA registry 2025-03-28 | 14474 records | any | 1 port/cell" "$(row 1 0)"
is "first map row: gutter 0, then 64 ports (0: reserved, 1: assigned, 4: free)" \
	"    0   ▒█▒▒·█·█·█·█·█···█████████·█·█·█·█·█·███·██████▒███·████████·▒██" "$(row 1 1)"
is "second row starts at 64" "   64" "$(row 1 2 | cut -c1-5)"
is "the row holding port 80 is marked p (the faked privileged boundary)" "   64 p" "$(row 1 2 | cut -c1-7)"
like "legend" "█assigned ▒reserved ·free █System █User █Dynamic" "$(row 1 11)"
like "detail pane heading names the port" " Port 0 " "$(row 1 12)"
is "detail: port 0 per transport" \
	"Port 0 (system): tcp reserved, udp reserved, sctp unassigned, dccp unassigned" "$(row 1 13)"
like "status line: mode and hint" "[MAP]" "$(row 1 23)"
like "j moves one row down: port 64" " Port 64 " "$(row 2 12)"
like "l moves one cell right: port 65" " Port 65 " "$(row 3 12)"
like "G goes to 65535" " Port 65535 " "$(row 4 12)"
is "G scrolls: the last row shown is 65472" "65472" "$(row 4 10 | cut -c1-5)"
like "g goes to 0" " Port 0 " "$(row 5 12)"
like "PgDn moves a page of rows (9 rows at 80x24)" " Port 576 " "$(row 6 12)"
like "PgUp from the end (65535) moves back 9 rows" " Port 64959 " "$(row 7 12)"

# The cursor cell is drawn on top: its colour pair differs from its
# neighbours' (pair letters of @attrs).
tui 80x24 ':443<Enter>' '@attrs'
CUR=$(row 1 6)
is "cursor cell (443: screen row 6 holds 384, column 8+59) has the cursor's pair" "v" "$(printf '%s' "$CUR" | cut -c68)"
is "its neighbours have a heat-map pair" "kk" "$(printf '%s' "$CUR" | cut -c67,69 | tr -d '\n')"

# Mouse: a click selects the cell under it; the wheel scrolls.
tui 80x24 '<Click 13,2>' '@dump click' '<WheelDown 13,2>' '@dump wheel' '<Click 3,2>' '@dump gutter'
like "click on row 64, column 5 selects port 69" " Port 69 " "$(row 1 12)"
like "wheel down moves three rows (69 + 192)" " Port 261 " "$(row 2 12)"
like "a click on the gutter changes nothing" " Port 261 " "$(row 3 12)"

tui 80x24 'x' '@dump'
like "an unbound key says how to get help" "unknown key: press ? for the list of keys" "$(row 1 23)"
# A degraded source says so in the title and how to get the full one.
TUI_REG=$FIXTURES/tui-services tui 100x30 '@dump'
like "degraded: the title says so" " portscope | DEGRADED: services file undated | 3 records |" "$(row 1 0)"
like "degraded: the status line says how to get the registry" \
	"not the official IANA registry: run 'portscope update' to fetch it" "$(row 1 29)"
finish
