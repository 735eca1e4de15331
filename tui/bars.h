/* SPDX-License-Identifier: MIT */
/* bars.h: a row of fields that drop by priority (bars.c), as the title
 * bar and the status line are built. */
#ifndef PORTSCOPE_BARS_H
#define PORTSCOPE_BARS_H

#include <stdbool.h>

#include <curses.h>

#include "../src/strbuf.h"

#define BARS_MAX 8

/* One field: what goes before it, its text, how long it stays. */
struct bars_field {
	const char *sep;
	struct strbuf text;
	int prio; /* the lower goes first */
	bool shown;
};

struct bars {
	struct bars_field f[BARS_MAX];
	int n;
};

/* Add a field after sep (shown only after another field), of priority
 * prio; its text to fill, or NULL when the row is full. */
struct strbuf *bars_add(struct bars *b, const char *sep, int prio);
/* Append untrusted text to a field, made safe (sb may be NULL). */
void bars_untrusted(struct strbuf *sb, const char *s);
/* Fit the row to width and draw it at (y, x) in attr; the columns used. */
int bars_draw(struct bars *b, int y, int x, int width, attr_t attr, bool utf8);
/* Free the fields' texts. */
void bars_free(struct bars *b);

#endif
