#!/bin/sh
# SPDX-License-Identifier: MIT
# test_less.sh: the pages behave like less (doc/HACKING.md, "Pages: struct page_ops"): each
# scrolls on its own, apart from its selection, says which lines it shows
# ("1-22 of 41" in the status line's mode) and reaches its last line at
# 80x24 and at the smallest size (40x10); help is grouped under headings
# and in two columns on a wide terminal; the suggestions page names its
# checks as the CLI does and colours pass, fail and n/a; the ranges page
# draws the ranges as a proportional bar in the map's colours, with the
# kernel's ephemeral range under it and keys 1 2 3 that put the map's
# cursor on each range's start. The kernel's facts are the fixture's
# (ephemeral 40000-50999).
. "$TESTS_DIR/tui/tui_lib.sh"
# The suggestions page's legend names its sources' paths: the TUI runs in a
# scratch directory on relative ones (registry, sysroot, home), so the
# pages' line counts are the same in every build tree.
W="$TMPD/w"
mkdir -p "$W/h"
cp -R "$FIXTURES/sysroot" "$W/sys"
ln -s "$REG" "$W/reg.csv"
cd "$W" || exit 1
export PORTSCOPE_SYSROOT=sys HOME=h
unset XDG_CONFIG_HOME XDG_DATA_HOME
TUI_REG=reg.csv

# pos N: "FIRST LAST TOTAL" of the page in dump N's status line.
pos() {
	screen "$1" | sed -n 's/^\[[A-Z]* \([0-9]*\)-\([0-9]*\) of \([0-9]*\)\].*/\1 \2 \3/p'
}
# style N ROW COL: the look of a cell of styles dump N ("fg 39 bg 18").
style() {
	_sym=$(row "$1" "$2" | cut -c"$(($3 + 1))")
	screen "$1" | sed -n "s/^= $_sym //p"
}
# styles_run N ROW FROM TO: the looks of the cells FROM..TO of a row, each
# with how many cells have it, in the order they first appear.
styles_run() {
	row "$1" "$2" | cut -c"$(($3 + 1))-$(($4 + 1))" | fold -w1 | uniq -c |
		while read -r n sym; do
			printf '%s×%s; ' "$n" "$(screen "$1" | sed -n "s/^= $sym //p")"
		done
}

