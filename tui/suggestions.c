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
#include "../src/utf8.h"
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
	int sel;       /* the chosen row */
	bool show_sel; /* scroll to it on the next frame (it moved) */
} suggestions = {.run = 1};

/* The columns before the checks: "> 8075-8076      -5 ", the offset's at
 * least 6 wide (its heading may be wider in a translation). */
#define SUGGESTIONS_PORTS 11

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
	c->show_sel = true;
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
	c->show_sel = true;
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
	return keymap_page_key(app, suggestions_keys, SUGGESTIONS_KEYS_N, key);
}

void suggestions_help(struct strbuf *t, int width)
{
	keymap_help_lines(t, _("On the suggestions page (s):"), suggestions_keys,
			  SUGGESTIONS_KEYS_N, width);
	keymap_help_lines(t, NULL, suggestions_more,
			  sizeof(suggestions_more) / sizeof(suggestions_more[0]), width);
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

/* A result's glyph in its colour (pass green, fail red and bold, n/a dim). */
static void suggestions_add_mark(const struct app *app, struct strbuf *t, enum check_result r)
{
	static const enum color_role roles[] = {
		[RESULT_PASS] = ROLE_PASS, [RESULT_FAIL] = ROLE_FAIL, [RESULT_NA] = ROLE_NA};
	text_role(t, roles[r]);
	strbuf_adds(t, suggestions_mark(app, r));
	text_role(t, ROLE_NORMAL);
}

/* The table's widths, worked out once a page: the offset column's (6, or
 * its heading's), how many checks it shows (the net check too when there
 * are scan targets: S fills it), each check's column (its name and a
 * space), and whether a row's free run fits after the checks. */
struct suggestions_layout {
	int offset, checks, col[CHECK_ALL];
	bool runs_fit;
};

static struct suggestions_layout suggestions_layout(void)
{
	struct suggestions_layout l = {.checks = netscan_targets() ? CHECK_ALL : CHECK_COUNT};
	int w = utf8_width(_("OFFSET")), cols = 0;
	l.offset = w > 6 ? w : 6;
	for (int c = 0; c < l.checks; c++)
		cols += l.col[c] = utf8_width(suggest_check_key((enum suggest_check)c)) + 1;
	l.runs_fit = 2 + SUGGESTIONS_PORTS + 1 + l.offset + 1 + cols + 30 <= COLS;
	return l;
}

/* A block's result for check c: fail if a port fails, pass if one passes. */
static enum check_result suggestions_block_check(const struct suggest_sources *src,
						 const struct suggest_opts *o, unsigned lo,
						 unsigned hi, enum suggest_check c)
{
	enum check_result r = RESULT_NA;
	for (unsigned p = lo; p <= hi; p++) {
		enum check_result x = c == CHECK_NET ? netscan_check(src, o, p) /* the last S */
						     : suggest_check(src, o, p, c);
		if (x == RESULT_FAIL)
			return RESULT_FAIL;
		if (x == RESULT_PASS)
			r = RESULT_PASS;
	}
	return r;
}

/* The marks of [lo, hi], one under the middle of each check's name; the
 * failing checks' values go to notes ("iana (assigned), nmap (0.042052)"). */
static void suggestions_marks(const struct app *app, const struct suggestions_layout *l,
			      const struct suggest_sources *src, const struct suggest_opts *o,
			      unsigned lo, unsigned hi, struct strbuf *line, struct strbuf *notes)
{
	for (int c = 0; c < l->checks; c++) {
		enum check_result r =
			suggestions_block_check(src, o, lo, hi, (enum suggest_check)c);
		int w = l->col[c], before = (w - 2) / 2;
		strbuf_addf(line, "%*s", before, "");
		suggestions_add_mark(app, line, r);
		strbuf_addf(line, "%*s", w - before - 1, "");
		if (r != RESULT_FAIL || lo != hi)
			continue;
		strbuf_addf(notes, "%s%s (", notes->len ? ", " : "",
			    suggest_check_key((enum suggest_check)c));
		if (c == CHECK_NET)
			netscan_value(notes, src, o, lo);
		else
			suggest_check_value(notes, src, o, lo, (enum suggest_check)c, true);
		strbuf_addc(notes, ')');
	}
}

/* "free run 8075-8076 (2 ports)" */
static void suggestions_run_text(struct strbuf *s, const struct suggestion *g)
{
	unsigned run = g->run_hi - g->run_lo + 1;
	strbuf_addf(s, P_("free run %u-%u (%'u port)", "free run %u-%u (%'u ports)", run),
		    g->run_lo, g->run_hi, run);
}

/* One row: "> 8075-8076     -5  ✓ ✓ ... ✓  free run 8075-8076 (2 ports)",
 * the run when it fits. */
static void suggestions_row(const struct app *app, const struct suggestions_layout *l,
			    struct strbuf *t, const struct suggest_sources *src,
			    const struct suggest_opts *o, const struct suggestion *g, bool sel)
{
	struct strbuf notes = STRBUF_INIT, ports = STRBUF_INIT;
	strbuf_addf(&ports, g->hi > g->lo ? "%u-%u" : "%u", g->lo, g->hi);
	text_line(t, TEXT_SPANS);
	text_role(t, sel ? ROLE_SELECTED : ROLE_NORMAL);
	strbuf_addf(t, "%s %-*s %+*ld", sel ? ">" : " ", SUGGESTIONS_PORTS, strbuf_str(&ports),
		    l->offset, g->offset);
	text_role(t, ROLE_NORMAL);
	strbuf_addc(t, ' ');
	suggestions_marks(app, l, src, o, g->lo, g->hi, t, &notes);
	if (l->runs_fit) /* under FREE RUN, after the last check's space */
		suggestions_run_text(t, g);
	strbuf_free(&notes);
	strbuf_free(&ports);
}

/* The asked port's marks, then "8080 itself fails: iana (assigned), ..."
 * or passes. */
static void suggestions_asked(const struct app *app, const struct suggestions_layout *l,
			      struct strbuf *t, const struct suggest_sources *src,
			      const struct suggest_opts *o)
{
	struct strbuf line = STRBUF_INIT, notes = STRBUF_INIT;
	text_line(t, TEXT_SPANS);
	strbuf_addf(t, "  %-*u %*s ", SUGGESTIONS_PORTS, o->port, l->offset, "");
	suggestions_marks(app, l, src, o, o->port, o->port, t, &notes);
	if (notes.len)
		strbuf_addf(&line, _("    %u itself fails: %s"), o->port, strbuf_str(&notes));
	else
		strbuf_addf(&line, _("    %u itself passes every check"), o->port);
	text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 6, COLS);
	strbuf_free(&line);
	strbuf_free(&notes);
}

