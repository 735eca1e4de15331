#!/bin/sh
# SPDX-License-Identifier: MIT
# test_pty.sh: the real TUI in a real pseudo-terminal (tests/tui/ptyrun.py),
# every byte it writes recorded. Hostile data everywhere the TUI shows
# text: a registry whose fields hold OSC 52, OSC 8, CSI, DCS, C1 controls
# (UTF-8 and raw), CR, BS, TAB, DEL, BEL and invalid UTF-8; the same in
# /etc/services, nmap-services, the labels file, a process name and the
# directory names of every path shown; an update whose diff adds and
# removes hostile records; typed C1 characters in the prompts. A walk
# through every view must show the sanitised text and none of the raw
# bytes (tests/tui/ptycheck.py), in a UTF-8 locale and in LC_ALL=C (no
# byte above 0x7F at all). Then resize storms (SIGWINCH) while moving,
# searching, on pages and at 1x1: no crash, no hang, exit 0 on q, and the
# screen drawn afterwards is exactly the headless dump of the same state.
. "$TESTS_DIR/tui/tui_lib.sh"
. "$TESTS_DIR/http_lib.sh"
PTYRUN="$TESTS_DIR/tui/ptyrun.py"
PTYCHECK="$TESTS_DIR/tui/ptycheck.py"
unset PORTSCOPE_TEST_SCRIPT
export TERM=xterm-256color

# Every path the TUI shows has a hostile directory name.
EVIL=$(printf '\033]52;c;U1lT\007\302\2331337m')
SYS="$TMPD/sys$EVIL"
CFG="$TMPD/cfg$EVIL"
DATA="$TMPD/data$EVIL"
HD="$TMPD/reg$EVIL"
SRV="$TMPD/srv"
mkdir -p "$SYS/etc" "$SYS/usr/share/nmap" "$SYS/proc/sys/net/ipv4" "$SYS/proc/net" \
	"$SYS/proc/100/fd" "$CFG/portscope" "$DATA/portscope" "$HD" "$SRV"

# The payload: one of each attack, space separated (the detail pane wraps
# at spaces), tagged with where it is.
python3 - "$HD/reg.csv" "$SRV/new.csv" "$SYS" "$CFG/portscope/labels" <<'EOF'
import os, sys
reg, new, sysroot, labels = sys.argv[1:]
def P(tag):
    return (b"<" + tag + b" \x1b]52;c;RVZJTA==\x07 \x1b]8;;http://evil.example/\x1b\\L\x1b]8;;\x1b\\"
            b" \x1b[1337m \xc2\x9b1337m \x9b1337m \xc2\x85NEL \rEVIL \x08EVIL \tEVIL \x7fEVIL"
            b" \x07BEL \x1bP1337\x1b\\ \xff\xfeBAD " + tag + b">")
# bidi controls and invisible format characters ("Trojan Source")
INV = (b" \xe2\x80\xaeRLO \xe2\x81\xa6LRI \xe2\x81\xa9PDI \xe2\x80\x8bZWSP \xe2\x80\x8dZWJ"
       b" \xef\xbb\xbfBOM \xe2\x80\xa8LSEP \xe2\x80\xa9PSEP \xd8\x9cALM")
def q(b):
    return b'"' + b.replace(b'"', b'""') + b'"'
def rec(svc, port, tr, desc, date=b"2020-01-01", every=None):
    f = every or (lambda t: b"")
    return b",".join([q(svc), port, tr, q(desc), q(f(b"A")), q(f(b"C")), date, date,
                      q(f(b"R")), q(f(b"S")), q(f(b"U")), q(f(b"N"))]) + b"\n"
head = (b"Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
        b"Registration Date,Modification Date,Reference,Service Code,"
        b"Unauthorized Use Reported,Assignment Notes\n")
common = [rec(b"evil\xc2\x9b1337m", b"7", b"tcp", P(b"D7") + INV, every=lambda t: P(t + b"7")),
          rec(b"sv\x1b[1337mx", b"8", b"udp", P(b"D8"))]
