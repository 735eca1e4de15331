#!/bin/sh
# SPDX-License-Identifier: MIT
# test_cli.sh: the CLI contract (doc/HACKING.md, "The command line") on the real registry.
# Expected values were checked against an independent Python csv reading.
. "$TESTS_DIR/lib.sh"

run --registry "$REG" stats --format json
is "stats json exit 0" 0 "$RC"
like "stats json: system counts" '"system":{"low":0,"high":1023,"assigned":696,"reserved":8,"unassigned":320}' "$OUT"
like "stats json: user counts" '"user":{"low":1024,"high":49151,"assigned":5461,"reserved":10,"unassigned":42657}' "$OUT"
like "stats json: dynamic counts" '"dynamic":{"low":49152,"high":65535,"assigned":0,"reserved":0,"unassigned":16384}' "$OUT"
like "stats json: per transport" '"transport_assigned_ports":{"tcp":5959,"udp":5568,"sctp":88,"dccp":9}' "$OUT"
like "stats json: records" '"records":14474' "$OUT"
like "stats json: date" '"date":"2025-03-28"' "$OUT"
OUT1=$OUT
run --format json stats --registry "$REG"
is "options before or after the command are the same" "$OUT1" "$OUT"

run --registry "$REG" stats
is "stats text" "source:    IANA registry ($REG)
date:      2025-03-28
records:   14474
transport: any

range             ports assigned   reserved unassigned
system           0-1023      696          8        320
user         1024-49151     5461         10      42657
dynamic     49152-65535        0          0      16384

assigned port numbers per transport:
  tcp     5959
  udp     5568
  sctp      88
  dccp       9" "$OUT"

run --registry "$REG" stats --proto tcp --format csv
is "stats csv for tcp" "range,assigned,reserved,unassigned
system,691,11,322
user,5268,188,42672
dynamic,0,0,16384" "$OUT"

run --registry "$OLD" stats --format csv
is "stats on the CRLF 2024-04 snapshot" "range,assigned,reserved,unassigned
system,698,6,320
user,5454,10,42664
dynamic,0,0,16384" "$OUT"

run --registry "$REG" free 2000-3000
is "free 2000-3000" "2194
2195
2196
2682
2693
2825
2925" "$OUT"
is "free exit 0" 0 "$RC"
run --registry "$REG" free 2000-3000 --format json
is "free json" "[2194,2195,2196,2682,2693,2825,2925]" "$OUT"
run --registry "$REG" free 1-30 --proto udp
is "free udp 1-30" "4 6 8 10 12 14 15 16 26 28 30" "$(echo $OUT)"
run --registry "$REG" free user
is "free user count" 42657 "$(printf '%s\n' "$OUT" | wc -l)"
# every port of the space, on every transport, as gaps says it (the two
# commands share no output code): free writes its numbers counting up
for proto in any tcp udp sctp dccp; do
	"$PORTSCOPE" --registry "$REG" --proto $proto gaps 0-65535 |
		while IFS='-	' read -r lo hi _; do seq "$lo" "$hi"; done >"$TMPD/want"
	"$PORTSCOPE" --registry "$REG" --proto $proto free 0-65535 >"$TMPD/got"
	is "free 0-65535 --proto $proto is every port gaps lists" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"
done
is "free 0-65535 --proto dccp lists stats' 1021 + 48121 + 16384 unassigned, 0 to 65535" "65526 0 65535" \
	"$(wc -l <"$TMPD/got") $(head -1 "$TMPD/got") $(tail -1 "$TMPD/got")"
run --registry "$REG" free 443
is "free on an assigned port: no output" "" "$OUT"
is "free with no result exits 1" 1 "$RC"

run --registry "$REG" gaps 29000-30100
is "gaps 29000-30100" "29001-29117	117
29119-29166	48
29170-29998	829
30005-30099	95" "$OUT"
run --registry "$REG" gaps user --min 500
is "gaps user --min 500" "26490-27009	520
29170-29998	829
35358-36000	643
36866-37471	606
39064-39680	617
41231-41793	563
41798-42507	710
43442-44122	681
46337-46997	661" "$OUT"
run --registry "$REG" gaps 0-100 --proto sctp --format csv
is "gaps sctp csv" "start,end,length
0,8,9
10,19,10
23,79,57
81,100,20" "$OUT"
run --registry "$REG" gaps 65535 --format json
is "gaps json" '[
{"start":65535,"end":65535,"length":1}
]' "$OUT"
run --registry "$REG" gaps dynamic --proto dccp
is "gaps dccp dynamic" "49152-65535	16384" "$OUT"

