/* SPDX-License-Identifier: MIT */
/* actions.h: what keys do (bound in keymap.c). Each returns reaction flags. */
#ifndef PORTSCOPE_ACTIONS_H
#define PORTSCOPE_ACTIONS_H

#include "tui.h"

/* Marks a curses KEY_* code apart from a character of the same value. */
#define KEYMAP_CODE 0x40000000

/* clang-format off */
#define ACTION_LIST(X) \
	X(left) X(right) X(up) X(down) X(page_up) X(page_down) X(home) X(end) \
	X(zoom_in) X(zoom_out) X(goto) X(next_gap) X(prev_gap) X(transport) \
	X(search) X(search_next) X(search_prev) X(listeners) X(suggest) \
	X(update) X(changes) X(frequent) X(labels) \
	X(detail_toggle) X(detail_grow) X(detail_shrink) X(next_mark) X(prev_mark) X(enter) \
	X(ranges) X(focus) X(help) X(refresh) X(mouse) X(back) X(quit)
/* clang-format on */

/* A key binding: keys (characters or KEYMAP_CODE | KEY_*; 0 ends the
 * list), the names the help page shows, the action and its help text. */
#define BINDING_KEYS 4
struct binding {
	int keys[BINDING_KEYS];
	const char *names;
	action_fn fn;
	const char *help;
};

/* keymap.c: the action table binds to key, or NULL; the help lines of a
 * table as the '?' page shows them (pick.c's page has its own table). */
action_fn keymap_find(const struct binding *table, size_t n, int key);
void keymap_help_lines(struct strbuf *t, const struct binding *table, size_t n);

#define ACTION_DECL(name) unsigned action_##name(struct app *app);
ACTION_LIST(ACTION_DECL)
#undef ACTION_DECL

#endif
