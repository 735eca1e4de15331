#!/bin/sh
# SPDX-License-Identifier: MIT
# test_choose.sh: choosing a port in the TUI: `L` marks the
# listeners, `F` / `U` the nmap-frequent and labelled ports, the detail pane
# shows every source's facts for the cursor port, `s` lists the same
# suggestions as `portscope suggest`. All sources are fixtures: the listeners
# tree of test_listeners.sh (its fd links made by mkproc.sh) plus the
# /etc/services and nmap-services of test_suggest.sh, and its labels.
. "$TESTS_DIR/tui/tui_lib.sh"
R="$TMPD/root"
"$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$R"
cp -R "$FIXTURES/sysroot-suggest/etc" "$FIXTURES/sysroot-suggest/usr" "$R/"
export PORTSCOPE_SYSROOT="$R" XDG_CONFIG_HOME="$FIXTURES/config-suggest"
LABELS="$FIXTURES/config-suggest/portscope/labels"

# marked Z DUMP: the first port of every map cell drawn with the ASCII
# listener glyph '@' in dump DUMP of zoom Z (ports per cell), ascending.
marked() {
	screen "$2" | awk -v z="$1" -v g="${3:-@}" '
		/^[ 0-9][ 0-9][ 0-9][ 0-9][0-9] [ UD] [ pe*|] / {
			lo = $1 + 0
			for (c = 11; c <= length($0); c++)
				if (substr($0, c, 1) == g)
					print lo + (c - 11) * z
		}' | tr '\n' ' '
}

# cells Z PORT...: the first ports of the cells of Z ports holding PORTs.
cells() {
	_z=$1
	shift
	for _p in "$@"; do echo $((_p - _p % _z)); done | sort -nu | tr '\n' ' '
}

# 1. L marks the fixture listeners (22, 53, 443, 5353, 8080-8082, 40000) at
# every zoom, also the fit zoom (about 20 ports per cell at 200x40 in
# ASCII; how many follows the detail pane's height, and so the fixture's
# path the pane names).
LC_ALL=C tui 200x40 ':8000<Enter>' '@dump before' 'L' '@dump zoom1' '----' '@dump fit' \
	't' '@dump tcp' 'L' '@dump off'
Z=$(row 3 0 | sed -n 's/.*| fit \([0-9]*\) ports\/cell.*/\1/p')
is "exit 0" 0 "$RC"
is "no marks before L" "" "$(marked 1 1)"
is "zoom 1: 8080-8082 marked" "8080 8081 8082 " "$(marked 1 2)"
is "fit: the cells holding a listener" "$(cells "${Z:-0}" 22 53 443 5353 8080 8081 8082 40000)" \
	"$(marked "${Z:-0}" 3)"
is "t (tcp): the udp listeners' cells (53, 5353, 40000) are not marked" \
	"$(cells "${Z:-0}" 22 443 8080 8081 8082)" "$(marked "${Z:-0}" 4)"
is "L again: marks off" "" "$(marked "${Z:-0}" 5)"
like "the legend names the overlay" "@listening" "$(legend_line 2)"
like "status: counts, and the unreadable process (not fatal)" \
	"8 listening sockets, 8 ports marked (any); the sockets of 1 process could not be read (not root?)" \
	"$(row 2 39)"
like "status: off" "listening marks off" "$(row 5 39)"

# The UTF-8 glyph, and the transport filter in the count.
tui 100x30 ':8000<Enter>' 'L' '@dump'
like "UTF-8: ● on 8080-8082" " 8010     ·····███·█████·███····███·····█████······███████████····██··█···█··▒··●●●██·███·██" "$(screen 1)"

# A malformed /proc/net line is said in the status line; the map still draws.
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-malformed" tui 300x30 'L' '@dump'
like "malformed /proc/net: named, not fatal" \
	"5 malformed lines skipped ($FIXTURES/sysroot-malformed/proc/net/tcp:3: too few fields (expected at least 10))" \
	"$(row 1 29)"
is "malformed: exit 0" 0 "$RC"

# 2. F and U: ports nmap sees open often (8080, 8076, 6667; not 8075, below
# the threshold) and the labelled port (8078).
LC_ALL=C tui 200x40 ':8000<Enter>' 'F' '@dump nmap' 'M' '@dump labels'
is "F: nmap-frequent ports (all three on screen)" "6667 8076 8080 " "$(marked 1 1 '!')"
like "F: status" "nmap-frequent: 3 ports marked (any, $R/usr/share/nmap/nmap-services)" "$(row 1 39)"
is "U: labelled ports" "8078 " "$(marked 1 2 '&')"
like "U: legend" "!nmap-frequent &labelled" "$(legend_line 2)"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot" tui 200x30 'F' '@dump'
like "F without nmap-services: n/a, with where it was looked for" \
	"nmap-frequent: n/a ($FIXTURES/sysroot/usr/share/nmap/nmap-services does not exist)" "$(row 1 29)"