filler = [rec(b"filler%d" % p, b"%d" % p, b"tcp", b"calm") for p in range(20000, 21100)]
with open(reg, "wb") as f:
    f.write(head + b"".join(common + [rec(b"calm", b"9", b"tcp", b"plain"),
                                      rec(b"gone\xc2\x85x", b"11", b"tcp", P(b"OLD"))] + filler))
with open(new, "wb") as f:
    f.write(head + b"".join(common + [rec(b"calm", b"9", b"tcp", P(b"NEW9"), b"2021-01-01"),
                                      rec(b"added\x1b]8;;y\x1b\\", b"10", b"tcp", P(b"NEW"))] + filler))
def put(path, data):
    with open(os.path.join(sysroot, path), "wb") as f:
        f.write(data)
put("proc/sys/net/ipv4/ip_local_port_range", b"40000\t50999\n")
put("proc/sys/net/ipv4/ip_unprivileged_port_start", b"80 \x1b]52;c;QQ==\x07\n")
put("etc/services", b"ev\x1b]8;;x\x1b\\il\t7/tcp\t# \x1b[1337m\nsv\xc2\x9bC1\t7/udp\n")
put("usr/share/nmap/nmap-services", b"nm\x1b[1337map\t7/tcp\t0.500000\t# \x1b]52;c;QQ==\x07\n")
hdr = b"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
line = (b"   0: 0100007F:0007 00000000:0000 0A 00000000:00000000 00:00000000 00000000"
        b"     0        0 1001 1 0000000000000000 100 0 0 10 0\n")
put("proc/net/tcp", hdr + line)
put("proc/net/tcp6", hdr)
put("proc/net/udp", hdr + b"   0: \x1b[1337m garbage\n")
put("proc/net/udp6", hdr)
put("proc/100/comm", b"pr\x1b]52;c;QQ==\x07oc\xc2\x9b\n")
os.symlink("socket:[1001]", os.path.join(sysroot, "proc/100/fd/3"))
with open(labels, "wb") as f:
    f.write(b"lab\x1b[1337mel\t7/tcp\t# \x1b]8;;z\x1b\\\nlab\xc2\x9bC1\t8/udp\n")
EOF
cp "$HD/reg.csv" "$DATA/portscope/service-names-port-numbers.csv"
export PORTSCOPE_SYSROOT="$SYS" XDG_CONFIG_HOME="$CFG" XDG_DATA_HOME="$DATA"
save=$IANA_DIR
IANA_DIR=$SRV
start_server
IANA_DIR=$save
export PORTSCOPE_UPDATE_URL="$BASE/ok/new.csv"

# pty NAME SIZE PORTSCOPE-ARGS...: run the script $TMPD/NAME.keys (from
# stdin) on the TUI in a pty, with the variables in $PTY_ENV (VAR=VALUE
# words) set; its bytes in $TMPD/NAME.log, the screens it dumped in
# $TMPD/NAME.screen; RC and ERR (ptyrun's complaints).
PTY_ENV=
pty() {
	_name=$1 _size=$2
	shift 2
	cat >"$TMPD/$_name.keys"
	# shellcheck disable=SC2086
	env $PTY_ENV python3 "$PTYRUN" --size "$_size" --timeout 60 --log "$TMPD/$_name.log" \
		--screen "$TMPD/$_name.screen" "$TMPD/$_name.keys" -- "$PORTSCOPE" "$@" \
		2>"$TMPD/$_name.err"
	RC=$?
	ERR=$(cat "$TMPD/$_name.err")
}

