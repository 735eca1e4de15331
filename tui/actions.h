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
	X(frequent) X(labels) \
	X(ranges) X(focus) X(help) X(refresh) X(mouse) X(back) X(quit)
/* clang-format on */

#define ACTION_DECL(name) unsigned action_##name(struct app *app);
ACTION_LIST(ACTION_DECL)
#undef ACTION_DECL

#endif
