/* SPDX-License-Identifier: MIT */
/* pick.c: the suggestions page (`s`): the ports nearest the cursor port
 * that pass every check of suggest.h (the same search as `portscope
 * suggest`), each with its checks as a row of marks, the asked port's own
 * failures on top and a legend naming each check and its source below.
 * Up/Down choose, Enter puts the map cursor on the chosen port; + / - or a
 * digit ask for blocks of K ports; a allows System and Dynamic ports. */
#include <config.h>

#include <stdlib.h>

#include "../src/i18n.h"
#include "actions.h"
#include "text.h"
#include "tui.h"

#define K(c) (KEYMAP_CODE | (c))

/* Column letters of the checks, in suggest.h's order. */
static const char pick_letters[CHECK_COUNT] = {'i', 's', 'l', 'n', 'b', 'h', 'e', 'r'};

static void pick_opts(const struct app *app, struct suggest_opts *o)
{
	const struct choose *c = &app->choose;
	*o = (struct suggest_opts){.port = c->asked,
				   .count = PICK_COUNT,
				   .run = c->run,
				   .transport = app->proto,
				   .any_range = c->any_range,
				   .nmap_max = SUGGEST_NMAP_MAX};
}

/* Search again with the page's settings. */
static unsigned pick_compute(struct app *app)
{
	struct choose *c = &app->choose;
	struct suggest_sources src;
	struct suggest_opts o;
	marks_sources(app, &src);
	pick_opts(app, &o);
	c->nsugg = suggest_find(&src, &o, c->sugg);
	if (c->nsugg < 0) {
		c->nsugg = 0;
		status_message(app, true, _("out of memory"));
	} else if (c->run > 1) {
		status_message(app, c->nsugg == 0,
			    P_("%ld block of %u free ports near %u",
			       "%ld blocks of %u free ports near %u", c->nsugg),
			    c->nsugg, c->run, c->asked);
	} else {
		status_message(app, c->nsugg == 0,
			    P_("%ld free port near %u", "%ld free ports near %u", c->nsugg),
			    c->nsugg, c->asked);
	}
	if (c->sel >= c->nsugg)
		c->sel = c->nsugg ? (int)c->nsugg - 1 : 0;
	app->page_scroll = 0;
	return REDRAW_ALL;
}

unsigned pick_open(struct app *app)
{
	if (app->view == VIEW_SUGGEST) {
		app->view = VIEW_MAP;
		return REDRAW_ALL;
	}
	marks_rescan(app); /* the listen check sees the sockets of now */
	app->choose.asked = app->cursor;
	app->choose.sel = 0;
	app->view = VIEW_SUGGEST;
	return pick_compute(app);
}

static unsigned pick_move(struct app *app, int delta)
{
	struct choose *c = &app->choose;
	long s = c->sel + delta;
	c->sel = s < 0 ? 0 : s >= c->nsugg ? (int)(c->nsugg ? c->nsugg - 1 : 0) : (int)s;
	return REDRAW_ALL;
}

static unsigned pick_up(struct app *app)
{
	return pick_move(app, -1);
}
static unsigned pick_down(struct app *app)
{
	return pick_move(app, 1);
}
static unsigned pick_first(struct app *app)
{
	return pick_move(app, -PICK_COUNT);
}
static unsigned pick_last(struct app *app)
{
	return pick_move(app, PICK_COUNT);
}

static unsigned pick_jump(struct app *app)
{
	const struct choose *c = &app->choose;
	if (!c->nsugg)
		return REDRAW_NONE;
	const struct suggestion *g = &c->sugg[c->sel];
	heatmap_goto(app, g->lo);
	if (g->hi > g->lo)
		status_message(app, false, _("ports %u-%u (suggested near %u)"), g->lo, g->hi,
			    c->asked);
	else
		status_message(app, false, _("port %u (suggested near %u)"), g->lo, c->asked);
	return REDRAW_ALL;
}

static unsigned pick_run(struct app *app, long run)
{
	if (run < 1 || run > PICK_RUN_MAX) {
		status_message(app, true, _("blocks of 1 to %d ports"), PICK_RUN_MAX);
		return REDRAW_STATUS;
	}
	app->choose.run = (unsigned)run;
	return pick_compute(app);
}

static unsigned pick_longer(struct app *app)
{
	return pick_run(app, (long)app->choose.run + 1);
}
static unsigned pick_shorter(struct app *app)
{
	return pick_run(app, (long)app->choose.run - 1);
}

