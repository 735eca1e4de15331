/* SPDX-License-Identifier: MIT */
/* keymap.c: the one table of key bindings: keys, the action they run and
 * the help text; the '?' page is rendered from it. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"
#include "netscan.h"
#include "text.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)

/* L10N: the key names column of the help page (at most 13 columns): name
   the special keys as German keyboards print them (Pos1, Bild, Strg ...),
   keep the letters and symbols, which are the keys themselves. */
/* clang-format off */
static const struct binding keymap[] = {
	{ { K(KEY_LEFT), 'h' }, N_("Left h"), heatmap_left, N_("previous cell (scroll up in a page)"), .on_page = PAGE_USE_LINE_UP, .group = KEYS_MOVE },
	{ { K(KEY_RIGHT), 'l' }, N_("Right l"), heatmap_right, N_("next cell"), .on_page = PAGE_USE_LINE_DOWN, .group = KEYS_MOVE },
	{ { K(KEY_UP), 'k' }, N_("Up k"), action_up, N_("row up (scroll the detail pane when focused)"), .on_page = PAGE_USE_LINE_UP, .group = KEYS_MOVE },
	{ { K(KEY_DOWN), 'j' }, N_("Down j"), action_down, N_("row down"), .on_page = PAGE_USE_LINE_DOWN, .group = KEYS_MOVE },
	{ { K(KEY_PPAGE), CTRL('b') }, N_("PgUp"), action_page_up, N_("page up"), .on_page = PAGE_USE_SCREEN_UP, .group = KEYS_MOVE },
	{ { K(KEY_NPAGE), CTRL('f'), ' ' }, N_("PgDn Space"), action_page_down, N_("page down"), .on_page = PAGE_USE_SCREEN_DOWN, .group = KEYS_MOVE },
	{ { K(KEY_HOME), 'g' }, N_("Home g"), action_home, N_("first port (0)"), .on_page = PAGE_USE_TOP, .group = KEYS_MOVE },
	{ { K(KEY_END), 'G' }, N_("End G"), action_end, N_("last port (65535)"), .on_page = PAGE_USE_BOTTOM, .group = KEYS_MOVE },
	{ { '+', '=' }, "+", heatmap_zoom_in, N_("zoom in: fewer ports per cell (down to 1)"), .on_page = PAGE_USE_NONE, .group = KEYS_ZOOM },
	{ { '-', '_' }, "-", heatmap_zoom_out, N_("zoom out: more ports per cell (256, then fit: the whole space on screen)"), .on_page = PAGE_USE_NONE, .group = KEYS_ZOOM },
	{ { ':' }, ":", action_goto, N_("go to a port or service name (:443, :ssh); Tab completes the name"), .on_page = PAGE_USE_LEAVE, .group = KEYS_MOVE },
	{ { ']' }, "]", heatmap_next_gap, N_("next free gap (run of unassigned ports)"), .on_page = PAGE_USE_NONE, .group = KEYS_MOVE },
	{ { '[' }, "[", heatmap_prev_gap, N_("previous free gap"), .on_page = PAGE_USE_NONE, .group = KEYS_MOVE },
	{ { '>' }, ">", heatmap_next_mark, N_("next port the top marks cover (search, changed, listening, nmap, labels)"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { '<' }, "<", heatmap_prev_mark, N_("previous port the top marks cover"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { 't' }, "t", action_transport, N_("cycle the transport: tcp, udp, sctp, dccp, any"), .on_page = PAGE_USE_RUN, .group = KEYS_OTHER },
	{ { '/' }, "/", action_search, N_("regex search, matches marked live as you type (Up/Down: earlier patterns)"), .on_page = PAGE_USE_LEAVE, .group = KEYS_SEARCH },
	{ { 'n' }, "n", find_next, N_("next matching port (wraps around)"), .on_page = PAGE_USE_NONE, .group = KEYS_SEARCH },
	{ { 'N' }, "N", find_prev, N_("previous matching port"), .on_page = PAGE_USE_NONE, .group = KEYS_SEARCH },
	{ { 'L' }, "L", marks_toggle_listeners, N_("toggle local listeners (read again every 2 s while on)"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { 'F' }, "F", marks_toggle_frequent, N_("toggle marks on ports nmap often finds open"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { 'M' }, "M", marks_toggle_labels, N_("toggle marks on the ports of your labels file"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { 'S' }, "S", netscan_cursor, N_("scan the cursor's port on the network (nmap); Esc cancels"), .on_page = PAGE_USE_NONE, .group = KEYS_OVERLAYS },
	{ { 's' }, "s", NULL, N_("suggest free ports near the cursor (a page; s again closes)"), .on_page = PAGE_USE_NONE, .page = PAGE_SUGGESTIONS, .group = KEYS_PAGES },
	{ { 'U' }, "U", changes_update, N_("download the official IANA registry and load it"), .on_page = PAGE_USE_LEAVE, .group = KEYS_OTHER },
	{ { 'c' }, "c", NULL, N_("what the last U changed (changed ports are marked)"), .on_page = PAGE_USE_RUN, .page = PAGE_CHANGES, .group = KEYS_PAGES },
	{ { 'r' }, "r", NULL, N_("the port ranges explained (RFC 6335)"), .on_page = PAGE_USE_RUN, .page = PAGE_RANGES, .group = KEYS_PAGES },
	{ { 'y' }, "y", NULL, N_("registrations per year; Enter marks a year's on the map"), .on_page = PAGE_USE_RUN, .page = PAGE_YEARS, .group = KEYS_PAGES },
	{ { '\t' }, N_("Tab"), action_focus, N_("focus the detail pane / the map"), .on_page = PAGE_USE_NONE, .group = KEYS_OTHER },
	{ { '\n', '\r', K(KEY_ENTER) }, N_("Enter"), action_enter, N_("focus the detail pane (pick: pick the cursor's port)"), .on_page = PAGE_USE_NONE, .group = KEYS_OTHER },
	{ { 'D' }, "D", detail_toggle, N_("hide / show the detail pane (the map takes its lines)"), .on_page = PAGE_USE_NONE, .group = KEYS_ZOOM },
	{ { '}' }, "}", detail_grow, N_("a taller detail pane"), .on_page = PAGE_USE_NONE, .group = KEYS_ZOOM },
	{ { '{' }, "{", detail_shrink, N_("a shorter detail pane"), .on_page = PAGE_USE_NONE, .group = KEYS_ZOOM },
	{ { '?', K(KEY_F(1)) }, N_("? F1"), NULL, N_("this help"), .on_page = PAGE_USE_RUN, .page = PAGE_HELP, .group = KEYS_PAGES },
	{ { CTRL('l') }, N_("Ctrl-L"), action_refresh, N_("redraw the screen"), .on_page = PAGE_USE_RUN, .group = KEYS_OTHER },
	{ { K(KEY_MOUSE) }, N_("mouse"), heatmap_mouse, N_("click selects a cell, the wheel scrolls"), .on_page = PAGE_USE_NONE, .group = KEYS_MOVE },
	{ { 27 }, N_("Esc"), action_back, N_("back to the map; on the map, clear the search"), .on_page = PAGE_USE_BACK, .group = KEYS_OTHER },
	{ { 'q', 'Q' }, "q", action_quit, N_("quit (from a page: back to the map)"), .on_page = PAGE_USE_BACK, .group = KEYS_OTHER },
};
/* clang-format on */

#define KEYMAP_N (sizeof(keymap) / sizeof(keymap[0]))

/* The row of table that binds key, or NULL. */
static const struct binding *keymap_row(const struct binding *table, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < BINDING_KEYS && table[i].keys[k]; k++)
			if (table[i].keys[k] == key)
				return &table[i];
	return NULL;
}

action_fn keymap_find(const struct binding *table, size_t n, int key)
{
	const struct binding *b = keymap_row(table, n, key);
	return b ? b->fn : NULL;
}

const struct binding *keymap_binding(int key)
{
	return keymap_row(keymap, KEYMAP_N, key);
}

/* One key's help line, wrapped under its help column. */
static void keymap_help_line(struct strbuf *t, const struct binding *b, int width)
{
	struct strbuf line = STRBUF_INIT;
	strbuf_addf(&line, "%-*s%s", TEXT_KEY_WIDTH, _(b->names), _(b->help));
	text_wrap(t, TEXT_KEY, strbuf_str(&line), TEXT_KEY_WIDTH, width);
	strbuf_free(&line);
}

void keymap_help_lines(struct strbuf *t, const char *heading, const struct binding *table, size_t n,
		       int width)
{
	if (heading) {
		text_line(t, TEXT_HEADING);
		text_add(t, heading);
	}
	for (size_t i = 0; i < n; i++)
		keymap_help_line(t, &table[i], width);
}

unsigned keymap_page_key(struct app *app, const struct binding *table, size_t n, int key)
{
	action_fn fn = keymap_find(table, n, key);
	return fn ? fn(app) : PAGE_PASS;
}

unsigned keymap_dispatch(struct app *app, int key)
{
	action_fn fn = keymap_find(keymap, KEYMAP_N, key);
	if (fn)
		return fn(app);
	if (key == K(KEY_RESIZE))
		return REDRAW_NONE;
	status_message(app, true, _("unknown key: press ? for the list of keys"));
	return REDRAW_STATUS;
}

void keymap_help(struct strbuf *t, enum key_group group, int width)
{
	static const char *const headings[KEYS_GROUPS] = {
		/* L10N: the headings of the help page's groups of keys. */
		[KEYS_MOVE] = N_("Moving"),   [KEYS_ZOOM] = N_("Zoom and layout"),
		[KEYS_SEARCH] = N_("Search"), [KEYS_OVERLAYS] = N_("Overlays (marks on the map)"),
		[KEYS_PAGES] = N_("Pages"),   [KEYS_OTHER] = N_("Other"),
	};
	text_line(t, TEXT_HEADING);
	text_add(t, _(headings[group]));
	for (size_t i = 0; i < KEYMAP_N; i++)
		if (keymap[i].group == group)
			keymap_help_line(t, &keymap[i], width);
}
