#!/bin/sh
# SPDX-License-Identifier: MIT
# scale.sh [PORTSCOPE] [FACTORS...]: load time and peak RSS of `portscope
# stats` on synthetic registries made of the real one's records repeated
# N times (default 1 10 100), generated into a temporary directory from
# $IANA_DIR (default the bundled data/) and deleted after.
# Per factor: file size, records loaded, and the medians over RUNS runs
# (default 5) of wall and CPU time (ms, from wait4) and peak RSS (KiB, from
# GNU time) of a parse (--no-cache), then the CPU-time and RSS ratios to the
# first factor; then, from a warm compiled image, the wall-time medians of
# stats, lookup 443 and lookup ssh (a name costs what a port does).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ps=${1:-$top/build/portscope}
[ $# -gt 0 ] && shift
factors=${*:-1 10 100}
reg=${IANA_DIR:-$top/data}/service-names-port-numbers.csv
tmp=$(mktemp -d "${TMPDIR:-/tmp}/portscope-scale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# scale_make N FILE: the header, then every record N times.
scale_make() {
	{
		head -n 1 "$reg"
		i=0
		while [ "$i" -lt "$1" ]; do
			tail -n +2 "$reg"
			i=$((i + 1))
		done
	} >"$2"
}

# scale_measure FILE: "records wall_ms cpu_ms rss_kib", medians of RUNS runs.
scale_measure() {
	python3 - "$ps" "$1" "${RUNS:-5}" <<'PY'
import os, subprocess, sys, time, statistics
ps, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall, cpu, rss, records = [], [], [], "?"
for _ in range(runs):
    t = time.monotonic()
    # GNU time reports the RSS (a process forked from Python would count
    # Python's pages); wait4 on it gives CPU time to the microsecond,
    # portscope's included
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", path + ".rss",
                          ps, "--no-cache", "--registry", path, "stats"], stdout=subprocess.PIPE)
    out = p.stdout.read().decode()
    _, status, ru = os.wait4(p.pid, 0)
    wall.append((time.monotonic() - t) * 1000)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("portscope failed on " + path)
    cpu.append((ru.ru_utime + ru.ru_stime) * 1000)
    rss.append(int(open(path + ".rss").read().split()[-1]))
    records = [l.split()[1] for l in out.splitlines() if l.startswith("records:")][0]
print(records, "%.1f" % statistics.median(wall), "%.1f" % statistics.median(cpu),
      int(statistics.median(rss)))
PY
}

# scale_warm FILE: "stats lookup-443 lookup-ssh" wall ms, medians of RUNS
# runs from a warm image (each command in turn).
scale_warm() {
	PORTSCOPE_CACHE_DIR="$tmp/cache" python3 - "$ps" "$1" "${RUNS:-5}" <<'PY'
import subprocess, sys, time, statistics
ps, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmds = [["stats"], ["--format", "json", "lookup", "443"], ["--format", "json", "lookup", "ssh"]]
for c in cmds:
    subprocess.run([ps, "--registry", path] + c, stdout=subprocess.DEVNULL, check=True)
t = {i: [] for i in range(len(cmds))}
for _ in range(runs):
    for i, c in enumerate(cmds):
        s = time.monotonic()
        subprocess.run([ps, "--registry", path] + c, stdout=subprocess.DEVNULL, check=True)
        t[i].append((time.monotonic() - s) * 1000)
print(" ".join("%.1f" % statistics.median(t[i]) for i in t))
PY
}

printf '%-6s %8s %9s %9s %9s %12s %7s %7s | %9s %9s %9s\n' factor MiB records wall_ms cpu_ms peak_rss_KiB cpu/1st rss/1st \
	warm_stats lookup_443 lookup_ssh
for n in $factors; do
	scale_make "$n" "$tmp/reg.csv"
	mib=$(($(wc -c <"$tmp/reg.csv") / 1048576))
	set -- $(scale_measure "$tmp/reg.csv") $(scale_warm "$tmp/reg.csv")
	[ -n "${cpu1:-}" ] || { cpu1=$3 rss1=$4; }
	printf '%-6s %8s %9s %9s %9s %12s %7s %7s | %9s %9s %9s\n' "${n}x" "$mib" "$1" "$2" "$3" "$4" \
		"$(awk -v a="$3" -v b="$cpu1" 'BEGIN { printf("%.1f", a / b) }')" \
		"$(awk -v a="$4" -v b="$rss1" 'BEGIN { printf("%.1f", a / b) }')" "$5" "$6" "$7"
	rm -rf "$tmp/reg.csv" "$tmp/cache"
done
