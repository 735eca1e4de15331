#!/bin/sh
# SPDX-License-Identifier: MIT
# test_gaps.sh: ']' / '[' jump between free gaps; 't' cycles the transport.
# Gaps checked against an independent Python csv reading of the registry.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 80x24 ':29169<Enter>' ']' '@dump next' '[' '@dump prev' '[' '@dump prev2'
is "exit 0" 0 "$RC"
like "] from 29169 lands on 29170" " Port 29170 " "$(heading 1)"
like "and names the gap" "free gap 29170-29998 (829 ports)" "$(row 1 23)"
like "one state for all four transports is said once" "Port 29170 (user): unassigned for tcp, udp, sctp and dccp" "$(screen 1)"
like "the detail pane says the port is in it" "Free for any: in the gap 29170-29998 (829 ports)" "$(screen 1)"
is "the gap is an overlay: ─ from 29170 to the end of its row" \
	"29120     ···············································███────────────────────" "$(row 1 6)"
like "[ goes back to the previous gap" "free gap 29119-29166 (48 ports)" "$(row 2 23)"
like "its start" " Port 29119 " "$(heading 2)"
like "and again" " Port " "$(heading 3)"

tui 120x24 ':29169<Enter>]' '@dump'
like "the legend names the enabled overlay, then the gutter key" "─free gap U/D range starts" "$(legend_line 1)"

tui 80x24 'G]' '@dump'
like "no gap after the last one" "no free gap after port 65535" "$(row 1 23)"

tui 80x24 't' '@dump tcp' 't' '@dump udp' 't' '@dump sctp' 't' '@dump dccp' 't' '@dump any' \
	'ttt]' '@dump sctpgap'
like "t: tcp" "| tcp |" "$(row 1 0)"
like "status says so" "transport: tcp" "$(row 1 23)"
like "then udp" "| udp |" "$(row 2 0)"
like "then sctp" "| sctp |" "$(row 3 0)"
is "sctp: few assigned ports in row 0" \
	"    0     ·········█··········███···············································" "$(row 3 2)"
like "then dccp" "| dccp |" "$(row 4 0)"
like "then any" "| any |" "$(row 5 0)"
like "gaps follow the transport: first sctp gap after 0 is 10-19" "free gap 10-19 (10 ports)" "$(row 6 23)"
printf '@dump\n' >"$TMPD/k"
OUT=$(PORTSCOPE_TEST_SCRIPT="$TMPD/k" TERM=xterm "$PORTSCOPE" --registry "$REG" --proto udp tui 2>&1)
like "--proto udp starts on udp" "| udp |" "$OUT"
finish
