#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/scan_frames.sh: what a large scan result costs each frame of the
# TUI's map. A stand-in nmap ($PORTSCOPE_NMAP) prints a synthetic report
# of HOSTS hosts (default 15), each with every TCP port 1-65535 closed (as
# <extraports>, so 983,025 entries for 15: near NMAPXML_PORTS_MAX) and
# 8080 open; the headless TUI (200x60, on 8080) scans 8080 with S (the
# report covers it), then repaints FRAMES times with Ctrl-L (each frame
# draws the map with the "scan: open" marks and the detail pane with its
# "scan HH:MM:SS: open on 127.0.0.1 (http-proxy), ..." line). Prints the
# median wall time of RUNS runs with and without the repaints, and their
# difference per frame. KEEP_TMP=1 keeps (and names) the report.
#   bench/scan_frames.sh [BUILD_DIR] [RUNS] [FRAMES] [HOSTS]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/portscope
RUNS=${2:-5}
FRAMES=${3:-200}
HOSTS=${4:-15}
REG=${IANA_DIR:-data}/service-names-port-numbers.csv
[ -x "$BIN" ] || { echo "bench/scan_frames.sh: $BIN not built" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -n "${KEEP_TMP:-}" ] && trap - EXIT && echo "$TMP" >&2
export TERM=xterm-256color LC_ALL=C.UTF-8 PORTSCOPE_SYSROOT=/nonexistent HOME=$TMP
unset NO_COLOR

{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<nmaprun scanner="nmap" args="nmap -oX - -p 1-65535 127.0.0.0/28" start="1796126100" version="7.93" xmloutputversion="1.05">'
	for ((h = 1; h <= HOSTS; h++)); do
		echo "<host><status state=\"up\" reason=\"conn-refused\" reason_ttl=\"0\"/><address addr=\"127.0.0.$h\" addrtype=\"ipv4\"/><ports>"
		echo '<extraports state="closed" count="65534"><extrareasons reason="conn-refused" count="65534" proto="tcp" ports="1-8079,8081-65535"/></extraports>'
		echo '<port protocol="tcp" portid="8080"><state state="open" reason="syn-ack" reason_ttl="0"/><service name="http-proxy" method="table" conf="3"/></port>'
		echo '</ports></host>'
	done
	echo '<runstats><finished time="1796126102" elapsed="2.05" exit="success"/><hosts up="1" down="0" total="1"/></runstats></nmaprun>'
} >"$TMP/scan.xml"
printf '#!/bin/sh\ncat "%s"\n' "$TMP/scan.xml" >"$TMP/nmap"
chmod +x "$TMP/nmap"
export PORTSCOPE_NMAP=$TMP/nmap

printf 'S\ny\n@scanned\n' >"$TMP/scan"
cp "$TMP/scan" "$TMP/frames"
for ((i = 0; i < FRAMES; i++)); do echo '<C-l>'; done >>"$TMP/frames"

# median SCRIPT: median wall microseconds of RUNS headless runs.
median() {
	local i t0 t1
	for ((i = 0; i < RUNS; i++)); do
		t0=$(date +%s%N)
		PORTSCOPE_TEST_SIZE=200x60 PORTSCOPE_TEST_SCRIPT=$1 \
			"$BIN" --registry "$REG" tui 8080 --scan 127.0.0.1 >/dev/null
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000))
	done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
scan=$(median "$TMP/scan")
frames=$(median "$TMP/frames")
awk -v runs="$RUNS" -v frames="$FRAMES" -v hosts="$HOSTS" -v s="$scan" -v m="$frames" 'BEGIN {
	printf "scan of %d hosts x 65,535 ports (%d entries), headless 200x60, medians of %d runs\n", hosts, hosts * 65535, runs
	printf "  scan and its first frame:        %9.1f ms\n", s / 1000
	printf "  the same and %d repaints:       %9.1f ms\n", frames, m / 1000
	printf "  per frame (Ctrl-L, 8080):        %9.3f ms\n", (m - s) / 1000 / frames
}'
