#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_heatmap.py: the heat map as a picture, read off headless dumps
# (text for the geometry, @styles for each cell's look):
# - at every width from 40 to 300 and every zoom the map's rows use at
#   least 90% of the columns beside the gutter, and the ruler gives each
#   labelled column's offset;
# - the fit zoom shows port 0 and port 65535 and uses at least 80% of the
#   map area;
# - the cursor's cell has a look no other cell of the screen has, on an
#   assigned (8080), a reserved (1023) and a free (49151) port, under the
#   overlays too, in 256 colours, 8 colours and monochrome;
# - at zoom 1 a free User port (49151) and a free Dynamic port (49153)
#   are drawn differently;
# - every map cell has the look of a legend swatch of its own range (or
#   of its overlay), and the swatches of a range name its states.
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import screens  # noqa: E402
from screens import GUTTER, Geometry  # noqa: E402

t = screens.Tap()
MODES = {"256": dict(term="xterm-256color"), "8": dict(term="xterm"),
         "mono": dict(no_color=True)}
OVERLAY_GLYPHS = set("●─◆▲◇@_!&~*")
RANGE_WORDS = {"System": 0, "Sys": 0, "User": 1, "Usr": 1, "Dynamic": 2, "Dyn": 2}


def range_of(port):
    return 0 if port < 1024 else 1 if port < 49152 else 2


def column_use():
    """Rows use >= 90% of the columns beside the gutter at every zoom."""
    for zoom in range(6):
        keys = ["-" * zoom] if zoom else []
        for w in range(40, 301):
            keys += ["@resize %dx30" % w, "@dump %d" % w]
        worst, where, ruler_bad = 2.0, None, []
        for d in screens.run("80x30", keys):
            g, w = Geometry(d), int(d.label)
            use = g.cells / (w - GUTTER)
            if use < worst:
                worst, where = use, w
            ruler_bad += ruler_errors(d, g)
        t.ok(worst >= 0.9, "zoom step %d: rows use >= 90%% of the map's columns at 40-300 "
             "columns (least %.1f%% at %d)" % (zoom, worst * 100, where))
        t.ok(not ruler_bad, "zoom step %d: every ruler label is its column's offset" % zoom,
             "\n".join(ruler_bad[:5]))


def ruler_errors(d, g):
    """Labels of the ruler (the row above the map) that are not c * z."""
    y = g.map[0][0] - 1
    line, bad, x = d.rows[y], [], GUTTER
    if line[:GUTTER].strip() != "+":
        return ["%s: no ruler above the map: %r" % (d.label, line)]
    while x < len(line):
        if line[x].isdigit():
            k = x
            while k < len(line) and line[k].isdigit():
                k += 1
            if int(line[x:k]) != (x - GUTTER) * g.z:
                bad.append("%s: column %d says %s" % (d.label, x - GUTTER, line[x:k]))
            x = k
        else:
            x += 1
    return bad