# 3. The detail pane: listeners with pid and process, /etc/services, nmap,
# labels, browser-blocked, the names per source where they differ.
tui 200x60 ':8080<Enter>' '@dump 8080' ':8078<Enter>' '@dump 8078' ':6667<Enter>' '@dump 6667' \
	':5353<Enter>' '@dump 5353' ':53<Enter>' '@dump 53' ':8081<Enter>' '@dump 8081'
D=$(screen 1)
like "8080: heading" "Port 8080 here and in other sources" "$D"
like "8080: the listener, pid and process" "Listening here    tcp 127.0.0.1:8080 pid 100 webserver" "$D"
like "8080: where the listeners come from" "                  [$R/proc/net, scanned " "$D"
like "8080: /etc/services name" "/etc/services     http-alt/tcp  [$R/etc/services]" "$D"
like "8080: nmap frequency" "nmap-services     http-proxy/tcp open frequency 0.042052 (in real use)  [$R/usr/share/nmap/nmap-services]" "$D"
like "8080: no label" "Your labels       -  [$LABELS]" "$D"
like "8080: not browser-blocked" "Browsers          not blocked  [WHATWG Fetch bad ports, built in: 83 ports]" "$D"
like "8080: names differ, every name with its source" "Names differ between sources:
  IANA registry   http-alt/tcp http-alt/udp
  /etc/services   http-alt/tcp
  nmap-services   http-proxy/tcp" "$D"
D=$(screen 2)
like "8078: the label" "Your labels       ourapp/tcp  [$LABELS]" "$D"
like "8078: nobody listens" "Listening here    nobody  [$R/proc/net, scanned " "$D"
D=$(screen 3)
like "6667: browser-blocked" "Browsers          blocked: browsers refuse to fetch from it" "$D"
like "6667: nmap" "nmap-services     irc/tcp open frequency 0.006000 (in real use)" "$D"
like "5353: IPv6 listener, its hostile process name escaped" \
	"Listening here    udp [::]:5353 pid 400 mdns\\e[31mevil" "$(screen 4)"
like "53: its process unreadable" "Listening here    udp 0.0.0.0:53 pid - (its process could not be read: not root?)" "$(screen 5)"
like "8081: IPv6 loopback" "Listening here    tcp [::1]:8081 pid 100 webserver" "$(screen 6)"
# With every fd directory read, a socket nobody holds closed during the
# scan (or is the kernel's): "not root?" would be the wrong guess.
cp -R "$R" "$TMPD/root2" && rm -rf "$TMPD/root2/proc/300"
PORTSCOPE_SYSROOT="$TMPD/root2" tui 200x60 ':53<Enter>' '@dump'
like "53: nobody holds it, all fds read" \
	"Listening here    udp 0.0.0.0:53 pid - (no process holds it: closed during the scan, or the kernel's)" \
	"$(screen 1)"
is "no raw escape reaches the screen" "" "$(screen 4 | tr -d '\n' | LC_ALL=C tr -d ' -~\200-\377')"

# Absent sources are n/a with where they were looked for; a malformed
# labels file is named, never fatal.
mkdir -p "$TMPD/cfg/portscope"
printf 'good 9000/tcp\nbad 9001\n' >"$TMPD/cfg/portscope/labels"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot" XDG_CONFIG_HOME="$TMPD/cfg" TUI_ARG=8080 tui 200x60 '@dump'
is "absent / malformed sources: exit 0" 0 "$RC"
D=$(screen 1)
like "no /etc/services: n/a" "/etc/services     n/a [$FIXTURES/sysroot/etc/services does not exist]" "$D"
like "no nmap-services: n/a" "nmap-services     n/a [$FIXTURES/sysroot/usr/share/nmap/nmap-services does not exist]" "$D"
like "bad labels: kept, with the skipped line named" \
	"Your labels       -  [$TMPD/cfg/portscope/labels; 1 malformed line skipped (line 2: expected 'port/protocol' after the service name)]" "$D"
like "bad labels: in the status line too" "$TMPD/cfg/portscope/labels:2: expected 'port/protocol'" "$(row 1 59)"
like "no listeners here" "Listening here    nobody  [$FIXTURES/sysroot/proc/net, scanned " "$D"

# 4. s on 8080: the same ports, in the same order, as `portscope suggest`
# with the same sources; Enter jumps to the chosen one.
# rows N: the PORT column of the suggestion rows of dump N.
rows() {
	screen "$1" | sed 's/^>/ /' | awk '$1 ~ /^[0-9]+(-[0-9]+)?$/ && $2 ~ /^[-+][0-9]+$/ { print $1 }' |
		tr '\n' ' '
}
cli_ports() { "$PORTSCOPE" --registry "$REG" suggest "$@" --count 20 --format csv | sed 1d | cut -d, -f4 | tr '\n' ' '; }
cli_blocks() { "$PORTSCOPE" --registry "$REG" suggest "$@" --count 20 --format csv | sed 1d | cut -d, -f1,2 | uniq | tr ',\n' '- '; }

