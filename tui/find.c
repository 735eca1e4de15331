/* SPDX-License-Identifier: MIT */
/* find.c: the '/' search on the map. The pattern is searched live as it
 * is typed, a step of a few milliseconds at a time between key polls (the
 * main loop calls find_step), so a slow pattern never blocks the keyboard
 * and a new keystroke restarts it. The last complete good search stays
 * shown: its ports are an overlay on the map, n/N walk them, the status
 * line counts them and the detail pane marks the records that matched.
 * A pattern that does not compile shows PCRE2's message and where it
 * failed in the prompt, and the map keeps the previous result. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "../src/i18n.h"
#include "tui.h"

#define FIND_HISTORY_MAX 100

void find_init(struct app *app)
{
	/* L10N: short form of the legend word before it, for a narrow line. */
	overlay_define(&app->overlays, &app->find.overlay, N_("search match"), N_("match"), "●",
		       '*', ROLE_OV_MATCH);
}

static void find_forget_error(struct find *f)
{
	free(f->error);
	f->error = NULL;
	f->bad = false;
}

void find_free(struct app *app)
{
	struct find *f = &app->find;
	search_free(f->shown);
	search_free(f->running);
	f->shown = f->running = NULL;
	strbuf_free(&f->pattern);
	strbuf_free(&f->running_pattern);
	find_forget_error(f);
	for (size_t i = 0; i < f->nhistory; i++)
		free(f->history[i]);
	free(f->history);
	f->history = NULL;
	f->nhistory = 0;
}

/* Make s (owned from now on, or NULL) the shown search and mark its ports. */
static void find_show(struct app *app, struct search *s, const char *pattern)
{
	struct find *f = &app->find;
	if (f->shown != s)
		search_free(f->shown);
	f->shown = s;
	strbuf_reset(&f->pattern);
	strbuf_adds(&f->pattern, pattern);
	overlay_clear(&f->overlay);
	f->overlay.enabled = s != NULL;
	for (unsigned p = 0; s && p <= PORT_MAX; p++)
		if (search_port_matches(s, p))
			overlay_set_port(&f->overlay, p);
}

/* Start searching pattern, dropping a search still running; the empty
 * pattern means no search. */
static void find_start(struct app *app, const char *pattern)
{
	struct find *f = &app->find;
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	search_free(f->running);
	f->running = NULL;
	find_forget_error(f);
	if (!*pattern) {
		find_show(app, NULL, "");
		return;
	}
	opt.fields = f->fields;
	opt.proto = app->proto;
	f->running = search_new(app->reg, pattern, strlen(pattern), &opt, &err);
	if (!f->running) {
		f->bad = true;
		f->error = err.message; /* taken over */
		f->error_offset = err.offset;
		return;
	}
	strbuf_reset(&f->running_pattern);
	strbuf_adds(&f->running_pattern, pattern);
}

bool find_busy(const struct app *app)
{
	return app->find.running != NULL;
}

/* After Enter: the cursor to the first match at or after it. */
static void find_jump_first(struct app *app)
{
	const struct search *s = app->find.shown;
	bool wrapped;
	long p = !s ? -1
		 : search_port_matches(s, app->cursor)
			 ? (long)app->cursor
			 : search_next_port(s, app->cursor, 1, &wrapped);
	if (p >= 0)
		heatmap_goto(app, (unsigned)p);
}

