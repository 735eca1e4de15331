#!/bin/sh
# SPDX-License-Identifier: MIT
# test_search.sh: '/' search on the map: live highlight, n/N with the wrap
# notice, the status counts, the detail pane's marks, a bad pattern's error
# and offset, Esc, history, and a pattern that hits the match limit.
# The counts were checked with a throwaway Python csv script (name or
# description, caseless re.search): ssh matches 18 records covering the 9
# ports 22 614 830 3897 4334 5161 5162 6252 17235 (8 buckets of 256 ports);
# "ss" matches 2188 records covering 43455 ports.
. "$TESTS_DIR/tui/tui_lib.sh"

# At 100x30 a map row is 90 cells; the ruler is row 1, the map rows 2-13,
# the status row 29. The status line starts with the cursor's port.
# chr N: the Nth character (not byte) of standard input's line.
chr() { sed "s/^.\{$(($1 - 1))\}\(.\).*/\1/"; }
tui 100x30 '/ss' '@dump ss' 'h' '@dump ssh' '<Enter>' '@dump enter'
is "exit 0" 0 "$RC"
is "live: the prompt counts the matches of what is typed" "/ss  43455 ports (2188 records)" "$(row 1 29)"
is "live: one more letter narrows it" "/ssh  9 ports (18 records)" "$(row 2 29)"
is "live: port 22 is marked on the map while typing" "●" "$(row 2 2 | chr 33)"
is "live: port 21 is not" "█" "$(row 2 2 | chr 32)"
is "Enter jumps to the first match" "Port 22" "$(row 3 15 | cut -c2-8)"
is "the status counts: match 1 of 9 ports (18 records)" \
	"[MAP] port 22 ssh: assigned, system range  /ssh: match 1 of 9 ports (18 records)" \
	"$(row 3 29 | sed 's/ *? help.*//')"
like "the detail pane marks the matching records" "[match] 22/tcp  ssh  (assigned)" "$(screen 3)"
like "... every one of them" "[match] 22/udp  ssh  (assigned)" "$(screen 3)"
like "the legend names the overlay" "●search match" "$(legend_line 3)"

# n / N, and the wrap notice at both ends.
tui 100x30 '/ssh<Enter>' 'n' '@dump n' 'nnnnnnn' '@dump last' 'n' '@dump wrap' 'N' '@dump back' \
	'N' '@dump wrapback'
is "n: the next matching port" "Port 614" "$(row 1 15 | cut -c2-9)"
like "n: match 2 of 9" "/ssh: match 2 of 9 ports (18 records)" "$(row 1 29)"
is "n: no wrap notice" "[MAP] port 614 sshell: assigned, system range  /ssh: match 2 of 9 ports (18 records)" \
	"$(row 1 29 | sed 's/ *? help.*//')"
is "the last match" "Port 17235" "$(row 2 15 | cut -c2-11)"
like "the last match: 9 of 9" "match 9 of 9 ports" "$(row 2 29)"
is "n at the end wraps to port 22" "Port 22 " "$(row 3 15 | cut -c2-9)"
like "with a notice" "/ssh: match 1 of 9 ports (18 records)  search wrapped to the top (port 0)" \
	"$(row 3 29)"
is "N at the start wraps to 17235" "Port 17235" "$(row 4 15 | cut -c2-11)"
like "with a notice too" "match 9 of 9 ports (18 records)  search wrapped to the bottom (port 65535)" \
	"$(row 4 29)"
is "N again: 6252" "Port 6252" "$(row 5 15 | cut -c2-10)"
like "N: 8 of 9" "match 8 of 9 ports" "$(row 5 29)"

# A cursor off the matches: the count without a rank.
tui 100x30 '/ssh<Enter>' ':443<Enter>' '@dump'
is "off a match: N ports (M records), and the port said once" \
	"[MAP] port 443 https: assigned, system range  /ssh: 9 ports (18 records)" \
	"$(row 1 29 | sed 's/ *? help.*//')"

# Every zoom: a bucket holding a match is marked. At the fit zoom (32
# ports per cell at 100x30) the whole space is 11 rows of half cells;
# ssh's ports fall in 8 buckets, the first (0-31) under the cursor.
tui 100x30 '/ssh<Enter>' '----' '@dump'
is "fit: 7 marked buckets and the cursor's" "7 ▄" \
	"$(screen 1 | sed -n '3,14p' | grep -o '●' | wc -l | tr -d ' ') $(row 1 2 | chr 11)"
is "17235's bucket (17216-17247, below 14400-14431) is marked" "●" "$(row 1 4 | chr 99)"
tui 100x30 '/ssh<Enter>' '--' '@dump'
is "16 ports/cell: the bucket 16-31 (holding 22, under the cursor) is marked, 0-15 is not" "▒●" \
	"$(row 1 2 | chr 11)$(row 1 2 | chr 12)"

# t: the search is made again for the transport (ssh over tcp: 10 records
# on the same 9 ports, in Python as in grep --proto tcp).
tui 100x30 '/ssh<Enter>' 't' '@dump'
is "t: the counts for tcp" \
	"[MAP] port 22 ssh: assigned, system range  /ssh: match 1 of 9 ports (10 records)  transport: tcp" \
	"$(row 1 29 | sed 's/ *? help.*//')"

# Checked against the CLI: kerberos in any case, name or description.
run --registry "$REG" grep kerberos
is "grep kerberos: 7 ports (13 records)" "7 ports (13 records)" "$(printf '%s\n' "$OUT" | sed -n 1p)"
tui 100x30 '/kerberos<Enter>' '@dump'
is "the TUI agrees with grep" \
	"[MAP] port 88 kerberos: assigned, system range  /kerberos: match 1 of 7 ports (13 records)" \
	"$(row 1 29 | sed 's/ *? help.*//')"
