#!/bin/sh
# SPDX-License-Identifier: MIT
# test_pictures.sh: doc/screenshot.py paints a capture's cells in their
# exact xterm colours, and doc/pictures.sh makes the README's four
# pictures, the TUI's showing the three ranges in their own colours.
. "$TESTS_DIR/lib.sh"
PY=/usr/bin/python3

# A two-row capture: a cell of background 33, a full block of 196, a half
# block of 24-bit green over a reversed default, and plain text.
printf '\033[48;5;33m \033[0m\033[38;5;196m\342\226\210\033[0m\033[38;2;0;200;0;7m\342\226\200\033[0mab\n\033[1;31mX\033[0m\n' >"$TMPD/cap"
"$PY" "$SRCDIR/doc/screenshot.py" "$TMPD/cap" 5 2 "$TMPD/cap.png" 16 2>"$TMPD/err"
is "screenshot: exit 0" 0 $?
is "screenshot: painted" "(50, 40) (0, 135, 255) (255, 0, 0) (24, 24, 24) (0, 200, 0)" "$("$PY" -c '
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
cw, ch = im.width // 5, im.height // 2
print((im.width, im.height), im.getpixel((cw // 2, ch // 2)), im.getpixel((cw + cw // 2, ch // 2)),
      im.getpixel((2 * cw + cw // 2, 2)), im.getpixel((2 * cw + cw // 2, ch - 2)))
' "$TMPD/cap.png")"
"$PY" "$SRCDIR/doc/screenshot.py" "$TMPD/cap" 5 >/dev/null 2>&1
is "screenshot: a usage error is exit 1" 1 $?

mkdir "$TMPD/pics"
# In the sanitizer build: fontconfig (loaded by cairo, at run time, for the
# years chart's labels) keeps caches it never frees, which LeakSanitizer
# reports as leaks of libfontconfig; portscope's own allocations are
# leak-checked by every other test.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
PICTURES_DIR="$TMPD/pics" PICTURES_KEEP=1 sh "$SRCDIR/doc/pictures.sh" "$PORTSCOPE" >"$TMPD/out" 2>"$TMPD/err"
rc=$?
cat "$TMPD/err" >&2
is "pictures.sh: exit 0" 0 $rc
for p in map years tui-fit tui-zoom; do
	is "pictures.sh: $p.png is a PNG" "PNG" "$(head -c 4 "$TMPD/pics/$p.png" | tail -c 3)"
done
cap="$TMPD/pics/tui-fit.txt"
like "fit picture: the whole space at 9 ports a cell" "fit 9 ports/cell" "$(sed -n 1p "$cap")"
like "fit picture: the detail pane hidden" "[details hidden: D shows them]" "$(cat "$cap")"
# the colour of the map cell of a row (by its gutter number) and column
# 20, as painted: the map starts after the gutter's 10 columns
colour() {
	row=$(sed 's/\x1b\[[0-9;:]*m//g' "$cap" | grep -n "^ *$1 " | head -n 1 | cut -d: -f1)
	"$PY" -c '
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
cw, ch = im.width // 120, im.height // 40
r, g, b = im.getpixel((20 * cw + cw // 2, (int(sys.argv[2]) - 1) * ch + ch // 4))
print("blue" if b > r + 40 and b > g else "amber" if r > b + 40 and g > b + 20 else
      "grey" if max(r, g, b) - min(r, g, b) < 16 else "other %d,%d,%d" % (r, g, b))
' "$TMPD/pics/tui-fit.png" "$row"
}
is "fit picture: System ports (row 0) are blue" blue "$(colour 0)"
is "fit picture: User ports (row 19800) are amber" amber "$(colour 19800)"
is "fit picture: Dynamic ports (row 59400) are grey" grey "$(colour 59400)"
like "zoom picture: on 8080 at one port a cell" "1 port/cell" "$(sed -n 1p "$TMPD/pics/tui-zoom.txt")"
like "zoom picture: the detail pane shows 8080's record" "8080/tcp  http-alt  (assigned)" \
	"$(sed 's/\x1b\[[0-9;:]*m//g' "$TMPD/pics/tui-zoom.txt")"
finish
