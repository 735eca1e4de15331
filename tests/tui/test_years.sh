#!/bin/sh
# SPDX-License-Identifier: MIT
# test_years.sh: the years page (y): a bar per year in the range colours,
# reachable to its last line at 80x24, and Enter marks exactly the ports
# of the records registered that year (counted independently with
# Python's csv module).
. "$TESTS_DIR/tui/tui_lib.sh"

# ports YEAR: the distinct ports of the records registered in YEAR.
ports() {
	python3 - "$REG" "$1" <<'PY'
import csv, sys
ports = set()
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    r = csv.reader(f)
    next(r)
    for rec in r:
        if rec[6][:4] == sys.argv[2] and rec[1]:
            lo, _, hi = rec[1].partition("-")
            ports.update(range(int(lo), int(hi or lo) + 1))
print(len(ports), min(ports))
PY
}

tui 80x24 'y' '@dump open' 'G' '@dump end' 'g' '@dump top'
is "exit 0" 0 "$RC"
is "opens on the latest year, chosen" ">2025 " "$(screen 1 | grep '^>' | cut -c1-6)"
is "G: the last line is on screen" "Up/Down choose a year; Enter marks its registrations on the map." \
	"$(row 2 22)"
is "the mode, with the lines shown (G: the last 22 of 34)" "[YEARS 13-34 of 34]" "$(row 2 23 | cut -c1-19)"
is "g: the heading" "Registrations per year (Registration Date), any" "$(row 3 1)"
line=$(screen 3 | grep '^ 2008 ')
like "2008, the busiest year: its count" " 346" "$line"
is "2008: the longest bar fills the width between year and count (65 cells at 80 columns)" 65 \
	"$(printf '%s' "$line" | sed 's/^ 2008 //; s/ *346$//' | tr -d '\n' | wc -m | tr -d ' ')"

for y in 2024 2011; do
	set -- $(ports "$y")
	n=$1 first=$2
	back=$((2025 - y))
	keys=''
	for i in $(seq "$back"); do keys="$keys <Up>"; done
	# shellcheck disable=SC2086
	TUI_ARG=$first tui 100x30 'y' $keys '<Enter>' '@dump marked'
	like "$y: Enter marks exactly its registrations' ports ($n)" "  $y: $n port" "$(row 1 29)"
	like "$y: the legend names the overlay" "registered that year" "$(screen 1)"
done
TUI_TERM=xterm-256color tui 100x30 'y' 'g' '@attrs legend'
legend=$(screen 1 | sed -n 3p)
sys=$(printf '%s' "$legend" | cut -c1) usr=$(printf '%s' "$legend" | cut -c10) dyn=$(printf '%s' "$legend" | cut -c17)
is "the three range swatches have three colours" 3 "$(printf '%s\n' "$sys" "$usr" "$dyn" | sort -u | wc -l | tr -d ' ')"
is "and none is plain text" "" "$(printf '%s\n' "$sys" "$usr" "$dyn" | grep -x '[.a]')"
finish
