#!/bin/sh
# SPDX-License-Identifier: MIT
# test_proc_races.sh: `portscope listeners` on a fake /proc frozen in the
# states a live one passes through while it is read: a socket closed before
# the fd walk (no fd anywhere), a process gone before its turn (pid listed,
# no fd directory), an fd directory we may not open, fds that dangle or were
# reused for other files or for a socket not in the tables, a comm that is
# gone, unreadable, empty or hostile, a socket listed twice (the kernel's
# /proc/net reads repeat one when another closes), a table cut short inside
# the inode of its last line or inside an address, and an empty table.
# Each race in a live /proc leaves one of these states behind, and the
# reader takes the same branch for it (opendir or readlink failing, a comm
# read failing), so a frozen tree replays them deterministically; the live
# churn is tests/adversarial/test_listeners_churn.py.
# Expected services were read from the registry with Python's csv module.
. "$TESTS_DIR/lib.sh"
P="$TMPD/root/proc"
mkdir -p "$P/net"
HEAD='  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
MID=' 00000000:00000000 00:00000000 00000000     0        0'
TAIL='1 0000000000000000 100 0 0 10 0'
{
	echo "$HEAD"
	# 127.0.0.1:7001 twice (the same inode), 0.0.0.0:7002, 127.0.0.1:7003-7008
	printf '   0: 0100007F:1B59 00000000:0000 0A%s 3001 %s\n' "$MID" "$TAIL"
	printf '   1: 0100007F:1B59 00000000:0000 0A%s 3001 %s\n' "$MID" "$TAIL"
	printf '   2: 00000000:1B5A 00000000:0000 0A%s 3002 %s\n' "$MID" "$TAIL"
	for i in 3 4 5 6 7 8; do
		printf '   %d: 0100007F:%04X 00000000:0000 0A%s %d %s\n' $i $((7000 + i)) "$MID" $((3000 + i)) "$TAIL"
	done
} >"$P/net/tcp"
: >"$P/net/tcp6" # emptied
{
	echo "$HEAD"
	printf '   0: 0100007F:1B62 00000000:0000 07%s 3010 2 0000000000000000 0\n' "$MID"
	# 127.0.0.1:7011, inode 3011 cut to "30": pid 590 holds a socket 30
	printf '   1: 0100007F:1B63 00000000:0000 07%s 30' "$MID"
} >"$P/net/udp"
{
	echo "$HEAD"
	printf '   0: 00000000000000000000000001'
} >"$P/net/udp6"

fd() { # PID FD TARGET: /proc/PID/fd/FD -> TARGET
	mkdir -p "$P/$1/fd"
	ln -s "$3" "$P/$1/fd/$2"
}
fd 500 3 'socket:[3001]' # 7001, listed twice
echo normal >"$P/500/comm"
mkdir -p "$P/510" # exited before its turn: comm left, fd gone (7003: -)
echo gone >"$P/510/comm"
mkdir -p "$P/520" # an fd directory we may not open (7004: -)
echo locked >"$P/520/comm"
echo 'not a directory' >"$P/520/fd"
# 7005 held by 530 among fds that must not match; its comm is gone
fd 530 0 /nonexistent/file
fd 530 1 'anon_inode:[eventfd]'
fd 530 2 'socket:[9999]'
fd 530 3 'socket:[3005x]'
fd 530 4 'socket:[]'
fd 530 5 'socket:[99999999999999999999]'
fd 530 6 "socket:[$(printf '%0100d' 3005)]"
echo 'not a link' >"$P/530/fd/7"
fd 530 8 'socket:[3005'
fd 530 9 'socket:[3005]'
fd 540 3 'socket:[3006]' # 7006: comm unreadable
mkdir "$P/540/comm"
fd 550 3 'socket:[3007]' # 7007: comm of CSI, CR, OSC 52, BEL, LF, bad UTF-8, C1, DEL
printf 'a\033[2Jb\r\033]52;c;eA==\007c\nd\377e\302\233f\177g\n' >"$P/550/comm"
fd 560 3 'socket:[3999]' # its fd 3 was 7008's socket, now another one (7008: -)
echo reuse >"$P/560/comm"
fd 580 3 'socket:[3010]' # 7010/udp: an empty comm
: >"$P/580/comm"
fd 590 3 'socket:[30]'
echo unix >"$P/590/comm"
ln -s 500 "$P/self" # not a pid
export PORTSCOPE_SYSROOT="$TMPD/root"
WARN="portscope: $P/net/udp:3: warning: 2 malformed lines skipped (first: line cut short (no newline at the end))
portscope: warning: the sockets of 1 process could not be read (not root?): their pid and process show as -"

run --registry "$REG" listeners
is "text: exit 0" 0 "$RC"
is "text: each race leaves a known row, 7001 once, 7011 dropped, no raw control byte" \
	"PROTO ADDRESS    PORT     PID PROCESS         SERVICE         FLAGS
