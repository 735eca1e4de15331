#!/bin/sh
# SPDX-License-Identifier: MIT
# test_scan.sh: `portscope scan` and `suggest --scan`. Hand-made nmap
# reports (tests/fixtures/nmap/) reach the command through the test hook
# $PORTSCOPE_NMAP, which names the program run instead of nmap: here a
# script that records its arguments and prints a fixture. With nmap
# installed, real scans of loopback only (127.0.0.1, ::1): a listener of
# tests/listen_helper is open, a port just closed is closed.
. "$TESTS_DIR/lib.sh"
N="$FIXTURES/nmap"

# A stand-in nmap: its arguments one a line in $TMPD/args (and each run's
# on one line of $TMPD/runs), $FAKE_XML on standard output ($FAKE_XML6
# for a run with -6), $FAKE_ERR on standard error, exit $FAKE_RC.
cat >"$TMPD/fake-nmap" <<'EOS'
#!/bin/sh
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
export FAKE_DIR="$TMPD"
# fake XML ARGS...: portscope with the stand-in printing fixture XML
fake() {
	_xml=$1
	shift
	PORTSCOPE_NMAP="$TMPD/fake-nmap" FAKE_XML="$_xml" run --registry "$REG" "$@"
}
args() { tr '\n' ' ' <"$TMPD/args"; }

fake "$N/open.xml" scan 127.0.0.1 --ports 22,8089
is "open: exit 0" 0 "$RC"
is "open: text, the registry's names beside nmap's guesses" \
"HOST       ADDRESS    PORT      STATE   NMAP  REGISTRY
localhost  127.0.0.1  22/tcp    open    ssh   ssh
localhost  127.0.0.1  8089/tcp  closed  -     -" "$OUT"
is "open: nmap's arguments, targets after --" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 22,8089 -- 127.0.0.1 " "$(args)"
fake "$N/open.xml" --format json scan 127.0.0.1 --ports 22,8089
is "open: JSON" '[
{"host":"localhost","address":"127.0.0.1","transport":"tcp","port":22,"state":"open","nmap_service":"ssh","registry_name":"ssh"},
{"host":"localhost","address":"127.0.0.1","transport":"tcp","port":8089,"state":"closed","nmap_service":"","registry_name":null}
]' "$OUT"
fake "$N/open.xml" --format csv scan 127.0.0.1
is "open: CSV" "host,address,transport,port,state,nmap_service,registry_name
localhost,127.0.0.1,tcp,22,open,ssh,ssh
localhost,127.0.0.1,tcp,8089,closed,," "$OUT"
is "no --ports: nmap's default ports (no -p)" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -- 127.0.0.1 " "$(args)"

fake "$N/open.xml" scan 127.0.0.1 --ports 8000-8002,system,50000 --proto udp
is "--ports RANGEs and --proto udp as nmap's -p and -sU" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sU -p 8000-8002,0-1023,50000 -- 127.0.0.1 " "$(args)"

fake "$N/down.xml" scan 127.0.0.1 --ports 8089
is "host down: exit 1" 1 "$RC"
is "host down: said in the state column" "HOST  ADDRESS    PORT  STATE  NMAP  REGISTRY
-     127.0.0.1  -     down   -     -" "$OUT"
fake "$N/down.xml" --format json scan 127.0.0.1
is "host down: JSON has no port" "[]" "$OUT"

fake "$N/filtered.xml" scan 127.0.0.1 127.0.0.2
is "filtered: nothing answered open, exit 1" 1 "$RC"
is "filtered: filtered, open|filtered, a host timed out" \
"HOST        ADDRESS    PORT      STATE          NMAP     REGISTRY
fw.example  127.0.0.1  8089/tcp  filtered       unknown  -
fw.example  127.0.0.1  53/udp    open|filtered  domain   domain
-           127.0.0.2  -         timed out      -        -" "$OUT"

