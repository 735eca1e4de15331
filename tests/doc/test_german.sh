#!/bin/sh
# SPDX-License-Identifier: MIT
# test_german.sh: the German catalogue (po/de.po) at work: --help and the
# TUI's help page and status line in German with no English line left,
# plural forms for 1 and for many, and numbers grouped by the locale in
# text but never in JSON or CSV. LANGUAGE=de selects German under the
# C.UTF-8 locale; the build tree's binary finds the build's own catalogue
# (src/paths.c), with no environment variable.
. "$TESTS_DIR/tui/tui_lib.sh"

# Run a helper (run, tui) in German; prefix assignments do not reach
# shell functions portably.
de() {
	export LANGUAGE=de
	"$@"
	export LANGUAGE=
}

# The lines of German output $2 that are the same as in English output $1
# (blank lines aside): English left over.
same_lines() {
	printf '%s\n' "$1" >"$TMPD/en"
	printf '%s\n' "$2" >"$TMPD/de"
	paste -d '\001' "$TMPD/en" "$TMPD/de" | awk -F '\001' '$1 != "" && $1 == $2'
}

# --help: German, and every line that is not blank differs from English.
run --help
EN=$OUT
de run --help
DE=$OUT
is "--help in German: exit 0" 0 "$RC"
like "--help: usage line" "Aufruf: portscope [--registry DATEI] [--format text|json|csv] [BEFEHL [ARGUMENTE]]" "$DE"
like "--help: a command" "  gaps BEREICH [--proto P] [--min N]   größte freie Lücken: ANFANG-ENDE<TAB>LÄNGE" "$DE"
like "--help: exit status" "Rückgabewert: 0 Treffer, 1 keine Treffer, 2 Aufruf- oder Datenfehler." "$DE"
is "--help: as many lines as in English" "$(printf '%s\n' "$EN" | wc -l)" "$(printf '%s\n' "$DE" | wc -l)"
is "--help: no line left in English" "" "$(same_lines "$EN" "$DE")"

# Errors and plurals on the command line.
de run --registry "$REG" gaps 1-100 --proto zz
is "usage error in German" "portscope: --proto erwartet tcp, udp, sctp, dccp oder any, nicht »zz«
»portscope --help« gibt weitere Informationen." "$ERR"
de run --registry "$REG" grep '^kerberos-adm$' --proto tcp
is "plural for 1: 1 Port (1 Eintrag)" "1 Port (1 Eintrag)" "$(printf '%s\n' "$OUT" | head -n 1)"
de run --registry "$REG" grep '^kerberos-adm$'
is "plural for 2: 1 Port (2 Einträge)" "1 Port (2 Einträge)" "$(printf '%s\n' "$OUT" | head -n 1)"
de run --registry "$REG" grep kerberos
is "plural for many: 7 Ports (13 Einträge)" "7 Ports (13 Einträge)" "$(printf '%s\n' "$OUT" | head -n 1)"
de run --registry "$FIXTURES/invalid-utf8.csv" stats
like "warning in German, plural" "invalid-utf8.csv:3: Warnung: 2 Bytes ungültiges UTF-8 durch U+FFFD ersetzt" "$ERR"
de run --registry "$REG" lookup 8080
like "lookup: the field labels in German" "    Beschreibung       HTTP Alternate (see port 80)" "$OUT"
like "lookup: states and range in German" "Port 8080: vergeben (tcp vergeben, udp vergeben, sctp frei, dccp frei), Bereich Benutzer" "$OUT"

# Run a helper in the de_DE.UTF-8 locale (quickstart generates it).
de_locale() {
	export LC_ALL=de_DE.UTF-8
	de "$@"
	export LC_ALL=C.UTF-8
}

# Numbers: grouped in text by the locale's rules, never in JSON or CSV.
de_locale run --registry "$REG" stats
like "de_DE: records grouped" "Einträge:  14.474" "$OUT"
like "de_DE: table grouped, aligned by columns" "Benutzer     1024-49151    5.461         10     42.657" "$OUT"
de_locale run --registry "$REG" stats --format json
like "de_DE: JSON not grouped" '"records":14474' "$OUT"
de_locale run --registry "$REG" stats --format csv
like "de_DE: CSV not grouped" "user,5461,10,42657" "$OUT"

