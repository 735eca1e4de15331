#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/listeners.sh: time `portscope listeners` against `ss -ltunp` with
# SOCKETS sockets listening on loopback (half on 127.0.0.1, half on ::1,
# held by tests/listen_helper.c), whole processes, medians of RUNS runs of
# each, turn about (bench/timeit.c).
#   bench/listeners.sh [PORTSCOPE [REGISTRY]]   (defaults: build/portscope,
#   data/service-names-port-numbers.csv); RUNS=21 SOCKETS=10000
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/portscope}
reg=${2:-data/service-names-port-numbers.csv}
runs=${RUNS:-21}
sockets=${SOCKETS:-10000}
tmp=$(mktemp -d)
helper_pid=
cleanup() {
	[ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

cc -O2 -o "$tmp/listen_helper" tests/listen_helper.c
cc -O2 -o "$tmp/timeit" bench/timeit.c
"$tmp/listen_helper" -n $((sockets / 2)) >"$tmp/ports" &
helper_pid=$!
for _ in $(seq 100); do
	grep -q '^ready$' "$tmp/ports" 2>/dev/null && break
	sleep 0.1
done
grep -q '^ready$' "$tmp/ports" || { echo "listen_helper did not start" >&2; exit 1; }

found=$("$bin" --registry "$reg" listeners --format csv | grep -c ",$helper_pid,listen_helper," || true)
found_ss=$(ss -ltnp | grep -c "pid=$helper_pid," || true)
"$bin" --registry "$reg" listeners >/dev/null # warm: the images written
read -r ss _ _ ps _ _ <<<"$("$tmp/timeit" "$runs" ss -ltunp -- "$bin" --registry "$reg" listeners | tr '\n' ' ')"
printf 'listeners, %d loopback sockets (listed with the holder'"'"'s pid: portscope %d, ss %d), %d runs each:\n' \
	"$sockets" "$found" "$found_ss" "$runs"
printf '  portscope listeners %9s ms   ss -ltunp %9s ms   ratio %sx\n' "$ps" "$ss" \
	"$(awk -v a="$ps" -v b="$ss" 'BEGIN { printf "%.2f", a / b }')"
