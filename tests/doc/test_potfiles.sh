#!/bin/sh
# test_potfiles.sh: every C file of src/ and tui/ that marks strings for
# translation is listed in po/POTFILES.in (else xgettext never sees its
# strings), and every file listed there exists.
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
finish
