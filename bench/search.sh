#!/usr/bin/env bash
# search.sh: median time of searching every field (--field all) of the real
# registry, with JIT and with the interpreter, timed in process around
# search_new() + search_run() by bench/search_bench (loading excluded).
#   bench/search.sh [BUILD_DIR [REGISTRY [REPEATS]]]
# BUILD_DIR defaults to build/ (run ./quickstart or make first).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
registry=${2:-${IANA_DIR:-../shared/iana}/service-names-port-numbers.csv}
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
printf '%-24s %9s %9s %9s %9s %7s %6s %6s\n' pattern jit_med jit_min interp_med interp_min records ports limits
for p in "${patterns[@]}"; do
	read -r mode jm jn rec ports stops < <("$bench" "$registry" "$p" all jit "$repeats")
	[ "$mode" = jit ] || jm="$jm(nojit)"
	read -r _ im in _ _ _ < <("$bench" "$registry" "$p" all interp "$repeats")
	printf '%-24s %9s %9s %9s %9s %7s %6s %6s\n' "$p" "$jm" "$jn" "$im" "$in" "$rec" "$ports" "$stops"
done
