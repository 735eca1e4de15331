#!/bin/sh
# SPDX-License-Identifier: MIT
# test_zoom.sh: cells of 1, 4 and 16 ports, then at 80x24 the fit zoom,
# where the whole port space is on one screen (64 and 256 ports per cell
# are coarser than the fit zoom there, so '-' goes straight to it). Rows
# hold any number of cells, chosen for round row starts. The bucket counts
# are checked against `portscope free` and `portscope gaps`.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x24 '-' '@dump z4' '-' '@dump z16' '-' '@dump fit' '-' '@dump past' \
	'+' '@dump back16' '++' '@dump z1' '+' '@dump closest'
is "exit 0" 0 "$RC"
like "title shows 4 ports per cell" "| 4 ports/cell" "$(row 1 0)"
is "zoom 4: a row is 70 cells, 280 ports" "  280" "$(row 1 3 | cut -c1-5)"
is "zoom 4: the ruler counts ports" "        + 0                        100                      200" "$(row 1 1)"
is "zoom 4: the legend gives each range its ramp" \
	"·░▒▓█ System ·░▒▓█ User ·░▒▓█ Dynamic = assigned share 0-100%" "$(row 1 11)"
is "zoom 4: the row holding 1024 is marked U" "  840 U" "$(row 1 5 | cut -c1-7)"
is "zoom 16: a row is 1120 ports; row 0 holds the User start (U) and the privileged end (p)" \
	"    0 U p |  1120" "$(row 2 2 | cut -c1-9) | $(row 2 3 | cut -c1-5)"
like "fit: the title says so" "| fit 55 ports/cell" "$(row 3 0)"
is "fit: 9 rows of 70 cells of half cells: 7700 ports a row" "    0| 7700|61600" \
	"$(row 3 2 | cut -c1-5)|$(row 3 3 | cut -c1-5)|$(row 3 10 | cut -c1-5)"
is "fit: every map row is drawn in half cells" 9 \
	"$(screen 3 | grep -c '^[ 0-9]\{5\} [ UD] [ pe*│] [▀▄]\{70\}$')"
is "fit: the rows holding the faked ephemeral range 40000-50999 are marked e, 49152 D" \
	"38500   e|46200 D e" "$(row 3 7 | cut -c1-9)|$(row 3 8 | cut -c1-9)"
is "fit: the legend's ramps are half cells" \
	"▀▀▀▀▀ System ▀▀▀▀▀ User ▀▀▀▀▀ Dynamic = assigned share 0-100%" "$(row 3 11)"
is "bucket detail: counts" "Ports 0-54 (55 ports, system range), transport any" "$(row 3 13)"
is "bucket detail: assigned, reserved, unassigned" "assigned 35, reserved 4, unassigned 16" "$(row 3 14)"
is "bucket detail: its largest gap" "largest free gap 14-16 (3 ports)" "$(row 3 15)"
like "- at the fit zoom says so" "zoom is already at its widest (the whole port space)" "$(row 4 23)"
like "+ goes back to 16" "| 16 ports/cell" "$(row 5 0)"
like "back at 1 port per cell" "| 1 port/cell" "$(row 6 0)"
like "+ at 1 port per cell says so" "zoom is already at its closest (1 port per cell)" "$(row 7 23)"

# Zoom keeps the cursor's port: :32768 then zoom out to 16, then fit.
R=$REG
tui 80x24 ':32768<Enter>' '--' '@dump' '-' '@dump'
is "bucket of 32768 at 16" "Ports 32768-32783 (16 ports, user range), transport any" "$(row 1 13)"
is "its counts" "assigned 10, reserved 0, unassigned $("$PORTSCOPE" --registry "$R" free 32768-32783 | wc -l)" \
	"$(row 1 14)"
is "its largest gap" "largest free gap 32778-32783 (6 ports)|32778-32783	6" \
	"$(row 1 15)|$("$PORTSCOPE" --registry "$R" gaps 32768-32783)"
is "at fit, the bucket holding 32768" "Ports 32725-32779 (55 ports, user range), transport any" "$(row 2 13)"
is "its counts" "assigned 11, reserved 0, unassigned $("$PORTSCOPE" --registry "$R" free 32725-32779 | wc -l)" \
	"$(row 2 14)"
is "its largest gap" "largest free gap 32725-32766 (42 ports)|32725-32766	42" \
	"$(row 2 15)|$("$PORTSCOPE" --registry "$R" gaps 32725-32779 | sort -t'	' -k2 -n | tail -1)"

# The fit zoom's last cell ends at 65535, whatever its size (the cell
# sizes there need not divide 65,536).
tui 80x24 ':65535<Enter>' '---' '@dump'
Z=$(row 1 0 | sed -n 's/.*| fit \([0-9]*\) ports\/cell.*/\1/p')
LO=$((65535 - 65535 % ${Z:-1}))
like "fit: the last bucket stops at 65535" "Ports $LO-65535 ($((65536 - LO)) ports, dynamic range)" "$(screen 1)"

# Wider terminals put more cells on a row: 280 at 300 columns (290 beside
# the gutter), 256 ports per cell is there, and the fit zoom is finer.
tui 300x40 '@dump' '----' '@dump' '-' '@dump'
is "300 columns: a row is 280 ports" "  280" "$(row 1 3 | cut -c1-5)"
like "300x40: 256 ports per cell is coarser than fit, so - goes to fit" "| fit " "$(row 2 0)"
finish
