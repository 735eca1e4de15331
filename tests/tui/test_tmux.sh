#!/bin/sh
# SPDX-License-Identifier: MIT
# test_tmux.sh: end-to-end in a real terminal: the TUI in a tmux pane,
# driven with send-keys and read with capture-pane (a private server,
# always killed).
. "$TESTS_DIR/tui/tui_lib.sh"
. "$TESTS_DIR/http_lib.sh"
# One private tmux server per scenario (tui_lib.sh).
cleanup() {
	tmux_cleanup
	stop_server
}
trap cleanup EXIT

# start ARGS: a pane of 100x30 running portscope ARGS, then a marker.
start() {
	tmux_next
	T new-session -d -x 100 -y 30 "TERM=xterm-256color $PORTSCOPE $* ; echo \"EXITED rc=\$?\"; sleep 60"
}

# 1. Open, go to 443, read the detail pane, quit: the terminal comes back.
start --registry "$REG"
wait_for "records | any | 1 port/cell"
is "tmux: the TUI draws its title" 0 $?
T send-keys ':443' Enter
wait_for "443/sctp  https"
is "tmux: :443 shows https for sctp" 0 $?
like "tmux: and for tcp" "443/tcp  https  (assigned)  http protocol over TLS/SSL" "$PANE"
like "tmux: and for udp" "443/udp  https  (assigned)  http protocol over TLS/SSL" "$PANE"
T send-keys q
wait_for "EXITED rc=0"
is "tmux: q quits with status 0" 0 $?
is "tmux: the screen is restored (the TUI's title is gone)" "" \
	"$(printf '%s\n' "$PANE" | grep 'records | any')"

# 1b. Ctrl-C, and SIGTERM, SIGHUP and SIGQUIT from outside: the terminal is
# restored and the status is 128+signal.
for sig in C-c TERM HUP QUIT; do
	start --registry "$REG"
	wait_for "records | any | 1 port/cell"
	case $sig in
	C-c) T send-keys C-c; want=130 ;;
	TERM) pkill -TERM -f "^$PORTSCOPE --registry $REG\$"; want=143 ;;
	HUP) pkill -HUP -f "^$PORTSCOPE --registry $REG\$"; want=129 ;;
	QUIT) pkill -QUIT -f "^$PORTSCOPE --registry $REG\$"; want=131 ;;
	esac
	wait_for "EXITED rc=$want"
	is "tmux: $sig ends it with status $want" 0 $?
	is "tmux: $sig: the screen is restored" "" "$(printf '%s\n' "$PANE" | grep 'records | any')"
done

# 2. Resizes while running, down to 1x1 and up to 300x100, then back.
start --registry "$REG"
wait_for "1 port/cell"
for size in 30x8 1x1 5x3 300x100 39x10 40x10 200x60 100x30; do
	T resize-window -x "${size%x*}" -y "${size#*x}"
	sleep 0.2
done
wait_for "1 port/cell"
is "tmux: back at 100x30 after resizes, the map is drawn" 0 $?
is "tmux: the title is on the first line" \
	" portscope | IANA registry 2025-03-28 | 14474 records | any | 1 port/cell" \
	"$(printf '%s\n' "$PANE" | sed -n 1p)"
T resize-window -x 30 -y 8
wait_for "Terminal too small"
is "tmux: the too-small screen" 0 $?
T resize-window -x 100 -y 30
wait_for "1 port/cell"
is "tmux: the map comes back" 0 $?
T send-keys ']'
wait_for "free gap 4-4 (1 port)"
is "tmux: it takes keys again" 0 $?
T send-keys q
wait_for "EXITED rc=0"
is "tmux: quits cleanly after the resizes" 0 $?

# 3. Hostile registry text: nothing raw reaches the terminal (an OSC 2
# would retitle the pane).
start --registry "$FIXTURES/tui-escapes.csv" tui 7
wait_for "7/tcp  evil"
is "tmux: the hostile record is shown" 0 $?
like "tmux: its escapes are visible" 'esc\e[31mred osc\e]2;PWNED\x07 csi\u009b cr\rbs\bend' "$PANE"
is "tmux: the pane title was not changed by the OSC" "" "$(T display-message -p '#{pane_title}' | grep PWNED)"
T send-keys q
wait_for "EXITED rc=0"