# The walk: every view and overlay, each waited for by the sanitised text
# it shows, wide enough that status messages with long paths fit. $1
# names the run; $2 and $3 type U+009B and U+0085, shown as $4 and $5;
# $6 is what going to the service name typed with U+009B says.
walk() { # NAME CSI NEL CSI-SHOWN NEL-SHOWN GOTO
	cp "$HD/reg.csv" "$DATA/portscope/service-names-port-numbers.csv"
	rm -f "$DATA/portscope/service-names-port-numbers.csv.http"
	# without libcurl U says so, and there is no update to show
	_nocurl='/^# U[{]$/,/^# U[}]$/d; s/^#nocurl //'
	[ "${WITH_CURL:-yes}" = no ] || _nocurl=
	sed -e "s/@CSI@/$2/g" -e "s/@NEL@/$3/g" -e "s/@C1@/$4/g" -e "s/@C1NEL@/$5/g" \
		-e "s|@GOTO@|$6|" -e "$_nocurl" >"$TMPD/walk.in" <<'EOF'
expect 1 port/cell
# at start: the malformed kernel file, named by its hostile path
expect sys\\e]52;c;U1lT\\x07\\u009b1337m/proc/sys/net/ipv4/ip_unprivileged_port_start:1: expected 1 port number
send :7\r
expect 7/tcp  evil\\u009b1337m  (assigned)  <D7 \\e]52;c;RVZJTA==\\x07 \\e]8;;http://evil.example/\\e\\L\\e]8;;\\e\\ \\e[1337m \\u009b1337m
expect \\u0085NEL \\rEVIL \\bEVIL \\tEVIL \\x7fEVIL \\x07BEL \\eP1337\\e\\
expect \\u202eRLO \\u2066LRI \\u2069PDI \\u200bZWSP \\u200dZWJ
expect Assignee: <A7 \\e]52;c;RVZJTA==\\x07
expect Listening here    tcp 127.0.0.1:7 pid 100 pr\\e]52;c;QQ==\\x07oc\\u009b
expect /etc/services     ev\\e]8;;x\\e\\il/tcp, sv\\u009bC1/udp  [
expect nmap-services     nm\\e[1337map/tcp open frequency 0.500000 (in real use)
expect Your labels       lab\\e[1337mel/tcp  [
expect cfg\\e]52;c;U1lT\\x07\\u009b1337m/portscope/labels]
expect   /etc/services   ev\\e]8;;x\\e\\il/tcp sv\\u009bC1/udp
# the detail pane focused and scrolled to its end
send \t
expect [detail focused
send jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj
expect   nmap-services   nm\\e[1337map/tcp
send \t
expect [Tab: focus the detail pane;
# every zoom level: the bucket's records in the detail pane (at 200x50
# 16 ports per cell is finer than the fit zoom only in ASCII, so three
# more - reach the fit zoom either way)
send -
expect 4 ports/cell
expect Ports 4-7 (4 ports, system range)
send ---
expect | fit 
expect Ports 0-
expect 7/tcp  evil\\u009b1337m  (assigned)  <D7 \\e]52;c;RVZJTA==\\x07
send ++++
expect 1 port/cell
# search: live marks and counts as the pattern is typed, n and N
send /1337
expect /1337  match 1 of 3 ports (3 records)
send m\r
expect /1337m: match 1 of 3 ports (3 records)
expect [match] 7/tcp  evil\\u009b1337m
send n
expect /1337m: match 2 of 3 ports
expect [match] 8/udp  sv\\e[1337mx  (assigned)  <D8 \\e]52;c;RVZJTA==\\x07
send N
expect /1337m: match 1 of 3 ports
# a typed C1 character, in the prompt, in the result and in the history
send /@CSI@1337
expect /@C1@1337  match 1 of 3 ports (3 records)
send m\r
expect /@C1@1337m: match 1 of 3 ports (3 records)
send /\x1bOA
expect /@C1@1337m  match 1 of 3 ports
send \x1b
settle 100
# a bad pattern: where it fails; a pattern nothing matches, echoed
send /(@CSI@
expect /(@C1@  bad pattern: missing closing parenthesis at offset 
send \r
send /no@NEL@such\r
expect /no@C1NEL@such: 0 ports (0 records)
send n
expect no port matches /no@C1NEL@such
send \x1b
settle 100
# go to: the name typed with a C1 character, an unknown one echoed
send :evil@CSI@
expect Go to port or service: evil@C1@
send 1337m\r
expect @GOTO@
send :no@NEL@such\r
expect no service named 'no@C1NEL@such'
# the pages
send r
expect Dynamic (private)    49152-65535
send q?
expect ? F1          this help
send q:7\rs
expect fails: iana (assigned), services (ev\\e]8;;x\\e\\il), labels (lab\\e[1337mel)
send s
# the overlays, each with its source's hostile path
send M
expect labelled: 2 ports marked (any, 
expect cfg\\e]52;c;U1lT\\x07\\u009b1337m/portscope/labels)
send L
expect 1 listening socket, 1 port marked (any); 1 malformed line skipped (
expect sys\\e]52;c;U1lT\\x07\\u009b1337m/proc/net/udp:2: 
send F
expect nmap-frequent: 1 port marked (any, 
expect sys\\e]52;c;U1lT\\x07\\u009b1337m/usr/share/nmap/nmap-services)
# the update and what it changed: hostile records added and removed
#nocurl send U
#nocurl expect built without libcurl
# U{
send U
expect U again: download the official registry to 
send U
expect updated: 1 added, 1 removed, 1 changed (c lists them); 
expect data\\e]52;c;U1lT\\x07\\u009b1337m/portscope/service-names-port-numbers.csv
send c
expect [CHANGES 1-
expect before: 
expect added         10/tcp  added\\e]8;;y\\e\\  <NEW \\e]52;c;RVZJTA==\\x07
expect removed       11/tcp  gone\\u0085x  <OLD \\e]52;c;RVZJTA==\\x07
send q
expect [Tab: focus the detail pane;
# U}
# too small, and back (after the q above is read: a key sees the size the
# terminal has when it is read, and q quits the too-small screen)
resize 30 8
expect Terminal too small
resize 200 50
expect 1 port/cell
send q
exit 0
EOF
	pty "$1" 200x50 --registry "$HD/reg.csv" <"$TMPD/walk.in"
}

