#!/bin/sh
# SPDX-License-Identifier: MIT
# test_history.sh: the detail pane tells a record's history: removal,
# de-registration, deprecation and reported unauthorized use, on a line of
# its own in the note colour (records from the real registry, read by eye
# in the CSV: lines 6-7, 103-104, 298 and the finger rows for port 79).
. "$TESTS_DIR/tui/tui_lib.sh"

tui 100x30 ':2<Enter>' '@dump' '@attrs' ':47<Enter>' '@dump' ':79<Enter>' '@dump' ':114<Enter>' '@dump' \
	':443<Enter>' '@dump'
is "port 2: de-assigned, previously compressnet" \
	"    History: de-registered, previously assigned on 2025-02-13 (see Notes)" "$(row 1 21)"
like "the notes it refers to are above it" \
	"Notes: De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]" "$(row 1 20)"
like "and the modification date" "Modified: 2025-02-13" "$(row 1 19)"
is "the history line has its own colour" yes \
	"$([ "$(screen 2 | sed -n 22p | cut -c5)" != "$(screen 2 | sed -n 21p | cut -c5)" ] && echo yes)"
like "port 47: removed" "    History: removed on 2017-05-18 (see Notes)" "$(screen 3)"
like "port 79: unauthorized use" "    History: unauthorized use reported (see Unauthorized use)" "$(screen 4)"
like "port 79: the report itself" "Unauthorized use: Unauthorized use by some mail users" "$(screen 4)"
like "port 114: deprecated" "    History: deprecated (see Notes)" "$(screen 5)"
is "port 443 has no history line" 0 "$(screen 6 | grep -c 'History:')"
finish
