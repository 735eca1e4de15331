# SPDX-License-Identifier: MIT
# http_lib.sh: the loopback HTTP server of the update tests (sourced after
# lib.sh; the server is tests/http_server.py, bound to 127.0.0.1).
#   start_server   start it on a free port; sets BASE (http://127.0.0.1:PORT)
#   run_update ARG...  portscope update ARG..., at most 60 s (a hung transfer
#                  fails the test instead of the suite); sets OUT, ERR, RC
# It is killed on any exit of the test, and stops by itself after 240 s.
SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$TMPD"; }
trap stop_server EXIT
trap 'stop_server; exit 1' HUP INT TERM
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1

run_update() {
	timeout 60 "$PORTSCOPE" update "$@" >"$TMPD/out" 2>"$TMPD/err"
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}

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

# start_tls_server (after start_server): the same server speaking https with
# a certificate for 127.0.0.1 made here (openssl); sets TLS_BASE
# (https://127.0.0.1:PORT) and CERT (the PEM to trust). Its /tohttp/NAME
# redirects to $BASE, plain http.
TLS_PID=
stop_tls_server() { [ -n "$TLS_PID" ] && kill "$TLS_PID" 2>/dev/null; stop_server; }
start_tls_server() {
	CERT="$TMPD/cert.pem"
	if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$TMPD/key.pem" -out "$CERT" \
		>"$TMPD/openssl.log" 2>&1; then
		echo "Bail out! openssl could not make a test certificate"
		exit 1
	fi
	HTTP_SERVER_PLAIN=$BASE python3 "$TESTS_DIR/http_server.py" "$TMPD/tlsport" 240 \
		--tls "$CERT" "$TMPD/key.pem" 2>"$TMPD/tls.log" &
	TLS_PID=$!
	trap stop_tls_server EXIT
	trap 'stop_tls_server; exit 1' HUP INT TERM
	if ! wait_file . "$TMPD/tlsport"; then
		echo "Bail out! the test HTTPS server did not start"
		exit 1
	fi
	TLS_BASE="https://127.0.0.1:$(cat "$TMPD/tlsport")"
}