walk walk '\\xc2\\x9b' '\\xc2\\x85' '\\\\u009b' '\\\\u0085' 'evil\\\\u009b1337m: port 7'
is "walk: every view drew its hostile text sanitised, q quit with 0" "0" "$RC"
is "walk: ptyrun said nothing" "" "$ERR"
is "walk: the raw bytes are terminal-safe" clean "$(python3 "$PTYCHECK" utf8 "$TMPD/walk.log")"

# The same in the C locale: ASCII glyphs; a byte above 0x7F typed is no
# character there, so U+FFFD, drawn as ??? like the registry's own. Nothing
# above 0x7F reaches the terminal.
PTY_ENV=LC_ALL=C
walk walk-c '\\x9b' '\\x85' '???' '???' "no service named 'evil???1337m'"
is "walk in LC_ALL=C: every view drew its hostile text sanitised" "0" "$RC"
is "walk in LC_ALL=C: ptyrun said nothing" "" "$ERR"
is "walk in LC_ALL=C: the raw bytes are terminal-safe and 7-bit" clean \
	"$(python3 "$PTYCHECK" ascii "$TMPD/walk-c.log")"
PTY_ENV=

# A stray byte (not UTF-8, a character cut short; any byte above 0x7F in
# the C locale) is one U+FFFD, and the keys after it still act.
pty stray 100x30 --registry "$HD/reg.csv" <<'EOF'
expect 1 port/cell
send \xff
expect unknown key: press ? for the list of keys
send \xc3:443\r
expect [MAP] port 443
send /\xe2\x96x
expect /\xef\xbf\xbdx  0 ports
send \x1b
settle 100
send q
exit 0
EOF
is "a stray byte does not eat the keys after it, q quits with 0" "0 " "$RC $ERR"
printf 'expect 1 port/cell\nsend \\xe9q\nexit 0\n' >"$TMPD/stray-c.in"
PTY_ENV=LC_ALL=C
pty stray-c 100x30 --registry "$HD/reg.csv" <"$TMPD/stray-c.in"
is "in the C locale too" "0 " "$RC $ERR"
PTY_ENV=

