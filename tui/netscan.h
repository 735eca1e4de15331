/* SPDX-License-Identifier: MIT */
/* netscan.h: scanning the network from the TUI (key S): the cursor's
 * port, or every port the suggestions page lists, scanned by nmap in the
 * background (nmapscan.h, on nmaprun.h's job) on the targets of --scan or the config
 * file's scan line, after one confirmation per session naming them. The
 * results are an overlay ("scan: open"), a line in the detail pane and
 * the suggestions page's net column. */
#ifndef PORTSCOPE_NETSCAN_H
#define PORTSCOPE_NETSCAN_H

#include <stddef.h>

#include "../src/strbuf.h"
#include "../src/suggest.h"

struct app;

/* While a scan runs, how often the loop looks at it and moves the
 * progress's seconds. */
#define NETSCAN_TICK_MS 100

/* The targets (copied; none: S says how to give them) and the overlay. */
void netscan_init(struct app *app, char *const *targets, size_t n);
/* Whether there are targets: S can scan, the net column shows. */
bool netscan_targets(void);
/* Cancel a running scan (its process reaped) and forget everything. */
void netscan_free(struct app *app);
/* S on the map: scan the cursor's port. */
unsigned netscan_cursor(struct app *app);
/* Scan the n spans [lo[i], hi[i]] (the suggestions page's rows). */
unsigned netscan_spans(struct app *app, const unsigned *lo, const unsigned *hi, size_t n);
/* A key before anyone else (after the prompt): the answer to the
 * confirmation, or Esc cancelling a scan; PAGE_PASS when not taken. */
unsigned netscan_key(struct app *app, int key);
/* Read what nmap wrote; when it is done, its results. What to redraw. */
unsigned netscan_tick(struct app *app);
/* How long the loop may wait for a key: idle, or less while scanning. */
int netscan_timeout(const struct app *app, int idle);
/* Headless (@scanned): wait until the running scan ends, at most ms;
 * false when it did not. */
bool netscan_wait(struct app *app, int ms);
/* The detail pane's line for port: "scan 12:03:04: open on 127.0.0.1
 * (http-alt)"; nothing when no scan covered it. */
void netscan_detail(struct app *app, struct strbuf *t, unsigned port);
/* The net check of port for the suggestions page: from the last scan
 * that covered it for o's transport; RESULT_NA when none did. */
enum check_result netscan_check(const struct suggest_sources *src, const struct suggest_opts *o,
				unsigned port);
/* Its value ("open", "closed" ...; n/a when no scan covered port). */
void netscan_value(struct strbuf *v, const struct suggest_sources *src,
		   const struct suggest_opts *o, unsigned port);
/* Where the net check's answer comes from, or how to get one. */
void netscan_source(struct strbuf *s);

#endif