tcp   127.0.0.1  7001     500 normal          afs3-callback   other-service
tcp   0.0.0.0    7002       - -               afs3-prserver
tcp   127.0.0.1  7003       - -               afs3-vlserver
tcp   127.0.0.1  7004       - -               afs3-kaserver
tcp   127.0.0.1  7005     530 -               afs3-volser
tcp   127.0.0.1  7006     540 -               afs3-errors
tcp   127.0.0.1  7007     550 a\\e[2Jb\\r\\e]52;c;eA==\\x07c\\nd\\xffe\\u009bf\\x7fg afs3-bos        other-service
tcp   127.0.0.1  7008       - -               afs3-update
udp   127.0.0.1  7010     580 -               ups-onlinet" "$OUT"
is "text: the cut lines and the closed fd directory are reported" "$WARN" "$ERR"

run --registry "$REG" listeners --format json
is "json: exit 0" 0 "$RC"
is "json: unknown pid and process are null, an empty comm is \"\", ill-formed UTF-8 is U+FFFD" '[
{"transport":"tcp","address":"127.0.0.1","port":7001,"pid":500,"process":"normal","service":"afs3-callback","flags":["other-service"]},
{"transport":"tcp","address":"0.0.0.0","port":7002,"pid":null,"process":null,"service":"afs3-prserver","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":7003,"pid":null,"process":null,"service":"afs3-vlserver","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":7004,"pid":null,"process":null,"service":"afs3-kaserver","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":7005,"pid":530,"process":null,"service":"afs3-volser","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":7006,"pid":540,"process":null,"service":"afs3-errors","flags":[]},
{"transport":"tcp","address":"127.0.0.1","port":7007,"pid":550,"process":"a\u001b[2Jb\r\u001b]52;c;eA==\u0007c\nd'"$(printf '\357\277\275')"'e\u009bf\u007fg","service":"afs3-bos","flags":["other-service"]},
{"transport":"tcp","address":"127.0.0.1","port":7008,"pid":null,"process":null,"service":"afs3-update","flags":[]},
{"transport":"udp","address":"127.0.0.1","port":7010,"pid":580,"process":"","service":"ups-onlinet","flags":[]}
]' "$OUT"
is "json: parses, the hostile comm decodes to what the file held (bad byte replaced)" \
	"'a\\x1b[2Jb\\r\\x1b]52;c;eA==\\x07c\\nd\\ufffde\\x9bf\\x7fg'" \
	"$(printf '%s' "$OUT" | python3 -c 'import json, sys; print(ascii(json.load(sys.stdin)[6]["process"]))')"

run --registry "$REG" listeners --format csv
is "csv: exit 0" 0 "$RC"
is "csv: the same rows (a quoted field may hold the comm's line feed)" \
	"transport,address,port,pid,process,service,flags
tcp,127.0.0.1,7001,500,normal,afs3-callback,other-service
tcp,0.0.0.0,7002,,,afs3-prserver,
tcp,127.0.0.1,7003,,,afs3-vlserver,
tcp,127.0.0.1,7004,,,afs3-kaserver,
tcp,127.0.0.1,7005,530,,afs3-volser,
tcp,127.0.0.1,7006,540,,afs3-errors,
tcp,127.0.0.1,7007,550,\"a\\e[2Jb\\r\\e]52;c;eA==\\x07c
d\\xffe\\u009bf\\x7fg\",afs3-bos,other-service
tcp,127.0.0.1,7008,,,afs3-update,
udp,127.0.0.1,7010,580,,ups-onlinet," "$OUT"
is "csv: no raw control byte but the quoted line feed" 0 \
	"$(printf '%s' "$OUT" | tr -d '\n' | LC_ALL=C grep -c '[[:cntrl:]]')"

# suggest consults the same listeners: 7001/tcp is listened on, 7011/udp
# (its line cut) is not.
listen_check() { # the result and value of the listen check in suggest's JSON
	printf '%s' "$OUT" | python3 -c 'import json, sys
c = json.load(sys.stdin)["requested"]["checks"]["listen"]
print(c["result"], c["value"])'
}
run --registry "$REG" suggest 7001 --count 1 --format json
is "suggest 7001: exit 0" 0 "$RC"
is "suggest 7001: listen fails (tcp)" "fail tcp" "$(listen_check)"
run --registry "$REG" suggest 7011 --count 1 --format json
is "suggest 7011: listen passes" "pass -" "$(listen_check)"

# Memcheck over the same scan (the repeats freed, nothing lost); in the
# sanitizer build ASan has checked every run above.
if [ -z "${SAN_CFLAGS:-}" ] && command -v valgrind >/dev/null; then
	for format in text json; do
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
			--log-file="$TMPD/vg.log" "$PORTSCOPE" --registry "$FIXTURES/crlf.csv" \
			listeners --format $format >/dev/null 2>&1
		is "valgrind, $format: exit 0, no error or leak" "0 " "$? $(cat "$TMPD/vg.log")"
	done
fi

# The same cut, the line ending in the middle of its trailing fields: the
# inode is whole, the line is kept.
printf '%s\n   0: 0100007F:1B63 00000000:0000 07%s 3011 2 00000' "$HEAD" "$MID" >"$P/net/udp"
fd 600 3 'socket:[3011]'
echo whole >"$P/600/comm"
rm -f "$P/net/udp6" "$P/520/fd"
run --registry "$REG" listeners --format csv
is "cut after the inode: 7011 kept with its owner" "udp,127.0.0.1,7011,600,whole,talon-disc,other-service" \
	"$(printf '%s\n' "$OUT" | grep ',7011,')"
is "cut after the inode: quiet" "" "$ERR"

finish
