#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_bars.py: the title bar and the status line by priority. At every
# width from 40 to 300 (English and German, UTF-8 and the C locale, the
# IANA registry and a services file) nothing is cut inside a word: every
# word shown is a whole word of the full line, and a cut field ends with
# an ellipsis. Fields drop in a fixed order; a degraded source is said
# once; after any move the status line names the cursor's port.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import screens  # noqa: E402

t = screens.Tap()
SERVICES = os.path.join(os.environ["FIXTURES"], "tui-services")


def sweep(lines, **kw):
    """Dumps at every width 40..300, after the key lines."""
    keys = list(lines)
    for w in range(40, 301):
        keys += ["@resize %dx24" % w, "@dump %d" % w]
    return screens.run("300x24", keys, **kw)


def words(line, ell):
    """The words of a line, without the punctuation that ends a field
    and with the fit zoom's cell size (which follows the width) as #."""
    line = re.sub(r"fit \d+ ", "fit # ", line)
    return [w.rstrip(":,;") if not w.endswith(ell) else w for w in line.split()]


def cut_words(line, full, ell):
    """Words of line that are not whole words of full (an ellipsis may end one)."""
    whole = set(words(full, ell))
    bad = []
    for w in words(line, ell):
        if w.endswith(ell):
            w = w[:-len(ell)].rstrip(":,;")
            if not w:
                continue
        if w not in whole:
            bad.append(w)
    return bad


def check_row(name, dumps, y, ell):
    """Row y of every dump against the same row at 300 columns."""
    full = [d for d in dumps if d.label == "300"][0].rows[y].strip()
    bad = []
    for d in dumps:
        line = d.rows[y].strip()
        b = cut_words(line, full, ell)
        if b:
            bad.append("%s: %r (%s)" % (d.label, line, ", ".join(b)))
    t.ok(not bad, "%s: at 40-300 columns only whole words, a cut one ending in %s" % (name, ell),
         "\n".join(bad[:6]))


def titles():
    cases = [("title, IANA registry", [], {}, "…"),
             ("title, fit zoom", ["------"], {}, "…"),
             ("title, a services file", [], {"registry": SERVICES}, "…"),
             ("title, German", [], {"lang": "de_DE.UTF-8"}, "…"),
             ("title, C locale", [], {"lang": "C"}, "...")]
    for name, keys, kw, ell in cases:
        dumps = sweep(keys, **kw)
        check_row(name, dumps, 0, ell)
    # the order fields go in: records, the program's name, the date, the source
    dumps = sweep([], registry=SERVICES)
    gone = {}
    for d in sorted(dumps, key=lambda d: -int(d.label)):
        for field, text in (("records", "records"), ("name", "portscope"),
                            ("date", "undated"), ("source", "services file")):
            if text not in d.rows[0] and field not in gone:
                gone[field] = int(d.label)
    order = sorted(gone, key=lambda f: -gone[f])
    narrow = [d for d in dumps if d.label == "40"][0].rows[0]
    t.ok(order == ["records", "name", "date", "source"][:len(order)] and len(order) >= 3 and
         "| any | 1 port/cell" in narrow,
         "title: fields go in a fixed order (records, name, date, then the source is cut), "
         "transport and zoom stay", "%r\n%r" % (gone, narrow))


def statuses():
    cases = [("status, an error message", [":nosuchservice<Enter>"], {}, "…"),
             ("status, a search", ["/kerberos<Enter>"], {}, "…"),
             ("status, German, a gap", [":29169<Enter>]"], {"lang": "de_DE.UTF-8"}, "…"),
             ("status, C locale", [":nosuchservice<Enter>"], {"lang": "C"}, "...")]
    for name, keys, kw, ell in cases:
        dumps = sweep(keys, **kw)
        check_row(name, dumps, 23, ell)
        short = [d for d in dumps if d.label == "40"][0].rows[23]
        t.ok(re.search(r"(port|Port) \d+", short), "%s: at 40 columns it still names the "
             "cursor's port" % name, short)


def degraded():
    d = screens.run("100x30", ["@dump"], registry=SERVICES)[0]
    text = "\n".join(d.rows)
    n = len(re.findall(r"(?i)not the official|degraded", text))
    t.ok(n == 1, "a degraded source is said once (the banner offering U)", text)


def heading_port(d):
    for row in d.rows:
        m = re.match(r"^ Port (\d+)  ", row)
        if m:
            return m.group(1)
    return None


def after_moves():
    moves = [("l", "l"), ("j", "j"), ("G", "G"), ("g", "g"), ("PgDn", "<PgDn>"),
             ("a click", "<Click 30,6>"), ("the wheel", "<WheelDown 30,6>"),
             ("] (a gap)", "]"), ("[ then l", "[l"), (":8080", ":8080<Enter>"),
             ("/http", "/http<Enter>"), ("n", "n"), ("N", "N"), ("zoom out", "-"),
             ("zoom in", "+"), ("Tab, j (the pane scrolls)", "<Tab>j<Tab>"),
             ("s, Enter (a suggestion)", ":8080<Enter>s<Enter>"), ("D (pane hidden)", "D"),
             ("D again", "D")]
    keys = []
    for name, k in moves:
        keys += [k, "@dump " + name]
    dumps = screens.run("100x30", keys)
    for d in dumps:
        port = heading_port(d)
        status = d.rows[29]
        t.ok(port and re.match(r"^\[(MAP|DETAIL)\] port %s\b" % port, status),
             "after %s the status line names the cursor's port (%s)" % (d.label, port), status)
    last = [d for d in dumps if d.label == "[ then l"][0].rows[29]
    t.ok("free gap" not in last, "a move forgets the message about where the cursor was", last)


def main():
    titles()
    statuses()
    degraded()
    after_moves()
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
