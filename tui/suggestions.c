/* SPDX-License-Identifier: MIT */
/* suggestions.c: the suggestions page (key s): the ports nearest the cursor port
 * that pass every check of suggest.h (the same search as `portscope
 * suggest`), each with its checks as a row of marks, the asked port's own
 * failures on top and a legend naming each check and its source below.
 * Up/Down choose, Enter puts the map cursor on the chosen port; + / - or a
 * digit ask for blocks of K ports; a allows System and Dynamic ports. */
#include <config.h>

#include <stdlib.h>

#include "../src/i18n.h"
#include "actions.h"
#include "netscan.h"
#include "suggestions.h"
#include "text.h"
#include "tui.h"

/* How many suggestions the page lists. */
#define SUGGESTIONS_COUNT 20
/* The longest block `+` asks for. */
#define SUGGESTIONS_RUN_MAX 64

/* The page's state: what it was asked, and what it found. */
static struct suggestions_state {
	unsigned asked, run;
	bool any_range;
	struct suggestion sugg[SUGGESTIONS_COUNT];
	long nsugg;
	int sel; /* the chosen row */
} suggestions = {.run = 1};

/* The net check's column letter, after the others (with scan targets). */
#define SUGGESTIONS_NET "w"
/* Column letters of the checks, in suggest.h's order. */
static const char suggestions_letters[CHECK_COUNT] = {
	[CHECK_IANA] = 'i',    [CHECK_SERVICES] = 's', [CHECK_LABELS] = 'l',	[CHECK_NMAP] = 'n',
	[CHECK_BROWSER] = 'b', [CHECK_LISTEN] = 'h',   [CHECK_EPHEMERAL] = 'e', [CHECK_RANGE] = 'r',
};

static void suggestions_opts(const struct app *app, struct suggest_opts *o)
{
	const struct suggestions_state *c = &suggestions;
	*o = (struct suggest_opts){.port = c->asked,
				   .count = SUGGESTIONS_COUNT,
				   .run = c->run,
				   .transport = app->proto,
				   .any_range = c->any_range,
				   .nmap_max = SUGGEST_NMAP_MAX};
}

/* Search again with the page's settings. */
static unsigned suggestions_compute(struct app *app)
{
	struct suggestions_state *c = &suggestions;
	struct suggest_sources src;
	struct suggest_opts o;
	marks_sources(app, &src);
	suggestions_opts(app, &o);
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
	page_top();
	return REDRAW_ALL;
}

/* s on the map: search near the cursor port. */
static bool suggestions_open(struct app *app)
{
	marks_rescan(app); /* the listen check sees the sockets of now */
	suggestions.asked = app->cursor;
	suggestions.sel = 0;
	suggestions_compute(app);
	return true;
}

static unsigned suggestions_move(int delta)
{
	struct suggestions_state *c = &suggestions;
	long s = c->sel + delta;
	c->sel = s < 0 ? 0 : s >= c->nsugg ? (int)(c->nsugg ? c->nsugg - 1 : 0) : (int)s;
	return REDRAW_ALL;
}

static unsigned suggestions_up(struct app *app)
{
	(void)app;
	return suggestions_move(-1);
}
static unsigned suggestions_down(struct app *app)
{
	(void)app;
	return suggestions_move(1);
}
static unsigned suggestions_first(struct app *app)
{
	(void)app;
	return suggestions_move(-SUGGESTIONS_COUNT);
}
static unsigned suggestions_last(struct app *app)
{
	(void)app;
	return suggestions_move(SUGGESTIONS_COUNT);
}

static unsigned suggestions_jump(struct app *app)
{
	const struct suggestions_state *c = &suggestions;
	if (!c->nsugg)
		return REDRAW_NONE;
	const struct suggestion *g = &c->sugg[c->sel];
	if (app->pick) /* a block's first port */
		return pick_port(app, g->lo);
	heatmap_goto(app, g->lo);
	if (g->hi > g->lo)
		status_message(app, false, _("ports %u-%u (suggested near %u)"), g->lo, g->hi,
			       c->asked);
	else
		status_message(app, false, _("port %u (suggested near %u)"), g->lo, c->asked);
	return REACT_CLOSE | REDRAW_ALL;
}

static unsigned suggestions_run(struct app *app, long run)
{
	if (run < 1 || run > SUGGESTIONS_RUN_MAX) {
		status_message(app, true, _("blocks of 1 to %d ports"), SUGGESTIONS_RUN_MAX);
		return REDRAW_STATUS;
	}
	suggestions.run = (unsigned)run;
	return suggestions_compute(app);
}

static unsigned suggestions_longer(struct app *app)
{
	return suggestions_run(app, (long)suggestions.run + 1);
}
static unsigned suggestions_shorter(struct app *app)
{
	return suggestions_run(app, (long)suggestions.run - 1);
}