run --registry "$REG" lookup 6010 --format csv
is "lookup 6010 (range row x11) csv" 'service,port,transport,description,assignee,contact,registered,modified,reference,service_code,unauthorized_use,notes,port_low,port_high,state,range
x11,6000-6063,tcp,X Window System,[Stephen_Gildea],[Stephen_Gildea],,,,,Known Unauthorized Use on port 6003,,6000,6063,assigned,user
x11,6000-6063,udp,X Window System,[Stephen_Gildea],[Stephen_Gildea],,,,,Known Unauthorized Use on port 6003,,6000,6063,assigned,user' "$OUT"

run --registry "$REG" lookup 443 --proto tcp --format json
is "lookup 443 tcp json" '[
{"service":"https","port":"443","transport":"tcp","description":"http protocol over TLS/SSL","assignee":"[IESG]","contact":"[IETF_Chair]","registered":"","modified":"2021-10-01","reference":"[RFC9110]","service_code":"","unauthorized_use":"","notes":"","port_low":443,"port_high":443,"state":"assigned","range":"system"}
]' "$OUT"
run --registry "$REG" lookup 443
like "lookup 443 text: summary line" "port 443: assigned (tcp assigned, udp assigned, sctp assigned, dccp unassigned), system range" "$OUT"
like "lookup 443 text: sctp record" "443/sctp  https  (assigned, system)
    Description       HTTPS
    Assignee          [Randall_Stewart]" "$OUT"
is "lookup 443 text: three records" 3 "$(printf '%s\n' "$OUT" | grep -c '^443/')"

run --registry "$REG" lookup https --format csv
is "lookup by name: 4 https records" 4 "$(printf '%s\n' "$OUT" | grep -c '^https,')"
like "lookup by name: the service-name-only record" 'https,,tcp,HTTP over SSL/TLS,[Tim_Berners_Lee],[Tim_Berners_Lee],,,,,,"Web browsers' "$OUT"
like "lookup by name: a multi-line note stays one CSV field" 'content-type negotiation today) rather than being an entirely separate thing.",,,assigned,' "$OUT"
run --registry "$REG" lookup SSH 22 --format json
is "lookup name + port: 4 ssh records by name, 3 by port" 7 "$(printf '%s\n' "$OUT" | grep -c '"service":"ssh"')"
like "lookup by name: the no-port ssh record has null ports" '"port":"","transport":"tcp"' "$OUT"

run --registry "$REG" lookup no-such-service-zz
is "lookup unknown name exits 1" 1 "$RC"
is "lookup unknown name says so" "portscope: no record for 'no-such-service-zz'" "$ERR"
run --registry "$REG" lookup 70000
is "lookup 70000 exits 2" 2 "$RC"
like "lookup 70000 message" "bad port '70000'" "$ERR"

run --registry "$REG" free 10-5
is "bad range exits 2" 2 "$RC"
like "bad range message" "bad range '10-5'" "$ERR"
run --registry "$REG" free
is "missing range exits 2" 2 "$RC"
run --registry "$REG" stats --format xml
is "bad format exits 2" 2 "$RC"
is "bad format message" "portscope: --format takes text, json or csv, not 'xml'
Try 'portscope --help' for more information." "$ERR"
run --registry "$REG" free 1-10 --proto ip
is "bad proto exits 2" 2 "$RC"
run --registry "$REG" stats --min 3
is "option a command does not take exits 2" 2 "$RC"
is "option a command does not take: message" "portscope: 'stats' does not take --min
Try 'portscope --help' for more information." "$(printf '%s' "$ERR")"
run --registry "$REG" gaps user --min 0
is "--min 0 exits 2" 2 "$RC"
run frobnicate
is "unknown command exits 2" 2 "$RC"
run --registry /nonexistent/reg.csv stats
is "missing registry exits 2" 2 "$RC"
is "missing registry names the file" "/nonexistent/reg.csv: No such file or directory" "$ERR"
run --help
is "--help exits 0" 0 "$RC"
like "--help lists gaps" "gaps RANGE [--proto P] [--min N]" "$OUT"

