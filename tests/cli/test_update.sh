#!/bin/sh
# SPDX-License-Identifier: MIT
# test_update.sh: `portscope update` against a loopback HTTP server that this
# test starts and stops (tests/http_server.py, serving $IANA_DIR and
# misbehaving on purpose). Every failure must leave the previous file
# byte-identical (cmp) and say why; success replaces it atomically.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/http_lib.sh"
CUR=service-names-port-numbers.csv
OLDNAME=service-names-port-numbers-2024-04.csv
DEST="$TMPD/data/new/dir/registry.csv"


if [ "${WITH_CURL:-yes}" = no ]; then
	run_update --output "$DEST"
	is "without libcurl: exit 2" 2 "$RC"
	like "without libcurl: says so" "built without libcurl" "$ERR"
	like "without libcurl: how to fetch by hand" "curl -fL -o '$DEST' 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.csv'" "$ERR"
	like "without libcurl: or with wget" "wget -O '$DEST'" "$ERR"
	is "without libcurl: nothing written" no "$([ -e "$DEST" ] && echo yes || echo no)"
	finish
	exit
fi

start_server

same() { # DESC FILE: DEST is byte-identical to FILE
	if cmp -s "$2" "$DEST"; then is "$1" same same; else is "$1" same different; fi
}

# --output needs its directory: it is created only for the default
# per-user path, and nothing is downloaded when it is missing.
run_update --url "$BASE/ok/$OLDNAME" --output "$DEST"
is "missing directory for --output: exit 2" 2 "$RC"
like "missing directory for --output: says so" "$(dirname "$DEST"): the directory for the output does not exist" "$ERR"
is "missing directory for --output: nothing created" no "$([ -e "$TMPD/data" ] && echo yes || echo no)"
is "missing directory for --output: nothing downloaded" 0 "$(grep -c 'GET ' "$TMPD/server.log")"
mkdir -p "$(dirname "$DEST")"

# A first download creates the file.
run_update --url "$BASE/ok/$OLDNAME" --output "$DEST"
is "first download: exit 0" 0 "$RC"
is "first download: report" "installed $DEST: 14447 records, registry date 2024-04-30" "$OUT"
is "first download: nothing on stderr (not a terminal: no progress bar)" "" "$ERR"
same "first download: the file is the 2024-04 snapshot" "$OLD"
like "first download: validators kept beside it" "url $BASE/ok/$OLDNAME
size 1145691
etag \"" "$(cat "$DEST.http")"
is "first download: no temporary file left" "registry.csv registry.csv.http " "$(ls -A "$(dirname "$DEST")" | tr '\n' ' ')"

run_update --url "$BASE/ok/$OLDNAME" --output "$DEST"
is "unchanged (ETag): exit 1" 1 "$RC"
is "unchanged (ETag): report" "$DEST: up to date (the server reports no change)" "$OUT"
same "unchanged (ETag): file kept" "$OLD"
grep -v '^etag ' "$DEST.http" >"$TMPD/meta" && cp "$TMPD/meta" "$DEST.http"
run_update --url "$BASE/ok/$OLDNAME" --output "$DEST"
is "unchanged (If-Modified-Since): exit 1" 1 "$RC"
same "unchanged (If-Modified-Since): file kept" "$OLD"
is "the server answered both conditional requests with 304" 2 "$(grep -c "\"GET /ok/$OLDNAME HTTP/1.1\" 304" "$TMPD/server.log")"

fails() { # DESC MODE EXIT MESSAGE: a failed update that keeps the 2024-04 file
	run_update --url "$BASE/$2/$CUR" --output "$DEST"
	is "$1: exit $3" "$3" "$RC"
	like "$1: says why" "$4" "$ERR"
	like "$1: says the file is kept" "portscope: $DEST left unchanged" "$ERR"
	same "$1: the old file is byte-identical" "$OLD"
	is "$1: no temporary file left" "registry.csv registry.csv.http " "$(ls -A "$(dirname "$DEST")" | tr '\n' ' ')"
}
fails "404" missing 2 "portscope: $BASE/missing/$CUR: the server answered HTTP 404, not 200"
fails "truncated body" truncated 2 "portscope: downloading $BASE/truncated/$CUR: the transfer ended before the whole file arrived (transfer closed with 567418 bytes remaining to read)"
fails "garbage body" garbage 2 "$BASE/garbage/$CUR:1: not an IANA registry CSV: column 1 of the header is '<html><body>Service Unavailable</body></html>', expected 'Service Name' (the download is not a valid registry CSV)"
fails "server closes mid-transfer" close 2 "portscope: downloading $BASE/close/$CUR: the transfer ended before the whole file arrived (transfer closed with outstanding read data remaining)"

# Shrunk by half, against the current snapshot (14,474 records -> 7,237).
run_update --url "$BASE/redirect/$CUR" --output "$DEST"
is "newer registry through a redirect: exit 0" 0 "$RC"
is "newer registry through a redirect: report with the changes" "updated $DEST: 14474 records, registry date 2025-03-28 (was 14447 records, 2024-04-30)
changes: 43 added, 16 removed, 208 changed" "$OUT"
same "newer registry through a redirect: replaced" "$REG"
run_update --url "$BASE/shrunk/$CUR" --output "$DEST"
is "shrunk by half: exit 2" 2 "$RC"
like "shrunk by half: says why" "$BASE/shrunk/$CUR: 7237 records where the current file has 14474: refusing a registry over 20% smaller" "$ERR"
same "shrunk by half: the current file is byte-identical" "$REG"

# Validators that belong to another file are not sent.
cp "$OLD" "$DEST"
run_update --url "$BASE/redirect/$CUR" --output "$DEST"
is "replaced by hand: downloaded again, not 304 (exit 0)" 0 "$RC"
same "replaced by hand: the current snapshot" "$REG"

# With no file to compare with, a valid but tiny CSV is still refused.
mkdir "$TMPD/fresh"
run_update --url "$BASE/tiny/$CUR" --output "$TMPD/fresh/registry.csv"
is "tiny registry, no old file: exit 2" 2 "$RC"
is "tiny registry, no old file: says why" "$BASE/tiny/$CUR: only 10 records, fewer than 1000: not the full registry
portscope: nothing written to $TMPD/fresh/registry.csv" "$ERR"
is "tiny registry, no old file: the directory stays empty" "" "$(ls -A "$TMPD/fresh")"

# A damaged file is repaired: it cannot be compared with, so it is replaced.
head -c 5000 "$REG" >"$DEST"
run_update --url "$BASE/ok/$CUR" --output "$DEST"
is "damaged file: replaced (exit 0)" 0 "$RC"
is "damaged file: report" "updated $DEST: 14474 records, registry date 2025-03-28" "$OUT"
same "damaged file: now the current snapshot" "$REG"

# As a new user: no --output, the XDG data directory, then used by stats.
run_update --url "$BASE/ok/$CUR"
is "default output: exit 0" 0 "$RC"
USERREG="$XDG_DATA_HOME/portscope/service-names-port-numbers.csv"
is "default output: report" "installed $USERREG: 14474 records, registry date 2025-03-28" "$OUT"
run stats --format csv
is "default output: stats reads it" "range,assigned,reserved,unassigned
system,696,8,320
user,5461,10,42657
dynamic,0,0,16384" "$OUT"
run update extra
is "update with an argument: usage error" 2 "$RC"
run update --proto tcp
like "update --proto: not an update option" "'update' does not take --proto" "$ERR"

finish
