/* SPDX-License-Identifier: MIT */
/* legend.c: the lines under the map saying what its glyphs and colours
 * mean. The first gives each range its swatches, one per state (or per
 * step of the assigned share when a cell holds several ports), drawn with
 * the very look of those map cells, then the overlays; the second says
 * the gutter's marks and the ruler in words. When a line is too narrow
 * it degrades the way htop's meters and tig's columns do, lowest
 * priority first: the key to the gutter shortens, then goes; words give
 * way to their short forms, then whole items go. An item is drawn whole or not at all: a word is
 * never cut. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "tui.h"

/* What goes first when space runs out. */
enum legend_prio {
	LEGEND_HINT,
	LEGEND_STATES,
	LEGEND_RANGES,
	LEGEND_OVERLAYS,
	LEGEND_PRIOS,
};

enum legend_form { LEGEND_FULL, LEGEND_SHORT, LEGEND_DROPPED };

/* One item: glyphs (in their looks), then a word. */
struct legend_item {
	enum legend_prio prio;
	int nglyph;
	const char *utf8[SHADES];
	char ascii[SHADES];
	attr_t attr[SHADES];
	const char *text[2]; /* full and short, translated; no short: dropped instead */
	attr_t text_attr;
	enum legend_form form;
};

/* Enough for the ranges, the states, the key and every overlay. */
#define LEGEND_MAX (RANGES + 8 + OVERLAY_MAX)

struct legend {
	struct legend_item it[LEGEND_MAX];
	int n;
};

/* Add an item with no glyph yet; NULL when full. */
static struct legend_item *legend_add(struct legend *lg, enum legend_prio prio, const char *full,
				      const char *brief)
{
	if (lg->n >= LEGEND_MAX)
		return NULL;
	struct legend_item *it = &lg->it[lg->n++];
	*it = (struct legend_item){.prio = prio, .text = {full, brief}, .text_attr = A_NORMAL};
	return it;
}

/* Add a swatch (a glyph in a look) to an item. */
static void legend_glyph(struct legend_item *it, const char *utf8, char ascii, attr_t attr)
{
	if (!it || it->nglyph >= SHADES)
		return;
	it->utf8[it->nglyph] = utf8;
	it->ascii[it->nglyph] = ascii;
	it->attr[it->nglyph++] = attr;
}

/* Columns an item takes as it is now (0 when dropped). */
static int legend_item_width(const struct legend_item *it)
{
	if (it->form == LEGEND_DROPPED)
		return 0;
	/* a row of swatches stands apart from its word */
	return it->nglyph + (it->nglyph > 1) + utf8_width(it->text[it->form]);
}

/* Columns of the whole line: the items shown, one space apart. */
static int legend_width(const struct legend *lg)
{
	int w = 0, shown = 0;
	for (int i = 0; i < lg->n; i++)
		if (lg->it[i].form != LEGEND_DROPPED) {
			w += legend_item_width(&lg->it[i]);
			shown++;
		}
	return shown ? w + shown - 1 : 0;
}

/* Shorten the items of each priority in turn, lowest first, then drop
 * them in the same order, until the line fits in width. Ranges are
 * shortened as a group so they stay alike; overlays one at a time, the
 * last first. */
static void legend_fit(struct legend *lg, int width)
{
	static const bool grouped[LEGEND_PRIOS] = {[LEGEND_RANGES] = true, [LEGEND_STATES] = true};
	for (int p = 0; p < LEGEND_PRIOS; p++) {
		bool over = legend_width(lg) > width;
		for (int i = lg->n - 1; i >= 0 && over; i--) {
			struct legend_item *it = &lg->it[i];
			if (it->prio != (enum legend_prio)p)
				continue;
			it->form = it->text[1] ? LEGEND_SHORT : LEGEND_DROPPED;
			over = grouped[p] || legend_width(lg) > width;
		}
		for (int i = 0; p == LEGEND_HINT && legend_width(lg) > width && i < lg->n; i++)
			if (lg->it[i].prio ==
			    LEGEND_HINT) /* the key goes whole before words shorten */
				lg->it[i].form = LEGEND_DROPPED;
	}
	for (int p = 0; p < LEGEND_PRIOS; p++)
		for (int i = lg->n - 1; i >= 0 && legend_width(lg) > width; i--)
			if (lg->it[i].prio == (enum legend_prio)p)
				lg->it[i].form = LEGEND_DROPPED;
}