/* t on the page: the next transport, and the search again for it. */
static unsigned suggestions_transport(struct app *app)
{
	action_transport(app);
	return suggestions_compute(app);
}

static unsigned suggestions_any_range(struct app *app)
{
	suggestions.any_range = !suggestions.any_range;
	return suggestions_compute(app);
}

/* S on the page: scan the asked port and every listed one. */
static unsigned suggestions_scan(struct app *app)
{
	const struct suggestions_state *c = &suggestions;
	unsigned lo[SUGGESTIONS_COUNT + 1] = {c->asked}, hi[SUGGESTIONS_COUNT + 1] = {c->asked};
	for (long i = 0; i < c->nsugg; i++) {
		lo[i + 1] = c->sugg[i].lo;
		hi[i + 1] = c->sugg[i].hi;
	}
	return netscan_spans(app, lo, hi, (size_t)c->nsugg + 1);
}

/* clang-format off */
static const struct binding suggestions_keys[] = {
	{ { K(KEY_UP), 'k' }, "Up k", suggestions_up, .help = N_("previous suggestion") },
	{ { K(KEY_DOWN), 'j' }, "Down j", suggestions_down, .help = N_("next suggestion") },
	{ { K(KEY_HOME), 'g' }, "Home g", suggestions_first, .help = N_("first suggestion") },
	{ { K(KEY_END), 'G' }, "End G", suggestions_last, .help = N_("last suggestion") },
	{ { '\n', '\r', K(KEY_ENTER) }, "Enter", suggestions_jump, .help = N_("put the map cursor on the chosen port") },
	{ { '+', '=' }, "+", suggestions_longer, .help = N_("blocks of one more port (runs of K free ports)") },
	{ { '-', '_' }, "-", suggestions_shorter, .help = N_("blocks of one port fewer") },
	{ { 't' }, "t", suggestions_transport, .help = N_("the next transport, and search again") },
	{ { 'a' }, "a", suggestions_any_range, .help = N_("allow System and Dynamic ports too, or not") },
	{ { 'S' }, "S", suggestions_scan, .help = N_("scan the listed ports on the network (nmap): the net column") },
};
/* clang-format on */

#define SUGGESTIONS_KEYS_N (sizeof(suggestions_keys) / sizeof(suggestions_keys[0]))

/* The page's own extra help lines: keys handled outside its table. */
/* clang-format off */
static const struct binding suggestions_more[] = {
	{ { 0 }, "1-9", NULL, .help = N_("blocks of that many ports") },
	{ { 0 }, "Esc q s", NULL, .help = N_("back to the map") },
};
/* clang-format on */

/* Its keys first; s closes it (on the other pages s does nothing). */
static unsigned suggestions_key(struct app *app, int key)
{
	if (key >= '1' && key <= '9')
		return suggestions_run(app, key - '0');
	if (key == 's')
		return REACT_CLOSE | REDRAW_ALL;
	action_fn fn = keymap_find(suggestions_keys, SUGGESTIONS_KEYS_N, key);
	return fn ? fn(app) : PAGE_PASS;
}

void suggestions_help(struct strbuf *t)
{
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_HEADING);
	text_add(t, _("On the suggestions page (s):"));
	keymap_help_lines(t, suggestions_keys, SUGGESTIONS_KEYS_N);
	keymap_help_lines(t, suggestions_more,
			  sizeof(suggestions_more) / sizeof(suggestions_more[0]));
}

/* The glyph of a check result. */
static const char *suggestions_mark(const struct app *app, enum check_result r)
{
	static const char *const utf8[] = {
		[RESULT_PASS] = "✓", [RESULT_FAIL] = "✗", [RESULT_NA] = "·"};
	static const char *const ascii[] = {
		[RESULT_PASS] = "+", [RESULT_FAIL] = "x", [RESULT_NA] = "."};
	return app->utf8 ? utf8[r] : ascii[r];
}

/* A block's result for check c: fail if a port fails, pass if one passes. */
static enum check_result suggestions_block_check(const struct suggest_sources *src,
						 const struct suggest_opts *o, unsigned lo,
						 unsigned hi, enum suggest_check c)
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
static void suggestions_marks(const struct app *app, const struct suggest_sources *src,
			      const struct suggest_opts *o, unsigned lo, unsigned hi,
			      struct strbuf *line, struct strbuf *notes)
{
	for (int c = 0; c < CHECK_COUNT; c++) {
		enum check_result r =
			suggestions_block_check(src, o, lo, hi, (enum suggest_check)c);
		strbuf_adds(line, suggestions_mark(app, r));
		if (r != RESULT_FAIL || lo != hi)
			continue;
		strbuf_addf(notes, "%s%s ", notes->len ? ", " : "",
			    suggest_check_key((enum suggest_check)c));
		suggest_check_value(notes, src, o, lo, (enum suggest_check)c, true);
	}
	enum check_result net = RESULT_NA; /* the last scans' (S), n/a before */
	if (!netscan_targets())
		return; /* no column: nothing can be scanned */
	for (unsigned p = lo; p <= hi && net != RESULT_FAIL; p++)
		if (netscan_check(src, o, p) != RESULT_NA)
			net = netscan_check(src, o, p);
	strbuf_adds(line, suggestions_mark(app, net));
	if (net == RESULT_FAIL && lo == hi)
		strbuf_addf(notes, "%snet open", notes->len ? ", " : "");
}

