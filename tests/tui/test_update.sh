#!/bin/sh
# SPDX-License-Identifier: MIT
# test_update.sh (TUI): U downloads the official registry from the loopback
# server ($PORTSCOPE_UPDATE_URL), installs it as the per-user registry and
# loads it in place; over an older file, c lists what changed and the map
# marks the ports. Failures leave everything as it was. The change counts
# are those test_diff.sh checks against an independent reading.
. "$TESTS_DIR/tui/tui_lib.sh"
. "$TESTS_DIR/http_lib.sh"
CUR=service-names-port-numbers.csv
USERREG="$XDG_DATA_HOME/portscope/$CUR"
# A machine with only /etc/services (and the kernel facts of the fixture).
mkdir -p "$TMPD/sys/etc"
cp -R "$FIXTURES/sysroot/." "$TMPD/sys"
cp "$FIXTURES/tui-services" "$TMPD/sys/etc/services"
export PORTSCOPE_SYSROOT="$TMPD/sys"
TUI_REG=none

TITLE_NEW=" portscope | IANA registry 2025-03-28 | 14474 records | any | 1 port/cell"
BANNER=" Not the official registry: press U to download it from IANA"

if [ "${WITH_CURL:-yes}" = no ]; then
	tui 100x30 'U' '@dump'
	like "without libcurl: U says how to fetch it by hand" \
		"built without libcurl: fetch the registry with 'curl -fL -o FILE" "$(row 1 29)"
	finish
	exit
fi
start_server
tui 100x90 'c' '@dump' '?' '@dump help'
like "c before any U says what it is for" "no changes to show: U downloads the registry and lists what changed" \
	"$(row 1 89)"
like "help: U" "U             download the official IANA registry and load it" "$(screen 2)"
like "help: c" "c             what the last U changed (changed ports are marked)" "$(screen 2)"

# 1. Degraded: the banner offers U; U installs the registry and shows it.
export PORTSCOPE_UPDATE_URL="$BASE/ok/$CUR"
tui 100x30 '@dump start' 'U' '@dump after' ':443<Enter>' '@dump 443'
is "exit 0" 0 "$RC"
like "degraded: the title names the source (the banner says it is degraded)" \
	" portscope | /etc/services undated | 3 records" "$(row 1 0)"
is "degraded: the banner offers U" "$BANNER" "$(row 1 1 | sed 's/ *$//')"
is "after U: the new source in the title bar" "$TITLE_NEW" "$(row 2 0)"
is "after U: no banner, the ruler on row 1, the map from row 2" "        +|    0" \
	"$(row 2 1 | cut -c1-9)|$(row 2 2 | cut -c1-5)"
like "after U: the status line says what it installed" "[MAP] port 0  installed: 14474 records in $TMPD/home/" \
	"$(row 2 29)"
is "the installed file is the registry" same "$(cmp -s "$REG" "$USERREG" && echo same)"
like "the new registry is browsed: 443 is https" "443/tcp  https  (assigned)" "$(screen 3)"

# 2. Not modified: the server answers 304 to the saved validators.
PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 100x30 'U' '@dump'
like "up to date: says so" "[MAP] port 0  up to date (the server reports no change): $TMPD/home/" "$(row 1 29)"

# 3. Over an older file: what changed, as a page and on the map.
cp "$OLD" "$USERREG"
rm -f "$USERREG.http"
run diff "$OLD" "$REG" --format json
SUMMARY=$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print("%d added, %d removed, %d changed" % (s["added"], s["removed"], s["changed"]))')
is "diff's counts" "43 added, 16 removed, 208 changed" "$SUMMARY"
PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 100x30 '@dump before' 'U' '@dump after' 'c' '@dump changes' \
	'q' '@dump map'
like "before: the 2024-04 file" "IANA registry 2024-04-30 | 14447 records" "$(row 1 0)"
is "after: the new one" "$TITLE_NEW" "$(row 2 0)"
like "after: the counts in the status line" "[MAP] port 0  updated: $SUMMARY (c lists them); " \
	"$(row 2 29)"
is "the file was replaced" same "$(cmp -s "$REG" "$USERREG" && echo same)"
like "the legend names the overlay" "◇changed" "$(legend_line 2)"
C=$(screen 3)
is "c: the page's heading" "What the update changed" "$(row 3 1)"
is "c: the counts" "$SUMMARY (186 only in spacing)" "$(row 3 4)"
is "c: the ports" "692 ports touched; the 596 whose records changed beyond spacing are marked on the map" \
	"$(row 3 5)"
