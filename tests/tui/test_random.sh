#!/bin/sh
# SPDX-License-Identifier: MIT
# test_random.sh: 6,000 pseudo-random keys, mouse events and resizes (1x1
# to 300x100) on the real registry and on the hostile fixture, in three
# terminal set-ups: the TUI must neither crash nor get stuck, and its last
# screen must be whole. Run under ASan/UBSan by the sanitizer build.
. "$TESTS_DIR/tui/tui_lib.sh"

# random_script SEED: the script on stdout (awk's srand makes it repeatable).
random_script() {
	awk -v seed="$1" 'BEGIN {
		srand(seed)
		n = split("h j k l g G + - = _ ] [ t r ? / n N L s F U a x : <Tab> <Enter> <Esc> <BS> <Left> <Right> <Up> <Down> <PgUp> <PgDn> <Home> <End> <F1> <C-l> 4 4 3 s h <Click_10,3> <Click_0,0> <Click_299,99> <WheelUp_1,1> <WheelDown_50,5>", k, " ")
		split("1 2 5 39 40 41 80 100 200 300", w, " ")
		split("1 2 3 9 10 11 24 30 60 100", h, " ")
		for (i = 0; i < 6000; i++) {
			r = rand()
			if (r < 0.03)
				printf "@resize %dx%d\n", w[int(rand() * 10) + 1], h[int(rand() * 10) + 1]
			else if (r < 0.035)
				print "@dump"
			else {
				key = k[int(rand() * n) + 1]
				gsub("_", " ", key)
				print key
			}
		}
		print "@resize 80x24"
		print "<Esc><Esc>g"
		print "@dump final"
	}'
}

for setup in "xterm-256color C.UTF-8 $REG" "vt100 C $REG" "xterm C.UTF-8 $FIXTURES/tui-escapes.csv"; do
	set -- $setup
	random_script "$T_N" >"$TMPD/random.keys"
	LC_ALL=$2 PORTSCOPE_TEST_SIZE=80x24 PORTSCOPE_TEST_SCRIPT="$TMPD/random.keys" TERM=$1 \
		"$PORTSCOPE" --registry "$3" tui >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	is "random keys ($1, $2, $(basename "$3")): exit 0" 0 "$RC"
	is "random keys ($1, $2): nothing on stderr" "" "$(cat "$TMPD/err")"
	like "random keys ($1, $2): the last screen is the map at 80x24" "--- final 80x24
 portscope | " "$(cat "$TMPD/out")"
done
finish