is "the first one is 88" "Port 88 " "$(row 1 15 | cut -c2-9)"

# A bad pattern: PCRE2's message and offset in the prompt, the failing
# character highlighted; the map keeps the last good result.
tui 100x30 '/ssh<Enter>' '/a)b' '@dump' '@attrs'
is "bad pattern: message and offset" "/a)b  bad pattern: unmatched closing parenthesis at offset 1" \
	"$(row 1 29)"
A=$(screen 2 | sed -n 30p)
col() { printf '%s\n' "$A" | cut -c"$1"; }
is "the ')' alone is in another colour" "same,differs" \
	"$([ "$(col 2)" = "$(col 4)" ] && echo same),$([ "$(col 3)" != "$(col 2)" ] && echo differs)"
tui 100x30 '/ssh<Enter>' '/(' '@dump typing' '@attrs' '<Enter>' '@dump'
is "failing at the end" "/(  bad pattern: missing closing parenthesis at offset 1" "$(row 1 29)"
A=$(screen 2 | sed -n 30p)
is "a highlighted space marks the end" "differs" "$([ "$(col 3)" != "$(col 2)" ] && echo differs)"
like "Enter: the error stays in the status line" "bad pattern: missing closing parenthesis at offset 1" \
	"$(row 3 29)"
like "the map keeps the last good result" "[MAP] port 22  /ssh: match 1 of 9 ports" "$(row 3 29)"
is "... marked on the map" "●" "$(row 3 2 | chr 33)"

# Esc clears; Up / Down recall earlier patterns.
tui 100x30 '/ssh<Enter>' '<Esc>' '@dump esc' '/kerberos<Enter>' '/<Up>' '@dump up' '<Up>' '@dump up2' \
	'<Down>' '@dump down' '<Enter>' '@dump enter'
is "Esc: the status says so" "[MAP] port 22 ssh: assigned, system range  search cleared" \
	"$(row 1 29 | sed 's/ *? help.*//')"
is "Esc: nothing marked" 0 "$(screen 1 | sed -n '2,14p' | grep -c '●')"
is "Esc: no record marked" 0 "$(screen 1 | grep -c '\[match\]')"
is "Up: the last pattern" "/kerberos  match 1 of 7 ports (13 records)" "$(row 2 29)"
is "Up again: the one before" "/ssh  9 ports (18 records)" "$(row 3 29)"
is "Down: forward again" "/kerberos  match 1 of 7 ports (13 records)" "$(row 4 29)"
like "Enter on a recalled pattern" "/kerberos: match 1 of 7 ports (13 records)" "$(row 5 29)"
tui 100x30 '/ssh' '<Esc>' '@dump'
is "Esc in the prompt clears too" 0 "$(screen 1 | sed -n '2,14p' | grep -c '●')"

# A pattern that exhausts the match limit on some descriptions: reported
# as a limit hit (never as "no match"), and the keys after it act. The
# counts are grep's on the same fields.
P='^(\w+\s?)*$'
run --registry "$REG" grep "$P"
is "grep: exit 2 on a limit hit" 2 "$RC"
GREP_COUNTS=$(printf '%s\n' "$OUT" | sed -n 1p)
HITS=$(printf '%s\n' "$ERR" | sed -n 's/^portscope: \([0-9]*\) fields hit a limit.*/\1/p')
is "grep: 354 fields hit the limit" 354 "$HITS"
tui 100x30 "/$P" '<Enter>' 'l' 'l' '@dump'
like "the limit hit is in the status line" "[MAP] port 2  /$P: limit hit in $HITS fields; " "$(row 1 29)"
like "with grep's counts" "${GREP_COUNTS}" "$(row 1 29)"
tui 100x30 "/$P" '<Enter>' ':443<Enter>' 'l' '@dump'
is "keys typed while it runs act: the cursor is on 444" "Port 444 " "$(row 1 15 | cut -c2-10)"
like "and the limit message stays" "limit hit in $HITS fields; " "$(row 1 29)"
tui 80x24 "/$P" '<Enter>' '@dump'
like "80 columns: the limit hit is not cut off" "limit hit in $HITS fields;" "$(row 1 23)"

# The help page lists the keys, without a placeholder for them.
tui 100x40 '?' '@dump'
like "help: /" "/             regex search, matches marked live as you type" "$(screen 1)"
like "help: n" "n             next matching port (wraps around)" "$(screen 1)"
like "help: N" "N             previous matching port" "$(screen 1)"
tui 100x30 'n' '@dump'
like "n without a search says how" "no search: press / to search" "$(row 1 29)"

# --field picks the fields the TUI searches, as for grep.
run --registry "$REG" tui --field bogus
is "tui --field bogus: exit 2" 2 "$RC"
like "tui --field bogus: says why" "--field takes name, description, assignee, contact, reference, notes or all, not 'bogus'" "$ERR"
printf '%s\n' '/Randall_Stewart<Enter>' '@dump' >"$TMPD/keys"
PORTSCOPE_TEST_SIZE=100x30 PORTSCOPE_TEST_SCRIPT="$TMPD/keys" TERM=xterm-256color \
	"$PORTSCOPE" --registry "$REG" tui --field assignee >"$TMPD/out" 2>&1
like "tui --field assignee searches assignees (checked in Python)" "/Randall_Stewart: match 1 of 8 ports (8 records)" "$(row 1 29)"
finish