# The TUI: the help page, key by key, and the status line.
tui 80x40 '?' '@dump help'
EN=$(screen 1)
de tui 80x40 '?' '@dump help'
DE=$(screen 1)
is "TUI help in German: exit 0" 0 "$RC"
like "help: intro" "Tasten (wie in less und vim). Jede Zelle der Karte umfasst 1, 4, 16, 64 oder 256" "$DE"
like "help: a key with its German name" "Pos1 g        erster Port (0)" "$DE"
like "help: status line, with the lines shown" "[HILFE 1-" "$DE"
is "help: no line left in English" "" "$(same_lines "$EN" "$DE")"

TUI_ARG=8080
de tui 80x24 ']' '@dump gap' '-' '-' '@dump zoom'
TUI_ARG=
like "status: free gap of 1 port (singular)" "[KARTE] Port 8085: frei, Benutzer-Bereich  freie Lücke 8085-8085 (1 Port)" "$(row 1 23)"
like "title: 1 Port/Zelle (singular)" "| any | 1 Port/Zelle" "$(row 1 0)"
like "status: zoom of 16 ports (plural)" "[KARTE] Port 8085: frei, Benutzer-Bereich  Zoom: 16 Ports pro Zelle" "$(row 2 23)"
like "title: 16 Ports/Zelle (plural)" "| any | 16 Ports/Zelle" "$(row 2 0)"
like "detail: a cell of 16 ports" "Ports 8080-8095 (16 Ports, Bereich Benutzer), Transportprotokoll any" "$(screen 2)"
like "detail: largest gap" "größte freie Lücke 8092-8095 (4 Ports)" "$(screen 2)"
like "legend in German" "·▒█ System ·▒█ Benutzer ·▒█ Dynamisch = frei, reserviert, vergeben" "$(screen 1)"

# A longer translation still leaves the map whole: the same 70 cells a row.
MAPROW=$(row 1 5)
is "the map keeps its width in German" 80 "$(printf '%s' "$MAPROW" | wc -m)"
de tui 120x24 ':443<Enter>' '@dump'
like "status: the hint at its right end" "? Hilfe  q Ende" "$(row 1 23)"

# At the smallest size the German help wraps under its key column and the
# map still has its 30 cells a row.
TUI_ARG=8080
de tui 40x10 '@dump map' '?jj' '@dump help'
TUI_ARG=
is "40x10: a map row is 40 columns" 40 "$(row 1 2 | wc -m | awk '{print $1 - 1}')"
is "40x10: help wraps under the key column" "Links h       vorige Zelle (auf einer
              Seite: nach oben blättern)" "$(screen 2 | grep -A1 '^Links h')"

# The search on the map: the status line's count (plural), the wrap
# notice, the detail pane's mark, the legend, Esc (ssh: 18 records on 9
# ports, as test_search.sh checks in English).
de tui 100x30 '/ssh<Enter>' '@dump first' 'nnnnnnnn' '@dump last' 'n' '@dump wrap' '<Esc>' '@dump esc'
is "search: match k of N ports (M records)" \
	"[KARTE] Port 22 ssh: vergeben, System-Bereich  /ssh: Treffer 1 von 9 Ports (18 Einträge)" \
	"$(row 1 29 | sed 's/ *? Hilfe.*//')"
like "search: the last match" "/ssh: Treffer 9 von 9 Ports (18 Einträge)" "$(row 2 29)"
like "search: the wrap notice" "Treffer 1 von 9 Ports (18 Einträge)  Suche oben fortgesetzt (Port 0)" "$(row 3 29)"
like "search: the detail pane marks a matching record" "[Treffer] 22/tcp  ssh  (vergeben)" "$(screen 1)"
like "search: the legend names the overlay" "●Suchtreffer" "$(legend_line 1)"
is "search: Esc clears it" "[KARTE] Port 22 ssh: vergeben, System-Bereich  Suche aufgehoben" \
	"$(row 4 29 | sed 's/ *? Hilfe.*//')"
de tui 100x30 '/ssh<Enter>' ':443<Enter>' '@dump'
is "search: off a match, N ports (M records)" \
	"[KARTE] Port 443 https: vergeben, System-Bereich  /ssh: 9 Ports (18 Einträge)" \
	"$(row 1 29 | sed 's/ *? Hilfe.*//')"