fake "$N/ipv6.xml" scan ::1 --ports 631,8089
is "IPv6: exit 0" 0 "$RC"
like "IPv6: ::1 with ipp open" "ip6-localhost  ::1      631/tcp   open    ipp   ipp" "$OUT"
like "IPv6: nmap asked with -6" "-sT -6 -p 631,8089 -- ::1" "$(args)"
: >"$TMPD/runs"
FAKE_XML6="$N/ipv6.xml" fake "$N/open.xml" scan ::1 127.0.0.1 fe80::1 --ports 22,631
is "IPv4 and IPv6: exit 0" 0 "$RC"
is "IPv4 and IPv6: two nmap runs, IPv4 first, each family's targets in order" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 22,631 -- 127.0.0.1
-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -6 -p 22,631 -- ::1 fe80::1" "$(cat "$TMPD/runs")"
is "IPv4 and IPv6: one table, the IPv4 run's hosts first" \
	"localhost 127.0.0.1 ip6-localhost ::1" \
	"$(printf '%s\n' "$OUT" | sed 1d | awk '{ print $1, $2 }' | uniq | tr '\n' ' ' | sed 's/ $//')"
: >"$TMPD/runs"
FAKE_XML6="$N/ipv6.xml" FAKE_RC=3 fake "$N/open.xml" scan 127.0.0.1 ::1
is "IPv4 and IPv6: the first run failing stops there (exit 2)" "2 1" "$RC $(wc -l <"$TMPD/runs" | tr -d ' ')"
: >"$TMPD/runs"
FAKE_SLEEP=10 fake "$N/open.xml" scan 127.0.0.1 ::1 --timeout 1
is "IPv4 and IPv6: one time limit for both: the IPv4 run used it up, no second run" \
	"2 1" "$RC $(wc -l <"$TMPD/runs" | tr -d ' ')"
like "IPv4 and IPv6: the IPv6 targets named as not scanned" \
	"the IPv6 targets were not scanned: no time was left" "$ERR"

# Ports nmap only counted ("Not shown: 100 closed"), named by its
# <extrareasons ports>: one text row per run, one JSON entry per port.
fake "$N/extraports.xml" scan 127.0.0.1 127.0.0.2 --ports 8000-8100
is "extraports: exit 0 (8080 open)" 0 "$RC"
is "extraports: text rows for the counted runs, in port order" \
"HOST  ADDRESS    PORT           STATE          NMAP        REGISTRY
-     127.0.0.1  8000-8079/tcp  closed         -           -
-     127.0.0.1  8080/tcp       open           http-proxy  http-alt
-     127.0.0.1  8081-8100/tcp  closed         -           -
-     127.0.0.2  53/udp         open|filtered  -           domain
-     127.0.0.2  8000-8001/udp  open|filtered  -           -" "$OUT"
fake "$N/extraports.xml" --format json scan 127.0.0.1 127.0.0.2 --ports 8000-8100
is "extraports: JSON has every port, 101 + 3, the registry's names too" \
	"104 100 closed 8081 sunproxyadmin" "$(printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)
c = [e for e in d if e["address"] == "127.0.0.1" and e["state"] == "closed"]
print(len(d), len(c), c[80]["state"], c[80]["port"], c[80]["registry_name"])')"
fake "$N/extraports-bad.xml" scan 127.0.0.1
is "extraports: a broken ports list: exit 2" 2 "$RC"
like "extraports: a broken ports list: where and why" "nmap XML:10: a bad ports list in <extrareasons>" "$ERR"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	fake "$N/extraports.xml" suggest 8080 --count 2 --scan 127.0.0.1 --format csv
is "extraports: suggest's net check says closed for the counted ports" \
	"start,end,offset,port,iana,services,labels,nmap,browser,listen,ephemeral,range,net
8075,8075,-5,8075,unassigned,-,-,0.000050,ok,-,outside,user,closed
8089,8089,9,8089,unassigned,-,-,-,ok,-,outside,user,closed" "$OUT"

