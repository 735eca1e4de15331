#!/bin/sh
# SPDX-License-Identifier: MIT
# test_listeners.sh: `portscope listeners` on fixture /proc trees (IPv4, IPv6,
# v4-mapped, UDP, shared sockets, an unreadable fd directory, a hostile
# process name, malformed lines, many sockets) and live on loopback.
# The fixture hex words are little-endian, as on x86 and arm64 kernels.
. "$TESTS_DIR/lib.sh"
F="$FIXTURES"
L="$TMPD/sysroot-listeners" # the fixture with its /proc/PID/fd links made
"$TESTS_DIR/mkproc.sh" "$F/sysroot-listeners" "$L"

PORTSCOPE_SYSROOT="$L" run --registry "$REG" listeners
is "fixture: exit 0" 0 "$RC"
is "fixture: text" "PROTO ADDRESS           PORT     PID PROCESS         SERVICE         FLAGS
tcp   0.0.0.0             22      42 sshd            ssh             system
udp   0.0.0.0             53       - -               domain          system
tcp   2001:db8::1        443       - -               https           system
udp   ::                5353     400 mdns\\e[31mevil  mdns
tcp   127.0.0.1         8080     100 webserver       http-alt        other-service
tcp   ::1               8081     100 webserver       sunproxyadmin   other-service
tcp   ::ffff:127.0.0.1  8082     100 webserver       us-cli          other-service
udp   127.0.0.1        40000       - -               safetynetp      ephemeral" "$OUT"
is "fixture: the unreadable fd directory is reported, not fatal" \
	"portscope: warning: the sockets of 1 process could not be read (not root?): their pid and process show as -" "$ERR"

PORTSCOPE_SYSROOT="$L" run --registry "$REG" listeners --format json
is "fixture: json" '[
{"transport":"tcp","address":"0.0.0.0","port":22,"pid":42,"process":"sshd","service":"ssh","flags":["system"]},
{"transport":"udp","address":"0.0.0.0","port":53,"pid":null,"process":null,"service":"domain","flags":["system"]},
{"transport":"tcp","address":"2001:db8::1","port":443,"pid":null,"process":null,"service":"https","flags":["system"]},
{"transport":"udp","address":"::","port":5353,"pid":400,"process":"mdns\u001b[31mevil","service":"mdns","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":8080,"pid":100,"process":"webserver","service":"http-alt","flags":["other-service"]},
{"transport":"tcp","address":"::1","port":8081,"pid":100,"process":"webserver","service":"sunproxyadmin","flags":["other-service"]},
{"transport":"tcp","address":"::ffff:127.0.0.1","port":8082,"pid":100,"process":"webserver","service":"us-cli","flags":["other-service"]},
{"transport":"udp","address":"127.0.0.1","port":40000,"pid":null,"process":null,"service":"safetynetp","flags":["ephemeral"]}
]' "$OUT"

