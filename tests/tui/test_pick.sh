#!/bin/sh
# SPDX-License-Identifier: MIT
# test_pick.sh: `portscope pick [PORT|NAME]`, the TUI as a picker: Enter on
# a map cell or a suggestion prints that port on standard output (exit 0),
# q or Esc prints nothing (exit 1), Ctrl-C 130. First headless (key
# scripts), then as a script uses it, PORT=$(portscope pick 8080), in a
# real terminal: a tmux pane whose shell captures the output.
. "$TESTS_DIR/tui/tui_lib.sh"

# pick SIZE LINE...: like tui, for the pick command; the port printed
# after the dumps is the last line of OUT.
pick() {
	_size=$1
	shift
	printf '%s\n' "$@" >"$TMPD/keys"
	PORTSCOPE_TEST_SIZE=$_size PORTSCOPE_TEST_SCRIPT="$TMPD/keys" TERM=xterm-256color \
		"$PORTSCOPE" --registry "$REG" pick ${PICK_ARG:+"$PICK_ARG"} >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}
picked() { printf '%s\n' "$OUT" | tail -1; }

PICK_ARG=8080 pick 100x30 '@dump' '<Right>' '<Enter>'
is "Right, Enter: exit 0" 0 "$RC"
is "the next port on stdout, after the dump" 8081 "$(picked)"
is "the title says it is picking" " portscope pick | IANA registry 2025-03-28 | 14474 records | any | 1 port/cell" \
	"$(row 1 0)"
like "the status line: the mode and how it ends" "[PICK] port 8080 http-alt: assigned" "$(row 1 29)"
like "the status line's hint" "Enter picks, q cancels" "$(row 1 29)"
is "the hint at the right end" "Enter picks, q cancels" "$(row 1 29 | cut -c78-)"
is "nothing on stderr" "" "$ERR"

PICK_ARG=8080 pick 80x24 'q'
is "q: exit 1" 1 "$RC"
is "q: nothing on stdout" "" "$OUT"
PICK_ARG=8080 pick 80x24 '<Esc>'
is "Esc: exit 1, nothing printed" "1|" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 '<Tab>' '@dump' '<Esc>'
is "Esc with the detail pane focused cancels too" "1|" "$RC|$(sed '/^--- /,$d' "$TMPD/out")"
PICK_ARG=8080 pick 80x24 '?' '<Esc>' '<Enter>'
is "Esc on a page goes back to the map, and Enter there picks" "0|8080" "$RC|$(picked)"
PICK_ARG=8080 pick 80x24 '?' 'q' 'q'
is "q on a page goes back; q on the map cancels" "1|" "$RC|$OUT"
PICK_ARG=ssh pick 80x24 '<Enter>'
is "pick NAME: Enter picks its port" "0|22" "$RC|$OUT"
pick 80x24 '<Enter>'
is "pick with no start: port 0" "0|0" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 '<Tab>' '<Enter>'
is "Enter with the detail pane focused picks the cursor's port" "0|8080" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 ':https<Enter>' '<Enter>'
is "':' moves, Enter picks" "0|443" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 ':htt<Tab><Tab><Enter>' '<Enter>'
is "a Tab-completed name, then Enter picks its port" "0|80" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 '-' '<Down><Down>' '@dump' '<Enter>'
is "at 4 ports per cell, two rows down: the title" "4 ports/cell" "$(row 1 0 | grep -o '4 ports/cell')"
is "the cursor's port is picked, the one the status line names" \
	"0|$(row 1 23 | sed -n 's/^\[PICK\] port \([0-9]*\)[: ].*/\1/p')" "$RC|$(picked)"
unlike "and it is not where it started" "[PICK] port 8080 " "$(row 1 23)"
PICK_ARG=8080 pick 80x24 'l'
is "the script ends without a pick: exit 1, nothing printed" "1|" "$RC|$OUT"
PICK_ARG=nosuchservice pick 80x24 '<Enter>'
is "pick with an unknown name: exit 2" 2 "$RC"
like "and the TUI's message" "portscope: no service named 'nosuchservice'" "$ERR"
"$PORTSCOPE" --registry "$REG" pick 1 2 >"$TMPD/out" 2>"$TMPD/err"
is "two arguments: exit 2" 2 $?
like "and says so" "'pick' takes at most one PORT or NAME" "$(cat "$TMPD/err")"

# The suggestions page (s): Enter picks the chosen suggestion, a block's
# first port. Near 8080 (kernel facts from the fixture sysroot) the free
# ports nearest are 8079, 8078, 8076; blocks of two 8078-8079, 8075-8076.
PICK_ARG=8080 pick 80x24 's' '<Enter>'
is "s, Enter: the first suggestion" "0|8079" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 's' '<Down><Down>' '<Enter>'
is "s, Down Down, Enter: the third" "0|8076" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 's' '2' '<Down>' '<Enter>'
is "blocks of 2: the second block's first port" "0|8075" "$RC|$OUT"
PICK_ARG=8080 pick 80x24 's' 's' '<Enter>'
is "s closes the page; Enter on the map picks the cursor's port" "0|8080" "$RC|$OUT"
# The suggestions checked against the CLI: the same search.
"$PORTSCOPE" --registry "$REG" suggest 8080 --count 3 >"$TMPD/sugg" 2>/dev/null
is "the CLI suggests the same ports" "8079 8078 8076" \
	"$(awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[-+][0-9]/ { printf "%s%s", n++ ? " " : "", $1 }' "$TMPD/sugg")"

