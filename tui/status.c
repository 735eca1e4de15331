/* SPDX-License-Identifier: MIT */
/* status.c: the status line: the message, the mode, the search's summary
 * and the key hint, fitted to the width. */
#include <config.h>

#include <stdarg.h>

#include "../src/i18n.h"
#include "../src/utf8.h"
#include "tui.h"

void status_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	strbuf_reset(&app->status.text);
	va_start(ap, fmt);
	strbuf_vaddf(&app->status.text, fmt, ap);
	va_end(ap);
	app->status.error = error;
}

void status_free(struct app *app)
{
	strbuf_free(&app->status.text);
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
		strbuf_addf(out, P_("limit hit in %'zu field; ", "limit hit in %'zu fields; ", hits),
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

void status_draw(struct app *app)
{
	int y = app->lay.status_y;
	struct strbuf t = STRBUF_INIT;
	/* L10N: a mode at the start of the status line, in brackets. */
	const char *mode = app->status.mode ? _(app->status.mode)
			   : app->focus == FOCUS_DETAIL ? _("DETAIL")
							: _("MAP");
	strbuf_addf(&t, "[%s] ", mode);
	size_t before = t.len;
	bool problem = status_search(app, &t, true);
	if (t.len > before && app->status.text.len)
		strbuf_adds(&t, "  ");
	strbuf_adds(&t, strbuf_str(&app->status.text));
	attr_t a = colors_attr(app->status.error || problem ? ROLE_STATUS_ERROR : ROLE_STATUS);
	draw_fill(y, 0, COLS, a);
	int x = draw_untrusted(y, 0, COLS, strbuf_str(&t), a);
	/* L10N: right end of the status line; ? and q are keys: keep them. */
	const char *hint = _("? help  q quit");
	int hw = utf8_width(hint);
	if (COLS - hw - 1 > x + 1)
		draw_text(y, COLS - hw - 1, hw, hint, a);
	strbuf_free(&t);
}

void status_now(struct app *app)
{
	if (app->lay.too_small)
		return;
	status_draw(app);
	wnoutrefresh(stdscr);
	doupdate();
}

