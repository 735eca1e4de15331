# SPDX-License-Identifier: MIT
# http_lib.sh: the loopback HTTP server of the update tests (sourced after
# lib.sh; the server is tests/http_server.py, bound to 127.0.0.1).
#   start_server   start it on a free port; sets BASE (http://127.0.0.1:PORT)
# It is killed on any exit of the test, and stops by itself after 240 s.
SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$TMPD"; }
trap stop_server EXIT
trap 'stop_server; exit 1' HUP INT TERM
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1

# Every wait is bounded: 10 s for the server to say its port.
start_server() {
	python3 "$TESTS_DIR/http_server.py" "$TMPD/port" 240 2>"$TMPD/server.log" &
	SERVER_PID=$!
	if ! wait_file . "$TMPD/port"; then
		echo "Bail out! the test HTTP server did not start"
		exit 1
	fi
	BASE="http://127.0.0.1:$(cat "$TMPD/port")"
}