PORTSCOPE_SYSROOT="$L" run --registry "$REG" listeners --format csv
is "fixture: csv (the hostile name escaped, flags space-separated)" "transport,address,port,pid,process,service,flags
tcp,0.0.0.0,22,42,sshd,ssh,system
udp,0.0.0.0,53,,,domain,system
tcp,2001:db8::1,443,,,https,system
udp,::,5353,400,mdns\\e[31mevil,mdns,
tcp,127.0.0.1,8080,100,webserver,http-alt,other-service
tcp,::1,8081,100,webserver,sunproxyadmin,other-service
tcp,::ffff:127.0.0.1,8082,100,webserver,us-cli,other-service
udp,127.0.0.1,40000,,,safetynetp,ephemeral" "$OUT"

# Malformed /proc/net lines are skipped and counted, never fatal.
PORTSCOPE_SYSROOT="$F/sysroot-malformed" run --registry "$REG" listeners --format csv
is "malformed: exit 0" 0 "$RC"
is "malformed: the good lines" "transport,address,port,pid,process,service,flags
tcp,127.0.0.1,8080,,,http-alt,
tcp,127.0.0.1,8086,,,d-s-n," "$OUT"
is "malformed: one warning naming the first bad line" \
	"portscope: $F/sysroot-malformed/proc/net/tcp:3: warning: 5 malformed lines skipped (first: too few fields (expected at least 10))" "$ERR"

# An overlong line (read across blocks) is malformed; a last line without
# its newline still counts when it is cut after its inode
# (tests/adversarial/test_proc_races.sh cuts one inside it).
mkdir -p "$TMPD/long/proc/net"
{
	head -1 "$L/proc/net/tcp"
	printf '   0: 0100007F:1F90 00000000:0000 0A %070000d\n' 0
	printf '   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7 1 0'
} >"$TMPD/long/proc/net/tcp"
PORTSCOPE_SYSROOT="$TMPD/long" run --registry "$REG" listeners --format csv
is "overlong: the last line" "tcp,127.0.0.1,8081,,,sunproxyadmin," "$(printf '%s\n' "$OUT" | sed 1d)"
is "overlong: named" "portscope: $TMPD/long/proc/net/tcp:2: warning: 1 malformed line skipped (first: line too long)" "$ERR"

# No /proc/net at all: nothing to list, exit 1, no error.
mkdir -p "$TMPD/empty"
PORTSCOPE_SYSROOT="$TMPD/empty" run --registry "$REG" listeners --format json
is "no /proc/net: exit 1" 1 "$RC"
is "no /proc/net: empty array" "[]" "$OUT"
is "no /proc/net: quiet" "" "$ERR"

# Many sockets: 3,000 listening lines held by one process.
mkdir -p "$TMPD/many/proc/net" "$TMPD/many/proc/7/fd"
head -1 "$L/proc/net/tcp" >"$TMPD/many/proc/net/tcp"
echo many >"$TMPD/many/proc/7/comm"
i=0
while [ $i -lt 3000 ]; do
	printf '%4d: 0100007F:%04X 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 %d 1 0 100 0 0 10 0\n' \
		$i $((20000 + i)) $((50000 + i))
	ln -s "socket:[$((50000 + i))]" "$TMPD/many/proc/7/fd/$((3 + i))"
	i=$((i + 1))
done >>"$TMPD/many/proc/net/tcp"
PORTSCOPE_SYSROOT="$TMPD/many" run --registry "$REG" listeners --format csv
is "many: 3000 listeners" 3000 "$(printf '%s\n' "$OUT" | grep -c ',7,many,')"
is "many: first (20000/tcp is dnp in the registry)" "tcp,127.0.0.1,20000,7,many,dnp,other-service" "$(printf '%s\n' "$OUT" | sed -n 2p)"
is "many: last" "tcp,127.0.0.1,22999,7,many,," "$(printf '%s\n' "$OUT" | tail -1)"

run --registry "$REG" listeners extra
is "listeners takes no arguments" 2 "$RC"
run --registry "$REG" listeners --any-range
is "listeners does not take --any-range" "portscope: 'listeners' does not take --any-range" \
	"$(printf '%s\n' "$ERR" | head -1)"
PORTSCOPE_SYSROOT="$L" run --registry "$REG" listeners --format json
is "fixture json parses" ok "$(printf '%s' "$OUT" | python3 -c 'import json, sys; json.load(sys.stdin); print("ok")')"

# Live: a helper listening on 127.0.0.1 and ::1 (TCP and UDP, ephemeral
# ports) is found with its pid and name.
listen_helper -u
helper=$HELPER
run --registry "$REG" listeners --format csv
for kind in tcp4 tcp6 udp4 udp6; do
	port=$(sed -n "s/^$kind //p" "$TMPD/ports")
	case $kind in
	*4) addr=127.0.0.1 ;;
	*) addr=::1 ;;
	esac
	line=$(printf '%s\n' "$OUT" | grep "^${kind%?},$addr,$port," | cut -d, -f1-5)
	is "live: $kind $addr:$port with pid and name" "${kind%?},$addr,$port,$helper,listen_helper" "$line"
done
# As an unprivileged user (when the suite runs as root and setpriv exists):
# the helper's sockets are still listed, their owner shows as unknown. The
# program and the registry are copied where nobody may read them, since
# the tree may sit in a private directory (a mktemp -d clone).
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	pub=$(mktemp -d "${TMPDIR:-/tmp}/portscope-pub.XXXXXX")
	chmod 755 "$pub"
	cp "$PORTSCOPE" "$pub/portscope" && cp "$REG" "$pub/registry.csv" && chmod 644 "$pub/registry.csv"
	port=$(sed -n 's/^tcp4 //p' "$TMPD/ports")
	nobody "$pub/portscope" --registry "$pub/registry.csv" listeners --format csv >"$pub/out" 2>"$pub/err"
	RC=$?
	OUT=$(cat "$pub/out")
	ERR=$(cat "$pub/err")
	rm -rf "$pub"
	is "not root: exit 0" 0 "$RC"
	is "not root: listed, pid and process unknown" "tcp,127.0.0.1,$port,," \
		"$(printf '%s\n' "$OUT" | grep "^tcp,127.0.0.1,$port," | cut -d, -f1-5)"
	like "not root: says why" "could not be read (not root?)" "$ERR"
else
	for i in 1 2 3; do echo "ok # SKIP not root, or no setpriv"; done
	T_N=$((T_N + 3))
fi
kill "$helper"
wait "$helper" 2>/dev/null

finish