# Source resolution through the environment and the fallbacks.
PORTSCOPE_REGISTRY="$REG" run stats --format json
like "PORTSCOPE_REGISTRY is honoured" '"records":14474' "$OUT"
mkdir -p "$TMPD/root/etc"
printf 'echo\t7/tcp\n' >"$TMPD/root/etc/services"
PORTSCOPE_SYSROOT="$TMPD/root" run stats
like "degraded source says so" "not the official IANA registry: run 'portscope update' to fetch it" "$OUT"
like "degraded source is named" "source:    /etc/services ($TMPD/root/etc/services)" "$OUT"

# The TUI is a program of its own (doc/HACKING.md, "Layers"): a copy of
# portscope outside the build tree is an installed one, and execs the
# installed portscope-tui; where there is none, tui and pick say so.
cp "$PORTSCOPE" "$TMPD/portscope"
if [ -e "$PKGLIBEXECDIR/portscope-tui" ]; then
	echo "ok # SKIP portscope-tui is installed in $PKGLIBEXECDIR"
	echo "ok # SKIP portscope-tui is installed in $PKGLIBEXECDIR"
	T_N=$((T_N + 2))
else
	for cmd in tui pick; do
		"$TMPD/portscope" --registry "$REG" $cmd 8080 >"$TMPD/out" 2>"$TMPD/err"
		is "$cmd without its program exits 2 and says why, printing nothing" \
			"2 portscope: cannot start the TUI: $PKGLIBEXECDIR/portscope-tui: No such file or directory" \
			"$? $(cat "$TMPD/err")$(cat "$TMPD/out")"
	done
fi
# the build tree's portscope execs the build tree's portscope-tui, with
# the same arguments
printf '@dump\n' >"$TMPD/first"
out=$(TERM=xterm PORTSCOPE_TEST_SIZE=80x24 PORTSCOPE_TEST_SCRIPT="$TMPD/first" \
	"$PORTSCOPE" --registry "$OLD" --proto udp tui 8080 2>&1)
like "tui runs the TUI with the registry asked for" "| IANA registry 2024-04" "$out"
like "tui runs the TUI with the transport and the port asked for" "8080/udp" "$out"

# libcsv, PCRE2 and expat are opened when a run first needs them
# (doc/HACKING.md, "Libraries opened on first use"): with broken copies
# first on the library path, a lookup from the compiled image still
# answers, and the runs that need one say which and why.
if [ "$DLOPEN_LIBS" = yes ]; then
	mkdir "$TMPD/badlib"
	for so in libcsv.so.3 libpcre2-8.so.0 libexpat.so.1; do : >"$TMPD/badlib/$so"; done
	"$PORTSCOPE" --registry "$REG" lookup 443 >/dev/null # the image written
	LD_LIBRARY_PATH="$TMPD/badlib" run --registry "$REG" lookup 443
	is "lookup from the image needs no libcsv or PCRE2" "0 443/tcp  https  (assigned, system)" \
		"$RC $(printf '%s\n' "$OUT" | grep -m1 '^443/tcp')"
	LD_LIBRARY_PATH="$TMPD/badlib" run --no-cache --registry "$REG" stats
	is "a parse without libcsv says so, exit 2" \
		"2 portscope: cannot load libcsv.so.3: $TMPD/badlib/libcsv.so.3: file too short" "$RC $ERR"
	LD_LIBRARY_PATH="$TMPD/badlib" run --registry "$REG" grep kerberos
	is "grep without PCRE2 says so, exit 2" \
		"2 portscope: cannot load libpcre2-8.so.0: $TMPD/badlib/libpcre2-8.so.0: file too short" "$RC $ERR"
else
	for i in 1 2 3; do echo "ok # SKIP libraries linked statically"; done
	T_N=$((T_N + 3))
fi

finish
