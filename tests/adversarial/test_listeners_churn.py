#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# test_listeners_churn.py: `portscope listeners` (text, JSON, CSV) and
# `suggest` (which consults the listeners) run RUNS times while another
# process opens and closes listening TCP and UDP sockets on 127.0.0.1 and
# ::1 in a tight loop and forks children that listen and exit (so sockets
# close, fds are reused for new inodes, pid directories appear, turn zombie
# and vanish during the /proc walk). Every run must exit 0 with nothing on
# stderr but the "could not be read" warning, every output must be well
# formed (JSON parses, every line has valid fields, no raw control byte),
# and the sockets tests/listen_helper holds for the whole test must be
# listed exactly once each, with its pid and name, in every run. Without
# IPv6 on loopback the ::1 part is skipped, and the TAP output says so.
# tests/adversarial/test_proc_races.sh replays the same races frozen.
import csv
import io
import ipaddress
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import Tap  # noqa: E402

RUNS = 120         # portscope runs, cycling through MODES
TIME_LIMIT = 12.0  # seconds: on a loaded machine, stop early
MIN_RUNS = 40      # but not with fewer runs than this
PAUSE = float(os.environ.get("CHURN_PAUSE", "0.0005"))  # seconds between churn steps
MODES = ("text", "json", "csv", "suggest")
HELPER_NAME = "listen_helper"
FLAGS = {"system", "other-service", "ephemeral"}
CSV_HEADER = ["transport", "address", "port", "pid", "process", "service", "flags"]
TEXT_HEADER = re.compile(r"^PROTO +ADDRESS +PORT +PID +PROCESS +SERVICE +FLAGS$")
TEXT_ROW = re.compile(r"^(tcp|udp) +(\S+) +(\d+) +(\d+|-) (.+)$")
WARNING = re.compile(r"^portscope: warning: the sockets of \d+ process(es)? could not be read")


def environment():
    for var in ("PORTSCOPE", "IANA_DIR", "BUILDDIR"):
        if not os.environ.get(var):
            print("Bail out! %s is not set" % var)
            sys.exit(1)
    reg = os.path.join(os.environ["IANA_DIR"], "service-names-port-numbers.csv")
    if not os.access(reg, os.R_OK):
        print("Bail out! registry snapshot not found in " + os.environ["IANA_DIR"])
        sys.exit(1)
    home = tempfile.mkdtemp(prefix="portscope-churn.")
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", HOME=home,
               XDG_CONFIG_HOME=home + "/.config", XDG_DATA_HOME=home + "/.local/share")
    for var in ("PORTSCOPE_REGISTRY", "PORTSCOPE_SYSROOT"):
        env.pop(var, None)
    return reg, env, home


def have_ipv6():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def start_holder(v6):
    """tests/listen_helper holding one TCP and one UDP socket per family."""
    args = [os.path.join(os.environ["BUILDDIR"], "tests", "listen_helper"), "-u"]
    if not v6:
        args.append("-4")
    p = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    held = {}
    for line in p.stdout:
        line = line.strip()
        if line == "ready":
            break
        kind, port = line.split()
        held[kind] = int(port)
    return p, held


# The churner: a forked process that opens and closes sockets and forks
# short-lived listening children until told to stop.

def open_listener(rng, families):
    family = rng.choice(families)
    kind = rng.choice((socket.SOCK_STREAM, socket.SOCK_DGRAM))
    s = socket.socket(family, kind)
    s.bind(("127.0.0.1" if family == socket.AF_INET else "::1", 0))
    if kind == socket.SOCK_STREAM:
        s.listen(4)
    return s


def listening_child(rng, families):
    pid = os.fork()
    if pid:
        return pid
    try:
        socks = [open_listener(rng, families) for _ in range(rng.randint(1, 3))]
        time.sleep(rng.uniform(0, 0.01))
        for s in socks:
            s.close()
    finally:
        os._exit(0)