/* The running search is complete: show it (and jump, after Enter). */
static unsigned find_done(struct app *app)
{
	struct find *f = &app->find;
	struct search *s = f->running;
	f->running = NULL;
	find_show(app, s, strbuf_str(&f->running_pattern));
	if (f->jump)
		find_jump_first(app);
	f->jump = false;
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned find_step(struct app *app, unsigned long usec)
{
	if (!app->find.running)
		return REDRAW_NONE;
	if (!search_step_for(app->find.running, usec))
		return REDRAW_STATUS; /* progress */
	return find_done(app);
}

unsigned find_finish(struct app *app)
{
	if (!app->find.running)
		return REDRAW_NONE;
	search_run(app->find.running);
	return find_done(app);
}

void find_refresh(struct app *app)
{
	struct find *f = &app->find;
	if (!f->shown && !f->running)
		return;
	struct strbuf pat = STRBUF_INIT;
	strbuf_adds(&pat, strbuf_str(f->running ? &f->running_pattern : &f->pattern));
	search_free(f->shown); /* it may point into a registry that is gone */
	f->shown = NULL;
	find_start(app, strbuf_str(&pat));
	find_show(app, NULL, strbuf_str(&pat));
	strbuf_free(&pat);
}

/* Remember a submitted pattern (not twice in a row). */
static void find_remember(struct find *f, const char *text)
{
	if (f->nhistory && strcmp(f->history[f->nhistory - 1], text) == 0)
		return;
	if (f->nhistory == FIND_HISTORY_MAX) {
		free(f->history[0]);
		memmove(f->history, f->history + 1, (f->nhistory - 1) * sizeof(*f->history));
		f->nhistory--;
	}
	char **h = realloc(f->history, (f->nhistory + 1) * sizeof(*h));
	char *copy = strdup(text);
	if (!h || !copy) {
		free(copy);
		if (h)
			f->history = h;
		return;
	}
	f->history = h;
	f->history[f->nhistory++] = copy;
}

/* "bad pattern: MESSAGE at offset N", or MESSAGE when the pattern is not
 * at fault */
static void find_error_text(const struct find *f, struct strbuf *out)
{
	if (f->error_offset == SEARCH_NOT_PATTERN)
		strbuf_adds(out, f->error ? f->error : _("out of memory"));
	else
		strbuf_addf(out, _("bad pattern: %s at offset %zu"),
			    f->error ? f->error : _("out of memory"), f->error_offset);
}

unsigned find_submit(struct app *app, const char *text)
{
	struct find *f = &app->find;
	if (!*text)
		return find_cancel(app);
	find_remember(f, text);
	if (f->bad) {
		struct strbuf why = STRBUF_INIT;
		find_error_text(f, &why);
		status_message(app, true, "%s", strbuf_str(&why));
		strbuf_free(&why);
		return REDRAW_STATUS;
	}
	status_message(app, false, "%s", "");
	if (f->running) {
		f->jump = true;
		return REDRAW_STATUS;
	}
	find_jump_first(app);
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned find_cancel(struct app *app)
{
	struct find *f = &app->find;
	search_free(f->running);
	f->running = NULL;
	f->jump = false;
	find_forget_error(f);
	find_show(app, NULL, "");
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned find_clear(struct app *app)
{
	if (!app->find.shown && !app->find.running)
		return REDRAW_NONE;
	find_cancel(app);
	status_message(app, false, _("search cleared"));
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned find_edited(struct app *app)
{
	find_start(app, strbuf_str(&app->prompt));
	return REDRAW_STATUS;
}

const char *find_recall(struct app *app, int dir)
{
	struct find *f = &app->find;
	if (dir < 0 && f->hist_pos == 0)
		return NULL;
	if (dir > 0 && f->hist_pos >= f->nhistory)
		return NULL;
	f->hist_pos = dir < 0 ? f->hist_pos - 1 : f->hist_pos + 1;
	return f->hist_pos < f->nhistory ? f->history[f->hist_pos] : "";
}

/* n (dir 1) and N (dir -1): the next matching port, wrapping with a notice. */
static unsigned find_jump(struct app *app, int dir)
{
	const struct find *f = &app->find;
	bool wrapped = false;
	if (!f->shown) {
		status_message(app, true, _("no search: press / to search"));
		return REDRAW_STATUS;
	}
	long p = search_next_port(f->shown, app->cursor, dir, &wrapped);
	if (p < 0) {
		status_message(app, true, _("no port matches /%s"), strbuf_str(&f->pattern));
		return REDRAW_STATUS;
	}
	heatmap_goto(app, (unsigned)p);
	if (wrapped)
		status_message(app, false,
			       dir > 0 ? _("search wrapped to the top (port 0)")
				       : _("search wrapped to the bottom (port 65535)"));
	else
		status_message(app, false, "%s", "");
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned find_next(struct app *app)
{
	return find_jump(app, 1);
}

unsigned find_prev(struct app *app)
{
	return find_jump(app, -1);
}

bool find_record_matches(const struct app *app, uint32_t rec)
{
	return app->find.shown && search_record_matches(app->find.shown, rec);
}

/* The pattern with the character where it failed in the error colour
 * (a space after it when it failed at the end); returns the column after
 * the pattern. */
static int find_draw_pattern(const struct app *app, int y, int x, attr_t a)
{
	const struct find *f = &app->find;
	const char *pat = strbuf_str(&app->prompt);
	size_t len = app->prompt.len;
	if (!f->bad)
		return x + draw_untrusted(y, x, COLS - x, pat, a);
	size_t off = f->error_offset < len ? f->error_offset : len, end = off;
	if (end < len)
		end++;
	while (end < len && ((unsigned char)pat[end] & 0xC0) == 0x80)
		end++;
	struct strbuf piece = STRBUF_INIT;
	strbuf_add(&piece, pat, off);
	x += draw_untrusted(y, x, COLS - x, strbuf_str(&piece), a);
	strbuf_reset(&piece);
	strbuf_add(&piece, pat + off, end - off);
	int w = draw_untrusted(y, x, COLS - x, off < len ? strbuf_str(&piece) : " ",
			       colors_attr(ROLE_STATUS_ERROR) | A_UNDERLINE);
	int after = x + draw_untrusted(y, x + w, COLS - x - w, pat + end, a);
	strbuf_free(&piece);
	return off < len ? after + w : after;
}

void find_draw_prompt(struct app *app, int y)
{
	const struct find *f = &app->find;
	attr_t a = colors_attr(ROLE_STATUS);
	struct strbuf info = STRBUF_INIT;
	draw_fill(y, 0, COLS, a);
	int x = draw_text(y, 0, COLS, "/", a);
	int end = find_draw_pattern(app, y, x, a);
	bool problem = f->bad;
	if (f->bad)
		find_error_text(f, &info);
	else if (f->running || f->shown)
		problem = status_search(app, &info, false);
	if (info.len && end + 2 < COLS)
		draw_untrusted(y, end + 2, COLS - end - 2, strbuf_str(&info),
			       colors_attr(problem ? ROLE_STATUS_ERROR : ROLE_STATUS));
	strbuf_free(&info);
	move(y, end < COLS ? end : COLS - 1);
}
