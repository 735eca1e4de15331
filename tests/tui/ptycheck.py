#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ptycheck.py: are the bytes a TUI wrote to its terminal free of anything
the data could have put there? Prints "clean", or what it found.

Usage: ptycheck.py utf8|ascii LOG

What curses itself sends for TERM=xterm-256color is taken out first: CSI
sequences, charset designations, the short ESC sequences (save/restore
cursor, keypad modes, index) and OSC 104 (reset colours, its `oc`). What is
left must be UTF-8 (in ascii mode: 7-bit) text with no C0 control but CR,
LF and BS (cursor motion) and no C1 control. Besides, the payloads of
tests/tui/test_pty.sh never appear raw: no OSC but OSC 104 at all, no CSI
or DCS with the 1337 marker, no CR, BS, TAB, DEL or BEL before their
markers, and no bidi control or invisible format character (U+202A-202E,
U+2066-2069, U+200B-200F, U+FEFF, U+2028/9, U+061C).
"""
import re
import sys

CURSES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()*+][0-~]|\x1b[78=>MDEc]|\x1b\]104\x07")
NEVER = [b"\x1b]52;", b"\x1b]8;", b"\x1bP", b"\x1b[1337", b"\x9b1337", b"\rEVIL", b"\x08EVIL",
         b"\tEVIL", b"\x7fEVIL", b"\x07BEL", b"\xc2\x85NEL"]


def context(data, i):
    return repr(data[max(0, i - 30):i + 30])


def problems(mode, data):
    found = []
    for needle in NEVER:
        i = data.find(needle)
        if i >= 0:
            found.append("raw %r at byte %d: %s" % (needle, i, context(data, i)))
    for m in re.finditer(rb"\x1b\]", data):
        if not data.startswith(b"\x1b]104\x07", m.start()):
            found.append("an OSC at byte %d: %s" % (m.start(), context(data, m.start())))
    for m in CURSES.finditer(data):
        if b"1337" in m.group():
            found.append("a CSI with the marker at byte %d: %r" % (m.start(), m.group()))
    rest = CURSES.sub(b"", data)
    for m in re.finditer(rb"[\x00-\x07\x09\x0b\x0c\x0e-\x1f\x7f]", rest):
        found.append("control byte %r: %s" % (m.group(), context(rest, m.start())))
    if mode == "ascii":
        for m in re.finditer(rb"[\x80-\xff]", data):
            found.append("byte %r in ASCII mode: %s" % (m.group(), context(data, m.start())))
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError as e:
        found.append("invalid UTF-8 at byte %d: %s" % (e.start, context(rest, e.start)))
        text = rest.decode("utf-8", "replace")
    for m in re.finditer("[\x80-\x9f]", text):
        found.append("C1 control U+%04X: %r" % (ord(m.group()), text[max(0, m.start() - 30):m.start() + 30]))
    for m in re.finditer("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\u2028\u2029\u061c]", text):
        found.append("invisible U+%04X: %r" % (ord(m.group()), text[max(0, m.start() - 30):m.start() + 30]))
    return found


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("utf8", "ascii"):
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[2], "rb") as f:
        data = f.read()
    if not data:
        print("empty: nothing was drawn")
        return 1
    found = problems(sys.argv[1], data)
    print("\n".join(found[:10]) if found else "clean")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
