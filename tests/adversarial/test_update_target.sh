#!/bin/sh
# SPDX-License-Identifier: MIT
# test_update_target.sh: `portscope update` never replaces anything but a
# regular file, keeps its mode, follows a symlink and says so, ends a
# stalled transfer, and leaves nothing behind when a signal stops it.
# Against the loopback server of tests/http_server.py; every run bounded.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/http_lib.sh"
CUR=service-names-port-numbers.csv
OLDNAME=service-names-port-numbers-2024-04.csv
if [ "${WITH_CURL:-yes}" = no ]; then
	echo "1..0 # SKIP built without libcurl"
	exit 0
fi
start_server
D="$TMPD/d"
mkdir "$D"

# trun SECONDS ARGS...: update with a bound; sets OUT, ERR, RC.
trun() {
	_t=$1
	shift
	timeout "$_t" "$PORTSCOPE" update "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}
gets() { grep -c "GET /ok/$1" "$TMPD/server.log"; }
leftovers() { ls -A "$D" | grep -c '^\.' || true; }

# A FIFO as the output: refused at once, before any download.
mkfifo "$D/fifo.csv"
before=$(gets "$CUR")
trun 10 --url "$BASE/ok/$CUR" --output "$D/fifo.csv"
is "FIFO output: exit 2" 2 "$RC"
like "FIFO output: says why" "$D/fifo.csv: is not a regular file (a FIFO, socket or device): update replaces only a regular file" "$ERR"
is "FIFO output: still a FIFO" yes "$([ -p "$D/fifo.csv" ] && echo yes || echo no)"
is "FIFO output: nothing downloaded" "$before" "$(gets "$CUR")"
is "FIFO output: no .http file beside it" no "$([ -e "$D/fifo.csv.http" ] && echo yes || echo no)"

# A directory, and (as root) a device node.
mkdir "$D/dir.csv"
trun 10 --url "$BASE/ok/$CUR" --output "$D/dir.csv"
like "directory output: refused" "$D/dir.csv: is a directory: update replaces only a regular file" "$ERR"
if [ "$(id -u)" -eq 0 ] && mknod "$D/null.csv" c 1 3 2>/dev/null; then
	trun 10 --url "$BASE/ok/$CUR" --output "$D/null.csv"
	is "device output: exit 2" 2 "$RC"
	is "device output: still the same device" "c 1:3" "$(stat -c '%F' "$D/null.csv" | cut -c1)$(stat -c ' %t:%T' "$D/null.csv")"
	is "device output: no .http file" no "$([ -e "$D/null.csv.http" ] && echo yes || echo no)"
	rm -f "$D/null.csv"
else
	echo "ok $((T_N = T_N + 1)) - device output # SKIP not root"
fi

# A symlink: its target is replaced (the link stays a link) and it says so.
cp "$OLD" "$D/real.csv"
ln -s real.csv "$D/link.csv"
trun 30 --url "$BASE/ok/$CUR" --output "$D/link.csv"
is "symlink output: exit 0" 0 "$RC"
like "symlink output: says it followed it" "$D/link.csv is a symbolic link: replaced its target $(cd "$D" && pwd -P)/real.csv" "$ERR"
is "symlink output: still a link" yes "$([ -L "$D/link.csv" ] && echo yes || echo no)"
is "symlink output: the target is the new registry" same "$(cmp -s "$REG" "$D/real.csv" && echo same)"
ln -s missing.csv "$D/dangling.csv"
trun 10 --url "$BASE/ok/$CUR" --output "$D/dangling.csv"
like "dangling symlink: refused" "$D/dangling.csv: is a symbolic link to a missing file" "$ERR"

# A read-only file keeps its mode.
cp "$OLD" "$D/ro.csv"
chmod 0444 "$D/ro.csv"
trun 30 --url "$BASE/ok/$CUR" --output "$D/ro.csv"
is "0444 file: replaced (exit 0)" 0 "$RC"
is "0444 file: still 0444" 444 "$(stat -c %a "$D/ro.csv")"
chmod 0600 "$D/ro.csv"
cp "$OLD" "$D/ro.csv"
trun 30 --url "$BASE/ok/$CUR" --output "$D/ro.csv"
is "0600 file: still 0600" 600 "$(stat -c %a "$D/ro.csv")"

# A server that sends one byte a second, in the body or in the headers:
# stalled, ended within 10 s, the old file kept, nothing left behind.
cp "$OLD" "$D/slow.csv"
for mode in dribble stallhead; do
	trun 20 --url "$BASE/$mode/$CUR" --output "$D/slow.csv"
	is "$mode: exit 2" 2 "$RC"
	like "$mode: says it stalled" "the transfer stalled or took too long" "$ERR"
	is "$mode: the old file is kept" same "$(cmp -s "$OLD" "$D/slow.csv" && echo same)"
	is "$mode: no temporary file" 0 "$(leftovers)"
done
start=$(date +%s)
trun 20 --url "$BASE/dribble/$CUR" --output "$D/slow.csv"
is "dribble: ended within 10 s" yes "$([ $(($(date +%s) - start)) -le 10 ] && echo yes || echo no)"

# A 200 KB response header: a message for a person, not "Out of memory".
trun 20 --url "$BASE/bighead/$CUR" --output "$D/slow.csv"
is "200 KB header: exit 2" 2 "$RC"
unlike "200 KB header: not libcurl's bare words" "downloading $BASE/bighead/$CUR: Out of memory" "$ERR"
is "200 KB header: no temporary file" 0 "$(leftovers)"

# Signals during a download: the temporary file goes, exit 128+signal.
for sig in INT TERM HUP; do
	timeout 30 "$PORTSCOPE" update --url "$BASE/dribble/$CUR" --output "$D/slow.csv" \
		>"$TMPD/out" 2>"$TMPD/err" </dev/null &
	pid=$!
	n=0
	while [ "$(leftovers)" -eq 0 ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
	is "SIG$sig: the temporary file existed during the download" 1 "$(leftovers)"
	kill -s "$sig" "$pid"
	wait "$pid"
	RC=$?
	case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
	is "SIG$sig: exit $want" "$want" "$RC"
	is "SIG$sig: no temporary file left" 0 "$(leftovers)"
	is "SIG$sig: the old file is kept" same "$(cmp -s "$OLD" "$D/slow.csv" && echo same)"
	like "SIG$sig: says so" "interrupted: $D/slow.csv left unchanged" "$(cat "$TMPD/err")"
done
finish
