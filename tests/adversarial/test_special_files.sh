#!/bin/sh
# SPDX-License-Identifier: MIT
# test_special_files.sh: every input goes through one opener (src/infile.c)
# that never blocks on a special file and caps what it reads, and a bad
# line in a services-format source is skipped, not fatal. Each case must
# end within 10 s (timeout: exit 124 fails it) with a clear message.
. "$TESTS_DIR/lib.sh"

# trun ARGS...: run with a 10 s bound; sets OUT, ERR, RC.
trun() {
	timeout 10 "$PORTSCOPE" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	RC=$?
	OUT=$(cat "$TMPD/out")
	ERR=$(cat "$TMPD/err")
}
ended() { # DESC: the last trun did not hit the timeout
	is "$1: ended within 10 s" yes "$([ "$RC" -ne 124 ] && echo yes || echo no)"
}

# A FIFO with no writer as the labels file: refused at once, named.
mkdir -p "$TMPD/cfg/portscope"
mkfifo "$TMPD/cfg/portscope/labels"
XDG_CONFIG_HOME="$TMPD/cfg" trun --registry "$REG" suggest 8080
ended "labels FIFO"
is "labels FIFO: exit 2" 2 "$RC"
like "labels FIFO: says what it is" "$TMPD/cfg/portscope/labels: is a FIFO or pipe, not a regular file" "$ERR"

# The same FIFO fed by `yes`: still refused, memory never grows.
rm "$TMPD/cfg/portscope/labels"
mkfifo "$TMPD/cfg/portscope/labels"
(yes >"$TMPD/cfg/portscope/labels" 2>/dev/null &)
XDG_CONFIG_HOME="$TMPD/cfg" /usr/bin/time -f %M -o "$TMPD/rss" timeout 10 "$PORTSCOPE" --registry "$REG" suggest 8080 >/dev/null 2>"$TMPD/err"
RC=$?
ended "labels FIFO fed by yes"
is "labels FIFO fed by yes: exit 2" 2 "$RC"
is "labels FIFO fed by yes: peak RSS under 64 MiB" yes "$([ "$(tail -n 1 "$TMPD/rss")" -lt 65536 ] && echo yes || echo no)"
# let the writer die of SIGPIPE: open the FIFO for reading once
timeout 2 cat "$TMPD/cfg/portscope/labels" >/dev/null 2>&1 || true
rm -f "$TMPD/cfg/portscope/labels"

# A device as the labels file, and a labels file over its cap (sparse).
ln -s /dev/zero "$TMPD/cfg/portscope/labels"
XDG_CONFIG_HOME="$TMPD/cfg" trun --registry "$REG" suggest 8080
ended "labels -> /dev/zero"
like "labels -> /dev/zero: a device" "labels: is a device, not a regular file" "$ERR"
rm "$TMPD/cfg/portscope/labels"
head -c 68157440 /dev/zero | tr '\0' '#' >"$TMPD/cfg/portscope/labels"
XDG_CONFIG_HOME="$TMPD/cfg" trun --registry "$REG" suggest 8080
ended "labels of 65 MiB"
like "labels of 65 MiB: over the cap" "labels: larger than 64 MiB, the most portscope reads from a services file" "$ERR"
rm "$TMPD/cfg/portscope/labels"

# FIFOs where the system's files are: /etc/services, nmap-services and the
# kernel's port range, in a sysroot.
SR="$TMPD/root"
mkdir -p "$SR/etc" "$SR/usr/share/nmap" "$SR/proc/sys/net/ipv4"
mkfifo "$SR/etc/services" "$SR/usr/share/nmap/nmap-services" "$SR/proc/sys/net/ipv4/ip_local_port_range"
PORTSCOPE_SYSROOT=$SR trun --registry "$REG" lookup 8080
ended "FIFO /etc/services and nmap-services: lookup"
PORTSCOPE_SYSROOT=$SR trun --registry "$REG" suggest 8080
ended "FIFO system files: suggest"
is "FIFO system files: suggest exits 2" 2 "$RC"
like "FIFO system files: one of them named" "$SR/" "$ERR"
rm -f "$SR/etc/services" "$SR/usr/share/nmap/nmap-services"
PORTSCOPE_SYSROOT=$SR trun --registry "$REG" suggest 8080
ended "FIFO ip_local_port_range"
like "FIFO ip_local_port_range: named" "ip_local_port_range: is a FIFO or pipe, not a regular file" "$ERR"
rm -rf "$SR"

