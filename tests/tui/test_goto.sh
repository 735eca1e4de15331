#!/bin/sh
# SPDX-License-Identifier: MIT
# test_goto.sh: ':' goes to a port number or a service name; `tui PORT`.
# Expected records checked against an independent Python csv reading.
. "$TESTS_DIR/tui/tui_lib.sh"

tui 100x30 ':443<Enter>' '@dump'
is "exit 0" 0 "$RC"
like "the detail pane is on 443" " Port 443 " "$(row 1 15)"
is "443 per transport" "Port 443 (system): tcp assigned, udp assigned, sctp assigned, dccp unassigned" \
	"$(row 1 16)"
D=$(screen 1)
like "https for tcp" "443/tcp  https  (assigned)  http protocol over TLS/SSL" "$D"
like "https for udp" "443/udp  https  (assigned)  http protocol over TLS/SSL" "$D"
like "https for sctp" "443/sctp  https  (assigned)  HTTPS" "$D"
like "tcp and udp: assignee, contact, dates" \
	"    Assignee: [IESG]  Contact: [IETF_Chair]  Registered: -  Modified: 2021-10-01" "$D"
like "tcp and udp: reference as an RFC number, and the other fields" \
	"    Reference: RFC 9110  Service code: -  Unauthorized use: -  Notes: -" "$D"
like "sctp: assignee and date" \
	"    Assignee: [Randall_Stewart]  Contact: [Randall_Stewart]  Registered: -  Modified: 2022-02-07" "$D"
like "sctp: reference" "    Reference: RFC 9260  Service code: -  Unauthorized use: -  Notes: -" "$D"
is "tcp, udp and sctp records: 3 lines each after the summaries" "443/tcp|443/udp|443/sctp" \
	"$(row 1 18 | cut -c1-7)|$(row 1 21 | cut -c1-7)|$(row 1 24 | cut -c1-8)"
like "status says where we went" "[MAP] port 443" "$(row 1 29)"

# At 80x24 the local sources' line (test_detail.sh) leaves sctp's last line
# one scroll away.
tui 80x24 ':443<Enter>' '@dump' '<Tab>j' '@dump'
D=$(screen 1)
like "80x24: sctp too, without scrolling" "443/sctp  https  (assigned)  HTTPS" "$D"
like "80x24: sctp assignee" "    Assignee: [Randall_Stewart]  Contact: [Randall_Stewart]  Registered: -" "$D"
like "80x24: sctp date and reference, one line down" \
	"    Modified: 2022-02-07  Reference: RFC 9260  Service code: -" "$(screen 2)"

tui 80x24 ':ssh<Enter>' '@dump ssh' ':nosuchservice<Enter>' '@dump unknown' ':70000<Enter>' '@dump big' \
	':22<BS><BS>53<Enter>' '@dump bs' ':80<Esc>' '@dump esc'
like "goto by name: ssh is port 22" " Port 22 " "$(row 1 12)"
like "status names it" "ssh: port 22" "$(row 1 23)"
like "unknown name: an error in the status line" "no service named 'nosuchservice'" "$(row 2 23)"
like "the cursor stays" " Port 22 " "$(row 2 12)"
like "a number past 65535" "'70000' is not a port number (0-65535)" "$(row 3 23)"
like "backspace edits the prompt" " Port 53 " "$(row 4 12)"
like "Esc cancels the prompt" " Port 53 " "$(row 5 12)"

# A mistyped name: did you mean, and whether it could be registered.
tui 200x24 ':htttp<Enter>' '@dump typo' ':my_app<Enter>' '@dump invalid'
like "typo: the nearest names" "no service named 'htttp'; did you mean: http, etftp, htcp, htsp, https; free to register" "$(row 1 23)"
like "invalid: the rule it breaks" "no service named 'my_app'; not a valid name: only US-ASCII letters, digits and hyphens are allowed" "$(row 2 23)"

tui 80x24 ':' '@dump prompt' 'ht' '@dump typing'
is "the prompt is in the status line" "Go to port or service: ht" "$(row 2 23)"

TUI_ARG=https tui 80x24 '@dump'
like "tui NAME starts on it" " Port 443 " "$(row 1 12)"
TUI_ARG=29170 tui 80x24 '@dump' '-' '@dump'
is "tui PORT: its row (29120) is mid-map" "28840|29120" "$(row 1 2 | cut -c1-5)|$(row 1 6 | cut -c1-5)"
is "zooming keeps it mid-map: its row is now 29120-29399" "28000|29120" "$(row 2 2 | cut -c1-5)|$(row 2 6 | cut -c1-5)"
TUI_ARG=3306 tui 80x24 '@dump'
like "tui PORT starts on it" " Port 3306 " "$(row 1 12)"
like "3306 is mysql" "3306/tcp  mysql  (assigned)  MySQL" "$(screen 1)"
TUI_ARG=nosuchservice tui 80x24 '@dump'
is "tui with an unknown name: exit 2" 2 "$RC"
like "and a message" "portscope: no service named 'nosuchservice'" "$ERR"
finish
