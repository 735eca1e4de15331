#!/bin/sh
# SPDX-License-Identifier: MIT
# test_data.sh: the bundled snapshot is what data/README says it is, and
# it is the registry a build-tree binary loads with no option: official,
# "(bundled)", not degraded.
. "$TESTS_DIR/lib.sh"

csv="$SRCDIR/data/service-names-port-numbers.csv"
readme="$SRCDIR/data/README"
fact() { # the value column of a row of the README's table
	sed -n "s/^| $1 | \(.*\) |\$/\1/p" "$readme"
}

is "README: SHA-256 is the file's" "$(sha256sum <"$csv" | cut -d' ' -f1)" "$(fact 'SHA-256')"
is "README: size in bytes" "$(wc -c <"$csv" | tr -d ' ')" "$(fact bytes)"
run --registry "$csv" stats --format json
like "README: record count" "\"records\":$(fact records)," "$OUT"
like "README: registry date" "\"date\":\"$(fact 'registry date (newest Registration or Modification Date in it)')\"" "$OUT"
like "README: licence named" "CC0 1.0" "$(fact licence)"

# No option, no environment, no per-user download: the bundled snapshot.
home=$(mktemp -d)
HOME=$home XDG_DATA_HOME= PORTSCOPE_REGISTRY= PORTSCOPE_SYSROOT= run stats
is "bundled: exit 0" 0 "$RC"
is "bundled: source line" "source:    IANA registry 2025-03-28 (bundled)" "$(printf '%s\n' "$OUT" | sed -n 1p)"
like "bundled: the source tree's data/ is read" "$(cd "$SRCDIR/data" && pwd -P)/service-names-port-numbers.csv" "$OUT"
like "bundled: 14474 records" "records:   14474" "$OUT"
unlike "bundled: not degraded" "not the official IANA registry" "$OUT"
HOME=$home XDG_DATA_HOME= PORTSCOPE_REGISTRY= PORTSCOPE_SYSROOT= run stats --format json
like "bundled: JSON says so" '"degraded":false,"bundled":true,"date":"2025-03-28"' "$OUT"

# A registry older than 180 days says so, once, calmly.
is "fresh (4 days): no age line" "" "$(HOME=$home "$PORTSCOPE" --registry "$csv" stats | grep 'months old\|days old')"
PORTSCOPE_TODAY=2025-12-01 run --registry "$csv" stats
is "stale: one line with the age and the remedy" \
	"           registry of 2025-03-28, 8 months old: 'portscope update' fetches the current one" \
	"$(printf '%s\n' "$OUT" | grep 'months old')"
PORTSCOPE_TODAY=2025-09-24 run --registry "$csv" stats
is "180 days: not yet old" "" "$(printf '%s\n' "$OUT" | grep 'old:')"
PORTSCOPE_TODAY=2025-09-25 run --registry "$csv" stats
like "181 days: old, in months" "registry of 2025-03-28, 5 months old" "$OUT"
PORTSCOPE_TODAY= run --registry "$csv" stats
like "the real clock: the 2025-03-28 snapshot is old" "months old: 'portscope update'" "$OUT"
PORTSCOPE_TODAY=2025-12-01 run --registry "$csv" stats --format csv
unlike "stale: CSV output unchanged" "old" "$OUT"

# A copy of the binary outside the build tree is an installed binary: it
# never reads the source tree's data/.
cp "$PORTSCOPE" "$TMPD/portscope-copy"
root=$(mktemp -d)
out=$(HOME=$home XDG_DATA_HOME= PORTSCOPE_REGISTRY= PORTSCOPE_SYSROOT=$root "$TMPD/portscope-copy" stats 2>&1)
like "a copy elsewhere: looks only in its installed paths" "no registry found" "$out"
unlike "a copy elsewhere: not the source tree's data/" "$SRCDIR/data" "$out"
rm -rf "$home" "$root"
finish
