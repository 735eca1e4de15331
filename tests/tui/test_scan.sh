#!/bin/sh
# SPDX-License-Identifier: MIT
# test_scan.sh: scanning from the TUI (S). The targets come from --scan or
# the config file's scan line; the first scan of a session asks once,
# naming them; nmap runs in the background, its progress in the status
# line, Esc stops it (reaped, nothing left); the results are the "scan:
# open" overlay, a line in the detail pane and the suggestions page's net
# column. A stand-in nmap ($PORTSCOPE_NMAP) prints hand-made reports; with
# nmap installed, real scans of 127.0.0.1 only.
. "$TESTS_DIR/tui/tui_lib.sh"
N="$FIXTURES/nmap"

# The stand-in: its pid and arguments in $FAKE_DIR (each run's on a line
# of runs), then $FAKE_XML ($FAKE_XML6 for -6), or a sleep of $FAKE_SLEEP
# seconds in its place (exec: the same pid).
cat >"$TMPD/fake-nmap" <<'EOS'
#!/bin/sh
echo $$ >"$FAKE_DIR/pid"
printf '%s\n' "$@" >"$FAKE_DIR/args"
echo "$*" >>"$FAKE_DIR/runs"
[ -n "${FAKE_ERR:-}" ] && printf '%s\n' "$FAKE_ERR" >&2
[ -n "${FAKE_SLEEP:-}" ] && exec sleep "$FAKE_SLEEP"
case " $* " in
*" -6 "*) cat "${FAKE_XML6:-$FAKE_XML}" ;;
*) cat "$FAKE_XML" ;;
esac
exit "${FAKE_RC:-0}"
EOS
chmod +x "$TMPD/fake-nmap"
export FAKE_DIR="$TMPD" FAKE_XML="$N/open.xml"
args() { tr '\n' ' ' <"$TMPD/args"; }

# stui SIZE ARGS... -- LINE...: the TUI headless with tui ARGS (the
# command $STUI_CMD instead of tui), keys LINEs.
stui_bg() {
	_size=$1
	shift
	_args=
	while [ "$1" != -- ]; do
		_args="$_args $1"
		shift
	done
	shift
	printf '%s\n' "$@" >"$TMPD/keys"
	# shellcheck disable=SC2086
	PATH=${TUI_PATH:-$PATH} PORTSCOPE_TEST_SIZE=$_size PORTSCOPE_TEST_SCRIPT="$TMPD/keys" \
		TERM=xterm-256color "$PORTSCOPE" --registry "$REG" "${STUI_CMD:-tui}" $_args >"$TMPD/out" 2>"$TMPD/err" &
	TUI_PID=$!
}
stui() {
	stui_bg "$@"
	tui_wait
}
status() { screen "$1" | tail -n 1; }
# The net column's mark of PORT's row on the suggestions page in dump N.
netcol() { screen "$1" | awk -v p="$2" '$1 == p || ($1 == ">" && $2 == p) { print $NF; exit }'; }
# The detail pane's scan line in dump N.
scanline() { screen "$1" | grep '^scan [0-9][0-9]:[0-9][0-9]:[0-9][0-9]' | sed 's/^scan [0-9:]*:/scan HH:MM:SS:/'; }

# No targets: S says how to give them.
stui 200x24 8080 -- S '@dump'
is "no targets: exit 0" 0 "$RC"
like "no targets: S says how to give them" \
	"no scan targets: start with 'portscope tui --scan TARGET...', or put a line 'scan TARGET...' in $TMPD/home/.config/portscope/config" \
	"$(status 1)"

# Without nmap on PATH: the install line, as the CLI says it.
mkdir -p "$TMPD/empty"
TUI_PATH="$TMPD/empty" stui 200x24 8080 --scan 127.0.0.1 -- S '@dump'
is "no nmap: exit 0" 0 "$RC"
like "no nmap: the install line" \
	"nmap not found: scanning needs nmap; install it with: sudo apt-get install nmap" "$(status 1)"

# Bad targets and config files: said before the screen starts, exit 2.
stui 100x30 --scan 'a;b' -- '@dump'
is "--scan 'a;b': exit 2" 2 "$RC"
is "--scan 'a;b': said as the CLI says it" \
	"portscope: bad target 'a;b': letters, digits and . : / - , [ ] only, not starting with '-'