# No terminal at all (a new session has no controlling tty): an error, 2.
if command -v setsid >/dev/null 2>&1; then
	setsid -w "$PORTSCOPE" --registry "$REG" pick 8080 </dev/null >"$TMPD/out" 2>"$TMPD/err"
	is "no /dev/tty: exit 2" 2 $?
	is "no /dev/tty: nothing on stdout" "" "$(cat "$TMPD/out")"
	like "no /dev/tty: a clear error" "portscope: pick needs a terminal: cannot open /dev/tty:" \
		"$(cat "$TMPD/err")"
else
	echo "ok $((T_N = T_N + 1)) - no /dev/tty # SKIP no setsid"
fi

# In a real terminal, as a script uses it: the pane's shell runs
# P=$(portscope pick ...) with stdout a pipe and stdin from /dev/null; the
# TUI draws on /dev/tty. One private tmux server per scenario, killed.
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok $((T_N = T_N + 1)) - tmux scenarios # SKIP no tmux"
	finish
	exit $?
fi
trap 'tmux_cleanup; rm -rf "$TMPD"' EXIT

# wait_out: wait for the pane's script to write $TMPD/OUT; sets GOT.
wait_out() {
	wait_file '^rc=' "$TMPD/OUT"
	GOT=$(cat "$TMPD/OUT")
}

# start ARGS: a pane of 100x30 whose shell captures `portscope pick ARGS`
# (after the shell commands $PRE).
start() {
	rm -f "$TMPD/OUT"
	tmux_next
	T new-session -d -x 100 -y 30 "TERM=xterm-256color sh -c '${PRE:-}P=\$($PORTSCOPE --registry $REG pick $* </dev/null); echo \"rc=\$? P=\$P\" >$TMPD/OUT'; sleep 60"
}

start 8080
wait_for "[PICK] port 8080 http-alt"
is "tmux: pick draws on the terminal with stdout a pipe" 0 $?
like "tmux: the hint" "Enter picks, q cancels" "$PANE"
T send-keys Right
wait_for "[PICK] port 8081 "
T send-keys Enter
wait_out
is "tmux: PORT=\$(portscope pick 8080), Right, Enter" "rc=0 P=8081" "$GOT"
PANE=$(T capture-pane -p)
is "tmux: the screen is restored (the picker's title is gone)" "" \
	"$(printf '%s\n' "$PANE" | grep 'portscope pick |')"

start 8080
wait_for "[PICK] port 8080 "
T send-keys q
wait_out
is "tmux: q returns nothing, status 1" "rc=1 P=" "$GOT"

start 8080
wait_for "[PICK] port 8080 "
T send-keys Escape
wait_out
is "tmux: Esc returns nothing, status 1" "rc=1 P=" "$GOT"

# Ctrl-C reaches the whole foreground group; the pane's shell traps it
# so that it lives to report (a script would usually die with it).
PRE='trap : INT; ' start 8080
wait_for "[PICK] port 8080 "
T send-keys C-c
wait_out
is "tmux: Ctrl-C returns nothing, status 130" "rc=130 P=" "$GOT"

start ssh
wait_for "[PICK] port 22 ssh"
T send-keys Enter
wait_out
is "tmux: pick ssh, Enter" "rc=0 P=22" "$GOT"

start 8080
wait_for "[PICK] port 8080 "
T send-keys s
wait_for "free ports near 8080"
is "tmux: s opens the suggestions" 0 $?
T send-keys Down Down Enter
wait_out
is "tmux: Down Down Enter on the suggestions picks the third" "rc=0 P=8076" "$GOT"

# Tab completion in a real terminal: Tab and Shift-Tab as the terminal
# sends them.
start 8080
wait_for "[PICK] port 8080 "
T send-keys -l ':kerb'
T send-keys Tab
wait_for "Go to port or service: kerberos  3 names: kerberos, kerberos-adm, kerberos-iv"
is "tmux: Tab extends to the shared prefix and lists the names" 0 $?
T send-keys BTab
wait_for "Go to port or service: kerberos-iv  name 3 of 3"
is "tmux: Shift-Tab from the prefix goes to the last name" 0 $?
T send-keys Enter
wait_for "[PICK] port 750 rfile: assigned, system range  kerberos-iv: port 750"
is "tmux: Enter goes to it" 0 $?
T send-keys Enter
wait_out
is "tmux: and Enter picks it" "rc=0 P=750" "$GOT"
finish
