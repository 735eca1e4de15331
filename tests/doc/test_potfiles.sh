#!/bin/sh
# SPDX-License-Identifier: MIT
# test_potfiles.sh: every C file of src/ and tui/ that marks strings for
# translation is listed in po/POTFILES.in (else xgettext never sees its
# strings), every file listed there exists, and every catalogue in
# po/LINGUAS translates every message the sources have now (after new
# strings: make update-po, then translate what it marks).
. "$TESTS_DIR/lib.sh"

cd "$SRCDIR" || exit 1
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in)
for f in src/*.c tui/*.c; do
	if grep -Eq '(^|[^A-Za-z0-9_])[NP]?_\(' "$f"; then
		case "
$listed
" in
		*"
$f
"*) is "$f is in po/POTFILES.in" x x ;;
		*) is "$f marks strings: add it to po/POTFILES.in" listed missing ;;
		esac
	fi
done
for f in $listed; do
	is "po/POTFILES.in: $f exists" yes "$([ -f "$f" ] && echo yes || echo no)"
done

# Each catalogue against the messages of the sources as they are now.
xgettext -o "$TMPD/now.pot" --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	--from-code=UTF-8 --omit-header $listed 2>"$TMPD/xgettext.err"
is "xgettext reads the sources" "" "$(grep -v 'internationalized messages should not contain' "$TMPD/xgettext.err")"
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
	msgmerge -q --no-fuzzy-matching -o "$TMPD/$lang.po" "po/$lang.po" "$TMPD/now.pot"
	missing=$(msgattrib --untranslated --no-obsolete "$TMPD/$lang.po" | sed -n 's/^msgid "\(..*\)"$/\1/p')
	is "po/$lang.po translates every message (run make update-po, translate these)" "" "$missing"
	fuzzy=$(msgattrib --only-fuzzy --no-obsolete "po/$lang.po" | sed -n 's/^msgid "\(..*\)"$/\1/p')
	is "po/$lang.po has no fuzzy message" "" "$fuzzy"
	is "po/$lang.po passes msgfmt --check" "" "$(msgfmt --check -o /dev/null "po/$lang.po" 2>&1)"
done
finish
