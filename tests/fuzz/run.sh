#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh TARGET SECONDS [LIBFUZZER-OPTION...]: fuzz one target (named by
# its seed directory tests/fuzz/corpus/TARGET/: iana_csv, services,
# sanitize, listeners, search, nmapxml) for SECONDS, in a clang build with libFuzzer,
# ASan and UBSan (build-fuzz/, configured on first use). New inputs collect in
# build-fuzz/tests/fuzz/corpus-TARGET/ (not committed); the seeds in
# tests/fuzz/corpus/TARGET/ are read, never written. Ends with libFuzzer's
# final statistics (executions, executions per second).
set -eu
[ $# -ge 2 ] || { echo "usage: $0 TARGET SECONDS [LIBFUZZER-OPTION...]" >&2; exit 2; }
target=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/build-fuzz}
if [ ! -d "$top/tests/fuzz/corpus/$target" ]; then
	echo "$0: unknown target '$target' (one of: $(ls "$top/tests/fuzz/corpus" | tr '\n' ' '))" >&2
	exit 2
fi
if [ ! -x "$top/configure" ]; then
	(cd "$top" && autoreconf -fi && cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/)
fi
if [ ! -f "$build/Makefile" ]; then
	mkdir -p "$build"
	(cd "$build" && "$top/configure" -q CC=clang --enable-fuzzing --enable-werror)
fi
make -C "$build" -s -j2 "tests/fuzz/fuzz_$target"
work="$build/tests/fuzz/corpus-$target"
mkdir -p "$work"
exec "$build/tests/fuzz/fuzz_$target" -max_total_time="$secs" -print_final_stats=1 \
	-dict="$top/tests/fuzz/$target.dict" -artifact_prefix="$build/tests/fuzz/crash-$target-" \
	"$@" "$work" "$top/tests/fuzz/corpus/$target"
