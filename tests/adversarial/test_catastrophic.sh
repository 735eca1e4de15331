#!/bin/sh
# SPDX-License-Identifier: MIT
# test_catastrophic.sh: no pattern holds `grep --field all` on the real
# registry for long, with JIT or with (*NO_JIT): the whole search has a
# 2 s budget (SEARCH_BUDGET_USEC) on top of PCRE2's per-field limits.
# Each run ends in under 5 s (the median of 3 for the first); a cut
# search says so and exits 2.
. "$TESTS_DIR/lib.sh"

# ms PATTERN: one grep --field all run; sets MS (milliseconds), RC, ERR.
ms() {
	t0=$(date +%s%N)
	timeout 30 "$PORTSCOPE" --registry "$REG" grep --field all "$1" >/dev/null 2>"$TMPD/err"
	RC=$?
	ERR=$(cat "$TMPD/err")
	MS=$((($(date +%s%N) - t0) / 1000000))
}

p='(*NO_JIT)(.+)+\1\1\1$'
ms "$p"
a=$MS
ms "$p"
b=$MS
ms "$p"
c=$MS
median=$(printf '%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p)
printf '# %s: %s, %s, %s ms (median %s ms)\n' "$p" "$a" "$b" "$c" "$median"
is "(*NO_JIT) backreferences: median of 3 under 5 s" yes "$([ "$median" -lt 5000 ] && echo yes || echo no)"
is "(*NO_JIT) backreferences: exit 2" 2 "$RC"
like "(*NO_JIT) backreferences: says it stopped on the budget" "the search stopped on its time budget after" "$ERR"
like "(*NO_JIT) backreferences: and that matches may be missing" "matches may be missing" "$ERR"

for p in '(.+)+\1\1\1$' '(*NO_JIT)(.*)*(.*)*(.*)*\d{20}$' '(*NO_JIT)(?:(?:.*?){10})*Z$' \
	'(*NO_JIT)(\w+\s?)+$' '(*NO_JIT)((a|e|i|o|u|.)+)+!' '(*NO_JIT)(x+x+)+y'; do
	k=$((${k:-0} + 1))
	ms "$p"
	t=$MS
	printf '# pattern %s, %s: %s ms, exit %s\n' "$k" "$p" "$t" "$RC"
	is "pattern $k: under 5 s" yes "$([ "$t" -lt 5000 ] && echo yes || echo no)"
	said=no
	if [ "$RC" -le 1 ] || { [ "$RC" -eq 2 ] && [ -n "$ERR" ]; }; then said=yes; fi
	is "pattern $k: a limit is said (exit 2) or there is an answer" yes "$said"
done

# A plain search is not touched by the budget.
run --registry "$REG" grep --field all kerberos
is "kerberos: exit 0" 0 "$RC"
is "kerberos: nothing on stderr" "" "$ERR"
finish