# 1. Each page reaches its last line with G or End, at 80x24, 40x10 (the
# smallest), 100x30 and 200x60; the position says so. A page longer than
# the screen shows its last line on the row above the status line.
for size in 80x24 40x10 100x30 200x60; do
	rows=${size#*x}
	TUI_ARG=8080 tui "$size" 's' 'G' '@dump suggest' 'q' '?' '<End>' '@dump help' 'q' \
		'r' 'G' '@dump ranges' 'q' 'y' '<End>' '@dump years'
	is "$size: exit 0" 0 "$RC"
	last=$((rows - 2))
	for n in 1 2 3 4; do
		set -- $(pos $n)
		is "$size: page $n: the last line shown is the page's last ($*)" "$3" "$2"
		want=$((rows - 2))
		[ "$3" -lt "$want" ] && want=$3
		is "$size: page $n: a screen of lines is shown, or all of them" "$want" "$(($2 - $1 + 1))"
	done
	[ "$size" = 80x24 ] || [ "$size" = 40x10 ] || continue
	like "$size: suggestions: the last check's explanation, on the last row" \
		"6335, RFC 7605]" "$(row 1 $last)"
	like "$size: help: the last line of the colours, on the last row" \
		"offset from the row's start." "$(row 2 $last)"
	like "$size: ranges: its last line, on the last row" "map." "$(row 3 $last)"
	like "$size: years: its last line, on the last row" "on the map." "$(row 4 $last)"
done

# 80x16: the exact positions, and the suggestions page's PgDn reaches its
# explanations while the selection stays where it was; j then brings it
# back into view.
TUI_ARG=8080 tui 80x16 's' '@dump top' '<PgDn>' '@dump pgdn' '<PgDn>' '@dump pgdn2' 'g' '@dump g' \
	'<PgDn>j' '@dump j' '<Enter>' '@dump enter'
is "suggestions open at the top: 1-14 of 40" "[SUGGEST 1-14 of 40]" "$(row 1 15 | cut -c1-20)"
is "PgDn: a screen on, less a line: 14-27 of 40" "[SUGGEST 14-27 of 40]" "$(row 2 15 | cut -c1-21)"
unlike "PgDn: the chosen row scrolled away with the rest" "> 8079            -1" "$(screen 2)"
like "PgDn: the chosen row's free run stays said" "> 8079: free run 8078-8079 (2 ports)" "$(screen 2)"
is "PgDn again: to the last line: 27-40 of 40" "[SUGGEST 27-40 of 40]" "$(row 3 15 | cut -c1-21)"
like "PgDn again: the explanations are on screen" "  listen     nothing listens on it here" "$(screen 3)"
is "g: the top again" "[SUGGEST 1-14 of 40]" "$(row 4 15 | cut -c1-20)"
is "PgDn, then j: the next row chosen and scrolled into view, on the first row" \
	"> 8078            -2" "$(row 5 1 | cut -c1-20)"
like "Enter goes to the chosen port" " Port 8078 " "$(heading 6)"

# 2. Help: grouped under headings, at 80 columns in one column (the whole
# page on a tall screen), in the order of the groups; each key under its
# heading.
tui 80x100 '?' '@dump'
H=$(screen 1)
is "help at 80x100: all of it on screen" "[HELP 1-80 of 80]" "$(row 1 99 | cut -c1-17)"
order=$(for h in "Moving" "Zoom and layout" "Search" "Overlays (marks on the map)" "Pages" "Other" \
	"On the suggestions page (s):" "On the ranges page (r):" "Colours and marks"; do
	printf '%s\n' "$H" | grep -n -x -m1 "$h" | cut -d: -f1
done | paste -sd' ')
is "help: the nine headings, each on a line of its own" 9 "$(echo $order | wc -w)"
is "help: the headings in order" "$(echo $order | tr ' ' '\n' | sort -n | paste -sd' ')" "$order"
# section NAME: the key names listed under heading NAME, up to the blank line.
section() {
	printf '%s\n' "$H" | awk -v h="$1" '$0 == h { on = 1; next } on && /^$/ { exit }
		on && substr($0, 1, 1) != " " { print substr($0, 1, 14) }' | sed 's/ *$//' | paste -sd'|'
}
is "help: moving" "Left h|Right l|Up k|Down j|PgUp|PgDn Space|Home g|End G|:|]|[|mouse" "$(section Moving)"
is "help: zoom" "+|-|D|}|{" "$(section 'Zoom and layout')"
is "help: search" "/|n|N" "$(section Search)"
is "help: overlays" ">|<|L|F|M|S" "$(section 'Overlays (marks on the map)')"
is "help: pages" "s|c|r|y|? F1" "$(section Pages)"
is "help: other" "t|U|Tab|Enter|Ctrl-L|Esc|q" "$(section Other)"
is "help: the ranges page's keys" "1|2|3" "$(section 'On the ranges page (r):')"

# At 200x60 two columns side by side, all of it on one screen: Moving on
# the left, Pages at the head of the right column (column 101).
tui 200x60 '?' '@dump'
is "200x60: exit 0" 0 "$RC"
is "200x60: all of it on screen" "[HELP 1-41 of 41]" "$(row 1 59 | cut -c1-17)"
is "200x60: Moving heads the left column" "Moving" "$(row 1 3 | cut -c1-100 | sed 's/ *$//')"
is "200x60: Pages heads the right one" "Pages" "$(row 1 3 | cut -c102-)"
is "200x60: a key in each column" \
	"Left h        previous cell (scroll up in a page)|s             suggest free ports near the cursor (a page; s again closes)" \
	"$(row 1 4 | cut -c1-100 | sed 's/ *$//')|$(row 1 4 | cut -c102-)"
# Every key of the table is in one of the columns, at a line's start.
COLS2="$(screen 1 | cut -c1-100)
$(screen 1 | cut -c102-)"
for k in "Left h " "Right l " "Up k " "Down j " "PgUp " "PgDn Space " "Home g " "End G " \
	"+ " "- " ": " "] " "[ " "> " "< " "t " "/ " "n " "N " "L " "F " "M " "s " "U " "c " "r " "y " \
	"Tab " "Enter " "D " "} " "{ " "? F1 " "Ctrl-L " "mouse " "Esc " "q "; do
	like "200x60: help lists '$k'" "
$k" "$COLS2"
done

# 3. Suggestions: the checks by the CLI's names, each mark under its name,
# in colour: fail red and bold, pass green, n/a dim (the fixture has no
# nmap-services, no /etc/services and no labels: n/a).
TUI_ARG=8080 tui 80x24 's' '@dump' '@styles' 'G' '@dump end'
is "suggest: the checks by the CLI's names" \
	"  PORT        OFFSET iana services labels nmap browser listen ephemeral range" "$(row 1 4)"
is "suggest: 8080's marks under the names" \
	"  8080                ✗      ·       ·     ·      ✓      ✓        ✓       ✓" "$(row 1 5)"
is "suggest: 8080's failure in words" "    8080 itself fails: iana (assigned)" "$(row 1 6)"
is "suggest: fail (iana) is red and bold" "fg 203 bg -1 bold" "$(style 2 5 22)"
is "suggest: n/a (services) is dim grey" "fg 244 bg -1" "$(style 2 5 29)"
is "suggest: pass (browser) is green" "fg 114 bg -1" "$(style 2 5 50)"
like "suggest: the legend names each check (after G)" "  listen     nothing listens on it here" "$(screen 3)"
unlike "suggest: no letters for the checks any more" "islnbher" "$(screen 1)"
# 8 colours and monochrome keep the meaning: fail stands out (bold).
TUI_TERM=xterm TUI_ARG=8080 tui 80x24 's' '@styles'
is "8 colours: fail is red and bold" "fg 1 bg -1 bold" "$(style 1 5 22)"
is "8 colours: n/a is dim" "fg 7 bg -1 dim" "$(style 1 5 29)"
is "8 colours: pass is green" "fg 2 bg -1" "$(style 1 5 50)"
NO_COLOR=1 TUI_ARG=8080 tui 80x24 's' '@styles'
is "no colour: fail is bold" "fg -1 bg -1 bold" "$(style 1 5 22)"
is "no colour: n/a is dim" "fg -1 bg -1 dim" "$(style 1 5 29)"
is "no colour: pass is plain" "fg -1 bg -1" "$(style 1 5 50)"
unset NO_COLOR

# 4. Ranges: the bar spans columns 1 to COLS-2, each range as long as its
# share (rounded; System keeps a column), in the look of the map's cells
# of its range: those of port 5 (System, assigned), 1051 (User, assigned)
# and 59710 (Dynamic, free: a Dynamic cell has one look in 256 colours).
tui 80x24 'r' '@dump' '@styles' 'q' ':1<Enter>' '@styles sys' ':1080<Enter>' '@styles usr' \
	':60000<Enter>' '@styles dyn'
is "ranges: the bar at 80 columns: 1 + 58 + 19 cells of the three looks" \
	"1×fg 39 bg 18; 58×fg 214 bg 58; 19×fg 250 bg 237; " "$(styles_run 2 2 1 78)"
is "ranges: the bar is drawn with the map's full block" \
	" ██████████████████████████████████████████████████████████████████████████████" "$(row 1 2)"
is "ranges: the System look is the map's (port 5's cell)" "$(style 2 2 1)" "$(style 3 2 15)"
is "ranges: the User look is the map's (port 1051's cell)" "$(style 2 2 2)" "$(style 4 6 11)"
is "ranges: the Dynamic look is the map's (port 59710's cell)" "$(style 2 2 78)" "$(style 5 2 10)"
is "ranges: the scale under the bar" \
	" 0 1024                                                     49152         65535" "$(row 1 3)"
is "ranges: the ephemeral range 40000-50999 under its columns 49-61" \
	"                      ephemeral 40000-50999 here └───────────┘" "$(row 1 4)"
is "ranges: its keys, under the bar" \
	" 1 System 0  2 User 1024  3 Dynamic 49152: the map's cursor to the range's start" "$(row 1 5)"
is "ranges: the names in their ranges' looks" \
	"fg 39 bg 18|fg 214 bg 58|fg 250 bg 237" "$(style 2 5 3)|$(style 2 5 15)|$(style 2 5 28)"
is "ranges: the table's names too" "$(style 2 2 1)|$(style 2 2 2)|$(style 2 2 78)" \
	"$(style 2 8 0)|$(style 2 9 0)|$(style 2 10 0)"
like "ranges: the shares" "User (registered)    1024-49151   73.4%      5461" "$(screen 1)"
tui 200x60 'r' '@styles'
is "ranges: at 200 columns 3 + 146 + 49 cells" \
	"3×fg 39 bg 18; 146×fg 214 bg 58; 49×fg 250 bg 237; " "$(styles_run 1 2 1 198)"
tui 200x60 'r' '@dump'
is "ranges: at 200 columns the ephemeral range inside its bracket (columns 123-155)" \
	"└─ ephemeral 40000-50999 here ──┘" "$(row 1 4 | cut -c123-)"
# 8 colours and monochrome: still three looks.
TUI_TERM=xterm tui 80x24 'r' '@styles'
is "ranges, 8 colours: blue, yellow, white, as on the map" \
	"1×fg 4 bg -1 bold; 58×fg 3 bg -1 bold; 19×fg 7 bg -1 bold; " "$(styles_run 1 2 1 78)"
NO_COLOR=1 tui 80x24 'r' '@styles'
is "ranges, no colour: bold, plain, dim" \
	"1×fg -1 bg -1 bold; 58×fg -1 bg -1; 19×fg -1 bg -1 dim; " "$(styles_run 1 2 1 78)"
unset NO_COLOR

# The keys 1 2 3 close the page and put the cursor on each range's start;
# the status line describes that port.
TUI_ARG=8080 tui 80x24 'r2' '@dump user' 'r3' '@dump dynamic' 'r1' '@dump system'
is "2: the map, on port 1024" " Port 1024 " "$(heading 1 | cut -c1-11)"
is "2: the status line" "[MAP] port 1024: reserved, user range  start of the User range (1024-49151)" \
	"$(row 1 23 | sed 's/ *$//')"
is "3: port 49152" " Port 49152 " "$(heading 2 | cut -c1-12)"
like "3: the status line" "[MAP] port 49152: unassigned, dynamic" "$(row 2 23)"
is "1: port 0" " Port 0 " "$(heading 3 | cut -c1-8)"
is "1: the status line" "[MAP] port 0: reserved, system range  start of the System range (0-1023)" \
	"$(row 3 23 | sed 's/ *$//')"

# 5. :8080 says the port once in the status line.
tui 80x24 ':8080<Enter>' '@dump'
is "goto: the port said once" "[MAP] port 8080 http-alt: assigned, user range" \
	"$(row 1 23 | sed 's/ *? help.*//')"
finish
