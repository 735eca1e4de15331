/* SPDX-License-Identifier: MIT */
/* keymap.c: the one table of key bindings: keys, the action they run and
 * the help text; the '?' page is rendered from it. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"
#include "text.h"
#include "tui.h"

#define K(c) (KEYMAP_CODE | (c)) /* a curses KEY_* code, not a character */
#define CTRL(c) ((c)&0x1f)

/* L10N: the key names column of the help page (at most 13 columns): name
   the special keys as German keyboards print them (Pos1, Bild, Strg ...),
   keep the letters and symbols, which are the keys themselves. */
/* clang-format off */
static const struct binding keymap[] = {
	{ { K(KEY_LEFT), 'h' }, N_("Left h"), action_left, N_("previous cell (scroll up in a page)") },
	{ { K(KEY_RIGHT), 'l' }, N_("Right l"), action_right, N_("next cell") },
	{ { K(KEY_UP), 'k' }, N_("Up k"), action_up, N_("row up (scroll the detail pane when focused)") },
	{ { K(KEY_DOWN), 'j' }, N_("Down j"), action_down, N_("row down") },
	{ { K(KEY_PPAGE), CTRL('b') }, N_("PgUp"), action_page_up, N_("page up") },
	{ { K(KEY_NPAGE), CTRL('f'), ' ' }, N_("PgDn Space"), action_page_down, N_("page down") },
	{ { K(KEY_HOME), 'g' }, N_("Home g"), action_home, N_("first port (0)") },
	{ { K(KEY_END), 'G' }, N_("End G"), action_end, N_("last port (65535)") },
	{ { '+', '=' }, "+", action_zoom_in, N_("zoom in: fewer ports per cell (down to 1)") },
	{ { '-', '_' }, "-", action_zoom_out, N_("zoom out: more ports per cell (256, then fit: the whole space on screen)") },
	{ { ':' }, ":", action_goto, N_("go to a port or service name (:443, :ssh)") },
	{ { ']' }, "]", action_next_gap, N_("next free gap (run of unassigned ports)") },
	{ { '[' }, "[", action_prev_gap, N_("previous free gap") },
	{ { '>' }, ">", action_next_mark, N_("next port the top marks cover (search, changed, listening, nmap, labels)") },
	{ { '<' }, "<", action_prev_mark, N_("previous port the top marks cover") },
	{ { 't' }, "t", action_transport, N_("cycle the transport: tcp, udp, sctp, dccp, any") },
	{ { '/' }, "/", action_search, N_("regex search, matches marked live as you type (Up/Down: earlier patterns)") },
	{ { 'n' }, "n", action_search_next, N_("next matching port (wraps around)") },
	{ { 'N' }, "N", action_search_prev, N_("previous matching port") },
	{ { 'L' }, "L", action_listeners, N_("toggle local listeners (read again every 2 s while on)") },
	{ { 'F' }, "F", action_frequent, N_("toggle marks on ports nmap often finds open") },
	{ { 'M' }, "M", action_labels, N_("toggle marks on the ports of your labels file") },
	{ { 's' }, "s", action_suggest, N_("suggest free ports near the cursor (a page; s again closes)") },
	{ { 'U' }, "U", action_update, N_("download the official IANA registry and load it") },
	{ { 'c' }, "c", action_changes, N_("what the last U changed (changed ports are marked)") },
	{ { 'r' }, "r", action_ranges, N_("the port ranges explained (RFC 6335)") },
	{ { '\t' }, N_("Tab"), action_focus, N_("focus the detail pane / the map") },
	{ { '\n', '\r', K(KEY_ENTER) }, N_("Enter"), action_enter, N_("focus the detail pane") },
	{ { 'D' }, "D", action_detail_toggle, N_("hide / show the detail pane (the map takes its lines)") },
	{ { '}' }, "}", action_detail_grow, N_("a taller detail pane") },
	{ { '{' }, "{", action_detail_shrink, N_("a shorter detail pane") },
	{ { '?', K(KEY_F(1)) }, N_("? F1"), action_help, N_("this help") },
	{ { CTRL('l') }, N_("Ctrl-L"), action_refresh, N_("redraw the screen") },
	{ { K(KEY_MOUSE) }, N_("mouse"), action_mouse, N_("click selects a cell, the wheel scrolls") },
	{ { 27 }, N_("Esc"), action_back, N_("back to the map; on the map, clear the search") },
	{ { 'q', 'Q' }, "q", action_quit, N_("quit (from a page: back to the map)") },
};
/* clang-format on */

#define KEYMAP_N (sizeof(keymap) / sizeof(keymap[0]))

action_fn keymap_find(const struct binding *table, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < BINDING_KEYS && table[i].keys[k]; k++)
			if (table[i].keys[k] == key)
				return table[i].fn;
	return NULL;
}

void keymap_help_lines(struct strbuf *t, const struct binding *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct strbuf line = STRBUF_INIT;
		strbuf_addf(&line, "%-*s%s", TEXT_KEY_WIDTH, _(table[i].names), _(table[i].help));
		text_wrap(t, TEXT_KEY, strbuf_str(&line), TEXT_KEY_WIDTH, COLS);
		strbuf_free(&line);
	}
}

unsigned keymap_dispatch(struct app *app, int key)
{
	action_fn fn = keymap_find(keymap, KEYMAP_N, key);
	if (fn)
		return fn(app);
	if (key == K(KEY_RESIZE))
		return REDRAW_NONE;
	app_message(app, true, _("unknown key: press ? for the list of keys"));
	return REDRAW_STATUS;
}

void keymap_help(struct app *app, struct strbuf *t)
{
	(void)app;
	text_wrap(t, TEXT_PLAIN,
		  _("Keys (less and vim habits). Each cell of the map is 1, 4, 16, "
		    "64 or 256 ports, or at the fit zoom whatever puts all 65,536 on "
		    "screen."),
		  0, COLS);
	text_line(t, TEXT_PLAIN);
	keymap_help_lines(t, keymap, KEYMAP_N);
	text_line(t, TEXT_PLAIN);
	text_wrap(t, TEXT_PLAIN,
		  _("Colours: a cell's background tint is its range (System blue, User "
		    "amber, Dynamic grey); its glyph and brightness its state: a dot when "
		    "free, a full block when assigned, shades between for a share. The "
		    "cursor is the black-on-white cell. Gutter marks: U / D the User / "
		    "Dynamic range starts in that row, p the kernel's privileged "
		    "boundary, e its ephemeral range (a bar through the rows inside it). "
		    "The ruler above the map gives each column's offset from the row's "
		    "start."),
		  0, COLS);
	pick_help(t);
}
