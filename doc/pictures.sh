#!/bin/sh
# SPDX-License-Identifier: MIT
# doc/pictures.sh [PORTSCOPE]: the README's pictures, from the bundled
# registry:
#   doc/map.png, doc/years.png  drawn by `portscope map` (cairo): the whole
#                               port space and the registrations per year;
#   doc/tui-fit.png             the TUI at its fit zoom, all 65,536 ports
#                               on one 120x40 screen, the detail pane hidden;
#   doc/tui-zoom.png            the TUI at one port per cell on 8080, with
#                               the detail pane, on a 100x24 screen.
# The TUI runs in a private tmux server; its screen, captured with its
# colours, is painted by doc/screenshot.py (python3-pil, fonts-dejavu-core).
# The kernel's facts and the listeners come from a test fixture and the
# date is fixed, so the pictures do not depend on this machine.
#   PICTURES_DIR=DIR  write them there instead of doc/
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ps=${1:-$top/build/portscope}
out=${PICTURES_DIR:-$top/doc}
reg=$top/data/service-names-port-numbers.csv
"$ps" --registry "$reg" map --zoom fit --output "$out/map.png"
"$ps" --registry "$reg" map --by-year --output "$out/years.png"

command -v tmux >/dev/null || { echo "pictures.sh: needs tmux" >&2; exit 2; }
tmp=$(mktemp -d)
sock=
trap '[ -z "$sock" ] || tmux -S "$sock" kill-server 2>/dev/null || :; rm -rf "$tmp"' EXIT

# shot NAME COLS ROWS KEYS...: start the TUI at COLSxROWS on port 8080,
# send each KEYS argument, then paint the screen into $out/NAME.png.
shot() {
	name=$1 cols=$2 rows=$3
	shift 3
	sock=$tmp/tmux-$name # a server of its own, its socket in our directory
	tmux -S "$sock" -f /dev/null new-session -d -s pic -x "$cols" -y "$rows" \
		"env TERM=tmux-256color LC_ALL=C.UTF-8 PORTSCOPE_TODAY=2025-04-01 \
		PORTSCOPE_SYSROOT='$top/tests/fixtures/sysroot-listeners' \
		PORTSCOPE_CACHE_DIR='$tmp/cache' '$ps' --registry '$reg' tui 8080; sleep 60"
	# the first frame: the status line is drawn last
	i=0
	until tmux -S "$sock" capture-pane -p -t pic | grep -q '? help'; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "pictures.sh: the TUI did not start ($name)" >&2; exit 1; }
		sleep 0.1
	done
	for k in "$@"; do
		tmux -S "$sock" send-keys -t pic "$k"
	done
	# drawn: two captures 0.3 s apart are the same (at most 10 s)
	i=0
	tmux -S "$sock" capture-pane -p -e -t pic >"$tmp/$name.txt"
	while sleep 0.3 && tmux -S "$sock" capture-pane -p -e -t pic >"$tmp/now.txt" &&
		! cmp -s "$tmp/now.txt" "$tmp/$name.txt"; do
		mv "$tmp/now.txt" "$tmp/$name.txt"
		i=$((i + 1))
		[ $i -lt 33 ] || { echo "pictures.sh: the TUI did not settle" >&2; exit 1; }
	done
	tmux -S "$sock" kill-server
	/usr/bin/python3 "$top/doc/screenshot.py" "$tmp/$name.txt" "$cols" "$rows" "$out/$name.png"
	# PICTURES_KEEP=1: the capture beside the picture (tests/doc/test_pictures.sh)
	[ -z "${PICTURES_KEEP:-}" ] || cp "$tmp/$name.txt" "$out/$name.txt"
}

shot tui-fit 120 40 D - - - - - -
shot tui-zoom 100 24
