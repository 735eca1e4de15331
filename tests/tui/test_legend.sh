#!/bin/sh
# SPDX-License-Identifier: MIT
# test_legend.sh: the legend under the map fits its line in English and in
# German: with every mark on (L listeners, F nmap, M labels) it gives up the
# gutter key, then uses short words (ranges, states, then marks), then drops
# whole items, lowest priority first; a word is never cut. The sources are
# the fixtures of test_choose.sh.
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
is "80, no marks: everything in full, with the gutter key" \
	"█assigned ▒reserved ·free █System █User █Dynamic U/D:range p:priv e:ephem(_)" "$(legend 1)"
is "80, L F M: the ranges shorten so the marks are whole" \
	"█assigned ▒reserved ·free █Sys █Usr █Dyn ●listening ◆nmap-frequent ▲labelled" "$(legend 2)"
is "40, L F M: states short, ranges dropped, the marks short" \
	"█asgd ▒rsvd ·free ●listen ◆nmap ▲label" "$(legend 3)"
is "40, zoomed out: the ramp's short form" "·░▒▓█ 0-100% █Sys ●listen ◆nmap ▲label" "$(legend 4)"
is "80, zoomed out: the ramp in full" \
	"·░▒▓█ assigned share 0-100% █Sys █Usr █Dyn ●listening ◆nmap-frequent ▲labelled" "$(legend 5)"
is "80, five overlays: the last marks shorten first" \
	"·░▒▓█ 0-100% █Sys █Usr █Dyn ●search match ─free gap ●listening ◆nmap ▲label" "$(legend 6)"
is "40, five overlays: only the overlays, short" "●match ─gap ●listen ◆nmap ▲label" "$(legend 7)"

de tui 80x24 '@dump none' 'LFM' '@dump marks' '@resize 40x24' '@dump 40' '-' '@dump ramp40'
is "German, exit 0" 0 "$RC"
is "German 80, no marks: in full" "█vergeben ▒reserviert ·frei █System █Benutzer █Dynamisch" "$(legend 1)"
is "German 80, L F M: ranges and states short, the marks whole" \
	"█verg. ▒res. ·frei █Sys. █Ben. █Dyn. ●lauschend ◆nmap-häufig ▲beschriftet" "$(legend 2)"
is "German 40, L F M" "█verg. ▒res. ●lauscht ◆nmap ▲beschr." "$(legend 3)"
is "German 40, zoomed out" "·░▒▓█ 0-100% ●lauscht ◆nmap ▲beschr." "$(legend 4)"

# Every width from 40 to 120, every mark and a search on, both languages:
# the legend is made of whole words only (curses would clip a line too wide,
# which would show as a cut word).
WORDS_EN='assigned|asgd|reserved|rsvd|free|assigned share 0-100%|0-100%|System|Sys|User|Usr|Dynamic|Dyn|U/D:range p:priv e:ephem(_)|search match|match|free gap|gap|listening|listen|nmap-frequent|nmap|labelled|label'
WORDS_DE='vergeben|verg\.|reserviert|res\.|frei|vergebener Anteil 0-100%|0-100%|System|Sys\.|Benutzer|Ben\.|Dynamisch|Dyn\.|U/D:Bereich p:priv e:ephem\(_\)|Suchtreffer|Treffer|freie Lücke|Lücke|lauschend|lauscht|nmap-häufig|nmap|beschriftet|beschr\.'
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
			gsub(/█|▒|·|●|◆|▲|─|░|▓/, "\n", s)
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
