#!/bin/sh
# SPDX-License-Identifier: MIT
# test_hostile_files.sh: files built to hurt: 100,000 columns, a 100 MB
# field (refused at FIELD_MAX, 65536 bytes, without buffering it: peak RSS
# is measured), wide port ranges repeated (refused at COVER_MAX), a
# directory, an unreadable file, FIFOs, pipes, devices (/dev/null).
# Each gives "file[:line]: message" and exit 2 (a sanitizer report would
# change both), or loads exactly like the plain file. The basic malformed
# fixtures are in tests/cli/test_malformed.sh.
. "$TESTS_DIR/lib.sh"
HEADER=$(head -n 1 "$REG" | tr -d '\r')
F_BOM=$(mktemp "$TMPD/nobom.XXXXXX")
tail -c +4 "$FIXTURES/bom.csv" >"$F_BOM" # the fixture without its BOM

bad() { # DESC EXPECTED-STDERR PORTSCOPE-ARGS...
	desc=$1 want=$2
	shift 2
	run "$@"
	is "$desc: exit 2" 2 "$RC"
	is "$desc: message" "$want" "$ERR"
	is "$desc: nothing on stdout" "" "$OUT"
}

# Peak RSS in KiB of portscope reading stdin (fed by the command in $1) or
# a file; sets RC and ERR like run.
rss_run() { # GENERATOR-COMMAND PORTSCOPE-ARGS...
	gen=$1
	shift
	sh -c "$gen" | /usr/bin/time -f %M -o "$TMPD/rss" "$PORTSCOPE" "$@" >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	ERR=$(cat "$TMPD/err")
	RSS=$(tail -n 1 "$TMPD/rss")
}

# RSS (KiB) stays within 8 MiB of the baseline: the field was not buffered.
rss_small() { # DESC
	echo "# $1: peak RSS $RSS KiB (baseline $BASE KiB)"
	is "$1: peak RSS within 8 MiB of the baseline" yes "$([ $((RSS - BASE)) -lt 8192 ] && echo yes || echo no)"
}

# The baseline: what the process needs to refuse an empty input.
rss_run ": </dev/null" --registry /dev/stdin stats
BASE=$RSS
is "baseline: /dev/stdin, empty, exit 2" 2 "$RC"

# 100,000 columns, in the header and in a record.
awk -v h="$HEADER" 'BEGIN { s = h; for (i = 12; i < 100000; i++) s = s ",c"; print s }' >"$TMPD/wide-header.csv"
bad "100,000 header columns" \
	"$TMPD/wide-header.csv:1: not an IANA registry CSV: the header has 100000 columns, expected 12" \
	--registry "$TMPD/wide-header.csv" stats
{ echo "$HEADER"; awk 'BEGIN { s = "x"; for (i = 1; i < 100000; i++) s = s ",7"; print s }'; } >"$TMPD/wide-row.csv"
bad "100,000 record columns" "$TMPD/wide-row.csv:2: expected 12 fields, found 100000" \
	--registry "$TMPD/wide-row.csv" stats

# A 100 MB field through a pipe: refused at the cap, never held whole.
HUNDRED_MB="head -c 104857600 /dev/zero | tr -c x x"
rss_run "printf '%s\\nbig,7,tcp,' '$HEADER'; $HUNDRED_MB; printf ',,,,,,,,\\n'" --registry /dev/stdin stats
is "100 MB field: exit 2" 2 "$RC"
is "100 MB field: message" "/dev/stdin:2: field 4 (Description) is over the 65536-byte limit" "$ERR"
rss_small "100 MB field"
# The same as a quoted field of many lines (the field is checked as it grows,
# after each block libcsv is fed).
rss_run "printf '%s\\nbig,7,tcp,\"' '$HEADER'; $HUNDRED_MB | fold -w 1000; printf '\",,,,,,,,\\n'" \
	--registry /dev/stdin stats
is "100 MB quoted multi-line field: message" \
	"/dev/stdin:2: field 4 (Description) is over the 65536-byte limit" "$ERR"
rss_small "100 MB quoted multi-line field"
# A services(5) file whose one line is 100 MB (a regular file: only those
# are sniffed for the services format).
{ printf 'svc 7/tcp '; sh -c "$HUNDRED_MB"; echo; } >"$TMPD/huge-services"
/usr/bin/time -f %M -o "$TMPD/rss" "$PORTSCOPE" --registry "$TMPD/huge-services" stats >"$TMPD/out" 2>"$TMPD/err"
is "100 MB services line: exit 2" 2 "$?"
is "100 MB services line: message" "$TMPD/huge-services: larger than 64 MiB, the most portscope reads from a services file" "$(cat "$TMPD/err")"
RSS=$(tail -n 1 "$TMPD/rss")
rss_small "100 MB services line"
rm -f "$TMPD/huge-services"

