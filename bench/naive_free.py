#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""free LO-HI the naive way a user scripts it today: read the CSV with the
csv module, keep the rows that take a port, then for every port in the range
ask whether any of those rows covers it."""
import csv
import sys

path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
spans = []
with open(path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        port = row["Port Number"]
        if not port or row["Transport Protocol"] not in ("tcp", "udp", "sctp", "dccp"):
            continue
        if row["Description"].startswith("Unassigned"):
            continue
        a, _, b = port.partition("-")
        spans.append((int(a), int(b or a)))

for port in range(lo, hi + 1):
    if not any(a <= port <= b for a, b in spans):
        print(port)
