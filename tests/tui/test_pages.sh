#!/bin/sh
# SPDX-License-Identifier: MIT
# test_pages.sh: the help page (from the key table), the ranges page, the
# detail pane's focus and scrolling, and the keys whose features other
# parts of portscope provide.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x40 '?' '@dump help' 'q' '@dump back' '<F1><Esc>' '@dump esc' '?<End>' '@dump end' \
	'q?<PgDn>' '@dump middle'
# the help page is longer than 40 rows: its top, its middle and its end
H="$(screen 1)
$(screen 5)
$(screen 4)"
is "exit 0" 0 "$RC"
like "help: status says so, and which lines it shows" "[HELP 1-38 of " "$(row 1 39)"
for k in "Left h " "Right l " "Up k " "Down j " "PgUp " "PgDn Space " "Home g " "End G " \
	"+ " "- " ": " "] " "[ " "> " "< " "t " "/ " "n " "N " "L " "S " "s " "r " "Tab " "Enter " "D " \
	"} " "{ " "? F1 " "Ctrl-L " "mouse " "Esc " "q "; do
	like "help lists '$k'" "
$k" "$H"
done
like "help: goto" ":             go to a port or service name (:443, :ssh)" "$H"
like "help: gaps" "]             next free gap (run of unassigned ports)" "$H"
like "q on a page goes back to the map" "[MAP]" "$(row 2 39)"
like "Esc too" "[MAP]" "$(row 3 39)"

tui 80x24 'r' '@dump ranges' 'G' '@dump end' 't' '@dump tcp' 'r' '@dump back'
R="$(screen 1)
$(screen 2)"
like "ranges: heading" "RFC 6335 port ranges in the IANA registry of 2025-03-28, transport any" "$R"
like "ranges: System counts" "System (well-known)  0-1023        1.6%       696         8         320" "$R"
like "ranges: User counts" "User (registered)    1024-49151   73.4%      5461        10       42657" "$R"
like "ranges: Dynamic counts" "Dynamic (private)    49152-65535  25.0%         0         0       16384" "$R"
like "ranges: who assigns System ports" "  Who assigns     IANA, by IETF Review or IESG Approval (RFC 6335 8.1.2)." "$R"
like "ranges: this machine's ephemeral range beside IANA's" \
	"  Ephemeral       40000-50999 here; IANA suggests 49152-65535" "$R"
like "ranges: how much of it is in the User range" \
	"(9152 User ports are handed out as ephemeral ports here)" "$R"
like "ranges: privileged boundary" "  Privileged      ports below 80 here; IANA's System range ends at 1023" "$R"
is "ranges: G shows its last line on the last row above the status line" \
	"t changes the transport counted; q, Esc or r returns to the map." "$(row 2 22)"
like "ranges follow t: tcp counts" "System (well-known)  0-1023        1.6%       691        11         322" "$(screen 3)"
like "r again returns to the map" "[MAP]" "$(row 4 23)"

PORTSCOPE_SYSROOT=$TMPD/empty tui 80x24 'r' '@dump'
like "ranges without /proc facts" "  Ephemeral       unknown here; IANA suggests 49152-65535" "$(screen 1)"
PORTSCOPE_SYSROOT=$FIXTURES/sysroot-bad tui 300x24 '@dump'
like "a malformed /proc file is named in the status line" \
	"sysroot-bad/proc/sys/net/ipv4/ip_unprivileged_port_start:1: expected 1 port number from 0 to 65535" "$(row 1 23)"
PORTSCOPE_SYSROOT=$FIXTURES/sysroot-bad TUI_ARG=8080 tui 300x24 '@dump'
like "... and stays there when the command line puts the cursor on a port" \
	"sysroot-bad/proc/sys/net/ipv4/ip_unprivileged_port_start:1: expected 1 port number from 0 to 65535" "$(row 1 23)"
like "... which the cursor is on" " Port 8080 " "$(screen 1)"

# Tab focuses the detail pane; arrows then scroll it, the map stays.
tui 80x24 ':443<Enter>' '<Tab>' '@dump focus' 'jjj' '@dump scrolled' 'G' '@dump end' '<Tab>j' '@dump map'
like "Tab: the pane says it has the focus" "[detail focused: arrows scroll, Tab back]" "$(row 1 12)"
like "status mode" "[DETAIL]" "$(row 1 23)"
like "jjj scrolls the pane (10 lines shown): lines 4-13" " Port 443  4-13/" "$(row 2 12)"
is "G scrolls to its end: the last line shown is the last" "last" \
	"$(row 3 12 | sed -n 's|^ Port 443  [0-9]*-\([0-9]*\)/\([0-9]*\) .*|\1 \2|p' |
		awk '{ print ($1 == $2 && $1 > 13) ? "last" : $0 }')"
like "Tab again: j moves the map cursor (a row is 70 ports)" " Port 513 " "$(heading 4)"

# '/', 'n' and 'N' are tested in test_search.sh; 'L' and 's' in test_choose.sh.
finish