/* t on the page: the next transport, and the search again for it. */
static unsigned pick_transport(struct app *app)
{
	action_transport(app);
	return pick_compute(app);
}

static unsigned pick_any_range(struct app *app)
{
	app->choose.any_range = !app->choose.any_range;
	return pick_compute(app);
}

/* clang-format off */
static const struct binding pick_keys[] = {
	{ { K(KEY_UP), 'k' }, "Up k", pick_up, N_("previous suggestion") },
	{ { K(KEY_DOWN), 'j' }, "Down j", pick_down, N_("next suggestion") },
	{ { K(KEY_HOME), 'g' }, "Home g", pick_first, N_("first suggestion") },
	{ { K(KEY_END), 'G' }, "End G", pick_last, N_("last suggestion") },
	{ { '\n', '\r', K(KEY_ENTER) }, "Enter", pick_jump, N_("put the map cursor on the chosen port") },
	{ { '+', '=' }, "+", pick_longer, N_("blocks of one more port (runs of K free ports)") },
	{ { '-', '_' }, "-", pick_shorter, N_("blocks of one port fewer") },
	{ { 't' }, "t", pick_transport, N_("the next transport, and search again") },
	{ { 'a' }, "a", pick_any_range, N_("allow System and Dynamic ports too, or not") },
};
/* clang-format on */

#define PICK_KEYS_N (sizeof(pick_keys) / sizeof(pick_keys[0]))

/* The page's own extra help lines: keys handled outside its table. */
/* clang-format off */
static const struct binding pick_more[] = {
	{ { 0 }, "1-9", NULL, N_("blocks of that many ports") },
	{ { 0 }, "Esc q s", NULL, N_("back to the map") },
};
/* clang-format on */

unsigned pick_key(struct app *app, int key)
{
	if (key >= '1' && key <= '9')
		return pick_run(app, key - '0');
	action_fn fn = keymap_find(pick_keys, PICK_KEYS_N, key);
	return fn ? fn(app) : PICK_PASS;
}

void pick_help(struct strbuf *t)
{
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_HEADING);
	text_add(t, _("On the suggestions page (s):"));
	keymap_help_lines(t, pick_keys, PICK_KEYS_N);
	keymap_help_lines(t, pick_more, sizeof(pick_more) / sizeof(pick_more[0]));
}

/* The glyph of a check result. */
static const char *pick_mark(const struct app *app, enum check_result r)
{
	static const char *const utf8[] = {"✓", "✗", "·"};
	static const char *const ascii[] = {"+", "x", "."};
	return app->utf8 ? utf8[r] : ascii[r];
}

/* A block's result for check c: fail if a port fails, pass if one passes. */
static enum check_result pick_block_check(const struct suggest_sources *src,
					  const struct suggest_opts *o, unsigned lo, unsigned hi,
					  enum suggest_check c)
{
	enum check_result r = RESULT_NA;
	for (unsigned p = lo; p <= hi; p++) {
		enum check_result x = suggest_check(src, o, p, c);
		if (x == RESULT_FAIL)
			return RESULT_FAIL;
		if (x == RESULT_PASS)
			r = RESULT_PASS;
	}
	return r;
}

/* The marks of [lo, hi], one per check; the failing checks' values go to
 * notes ("iana assigned, nmap 0.042052"). */
static void pick_marks(const struct app *app, const struct suggest_sources *src,
		       const struct suggest_opts *o, unsigned lo, unsigned hi, struct strbuf *line,
		       struct strbuf *notes)
{
	for (int c = 0; c < CHECK_COUNT; c++) {
		enum check_result r = pick_block_check(src, o, lo, hi, (enum suggest_check)c);
		strbuf_adds(line, pick_mark(app, r));
		if (r != RESULT_FAIL || lo != hi)
			continue;
		strbuf_addf(notes, "%s%s ", notes->len ? ", " : "",
			    suggest_check_key((enum suggest_check)c));
		suggest_check_value(notes, src, o, lo, (enum suggest_check)c, true);
	}
}

