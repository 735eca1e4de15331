#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# search.sh: median time of searching every field (--field all) of the real
# registry, with JIT and with the interpreter, timed in process around
# search_new() + search_run() by bench/search_bench (loading excluded):
# wall-clock median and minimum, and the median CPU time of the process.
#   bench/search.sh [BUILD_DIR [REGISTRY [REPEATS]]]
# BUILD_DIR defaults to build/ (run ./quickstart or make first).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
registry=${2:-${IANA_DIR:-data}/service-names-port-numbers.csv}
repeats=${3:-51}
bench=$build/bench/search_bench
[ -x "$bench" ] || { echo "search.sh: $bench not built: run make -C $build" >&2; exit 2; }
[ -r "$registry" ] || { echo "search.sh: no registry at $registry" >&2; exit 2; }

patterns=(
	'kerberos'
	'tcp|udp'
	'^ssh$'
	'\bRFC\d+\b'
	'(?:secure|remote)\s+\w+'
	'^(\w+\s?)*$'
)

echo "registry: $registry ($repeats runs each, fields: all, milliseconds; load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-24s %8s %8s %8s %8s %8s %8s %7s %6s %6s\n' pattern jit_med jit_min jit_cpu int_med int_min int_cpu records ports limits
for p in "${patterns[@]}"; do
	read -r mode jm jn jc rec ports stops < <("$bench" "$registry" "$p" all jit "$repeats")
	[ "$mode" = jit ] || jm="$jm(nojit)"
	read -r _ im in ic _ _ _ < <("$bench" "$registry" "$p" all interp "$repeats")
	printf '%-24s %8s %8s %8s %8s %8s %8s %7s %6s %6s\n' "$p" "$jm" "$jn" "$jc" "$im" "$in" "$ic" "$rec" "$ports" "$stops"
done