Try 'portscope --help' for more information." "$ERR"
is "--scan 'a;b': no screen" "" "$OUT"
stui 100x30 --scan -- '@dump'
is "--scan without a target: exit 2" 2 "$RC"
is "--scan without a target: said" "portscope: 'tui --scan' takes one TARGET or more
Try 'portscope --help' for more information." "$ERR"
CONF="$TMPD/home/.config/portscope/config"
mkdir -p "${CONF%/*}"
printf '# mine\nscan 127.0.0.1\nports 80\n' >"$CONF"
stui 100x30 -- '@dump'
is "config: an unknown key: exit 2" 2 "$RC"
is "config: an unknown key: file:line" "$CONF:3: unknown key 'ports' (the keys: scan)" "$ERR"
printf '\nscan\n' >"$CONF"
stui 100x30 -- '@dump'
is "config: scan without targets: exit 2" 2 "$RC"
is "config: scan without targets: file:line" "$CONF:2: 'scan' takes one TARGET or more" "$ERR"
printf 'scan 127.0.0.1 $(id)\n' >"$CONF"
stui 100x30 --scan 127.0.0.1 -- '@dump'
is "config: a bad target (even with --scan): exit 2" 2 "$RC"
like "config: a bad target: file:line" "$CONF:1: bad target '\$(id)'" "$ERR"

rm -f "$CONF"
mkfifo "$CONF"
start=$(date +%s)
stui 100x30 -- '@dump'
end=$(date +%s)
is "config: a FIFO is refused at once, exit 2" "2 yes" "$RC $([ $((end - start)) -lt 3 ] && echo yes)"
like "config: a FIFO: said" "$CONF: " "$ERR"
rm -f "$CONF"

# The config file's targets; the question once, naming them; the report.
printf '# the lab\nscan 127.0.0.1\n' >"$CONF"
export PORTSCOPE_NMAP="$TMPD/fake-nmap"
stui 100x30 22 -- S '@dump asked' y '@scanned' '@dump done' ':8089<Enter>' S '@scanned' '@dump 8089' \
	':9<Enter>' '@dump 9'
is "config targets: exit 0" 0 "$RC"
like "the question names the config file's targets" \
	"Scan 127.0.0.1 with nmap (y/n)? Scanning a network you do not run can be" "$(status 1)"
like "22 scanned: the status line" "scan done: port 22 open on 127.0.0.1 (ssh)" "$(status 2)"
is "22 scanned: the detail line" "scan HH:MM:SS: open on 127.0.0.1 (ssh)" "$(scanline 2)"
like "22 scanned: the legend names the overlay" "◎scan: open" "$(screen 2)"
is "the map marks 22 open" "1" "$(screen 2 | grep -c '^    0 .*◎')"
is "8089: no second question; nmap asked for 8089" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 8089 -- 127.0.0.1 " "$(args)"
is "8089: closed" "scan HH:MM:SS: closed on 127.0.0.1" "$(scanline 3)"
is "a port no scan covered: no scan line" "" "$(scanline 4)"
like "the overlay stays after the closed scan" "◎scan: open" "$(screen 4)"

# Six hosts on 8080 (one through <extraports>, one also on UDP): the
# detail line names the first four TCP entries in the report's order and
# counts the rest; the map marks 8080 open (hosts 4 and 6 are).
FAKE_XML="$N/many-hosts.xml" stui 200x30 8080 --scan 127.0.0.1 -- S y '@scanned' '@dump' \
	'<Right>' '@dump'
is "six hosts: exit 0" 0 "$RC"
is "six hosts: the detail line" \
	"scan HH:MM:SS: closed on 127.0.0.1, closed on 127.0.0.2, filtered on 127.0.0.3, open on 127.0.0.4 (http-proxy), and on 2 more hosts" \
	"$(scanline 1)"
is "six hosts: the map marks 8080 open" "1" "$(screen 2 | grep -c '^ 7920 .*◎')"
is "six hosts: 8081, not covered, has no scan line" "" "$(scanline 2)"

# nmap failing, or a report that does not parse: said, nothing marked.
FAKE_ERR='Failed to open device eth9' FAKE_RC=1 stui 160x30 22 -- S y '@scanned' '@dump'
like "nmap fails: its first line and status" \
	"$TMPD/fake-nmap failed (exit status 1): Failed to open device eth9" "$(status 1)"