def fit_zoom():
    """The fit zoom: ports 0 and 65535 on screen, >= 80% of the area."""
    for size in ("80x24", "100x30", "200x60"):
        for mode, kw in MODES.items():
            d = screens.run(size, ["------", "@dump"], **kw)[0]
            g = Geometry(d)
            area = len(g.map) * g.rpl * (int(size.split("x")[0]) - GUTTER)
            used = -(-65536 // g.z) / area
            t.ok(g.where(0) is not None and g.where(65535) is not None and used >= 0.8,
                 "fit zoom, %s, %s colours: ports 0 and 65535 shown, %.1f%% of the map area "
                 "used (%d ports per cell%s)" % (size, mode, used * 100, g.z,
                                                 ", half cells" if g.halves else ""))
    worst = 2.0
    keys = ["------"]
    for w in range(40, 301):
        keys += ["@resize %dx%d" % (w, 10 + w % 50), "@dump %d" % w]
    for d in screens.run("80x30", keys):
        g = Geometry(d)
        area = len(g.map) * g.rpl * (int(d.label) - GUTTER)
        ok = g.where(0) is not None and g.where(65535) is not None
        worst = min(worst, -(-65536 // g.z) / area if ok else 0)
    t.ok(worst >= 0.8, "fit zoom at 40-300 columns, 10-59 rows: the whole space in "
         ">= 80%% of the map area (least %.1f%%)" % (worst * 100))


def looks(text, styles):
    """Each map cell's look: {(y, x): (glyph, style)}."""
    g = Geometry(text)
    return g, {(y, x): (text.rows[y][x], styles.style(y, x))
               for y, _ in g.map for x in range(GUTTER, len(text.rows[y]))}


def everywhere(styles, style):
    return sum(1 for row in styles.rows for s in row if s in styles.styles
               and styles.styles[s] == style)


def cursor_unique(root):
    """The cursor's look is its own, on every kind of cell, under overlays."""
    cases = [("assigned 8080", ":8080<Enter>", 8080), ("reserved 1023", ":1023<Enter>", 1023),
             ("free 49151", ":49151<Enter>", 49151),
             ("8080 under the search overlay", "/http<Enter>:8080<Enter>", 8080),
             ("22 under the listener, nmap and label marks", "LFM:22<Enter>", 22),
             ("29170 under the gap overlay", ":29169<Enter>]", 29170)]
    for mode, kw in MODES.items():
        for zoom in ("", "------"):
            for name, keys, port in cases:
                text, styles = screens.run("100x30", [zoom, keys, "@dump", "@styles"],
                                           extra_env=root, **kw)
                g = Geometry(text)
                y, x, _ = g.where(port)
                style = styles.style(y, x)
                n = everywhere(styles, style)
                t.ok(n == 1, "%s colours%s: cursor on %s: its look is on no other cell "
                     "(%s %r)" % (mode, ", fit zoom" if zoom else "", name, text.rows[y][x],
                                  style), "found on %d cells" % n)
            axis = styles.style(g.map[0][0] - 1, x)
            gut = styles.style(y, 0)
            t.ok(axis == gut and axis != styles.style(g.map[0][0], 0),
                 "%s colours%s: the cursor's row and column stand out in gutter and ruler"
                 % (mode, ", fit zoom" if zoom else ""))


def user_dynamic():
    """A free User and a free Dynamic port differ at zoom 1."""
    for mode, kw in MODES.items():
        text, styles = screens.run("80x24", [":49100<Enter>", "@dump", "@styles"], **kw)
        g = Geometry(text)
        a, b = g.where(49151), g.where(49153)
        la = (text.rows[a[0]][a[1]], styles.style(a[0], a[1]))
        lb = (text.rows[b[0]][b[1]], styles.style(b[0], b[1]))
        t.ok(la != lb, "%s colours, zoom 1: free 49151 (User) and 49153 (Dynamic) are "
             "drawn differently" % mode, "%r %r" % (la, lb))


def legend(text, styles, g):
    """The legend's swatches: ({range: [look...]}, {overlay looks})."""
    y = g.map[-1][0] + 1
    row, ranges, overlays, x = text.rows[y], {}, set(), 0
    while x < len(row):
        k = x
        while k < len(row) and row[k] not in " " and not row[k].isalnum() and row[k] != "=":
            k += 1
        if k > x and k < len(row) and row[k] == " ":
            word = row[k + 1:].split(" ")[0]
            if word in RANGE_WORDS:
                ranges[RANGE_WORDS[word]] = [(row[i], styles.style(y, i)) for i in range(x, k)]
        elif k == x + 1 and row[x] in OVERLAY_GLYPHS:
            overlays.add((row[x], styles.style(y, x)))
        x = k + 1 if k > x else x + 1
    return ranges, overlays


def half_colours(swatches):
    return {s[1][0] for s in swatches}


def legend_matches(root):
    """Every map cell has the look of a swatch of its range or overlay."""
    places = [("zoom 1 at 0", ":0<Enter>l"), ("zoom 1 at 1023", ":1023<Enter>l"),
              ("zoom 1 at 49151", ":49151<Enter>l"), ("zoom 16 at 1024", "--:1024<Enter>l"),
              ("zoom 256", "----l"), ("fit zoom", "------l"),
              ("zoom 1 with marks", "LFM/http<Enter>:8080<Enter>l")]
    for mode, kw in MODES.items():
        for name, keys in places:
            text, styles = screens.run("100x30", [keys, "@dump", "@styles"], extra_env=root, **kw)
            g, cells = looks(text, styles)
            ranges, overlays = legend(text, styles, g)
            cur = g.where(int(text.rows[g.map[-1][0] + 2].split()[1]))
            bad = []
            for (y, x), look in cells.items():
                if (y, x) == cur[:2] or look[0] == " ":
                    continue
                port = g.port_at(y, x)
                if look[0] in "▀":
                    ok = look[1][0] in half_colours(ranges.get(range_of(port), []))
                    below = g.port_at(y, x, 1)
                    ok = ok and (below is None or look[1][1] == -1 or
                                 look[1][1] in half_colours(ranges.get(range_of(below), [])))
                else:
                    ok = look in ranges.get(range_of(port), []) or look in overlays
                if not ok:
                    bad.append("port %s at %d,%d: %r" % (port, y, x, look))
            t.ok(len(ranges) == 3 and not bad, "%s colours, %s: every map cell has the look of a "
                 "legend swatch of its range or overlay" % (mode, name),
                 "ranges %r\n%s" % (sorted(ranges), "\n".join(bad[:5])))


def swatch_states():
    """The swatches of a range are its free, reserved and assigned cells."""
    for mode, kw in MODES.items():
        text, styles = screens.run("100x30", [":500<Enter>", "@dump", "@styles"], **kw)
        g, cells = looks(text, styles)
        ranges, _ = legend(text, styles, g)
        want = {4: ranges[0][0], 0: ranges[0][1], 1: ranges[0][2]}  # free, reserved, assigned
        got = {p: cells[g.where(p)[:2]] for p in want}
        t.ok(got == want, "%s colours: System's swatches are its free (4), reserved (0) and "
             "assigned (1) cells" % mode, "%r\n%r" % (want, got))
        text, styles = screens.run("100x30", [":49100<Enter>", "@dump", "@styles"], **kw)
        g, cells = looks(text, styles)
        ranges, _ = legend(text, styles, g)
        t.ok(cells[g.where(49151)[:2]] == ranges[1][0] and cells[g.where(49153)[:2]] == ranges[2][0],
             "%s colours: free 49151 is User's free swatch, free 49153 Dynamic's" % mode)


def marks_root():
    """A sysroot with listeners, nmap-services and labels (test_legend.sh's)."""
    d = tempfile.mkdtemp()
    fx = os.environ["FIXTURES"]
    subprocess.run([os.path.join(os.environ["TESTS_DIR"], "mkproc.sh"),
                    os.path.join(fx, "sysroot-listeners"), d], check=True)
    for sub in ("etc", "usr"):
        shutil.copytree(os.path.join(fx, "sysroot-suggest", sub), os.path.join(d, sub),
                        dirs_exist_ok=True)
    return d, {"PORTSCOPE_SYSROOT": d, "XDG_CONFIG_HOME": os.path.join(fx, "config-suggest")}


def main():
    root, extra = marks_root()
    try:
        column_use()
        fit_zoom()
        cursor_unique(extra)
        user_dynamic()
        legend_matches(extra)
        swatch_states()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
