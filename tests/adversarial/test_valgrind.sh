#!/bin/sh
# SPDX-License-Identifier: MIT
# test_valgrind.sh: valgrind memcheck over the CLI commands on the real
# registry, a services file, a hostile file and malformed ones: no memory
# errors, nothing definitely or indirectly lost. Only in the normal build:
# valgrind cannot run ASan binaries, and the sanitizer build checks the
# same runs with ASan (SAN_CFLAGS is set by the Makefile).
. "$TESTS_DIR/lib.sh"
if [ -n "${SAN_CFLAGS:-}" ]; then
	echo "1..0 # SKIP sanitizer build: ASan checks these runs instead of valgrind"
	exit 0
fi
if ! command -v valgrind >/dev/null; then
	echo "Bail out! valgrind is missing: install it (./quickstart does)"
	exit 1
fi

memcheck() { # DESC EXPECTED-EXIT PORTSCOPE-ARGS...
	desc=$1 want=$2
	shift 2
	valgrind -q --tool=memcheck --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		--log-file="$TMPD/vg.log" "$PORTSCOPE" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	is "$desc: exit $want, no memcheck error or leak" "$want" "$rc"
	[ "$rc" = "$want" ] || sed 's/^/# /' "$TMPD/vg.log" | head -n 40
	is "$desc: memcheck log empty" "" "$(cat "$TMPD/vg.log")"
}

F="$FIXTURES"
memcheck "stats" 0 --registry "$REG" stats
memcheck "stats --format json" 0 --registry "$REG" stats --format json
memcheck "lookup 443 and a name" 0 --registry "$REG" lookup 443 https
memcheck "lookup --format json" 0 --registry "$REG" lookup 22 --format json
memcheck "lookup --format csv" 0 --registry "$REG" lookup 80 --format csv
memcheck "lookup of nothing" 1 --registry "$REG" lookup no-such-service-here
memcheck "free user range" 0 --registry "$REG" free user --proto tcp
memcheck "gaps" 0 --registry "$REG" gaps 0-65535 --min 10
memcheck "invalid UTF-8 warning" 0 --registry "$F/invalid-utf8.csv" lookup 8
memcheck "malformed: port 70000" 2 --registry "$F/port-70000.csv" stats
memcheck "malformed: unterminated quote" 2 --registry "$F/unterminated-quote.csv" stats
memcheck "malformed: wrong header" 2 --registry "$F/wrong-header.csv" stats
memcheck "malformed services file: line skipped" 0 --registry "$F/bad-services" stats
memcheck "missing file" 2 --registry "$TMPD/missing.csv" stats
memcheck "usage error" 2 --registry "$REG" gaps 10-5
printf 'svc 7/tcp # a\nweb 80/tcp/udp http\n' >"$TMPD/services"
memcheck "services file" 0 --registry "$TMPD/services" lookup 80

finish
