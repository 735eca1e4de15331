/* SPDX-License-Identifier: MIT */
/* marks.h: the optional sources (listeners, /etc/services, nmap-services,
 * the user's labels) as overlays on the map, each loaded once through the
 * core's portfacts (portfacts.h). */
#ifndef PORTSCOPE_MARKS_H
#define PORTSCOPE_MARKS_H

#include <stdbool.h>
#include <time.h>

#include "../src/portfacts.h"
#include "../src/strbuf.h"
#include "../src/suggest.h"
#include "overlay.h"

struct app;

/* The services(5)-format sources, in the order the detail pane shows them. */
enum marks_source {
	MARKS_ETC,
	MARKS_NMAP,
	MARKS_LABELS,
	MARKS_SOURCES,
};

/* How often the listeners are read again while L shows them (htop's
 * refresh delay); the help page, the detail pane and the manual say it. */
#define MARKS_REFRESH_MS 2000

struct marks {
	struct overlay listen, freq, labels;
	/* a source that failed to load: its error, shown instead of it */
	struct strbuf failed[MARKS_SOURCES];
	bool skips_said[MARKS_SOURCES]; /* its malformed lines are in the status line */
	bool loaded;			/* marks_preload() has run */
	bool scanned;			/* the listeners have been read */
	time_t scan_time;		/* when */
	uint64_t scan_ms;		/* when, by script_clock_ms() */
	uint64_t fingerprint;		/* of what was read, to see a change */
};

/* marks.c */
void marks_init(struct app *app);
/* "file:line: message" of err (parts it lacks left out). */
void marks_error_text(struct strbuf *out, const struct ps_error *err);
void marks_free(struct app *app);
/* A source, loaded on first use; NULL when absent or malformed (the error
 * is then in app->marks.failed[s] and once in the status line). */
const struct portnames *marks_names(struct app *app, enum marks_source s);
/* The listeners, scanned on first use; NULL only when out of memory. */
const struct listeners *marks_listeners(struct app *app);
/* Load every source once, after the first frame, so it shows without
 * waiting for them; what must be redrawn then (REDRAW_NONE when done). */
unsigned marks_preload(struct app *app);
/* Scan the listeners again (the overlay follows); false when out of memory. */
bool marks_rescan(struct app *app);
/* The checks' sources, as suggest.h wants them. */
void marks_sources(struct app *app, struct suggest_sources *src);
/* While L is on, read the listeners again every MARKS_REFRESH_MS; what to
 * redraw (REDRAW_NONE when nothing changed). */
unsigned marks_tick(struct app *app);
/* How long the main loop may wait for a key: idle ms, or less when a
 * refresh is due sooner. */
int marks_timeout(struct app *app, int idle);
/* Rebuild the enabled overlays for the transport filter. */
void marks_transport_changed(struct app *app);
unsigned marks_toggle_listeners(struct app *app);
unsigned marks_toggle_frequent(struct app *app);
unsigned marks_toggle_labels(struct app *app);

#endif
