#!/bin/sh
# SPDX-License-Identifier: MIT
# test_map.sh: `portscope map` pictures: a well-formed SVG with one cell
# per port at --zoom 1 (65,536, counted from the SVG) in the TUI's palette
# for each port's range and state, a PNG of the asked width, a PDF that
# pdfinfo opens, the years chart; refusals. Needs cairo (skipped without).
. "$TESTS_DIR/lib.sh"
if ! "$PORTSCOPE" map --output "$TMPD/probe.svg" --registry "$REG" >/dev/null 2>&1; then
	echo "1..0 # SKIP this portscope draws no pictures (no cairo)"
	exit 0
fi

run --registry "$REG" map --zoom 1 --output "$TMPD/map.svg"
is "zoom 1 SVG: exit 0" 0 "$RC"
is "zoom 1 SVG: says what it wrote" "wrote $TMPD/map.svg" "$OUT"
if command -v xmllint >/dev/null; then
	xmllint --noout "$TMPD/map.svg" 2>"$TMPD/xml"
	is "the SVG is well-formed (xmllint)" "" "$(cat "$TMPD/xml")"
fi
# The cells: squares of the cell size, and the colour of some ports'.
python3 - "$TMPD/map.svg" >"$TMPD/cells" <<'PY'
import re, sys
svg = open(sys.argv[1]).read()
cells = {}
for fill, d in re.findall(r'fill:rgb\(([^)]*)\);fill-opacity:1;" d="([^"]*)"', svg):
    n = [float(v) for v in re.findall(r"-?[\d.]+", d)]
    if len(n) == 10 and n[2] - n[0] == n[5] - n[1] and n[2] > n[0]:
        cells[(n[0], n[1])] = (n[2] - n[0], fill)
size = {s for s, _ in cells.values()}
s = min(size)
x0 = min(x for x, _ in cells)
y0 = min(y for _, y in cells)
def rgb(idx):
    cube = [0, 95, 135, 175, 215, 255]
    v = idx - 16
    c = (cube[v // 36], cube[v // 6 % 6], cube[v % 6]) if idx < 232 else (8 + 10 * (idx - 232),) * 3
    return [x * 100 / 255 for x in c]
def same(fill, idx):
    got = [float(v.rstrip("%")) for v in fill.split(",")]
    return all(abs(a - b) < 0.01 for a, b in zip(got, rgb(idx)))
print(sum(1 for v in cells.values() if v[0] == s))
for port in (80, 8080, 49153, 0, 29170, 49151):
    x, y = x0 + (port % 256) * s, y0 + (port // 256) * s
    f = cells[(x, y)][1]
    print(port, same(f, {80: 39, 8080: 214, 49153: 237, 0: 32, 29170: 58, 49151: 58}[port]), f)
PY
is "zoom 1: one cell per port, 65,536" 65536 "$(sed -n 1p "$TMPD/cells")"
for p in 80 8080 49153 0 29170 49151; do
	case $p in
	80) what="System, assigned: the System colour (xterm 39)" ;;
	8080) what="User, assigned: the User colour (214)" ;;
	49153) what="Dynamic, free: the Dynamic tint (237)" ;;
	0) what="System, reserved: the middle System shade (32)" ;;
	29170) what="User, free: the User tint (58)" ;;
	49151) what="the last User port, free: the User tint, not the Dynamic one" ;;
	esac
	is "port $p, $what" "$p True" "$(grep "^$p " "$TMPD/cells" | cut -d' ' -f1-2)"
done

run --registry "$REG" map --width 1200 --output "$TMPD/map.png"
is "PNG: exit 0" 0 "$RC"
is "PNG: the asked width" 1200 "$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(struct.unpack(">I", d[16:20])[0] if d[:8]==b"\x89PNG\r\n\x1a\n" else "not a PNG")' "$TMPD/map.png")"
run --registry "$REG" map --output "$TMPD/map1920.png"
is "PNG: 1920 pixels wide by default (a slide)" 1920 "$(python3 -c 'import struct,sys; print(struct.unpack(">I", open(sys.argv[1],"rb").read(24)[16:20])[0])' "$TMPD/map1920.png")"
is "PNG: mode 0644 under umask 022" 644 "$(umask 022; "$PORTSCOPE" --registry "$REG" map --output "$TMPD/m.png" >/dev/null; stat -c %a "$TMPD/m.png")"
run --registry "$REG" map --by-year --output "$TMPD/years.pdf"
is "years PDF: exit 0" 0 "$RC"
if command -v pdfinfo >/dev/null; then
	is "years PDF: pdfinfo opens it, one page" 1 "$(pdfinfo "$TMPD/years.pdf" | sed -n 's/^Pages: *//p')"
fi
run --registry "$REG" map --zoom 16 --grep kerberos --mark ephemeral --output "$TMPD/marks.svg"
is "marks: exit 0" 0 "$RC"
like "marks: the legend names the search matches" "search match" "$(grep -c 'fill:rgb(100%,52.941176%,100%)' "$TMPD/marks.svg" | sed 's/^[1-9].*/search match/')"

# Refusals: no output, a bad extension, a bad zoom, a FIFO as output.
run --registry "$REG" map
is "no --output: usage error" 2 "$RC"
run --registry "$REG" map --output "$TMPD/map.gif"
like "a .gif: says which formats" "ending in .png, .svg or .pdf" "$ERR"
run --registry "$REG" map --zoom 3 --output "$TMPD/x.png"
like "--zoom 3: refused" "--zoom takes fit or a power of two from 1 to 4096, not '3'" "$ERR"
mkfifo "$TMPD/fifo.png"
run --registry "$REG" map --output "$TMPD/fifo.png"
is "a FIFO as output: refused" 2 "$RC"
is "a FIFO as output: still a FIFO, no temporary file left" "yes 0" \
	"$([ -p "$TMPD/fifo.png" ] && echo yes) $(ls -A "$TMPD" | grep -c '^\.fifo')"
finish