like "c: an added record" "added         2/tcp  (no service name)  Reserved" "$C"
like "c: a removed one" "removed       2/tcp  compressnet  Management Utility" "$C"
like "c: a changed one, with its fields" "changed       0/tcp  (no service name): assignee, contact, modified, reference" "$C"
like "c: a change only in spacing" "changed       63/tcp  whoispp: only spacing" "$C"
like "c: the mode" "[CHANGES 1-" "$(row 3 29)"
is "port 2 (de-assigned) is marked on the map" "◇" "$(row 4 2 | sed 's/^.\{12\}\(.\).*/\1/')"
is "port 1 (unchanged) is not" "█" "$(row 4 2 | sed 's/^.\{11\}\(.\).*/\1/')"
is "port 63 (spacing only) is not" "█" "$(row 4 2 | sed 's/^.\{73\}\(.\).*/\1/')"

# 4. A failed download (404, then a body cut short) changes nothing.
why_missing() { echo "$BASE/missing/$CUR: the server answered HTTP 404, not 200"; }
why_truncated() { echo "downloading $BASE/truncated/$CUR: the transfer ended before the whole file arrived"; }
for mode in missing truncated; do
	PORTSCOPE_UPDATE_URL="$BASE/$mode/$CUR" PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 200x30 'U' '@dump'
	like "$mode: the status line says it failed, and why" "[MAP] port 0" "$(row 1 29)"
	like "$mode: ... after the cursor's port" "  update failed, nothing replaced: " "$(row 1 29)"
	like "$mode: why" "$(why_$mode)" "$(row 1 29)"
	is "$mode: the title still shows the registry loaded" "$TITLE_NEW" "$(row 1 0)"
	is "$mode: the file is untouched" same "$(cmp -s "$REG" "$USERREG" && echo same)"
	is "$mode: no temporary file left" "$CUR $CUR.http " "$(ls -A "$(dirname "$USERREG")" | tr '\n' ' ')"
done

# 5. A search made before U is made again on the new registry.
cp "$OLD" "$USERREG"
rm -f "$USERREG.http"
PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 100x30 '/ssh<Enter>' 'U' '@dump'
is "the search counts the new registry's records" "[MAP] port 22  /ssh: match 1 of 9 ports (18 records)" \
	"$(row 1 29 | sed 's/  updated: .*//')"
is "its ports are marked" "●" "$(row 1 2 | sed 's/^.\{32\}\(.\).*/\1/')"

# 6. The changes page in German: the kinds translated and their column
# aligned by display width (geändert has a two-byte character).
cp "$OLD" "$USERREG"
rm -f "$USERREG.http"
LANGUAGE=de
export LANGUAGE
PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 100x30 'U' 'c' '@dump'
LANGUAGE=
like "de: the status line, with the lines shown" "[ÄNDERUNGEN 1-28 von 279] Port 0  aktualisiert: 43 hinzugekommen, 16 entfernt, 208 geändert" \
	"$(row 1 29)"
is "de: the heading" "Was das Update geändert hat" "$(row 1 1)"
is "de: the counts" "43 hinzugekommen, 16 entfernt, 208 geändert (186 nur im Leerraum)" "$(row 1 4)"
is "de: changed, aligned" "geändert      0/tcp  (kein Dienstname): assignee, contact, modified, reference" "$(row 1 7)"
like "de: added" "hinzugekommen 2/tcp  (kein Dienstname)  Reserved" "$(screen 1)"
like "de: removed" "entfernt      2/tcp  compressnet  Management Utility" "$(screen 1)"
# 6. With --registry FILE, U says where it writes (the per-user path, never
# FILE) and goes on only when U comes again as the next key.
rm -f "$USERREG" "$USERREG.http"
cp "$OLD" "$TMPD/mine.csv"
cp "$TMPD/mine.csv" "$TMPD/mine.before"
gets=$(grep -c '"GET /ok/' "$TMPD/server.log")
# (260 columns: the status line starts with the cursor's port, then the
# question and its two paths)
TUI_REG="$TMPD/mine.csv" PORTSCOPE_SYSROOT=$FIXTURES/sysroot tui 260x30 'U' '@dump asked' 'j' '@dump no' \
	'U' 'U' '@dump yes'
like "--registry: U asks first, naming where it writes" \
	"  U again: download the official registry to $USERREG and show it instead of $TMPD/mine.csv" \
	"$(row 1 29)"
unlike "--registry: a key between cancels: nothing installed" "installed" "$(row 2 29)"
is "--registry: one download only (U U), none after U j" $((gets + 1)) "$(grep -c '"GET /ok/' "$TMPD/server.log")"
like "--registry: U U downloads and shows it" "  installed: 14474 records in $USERREG" "$(row 3 29)"
is "--registry: the download went to the per-user path" same "$(cmp -s "$REG" "$USERREG" && echo same)"
is "--registry: FILE is untouched" same "$(cmp -s "$TMPD/mine.before" "$TMPD/mine.csv" && echo same)"
finish
