#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ptyrun.py: run a program in a fresh pseudo-terminal, drive it with a key
script and record every byte it writes to the terminal.

Usage: ptyrun.py [--size COLSxROWS] [--log FILE] [--screen FILE]
                 [--timeout SECS] [--expect SECS] [--seed N]
                 SCRIPT -- PROGRAM ARGS...

The program gets the pty as its controlling terminal (stdin, stdout and
stderr); the environment is passed through (set TERM and the locale in it).
Every byte read from the master side goes to --log. A small VT100/xterm
emulation follows the output so that `expect` can wait for text on the
screen rather than for fixed sleeps.

SCRIPT has one command a line (# starts a comment); STRING arguments take
Python escapes (\\x1b, \\r, \\xff ...) and are sent as raw bytes:
  send STRING          write STRING to the terminal (the keyboard)
  settle [MS]          wait until the program has been quiet for MS (200)
  expect TEXT          wait until the emulated screen shows TEXT (--expect
                       seconds at most, 10 by default; a failure: the
                       screen is printed and the run ends)
  resize COLS ROWS     set the pty's size (the kernel sends SIGWINCH)
  storm N SECS COLSxROWS [STRING]
                       N resizes to random sizes from 1x1 to COLSxROWS,
                       spread over SECS, with STRING's bytes sent one at a
                       time between them (cycling); output read throughout
  screen               write the emulated screen to --screen (appended,
                       after a "--- COLSxROWS" line)
  exit [STATUS]        wait for the program to exit (with STATUS, default 0)
Every wait is bounded by --timeout (30 s, the whole run): when it runs out
the program is killed and the run fails.

Exit status: 0 when every expect matched and the program exited as the
script said; 1 otherwise (the reason on stderr); 2 for a usage error.
"""
import codecs
import errno
import fcntl
import os
import pty
import random
import select
import signal
import struct
import sys
import termios
import time
import unicodedata


class Screen:
    """Enough of xterm for what ncurses sends to TERM=xterm-256color: cursor
    motion, erase, insert and delete, scrolling regions, repeat, autowrap
    with the pending-wrap column. Attributes are ignored."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.top, self.bot = 0, rows - 1
        self.wrap = False
        self.insert = False
        self.last = " "
        self.saved = (0, 0)
        self.state = "ground"
        self.buf = ""
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")

    def resize(self, cols, rows):
        grid = [[" "] * cols for _ in range(rows)]
        for y in range(min(rows, self.rows)):
            for x in range(min(cols, self.cols)):
                grid[y][x] = self.grid[y][x]
        self.grid, self.cols, self.rows = grid, cols, rows
        self.top, self.bot = 0, rows - 1
        self.x, self.y = min(self.x, cols - 1), min(self.y, rows - 1)
        self.wrap = False

    def text(self):
        return "\n".join("".join(c for c in row if c is not None).rstrip() for row in self.grid)

    def feed(self, data):
        for ch in self.dec.decode(data):
            getattr(self, "st_" + self.state)(ch)

    # parser states
    def st_ground(self, ch):
        o = ord(ch)
        if ch == "\x1b":
            self.state, self.buf = "esc", ""
        elif o < 0x20 or o == 0x7F:
            self.control(ch)
        else:
            self.put(ch)

    def st_esc(self, ch):
        if ch == "[":
            self.state, self.buf = "csi", ""
            return
        if ch == "]":
            self.state, self.buf = "osc", ""
            return
        if ch in "()*+#%":
            self.state = "charset"
            return
        self.state = "ground"
        if ch == "7":
            self.saved = (self.x, self.y)
        elif ch == "8":
            self.x, self.y = self.saved
            self.wrap = False
        elif ch == "M":
            self.reverse_index()
        elif ch == "D":
            self.index()
        elif ch == "E":
            self.x = 0
            self.index()
        elif ch == "c":
            self.__init__(self.cols, self.rows)

    def st_charset(self, ch):
        self.state = "ground"

    def st_osc(self, ch):
        if ch == "\x07" or (ch == "\\" and self.buf.endswith("\x1b")):
            self.state = "ground"
        else:
            self.buf += ch

    def st_csi(self, ch):
        if "\x40" <= ch <= "\x7e":
            self.state = "ground"
            self.csi(self.buf, ch)
        else:
            self.buf += ch

    # actions
    def control(self, ch):
        if ch == "\r":
            self.x, self.wrap = 0, False
        elif ch == "\n":
            self.index()
        elif ch == "\x08":
            self.x, self.wrap = max(0, self.x - 1), False
        elif ch == "\t":
            self.x, self.wrap = min(self.cols - 1, (self.x // 8 + 1) * 8), False

    def index(self):
        self.wrap = False
        if self.y == self.bot:
            self.scroll(self.top, self.bot, 1)
        elif self.y < self.rows - 1:
            self.y += 1

    def reverse_index(self):
        self.wrap = False
        if self.y == self.top:
            self.scroll(self.top, self.bot, -1)
        elif self.y > 0:
            self.y -= 1

    def scroll(self, top, bot, n):
        """Scroll lines top..bot up by n (down when n < 0)."""
        if top > bot:
            return
        lines = self.grid[top:bot + 1]
        blank = [[" "] * self.cols for _ in range(min(abs(n), len(lines)))]
        lines = lines[n:] + blank if n > 0 else blank + lines[:n]
        self.grid[top:bot + 1] = lines[:bot - top + 1]

    def put(self, ch):
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if unicodedata.combining(ch):
            return
        if self.wrap:
            self.x = 0
            self.index()
        row = self.grid[self.y]
        if self.insert:
            row[self.x:self.x] = [" "] * w
            del row[self.cols:]
        row[self.x] = ch
        if w == 2 and self.x + 1 < self.cols:
            row[self.x + 1] = None
        self.last = ch
        if self.x + w >= self.cols:
            self.wrap = True
        else:
            self.x += w

    def csi(self, buf, final):
        private = buf[:1] in ("?", ">", "!", "=")
        if private or any(c in buf for c in " $'\""):
            return  # modes, soft reset: nothing the screen's text depends on
        try:
            p = [int(v) if v else 0 for v in buf.split(";")] if buf else []
        except ValueError:
            return
        n = max(1, p[0]) if p else 1
        row = self.grid[self.y]
        if final not in "mb":
            self.wrap = False
        if final in "Hf":
            self.y = min(self.rows, max(1, p[0] if p else 1)) - 1
            self.x = min(self.cols, max(1, p[1] if len(p) > 1 else 1)) - 1
        elif final == "A":
            self.y = max(self.top if self.y >= self.top else 0, self.y - n)
        elif final == "B":
            self.y = min(self.bot if self.y <= self.bot else self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols, n) - 1
        elif final == "d":
            self.y = min(self.rows, n) - 1
        elif final == "K":
            mode = p[0] if p else 0
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}.get(mode, (0, 0))
            row[lo:hi] = [" "] * (hi - lo)
        elif final == "J":
            mode = p[0] if p else 0
            if mode == 0:
                row[self.x:] = [" "] * (self.cols - self.x)
                for y in range(self.y + 1, self.rows):
                    self.grid[y] = [" "] * self.cols
            elif mode == 1:
                row[:self.x + 1] = [" "] * (self.x + 1)
                for y in range(self.y):
                    self.grid[y] = [" "] * self.cols
            elif mode == 2:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "X":
            k = min(n, self.cols - self.x)
            row[self.x:self.x + k] = [" "] * k
        elif final == "@":
            row[self.x:self.x] = [" "] * n
            del row[self.cols:]
        elif final == "P":
            del row[self.x:self.x + n]
            row.extend([" "] * (self.cols - len(row)))
        elif final in "LM" and self.top <= self.y <= self.bot:
            self.scroll(self.y, self.bot, -n if final == "L" else n)
            self.x = 0
        elif final == "S":
            self.scroll(self.top, self.bot, n)
        elif final == "T":
            self.scroll(self.top, self.bot, -n)
        elif final == "r":
            top = (p[0] if p and p[0] else 1) - 1
            bot = (p[1] if len(p) > 1 and p[1] else self.rows) - 1
            if top < bot < self.rows:
                self.top, self.bot = top, bot
            self.x = self.y = 0
        elif final == "b":
            for _ in range(n):
                self.put(self.last)
        elif final in "hl" and p == [4]:
            self.insert = final == "h"


def unescape(s):
    return codecs.escape_decode(s.encode("utf-8"))[0]


class Run:
    def __init__(self, opts, argv):
        self.opts = opts
        self.cols, self.rows = opts["size"]
        self.deadline = time.monotonic() + opts["timeout"]
        self.log = open(opts["log"], "wb") if opts["log"] else None
        self.screen = Screen(self.cols, self.rows)
        self.status = None
        self.nread = 0
        self.rng = random.Random(opts["seed"])
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # as a shell would start it
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        self.set_size(self.cols, self.rows)

    def set_size(self, cols, rows):
        self.cols, self.rows = cols, rows
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen.resize(cols, rows)

    def fail(self, why):
        sys.stderr.write("ptyrun: %s\n" % why)
        sys.stderr.write("ptyrun: the screen (%dx%d):\n%s\n" % (self.cols, self.rows, self.screen.text()))
        self.kill()
        sys.exit(1)

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.reap(True)

    def reap(self, block=False):
        if self.status is None:
            pid, st = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            if pid:
                self.status = st
        return self.status

    def left(self):
        t = self.deadline - time.monotonic()
        if t <= 0:
            self.fail("timed out after %g s" % self.opts["timeout"])
        return t

    def pump(self, wait):
        """Read what is there within wait seconds; False at end of output."""
        if self.fd is None:
            time.sleep(wait)
            return False
        r, _, _ = select.select([self.fd], [], [], max(0, wait))
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            os.close(self.fd)
            self.fd = None
            return False
        self.nread += len(data)
        if self.log:
            self.log.write(data)
        self.screen.feed(data)
        return True

    def send(self, data):
        if self.fd is None:
            self.fail("cannot send %r: the program has gone" % data)
        while data:
            self.left()
            _, w, _ = select.select([], [self.fd], [], 0.05)
            if w:
                data = data[os.write(self.fd, data):]
            else:
                self.pump(0)

    def settle(self, quiet):
        last = time.monotonic()
        while time.monotonic() - last < quiet:
            self.left()
            before = self.nread
            if not self.pump(quiet / 4):
                return
            if self.nread != before:
                last = time.monotonic()

    def expect(self, text):
        until = min(self.deadline, time.monotonic() + self.opts["expect"])
        while text not in self.screen.text():
            if time.monotonic() >= until or self.fd is None:
                self.fail("expected %r on the screen" % text)
            self.pump(min(0.1, self.left()))

    def storm(self, n, secs, most, keys):
        step = secs / n
        for i in range(n):
            self.set_size(self.rng.randint(1, most[0]), self.rng.randint(1, most[1]))
            if keys:
                self.send(keys[i % len(keys):i % len(keys) + 1])
            end = time.monotonic() + step
            while time.monotonic() < end:
                self.left()
                self.pump(end - time.monotonic())

    def wait_exit(self, want):
        while self.pump(min(0.1, self.left())) or self.reap() is None:
            if self.fd is None:
                self.reap(True)
                break
        st = self.status
        if os.WIFSIGNALED(st):
            self.fail("the program was killed by signal %d" % os.WTERMSIG(st))
        if os.WEXITSTATUS(st) != want:
            self.fail("the program exited with %d, not %d" % (os.WEXITSTATUS(st), want))

    def dump(self):
        with open(self.opts["screen"], "a", encoding="utf-8") as f:
            f.write("--- %dx%d\n%s\n" % (self.cols, self.rows, self.screen.text()))

    def command(self, words, line):
        cmd, arg = words[0], line.split(None, 1)[1] if len(words) > 1 else ""
        if cmd == "send":
            self.send(unescape(arg))
        elif cmd == "settle":
            self.settle(int(words[1]) / 1000 if len(words) > 1 else 0.2)
        elif cmd == "expect":
            self.expect(unescape(arg).decode("utf-8"))
        elif cmd == "resize":
            self.set_size(int(words[1]), int(words[2]))
        elif cmd == "storm":
            keys = unescape(line.split(None, 4)[4]) if len(words) > 4 else b""
            self.storm(int(words[1]), float(words[2]), parse_size(words[3]), keys)
        elif cmd == "screen":
            self.dump()
        elif cmd == "exit":
            self.wait_exit(int(words[1]) if len(words) > 1 else 0)
        else:
            self.fail("unknown script command %r" % cmd)


def parse_size(s):
    c, r = s.split("x")
    return int(c), int(r)


def parse_args(argv):
    opts = {"size": (80, 24), "log": None, "screen": "/dev/null", "timeout": 30.0, "expect": 10.0, "seed": 1}
    i = 0
    while i < len(argv) and argv[i].startswith("--") and argv[i] != "--":
        name, value = argv[i][2:], argv[i + 1]
        if name == "size":
            opts["size"] = parse_size(value)
        elif name in ("timeout", "expect"):
            opts[name] = float(value)
        elif name == "seed":
            opts[name] = int(value)
        elif name in ("log", "screen"):
            opts[name] = value
        else:
            raise ValueError(name)
        i += 2
    script, rest = argv[i], argv[i + 1:]
    if not rest or rest[0] != "--" or len(rest) < 2:
        raise ValueError("no program")
    return opts, script, rest[1:]


def main():
    try:
        opts, script, prog = parse_args(sys.argv[1:])
    except (ValueError, IndexError) as e:
        sys.stderr.write("ptyrun: usage error (%s)\n%s" % (e, __doc__))
        return 2
    with open(script, encoding="utf-8") as f:
        lines = [l.strip() for l in f]
    if not any(l and not l.startswith("#") for l in lines):
        sys.stderr.write("ptyrun: %s: an empty script\n" % script)
        return 2
    run = Run(opts, prog)
    try:
        for n, line in enumerate(lines, 1):
            if line and not line.startswith("#"):
                run.command(line.split(), line)
    finally:
        run.kill()
        if run.log:
            run.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
