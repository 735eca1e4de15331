#!/bin/sh
# SPDX-License-Identifier: MIT
# test_listeners_netlink.sh: on the live machine, the listeners read over
# netlink are exactly those the /proc/net reader finds ($PORTSCOPE_SYSROOT=/
# forces it): sockets held open by tests/listen_helper, TCP and UDP, IPv4
# and IPv6, with the same pid and process; a server that binds a wildcard
# address too.
. "$TESTS_DIR/lib.sh"

listen_helper -n 20 -u
helper=$HELPER
# Only the helper's lines: other programs on the machine may open and close
# sockets between the two reads.
mine() { printf '%s\n' "$1" | grep ",$helper,listen_helper," | sort; }
run --registry "$REG" listeners --format csv
is "netlink: exit 0" 0 "$RC"
netlink=$(mine "$OUT")
PORTSCOPE_SYSROOT=/ run --registry "$REG" listeners --format csv
is "/proc reader: exit 0" 0 "$RC"
proc=$(mine "$OUT")
is "the helper's 80 sockets over netlink" 80 "$(printf '%s\n' "$netlink" | grep -c .)"
is "netlink and /proc/net agree, line for line" "$proc" "$netlink"
for t in tcp udp; do
	for a in 127.0.0.1 ::1; do
		is "$t on $a: 20 sockets" 20 "$(printf '%s\n' "$netlink" | grep -c "^$t,$a,")"
	done
done
# The text and JSON output agree too.
run --registry "$REG" listeners --format json
a=$(printf '%s\n' "$OUT" | grep -c "\"pid\": $helper")
PORTSCOPE_SYSROOT=/ run --registry "$REG" listeners --format json
is "json: the same count either way" "$a" "$(printf '%s\n' "$OUT" | grep -c "\"pid\": $helper")"
kill "$helper"
wait "$helper" 2>/dev/null

# Wildcard and dual-stack servers: a python server on 0.0.0.0 and :: (UDP
# and TCP), read both ways.
python3 - "$TMPD/wild" <<'PY' &
import socket, sys, time
socks = []
for fam, addr in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
    for typ in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        s = socket.socket(fam, typ)
        s.bind((addr, 0))
        if typ == socket.SOCK_STREAM:
            s.listen(4)
        socks.append(s)
open(sys.argv[1], "w").write("ready\n")
time.sleep(30)
PY
wild=$!
wait_file '^ready$' "$TMPD/wild"
pick() { printf '%s\n' "$1" | grep ",$wild," | sort; }
run --registry "$REG" listeners --format csv
netlink=$(pick "$OUT")
PORTSCOPE_SYSROOT=/ run --registry "$REG" listeners --format csv
is "wildcard servers: 4 sockets" 4 "$(printf '%s\n' "$netlink" | grep -c .)"
is "wildcard servers: netlink and /proc/net agree" "$(pick "$OUT")" "$netlink"
kill "$wild"
wait "$wild" 2>/dev/null
finish