def churn(families, seed, report):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    rng = random.Random(seed)
    parent = os.getppid()
    deadline = time.monotonic() + 120  # in case the test dies
    socks, children, i = [], set(), 0
    done = dict.fromkeys(("opened", "closed", "children"), 0)
    while not stop and time.monotonic() < deadline and os.getppid() == parent:
        i += 1
        r = rng.random()
        try:
            if r < 0.45 and len(socks) < 48:
                socks.append(open_listener(rng, families))
                done["opened"] += 1
            elif r < 0.9 and socks:
                socks.pop(rng.randrange(len(socks))).close()
                done["closed"] += 1
            elif len(children) < 6:
                children.add(listening_child(rng, families))
                done["children"] += 1
        except OSError:
            pass
        time.sleep(PAUSE)
        if i % 16 == 0:  # reap late, so zombies stay a while
            for pid in list(children):
                if os.waitpid(pid, os.WNOHANG)[0]:
                    children.discard(pid)
    for s in socks:
        s.close()
    for pid in children:
        os.waitpid(pid, 0)
    with open(report, "w") as f:
        json.dump(done, f)
    os._exit(0)


def start_churner(families, report):
    pid = os.fork()
    if pid == 0:
        churn(families, os.getpid(), report)
    return pid


# Checks of one run's output; each returns a list of problems.

def bad_ip(addr):
    try:
        ipaddress.ip_address(addr)
        return False
    except ValueError:
        return True


def check_row(r):
    """r: one listener as a dict of the JSON keys."""
    errs = []
    if r["transport"] not in ("tcp", "udp"):
        errs.append("transport %r" % r["transport"])
    if bad_ip(r["address"]):
        errs.append("address %r" % r["address"])
    if not isinstance(r["port"], int) or not 0 <= r["port"] <= 65535:
        errs.append("port %r" % r["port"])
    if r["pid"] is not None and (not isinstance(r["pid"], int) or r["pid"] <= 0):
        errs.append("pid %r" % r["pid"])
    if r["pid"] is None and r["process"] is not None:
        errs.append("a process %r without a pid" % r["process"])
    if not set(r["flags"]) <= FLAGS:
        errs.append("flags %r" % r["flags"])
    return errs


def parse_json(out):
    rows = json.loads(out)
    if not isinstance(rows, list):
        raise ValueError("not an array")
    for r in rows:
        if not isinstance(r, dict) or sorted(r) != sorted(CSV_HEADER):
            raise ValueError("bad object %r" % (r,))
    return rows


def parse_csv(out):
    rows = list(csv.reader(io.StringIO(out)))
    if not rows or rows[0] != CSV_HEADER:
        raise ValueError("bad header %r" % (rows[:1],))
    listeners = []
    for f in rows[1:]:
        if len(f) != 7 or not f[2].isdigit() or not (f[3] == "" or f[3].isdigit()):
            raise ValueError("bad row %r" % (f,))
        listeners.append({"transport": f[0], "address": f[1], "port": int(f[2]),
                          "pid": int(f[3]) if f[3] else None,
                          "process": f[4] if f[3] else None,
                          "service": f[5], "flags": f[6].split()})
    return listeners


def parse_text(out):
    lines = out.split("\n")
    if lines[-1] != "" or not TEXT_HEADER.match(lines[0]):
        raise ValueError("bad header or no final newline")
    listeners = []
    for line in lines[1:-1]:
        m = TEXT_ROW.match(line)
        if not m:
            raise ValueError("bad line %r" % line)
        words = m.group(5).split()
        listeners.append({"transport": m.group(1), "address": m.group(2),
                          "port": int(m.group(3)),
                          "pid": None if m.group(4) == "-" else int(m.group(4)),
                          "process": None if m.group(4) == "-" else words[0],
                          "service": None, "flags": []})
    return listeners


PARSERS = {"text": parse_text, "json": parse_json, "csv": parse_csv}
KIND_ADDR = {"tcp4": ("tcp", "127.0.0.1"), "tcp6": ("tcp", "::1"),
             "udp4": ("udp", "127.0.0.1"), "udp6": ("udp", "::1")}


