#!/bin/sh
# SPDX-License-Identifier: MIT
# test_scale.sh: a synthetic registry 10x the real one (its records
# repeated, made by bench/scale.sh in a temporary directory) loads every
# record, in CPU time that grows linearly and with peak RSS that stays
# proportional. The 100x figures come from bench/scale.sh itself.
. "$TESTS_DIR/lib.sh"

RUNS=3 "$SRCDIR/bench/scale.sh" "$PORTSCOPE" 1 10 >"$TMPD/scale" 2>"$TMPD/scale.err"
is "bench/scale.sh 1 10: exit 0" 0 "$?"
sed 's/^/# /' "$TMPD/scale" "$TMPD/scale.err"
row() { awk -v f="$1" -v c="$2" '$1 == f { print $c }' "$TMPD/scale"; }
is "1x: every record loaded" 14474 "$(row 1x 3)"
is "10x: every record loaded" 144740 "$(row 10x 3)"
# Linear would be 10; allow for timer noise on a shared machine, not for
# a quadratic step (100).
is "10x: CPU time at most 20x the 1x" yes "$(awk -v r="$(row 10x 7)" 'BEGIN { print (r > 0 && r <= 20) ? "yes" : "no: " r }')"
# The fixed part (port tables, the binary) makes the ratio smaller than 10.
is "10x: peak RSS at most 12x the 1x" yes "$(awk -v r="$(row 10x 8)" 'BEGIN { print (r > 0 && r <= 12) ? "yes" : "no: " r }')"

finish
