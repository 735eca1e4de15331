# SPDX-License-Identifier: MIT
# tui_lib.sh: helpers for the TUI key-script tests (sourced after lib.sh's
# variables are set; it sources lib.sh itself).
#   tui SIZE LINE...   run the TUI headless at SIZE (COLSxROWS) with a key
#                      script made of the LINEs; sets OUT, ERR, RC.
#                      $TUI_TERM (default xterm-256color), $TUI_REG (default
#                      the real registry; "none": no --registry option, so
#                      the TUI finds its own) and $TUI_ARG (a tui argument).
#   tui_bg SIZE LINE...  the same in the background, for a test that changes
#                      files while it runs (with @wait in the script);
#   tui_wait           then waits for it and sets OUT, ERR, RC
#   wait_dump LABEL    wait (at most 10 s) until the running TUI dumped LABEL
#   screen N           the Nth dump of the last run, without its header
#   row N R            row R (0-based) of dump N
#   heading N          the detail pane's heading in dump N; legend_line N
#                      the legend above it; last_map_row N the map's last row
# In a real terminal (tmux; test_tmux.sh, test_pick.sh): one private server
# per scenario, so one's shutdown never races the next, its socket in
# $TMPD so nothing is left behind:
#   tmux_next          a new server for the next scenario (the old one
#                      killed); T ARGS runs tmux on the current one
#   tmux_cleanup       kill them all (for the EXIT trap)
#   wait_for TEXT      poll the pane until it shows TEXT (5 s at most);
#                      sets PANE
. "$TESTS_DIR/lib.sh"
# The kernel's facts come from a fixture, so the screens do not depend on
# this machine: ephemeral 40000-50999, unprivileged from 80.
export PORTSCOPE_SYSROOT="$FIXTURES/sysroot"
unset NO_COLOR PORTSCOPE_TEST_SIZE

tui() {
	tui_bg "$@"
	tui_wait
}

tui_bg() {
	_size=$1
	shift
	printf '%s\n' "$@" >"$TMPD/keys"
	if [ "${TUI_REG:-}" = none ]; then set --; else set -- --registry "${TUI_REG:-$REG}"; fi
	PORTSCOPE_TEST_SIZE=$_size PORTSCOPE_TEST_SCRIPT="$TMPD/keys" TERM=${TUI_TERM-xterm-256color} \
		"$PORTSCOPE" "$@" tui ${TUI_ARG:+"$TUI_ARG"} \
		>"$TMPD/out" 2>"$TMPD/err" &
	TUI_PID=$!
}

tui_wait() {
	wait "$TUI_PID"
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}

# Every wait is bounded: 10 s for a dump.
wait_dump() {
	wait_file "^--- $1 " "$TMPD/out"
}

screen() {
	awk -v n="$1" '/^--- /{k++; next} k==n' "$TMPD/out"
}

row() {
	screen "$1" | sed -n "$(($2 + 1))p"
}

# The detail pane's heading in dump N (its row follows the pane's height),
# the legend above it, and the last map row above that.
heading() {
	screen "$1" | grep -m1 '^ Port [0-9]'
}
heading_y() {
	screen "$1" | grep -n -m1 '^ Port [0-9]' | cut -d: -f1
}
legend_line() {
	screen "$1" | awk '/^[ 0-9][ 0-9][ 0-9][ 0-9][0-9] [ UD] / { last = NR } { line[NR] = $0 }
		END { print line[last + 1] }'
}
last_map_row() {
	screen "$1" | grep '^[ 0-9][ 0-9][ 0-9][ 0-9][0-9] [ UD] ' | tail -1
}

TMUX_N=0
T() { tmux -S "$TMPD/tmux-$TMUX_N" -f /dev/null "$@"; }
tmux_next() {
	T kill-server 2>/dev/null
	TMUX_N=$((TMUX_N + 1))
}
tmux_cleanup() {
	while [ "$TMUX_N" -gt 0 ]; do
		T kill-server 2>/dev/null
		TMUX_N=$((TMUX_N - 1))
	done
}
wait_for() {
	_i=0
	while [ $_i -lt 50 ]; do
		PANE=$(T capture-pane -p 2>/dev/null)
		case "$PANE" in *"$1"*) return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
