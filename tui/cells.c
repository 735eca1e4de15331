/* SPDX-License-Identifier: MIT */
/* cells.c: drawing the heat map: each cell's glyph and colour (range as
 * the tint, state as glyph and brightness, overlays in hues of their
 * own, the cursor in a look nothing else has), the gutter of row starts
 * and marks, and the column ruler above. At the fit zoom in 256 colours a
 * character holds two cells, the upper as the foreground of '▀' and the
 * lower as its background. */
#include <config.h>

#include <string.h>

#include "../src/ports.h"
#include "tui.h"

/* Glyphs by shade level: free ... fully assigned. */
const char *const cells_shade_utf8[SHADES] = {"·", "░", "▒", "▓", "█"};
const char cells_shade_ascii[SHADES] = {'.', ':', '+', '*', '#'};
/* Under the cursor a full block would be a solid cell of its colour. */
static const char *const cells_cursor_utf8[SHADES] = {"·", "░", "▒", "▓", "■"};

/* How a cell is drawn. */
struct cells_look {
	const char *utf8;
	char ascii;
	attr_t attr;
};

int cells_level(const struct app *app, unsigned lo, unsigned hi)
{
	const uint8_t *st = app->reg->state[app->proto];
	if (hi > PORT_MAX)
		hi = PORT_MAX;
	if (lo == hi)
		return st[lo] == STATE_ASSIGNED ? 4 : st[lo] == STATE_RESERVED ? 2 : 0;
	unsigned assigned = 0, n = hi - lo + 1;
	for (unsigned p = lo; p <= hi; p++)
		assigned += st[p] == STATE_ASSIGNED;
	if (!assigned)
		return 0;
	return assigned * 4 <= n ? 1 : assigned * 2 <= n ? 2 : assigned * 4 <= n * 3 ? 3 : 4;
}

/* Does the cell [lo, hi] hold the cursor? */
static bool cells_has_cursor(const struct app *app, unsigned lo, unsigned hi)
{
	return app->cursor >= lo && app->cursor <= hi;
}

/* The look of the cell [lo, hi]: an overlay, else its range and shade;
 * the cursor's colours on top of either. */
static void cells_look(const struct app *app, unsigned lo, unsigned hi, struct cells_look *lk)
{
	int level = cells_level(app, lo, hi), range = (int)port_range_of(lo);
	const struct overlay *ov = overlay_at(&app->overlays, lo, hi);
	lk->utf8 = cells_shade_utf8[level];
	lk->ascii = cells_shade_ascii[level];
	lk->attr = colors_attr(colors_shade(range, level));
	if (ov) {
		lk->utf8 = ov->glyph_utf8;
		lk->ascii = ov->glyph_ascii;
		lk->attr = colors_attr((enum color_role)ov->role);
	}
	if (cells_has_cursor(app, lo, hi)) { /* the overlay's glyph, or the state's */
		lk->utf8 = ov ? ov->glyph_utf8 : cells_cursor_utf8[level];
		lk->attr = colors_attr(ROLE_CURSOR);
	}
}

/* Draw a look at (y, x): its UTF-8 glyph, or its ASCII one. */
static void cells_put(const struct app *app, int y, int x, const struct cells_look *lk)
{
	if (app->utf8)
		draw_text(y, x, 1, lk->utf8, lk->attr);
	else
		mvaddch(y, x, (chtype)(unsigned char)lk->ascii | lk->attr);
}

/* Two cells in one character: upper [lo, lo + z) and the one a row below. */
static void cells_put_halves(const struct app *app, int y, int x, unsigned lo)
{
	const struct layout *l = &app->lay;
	unsigned z = l->zsize, lo2 = lo + l->per_row;
	struct cells_look lk;
	bool below = lo2 <= PORT_MAX; /* the last row has nothing below */
	bool top = cells_has_cursor(app, lo, lo + z - 1);
	bool bottom = below && cells_has_cursor(app, lo2, lo2 + z - 1);
	int r1 = (int)port_range_of(lo), r2 = below ? (int)port_range_of(lo2) : -1;
	attr_t a = colors_halves(r1, cells_level(app, lo, lo + z - 1), r2,
				 below ? cells_level(app, lo2, lo2 + z - 1) : 0);
	const struct overlay *ov = overlay_at(&app->overlays, lo, lo + z - 1);
	if (top || bottom) {
		lk = (struct cells_look){top ? "▄" : "▀", 'X', colors_attr(ROLE_CURSOR)};
	} else if (ov || (below && overlay_at(&app->overlays, lo2, lo2 + z - 1)) || !a) {
		cells_look(app, ov || !a ? lo : lo2, (ov || !a ? lo : lo2) + z - 1, &lk);
	} else {
		lk = (struct cells_look){"▀", '#', a};
	}
	cells_put(app, y, x, &lk);
}

