#!/bin/sh
# SPDX-License-Identifier: MIT
# test_zoom.sh: cells of 1, 4, 16, 64 and 256 ports; at the widest zoom
# the whole port space is on one 80x24 screen. Expected shades and counts
# checked against an independent Python csv reading of the registry.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x24 '-' '@dump z4' '-' '@dump z16' '-' '@dump z64' '-' '@dump z256' '-' '@dump past' \
	'+' '@dump back64' '++++' '@dump z1' '+' '@dump closest'
is "exit 0" 0 "$RC"
like "title shows 4 ports per cell" "| 4 ports/cell" "$(row 1 0)"
is "zoom 4: a row is 256 ports" "  256" "$(row 1 2 | cut -c1-5)"
like "zoom 4: legend is the shade ramp" "·░▒▓█ assigned share 0-100%" "$(row 1 11)"
is "zoom 16: a row is 1024 ports, marked U where the User range starts" " 1024U" "$(row 2 2 | cut -c1-6)"
is "zoom 64: a row is 4096 ports" " 4096" "$(row 3 2 | cut -c1-5)"
like "title shows 256 ports per cell" "| 256 ports/cell" "$(row 4 0)"
is "zoom 256: row 0 (0-16383): System and User shares" \
	"    0Up ███░████████████▓▓▒▓▒▒▒▓░▒░▒░░░▒░░░▒░░░░░░░░░░░░░░░░░░░░░·░░░░░░" "$(row 4 1)"
is "zoom 256: row 16384" "16384" "$(row 4 2 | cut -c1-5)"
is "zoom 256: row 32768" "32768" "$(row 4 3 | cut -c1-5)"
is "zoom 256: row 49152, the Dynamic range, all free; it also holds 50999 (e)" \
	"49152De ································································" "$(row 4 4)"
is "zoom 256: the rows that hold the faked ephemeral range 40000-50999 are marked e" \
	"32768 e|49152De" "$(row 4 3 | cut -c1-7)|$(row 4 4 | cut -c1-7)"
is "the whole space is on screen: 4 rows of 64 cells of 256 ports" 4 \
	"$(screen 4 | grep -c '^[ 0-9]\{5\}[ UDpe*]\{2\} [·░▒▓█]\{64\}$')"
is "bucket detail: counts" "Ports 0-255 (256 ports, system range), transport any" "$(row 4 7)"
is "bucket detail: assigned, reserved, unassigned" "assigned 207, reserved 5, unassigned 44" "$(row 4 8)"
is "bucket detail: its largest gap" "largest free gap 225-241 (17 ports)" "$(row 4 9)"
like "- at the widest zoom says so" "zoom is already at its widest (256 ports per cell)" "$(row 5 23)"
like "+ goes back to 64" "| 64 ports/cell" "$(row 6 0)"
like "back at 1 port per cell" "| 1 port/cell" "$(row 7 0)"
like "+ at 1 port per cell says so" "zoom is already at its closest (1 port per cell)" "$(row 8 23)"

# Zoom keeps the cursor's port: :32768 then zoom out to 256.
tui 80x24 ':32768<Enter>' '----' '@dump'
is "bucket of 32768" "Ports 32768-33023 (256 ports, user range), transport any" "$(row 1 7)"
is "its counts" "assigned 14, reserved 0, unassigned 242" "$(row 1 8)"
is "its largest gap" "largest free gap 32897-32999 (103 ports)" "$(row 1 9)"

# Wider terminals put more cells on a row (powers of two): 256 at 300 columns.
tui 300x40 '@dump'
is "300 columns: a row is 256 ports" "  256" "$(row 1 2 | cut -c1-5)"
finish