/* A range's swatches: its free, reserved and assigned cells at zoom 1,
 * its steps of assigned share above, its solid half cells at fit. */
static void legend_swatches(const struct app *app, struct legend_item *it, int range)
{
	static const int states[3] = {0, 2, 4}; /* free, reserved, assigned */
	bool one = heatmap_zoom_size(app) == 1;
	for (int i = 0; i < (one ? 3 : SHADES); i++) {
		int level = one ? states[i] : i;
		attr_t half = app->lay.halves ? colors_halves(range, level, range, level) : 0;
		if (half)
			legend_glyph(it, "▀", '#', half);
		else
			legend_glyph(it, cells_shade_utf8[level], cells_shade_ascii[level],
				     colors_attr(colors_shade(range, level)));
	}
}

/* The three ranges with their swatches, then what the swatches step through. */
static void legend_ranges(struct app *app, struct legend *lg)
{
	/* L10N: the short forms of the three RFC 6335 ranges' titles, for a
	   narrow legend line. */
	static const char *const brief[RANGES] = {N_("Sys"), N_("Usr"), N_("Dyn")};
	for (int r = 0; r < RANGES; r++) {
		struct legend_item *it = legend_add(
			lg, LEGEND_RANGES, _(range_title((enum port_range)r)), _(brief[r]));
		if (it)
			legend_swatches(app, it, r);
	}
	if (heatmap_zoom_size(app) == 1)
		/* L10N: what the three swatches of each range are, in order;
		   then its short form. */
		legend_add(lg, LEGEND_STATES, _("= free, reserved, assigned"),
			   _("= free rsvd asgd"));
	else
		/* L10N: what the five swatches of each range step through. */
		legend_add(lg, LEGEND_STATES, _("= assigned share 0-100%"), _("= 0-100%"));
}

/* The gutter's marks and the ruler, in words. */
static void legend_hint(struct legend *lg)
{
	/* L10N: the gutter's marks and the ruler in words, then a short form.
	   The letters U, D, p, e and the + are drawn by the map: keep them. */
	struct legend_item *hint =
		legend_add(lg, LEGEND_HINT,
			   _("gutter: U/D User/Dynamic range starts, p privileged ports end, "
			     "e ephemeral range; + column offset"),
			   _("U/D range starts, p privileged end, e ephemeral"));
	if (hint)
		hint->text_attr = colors_attr(ROLE_GUTTER);
}

/* Every item of the first line, in the order drawn. */
static void legend_build(struct app *app, struct legend *lg, bool with_hint)
{
	lg->n = 0;
	legend_ranges(app, lg);
	for (int i = 0; i < app->overlays.n; i++) {
		const struct overlay *ov = app->overlays.ov[i];
		if (ov->enabled)
			legend_glyph(legend_add(lg, LEGEND_OVERLAYS, _(ov->name),
						_(ov->short_name ? ov->short_name : ov->name)),
				     ov->glyph_utf8, ov->glyph_ascii,
				     colors_attr((enum color_role)ov->role));
	}
	if (with_hint)
		legend_hint(lg);
}

/* Draw one item at x; the next item's x. */
static int legend_draw_item(const struct app *app, const struct legend_item *it, int y, int x)
{
	for (int g = 0; g < it->nglyph; g++, x++) {
		if (app->utf8)
			draw_text(y, x, 1, it->utf8[g], it->attr[g]);
		else
			mvaddch(y, x, (chtype)(unsigned char)it->ascii[g] | it->attr[g]);
	}
	x += it->nglyph > 1;
	const char *t = it->text[it->form];
	return x + draw_text(y, x, utf8_width(t), t, it->text_attr) + 1;
}

/* Draw the items of lg that are shown on row y. */
static void legend_draw_line(const struct app *app, const struct legend *lg, int y)
{
	int x = 0;
	move(y, 0);
	clrtoeol();
	for (int i = 0; i < lg->n; i++)
		if (lg->it[i].form != LEGEND_DROPPED)
			x = legend_draw_item(app, &lg->it[i], y, x);
}

void legend_draw(struct app *app)
{
	struct legend lg;
	bool two = app->lay.legend_h > 1;
	legend_build(app, &lg, !two);
	legend_fit(&lg, COLS);
	legend_draw_line(app, &lg, app->lay.legend_y);
	if (!two)
		return;
	lg.n = 0;
	legend_hint(&lg);
	legend_fit(&lg, COLS);
	legend_draw_line(app, &lg, app->lay.legend_y + 1);
}
