#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/tui.sh: how fast the TUI draws and how much memory it takes, on the
# real registry, through the headless mode (curses writes to /dev/null, so
# the terminal's own speed is left out). Whole-process wall times, medians.
#   bench/tui.sh [BUILD_DIR] [RUNS] [first]   (defaults: build, 21)
# Prints: start to first frame, one full redraw at 200x60 (Ctrl-L, which
# repaints every cell) beside what ncurses alone takes for such a repaint
# (bench/curses_floor.c), a 1,000-key script at 80x24, and peak RSS.
# With "first": only the first frame from a warm compiled image, against
# /bin/true and against the first frame on a one-record registry (program
# start and curses set-up), each pair run turn about (bench/timeit.c), and
# portscope-tui started itself against through portscope tui (the exec).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/portscope
TUIBIN=${1:-build}/portscope-tui
RUNS=${2:-21}
REG=${IANA_DIR:-data}/service-names-port-numbers.csv
[ -x "$BIN" ] || { echo "bench/tui.sh: $BIN not built" >&2; exit 2; }
[ -r "$REG" ] || { echo "bench/tui.sh: $REG not found (set IANA_DIR)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TERM=xterm-256color LC_ALL=C.UTF-8 PORTSCOPE_SYSROOT=/nonexistent
unset NO_COLOR

# ms SIZE SCRIPT: wall milliseconds of one headless run.
ms() {
	local t0 t1
	t0=$(date +%s%N)
	PORTSCOPE_TEST_SIZE=$1 PORTSCOPE_TEST_SCRIPT=$2 "$BIN" --registry "$REG" tui >/dev/null
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

# stats_ms: one `portscope stats` (the registry load without curses), in microseconds.
stats_ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$BIN" --registry "$REG" stats >/dev/null
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

# median SIZE SCRIPT: median over RUNS runs, in microseconds.
median() {
	local i
	for ((i = 0; i < RUNS; i++)); do ms "$1" "$2"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

: >"$TMP/empty"
echo '@dump' >"$TMP/first"
printf 'Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\necho,7,tcp,Echo,,,,,,,,\n' >"$TMP/tiny.csv"

# first: the first frame from a warm image, turn about with its baselines.
first_frame() {
	cc -O2 -o "$TMP/timeit" bench/timeit.c
	export PORTSCOPE_CACHE_DIR=${PORTSCOPE_CACHE_DIR:-$TMP/cache}
	"$BIN" --registry "$REG" stats >/dev/null # the images written
	"$BIN" --registry "$TMP/tiny.csv" stats >/dev/null
	export PORTSCOPE_TEST_SIZE=80x24 PORTSCOPE_TEST_SCRIPT="$TMP/first"
	local t tiny t2 real
	read -r t _ _ tiny _ _ <<<"$("$TMP/timeit" "$RUNS" /bin/true -- "$BIN" --registry "$TMP/tiny.csv" tui | tr '\n' ' ')"
	read -r t2 _ _ real _ _ <<<"$("$TMP/timeit" "$RUNS" /bin/true -- "$BIN" --registry "$REG" tui | tr '\n' ' ')"
	local st fr direct viaexec
	read -r st _ _ fr _ _ <<<"$("$TMP/timeit" "$RUNS" "$BIN" --registry "$REG" stats -- "$BIN" --registry "$REG" tui | tr '\n' ' ')"
	# what portscope's exec of portscope-tui adds (doc/HACKING.md, "Layers")
	read -r direct _ _ viaexec _ _ <<<"$("$TMP/timeit" "$RUNS" "$TUIBIN" --registry "$REG" tui -- "$BIN" --registry "$REG" tui | tr '\n' ' ')"
	awk -v runs="$RUNS" -v t="$t" -v tiny="$tiny" -v t2="$t2" -v real="$real" -v st="$st" -v fr="$fr" \
		-v direct="$direct" -v viaexec="$viaexec" 'BEGIN {
	printf "TUI first frame (headless 80x24, draw and dump), medians of %d runs, turn about\n", runs
	printf "  /bin/true:                                   %7.3f ms  (%.3f in the second pair)\n", t, t2
	printf "  one-record registry (start + curses set-up): %7.3f ms\n", tiny
	printf "  real registry, warm image:                   %7.3f ms\n", real
	printf "  real - (/bin/true + curses set-up):          %7.3f ms  (target <= 3 ms)\n", real - tiny
	printf "  portscope stats, turn about with the frame:  %7.3f ms; first frame %.3f ms = %.2fx stats (target <= 1.5x)\n", st, fr, fr / st
	printf "  portscope-tui itself, turn about with portscope tui: %.3f ms against %.3f ms (the exec: %.3f ms)\n", direct, viaexec, viaexec - direct
	}'
}
if [ "${3:-}" = first ]; then
	first_frame
	exit 0
fi
for ((i = 0; i < 200; i++)); do echo '<C-l>'; done >"$TMP/redraw200"
for ((i = 0; i < 200; i++)); do echo '<C-l>'; done | sed '1i ------' >"$TMP/redraw200z"
# 1,000 keys: moves, pages, zooms, gap jumps, transports, gotos, the pages.
{
	for ((i = 0; i < 25; i++)); do
		printf '%s\n' 'jjjjjlllll' 'kkh' ']]][[[' '<PgDn><PgDn><PgUp>' '-+-+' 'tt' \
			':443<Enter>' ':ssh<Enter>' 'G' 'g'
	done
} >"$TMP/keys1000"
keys=$(sed 's/<[^>]*>/K/g' "$TMP/keys1000" | tr -d '\n' | wc -c)
[ "$keys" -eq 1000 ] || { echo "bench/tui.sh: the key script has $keys keys, not 1000" >&2; exit 2; }

load=$(for ((i = 0; i < RUNS; i++)); do stats_ms; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
base=$(median 80x24 "$TMP/empty")
first=$(median 80x24 "$TMP/first")
r200=$(median 200x60 "$TMP/redraw200")
r200b=$(median 200x60 "$TMP/empty")
r200z=$(median 200x60 "$TMP/redraw200z")
k1000=$(median 80x24 "$TMP/keys1000")
# ncurses alone repainting 200x60 (bench/curses_floor.c): the floor under
# a full redraw, colour changing once a row and every 8 cells.
cc -O2 -o "$TMP/curses_floor" bench/curses_floor.c -lncursesw -ltinfo
floor_row=$(for ((i = 0; i < 5; i++)); do "$TMP/curses_floor" 200 60 200 200; done | sort -n | sed -n 3p)
floor_8=$(for ((i = 0; i < 5; i++)); do "$TMP/curses_floor" 200 60 8 200; done | sort -n | sed -n 3p)
rss() {
	PORTSCOPE_TEST_SIZE=$1 PORTSCOPE_TEST_SCRIPT=$2 /usr/bin/time -f '%M' "$BIN" --registry "$3" tui 2>&1 >/dev/null | tail -1
}
rss_real=$(rss 200x60 "$TMP/keys1000" "$REG")
rss_tiny=$(rss 200x60 "$TMP/keys1000" "$TMP/tiny.csv")
rss_stats=$(/usr/bin/time -f '%M' "$BIN" --registry "$REG" stats 2>&1 >/dev/null | tail -1)

awk -v runs="$RUNS" -v load="$load" -v base="$base" -v first="$first" -v r200="$r200" -v r200b="$r200b" \
	-v r200z="$r200z" -v k1000="$k1000" -v floor_row="$floor_row" -v floor_8="$floor_8" -v rr="$rss_real" -v rt="$rss_tiny" -v rs="$rss_stats" 'BEGIN {
	printf "portscope TUI, headless, medians of %d runs (wall clock, whole process)\n", runs
	printf "  start to first frame (load registry, init curses, draw, dump, exit), 80x24: %.1f ms\n", first / 1000
	printf "    (the same with no dump: %.1f ms; portscope stats, the load alone without curses: %.1f ms)\n", base / 1000, load / 1000
	printf "  full redraw at 200x60, zoom 1:   %.3f ms  ((200 redraws - none) / 200)\n", (r200 - r200b) / 200 / 1000
	printf "  full redraw at 200x60, fit zoom: %.3f ms\n", (r200z - r200b) / 200 / 1000
	printf "  ncurses alone, a full repaint of 200x60 map-like cells: %.3f ms (a colour a row), %.3f ms (a colour every 8 cells)\n", floor_row, floor_8
	printf "  1,000-key script at 80x24, whole run: %.1f ms (%.3f ms per key after start)\n", k1000 / 1000, (k1000 - base) / 1000 / 1000
	printf "peak RSS (kB): TUI on the real registry %d; TUI on a one-record file %d; stats (no curses) %d\n", rr, rt, rs
	printf "  registry cost inside the TUI: %.1f MB\n", (rr - rt) / 1024
}'
