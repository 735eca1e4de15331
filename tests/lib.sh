# SPDX-License-Identifier: MIT
# lib.sh: TAP helpers for the shell tests (sourced).
#   run ARGS...           run portscope; sets OUT, ERR, RC
#   is DESC EXPECTED GOT  one TAP line
#   like / unlike DESC STRING GOT  GOT contains / does not contain STRING
#   finish                the plan line; exit status
set -u
: "${PORTSCOPE:?PORTSCOPE must name the built binary}"
: "${IANA_DIR:?IANA_DIR must name the registry snapshots}"
REG="$IANA_DIR/service-names-port-numbers.csv"
OLD="$IANA_DIR/service-names-port-numbers-2024-04.csv"
T_N=0
T_FAILED=0
if [ ! -r "$REG" ] || [ ! -r "$OLD" ]; then
	echo "Bail out! registry snapshots not found in $IANA_DIR (configure --with-iana-dir=DIR)"
	exit 1
fi
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/portscope-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
# Deterministic environment: English messages, no user files.
export LC_ALL=C.UTF-8 LANGUAGE= HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/home/.config" XDG_DATA_HOME="$TMPD/home/.local/share"
# Compiled images (doc/HACKING.md, "Compiled index") of this test only:
# never one left on the machine by an earlier run.
export PORTSCOPE_CACHE_DIR="$TMPD/cache"
unset PORTSCOPE_REGISTRY PORTSCOPE_SYSROOT XDG_CACHE_HOME

run() {
	"$PORTSCOPE" "$@" >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}

is() {
	T_N=$((T_N + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $T_N - $1"
	else
		T_FAILED=$((T_FAILED + 1))
		echo "not ok $T_N - $1"
		printf '%s\n' "--- expected" "$2" "--- got" "$3" | sed 's/^/# /'
	fi
}

# like: GOT contains the fixed string WANT
like() {
	case "$3" in
	*"$2"*) is "$1" x x ;;
	*) is "$1" "(contains) $2" "$3" ;;
	esac
}

# unlike: GOT does not contain the fixed string UNWANTED
unlike() {
	case "$3" in
	*"$2"*) is "$1" "(does not contain) $2" "$3" ;;
	*) is "$1" x x ;;
	esac
}

# wait_file REGEX FILE: wait (at most 10 s) until a line of FILE matches
# REGEX (grep -E); false if none did.
wait_file() {
	_n=0
	while ! grep -Eq "$1" "$2" 2>/dev/null; do
		[ $_n -lt 100 ] || return 1
		sleep 0.1
		_n=$((_n + 1))
	done
}

# listen_helper ARGS: tests/listen_helper ARGS in the background (pid in
# $HELPER, its "KIND PORT" lines in $TMPD/ports), waited for until ready.
listen_helper() {
	"$BUILDDIR/tests/listen_helper" "$@" >"$TMPD/ports" &
	HELPER=$!
	wait_file '^ready$' "$TMPD/ports"
}

# live_scan_ports: for the live nmap scans of 127.0.0.1, a listener's port
# in $P (listen_helper, pid in $HELPER) and a port just closed in $C.
live_scan_ports() {
	listen_helper -4
	P=$(awk '$1 == "tcp4" { print $2; exit }' "$TMPD/ports")
	"$BUILDDIR/tests/listen_helper" -4 >"$TMPD/closed" &
	_closer=$!
	wait_file '^ready$' "$TMPD/closed"
	C=$(awk '$1 == "tcp4" { print $2; exit }' "$TMPD/closed")
	kill "$_closer"
	wait "$_closer" 2>/dev/null
}

finish() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}