# 1,000 hosts, generated.
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE nmaprun>\n<nmaprun version="7.93">\n'
	i=0
	while [ $i -lt 1000 ]; do
		printf '<host><status state="up"/><address addr="127.0.%d.%d" addrtype="ipv4"/><ports><port protocol="tcp" portid="8089"><state state="%s"/></port></ports></host>\n' \
			$((i / 250)) $((i % 250 + 1)) "$([ $i = 500 ] && echo open || echo closed)"
		i=$((i + 1))
	done
	printf '<runstats><finished exit="success"/></runstats></nmaprun>\n'
} >"$TMPD/thousand.xml"
fake "$TMPD/thousand.xml" --format json scan 127.0.0.0/22 --ports 8089
is "1,000 hosts: exit 0 (one open)" 0 "$RC"
is "1,000 hosts: JSON parses, 1000 entries, one open" "1000 1 127.0.2.1" \
	"$(printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)
o = [e for e in d if e["state"] == "open"]
print(len(d), len(o), o[0]["address"])')"

# Broken and hostile reports: exit 2, the reason named, nothing fetched.
fake "$N/malformed.xml" scan 127.0.0.1
is "malformed: exit 2" 2 "$RC"
like "malformed: where and why" "nmap XML:6: mismatched tag" "$ERR"
fake "$N/truncated.xml" scan 127.0.0.1
is "truncated: exit 2" 2 "$RC"
like "truncated: said" "nmap XML:" "$ERR"
fake "$N/bomb.xml" scan 127.0.0.1
is "entity bomb: exit 2" 2 "$RC"
like "entity bomb: refused" "refused" "$ERR"
is "entity bomb: nothing printed" "" "$OUT"
printf 'SECRET-MARKER\n' >"$TMPD/secret"
sed "s|file:///etc/passwd|file://$TMPD/secret|" "$N/external-entity.xml" >"$TMPD/ext-entity.xml"
sed "s|file:///etc/passwd|file://$TMPD/secret|" "$N/external.xml" >"$TMPD/ext-dtd.xml"
for f in ext-entity ext-dtd; do
	fake "$TMPD/$f.xml" scan 127.0.0.1
	is "$f: exit 2" 2 "$RC"
	like "$f: refused" "refused" "$ERR"
	unlike "$f: the file it names is not read" "SECRET-MARKER" "$OUT$ERR"
done
is "the secret was not read (atime-free check: still there, unchanged)" "SECRET-MARKER" "$(cat "$TMPD/secret")"

# nmap failing, nmap's own error, the time limit.
FAKE_ERR='Failed to open device eth9' FAKE_RC=1 fake "$N/down.xml" scan 127.0.0.1
is "nmap fails: exit 2" 2 "$RC"
is "nmap fails: its message, then the status" "portscope: nmap: Failed to open device eth9
portscope: $TMPD/fake-nmap failed (exit status 1)" "$ERR"
fake "$N/error.xml" scan 127.0.0.1 --proto udp
is "nmap's error report: exit 2" 2 "$RC"
like "nmap's error report: its message" "nmap failed: You requested a scan type which requires root privileges." "$ERR"
start=$(date +%s)
FAKE_SLEEP=30 fake "$N/open.xml" scan 127.0.0.1 --timeout 1
end=$(date +%s)
is "time limit: exit 2 (nothing reported)" 2 "$RC"
like "time limit: what was cut" "time limit of 1 s reached: nmap stopped" "$ERR"
is "time limit: stopped within 5 s" yes "$([ $((end - start)) -lt 5 ] && echo yes)"

# Usage errors.
for t in 'a;b' '$(id)' '-iL' 'a b' '127.0.0.1|x'; do
	fake "$N/open.xml" scan "$t"
	is "target '$t' refused: exit 2" 2 "$RC"
done
like "a bad target is named" "bad target '127.0.0.1|x'" "$ERR"
fake "$N/open.xml" scan 127.0.0.1 --ports 8080,abc
is "bad --ports: exit 2" 2 "$RC"
fake "$N/open.xml" scan 127.0.0.1 --proto sctp
is "--proto sctp: exit 2" 2 "$RC"
fake "$N/open.xml" scan
is "no target: exit 2" 2 "$RC"

# Without nmap on PATH: a PATH of the tools the test itself needs.
mkdir -p "$TMPD/empty"
for tool in cat sh sleep; do
	ln -s "$(command -v "$tool")" "$TMPD/empty/$tool"