# suggest, with the fixture sources of test_suggest.sh: the legend, the
# port's own failures and the table in German, no line left in English;
# JSON keeps the untranslated tokens.
F="$FIXTURES"
export PORTSCOPE_SYSROOT="$F/sysroot-suggest" XDG_CONFIG_HOME="$F/config-suggest"
run --registry "$REG" suggest 8080 --count 3
EN=$OUT
de run --registry "$REG" suggest 8080 --count 3
is "suggest in German: exit 0" 0 "$RC"
is "suggest: the checks, the port's failures and the table in German" \
	"Prüfungen für Transportprotokoll any (ein Port besteht, wenn keine fehlschlägt; n/a: Quelle fehlt):
  iana       frei in der IANA-Registry [IANA-Registry: $REG]
  services   nicht in /etc/services [$F/sysroot-suggest/etc/services]
  labels     nicht in Ihrer labels-Datei [$F/config-suggest/portscope/labels]
  nmap       nmap-Häufigkeit »offen« unter 0.0001 [$F/sysroot-suggest/usr/share/nmap/nmap-services]
  browser    kein vom Browser gesperrter Port (WHATWG Fetch bad port) [eingebaut, 83 Ports (https://fetch.spec.whatwg.org/#bad-port)]
  listen     hier lauscht nichts darauf [$F/sysroot-suggest/proc/net]
  ephemeral  außerhalb des ephemeren Portbereichs des Kernels [8070-8073, $F/sysroot-suggest/proc/sys/net/ipv4/ip_local_port_range]
  range      im Benutzerbereich 1024-49151 (RFC 7605) [RFC 6335, RFC 7605]
8080 selbst besteht nicht: iana (vergeben), services (http-alt), nmap (0.042052)
PORT   ABSTAND iana       services        labels          nmap     browser listen  ephemeral range
8075   -5      frei       -               -               0.000050 ok      -       außerhalb Benutzer
8089   +9      frei       -               -               -        ok      -       außerhalb Benutzer
8069   -11     frei       -               -               -        ok      -       außerhalb Benutzer" "$OUT"
is "suggest: no line left in English" "" "$(same_lines "$EN" "$OUT")"
de run --registry "$REG" suggest 8071 --count 1
like "suggest: inside the ephemeral range" "8071 selbst besteht nicht: ephemeral (innerhalb)" "$OUT"
de run --registry "$REG" suggest 6667 --proto sctp --count 1
like "suggest: a browser-blocked port" "6667 selbst besteht nicht: browser (gesperrt)" "$OUT"
de run --registry "$REG" suggest 8080 --run 4 --count 1
like "suggest: a block's heading" "Block 8092-8095 (Abstand +12, bestehende Folge 8092-8096):" "$OUT"
de run --registry "$REG" suggest 8080 --count 1 --format json
like "suggest: JSON keeps the tokens" '"iana":{"result":"pass","value":"unassigned"}' "$OUT"
de run --registry "$REG" listeners
is "listeners: the column headings in German" "PROTO ADRESSE  PORT     PID PROZESS         DIENST          MERKMALE" \
	"$(printf '%s\n' "$OUT" | head -n 1)"

# The TUI's pages in German: the ranges table as wide as its longest
# title, the suggestions page's checks under their names whatever the
# width of the German OFFSET heading (ABSTAND), the position in German.
export PORTSCOPE_SYSROOT="$FIXTURES/sysroot"
TUI_ARG=8080 de tui 80x24 'r' '@dump ranges' 'q' 's' '@dump suggest'
like "ranges: the longest title whole, the columns after it" \
	"Benutzer (registriert) 1024-49151   73.4%" "$(screen 1)"
like "ranges: the position in German" "[BEREICHE 1-22 von " "$(row 1 23)"
is "suggest: the heading" "  PORT        ABSTAND iana services labels nmap browser listen ephemeral range" \
	"$(row 2 4)"
is "suggest: the marks under the names (one column more for ABSTAND)" \
	"  8080                 ✗      ·       ✓     ·      ✓      ✓        ✓       ✓" "$(row 2 5)"
finish
