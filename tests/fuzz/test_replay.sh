#!/bin/sh
# SPDX-License-Identifier: MIT
# test_replay.sh: every seed and regression input in tests/fuzz/corpus/TARGET/
# replayed through tests/fuzz/replay_TARGET (the target with a plain main,
# replay.c), so the invariants the fuzzers check hold in every build,
# sanitizers included.
. "$TESTS_DIR/lib.sh"

for dir in "$TESTS_DIR"/fuzz/corpus/*/; do
	target=$(basename "$dir")
	"$BUILDDIR/tests/fuzz/replay_$target" "$dir" >"$TMPD/replay" 2>"$TMPD/replay.err"
	rc=$?
	files=$(find "$dir" -type f ! -name '.*' | wc -l)
	done_=$(grep -c '^ok ' "$TMPD/replay")
	is "$target: corpus replayed ($files files), exit 0" "$files 0" "$done_ $rc"
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$TMPD/replay.err"
done

finish
