#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""screenshot.py: a PNG of a terminal screen captured with its colours.

    doc/screenshot.py CAPTURE COLS ROWS OUT.png [FONT_SIZE]

CAPTURE is the output of `tmux capture-pane -p -e` (text with SGR escape
sequences). Every cell is painted with its xterm colours (the 16 base
colours, the 256-colour cube and grey ramp, and 24-bit RGB), honouring
bold, dim, underline and reverse, in DejaVu Sans Mono. The block glyphs
the heat map draws (full, upper and lower half) are painted as exact
rectangles, so neighbouring cells meet without the font's seams.
Needs Debian's python3-pil and fonts-dejavu-core; doc/pictures.sh runs it.
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono{}.ttf"
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
# any other escape sequence (cursor movement, OSC, charset) is dropped
OTHER = re.compile(r"\x1b(?:\[[0-9;:?]*[A-Za-ln-z]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Z0-9])")
# xterm's own 16 colours
BASE = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
PAPER = (24, 24, 24)   # the terminal's default background
INK = (208, 208, 208)  # and foreground


def xterm(n):
    """The RGB of xterm colour n (0-255)."""
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        level = [0, 95, 135, 175, 215, 255]
        return level[n // 36], level[n // 6 % 6], level[n % 6]
    grey = 8 + 10 * (n - 232)
    return grey, grey, grey


class Pen:
    """The SGR state of the cells being read."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.under = self.rev = False

    def colour(self, ps, i):
        """An extended colour at ps[i] (after 38 or 48): (rgb, next index)."""
        if i < len(ps) and ps[i] == 5 and i + 1 < len(ps):
            return xterm(ps[i + 1] & 255), i + 2
        if i < len(ps) and ps[i] == 2 and i + 3 < len(ps):
            return tuple(v & 255 for v in ps[i + 1:i + 4]), i + 4
        return None, len(ps)

    def apply(self, params):
        ps = [int(p.split(":")[0] or 0) for p in params.split(";")] if params else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            i += 1
            if p == 0:
                self.reset()
            elif p == 1:
                self.bold = True
            elif p == 2:
                self.dim = True
            elif p == 4:
                self.under = True
            elif p == 7:
                self.rev = True
            elif p == 22:
                self.bold = self.dim = False
            elif p == 24:
                self.under = False
            elif p == 27:
                self.rev = False
            elif 30 <= p <= 37:
                self.fg = BASE[p - 30]
            elif 90 <= p <= 97:
                self.fg = BASE[p - 90 + 8]
            elif 40 <= p <= 47:
                self.bg = BASE[p - 40]
            elif 100 <= p <= 107:
                self.bg = BASE[p - 100 + 8]
            elif p == 39:
                self.fg = None
            elif p == 49:
                self.bg = None
            elif p in (38, 48):
                rgb, i = self.colour(ps, i)
                if p == 38:
                    self.fg = rgb
                else:
                    self.bg = rgb

    def cell(self):
        """The (ink, paper, bold, underline) of a cell drawn now."""
        fg, bg = self.fg or INK, self.bg or PAPER
        if self.bold and self.fg in BASE[:8]:
            fg = BASE[BASE.index(self.fg) + 8]
        if self.rev:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg, self.bold, self.under


def read_cells(line):
    pen, out, pos = Pen(), [], 0
    line = OTHER.sub("", line)
    for m in SGR.finditer(line):
        out += [(ch, pen.cell()) for ch in line[pos:m.start()]]
        pen.apply(m.group(1))
        pos = m.end()
    out += [(ch, pen.cell()) for ch in line[pos:]]
    return out


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    capture, cols, rows, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    size = int(sys.argv[5]) if len(sys.argv) == 6 else 16
    font = ImageFont.truetype(FONT.format(""), size)
    bold = ImageFont.truetype(FONT.format("-Bold"), size)
    cw = round(font.getlength("M"))
    ch = round(size * 1.25)
    img = Image.new("RGB", (cols * cw, rows * ch), PAPER)
    draw = ImageDraw.Draw(img)
    with open(capture, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    screen = [read_cells(line)[:cols] for line in lines[:rows]]
    # the paper first, then the ink: a glyph reaching below its cell (_)
    # is not painted over by the row under it
    for y, row in enumerate(screen):
        for x, (c, (fg, bg, b, u)) in enumerate(row):
            draw.rectangle([x * cw, y * ch, x * cw + cw - 1, y * ch + ch - 1], fill=bg)
    for y, row in enumerate(screen):
        for x, (c, (fg, bg, b, u)) in enumerate(row):
            x0, y0 = x * cw, y * ch
            if c == "\u2588":
                draw.rectangle([x0, y0, x0 + cw - 1, y0 + ch - 1], fill=fg)
            elif c == "\u2580":
                draw.rectangle([x0, y0, x0 + cw - 1, y0 + ch // 2 - 1], fill=fg)
            elif c == "\u2584":
                draw.rectangle([x0, y0 + ch // 2, x0 + cw - 1, y0 + ch - 1], fill=fg)
            elif c != " ":
                draw.text((x0, y0 + (ch - size) // 2), c, font=bold if b else font, fill=fg)
            if u:
                draw.line([x0, y0 + ch - 2, x0 + cw - 1, y0 + ch - 2], fill=fg)
    img.save(out, optimize=True)


if __name__ == "__main__":
    main()