/* The table's heading: the checks by their names, as the CLI calls them. */
static void suggestions_heading(const struct suggestions_layout *l, struct strbuf *t)
{
	text_line(t, TEXT_SPANS);
	text_role(t, ROLE_HEADING);
	strbuf_adds(t, "  ");
	text_label(t, _("PORT"), SUGGESTIONS_PORTS + 1);
	strbuf_addf(t, "%*s%s ", l->offset - utf8_width(_("OFFSET")), "", _("OFFSET"));
	for (int c = 0; c < l->checks; c++)
		strbuf_addf(t, "%s ", suggest_check_key((enum suggest_check)c));
	if (l->runs_fit)
		strbuf_adds(t, _("FREE RUN"));
}

/* The checks: name, what passing means, and the source. */
static void suggestions_legend(const struct app *app, const struct suggestions_layout *l,
			       struct strbuf *t, const struct suggest_sources *src)
{
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_SPANS);
	struct strbuf m[RESULT_NA + 1] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
	for (int r = 0; r <= RESULT_NA; r++) {
		suggestions_add_mark(app, &m[r], (enum check_result)r);
		text_role(&m[r], ROLE_HEADING);
	}
	text_role(t, ROLE_HEADING);
	/* L10N: the three %s are the marks of pass, fail and n/a, in their
	   colours; keep them in this order. */
	strbuf_addf(t, _("Checks (%s pass, %s fail, %s n/a: source absent), for transport %s:"),
		    strbuf_str(&m[RESULT_PASS]), strbuf_str(&m[RESULT_FAIL]),
		    strbuf_str(&m[RESULT_NA]), transport_name(app->proto));
	for (int r = 0; r <= RESULT_NA; r++)
		strbuf_free(&m[r]);
	for (int c = 0; c < l->checks; c++) {
		struct strbuf line = STRBUF_INIT;
		const char *sum = c == CHECK_RANGE && suggestions.any_range
					  ? _("any range (a: User range only)")
					  : _(suggest_check_summary((enum suggest_check)c));
		strbuf_addf(&line, "  %-10s %s", suggest_check_key((enum suggest_check)c), sum);
		if (c == CHECK_NMAP)
			strbuf_addf(&line, " (%g)", SUGGEST_NMAP_MAX);
		strbuf_adds(&line, " [");
		if (c == CHECK_NET)
			netscan_source(&line);
		else
			suggest_check_source(&line, src, (enum suggest_check)c);
		strbuf_addc(&line, ']');
		text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 13, COLS);
		strbuf_free(&line);
	}
}

/* The page: the heading, the asked port's checks, a row per suggestion
 * (the chosen one scrolled into view when it moved) and the legend of
 * the checks. */
static void suggestions_text(struct app *app, struct strbuf *t)
{
	struct suggestions_state *c = &suggestions;
	struct suggest_sources src;
	struct suggest_opts o;
	const struct suggestions_layout l = suggestions_layout();
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
	suggestions_heading(&l, t);
	suggestions_asked(app, &l, t, &src, &o);
	for (long i = 0; i < c->nsugg; i++) {
		if (i == c->sel && c->show_sel)
			page_show_line(text_count(t), app->lay.rows - 2);
		suggestions_row(app, &l, t, &src, &o, &c->sugg[i], i == c->sel);
	}
	c->show_sel = false;
	if (!c->nsugg) {
		text_line(t, TEXT_PLAIN);
		text_add(t, _("  No port passes every check (try -, or a for any range)."));
	} else if (!l.runs_fit) {
		struct strbuf run = STRBUF_INIT;
		const struct suggestion *g = &c->sugg[c->sel];
		strbuf_addf(&run, g->hi > g->lo ? "> %u-%u: " : "> %u: ", g->lo, g->hi);
		suggestions_run_text(&run, g);
		text_line(t, TEXT_PLAIN);
		text_add(t, strbuf_str(&run));
		strbuf_free(&run);
	}
	suggestions_legend(app, &l, t, &src);
}

const struct page_ops suggestions_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("SUGGEST"),
	.open = suggestions_open,
	.text = suggestions_text,
	.key = suggestions_key,
};