# Resize storms: SIGWINCH after SIGWINCH at random sizes while keys come.
# After each, back at 100x30 and one key that sets a known state, the
# screen must be exactly the headless dump of that state (the listener
# scan's clock time aside).
settled() { # NAME N HEADLESS-KEYS...: screen N of NAME against the dump
	_name=$1 _n=$2
	shift 2
	awk -v n="$_n" '/^--- /{k++; next} k==n' "$TMPD/$_name.screen" |
		sed 's/scanned [0-9:]*;/scanned T;/' >"$TMPD/$_name.got"
	tui 100x30 "$@" '@dump'
	screen 1 | sed 's/scanned [0-9:]*;/scanned T;/' >"$TMPD/$_name.want"
	if diff "$TMPD/$_name.want" "$TMPD/$_name.got" >"$TMPD/$_name.diff"; then
		echo same
	else
		cat "$TMPD/$_name.diff"
	fi
}
# pty_then_quit: pty, the script then waiting for quiet, dumping the
# screen and quitting with q.
pty_then_quit() {
	{ cat; printf '%s\n' 'settle 300' screen 'send q' 'exit 0'; } >"$TMPD/then-quit.in"
	pty "$@" <"$TMPD/then-quit.in"
}
storm_ok() { # NAME DESC
	is "$2: no crash, no hang, q quits with 0" "0 " "$RC $ERR"
	is "$2: the raw bytes are terminal-safe" clean "$(python3 "$PTYCHECK" utf8 "$TMPD/$1.log")"
}

# 1. Moving about the real registry: arrows, zoom, gaps.
pty_then_quit storm-map 100x30 --registry "$REG" <<'EOF'
expect 1 port/cell
storm 200 1.5 300x100 jjllkkhh+-]G[g
resize 100 30
send ++++g]:443\r
expect [MAP] port 443
EOF
storm_ok storm-map "storm while moving"
TUI_REG=$REG
is "storm while moving: then the screen is the headless one" same "$(settled storm-map 1 "++++g]:443<Enter>")"

# 2. While searching: with a pattern typed, and while a pathological one
# runs to its match limit.
pty_then_quit storm-search 100x30 --registry "$REG" <<'EOF'
expect 1 port/cell
send /ssh
expect /ssh  9 ports (18 records)
storm 60 0.6 300x100
resize 100 30
expect /ssh  9 ports (18 records)
send \r
expect /ssh: match 1 of 9 ports (18 records)
send /^(\\w+\\s?)*$\r
# (keys typed while the screen is too small are dropped: wait till it runs)
expect /^(\\w+\\s?)*$: 
storm 60 0.6 300x100
resize 100 30
expect limit hit in 354 fields
send :22\r
expect Port 22  1-
EOF
storm_ok storm-search "storm while searching"
TUI_REG=$REG
is "storm while searching: then the screen is the headless one" same \
	"$(settled storm-search 1 '/ssh<Enter>' '/^(\w+\s?)*$<Enter>' ':22<Enter>')"

# 3. On the pages, the hostile registry behind them.
pty_then_quit storm-pages 100x30 --registry "$HD/reg.csv" <<'EOF'
expect 1 port/cell
send r
expect [RANGES 1-
storm 60 0.6 300x100
resize 100 30
expect Dynamic (private)    49152-65535
settle 300
screen
send q?
expect [HELP 1-
storm 60 0.6 300x100 jk
resize 100 30
send g
expect Right l       next cell
send q:7\r
expect 7/tcp  evil\\u009b1337m
send c
expect no changes to show
send s
expect [SUGGEST 1-
storm 60 0.6 300x100
resize 100 30
send s:7\r
expect [MAP] port 7
EOF
storm_ok storm-pages "storm on the pages"
TUI_REG=$HD/reg.csv
is "storm on the ranges page: then the screen is the headless one" same \
	"$(settled storm-pages 1 r)"
is "storm on the pages: back on the map, the screen is the headless one" same \
	"$(settled storm-pages 2 ':7<Enter>')"

# 4. At 1x1 and the sizes next to it, keys typed (q aside).
pty_then_quit storm-tiny 100x30 --registry "$HD/reg.csv" <<'EOF'
expect 1 port/cell
send :7\r
resize 1 1
settle
storm 100 0.8 3x3 jkhl+-/x\x1b:
resize 1 1
send jk
settle
resize 100 30
send \x1b:7\r
expect [MAP] port 7
EOF
storm_ok storm-tiny "storm at 1x1"
is "storm at 1x1: then the screen is the headless one" same "$(settled storm-tiny 1 ':7<Enter>')"
pty quit-tiny 100x30 --registry "$REG" <<'EOF'
expect 1 port/cell
resize 1 1
settle
send q
exit 0
EOF
is "q quits at 1x1 with 0" "0 " "$RC $ERR"
finish
