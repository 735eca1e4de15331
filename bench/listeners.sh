#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/listeners.sh: time `portscope listeners` with 10,000 sockets
# listening on loopback (5,000 on 127.0.0.1 and 5,000 on ::1, held by
# tests/listen_helper.c), whole process, median of RUNS runs.
#   bench/listeners.sh [PORTSCOPE [REGISTRY]]   (defaults: build/portscope,
#   data/service-names-port-numbers.csv); RUNS=11 SOCKETS=10000
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/portscope}
reg=${2:-data/service-names-port-numbers.csv}
runs=${RUNS:-11}
sockets=${SOCKETS:-10000}
tmp=$(mktemp -d)
helper_pid=
cleanup() {
	[ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

cc -O2 -o "$tmp/listen_helper" tests/listen_helper.c
"$tmp/listen_helper" -n $((sockets / 2)) >"$tmp/ports" &
helper_pid=$!
for _ in $(seq 100); do
	grep -q '^ready$' "$tmp/ports" 2>/dev/null && break
	sleep 0.1
done
grep -q '^ready$' "$tmp/ports" || { echo "listen_helper did not start" >&2; exit 1; }

found=$("$bin" --registry "$reg" listeners --format csv | grep -c ",$helper_pid,listen_helper," || true)
echo "sockets held by listen_helper (pid $helper_pid): $sockets; listed with its pid: $found"

# median_ms CMD...: the median wall time of RUNS runs of CMD, in ms.
median_ms() {
	local times=() t0 t1 sorted median
	for _ in $(seq "$runs"); do
		t0=$(date +%s%N)
		"$@" >/dev/null
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
	done
	sorted=$(printf '%s\n' "${times[@]}" | sort -n)
	median=$(printf '%s\n' "$sorted" | sed -n "$(((runs + 1) / 2))p")
	printf '%d.%03d ms (min %d us, max %d us)' $((median / 1000)) $((median % 1000)) \
		"$(printf '%s\n' "$sorted" | head -1)" "$(printf '%s\n' "$sorted" | tail -1)"
}

echo "portscope listeners, $runs runs: median $(median_ms "$bin" --registry "$reg" listeners)"
if command -v ss >/dev/null; then
	echo "for reference, ss -ltunp: median $(median_ms ss -ltunp)"
fi
