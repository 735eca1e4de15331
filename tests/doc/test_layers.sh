#!/bin/sh
# SPDX-License-Identifier: MIT
# test_layers.sh: the three layers (doc/HACKING.md), read from the built
# objects' symbols with nm: the core archive holds no CLI object and
# needs nothing of curses, the CLI or the TUI; the TUI needs nothing of
# the CLI; nothing but the TUI program's main calls into app.c; the TUI's
# modules call each other without a cycle; and portscope, the command
# line's program, links no curses. The sources' includes say the same.
. "$TESTS_DIR/lib.sh"
B=$BUILDDIR
CORE=$B/src/libportscope.a
CLI=$B/cli/libcli.a
MAIN=$B/cli/main.o
TUIMAIN=$B/cli/portscope_tui-tui_main.o
if ! command -v nm >/dev/null || ! command -v objdump >/dev/null || ! command -v tsort >/dev/null || [ ! -f "$CORE" ]; then
	echo "1..0 # SKIP nm, objdump, tsort or the built objects missing"
	exit 0
fi

# The TUI's objects, one per tui/*.c, as NAME PATH lines.
for c in "$SRCDIR"/tui/*.c; do
	n=$(basename "$c" .c)
	echo "$n $B/tui/portscope_tui-$n.o"
done >"$TMPD/tui"

# defined FILE...: the global symbols the objects define; undefined
# FILE...: those they need from elsewhere.
defined() { nm -P --defined-only "$@" 2>/dev/null | awk 'NF >= 2 && $2 ~ /^[A-Z]$/ { print $1 }' | sort -u; }
undefined() { nm -P -u "$@" 2>/dev/null | awk '{ print $1 }' | sort -u; }

missing=$(while read -r n o; do [ -f "$o" ] || echo "$o"; done <"$TMPD/tui")
is "every tui/*.c has its object" "" "$missing"
is "the CLI's archive and the two mains' objects are built" "" \
	"$(for f in "$CLI" "$MAIN" "$TUIMAIN"; do [ -f "$f" ] || echo "$f"; done)"

defined "$CLI" "$MAIN" "$TUIMAIN" >"$TMPD/cli.def"
while read -r n o; do defined "$o"; done <"$TMPD/tui" | sort -u >"$TMPD/tui.def"

# 1. The core.
members=$(ar t "$CORE" | sed 's/^libportscope_a-//; s/\.o$//')
cli_in_core=$(for c in "$SRCDIR"/cli/*.c; do
	n=$(basename "$c" .c)
	printf '%s\n' "$members" | grep -qx "$n" && echo "$n"
done)
is "the core archive holds no object of cli/" "" "$cli_in_core"
undefined "$CORE" >"$TMPD/core.undef"
defined "$CORE" >"$TMPD/core.def"
# what the core needs and does not define itself
comm -23 "$TMPD/core.undef" "$TMPD/core.def" >"$TMPD/core.needs"
is "the core needs nothing the CLI defines" "" "$(comm -12 "$TMPD/core.needs" "$TMPD/cli.def" | tr '\n' ' ')"
is "the core needs nothing the TUI defines" "" "$(comm -12 "$TMPD/core.needs" "$TMPD/tui.def" | tr '\n' ' ')"
# the curses libraries the program links, and what they define
libs=$(ldd "$B/portscope-tui" 2>/dev/null | awk '/ncurses|tinfo/ { print $3 }')
if [ -n "$libs" ]; then
	# shellcheck disable=SC2086
	nm -D --defined-only $libs 2>/dev/null | awk 'NF >= 3 { print $3 }' | sed 's/@.*//' | sort -u >"$TMPD/curses.def"
	is "the curses libraries define symbols (nm -D works)" yes "$([ -s "$TMPD/curses.def" ] && echo yes)"
	is "the core needs no curses symbol" "" "$(comm -12 "$TMPD/core.needs" "$TMPD/curses.def" | tr '\n' ' ')"