# /proc/net/tcp and /proc/PID/comm linked to /dev/zero.
sh "$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$TMPD/lroot"
PORTSCOPE_SYSROOT="$TMPD/lroot" trun --registry "$REG" listeners --format json
is "listeners fixture: exit 0" 0 "$RC"
good=$OUT
for pid in 42 100; do
	rm -f "$TMPD/lroot/proc/$pid/comm"
	ln -s /dev/zero "$TMPD/lroot/proc/$pid/comm"
done
PORTSCOPE_SYSROOT="$TMPD/lroot" trun --registry "$REG" listeners --format json
ended "comm -> /dev/zero"
is "comm -> /dev/zero: exit 0" 0 "$RC"
like "comm -> /dev/zero: that process shows no name" '"process":null' "$OUT"
rm -f "$TMPD/lroot/proc/net/tcp"
ln -s /dev/zero "$TMPD/lroot/proc/net/tcp"
PORTSCOPE_SYSROOT="$TMPD/lroot" /usr/bin/time -f %M -o "$TMPD/rss" timeout 10 "$PORTSCOPE" --registry "$REG" listeners >/dev/null 2>"$TMPD/err"
RC=$?
ended "/proc/net/tcp -> /dev/zero"
like "/proc/net/tcp -> /dev/zero: a device, said" "tcp: is a device, not a regular file" "$(cat "$TMPD/err")"
is "/proc/net/tcp -> /dev/zero: peak RSS under 64 MiB" yes "$([ "$(tail -n 1 "$TMPD/rss")" -lt 65536 ] && echo yes || echo no)"

# The registry may be a pipe (documented), never a device or a FIFO
# without a writer that would hang.
mkfifo "$TMPD/reg.fifo"
trun --registry "$TMPD/reg.fifo" stats
ended "registry FIFO with no writer"
is "registry FIFO with no writer: exit 2" 2 "$RC"
is "registry FIFO with no writer: says so" "$TMPD/reg.fifo: a FIFO that no program writes to (waited 5 s)" "$ERR"
(sleep 1; cat "$REG" >"$TMPD/reg.fifo") &
trun --registry "$TMPD/reg.fifo" stats --format json
like "registry FIFO whose writer comes a second later: read whole" '"records":14474' "$OUT"
trun --registry /dev/zero stats
is "registry /dev/zero: refused" "/dev/zero: is a device, not a regular file" "$ERR"
run --registry /dev/stdin stats --format csv <"$REG"
is "registry /dev/stdin from a file: works" 0 "$RC"
out=$(cat "$REG" | "$PORTSCOPE" --registry /dev/stdin stats --format json)
like "registry /dev/stdin from a pipe: works" '"records":14474' "$out"

# One bad line in a services-format source is skipped with one warning.
SR="$TMPD/root2"
mkdir -p "$SR/etc" "$SR/usr/share/wireshark"
printf 'http 80/tcp www\nx 99999/tcp\nnoport\nb 0x50/tcp\nsecure-shell 22/tcp\n' >"$SR/etc/services"
cp "$SR/etc/services" "$SR/usr/share/wireshark/services"
PORTSCOPE_SYSROOT=$SR trun --registry "$REG" lookup 22
is "bad /etc/services lines: lookup exit 0" 0 "$RC"
like "bad /etc/services lines: the source is kept" "/etc/services   secure-shell/tcp" "$OUT"
like "bad /etc/services lines: one warning" "$SR/etc/services:2: warning: bad port '99999'" "$ERR"
PORTSCOPE_SYSROOT=$SR HOME="$TMPD/nohome" XDG_DATA_HOME= trun stats --format json
is "Wireshark fallback with bad lines: loads (exit 0)" 0 "$RC"
like "Wireshark fallback with bad lines: the good ones" '"records":2,' "$OUT"
is "Wireshark fallback with bad lines: one warning, file:line and count" \
	"$SR/usr/share/wireshark/services:2: warning: bad port '99999': port out of range 0-65535 (first of 3 malformed lines skipped)" "$ERR"
finish