is "nmap fails: no scan line" "" "$(scanline 1)"
unlike "nmap fails: no overlay" "scan: open" "$(screen 1)"
FAKE_XML="$N/malformed.xml" stui 100x30 22 -- S y '@scanned' '@dump'
like "a malformed report: where and why" "nmap XML:6: mismatched tag" "$(status 1)"
FAKE_XML="$N/bomb.xml" stui 100x30 22 -- S y '@scanned' '@dump'
like "an entity bomb: refused" "refused" "$(status 1)"

# IPv4 and IPv6 targets: two runs, IPv4 first, one report.
rm -f "$TMPD/runs"
FAKE_XML6="$N/ipv6.xml" stui 100x30 8089 --scan ::1 127.0.0.1 -- S '@dump ask' y '@scanned' '@dump'
is "both families: IPv4, then IPv6 with -6" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 8089 -- 127.0.0.1
-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -6 -p 8089 -- ::1" "$(cat "$TMPD/runs")"
like "both families: the question names the targets as given" "Scan ::1, 127.0.0.1 with nmap (y/n)?" \
	"$(status 1)"
is "both families: one report" "scan HH:MM:SS: closed on 127.0.0.1, closed on ::1" "$(scanline 2)"
FAKE_XML6="$N/ipv6.xml" stui 100x30 631 --scan ::1 -- S y '@scanned' '@dump'
is "IPv6 only: one run with -6" "-sT -6 -p 631 -- ::1" "$(args | sed 's/.*30s //; s/ $//')"
is "IPv6 only: ipp open on ::1" "scan HH:MM:SS: open on ::1 (ipp)" "$(scanline 1)"
rm -f "$TMPD/runs"
FAKE_RC=1 FAKE_ERR=oops stui 100x30 8089 --scan ::1 127.0.0.1 -- S y '@scanned' '@dump'
is "both families: a failing IPv4 run stops there" 1 "$(wc -l <"$TMPD/runs" | tr -d ' ')"
like "both families: its failure said" "failed (exit status 1): oops" "$(status 1)"
# nmap gone between the runs: the IPv4 report stays, and the status line
# says the IPv6 targets were not scanned, and why.
printf '#!/bin/sh\n"%s" "$@"\nrc=$?\nrm -f "$0"\nexit $rc\n' "$TMPD/fake-nmap" >"$TMPD/once-nmap"
chmod +x "$TMPD/once-nmap"
rm -f "$TMPD/runs"
PORTSCOPE_NMAP="$TMPD/once-nmap" FAKE_XML6="$N/ipv6.xml" \
	stui 200x30 8089 --scan ::1 127.0.0.1 -- S y '@scanned' '@dump'
is "both families, nmap gone for IPv6: one run" 1 "$(wc -l <"$TMPD/runs" | tr -d ' ')"
is "both families, nmap gone for IPv6: the IPv4 report kept" "scan HH:MM:SS: closed on 127.0.0.1" \
	"$(scanline 1)"
like "both families, nmap gone for IPv6: said, with why" \
	"the IPv6 targets were not scanned: $TMPD/once-nmap not found" "$(status 1)"

# n: no scan, and nmap not run.
rm -f "$TMPD/args"
stui 100x30 22 -- S n '@dump'
like "n: not scanned" "not scanned" "$(status 1)"
is "n: nmap not run" no "$([ -e "$TMPD/args" ] && echo yes || echo no)"

# --scan wins over the config file; UDP with t.
stui 100x30 53 --scan 127.0.0.2 -- tt S y '@scanned' '@dump'
like "--scan's target asked, udp for t" "-sU -p 53 -- 127.0.0.2" "$(args)"

# pick scans as tui does; Esc stops the scan, not the picking.
FAKE_SLEEP=60 STUI_CMD=pick stui 100x30 22 --scan 127.0.0.1 -- S y "@wait $TMPD/pid" '<Esc>' \
	'@dump' '<Enter>'
is "pick --scan: Esc stops the scan, Enter then picks 22" "0 22" "$RC $(printf '%s\n' "$OUT" | tail -n 1)"
like "pick --scan: cancelled" "scan cancelled after 0 seconds" "$(row 1 29)"
rm -f "$TMPD/pid"
STUI_CMD=pick stui 100x30 22 --scan 127.0.0.1 -- S y '@scanned' '@dump' '<Enter>'
is "pick --scan: the report, then 22 picked" "scan HH:MM:SS: open on 127.0.0.1 (ssh) 22" \
	"$(scanline 1) $(printf '%s\n' "$OUT" | tail -n 1)"

