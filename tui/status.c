/* SPDX-License-Identifier: MIT */
/* status.c: the status line: the mode, the cursor's port, the search's
 * summary, the message and the key hint, fields fitted to the width by
 * priority (bars.c). */
#include <config.h>

#include <stdarg.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "bars.h"
#include "tui.h"

void status_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	strbuf_reset(&app->status.text);
	va_start(ap, fmt);
	strbuf_vaddf(&app->status.text, fmt, ap);
	va_end(ap);
	app->status.error = error;
	app->status.fresh = true;
}

void status_free(struct app *app)
{
	strbuf_free(&app->status.text);
	strbuf_free(&app->status.progress);
}

/* "N ports (M records)", or "match k of N ports (M records)" when the
 * cursor is on a match; after any limit hit. True when limits were hit. */
static bool status_search_counts(const struct app *app, const struct search *s, struct strbuf *out)
{
	const uint32_t *idx;
	size_t ports = search_port_count(s), recs = search_records(s, &idx);
	size_t hits = search_limit_hits(s), searched;
	if (search_was_cut(s, &searched)) /* first: never cut off, nor read as "no match" */
		strbuf_addf(out, _("time limit hit after %'zu records; "), searched);
	else if (hits)
		strbuf_addf(out,
			    P_("limit hit in %'zu field; ", "limit hit in %'zu fields; ", hits),
			    hits);
	if (search_port_matches(s, app->cursor))
		strbuf_addf(out, P_("match %'zu of %'zu port", "match %'zu of %'zu ports", ports),
			    search_port_rank(s, app->cursor), ports);
	else
		strbuf_addf(out, P_("%'zu port", "%'zu ports", ports), ports);
	strbuf_addf(out, P_(" (%'zu record)", " (%'zu records)", recs), recs);
	return hits > 0;
}

bool status_search(const struct app *app, struct strbuf *out, bool with_pattern)
{
	const struct find *f = &app->find;
	size_t total, done;
	if (f->running) {
		done = search_progress(f->running, &total);
		if (with_pattern)
			strbuf_addf(out, "/%s: ", strbuf_str(&f->running_pattern));
		strbuf_addf(out, _("searching, %zu%%"), total ? done * 100 / total : 100);
		return false;
	}
	if (!f->shown)
		return false;
	if (with_pattern)
		strbuf_addf(out, "/%s: ", strbuf_str(&f->pattern));
	return status_search_counts(app, f->shown, out);
}

/* The cursor's port in words: number, service name, state, range. */
static void status_port(const struct app *app, struct bars *b)
{
	const struct registry *reg = app->reg;
	const uint32_t *idx;
	struct strbuf *s;
	unsigned port = app->cursor;
	if ((s = bars_add(b, " ", 10)))
		strbuf_addf(s, _("port %u"), port);
	size_t n = registry_records_at(reg, port, &idx);
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		const char *name = registry_field(reg, r, FIELD_SERVICE);
		if (*name && (app->proto == TRANSPORT_ANY || r->transport == (uint8_t)app->proto)) {
			bars_untrusted(bars_add(b, " ", 4), name);
			break;
		}
	}
	if ((s = bars_add(b, ": ", 5)))
		strbuf_adds(s, _(state_name(registry_state(reg, port, app->proto))));
	if ((s = bars_add(b, ", ", 3)))
		/* L10N: %s is a range: system, user or dynamic. */
		strbuf_addf(s, _("%s range"), _(range_name(port_range_of(port))));
}

/* The line's fields, what goes first: the range, the service name, the
 * state, the message, the search's summary; an error outlasts them, and
 * the mode and the cursor's port stay (so the line never names a port
 * the cursor has left). The key hint goes at the right end when room is
 * left. */
void status_draw(struct app *app)
{
	int y = app->lay.status_y;
	struct bars b = {.n = 0};
	struct strbuf *s, found = STRBUF_INIT;
	/* L10N: a mode at the start of the status line, in brackets. */
	const char *mode = app->status.mode		? _(app->status.mode)
			   : app->focus == FOCUS_DETAIL ? _("DETAIL")
			   : app->pick			? _("PICK")
							: _("MAP");
	if ((s = bars_add(&b, "", 9))) {
		strbuf_addf(s, "[%s", mode);
		if (app->status.mode) { /* a page is open: where it is, as less says it */
			strbuf_addc(s, ' ');
			page_position(s);
		}
		strbuf_addc(s, ']');
	}
	status_port(app, &b);
	bool problem = status_search(app, &found, true);
	bars_untrusted(bars_add(&b, "  ", problem ? 8 : 7), strbuf_str(&found));
	strbuf_free(&found);
	bars_untrusted(bars_add(&b, "  ", 7), strbuf_str(&app->status.progress));
	bars_untrusted(bars_add(&b, "  ", app->status.error ? 8 : 6),
		       strbuf_str(&app->status.text));
	attr_t a = colors_attr(app->status.error || problem ? ROLE_STATUS_ERROR : ROLE_STATUS);
	draw_fill(y, 0, COLS, a);
	int x = bars_draw(&b, y, 0, COLS, a, app->utf8);
	/* L10N: right end of the status line; ? and q are keys: keep them.
	   Under pick: Enter and q are keys. */
	const char *hint = app->pick ? _("Enter picks, q cancels") : _("? help  q quit");
	int hw = utf8_width(hint);
	if (COLS - hw - 1 > x + 1)
		draw_text(y, COLS - hw - 1, hw, hint, a);
	bars_free(&b);
}

void status_now(struct app *app)
{
	if (app->lay.too_small)
		return;
	status_draw(app);
	wnoutrefresh(stdscr);
	doupdate();
}