# Wide ranges repeated: 2,000 records of 0-65535 (80 KB) would need 131
# million index entries (512 MiB); refused where they pass COVER_MAX.
{ echo "$HEADER"; awk 'BEGIN { for (i = 0; i < 2000; i++) print "w,0-65535,tcp,,,,,,,,," }'; } >"$TMPD/wide-ranges.csv"
/usr/bin/time -f %M -o "$TMPD/rss" "$PORTSCOPE" --registry "$TMPD/wide-ranges.csv" stats >"$TMPD/out" 2>"$TMPD/err"
is "wide ranges repeated: exit 2" 2 "$?"
is "wide ranges repeated: message" "$TMPD/wide-ranges.csv:258: the port ranges so far cover over 16777216 record-port pairs: too many to index (wide ranges repeated?)" "$(cat "$TMPD/err")"
RSS=$(tail -n 1 "$TMPD/rss")
rss_small "wide ranges repeated"

# Not regular files.
mkdir "$TMPD/registry"
bad "a directory not named .csv" "$TMPD/registry: is a directory, not a file" \
	--registry "$TMPD/registry" stats
bad "/dev/null" "/dev/null: is a device, not a regular file" \
	--registry /dev/null stats

# Unreadable: as root, chmod 000 does not stop reading, so the check runs
# as nobody (setpriv); as root without setpriv, or where nobody cannot run
# the binary, only this case is skipped.
chmod 755 "$TMPD"
echo "$HEADER" >"$TMPD/unreadable.csv"
chmod 000 "$TMPD/unreadable.csv"
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
if [ "$(id -u)" -ne 0 ]; then
	bad "unreadable file" "$TMPD/unreadable.csv: Permission denied" --registry "$TMPD/unreadable.csv" stats
elif command -v setpriv >/dev/null && as_nobody "$PORTSCOPE" --version >/dev/null 2>&1; then
	as_nobody "$PORTSCOPE" --registry "$TMPD/unreadable.csv" stats >"$TMPD/out" 2>"$TMPD/err"
	is "unreadable file (as nobody): exit 2" 2 "$?"
	is "unreadable file (as nobody): message" "$TMPD/unreadable.csv: Permission denied" "$(cat "$TMPD/err")"
else
	T_N=$((T_N + 1))
	echo "ok $T_N # SKIP root can read a mode-000 file, and nobody cannot run $PORTSCOPE"
fi

# FIFOs and pipes load exactly like the file (the format sniffing must not
# eat their first bytes), and a hostile writer gets a clean error.
run --registry "$REG" stats
want_stats=$(printf '%s\n' "$OUT" | tail -n +2)
mkfifo "$TMPD/registry.fifo"
cat "$REG" >"$TMPD/registry.fifo" &
run --registry "$TMPD/registry.fifo" stats
wait
is "FIFO with the real registry: exit 0" 0 "$RC"
is "FIFO with the real registry: same stats as the file" "$want_stats" "$(printf '%s\n' "$OUT" | tail -n +2)"
run --registry /dev/stdin stats <"$REG"
is "real registry on stdin (a file): same stats" "$want_stats" "$(printf '%s\n' "$OUT" | tail -n +2)"
cat "$REG" | "$PORTSCOPE" --registry /dev/stdin stats >"$TMPD/out" 2>"$TMPD/err"
is "real registry through a pipe: exit 0" 0 "$?"
is "real registry through a pipe: same stats" "$want_stats" "$(tail -n +2 "$TMPD/out")"
# A slow writer hands over the byte order mark one byte per read.
{ printf '\357'; sleep 0.3; printf '\273'; sleep 0.3; printf '\277'; sleep 0.3; cat "$F_BOM"; } >"$TMPD/registry.fifo" &
run --registry "$TMPD/registry.fifo" lookup echo --format csv
wait
is "FIFO with a BOM written byte by byte: exit 0" 0 "$RC"
like "FIFO with a BOM written byte by byte: the BOM is not part of the name" "
echo,7,tcp" "$OUT"
head -c 300000 /dev/urandom >"$TMPD/noise"
{ echo "$HEADER"; cat "$TMPD/noise"; } >"$TMPD/registry.fifo" 2>/dev/null &
run --registry "$TMPD/registry.fifo" stats
wait
is "FIFO with random bytes after the header: exit 2" 2 "$RC"
like "FIFO with random bytes: names the FIFO and a line" "$TMPD/registry.fifo:" "$ERR"

finish
