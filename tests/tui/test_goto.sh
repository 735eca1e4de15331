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

# Tab completes a service name (complete.c): names with a port only,
# ignoring case; several extend to the shared prefix and are listed, Tab
# again cycles through them (then back to the prefix), Shift-Tab backwards.
# Expected names from Python's csv reading of the registry.
tui 80x24 ':htt<Tab>' '@dump list' '<Tab>' '@dump first' '<Tab><Tab>' '@dump third' \
	'<BTab>' '@dump back' '<Enter>' '@dump went'
is "Tab: the shared prefix, the count and the first names that fit" \
	"Go to port or service: http  8 names: http, http-alt, http-mgmt, …" "$(row 1 23)"
is "Tab again: the first name" "Go to port or service: http  name 1 of 8" "$(row 2 23)"
is "and again: the third" "Go to port or service: http-mgmt  name 3 of 8" "$(row 3 23)"
is "Shift-Tab: back to the second" "Go to port or service: http-alt  name 2 of 8" "$(row 4 23)"
like "Enter goes to the name" "http-alt: port 591" "$(row 5 23)"
tui 200x24 ':netb<Tab>' '@dump wide' '<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>' \
	'@dump last' '<Tab>' '@dump wrapped'
is "wide: all 11 names (netblt has no port: left out)" \
	"Go to port or service: netb  11 names: netbill-auth, netbill-cred, netbill-keyrep, netbill-prod, netbill-trans, netbios-dgm, netbios-ns, netbios-ssn, netblox, netbookmark, netboot-pxe" \
	"$(row 1 23 | sed 's/ *$//')"
is "the 11th Tab: the last name" "Go to port or service: netboot-pxe  name 11 of 11" "$(row 2 23 | sed 's/ *$//')"
is "after the last: the prefix and the list again" "Go to port or service: netb  11 names: netbill-auth" \
	"$(row 3 23 | cut -c1-51)"
tui 80x24 ':SSHE<Tab>' '@dump unique' '<Enter>' '@dump went' ':  ImAp<Tab>' '@dump imap' \
	'<Esc>' ':xyzq<Tab>' '@dump none' '<BS>' '@dump edited' '<Esc>' ':' '<Tab>' '@dump all'
is "a unique name is filled in, ignoring case" "Go to port or service: sshell  1 name: sshell" \
	"$(row 1 23 | sed 's/ *$//')"
like "and Enter goes there" "sshell: port 614" "$(row 2 23)"
is "leading blanks dropped; imap2 has no port" "Go to port or service: imap  3 names: imap, imap3, imaps" \
	"$(row 3 23 | sed 's/ *$//')"
is "no name: said, the text kept" "Go to port or service: xyzq  no service name with a port starts with 'xyzq'" \
	"$(row 4 23 | sed 's/ *$//')"
is "an edit clears the note" "Go to port or service: xyz" "$(row 5 23 | sed 's/ *$//')"
is "Tab on nothing: every name with a port" "Go to port or service:   6328 names: 1ci-smcs, 2ping, 3com-amp3, …" \
	"$(row 6 23 | sed 's/ *$//')"
tui 50x10 ':my<Tab>' '@dump narrow' '<Tab>' '@dump cycle' '<Esc>' ':xyzzy<Tab>' '@dump none'
is "50 columns: the names that fit, then …" "Go to port or service: my  12 names: myblast, …" "$(row 1 9)"
is "50 columns: the cycle note whole" "Go to port or service: myblast  name 1 of 12" "$(row 2 9 | sed 's/ *$//')"
is "50 columns: the error cut after a word, with …" "Go to port or service: xyzzy  no service name…" "$(row 3 9)"

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
