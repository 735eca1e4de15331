#!/bin/sh
# SPDX-License-Identifier: MIT
# test_grouping.sh: the TUI groups its counts by the locale, as the CLI's
# text output does (the printf ' flag): 43.455 in de_DE.UTF-8, 43455 in
# C.UTF-8; port numbers are never grouped. Counts checked with a throwaway
# Python csv script (name or description, caseless re.search): "ss"
# matches 2188 records covering 43455 ports, and 30005 is the 24464th of
# them (30001-30004 are not).
. "$TESTS_DIR/tui/tui_lib.sh"
. "$TESTS_DIR/http_lib.sh"

# In German, in the de_DE.UTF-8 locale (quickstart generates it).
de() {
	export LC_ALL=de_DE.UTF-8
	"$@"
	export LC_ALL=C.UTF-8
}

# The status line without its right-hand hint.
status() { row "$1" 29 | sed 's/ *? \(help\|Hilfe\) .*//'; }

# The search: the prompt while typing, then the status line on a match
# and off one.
KEYS='/ss|@dump typing|<Enter>:30005<Enter>|@dump match|:30001<Enter>|@dump off'
IFS='|'
# shellcheck disable=SC2086
set -- $KEYS
unset IFS
tui 100x30 "$@"
is "C: exit 0" 0 "$RC"
is "C: the prompt's count, not grouped" "/ss  43455 ports (2188 records)" "$(row 1 29)"
is "C: match k of N ports (M records), not grouped" "[MAP] port 30005: unassigned, user range  /ss: match 24464 of 43455 ports (2188 records)" \
	"$(status 2)"
is "C: off a match" "[MAP] port 30001 pago-services1: assigned, user range  /ss: 43455 ports (2188 records)" "$(status 3)"
de tui 100x30 "$@"
is "de_DE: exit 0" 0 "$RC"
is "de_DE: the prompt's count, grouped" "/ss  43.455 Ports (2.188 Einträge)" "$(row 1 29)"
is "de_DE: match k of N ports (M records), grouped; the port is not" \
	"[KARTE] Port 30005: frei, Benutzer-Bereich  /ss: Treffer 24.464 von 43.455 Ports (2.188 Einträge)" "$(status 2)"
is "de_DE: off a match" "[KARTE] Port 30001 pago-services1: vergeben, Benutzer-Bereich  /ss: 43.455 Ports (2.188 Einträge)" "$(status 3)"
like "de_DE: the title's records, as before" "| 14.474 Einträge |" "$(row 1 0)"

# The update's messages: the records installed, and the changes page's
# two registries (the counts of the changes themselves are under 1,000).
if [ "${WITH_CURL:-yes}" = no ]; then
	finish
	exit
fi
CUR=service-names-port-numbers.csv
USERREG="$XDG_DATA_HOME/portscope/$CUR"
start_server
export PORTSCOPE_UPDATE_URL="$BASE/ok/$CUR"
tui 300x30 'U' 'U' '@dump'
like "C: installed: N records, not grouped" "[MAP] port 0: reserved, system range  installed: 14474 records in $USERREG" "$(row 1 29)"
rm -f "$USERREG" "$USERREG.http"
de tui 300x30 'U' 'U' '@dump'
like "de_DE: installed: N records, grouped" "[KARTE] Port 0: reserviert, System-Bereich  installiert: 14.474 Einträge in $USERREG" "$(row 1 29)"

# Over the older snapshot: the changes page names both registries.
cp "$OLD" "$USERREG"
rm -f "$USERREG.http"
de tui 300x30 'U' 'U' 'c' '@dump'
is "de_DE: the changes page's registries, grouped" \
	"alt: $USERREG (2024-04-30, 14.447 Einträge)" "$(row 1 2)"
is "de_DE: ... and after" "neu: $USERREG (2025-03-28, 14.474 Einträge)" "$(row 1 3)"
finish
