#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""free LO-HI the careful way: one pass over the CSV into a per-port table,
then a pass over the range. A stronger baseline than naive_free.py."""
import csv
import sys

path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
taken = bytearray(65536)
with open(path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        span = row["Port Number"]
        if not span or row["Transport Protocol"] not in ("tcp", "udp", "sctp", "dccp"):
            continue
        if row["Description"].startswith("Unassigned"):
            continue
        a, _, b = span.partition("-")
        for p in range(int(a), int(b or a) + 1):
            taken[p] = 1
print("\n".join(str(p) for p in range(lo, hi + 1) if not taken[p]))