# The page's legend names its sources' paths: relative ones here (from
# $TMPD), so its line count is the same in every build tree.
cd "$TMPD" && ln -s "$REG" reg.csv && mkdir -p h/.config &&
	cp -R "$FIXTURES/config-suggest/portscope" h/.config/ || exit 1
PORTSCOPE_SYSROOT=root HOME=h XDG_CONFIG_HOME= TUI_REG=reg.csv \
	tui 120x40 ':8080<Enter>' 's' '@dump s' 'jj' '@dump jj' '<Enter>' '@dump enter'
cd "$OLDPWD" || exit 1
WANT=$(cli_ports 8080)
is "the CLI's twenty (checked by test_suggest.sh's fixtures plus the listeners)" \
	"8075 8085 8073 8072 8071 8089 8069 8068 8092 8093 8094 8065 8095 8064 8096 8063 8062 8098 8099 8103 " "$WANT"
is "s lists the same ports as portscope suggest" "$WANT" "$(rows 1)"
like "the mode, with the lines shown" \
	"[SUGGEST 1-36 of 36] port 8080 http-alt: assigned, user range  20 free ports near 8080" "$(row 1 39)"
is "the checks by the CLI's names" \
	"  PORT        OFFSET iana services labels nmap browser listen ephemeral range FREE RUN" "$(row 1 3)"
is "the asked port's checks, each under its name" \
	"  8080                ✗      ✗       ✓     ✗      ✓      ✗        ✓       ✓" "$(row 1 4)"
is "the asked port's failed checks named, with their values" \
	"    8080 itself fails: iana (assigned), services (http-alt), nmap (0.042052), listen (tcp)" "$(row 1 5)"
is "the first row is chosen, with its marks and its free run" \
	"> 8075            -5  ✓      ✓       ✓     ✓      ✓      ✓        ✓       ✓   free run 8075-8075 (1 port)" \
	"$(row 1 6)"
col() { sed 's/[✓✗·]/x/g' | awk -v s="$1" '{ print index($0, s) }'; }
is "the free runs stand under their heading" "$(row 1 3 | col 'FREE RUN')" "$(row 1 6 | col 'free run')"
like "the legend names the checks and their sources" "  listen     nothing listens on it here [root/proc/net]" "$(screen 1)"
like "jj chooses the third" "> 8073            -7  ✓      ✓       ✓     ✓      ✓      ✓        ✓       ✓   free run 8071-8073 (3 ports)" "$(screen 2)"
like "Enter: the map, cursor on 8073" " Port 8073 " "$(screen 3)"
like "Enter: status" "[MAP] port 8073: unassigned, user range  port 8073 (suggested near 8080)" "$(row 3 39)"

# Runs of K: a digit or +/-; a allows any range; t changes the transport.
tui 100x40 ':8080<Enter>' 's4' '@dump run4' '+' '@dump run5' 'q' '@dump closed'
is "4: the CLI's blocks of four" "$(cli_blocks 8080 --run 4)" "$(rows 1)"
like "4: heading" "Blocks of 4 free ports near 8080 (any)" "$(screen 1)"
is "+: blocks of five" "$(cli_blocks 8080 --run 5)" "$(rows 2)"
like "q closes the page" "[MAP]" "$(row 3 39)"
tui 100x40 ':1023<Enter>' 's' '@dump' 'a' '@dump any' 't' '@dump tcp'
is "near 1023: User range only" "$(cli_ports 1023)" "$(rows 1)"
is "a: any range, like --any-range" "$(cli_ports 1023 --any-range)" "$(rows 2)"
is "t: tcp, like --proto tcp" "$(cli_ports 1023 --any-range --proto tcp)" "$(rows 3)"
like "t: the legend says the transport" "for transport tcp:" "$(screen 3)"
tui 100x40 ':8080<Enter>' 's' '<Down>' '<Esc>' '@dump esc' 's' 's' '@dump s-again'
like "Esc closes the page" " Port 8080 " "$(screen 1)"
like "s on the page closes it" " Port 8080 " "$(screen 2)"

# ASCII marks without a UTF-8 locale.
LC_ALL=C tui 100x40 ':8080<Enter>' 's' '@dump'
like "ASCII marks" "  8080                x      x       +     x      +      x        +       +" "$(screen 1)"

# 5. The keys are in the one table and on the help page.
tui 100x60 '?' '@dump'
D=$(screen 1)
like "help: L" "L             toggle local listeners" "$D"
like "help: F" "F             toggle marks on ports nmap often finds open" "$D"
like "help: M" "M             toggle marks on the ports of your labels file" "$D"
like "help: s" "s             suggest free ports near the cursor" "$D"
like "help: the page's keys" "Enter         put the map cursor on the chosen port" "$D"
finish