# Esc cancels: a stand-in that sleeps; the progress counts the seconds of
# the TUI's clock (@sleep); after Esc its process is gone, not a zombie,
# and no file is left behind.
mkdir -p "$TMPD/tmp"
rm -f "$TMPD/pid"
FAKE_SLEEP=60 TMPDIR="$TMPD/tmp" stui_bg 100x30 8080 -- S y '@wait '"$TMPD/pid" '@sleep 3000' \
	'@dump scanning' '<Esc>' '@dump cancelled' "@wait $TMPD/checked" '@dump end'
wait_dump cancelled
FAKE=$(cat "$TMPD/pid")
is "Esc: nmap's process is gone (reaped, no zombie)" "" "$(ps -o stat= -p "$FAKE")"
touch "$TMPD/checked"
tui_wait
is "Esc: exit 0" 0 "$RC"
like "the progress: targets, port, seconds, Esc" "scanning 127.0.0.1 port 8080… 3 s, Esc cancels" "$(status 1)"
like "Esc: cancelled" "scan cancelled after 3 seconds" "$(status 2)"
is "Esc: no scan line" "" "$(scanline 2)"
is "Esc: no file left in TMPDIR" "" "$(ls -A "$TMPD/tmp")"

# Quitting during a scan stops it too.
rm -f "$TMPD/pid"
FAKE_SLEEP=60 stui 100x30 8080 -- S y "@wait $TMPD/pid" q
FAKE=$(cat "$TMPD/pid")
is "q during a scan: exit 0" 0 "$RC"
is "q during a scan: nmap's process is gone" "" "$(ps -o stat= -p "$FAKE")"

# The suggestions page: S scans the asked port and every listed one; the
# net column (w) fails the one found open.
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE nmaprun>\n<nmaprun version="7.93">\n'
	printf '<host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/><ports>'
	printf '<port protocol="tcp" portid="8075"><state state="open"/><service name="x"/></port>'
	printf '<port protocol="tcp" portid="8089"><state state="closed"/></port>'
	printf '</ports></host><runstats><finished exit="success"/></runstats></nmaprun>\n'
} >"$TMPD/page.xml"
FAKE_XML="$TMPD/page.xml" PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" \
	XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	stui 100x30 8080 --scan 127.0.0.1 -- s '@dump before' S y '@scanned' '@dump after' '<End>' '@dump legend'
is "page: exit 0" 0 "$RC"
is "page: one run over the asked port and the 20 listed" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 8062-8065,8068-8069,8075,8080,8089,8092-8096,8098-8099,8103-8107 -- 127.0.0.1 " \
	"$(args)"
is "page: the net column, by its name" "net" "$(screen 1 | grep -m1 '^  PORT' | awk '{ print $NF }')"
is "page: before, the net column is n/a" "·" "$(netcol 1 8075)"
is "page: 8075 open fails the net check" "✗" "$(netcol 2 8075)"
is "page: 8089 scanned closed passes" "✓" "$(netcol 2 8089)"
is "page: 8107 scanned, not listed by nmap, passes" "✓" "$(netcol 2 8107)"
is "page: the asked port scanned too, not open" "✓" "$(netcol 2 8080)"
like "page: the legend names the scan" "net        no scanned host answers open on it (nmap) [nmap scan of 127.0.0.1 at" \
	"$(screen 3)"
like "page: the status line counts" "1 of 21 ports open on some target (marked)" "$(status 2)"
unset PORTSCOPE_NMAP

# Real nmap, loopback only: a listener is open, a port just closed closed.
if ! command -v nmap >/dev/null; then
	echo "# nmap not installed: the live scans are skipped"
	finish
	exit $?
fi
live_scan_ports
stui 100x30 "$P" --scan 127.0.0.1 -- S y '@scanned' '@dump open' ":$C<Enter>" S '@scanned' '@dump closed'
is "live: exit 0" 0 "$RC"
like "live: the listener on 127.0.0.1 is open" "scan HH:MM:SS: open on 127.0.0.1" "$(scanline 1)"
# (nmap may add its guess for the port from nmap-services, e.g. "(unknown)")
like "live: the port just closed is closed" "scan HH:MM:SS: closed on 127.0.0.1" "$(scanline 2)"
kill "$HELPER"
wait "$HELPER" 2>/dev/null
finish