/* The gutter's marks for the ports [lo, hi]: where the User or Dynamic
 * range starts, and the kernel's boundaries (privileged ports end,
 * ephemeral range, with a bar through the rows inside it). */
static void cells_marks(const struct app *app, unsigned lo, unsigned hi, const char *mark[2])
{
	const struct sysinfo_ports *s = app->sys;
	mark[0] = mark[1] = " ";
	if (lo <= 1024 && 1024 <= hi)
		mark[0] = "U";
	if (lo <= 49152 && 49152 <= hi)
		mark[0] = "D";
	bool e = s->have_ephemeral && ((lo <= s->ephemeral_lo && s->ephemeral_lo <= hi) ||
				       (lo <= s->ephemeral_hi && s->ephemeral_hi <= hi));
	if (s->have_unprivileged && lo <= s->unprivileged_start && s->unprivileged_start <= hi)
		mark[1] = e ? "*" : "p";
	else if (e)
		mark[1] = "e";
	else if (s->have_ephemeral && lo > s->ephemeral_lo && hi < s->ephemeral_hi)
		mark[1] = app->utf8 ? "│" : "|";
}

/* The row start and its marks; the cursor's row stands out. */
static void cells_gutter(const struct app *app, int y, unsigned lo, unsigned hi)
{
	char buf[16];
	const char *mark[2];
	snprintf(buf, sizeof(buf), "%5u", lo);
	bool here = app->cursor >= lo && app->cursor <= hi;
	draw_text(y, 0, 5, buf, colors_attr(here ? ROLE_AXIS : ROLE_GUTTER));
	cells_marks(app, lo, hi, mark);
	draw_text(y, 6, 1, mark[0], colors_attr(ROLE_MARK));
	draw_text(y, 8, 1, mark[1], colors_attr(ROLE_MARK));
}

/* The ruler: each labelled column's offset from its row's start; the
 * cursor's column stands out. */
static void cells_ruler(const struct app *app)
{
	const struct layout *l = &app->lay;
	int y = l->ruler_y, cur = (int)(app->cursor % l->per_row / l->zsize);
	char line[512];
	int n = l->cells < (int)sizeof(line) - 1 ? l->cells : (int)sizeof(line) - 1;
	memset(line, ' ', (size_t)n);
	for (int c = 0; c < n; c += l->label_step) {
		char buf[16];
		int k = snprintf(buf, sizeof(buf), "%u", (unsigned)c * l->zsize);
		if (c + k <= n)
			memcpy(line + c, buf, (size_t)k);
	}
	move(y, 0);
	clrtoeol();
	draw_text(y, GUTTER_WIDTH - 2, 1, "+", colors_attr(ROLE_RULER));
	for (int c = 0; c < n; c++)
		mvaddch(y, GUTTER_WIDTH + c,
			(chtype)(unsigned char)line[c] | colors_attr(c == cur ? ROLE_AXIS : ROLE_RULER));
}

/* One screen row of the map: map row `row` (and the next with halves). */
static void cells_row(struct app *app, int y, unsigned row)
{
	const struct layout *l = &app->lay;
	unsigned lo = row * l->per_row, rpl = heatmap_rows_per_line(app);
	unsigned hi = lo + l->per_row * rpl - 1;
	cells_gutter(app, y, lo, hi > PORT_MAX ? PORT_MAX : hi);
	for (int c = 0; c < l->cells; c++) {
		unsigned p = lo + (unsigned)c * l->zsize;
		struct cells_look lk;
		if (p > PORT_MAX)
			break;
		if (l->halves) {
			cells_put_halves(app, y, GUTTER_WIDTH + c, p);
			continue;
		}
		cells_look(app, p, p + l->zsize - 1, &lk);
		cells_put(app, y, GUTTER_WIDTH + c, &lk);
	}
}

void cells_draw(struct app *app)
{
	const struct layout *l = &app->lay;
	cells_ruler(app);
	for (int r = 0; r < l->map_h; r++) {
		unsigned row = app->top_row + (unsigned)r * heatmap_rows_per_line(app);
		move(l->map_y + r, 0);
		clrtoeol();
		if (row < l->total_rows)
			cells_row(app, l->map_y + r, row);
	}
}
