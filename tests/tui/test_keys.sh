#!/bin/sh
# SPDX-License-Identifier: MIT
# test_keys.sh: Enter on the map focuses the detail pane; > and < go to
# the next and previous port the top overlay marks (the listeners of the
# fixture tree: 22, 53, 443, 5353, 8080-8082, 40000; then a search, which
# is drawn above them), around the ends of the port space.
. "$TESTS_DIR/tui/tui_lib.sh"
R="$TMPD/root"
"$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$R"
export PORTSCOPE_SYSROOT="$R"

tui 100x30 ':8000<Enter>' '<Enter>' '@dump enter' '<Tab>>' '@dump none' 'L>' '@dump next' \
	'>' '@dump again' '<lt><lt>' '@dump back' ':40000<Enter>>' '@dump wrap' \
	'/ssh<Enter>>' '@dump search'
is "exit 0" 0 "$RC"
like "Enter: the detail pane has the focus" "[detail focused" "$(heading 1)"
like "Enter: the status line says so" "[DETAIL] port 8000" "$(row 1 29)"
like "> with no marks says how to make some" "no marks to go to: L, F or M marks ports, / searches" \
	"$(row 2 29)"
like "> after L: the next listener" " Port 8080 " "$(heading 3)"
like "... and its rank" "listening: port 8080 (5 of 8)" "$(row 3 29)"
like "> again: 8081" " Port 8081 " "$(heading 4)"
like "< twice: back past 8080 to 5353" "listening: port 5353 (4 of 8)" "$(row 5 29)"
like "> from the last one: around to the first" "listening: port 22 (1 of 8)" "$(row 6 29)"
like "a search is drawn on top, so > follows its matches" "search match: port 614 (2 of 9)" \
	"$(row 7 29)"
is "help: > and <" "2" "$(printf '%s\n' "$(tui 100x60 '?' '@dump' && screen 1)" | grep -c '^[<>]  ')"
finish
