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
is "the ruler: each tenth column's offset" "        + 0         10        20        30        40        50        60" "$(row 1 1)"
is "first map row: gutter 0, then 70 ports (0: reserved, 1: assigned, 4: free)" \
	"    0     ▒█▒▒·█·█·█·█·█···█████████·█·█·█·█·█·███·██████▒███·████████·▒████████" "$(row 1 2)"
is "second row starts at 70" "   70" "$(row 1 3 | cut -c1-5)"
is "the row holding port 80 is marked p (the faked privileged boundary), apart from the number" \
	"   70   p " "$(row 1 3 | cut -c1-10)"
like "legend: each range's free, reserved and assigned swatches" \
	"·▒█ System ·▒█ User ·▒█ Dynamic = free, reserved, assigned" "$(row 1 11)"
like "detail pane heading names the port" " Port 0 " "$(row 1 12)"
is "detail: port 0 per transport" \
	"Port 0 (system): tcp reserved, udp reserved, sctp unassigned, dccp unassigned" "$(row 1 13)"
like "status line: mode and hint" "[MAP]" "$(row 1 23)"
like "j moves one row down: port 70" " Port 70 " "$(heading 2)"
like "l moves one cell right: port 71" " Port 71 " "$(heading 3)"
like "G goes to 65535" " Port 65535 " "$(heading 4)"
is "G scrolls: the last row shown is 65520, 16 cells long" \
	"65520     ················" "$(last_map_row 4)"
like "g goes to 0" " Port 0 " "$(heading 5)"
like "PgDn moves a page of rows (8 rows of 70 at 80x24)" " Port 560 " "$(heading 6)"
like "PgUp from the end (65535) moves back 8 rows" " Port 64975 " "$(heading 7)"

# The cursor cell is drawn on top in a look of its own (symbols of
# @styles; tests/tui/test_heatmap.py checks every mode and overlay).
tui 80x24 ':443<Enter>' '@styles'
CUR=$(row 1 6)
SYM=$(printf '%s' "$CUR" | cut -c34)
is "cursor cell (443: screen row 6 holds 420, column 10+23) is black on white" \
	"= $SYM fg 16 bg 231 bold" "$(screen 1 | grep "^= $SYM ")"
is "no other cell has its look" 1 "$(screen 1 | grep -v '^=' | tr -cd "$SYM" | wc -c)"
NB=$(printf '%s' "$CUR" | cut -c33)
is "its neighbours have a heat-map look (System's blue on its tint)" "= $NB fg 39 bg 18|$NB$NB" \
	"$(screen 1 | grep "^= $NB ")|$(printf '%s' "$CUR" | cut -c33,35 | tr -d '\n')"

# Mouse: a click selects the cell under it; the wheel scrolls.
tui 80x24 '<Click 13,3>' '@dump click' '<WheelDown 13,3>' '@dump wheel' '<Click 3,3>' '@dump gutter'
like "click on row 70, column 3 selects port 73" " Port 73 " "$(heading 1)"
like "the status line follows the click" "[MAP] port 73 " "$(row 1 23)"
like "wheel down moves three rows (73 + 210)" " Port 283 " "$(heading 2)"
like "a click on the gutter changes nothing" " Port 283 " "$(heading 3)"

tui 80x24 'x' '@dump'
like "an unbound key says how to get help" "unknown key: press ? for the list of keys" "$(row 1 23)"
# A degraded source is said once, by the banner that offers the full one.
TUI_REG=$FIXTURES/tui-services tui 100x30 '@dump'
like "degraded: the title names the source" " portscope | services file undated | 3 records |" "$(row 1 0)"
is "degraded: the banner says so" " Not the official registry: press U to download it from IANA" "$(row 1 1)"
is "degraded: said once" 1 "$(screen 1 | grep -ci 'not the official\|degraded')"
finish
