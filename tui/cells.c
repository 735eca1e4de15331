/* SPDX-License-Identifier: MIT */
/* cells.c: drawing the heat map: each cell's glyph and colour (range as
 * the tint, state as glyph and brightness, overlays in hues of their
 * own, the cursor in a look nothing else has), the gutter of row starts
 * and marks, and the column ruler above. At the fit zoom in 256 colours a
 * character holds two cells, the upper as the foreground of '▀' and the
 * lower as its background. */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include "../src/palette.h"
#include "../src/ports.h"
#include "tui.h"

/* Glyphs by shade level: free ... fully assigned. */
const char *const cells_shade_utf8[SHADES] = {"·", "░", "▒", "▓", "█"};
const char cells_shade_ascii[SHADES] = {'.', ':', '+', '*', '#'};
/* The same as characters, for a row drawn at once; under the cursor a
 * full block would be a solid cell of its colour. */
static const wchar_t cells_shade_wide[SHADES] = {L'·', L'░', L'▒', L'▓', L'█'};
static const wchar_t cells_cursor_wide[SHADES] = {L'·', L'░', L'▒', L'▓', L'■'};

/* A map row is drawn in chunks of this many cells. */
#define CELLS_CHUNK 128

/* How a cell is drawn. */
struct cells_look {
	wchar_t glyph;
	attr_t attr;
};

int cells_level(const struct app *app, unsigned lo, unsigned hi)
{
	return palette_level(app->reg, app->proto, lo, hi); /* as `portscope map` draws it */
}

/* Does the cell [lo, hi] hold the cursor? */
static bool cells_has_cursor(const struct app *app, unsigned lo, unsigned hi)
{
	return app->cursor >= lo && app->cursor <= hi;
}

/* An overlay's glyph as a character (ASCII outside UTF-8 locales). */
static wchar_t cells_overlay_glyph(const struct app *app, const struct overlay *ov)
{
	wchar_t wc = 0;
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	if (!app->utf8 || mbrtowc(&wc, ov->glyph_utf8, strlen(ov->glyph_utf8), &st) > 4)
		return (wchar_t)(unsigned char)ov->glyph_ascii;
	return wc;
}

/* The look of the cell [lo, hi]: an overlay, else its range and shade;
 * the cursor's colours on top of either. */
static void cells_look(const struct app *app, unsigned lo, unsigned hi, struct cells_look *lk)
{
	int level = cells_level(app, lo, hi), range = (int)port_range_of(lo);
	const struct overlay *ov = overlay_at(&app->overlays, lo, hi);
	lk->glyph = app->utf8 ? cells_shade_wide[level] : (wchar_t)cells_shade_ascii[level];
	lk->attr = colors_attr(colors_shade(range, level));
	if (ov) {
		lk->glyph = cells_overlay_glyph(app, ov);
		lk->attr = colors_attr((enum color_role)ov->role);
	}
	if (cells_has_cursor(app, lo, hi)) { /* the overlay's glyph, or the state's */
		if (!ov && app->utf8)
			lk->glyph = cells_cursor_wide[level];
		lk->attr = colors_attr(ROLE_CURSOR);
	}
}

/* A look as a curses character. A map has few looks, so the last few
 * made are kept (setcchar() is a good part of a redraw's time). */
static void cells_put(cchar_t *cc, const struct cells_look *lk)
{
	static struct {
		wchar_t glyph;
		attr_t attr;
		cchar_t cc;
	} made[16];
	unsigned h = ((unsigned)lk->glyph ^ (unsigned)(lk->attr >> 8)) % 16;
	if (made[h].glyph != lk->glyph || made[h].attr != lk->attr) {
		wchar_t s[2] = {lk->glyph, L'\0'};
		setcchar(&made[h].cc, s, lk->attr & ~A_COLOR, (short)PAIR_NUMBER(lk->attr), NULL);
		made[h].glyph = lk->glyph;
		made[h].attr = lk->attr;
	}
	*cc = made[h].cc;
}

/* Two cells in one character: upper [lo, lo + z) and the one a row below. */
static void cells_put_halves(const struct app *app, cchar_t *cc, unsigned lo)
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
		lk = (struct cells_look){top ? L'▄' : L'▀', colors_attr(ROLE_CURSOR)};
	} else if (ov || (below && overlay_at(&app->overlays, lo2, lo2 + z - 1)) || !a) {
		cells_look(app, ov || !a ? lo : lo2, (ov || !a ? lo : lo2) + z - 1, &lk);
	} else {
		lk = (struct cells_look){L'▀', a};
	}
	cells_put(cc, &lk);
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
	attr_t a = colors_attr(ROLE_RULER);
	move(y, 0);
	clrtoeol();
	draw_fill(y, GUTTER_WIDTH, l->cells, a);
	draw_text(y, GUTTER_WIDTH - 2, 1, "+", a);
	for (int c = 0; c < l->cells; c += l->label_step) {
		char buf[16];
		int k = snprintf(buf, sizeof(buf), "%u", (unsigned)c * l->zsize);
		if (c + k <= l->cells)
			draw_text(y, GUTTER_WIDTH + c, k, buf, a);
	}
	chtype under = mvinch(y, GUTTER_WIDTH + cur) & A_CHARTEXT;
	mvaddch(y, GUTTER_WIDTH + cur, under | colors_attr(ROLE_AXIS));
}

/* Cells [c0, c0 + n) of the map row starting at port lo, into cc. */
static void cells_chunk(const struct app *app, unsigned lo, int c0, int n, cchar_t *cc)
{
	const struct layout *l = &app->lay;
	for (int i = 0; i < n; i++) {
		unsigned p = lo + (unsigned)(c0 + i) * l->zsize;
		struct cells_look lk;
		if (l->halves) {
			cells_put_halves(app, &cc[i], p);
			continue;
		}
		cells_look(app, p, p + l->zsize - 1, &lk);
		cells_put(&cc[i], &lk);
	}
}

/* One screen row of the map: map row `row` (and the next with halves),
 * written a chunk of cells at a time. */
static void cells_row(struct app *app, int y, unsigned row)
{
	const struct layout *l = &app->lay;
	unsigned lo = row * l->per_row, rpl = heatmap_rows_per_line(app);
	unsigned hi = lo + l->per_row * rpl - 1;
	int cells = (int)((PORT_MAX - lo) / l->zsize) + 1; /* the last row may be short */
	cchar_t cc[CELLS_CHUNK];
	cells_gutter(app, y, lo, hi > PORT_MAX ? PORT_MAX : hi);
	if (cells > l->cells)
		cells = l->cells;
	for (int c = 0; c < cells; c += CELLS_CHUNK) {
		int n = cells - c < CELLS_CHUNK ? cells - c : CELLS_CHUNK;
		cells_chunk(app, lo, c, n, cc);
		mvadd_wchnstr(y, GUTTER_WIDTH + c, cc, n);
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
