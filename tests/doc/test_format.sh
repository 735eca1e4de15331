#!/bin/sh
# SPDX-License-Identifier: MIT
# test_format.sh: every C source and header is as clang-format (with the
# committed .clang-format) writes it, so that file means something. Skipped
# where clang-format is not installed.
. "$TESTS_DIR/lib.sh"
if ! command -v clang-format >/dev/null; then
	echo "1..0 # SKIP no clang-format"
	exit 0
fi
cd "$SRCDIR" || exit 1
bad=
n=0
for f in src/*.[ch] cli/*.[ch] tui/*.[ch] tests/unit/*.[ch] tests/fuzz/*.[ch] tests/*.c bench/*.c; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	clang-format --style=file "$f" | cmp -s - "$f" || bad="$bad $f"
done
echo "# $n files checked"
is "clang-format leaves every file as it is (run clang-format -i on the ones named)" "" "$bad"
finish
