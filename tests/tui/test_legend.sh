#!/bin/sh
# SPDX-License-Identifier: MIT
# test_legend.sh: the legend under the map fits its line in English and in
# German: each range with its swatches, what they are, then the marks (L
# listeners, F nmap, M labels). Too narrow, it gives up the gutter key, then
# uses short words (states, ranges, then marks), then drops whole items,
# lowest priority first; a word is never cut. The sources are the fixtures
# of test_choose.sh.
. "$TESTS_DIR/tui/tui_lib.sh"
R="$TMPD/root"
"$TESTS_DIR/mkproc.sh" "$FIXTURES/sysroot-listeners" "$R"
cp -R "$FIXTURES/sysroot-suggest/etc" "$FIXTURES/sysroot-suggest/usr" "$R/"
export PORTSCOPE_SYSROOT="$R" XDG_CONFIG_HOME="$FIXTURES/config-suggest"

# In the de_DE.UTF-8 locale (quickstart generates it).
de() {
	export LC_ALL=de_DE.UTF-8
	"$@"
	export LC_ALL=C.UTF-8
}

# At 24 rows the legend is row 11 at every width.
legend() { row "$1" 11; }

tui 80x24 '@dump none' 'LFM' '@dump marks' '@resize 40x24' '@dump 40' '-' '@dump ramp40' \
	'@resize 80x24' '@dump ramp80' '/ssh<Enter>]' '@dump all80' '@resize 40x24' '@dump all40'
is "exit 0" 0 "$RC"
is "80, no marks: each range with its swatches in full (the gutter key does not fit)" \
	"·▒█ System ·▒█ User ·▒█ Dynamic = free, reserved, assigned" "$(legend 1)"
is "80, L F M: states and ranges shorten so the marks are whole" \
	"·▒█ Sys ·▒█ Usr ·▒█ Dyn = free rsvd asgd ●listening ◆nmap-frequent ▲labelled" "$(legend 2)"
is "40, L F M: states dropped, the last range dropped, the marks short" \
	"·▒█ Sys ·▒█ Usr ●listen ◆nmap ▲label" "$(legend 3)"
is "40, zoomed out: the ramps, short" "·░▒▓█ Sys ·░▒▓█ Usr ●listen ◆nmap ▲label" "$(legend 4)"
is "80, zoomed out: the ramps" \
	"·░▒▓█ Sys ·░▒▓█ Usr ·░▒▓█ Dyn = 0-100% ●listening ◆nmap-frequent ▲labelled" "$(legend 5)"
is "80, five overlays: the last marks shorten first" \
	"·░▒▓█ Sys ·░▒▓█ Usr ·░▒▓█ Dyn = 0-100% ●search match ─gap ●listen ◆nmap ▲label" "$(legend 6)"
is "40, five overlays: only the overlays, short" "●match ─gap ●listen ◆nmap ▲label" "$(legend 7)"

de tui 80x24 '@dump none' 'LFM' '@dump marks' '@resize 40x24' '@dump 40' '-' '@dump ramp40'
is "German, exit 0" 0 "$RC"
is "German 80, no marks: in full" "·▒█ System ·▒█ Benutzer ·▒█ Dynamisch = frei, reserviert, vergeben" "$(legend 1)"
is "German 80, L F M: ranges and states short, the marks whole but the last" \
	"·▒█ Sys. ·▒█ Ben. ·▒█ Dyn. = frei res. verg. ●lauschend ◆nmap-häufig ▲beschr." "$(legend 2)"
is "German 40, L F M" "·▒█ Sys. ●lauscht ◆nmap ▲beschr." "$(legend 3)"
is "German 40, zoomed out" "·░▒▓█ Sys. ●lauscht ◆nmap ▲beschr." "$(legend 4)"

# Every width from 40 to 120, every mark and a search on, both languages:
# the legend is made of whole words only (curses would clip a line too wide,
# which would show as a cut word).
# A range's word may be followed by what its swatches are.
STATES_EN=' = (free, reserved, assigned|free rsvd asgd|assigned share 0-100%|0-100%)'
STATES_DE=' = (frei, reserviert, vergeben|frei res[.] verg[.]|vergebener Anteil 0-100%|0-100%)'
WORDS_EN="(System|Sys|User|Usr|Dynamic|Dyn)($STATES_EN)?|gutter: U/D User/Dynamic range starts, p privileged ports end, e ephemeral range; [+] column offset|U/D range starts, p privileged end, e ephemeral|search match|match|free gap|gap|listening|listen|nmap-frequent|nmap|labelled|label|changed|chg"
WORDS_DE="(System|Sys[.]|Benutzer|Ben[.]|Dynamisch|Dyn[.])($STATES_DE)?|Rand: U/D Beginn des Benutzer-/Dynamisch-Bereichs, p Ende der privilegierten Ports, e ephemerer Bereich; [+] Spaltenabstand|U/D Bereichsbeginn, p Ende privilegiert, e ephemer|Suchtreffer|Treffer|freie Lücke|Lücke|lauschend|lauscht|nmap-häufig|nmap|beschriftet|beschr[.]|geändert|geänd[.]"
sweep() {
	set -- 'LFM/ssh<Enter>]'
	w=40
	while [ $w -le 120 ]; do
		set -- "$@" "@resize ${w}x24" "@dump $w" '-' "@dump $w" '+'
		w=$((w + 1))
	done
	tui 80x24 "$@"
}
# bad WORDS: the legends of the last run with a piece that is not a whole
# word ("WIDTH: LEGEND").
bad() {
	awk -v words="^($1)\$" '
		/^--- / { w = $3 + 0; n = 0; next }
		++n == 12 {
			s = $0
			gsub(/█|▒|·|●|◆|▲|─|░|▓|◇/, "\n", s)
			k = split(s, piece, "\n")
			for (i = 2; i <= k; i++) {
				p = piece[i]
				sub(/^ /, "", p); sub(/ +$/, "", p)
				if (p != "" && p !~ words) { print w ": " $0; next }
			}
		}' "$TMPD/out"
}
sweep
is "40-120 columns, English: whole words only (162 legends)" "162 " "$(grep -c '^--- ' "$TMPD/out") $(bad "$WORDS_EN")"
de sweep
is "40-120 columns, German: whole words only (162 legends)" "162 " "$(grep -c '^--- ' "$TMPD/out") $(bad "$WORDS_DE")"
finish