# 4. The ranges page in a real terminal.
start --registry "$REG"
wait_for "1 port/cell"
T send-keys r
wait_for "Dynamic (private)    49152-65535"
is "tmux: r shows the ranges page" 0 $?
T send-keys q q
wait_for "EXITED rc=0"
is "tmux: q closes the page, q quits" 0 $?
# 5. The mouse, as the terminal reports it (SGR 1006 sequences, what
# xterm-256color's kmous announces): a click on screen row 4, column 14
# (the map's second row, 90-179: port 93), then the wheel down (three rows:
# port 363).
start --registry "$REG"
wait_for "1 port/cell"
T send-keys -l "$(printf '\033[<0;14;4M')"
T send-keys -l "$(printf '\033[<0;14;4m')"
wait_for " Port 93 "
is "tmux: a mouse click selects the cell" 0 $?
like "tmux: the status line follows the click" "[MAP] port 93 " "$PANE"
T send-keys -l "$(printf '\033[<65;14;4M')"
wait_for " Port 363 "
is "tmux: the wheel scrolls" 0 $?
T send-keys q

# 6. Search: live counts while typing, Enter, n, a pattern that hits the
# match limit with keys typed right after it, Esc.
start --registry "$REG"
wait_for "1 port/cell"
T send-keys -l '/ssh'
wait_for "/ssh  9 ports (18 records)"
is "tmux: the prompt counts matches as you type" 0 $?
T send-keys Enter
wait_for "/ssh: match 1 of 9 ports (18 records)"
is "tmux: Enter goes to the first match" 0 $?
like "tmux: the detail pane marks it" "[match] 22/tcp  ssh" "$PANE"
T send-keys n
wait_for "match 2 of 9 ports"
is "tmux: n goes to the next one" 0 $?
like "tmux: port 614" " Port 614 " "$PANE"
T send-keys -l '/^(\w+\s?)*$'
T send-keys Enter
T send-keys -l ':443'
T send-keys Enter
wait_for "limit hit in 354 fields"
is "tmux: the limit hit is reported" 0 $?
wait_for " Port 443 "
is "tmux: keys typed after it acted" 0 $?
T send-keys Escape
wait_for "search cleared"
is "tmux: Esc clears the search" 0 $?
T send-keys q
wait_for "EXITED rc=0"
is "tmux: quits" 0 $?

# 7. U on a machine with only /etc/services, from a server that sends the
# registry in pieces: progress in the status line, Esc cancels, U again
# installs it.
if [ "${WITH_CURL:-yes}" = yes ]; then
	start_server
	mkdir -p "$TMPD/sys/etc"
	cp "$FIXTURES/tui-services" "$TMPD/sys/etc/services"
	# a new tmux server takes the environment of this shell
	export PORTSCOPE_SYSROOT="$TMPD/sys" PORTSCOPE_UPDATE_URL="$BASE/slow/service-names-port-numbers.csv"
	start
	wait_for "press U to download it from IANA"
	is "tmux: the banner offers U" 0 $?
	T send-keys U
	wait_for "of 1108 KiB"
	is "tmux: U shows the download's progress" 0 $?
	like "tmux: with the way out" "downloading the IANA registry: " "$PANE"
	T send-keys Escape
	wait_for "update cancelled: nothing replaced"
	is "tmux: Esc cancels it" 0 $?
	is "tmux: nothing was written" no "$([ -e "$XDG_DATA_HOME/portscope/service-names-port-numbers.csv" ] && echo yes || echo no)"
	T send-keys U
	wait_for "IANA registry 2025-03-28 | 14474 records"
	is "tmux: U again installs the registry and shows it" 0 $?
	is "tmux: the file is the registry" same "$(cmp -s "$REG" "$XDG_DATA_HOME/portscope/service-names-port-numbers.csv" && echo same)"
	T send-keys q
	wait_for "EXITED rc=0"
	is "tmux: quits after the update" 0 $?
fi

# 8. A real listener on 127.0.0.1, the real /proc: after L its
# port is marked on the map and the detail pane shows its pid.
unset PORTSCOPE_SYSROOT
listen_helper -4
helper=$HELPER
port=$(sed -n 's/^tcp4 //p' "$TMPD/ports")
start --registry "$REG"
wait_for "1 port/cell"
T send-keys ":$port" Enter
wait_for " Port $port "
is "tmux: :PORT goes to the helper's port" 0 $?
T send-keys L
wait_for "ports marked"
is "tmux: L says how many listeners it marked" 0 $?
like "tmux: the detail pane shows the listener's pid and process" \
	"Listening here    tcp 127.0.0.1:$port pid $helper listen_helper" "$PANE"
T send-keys l
wait_for " Port $((port + 1)) "
# the glyph in the port's map cell, now that the cursor has left it
cell=$(printf '%s\n' "$PANE" | python3 -c 'import sys
port = int(sys.argv[1]); lo = port - port % 90
for line in sys.stdin:
    if line[:5] == "%5d" % lo:
        print(line[10 + port - lo])
        break' "$port")
is "tmux: the port's cell is marked" "●" "$cell"
like "tmux: the legend names the mark" "●listening" "$PANE"
T send-keys q
wait_for "EXITED rc=0"
is "tmux: quits cleanly" 0 $?
kill "$helper"
wait "$helper" 2>/dev/null
finish
