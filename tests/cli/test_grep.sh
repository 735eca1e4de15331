#!/bin/sh
# SPDX-License-Identifier: MIT
# test_grep.sh: `portscope grep` on the real registry. Expected records and
# counts were checked against an independent Python `re` + `csv` reading
# (fields joined by "any field matches", smart case as re.I when the
# pattern has no capital).
. "$TESTS_DIR/lib.sh"

run --registry "$REG" grep '^ssh$' --field name
is "grep ^ssh$ --field name: exit 0" 0 "$RC"
is "grep ^ssh$ --field name: the ssh records" "1 port (4 records)

22/tcp  ssh  (assigned, system)
    Description       The Secure Shell (SSH) Protocol
    Reference         [RFC4251]
    Notes             Defined TXT keys: u=<username> p=<password>

22/udp  ssh  (assigned, system)
    Description       The Secure Shell (SSH) Protocol
    Reference         [RFC4251]
    Notes             Defined TXT keys: u=<username> p=<password>

22/sctp  ssh  (assigned, system)
    Description       SSH
    Assignee          [Randall_Stewart]
    Contact           [Randall_Stewart]
    Modified          2022-02-07
    Reference         [RFC9260]
    Notes             Defined TXT keys: u=<username> p=<password>

-/tcp  ssh  (assigned)
    Description       SSH Remote Login Protocol
    Assignee          [Tatu_Ylonen]
    Contact           [Tatu_Ylonen]
    Notes             Defined TXT keys:  u=<username> p=<password>" "$OUT"
is "grep ^ssh$: nothing on stderr" "" "$ERR"
SSH_OUT=$OUT

# (*NO_JIT) makes pcre2_jit_compile() succeed without compiling; the
# interpreter must then run (it once failed every field as "bad JIT option").
run --registry "$REG" grep '(*NO_JIT)^ssh$' --field name
is "(*NO_JIT): exit 0" 0 "$RC"
is "(*NO_JIT): the same four records" "$SSH_OUT" "$OUT"
is "(*NO_JIT): no limit message" "" "$ERR"
# (*NOTEMPTY) forbids the empty match the empty pattern would make
# everywhere; pcre2_jit_match() ignored it and matched every record.
run --registry "$REG" grep '(*NOTEMPTY)'
is "(*NOTEMPTY): no match, exit 1" "1:" "$RC:$OUT"

# Every record whose name or description contains Kerberos in any case.
KERBEROS="kerberos 88 tcp
kerberos 88 udp
kerberos-adm 749 tcp
kerberos-adm 749 udp
kerberos-iv 750 udp
kftp-data 6620 tcp
kftp-data 6620 udp
kftp 6621 tcp
kftp 6621 udp
ktelnet 6623 tcp
ktelnet 6623 udp
afs3-kaserver 7004 tcp
afs3-kaserver 7004 udp"
json_ids() {
	printf '%s\n' "$1" | sed -n 's/^{"service":"\([^"]*\)","port":"\([^"]*\)","transport":"\([^"]*\)".*/\1 \2 \3/p'
}
run --registry "$REG" grep kerberos --format json
is "grep kerberos json: exit 0" 0 "$RC"
is "grep kerberos json: the 13 records" "$KERBEROS" "$(json_ids "$OUT")"
is "grep kerberos json: an array" "[]" "$(printf '%s\n' "$OUT" | sed -n '1p;$p' | tr -d '\n')"
like "grep kerberos json: full records" '{"service":"kerberos","port":"88","transport":"tcp","description":"Kerberos","assignee":"[B_Clifford_Neuman]","contact":"[B_Clifford_Neuman]","registered":"","modified":"2022-02-18","reference":"[RFC4120]","service_code":"","unauthorized_use":"","notes":"","port_low":88,"port_high":88,"state":"assigned","range":"system"},' "$OUT"
run --registry "$REG" grep Kerberos
is "smart case: a capital makes it case-sensitive" "5 ports (10 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep Kerberos --ignore-case
is "--ignore-case overrides smart case" "7 ports (13 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep kerberos --case-sensitive
is "--case-sensitive" "3 ports (5 records)" "$(printf '%s\n' "$OUT" | head -n 1)"

