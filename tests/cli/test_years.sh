#!/bin/sh
# SPDX-License-Identifier: MIT
# test_years.sh: `stats --by-year` equals an independent count over the
# CSV (Python's csv module) for every year, the undated records included,
# in total, per range of the first port and per transport; on both
# snapshots; text and CSV agree with JSON.
. "$TESTS_DIR/lib.sh"

count() { # REGISTRY: the JSON portscope should print, computed in Python
	python3 - "$1" <<'PY'
import csv, json, re, sys
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
rows = {}
def row(y):
    if y not in rows:
        rows[y] = {"registered": 0, "modified": 0,
                   "ranges": {k: {"registered": 0, "modified": 0} for k in ("system", "user", "dynamic", "none")},
                   "transports": {k: {"registered": 0, "modified": 0} for k in ("tcp", "udp", "sctp", "dccp", "other")}}
    return rows[y]
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    r = csv.reader(f)
    next(r)
    for rec in r:
        port, tr = rec[1], rec[2].strip().lower()
        lo = int(port.split("-")[0]) if port else None
        rng = "none" if lo is None else "system" if lo < 1024 else "user" if lo < 49152 else "dynamic"
        t = tr if tr in ("tcp", "udp", "sctp", "dccp") else "other"
        for col, kind in ((6, "registered"), (7, "modified")):
            d = rec[col]
            y = int(d[:4]) if DATE.match(d) else None
            x = row(y)
            x[kind] += 1
            x["ranges"][rng][kind] += 1
            x["transports"][t][kind] += 1
years = sorted(k for k in rows if k is not None)
out = [dict(year=y, **row(y)) for y in range(years[0], years[-1] + 1)] + [dict(year=None, **row(None))]
print(json.dumps(out, sort_keys=True))
PY
}
normal() { python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))'; }

for r in "$REG" "$OLD"; do
	name=$(basename "$r")
	run --registry "$r" stats --by-year --format json
	is "$name: exit 0" 0 "$RC"
	is "$name: every year equals the independent count" "$(count "$r")" "$(printf '%s' "$OUT" | normal)"
done

run --registry "$REG" stats --by-year --format json
JSON=$OUT
like "the undated row has year null" '{"year":null,"registered":12408,"modified":13927,' "$JSON"
like "1997: 2 registrations, both User" '{"year":1997,"registered":2,"modified":0,"ranges":{"system":{"registered":0,"modified":0},"user":{"registered":2,' "$JSON"
run --registry "$REG" stats --by-year --format csv
is "CSV: a header and one row per year" \
	"$(printf '%s' "$JSON" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)) + 1)')" \
	"$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
is "CSV: the undated row" "undated?,12408,13927" "$(printf '%s\n' "$OUT" | tail -n 1 | cut -d, -f1-3 | sed 's/^,/undated?,/')"
run --registry "$REG" stats --by-year
is "text: the heading" "year     registered   modified     system       user    dynamic        tcp        udp       sctp       dccp" \
	"$(printf '%s\n' "$OUT" | head -n 1)"
is "text: 2024" "2024             22         27          0         10          0         16          5          1          0" \
	"$(printf '%s\n' "$OUT" | grep '^2024 ')"
is "text: the undated line" "undated       12408      13927       1515      10283          0       5275       5654         45          7" \
	"$(printf '%s\n' "$OUT" | tail -n 1)"
run --registry "$REG" stats --by-year --proto sctp --format json
like "--proto sctp: only SCTP records" '{"year":null,"registered":45,' "$OUT"
run --registry "$REG" lookup 80 --by-year
is "--by-year belongs to stats" "portscope: 'lookup' does not take --by-year" "$(printf '%s\n' "$ERR" | head -n 1)"
finish