/* One row: "> 8075          -5  ✓✓✓✓✓✓✓✓  run 8075-8075". */
static void pick_row(const struct app *app, struct strbuf *t, const struct suggest_sources *src,
		     const struct suggest_opts *o, const struct suggestion *g, bool sel)
{
	struct strbuf line = STRBUF_INIT, notes = STRBUF_INIT, ports = STRBUF_INIT;
	strbuf_addf(&ports, g->hi > g->lo ? "%u-%u" : "%u", g->lo, g->hi);
	strbuf_addf(&line, "%s %-11s %+7ld  ", sel ? ">" : " ", strbuf_str(&ports), g->offset);
	pick_marks(app, src, o, g->lo, g->hi, &line, &notes);
	unsigned run = g->run_hi - g->run_lo + 1;
	strbuf_addf(&line, P_("  free run %u-%u (%'u port)", "  free run %u-%u (%'u ports)", run),
		    g->run_lo, g->run_hi, run);
	text_line(t, sel ? TEXT_SELECTED : TEXT_PLAIN);
	text_add(t, strbuf_str(&line));
	strbuf_free(&line);
	strbuf_free(&notes);
	strbuf_free(&ports);
}

/* "8080 itself fails: iana assigned, services http-alt" or passes. */
static void pick_asked(const struct app *app, struct strbuf *t, const struct suggest_sources *src,
		       const struct suggest_opts *o)
{
	struct strbuf line = STRBUF_INIT, notes = STRBUF_INIT;
	strbuf_addf(&line, "  %-11u %7s  ", o->port, "");
	pick_marks(app, src, o, o->port, o->port, &line, &notes);
	strbuf_adds(&line, "  ");
	if (notes.len)
		strbuf_addf(&line, _("fails: %s"), strbuf_str(&notes));
	else
		strbuf_adds(&line, _("passes every check"));
	text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 32, COLS);
	strbuf_free(&line);
	strbuf_free(&notes);
}

/* The checks: letter, key, what passing means, and the source. */
static void pick_legend(const struct app *app, struct strbuf *t, const struct suggest_sources *src)
{
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_HEADING);
	text_addf(t, _("Checks (%s pass, %s fail, %s n/a: source absent), for transport %s:"),
		  pick_mark(app, RESULT_PASS), pick_mark(app, RESULT_FAIL),
		  pick_mark(app, RESULT_NA), transport_name(app->proto));
	for (int c = 0; c < CHECK_COUNT; c++) {
		struct strbuf line = STRBUF_INIT;
		const char *sum = c == CHECK_RANGE && app->choose.any_range
					  ? _("any range (a: User range only)")
					  : _(suggest_check_summary((enum suggest_check)c));
		strbuf_addf(&line, "  %c %-10s %s", pick_letters[c],
			    suggest_check_key((enum suggest_check)c), sum);
		if (c == CHECK_NMAP)
			strbuf_addf(&line, " (%g)", SUGGEST_NMAP_MAX);
		strbuf_adds(&line, " [");
		suggest_check_source(&line, src, (enum suggest_check)c);
		strbuf_addc(&line, ']');
		text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 15, COLS);
		strbuf_free(&line);
	}
}

/* Scroll so the chosen row (line) is on the page of h lines. */
static void pick_scroll(struct app *app, size_t line, int h)
{
	if (h < 1)
		return;
	if (line < (size_t)app->page_scroll)
		app->page_scroll = (int)line;
	else if (line >= (size_t)app->page_scroll + (size_t)h)
		app->page_scroll = (int)(line - (size_t)h + 1);
}

void pick_text(struct app *app, struct strbuf *t)
{
	const struct choose *c = &app->choose;
	struct suggest_sources src;
	struct suggest_opts o;
	marks_sources(app, &src);
	pick_opts(app, &o);
	text_line(t, TEXT_HEADING);
	if (c->run > 1)
		text_addf(t, _("Blocks of %u free ports near %u (%s)"), c->run, c->asked,
			  transport_name(app->proto));
	else
		text_addf(t, _("Free ports near %u (%s)"), c->asked, transport_name(app->proto));
	text_wrap(t, TEXT_PLAIN,
		  _("Up/Down choose, Enter goes there, +/- or 1-9: ports per block, "
		    "a: any range, Esc: back"),
		  0, COLS);
	text_line(t, TEXT_PLAIN);
	text_addf(t, "  %-11s %7s  %.*s", _("PORT"), _("OFFSET"), CHECK_COUNT, pick_letters);
	pick_asked(app, t, &src, &o);
	for (long i = 0; i < c->nsugg; i++) {
		if (i == c->sel)
			pick_scroll(app, text_count(t), app->lay.rows - 2);
		pick_row(app, t, &src, &o, &c->sugg[i], i == c->sel);
	}
	if (!c->nsugg) {
		text_line(t, TEXT_PLAIN);
		text_add(t, _("  No port passes every check (try -, or a for any range)."));
	}
	pick_legend(app, t, &src);
}