else
	is "the core needs no curses symbol (by name)" "" \
		"$(grep -E '^(initscr|newterm|endwin|wgetch|waddch|mvaddch|wrefresh|doupdate|wnoutrefresh|stdscr|curscr|COLS|LINES|setupterm|tigetstr)$' "$TMPD/core.needs" | tr '\n' ' ')"
fi

# The same as the sources' includes say it.
is "no core source includes curses or a header of cli/ or tui/" "" \
	"$(grep -lE '^#include [<"](n?curses\.h|term\.h|\.\./(cli|tui)/|cli\.h|output\.h)' "$SRCDIR"/src/*.[ch] | tr '\n' ' ')"

# 2. The TUI and the CLI.
used=$(while read -r n o; do undefined "$o"; done <"$TMPD/tui" | sort -u)
is "no tui object needs a symbol of cli/" "" "$(printf '%s\n' "$used" | comm -12 - "$TMPD/cli.def" | tr '\n' ' ')"
is "no tui source includes a header of cli/" "" \
	"$(grep -lE '^#include "(\.\./cli/|\.\./src/cli\.h|cli\.h|\.\./src/output\.h)' "$SRCDIR"/tui/*.[ch] | tr '\n' ' ')"

# 3. app.c is the top: only the TUI program's main calls it.
app_o=$(awk '$1 == "app" { print $2 }' "$TMPD/tui")
defined "$app_o" >"$TMPD/app.def"
callers=$(while read -r n o; do
	[ "$n" = app ] && continue
	undefined "$o" | comm -12 - "$TMPD/app.def" | sed "s/^/$n: /"
done <"$TMPD/tui")
is "no other tui object calls into app.c" "" "$callers"
is "the TUI program's main calls the TUI's entry, app_main" "app_main" \
	"$(undefined "$TUIMAIN" | comm -12 - "$TMPD/app.def")"
is "portscope's main calls nothing of the TUI" "" \
	"$(undefined "$MAIN" | comm -12 - "$TMPD/tui.def" | tr '\n' ' ')"

# The command line's program links no curses library, the TUI's does.
needed() { objdump -p "$1" 2>/dev/null | awk '$1 == "NEEDED" { print $2 }'; }
is "portscope links no curses library" "" \
	"$(needed "$B/portscope" | grep -E 'curses|tinfo' | tr '\n' ' ')"
# and no library a run may not use (doc/HACKING.md, "Libraries opened on
# first use"): libcsv, PCRE2 and expat are opened or linked statically
is "portscope links only libc and libxxhash (and the sanitizers' runtimes)" "" \
	"$(needed "$B/portscope" | grep -Ev '^(libc|libxxhash|libasan|libubsan)\.so\.' | tr '\n' ' ')"
is "portscope-tui has curses (shared or linked statically)" yes \
	"$(nm -P "$B/portscope-tui" | grep -Eq '^newterm(@[^ ]*)? [TU]' && echo yes)"

# 4. No cycle among the tui modules: an edge A B for each module B that
# defines a symbol A needs.
while read -r n o; do defined "$o" | sed "s/^/$n /"; done <"$TMPD/tui" >"$TMPD/owners"
while read -r n o; do
	undefined "$o" | awk -v a="$n" 'NR == FNR { owner[$2] = $1; next }
		($1 in owner) && owner[$1] != a { print a, owner[$1] }' "$TMPD/owners" -
done <"$TMPD/tui" | sort -u >"$TMPD/edges"
is "the tui modules call each other (the graph is not empty)" yes "$([ -s "$TMPD/edges" ] && echo yes)"
tsort <"$TMPD/edges" >/dev/null 2>"$TMPD/loop"
is "the tui modules form no cycle" "" "$(sed 's/^tsort: //; s/^-: //' "$TMPD/loop" | tr '\n' ' ')"
finish
