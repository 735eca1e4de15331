#!/bin/sh
# SPDX-License-Identifier: MIT
# test_page_dumps.sh: whole screens of the map and of every page (help,
# ranges, suggestions, changes) at 80x24 and 100x30, compared byte for byte
# with tests/tui/expected/. The TUI runs in a scratch directory on relative
# paths (registry, sysroot, home), so the screens are the same in every
# build tree; the one clock time shown is masked.
# After an intended change of what the screens show, write the expected
# files anew and read their diff:
#   UPDATE_EXPECTED=1 make check TESTS=tests/tui/test_page_dumps.sh
. "$TESTS_DIR/tui/tui_lib.sh"
EXPECTED="$TESTS_DIR/tui/expected"
CUR=service-names-port-numbers.csv

W="$TMPD/w"
mkdir -p "$W/h/.config/portscope"
cp -R "$FIXTURES/sysroot-suggest" "$W/sys"
cp "$FIXTURES/sysroot/proc/sys/net/ipv4/"* "$W/sys/proc/sys/net/ipv4/"
cp "$FIXTURES/config-suggest/portscope/labels" "$W/h/.config/portscope/"
ln -s "$REG" "$W/$CUR"
cd "$W" || exit 1
export PORTSCOPE_SYSROOT=sys HOME=h
unset XDG_CONFIG_HOME XDG_DATA_HOME
TUI_REG=$CUR

# check NAME: the dumps of the last run against tests/tui/expected/NAME.txt
# (clock times masked).
check() {
	sed 's/[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/hh:mm:ss/g' "$TMPD/out" >"$TMPD/$1.txt"
	if [ -n "${UPDATE_EXPECTED:-}" ]; then
		mkdir -p "$EXPECTED"
		cp "$TMPD/$1.txt" "$EXPECTED/$1.txt"
	fi
	is "$1: exit 0" 0 "$RC"
	if cmp -s "$EXPECTED/$1.txt" "$TMPD/$1.txt"; then
		is "$1: the screens are as expected" same same
	else
		is "$1: the screens are as expected" same "differ"
		diff -u "$EXPECTED/$1.txt" "$TMPD/$1.txt" | head -40 | sed 's/^/# /'
	fi
}

for size in 80x24 100x30; do
	tui "$size" '@dump map' ':8080<Enter>' '@dump map 8080' '<Tab>' '@dump detail' '<Tab>' \
		'?' '@dump help' '@attrs help' '<PgDn>' '@dump help PgDn' 'G' '@dump help end' 'q' '@dump help q' \
		'r' '@dump ranges' 't' '@dump ranges tcp' 'jj' '@dump ranges jj' 'r' '@dump ranges r' \
		's' '@dump suggest' '@attrs suggest' 'jj' '@dump suggest jj' '+' '@dump suggest +' 'G' '@dump suggest G' \
		'<Enter>' '@dump suggest Enter' 's' 'q' '@dump suggest q' 'c' '@dump c without U' \
		'F?<Esc>' '@dump Esc' '-' 'r' '@dump ranges zoomed out'
	check "pages-$size"
	# from page to page: each page key on each page
	tui "$size" '?s' '@dump help s' 'r' '@dump help r' '?' '@dump ranges ?' 'c' '@dump help c' \
		'qs' '@dump suggest' 'r' '@dump suggest r' 's' '@dump ranges s' 'qs?' '@dump suggest ?' \
		'<Tab>' '@dump help Tab' ':' '@dump help :' '<Esc>s/ssh' '@dump suggest /' '<Esc>' \
		'@dump Esc'
	check "moves-$size"
done

# The changes page: U over an older per-user registry, from the loopback
# server (only when built with libcurl).
if [ "${WITH_CURL:-yes}" = yes ]; then
	. "$TESTS_DIR/http_lib.sh"
	start_server
	cd "$W" || exit 1
	mkdir -p h/.local/share/portscope
	export PORTSCOPE_UPDATE_URL="$BASE/ok/$CUR"
	TUI_REG=none
	for size in 80x24 100x30; do
		cp "$OLD" "h/.local/share/portscope/$CUR"
		rm -f "h/.local/share/portscope/$CUR.http"
		tui "$size" '@dump before U' 's' 'U' '@dump after U from suggest' 'c' '@dump changes' \
			'@attrs changes' '<PgDn>' '@dump changes PgDn' 'G' '@dump changes end' 'c' \
			'@dump changes c' 'c?c' '@dump changes from help'
		check "changes-$size"
	done
fi
finish
