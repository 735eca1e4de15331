#!/bin/sh
# SPDX-License-Identifier: MIT
# test_refresh.sh: while L shows the listeners they are read again every
# 2 s (the script's clock moves only by @sleep, so this is exact on any
# machine); with L off they are not. The fake /proc of test_choose.sh gains
# a socket on 9999 (inode 1001, held by pid 100 "webserver") while the TUI
# runs, and loses it again after L is turned off.
. "$TESTS_DIR/tui/tui_lib.sh"
R="$TMPD/root"
"$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$R"
export PORTSCOPE_SYSROOT="$R"
TCP="$R/proc/net/tcp"
cp "$TCP" "$TMPD/tcp.orig"
NEW='   3: 0100007F:270F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0'

# The glyph on 9999 (the cursor's cell; the cursor keeps the mark's glyph):
# column 99 of the map row of 9900 (180 cells a row at 200 columns).
glyph() { screen "$1" | grep '^ 9900 ' | sed 's/^.\{109\}\(.\).*/\1/'; }

tui_bg 200x40 ':9999<Enter>' 'L' '@dump before' "@wait $TMPD/go1" '@sleep 1999' '@dump early' \
	'@sleep 1' '@dump after' '@sleep 2000' '@dump steady' 'L' '@dump off' "@wait $TMPD/go2" \
	'@sleep 10000' '@dump later' 'L' '@dump again'
wait_dump before
printf '%s\n' "$NEW" >>"$TCP"
: >"$TMPD/go1"
wait_dump off
cp "$TMPD/tcp.orig" "$TCP"
: >"$TMPD/go2"
tui_wait
is "exit 0" 0 "$RC"
is "before: 9999 not marked (the cursor draws an assigned cell as ■)" "■" "$(glyph 1)"
like "before: nobody listens; the pane says how often it looks" \
	"Listening here    nobody  [$R/proc/net, read again every 2 s while L is on]" "$(screen 1)"
is "1999 ms later: not read again yet" "■" "$(glyph 2)"
is "2000 ms: the new socket is marked" "●" "$(glyph 3)"
like "2000 ms: the pane names it" "Listening here    tcp 127.0.0.1:9999 pid 100 webserver" "$(screen 3)"
is "the refresh keeps the status line" "$(row 1 39)" "$(row 3 39)"
is "4000 ms, nothing changed: the same screen" "$(screen 3)" "$(screen 4)"
like "L off: the pane gives the scan's time again" "[$R/proc/net, scanned " "$(screen 5)"
like "L off, 10 s later: not read again (the socket gone from /proc is still shown)" \
	"Listening here    tcp 127.0.0.1:9999 pid 100 webserver" "$(screen 6)"
is "L on again: read at once, the socket is gone" "■" "$(glyph 7)"
like "... and the pane says nobody" "Listening here    nobody  [" "$(screen 7)"

# The help page says the interval.
tui 80x40 '?' '@dump'
like "help: L and its interval" "L             toggle local listeners (read again every 2 s while on)" "$(screen 1)"

# A bad @sleep or a @wait that times out is a script error naming the line.
tui 80x24 '@sleep -5'
is "@sleep -5: exit 2" 2 "$RC"
like "@sleep -5: named" "keys:1: unknown script command" "$ERR"
finish
