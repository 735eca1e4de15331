/* SPDX-License-Identifier: MIT */
/* actions.h: what keys do (bound in keymap.c). Each returns reaction flags. */
#ifndef PORTSCOPE_ACTIONS_H
#define PORTSCOPE_ACTIONS_H

#include "tui.h"

/* Marks a curses KEY_* code apart from a character of the same value. */
#define KEYMAP_CODE 0x40000000
/* A curses KEY_* code as a key, not a character. */
#define K(c) (KEYMAP_CODE | (c))

/* clang-format off */
#define ACTION_LIST(X) \
	X(up) X(down) X(page_up) X(page_down) X(home) X(end) \
	X(goto) X(transport) X(search) X(focus) X(enter) X(refresh) X(back) X(quit)
/* clang-format on */

/* The headings the help page groups the map's keys under. */
enum key_group {
	KEYS_MOVE,
	KEYS_ZOOM,
	KEYS_SEARCH,
	KEYS_OVERLAYS,
	KEYS_PAGES,
	KEYS_OTHER,
	KEYS_GROUPS
};

/* A key binding: keys (characters or K(KEY_*); 0 ends the list), the
 * names the help page shows, the action, its help text, what the key does
 * while a page is open, the page it opens or closes (fn NULL), and its
 * heading on the help page. */
#define BINDING_KEYS 4
struct binding {
	int keys[BINDING_KEYS];
	const char *names;
	action_fn fn;
	const char *help;
	enum page_use on_page;
	enum page_id page;
	enum key_group group;
};

/* keymap.c: the action table binds to key, or NULL; the help lines of a
 * table as the '?' page shows them, wrapped to width (the suggestions and
 * ranges pages have tables of their own). */
action_fn keymap_find(const struct binding *table, size_t n, int key);
void keymap_help_lines(struct strbuf *t, const char *heading, const struct binding *table, size_t n,
		       int width);
/* A page's key hook over its table: the action's reaction, or PAGE_PASS. */
unsigned keymap_page_key(struct app *app, const struct binding *table, size_t n, int key);
/* The map's binding of key, or NULL. */
const struct binding *keymap_binding(int key);
/* Run the map's action for key, or say that the key is unknown. */
unsigned keymap_dispatch(struct app *app, int key);
/* The lines of the map's keys under heading group on the help page, its
 * heading first, wrapped to width. */
void keymap_help(struct strbuf *t, enum key_group group, int width);

#define ACTION_DECL(name) unsigned action_##name(struct app *app);
ACTION_LIST(ACTION_DECL)
#undef ACTION_DECL

#endif
