#!/bin/sh
# test_replay.sh: every seed and regression input in tests/fuzz/corpus/
# replayed through its fuzz target (built with a plain main, replay.c), so
# the invariants the fuzzers check hold in every build, sanitizers included.
. "$TESTS_DIR/lib.sh"

for target in iana_csv services sanitize; do
	"$BUILDDIR/tests/fuzz/replay_$target" "$TESTS_DIR/fuzz/corpus/$target" >"$TMPD/replay" 2>"$TMPD/replay.err"
	rc=$?
	files=$(find "$TESTS_DIR/fuzz/corpus/$target" -type f ! -name '.*' | wc -l)
	done_=$(grep -c '^ok ' "$TMPD/replay")
	is "$target: corpus replayed ($files files), exit 0" "$files 0" "$done_ $rc"
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$TMPD/replay.err"
done

finish
