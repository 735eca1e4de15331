#!/bin/sh
# SPDX-License-Identifier: MIT
# test_update_tls.sh: `portscope update` over https, against a loopback
# server with a certificate made by the test: --ca-file trusts it, the
# system's certificates do not, and a redirect from https to http is
# refused with the file left as it was and nothing left behind.
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/http_lib.sh"
CUR=service-names-port-numbers.csv
OLDNAME=service-names-port-numbers-2024-04.csv
DIR="$TMPD/data"
DEST="$DIR/registry.csv"
mkdir -p "$DIR"

if [ "${WITH_CURL:-yes}" = no ]; then
	echo "1..0 # SKIP built without libcurl"
	exit 0
fi
start_server
start_tls_server
gets() { grep -c "\"GET /$1" "$2"; }

run_update --url "$TLS_BASE/ok/$OLDNAME" --output "$DEST" --ca-file "$CERT"
is "https with --ca-file: exit 0" 0 "$RC"
is "https with --ca-file: report" "installed $DEST: 14447 records, registry date 2024-04-30" "$OUT"
if cmp -s "$OLD" "$DEST"; then is "https: the file is the 2024-04 snapshot" same same; else is "https: the file is the 2024-04 snapshot" same different; fi
cp "$DEST" "$TMPD/before"

run_update --url "$TLS_BASE/ok/$CUR" --output "$DEST"
is "https, certificate not trusted: exit 2" 2 "$RC"
like "https, certificate not trusted: says so" "the server's certificate is not trusted" "$ERR"
cmp -s "$TMPD/before" "$DEST"
is "https, certificate not trusted: the file unchanged" 0 $?

run_update --url "$TLS_BASE/tohttp/$CUR" --output "$DEST" --ca-file "$CERT"
is "https redirected to http: exit 2" 2 "$RC"
like "https redirected to http: refused in words" \
	"redirected to an address that is not allowed (https may not go to http)" "$ERR"
like "https redirected to http: the file left unchanged" "$DEST left unchanged" "$ERR"
cmp -s "$TMPD/before" "$DEST"
is "https redirected to http: the file byte-identical" 0 $?
is "https redirected to http: the redirect was asked for" 1 "$(gets tohttp "$TMPD/tls.log")"
is "https redirected to http: the http address was never fetched" 0 "$(gets ok "$TMPD/server.log")"
is "https redirected to http: no temporary file left" "registry.csv registry.csv.http " \
	"$(ls -A "$DIR" | tr '\n' ' ')"

# the same redirect from a plain http start is allowed (no downgrade)
run_update --url "$BASE/redirect/$CUR" --output "$DEST"
is "http redirected to http: exit 0" 0 "$RC"

run_update --url "$TLS_BASE/ok/$CUR" --output "$DEST" --ca-file "$TMPD/nonexistent.pem"
is "--ca-file missing: exit 2" 2 "$RC"
is "--ca-file missing: file: message" \
	"portscope: $TMPD/nonexistent.pem: cannot read the certificate file: No such file or directory" \
	"$(printf '%s\n' "$ERR" | head -n 1)"
run_update --url "$TLS_BASE/ok/$CUR" --output "$DEST" --ca-file "$TMPD"
is "--ca-file a directory: exit 2" 2 "$RC"
like "--ca-file a directory: says so" "cannot read the certificate file: not a readable regular file" "$ERR"
run_update --url "$TLS_BASE/ok/$CUR" --output "$DEST" --ca-file /dev/null
is "--ca-file /dev/null (not a regular file): exit 2" 2 "$RC"
# the untrusted certificate ended its run in the handshake, before a GET
is "--ca-file errors: nothing fetched: only the first download reached the server" 1 \
	"$(gets ok "$TMPD/tls.log")"
"$PORTSCOPE" stats --ca-file "$CERT" >/dev/null 2>"$TMPD/err"
is "--ca-file belongs to update only" "portscope: 'stats' does not take --ca-file" "$(head -n 1 "$TMPD/err")"
finish
