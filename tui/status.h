/* SPDX-License-Identifier: MIT */
/* status.h: the status line at the foot of the screen: the message any
 * part of the TUI leaves there, and the line as drawn: the mode, the
 * search's summary, the message and the key hint. */
#ifndef PORTSCOPE_STATUS_H
#define PORTSCOPE_STATUS_H

#include <stdbool.h>

#include "../src/strbuf.h"

struct app;

struct status {
	struct strbuf text;	/* the message */
	bool error;		/* drawn in the error colour */
	const char *mode;	/* the open page's mode (N_()); NULL: the map's */
	struct strbuf progress; /* a background scan's line (netscan.c), until it ends */
	bool fresh;		/* set by the key being handled (app.c clears it) */
};

/* Leave a message (an error when error) in the status line. */
void status_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void status_free(struct app *app);
/* The search's state ("/ssh: match 2 of 5 ports (7 records)"), the
 * "/PATTERN: " only when with_pattern; true when it reports a problem (a
 * limit hit). */
bool status_search(const struct app *app, struct strbuf *out, bool with_pattern);
/* Draw the status line (the main loop does, when no prompt is open). */
void status_draw(struct app *app);
/* Draw it now: only for progress during a blocking download (everything
 * else is drawn by the main loop). */
void status_now(struct app *app);

#endif
