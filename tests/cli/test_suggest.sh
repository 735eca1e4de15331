#!/bin/sh
# SPDX-License-Identifier: MIT
# test_suggest.sh: `portscope suggest` on the real registry with fixed
# fixture sources, so this machine's /etc/services, nmap file, labels,
# listeners and kernel ranges never change the answer. Fixtures: 8079/udp in
# /etc/services, 8078/tcp labelled, 8076/tcp seen open by nmap (0.0005),
# 8075/udp seen rarely (0.00005, below the threshold), a listener on ::1:8085,
# ephemeral range 8070-8073. Expected values were computed independently by a
# Python csv reading of the registry plus the fixture files.
. "$TESTS_DIR/lib.sh"
F="$FIXTURES"
export PORTSCOPE_SYSROOT="$F/sysroot-suggest" XDG_CONFIG_HOME="$F/config-suggest"

# ports: the port column of the CSV output, on one line
ports() { printf '%s\n' "$OUT" | sed 1d | cut -d, -f4 | tr '\n' ' '; }
# blocks: start-end of each block, on one line
blocks() { printf '%s\n' "$OUT" | sed 1d | cut -d, -f1,2 | uniq | tr ',\n' '- '; }

run --registry "$REG" suggest 8080 --count 5
is "8080: exit 0" 0 "$RC"
is "8080: text, every check shown with its source" "Checks for transport any (a port passes when none fails; n/a: source absent):
  iana       free in the IANA registry [IANA registry: $REG]
  services   not in /etc/services [$F/sysroot-suggest/etc/services]
  labels     not in your labels file [$F/config-suggest/portscope/labels]
  nmap       nmap open frequency below 0.0001 [$F/sysroot-suggest/usr/share/nmap/nmap-services]
  browser    not a browser-blocked port (WHATWG Fetch bad port) [built in, 83 ports (https://fetch.spec.whatwg.org/#bad-port)]
  listen     nothing listens on it here [$F/sysroot-suggest/proc/net]
  ephemeral  outside the kernel's ephemeral port range [8070-8073, $F/sysroot-suggest/proc/sys/net/ipv4/ip_local_port_range]
  range      in the User range 1024-49151 (RFC 7605) [RFC 6335, RFC 7605]
8080 itself fails: iana (assigned), services (http-alt), nmap (0.042052)
PORT   OFFSET  iana       services        labels          nmap     browser listen  ephemeral range
8075   -5      unassigned -               -               0.000050 ok      -       outside   user
8089   +9      unassigned -               -               -        ok      -       outside   user
8069   -11     unassigned -               -               -        ok      -       outside   user
8068   -12     unassigned -               -               -        ok      -       outside   user
8092   +12     unassigned -               -               -        ok      -       outside   user" "$OUT"

run --registry "$REG" suggest 8080 --count 5 --format csv
is "8080 csv: the same five" "8075 8089 8069 8068 8092 " "$(ports)"
is "8080 csv: every check value of one row" "8075,8075,-5,8075,unassigned,-,-,0.000050,ok,-,outside,user" \
	"$(printf '%s\n' "$OUT" | sed -n 2p)"

run --registry "$REG" suggest 8080 --count 1 --format json
like "json: the asked port's failures" '"requested":{"port":8080,"pass":false,"checks":{"iana":{"result":"fail","value":"assigned"},"services":{"result":"fail","value":"http-alt"},"labels":{"result":"pass","value":"-"},"nmap":{"result":"fail","value":"0.042052"}' "$OUT"
like "json: a suggestion" '{"start":8075,"end":8075,"offset":-5,"run_start":8075,"run_end":8075,"ports":[{"port":8075,"pass":true,' "$OUT"

run --registry "$REG" suggest 8080 --count 3 --run 2 --format json
is "--run 2 json parses; each block lists its ports" "8068-8069 8092-8093 8064-8065" \
	"$(printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join("%d-%d" % (g["ports"][0]["port"], g["ports"][-1]["port"]) for g in d["suggestions"]))')"

run --registry "$REG" suggest 8080 --count 4 --run 4 --format csv
is "--run 4: blocks of four, nearest first" "8092-8095 8062-8065 8103-8106 8047-8050 " "$(blocks)"
is "--run 4: 16 ports" 16 "$(printf '%s\n' "$OUT" | sed 1d | wc -l | tr -d ' ')"
run --registry "$REG" suggest 8080 --count 2 --run 4
like "--run 4 text: block heading with its passing run" "block 8062-8065 (offset -15, passing run 8062-8065):
8062   -18 " "$OUT"

run --registry "$REG" suggest 6667 --count 4 --proto sctp --format csv
is "sctp near 6667: browser-blocked 6665-6669 skipped" "6664 6670 6663 6671 " "$(ports)"
run --registry "$REG" suggest 6667 --count 1 --proto sctp
like "6667 fails only the browser check for sctp" "6667 itself fails: browser (blocked)" "$OUT"
run --registry "$REG" suggest 8080 --count 3 --proto sctp --format csv
is "sctp near 8080: the tcp-only facts do not apply" "8080 8079 8081 " "$(ports)"

run --registry "$REG" suggest 1023 --count 3 --format csv
is "near 1023: User range only" "1028 1030 1031 " "$(ports)"
run --registry "$REG" suggest 1023 --count 3 --any-range --format csv
is "near 1023 --any-range: System ports allowed" "1020 1019 1018 " "$(ports)"
run --registry "$REG" suggest 49151 --count 3 --any-range --format csv
is "near 49151 --any-range: Dynamic ports allowed" "49151 49152 49149 " "$(ports)"
run --registry "$REG" suggest 49151 --count 2 --run 3 --format csv
is "near 49151 --run 3" "49147-49149 48997-48999 " "$(blocks)"

# Absent optional sources are n/a, not failures.
PORTSCOPE_SYSROOT="$TMPD/none" XDG_CONFIG_HOME="$TMPD/none" run --registry "$REG" suggest 8080 --count 1 --format csv
is "no optional sources: n/a" "8079,8079,-1,8079,unassigned,n/a,n/a,n/a,ok,-,n/a,user" "$(printf '%s\n' "$OUT" | sed -n 2p)"

# A malformed line in the labels file is skipped with one warning naming
# file:line (as glibc does with /etc/services); the good lines still count.
mkdir -p "$TMPD/cfg/portscope"
printf 'good 29172/tcp\nbad 9001\nx 99999/tcp\n' >"$TMPD/cfg/portscope/labels"
XDG_CONFIG_HOME="$TMPD/cfg" run --registry "$REG" suggest 29172 --count 2 --format csv
is "bad labels: the bad lines are skipped, suggest still answers (exit 0)" 0 "$RC"
is "bad labels: one warning with file:line and the count" "$TMPD/cfg/portscope/labels:2: warning: expected 'port/protocol' after the service name (first of 2 malformed lines skipped)" "$ERR"
is "bad labels: the good label 29172 still fails its check" "29171
29173" "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1)"

run --registry "$REG" suggest 70000
is "bad port: exit 2" 2 "$RC"
run --registry "$REG" suggest
is "no port: exit 2" 2 "$RC"
run --registry "$REG" suggest 8080 --min 2
is "suggest does not take --min" "portscope: 'suggest' does not take --min" "$(printf '%s\n' "$ERR" | head -1)"
run --registry "$REG" suggest 8080 --run 60000 --format csv
is "no block that long: exit 1" 1 "$RC"

finish