/* One row: "> 8075          -5  ✓✓✓✓✓✓✓✓  run 8075-8075". */
static void suggestions_row(const struct app *app, struct strbuf *t,
			    const struct suggest_sources *src, const struct suggest_opts *o,
			    const struct suggestion *g, bool sel)
{
	struct strbuf line = STRBUF_INIT, notes = STRBUF_INIT, ports = STRBUF_INIT;
	strbuf_addf(&ports, g->hi > g->lo ? "%u-%u" : "%u", g->lo, g->hi);
	strbuf_addf(&line, "%s %-11s %+7ld  ", sel ? ">" : " ", strbuf_str(&ports), g->offset);
	suggestions_marks(app, src, o, g->lo, g->hi, &line, &notes);
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
static void suggestions_asked(const struct app *app, struct strbuf *t,
			      const struct suggest_sources *src, const struct suggest_opts *o)
{
	struct strbuf line = STRBUF_INIT, notes = STRBUF_INIT;
	strbuf_addf(&line, "  %-11u %7s  ", o->port, "");
	suggestions_marks(app, src, o, o->port, o->port, &line, &notes);
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
static void suggestions_legend(const struct app *app, struct strbuf *t,
			       const struct suggest_sources *src)
{
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_HEADING);
	text_addf(t, _("Checks (%s pass, %s fail, %s n/a: source absent), for transport %s:"),
		  suggestions_mark(app, RESULT_PASS), suggestions_mark(app, RESULT_FAIL),
		  suggestions_mark(app, RESULT_NA), transport_name(app->proto));
	for (int c = 0; c < CHECK_COUNT; c++) {
		struct strbuf line = STRBUF_INIT;
		const char *sum = c == CHECK_RANGE && suggestions.any_range
					  ? _("any range (a: User range only)")
					  : _(suggest_check_summary((enum suggest_check)c));
		strbuf_addf(&line, "  %c %-10s %s", suggestions_letters[c],
			    suggest_check_key((enum suggest_check)c), sum);
		if (c == CHECK_NMAP)
			strbuf_addf(&line, " (%g)", SUGGEST_NMAP_MAX);
		strbuf_adds(&line, " [");
		suggest_check_source(&line, src, (enum suggest_check)c);
		strbuf_addc(&line, ']');
		text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 15, COLS);
		strbuf_free(&line);
	}
	if (!netscan_targets())
		return;
	struct strbuf line = STRBUF_INIT;
	strbuf_addf(&line, "  %s %-10s %s [", SUGGESTIONS_NET, suggest_check_key(CHECK_NET),
		    _(suggest_check_summary(CHECK_NET)));
	netscan_source(&line);
	strbuf_addc(&line, ']');
	text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 15, COLS);
	strbuf_free(&line);
}

/* The page: the heading, the asked port's checks, a row per suggestion
 * (the chosen one kept in view) and the legend of the checks. */
static void suggestions_text(struct app *app, struct strbuf *t)
{
	const struct suggestions_state *c = &suggestions;
	struct suggest_sources src;
	struct suggest_opts o;
	marks_sources(app, &src);
	suggestions_opts(app, &o);
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
	text_addf(t, "  %-11s %7s  %.*s%s", _("PORT"), _("OFFSET"), CHECK_COUNT,
		  suggestions_letters, netscan_targets() ? SUGGESTIONS_NET : "");
	suggestions_asked(app, t, &src, &o);
	for (long i = 0; i < c->nsugg; i++) {
		if (i == c->sel)
			page_show_line(text_count(t), app->lay.rows - 2);
		suggestions_row(app, t, &src, &o, &c->sugg[i], i == c->sel);
	}
	if (!c->nsugg) {
		text_line(t, TEXT_PLAIN);
		text_add(t, _("  No port passes every check (try -, or a for any range)."));
	}
	suggestions_legend(app, t, &src);
}

const struct page_ops suggestions_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("SUGGEST"),
	.open = suggestions_open,
	.text = suggestions_text,
	.key = suggestions_key,
};
