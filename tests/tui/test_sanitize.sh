#!/bin/sh
# SPDX-License-Identifier: MIT
# test_sanitize.sh: registry text reaches the screen only through the
# sanitiser: ESC, OSC, C1 (U+009B), CR and BS show as visible escapes.
. "$TESTS_DIR/tui/tui_lib.sh"

TUI_REG=$FIXTURES/tui-escapes.csv tui 100x30 ':7<Enter>' '@dump'
is "exit 0" 0 "$RC"
like "title of a small file" "| IANA registry 2020-01-01 | 2 records |" "$(row 1 0)"
like "escapes are visible" '7/tcp  evil  (assigned)  esc\e[31mred osc\e]2;PWNED\x07 csi\u009b cr\rbs\bend' "$(screen 1)"
is "no raw control byte in the dump" "" "$(screen 1 | tr -d '\n' | LC_ALL=C tr -d ' -~\200-\377')"
finish
