/* SPDX-License-Identifier: MIT */
/* legend.c: the line under the map saying what its glyphs and colours
 * mean. When the line is too narrow it degrades the way htop's meters and
 * tig's columns do, lowest priority first: the gutter key goes, then words
 * give way to their short forms (ranges, then states, then overlays), then
 * whole items go. An item is drawn whole or not at all: a word is never
 * cut. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "tui.h"

/* What goes first when space runs out. */
enum legend_prio {
	LEGEND_HINT,
	LEGEND_RANGES,
	LEGEND_STATES,
	LEGEND_OVERLAYS,
	LEGEND_PRIOS,
};

enum legend_form { LEGEND_FULL, LEGEND_SHORT, LEGEND_DROPPED };

/* One item: glyphs (in their colours), then a word. */
struct legend_item {
	enum legend_prio prio;
	int nglyph; /* SHADES for the shade ramp, 0 for the gutter key */
	const char *utf8[SHADES];
	char ascii[SHADES];
	enum color_role role[SHADES];
	const char *text[2]; /* full and short, translated; no short: dropped instead */
	attr_t text_attr;
	enum legend_form form;
};

/* Enough for the states or ramp, three ranges, the key and every overlay. */
#define LEGEND_MAX (SHADES + 4 + OVERLAY_MAX)

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

static void legend_glyph(struct legend_item *it, const char *utf8, char ascii, enum color_role role)
{
	if (!it || it->nglyph >= SHADES)
		return;
	it->utf8[it->nglyph] = utf8;
	it->ascii[it->nglyph] = ascii;
	it->role[it->nglyph++] = role;
}

/* A shade level as an item. */
static void legend_shade(struct legend *lg, enum legend_prio prio, int level, enum color_role role,
			 const char *full, const char *brief)
{
	legend_glyph(legend_add(lg, prio, full, brief), heatmap_shade_utf8[level],
		     heatmap_shade_ascii[level], role);
}

/* Columns an item takes as it is now (0 when dropped). */
static int legend_item_width(const struct legend_item *it)
{
	if (it->form == LEGEND_DROPPED)
		return 0;
	/* the ramp's glyphs stand apart from its words */
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
 * them in the same order, until the line fits in width. States and ranges
 * are shortened as a group so they stay alike; overlays one at a time,
 * the last first. */
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
	}
	for (int p = 0; p < LEGEND_PRIOS; p++)
		for (int i = lg->n - 1; i >= 0 && legend_width(lg) > width; i--)
			if (lg->it[i].prio == (enum legend_prio)p)
				lg->it[i].form = LEGEND_DROPPED;
}

/* The states at zoom 1, or the shade ramp above it. */
static void legend_states(struct app *app, struct legend *lg)
{
	if (app->zoom == 0) {
		/* L10N: the map legend's states; the second of each pair is the
		   short form used when the line is narrow (keep it short). */
		legend_shade(lg, LEGEND_STATES, 4, ROLE_USR4, _("assigned"), _("asgd"));
		legend_shade(lg, LEGEND_STATES, 2, ROLE_USR2, _("reserved"), _("rsvd"));
		legend_shade(lg, LEGEND_STATES, 0, ROLE_USR0, _("free"), _("free"));
		return;
	}
	/* L10N: legend of the shade ramp at zoom > 1, and its short form. */
	struct legend_item *it =
		legend_add(lg, LEGEND_STATES, _("assigned share 0-100%"), _("0-100%"));
	for (int i = 0; i < SHADES; i++)
		legend_glyph(it, heatmap_shade_utf8[i], heatmap_shade_ascii[i],
			     colors_shade(RANGE_USER, i));
}

/* Every item, in the order drawn. */
static void legend_build(struct app *app, struct legend *lg)
{
	lg->n = 0;
	legend_states(app, lg);
	/* L10N: the three RFC 6335 ranges, as the map's legend names them,
	   then their short forms for a narrow line. */
	legend_shade(lg, LEGEND_RANGES, 4, ROLE_SYS4, _("System"), _("Sys"));
	legend_shade(lg, LEGEND_RANGES, 4, ROLE_USR4, _("User"), _("Usr"));
	legend_shade(lg, LEGEND_RANGES, 4, ROLE_DYN4, _("Dynamic"), _("Dyn"));
	/* L10N: legend of the gutter marks: U/D where the User/Dynamic range
	   starts, p the privileged boundary, e the ephemeral range (underlined
	   cells). The letters U, D, p, e are drawn by the map: keep them. */
	struct legend_item *hint =
		legend_add(lg, LEGEND_HINT, _("U/D:range p:priv e:ephem(_)"), NULL);
	if (hint)
		hint->text_attr = colors_attr(ROLE_GUTTER);
	for (int i = 0; i < app->overlays.n; i++) {
		const struct overlay *ov = app->overlays.ov[i];
		if (ov->enabled)
			legend_glyph(legend_add(lg, LEGEND_OVERLAYS, _(ov->name),
						_(ov->short_name ? ov->short_name : ov->name)),
				     ov->glyph_utf8, ov->glyph_ascii, (enum color_role)ov->role);
	}
}

/* Draw one item at x; the next item's x. */
static int legend_draw_item(const struct app *app, const struct legend_item *it, int y, int x)
{
	for (int g = 0; g < it->nglyph; g++, x++) {
		if (app->utf8)
			draw_text(y, x, 1, it->utf8[g], colors_attr(it->role[g]));
		else
			mvaddch(y, x,
				(chtype)(unsigned char)it->ascii[g] | colors_attr(it->role[g]));
	}
	x += it->nglyph > 1;
	const char *t = it->text[it->form];
	return x + draw_text(y, x, utf8_width(t), t, it->text_attr) + 1;
}

void legend_draw(struct app *app)
{
	struct legend lg;
	int y = app->lay.legend_y, x = 0;
	move(y, 0);
	clrtoeol();
	legend_build(app, &lg);
	legend_fit(&lg, COLS);
	for (int i = 0; i < lg.n; i++)
		if (lg.it[i].form != LEGEND_DROPPED)
			x = legend_draw_item(app, &lg.it[i], y, x);
}