done
PATH="$TMPD/empty" run --registry "$REG" scan 127.0.0.1
is "no nmap: exit 2" 2 "$RC"
is "no nmap: the install line" "portscope: nmap not found: scanning needs nmap; install it with: sudo apt-get install nmap" "$ERR"
PATH="$TMPD/empty" run --registry "$REG" suggest 8080 --count 1 --format csv
is "no nmap: suggest without --scan works, no net column" "0 start,end,offset,port,iana,services,labels,nmap,browser,listen,ephemeral,range" \
	"$RC $(printf '%s\n' "$OUT" | head -n 1)"
PATH="$TMPD/empty" run --registry "$REG" suggest 8080 --scan 127.0.0.1
is "no nmap: suggest --scan exit 2" 2 "$RC"
like "no nmap: suggest --scan says how to install it" "sudo apt-get install nmap" "$ERR"

# suggest --scan through the stand-in: one run over the asked port and
# the nearest candidates; 22 answers open in open.xml.
SUG="PORTSCOPE_SYSROOT=$FIXTURES/sysroot-suggest XDG_CONFIG_HOME=$FIXTURES/config-suggest"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	fake "$N/open.xml" suggest 8080 --count 2 --scan 127.0.0.1 localhost --format csv
is "suggest --scan: exit 0" 0 "$RC"
is "suggest --scan: one nmap run over the asked port and 12 candidates" \
	"-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT -p 8063-8065,8068-8069,8075,8080,8089,8092-8096 -- 127.0.0.1 localhost " "$(args)"
is "suggest --scan: a net column" "start,end,offset,port,iana,services,labels,nmap,browser,listen,ephemeral,range,net
8075,8075,-5,8075,unassigned,-,-,0.000050,ok,-,outside,user,-
8089,8089,9,8089,unassigned,-,-,-,ok,-,outside,user,closed" "$OUT"
: "$SUG"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	fake "$N/open.xml" suggest 8080 --count 1 --scan 'a;b'
is "suggest --scan: a bad target is a usage error" 2 "$RC"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	fake "$N/open.xml" suggest 8080 --count 1
is "suggest without --scan runs no nmap" 0 "$RC"

# Real nmap, loopback only.
if ! command -v nmap >/dev/null; then
	echo "# nmap not installed: the live scans are skipped"
	finish
	exit $?
fi
live_scan_ports
run --registry "$REG" --format csv scan 127.0.0.1 --ports "$P,$C"
is "live: a listener on 127.0.0.1 is open, a port just closed is closed (exit 0)" \
	"0 $(printf '127.0.0.1,tcp,%s,open\n127.0.0.1,tcp,%s,closed\n' "$P" "$C" | sort)" \
	"$RC $(printf '%s\n' "$OUT" | sed 1d | cut -d, -f2-5 | sort)"
run --registry "$REG" scan 127.0.0.1 --ports "$C"
is "live: only a closed port: exit 1" 1 "$RC"
kill "$HELPER"
wait "$HELPER" 2>/dev/null

# A listener on a port that passes every other check with the fixture
# sources: suggest fails it with the net check alone.
for L in 8089 8092 8093 8094; do
	"$BUILDDIR/tests/listen_helper" -4 -p "$L" >"$TMPD/fixed" 2>/dev/null &
	HELPER=$!
	wait_file '^(ready)$' "$TMPD/fixed" && break
	wait "$HELPER" 2>/dev/null
done
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	run --registry "$REG" suggest "$L" --count 4 --scan 127.0.0.1
is "live suggest --scan: exit 0" 0 "$RC"
like "live suggest --scan: $L fails the net check alone" "$L itself fails: net (open)" "$OUT"
PORTSCOPE_SYSROOT="$FIXTURES/sysroot-suggest" XDG_CONFIG_HOME="$FIXTURES/config-suggest" \
	run --registry "$REG" suggest "$L" --count 4 --scan 127.0.0.1 --format csv
is "live suggest --scan: its free neighbours pass, scanned closed" "4 closed" \
	"$(printf '%s\n' "$OUT" | sed 1d | awk -F, '$5 == "unassigned" && $13 == "closed" && $4 != '"$L"' { n++ } END { print n " closed" }')"
kill "$HELPER"
wait "$HELPER" 2>/dev/null
finish
