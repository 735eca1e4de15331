# SPDX-License-Identifier: MIT
# screens.py: run the TUI headless from Python tests and read its dumps:
# text screens, and style screens (@styles: a symbol per cell and what
# each symbol is), plus the heat map's geometry read off a text screen
# (row starts from the gutter, ports per cell from the title), so a test
# can ask where a port is drawn and how.
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import Tap  # noqa: E402,F401

GUTTER = 10
MAP_ROW = re.compile(r"^([ 0-9]{4}[0-9]) (.) (.) (.)")
ZOOM = re.compile(r"(?:fit )?([0-9]+) ports?/cell")


class Dump:
    """One dump: its kind ('', 'attrs', 'styles'), label, rows and, for
    styles, what each symbol is: (fg, bg, frozenset of attributes)."""

    def __init__(self, kind, label, rows, styles):
        self.kind, self.label, self.rows, self.styles = kind, label, rows, styles

    def style(self, y, x):
        return self.styles[self.rows[y][x]]


def env(term="xterm-256color", no_color=False, lang="C.UTF-8"):
    e = dict(os.environ)
    e.update(TERM=term, LC_ALL=lang, LANGUAGE="",
             PORTSCOPE_SYSROOT=os.path.join(os.environ["FIXTURES"], "sysroot"))
    e.pop("NO_COLOR", None)
    if no_color:
        e["NO_COLOR"] = "1"
    return e


def run(size, lines, registry=None, extra_env=None, **kw):
    """Run the TUI at size with the key-script lines; the list of dumps."""
    reg = registry or os.path.join(os.environ["IANA_DIR"], "service-names-port-numbers.csv")
    e = env(**kw)
    e.update(extra_env or {})
    with tempfile.NamedTemporaryFile("w", suffix=".keys", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    try:
        e.update(PORTSCOPE_TEST_SIZE=size, PORTSCOPE_TEST_SCRIPT=path,
                 HOME=tempfile.gettempdir() + "/portscope-no-home",
                 XDG_CONFIG_HOME="/nonexistent", XDG_DATA_HOME="/nonexistent")
        out = subprocess.run([os.environ["PORTSCOPE"], "--registry", reg, "tui"], env=e,
                             capture_output=True, timeout=300)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        raise RuntimeError("portscope tui exited %d: %s" % (out.returncode, out.stderr.decode()))
    return parse(out.stdout.decode("utf-8"))


HEADER = re.compile(r"^--- (attrs |styles )?(.*) (\d+)x(\d+)$")


def parse(text):
    dumps, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        m = HEADER.match(lines[i])
        i += 1
        if not m:
            continue
        kind, label, h = (m.group(1) or "").strip(), m.group(2), int(m.group(4))
        rows = lines[i:i + h]
        i += h
        styles = {}
        while kind == "styles" and i < len(lines) and lines[i].startswith("= "):
            f = lines[i].split(" ")
            styles[f[1]] = (int(f[3]), int(f[5]), frozenset(f[6:]))
            i += 1
        dumps.append(Dump(kind, label, rows, styles))
    return dumps


class Geometry:
    """Where the map's ports are on a text screen."""

    def __init__(self, dump):
        rows = dump.rows
        m = ZOOM.search(rows[0])
        self.z = int(m.group(1)) if m else None
        self.map = [(y, int(MAP_ROW.match(r).group(1))) for y, r in enumerate(rows)
                    if y > 0 and MAP_ROW.match(r) and len(r) > GUTTER]
        self.halves = any(c in "▀▄" for y, _ in self.map for c in rows[y][GUTTER:])
        self.rpl = 2 if self.halves else 1
        self.cells = max(len(rows[y]) - GUTTER for y, _ in self.map) if self.map else 0
        self.per_row = self.cells * self.z if self.z else 0
        self.rows = rows

    def where(self, port):
        """(y, x, half) of the cell holding port, half 0 top / 1 bottom, or None."""
        for y, start in self.map:
            if start <= port < start + self.per_row * self.rpl:
                off = port - start
                return y, GUTTER + (off % self.per_row) // self.z, off // self.per_row
        return None

    def port_at(self, y, x, half=0):
        """The first port of the cell at (y, x), or None."""
        for yy, start in self.map:
            if yy == y and x >= GUTTER:
                p = start + half * self.per_row + (x - GUTTER) * self.z
                return p if p <= 65535 else None
        return None

    def glyph(self, port):
        w = self.where(port)
        return self.rows[w[0]][w[1]] if w else None
