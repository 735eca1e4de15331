#!/bin/sh
# SPDX-License-Identifier: MIT
# test_detail.sh: at 80x24 the detail pane says what the local sources
# (listeners, /etc/services, nmap-services, labels, browsers) know of the
# cursor port in one line under the port's states, without scrolling; the
# full section stays below the records. The sources are the fixtures of
# test_choose.sh, plus https on 443 in /etc/services and nmap-services.
. "$TESTS_DIR/tui/tui_lib.sh"
R="$TMPD/root"
"$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$R"
cp -R "$FIXTURES/sysroot-suggest/etc" "$FIXTURES/sysroot-suggest/usr" "$R/"
printf 'https\t443/tcp\nhttps\t443/udp\n' >>"$R/etc/services"
printf 'https\t443/tcp\t0.208669\nhttps\t443/udp\t0.000100\n' >>"$R/usr/share/nmap/nmap-services"
export PORTSCOPE_SYSROOT="$R" XDG_CONFIG_HOME="$FIXTURES/config-suggest"

# At 80x24 the pane's heading is row 12 and its 10 lines rows 13-22.
tui 80x24 ':443<Enter>' '@dump 443' ':8080<Enter>' '@dump 8080' ':8078<Enter>' '@dump 8078' \
	':6667<Enter>' '@dump 6667' '<Tab>G' '@dump 6667 end'
is "exit 0" 0 "$RC"
is "443: the states, then the local sources (the IPv6 address left out to fit)" \
	"Port 443 (system): tcp assigned, udp assigned, sctp assigned, dccp unassigned
Here: listening tcp; /etc/services https; nmap 0.208669; label -" "$(screen 1 | sed -n '14,15p')"
is "443: then the records" "443/tcp  https  (assigned)  http protocol over TLS/SSL" "$(row 1 15)"
is "8080: the process that listens, the names and nmap's frequency" \
	"Here: listening tcp (webserver); /etc/services http-alt; nmap 0.042052; label -" "$(row 2 14)"
is "8078: a labelled free port, after its gap" \
	"Free for any: in the gap 8078-8079 (2 ports)
Here: nobody listens; /etc/services -; nmap -; label ourapp" "$(screen 3 | sed -n '15,16p')"
is "6667: browser-blocked" "Here: nobody listens; /etc/services -; nmap 0.006000; label -; browser-blocked" \
	"$(row 4 14)"
like "6667: the full section is still below the records" \
	"Browsers          blocked: browsers refuse to fetch from it" "$(screen 5)"

# Wider, the address fits; the full section gives the rest.
tui 120x40 ':8080<Enter>' '@dump' ':443<Enter>' '@dump'
is "120 columns: 8080 with its address" \
	"Here: listening tcp 127.0.0.1:8080 (webserver); /etc/services http-alt; nmap 0.042052; label -" "$(row 1 22)"
is "120 columns: 443 with its IPv6 address" \
	"Here: listening tcp [2001:db8::1]:443; /etc/services https; nmap 0.208669; label -" "$(row 2 22)"
like "the full section: the listener with its pid" \
	"Listening here    tcp 127.0.0.1:8080 pid 100 webserver" "$(screen 1)"

# More than one listener on a port (a second socket on 22, its holder
# unknown): the first, and how many more. A process name is untrusted text:
# shown escaped.
printf '%s\n' '   3: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9999 1 0000000000000000 100 0 0 10 0' >>"$R/proc/net/tcp"
tui 120x40 ':22<Enter>' '@dump' ':5353<Enter>' '@dump'
like "22: the first listener and how many more" "Here: listening tcp 0.0.0.0:22 (sshd) (+1 more); /etc/services -" "$(row 1 22)"
like "5353: the process name escaped" "Here: listening udp [::]:5353 (mdns\\e[31mevil);" "$(screen 2 | grep '^Here:')"

# Without any source file the line says so, source by source.
PORTSCOPE_SYSROOT="$FIXTURES/sysroot" XDG_CONFIG_HOME="$TMPD/none" tui 80x24 ':443<Enter>' '@dump'
is "no sources: n/a each" "Here: nobody listens; /etc/services n/a; nmap n/a; label n/a" "$(row 1 14)"

# German.
export LC_ALL=de_DE.UTF-8
tui 80x24 ':8080<Enter>' '@dump'
export LC_ALL=C.UTF-8
is "German" "Hier: lauschend tcp; /etc/services http-alt; nmap 0,042052; Beschriftung -" "$(row 1 14)"
finish