def check_held(rows, held, pid):
    errs = []
    for kind, port in held.items():
        t, addr = KIND_ADDR[kind]
        found = [r for r in rows if (r["transport"], r["address"], r["port"]) == (t, addr, port)]
        got = [(r["pid"], r["process"]) for r in found]
        if got != [(pid, HELPER_NAME)]:
            errs.append("held %s %s:%d: %r, not [(%d, %r)]" % (kind, addr, port, got, pid,
                                                                HELPER_NAME))
    return errs


def check_suggest(out, held):
    d = json.loads(out)
    c = d["requested"]["checks"]["listen"]
    errs = []
    if d["requested"]["port"] != held["tcp4"] or c["result"] != "fail" or \
            c["value"] not in ("tcp", "tcp+udp"):
        errs.append("listen check on the held port: %r" % (c,))
    return errs


def one_run(mode, reg, env, held, pid):
    if mode == "suggest":
        args = ["suggest", str(held["tcp4"]), "--count", "2", "--format", "json"]
    else:
        args = ["listeners", "--format", mode]
    p = subprocess.run([os.environ["PORTSCOPE"], "--registry", reg] + args, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    errs = []
    if p.returncode != 0:
        errs.append("exit %d" % p.returncode)
    err = p.stderr.decode("utf-8", "replace")
    errs += ["stderr: " + l for l in err.splitlines() if not WARNING.match(l)]
    try:
        out = p.stdout.decode("utf-8")
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out):
            errs.append("a raw control byte in the output")
        if mode == "suggest":
            errs += check_suggest(out, held)
        else:
            rows = PARSERS[mode](out)
            for r in rows:
                errs += check_row(r)
            errs += check_held(rows, held, pid)
    except (ValueError, KeyError, TypeError) as e:  # JSONDecodeError is a ValueError
        errs.append("%s: %s" % (type(e).__name__, e))
    return errs


def main():
    tap = Tap()
    reg, env, home = environment()
    v6 = have_ipv6()
    holder, held = start_holder(v6)
    families = [socket.AF_INET] + ([socket.AF_INET6] if v6 else [])
    report = os.path.join(home, "churn.json")
    churner = start_churner(families, report)
    failures, counts, start = [], dict.fromkeys(MODES, 0), time.monotonic()
    try:
        tap.ok(set(held) == ({"tcp4", "udp4", "tcp6", "udp6"} if v6 else {"tcp4", "udp4"}),
               "the helper holds its sockets", held)
        if not v6:
            tap.skip("::1 sockets held and churned", "no IPv6 on loopback")
        for i in range(RUNS):
            if i >= MIN_RUNS and time.monotonic() - start > TIME_LIMIT:
                break
            mode = MODES[i % len(MODES)]
            counts[mode] += 1
            errs = one_run(mode, reg, env, held, holder.pid)
            if errs:
                failures.append("run %d (%s): %s" % (i + 1, mode, "; ".join(errs)))
        churner_alive = os.waitpid(churner, os.WNOHANG)[0] == 0
    finally:
        os.kill(churner, signal.SIGTERM)
        holder.kill()
        holder.wait()
    os.waitpid(churner, 0)
    total = sum(counts.values())
    elapsed = time.monotonic() - start
    done = dict.fromkeys(("opened", "closed", "children"), 0)
    if os.path.exists(report):  # the churner writes it as it stops
        with open(report) as f:
            done = json.load(f)
        os.unlink(report)
    tap.ok(churner_alive, "the churner ran for the whole test")
    tap.ok(done["opened"] >= 100 and done["closed"] >= 100 and done["children"] >= 10,
           "churn: %(opened)d sockets opened, %(closed)d closed, %(children)d listening "
           "children forked" % done)
    tap.ok(total >= MIN_RUNS, "%d runs in %.1f s (%s)" % (
        total, elapsed, ", ".join("%s %d" % (m, counts[m]) for m in MODES)))
    tap.ok(not failures, "every run: exit 0, well formed, the held sockets listed once "
           "with pid and name (%d failed)" % len(failures), "\n".join(failures))
    os.rmdir(home)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