run --registry "$REG" grep RFC4251 --field reference --format csv
is "--field reference, csv" "service,port,transport,description,assignee,contact,registered,modified,reference,service_code,unauthorized_use,notes,port_low,port_high,state,range
ssh,22,tcp,The Secure Shell (SSH) Protocol,,,,,[RFC4251],,,Defined TXT keys: u=<username> p=<password>,22,22,assigned,system
ssh,22,udp,The Secure Shell (SSH) Protocol,,,,,[RFC4251],,,Defined TXT keys: u=<username> p=<password>,22,22,assigned,system" "$OUT"
run --registry "$REG" grep RFC4251
is "reference is not searched by default" 1 "$RC"
run --registry "$REG" grep stewart --field contact
is "--field contact" "12 ports (16 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep 'TXT keys' --field notes
is "--field notes" "36 ports (1000 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep kerberos --field notes
is "--field notes: no kerberos, exit 1" "1:" "$RC:$OUT"
run --registry "$REG" grep kerberos --field all
is "--field all" "7 ports (13 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep rfc4251 --field name,reference
is "--field as a list" "1 port (2 records)" "$(printf '%s\n' "$OUT" | head -n 1)"

run --registry "$REG" grep 'göttingen' --field all --format csv
is "UTF-8 name matched caselessly" "service,port,transport,description,assignee,contact,registered,modified,reference,service_code,unauthorized_use,notes,port_low,port_high,state,range
martalk,7073,tcp,MarTalk protocol,[Mahr_GmbH_Göttingen],[Kevin_Bube],2013-09-02,,,,,,7073,7073,assigned,user" "$OUT"
run --registry "$REG" grep 'GÖTTINGEN' --field assignee --ignore-case
is "UTF-8 capitals with --ignore-case" "1 port (1 record)" "$(printf '%s\n' "$OUT" | head -n 1)"

run --registry "$REG" grep http --field name --proto udp
is "--proto udp" "55 ports (56 records)" "$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep http --field name --proto sctp --format csv
is "--proto sctp" "service,port,transport
http,80,sctp
https,443,sctp" "$(printf '%s\n' "$OUT" | cut -d, -f1-3)"
run --registry "$REG" grep '^ssh$' --field name --proto tcp --format json
is "--proto tcp keeps the name-only tcp record" "ssh 22 tcp
ssh  tcp" "$(json_ids "$OUT")"

run --registry "$REG" grep ''
is "empty pattern: every record" "0:49152 ports (14474 records)" "$RC:$(printf '%s\n' "$OUT" | head -n 1)"
run --registry "$REG" grep zzzqqq
is "no match: exit 1, no output" "1:" "$RC:$OUT"
run --registry "$REG" grep zzzqqq --format json
is "no match json: empty array" "1:[]" "$RC:$OUT"

run --registry "$REG" grep 'ab(cd'
is "bad pattern: exit 2" 2 "$RC"
is "bad pattern: message, offset and caret" "portscope: bad pattern: missing closing parenthesis at offset 5
  ab(cd
       ^" "$ERR"
is "bad pattern: no output" "" "$OUT"
run --registry "$REG" grep "$(printf 'g\303\266t\033[(')"
is "bad pattern: sanitised, caret counted in characters" "portscope: bad pattern: missing terminating ] for character class at offset 7
  göt\\e[(
         ^" "$ERR"
# PCRE2 reports an unfinished (*VERB) one past the pattern's end; the
# offset stays within the pattern.
run --registry "$REG" grep '(*LIMIT_DEPTH=1'
is "bad pattern: offset at most the pattern's length" "portscope: bad pattern: (*VERB) not recognized or malformed at offset 15
  (*LIMIT_DEPTH=1
                 ^" "$ERR"
run --registry "$REG" grep x --field bogus
is "bad --field: exit 2" 2 "$RC"
like "bad --field: named" "--field takes name, description, assignee, contact, reference, notes or all, not 'bogus'" "$ERR"
run --registry "$REG" grep
is "no REGEX: exit 2" 2 "$RC"
run --registry "$REG" grep a b
is "two REGEXes: exit 2" 2 "$RC"
run --registry "$REG" grep a --min 3
is "grep does not take --min" "2:portscope: 'grep' does not take --min" "$RC:$(printf '%s\n' "$ERR" | head -n 1)"
run --registry "$FIXTURES/port-abc.csv" grep a
is "bad registry: exit 2" 2 "$RC"

# A pathological pattern: every field whose match hits a limit is counted,
# the matches found are still printed, and the exit status is 2.
run --registry "$REG" grep '^(\w+\s?)*$' --field all
is "limit hit: exit 2" 2 "$RC"
like "limit hit: counted on stderr" "fields hit a limit (match limit exceeded): matches may be missing" "$ERR"
is "limit hit: matches still printed" "49152 ports (14463 records)" "$(printf '%s\n' "$OUT" | head -n 1)"

finish
