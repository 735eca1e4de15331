/* SPDX-License-Identifier: MIT */
/* heatmap.c: the port space as a grid of cells. Each cell is 4^zoom
 * ports; rows hold a power of two of cells, so every row starts at a round
 * port number and the range boundaries (1024, 49152) fall on cell edges. */
#include <config.h>

#include <string.h>

#include "../src/i18n.h"
#include "../src/palette.h"
#include "../src/ports.h"
#include "tui.h"

/* Glyphs by shade level: free ... fully assigned. */
const char *const heatmap_shade_utf8[SHADES] = {"·", "░", "▒", "▓", "█"};
const char heatmap_shade_ascii[SHADES] = {'.', ':', '+', '*', '#'};

unsigned heatmap_zoom_size(const struct app *app)
{
	return 1u << (2 * app->zoom);
}

void heatmap_layout(struct app *app)
{
	struct layout *l = &app->lay;
	l->rows = LINES;
	l->cols = COLS;
	l->too_small = l->rows < MIN_ROWS || l->cols < MIN_COLS;
	if (l->too_small)
		return;
	l->cells = 256;
	while (l->cells > 8 && GUTTER_WIDTH + l->cells > l->cols)
		l->cells /= 2;
	l->per_row = (unsigned)l->cells * heatmap_zoom_size(app);
	l->total_rows = PORT_COUNT / l->per_row;
	int avail = l->rows - 3; /* title, legend, status */
	l->banner_y = app->reg->degraded ? 1 : -1;
	avail -= app->reg->degraded; /* the banner offering U */
	int detail = (avail + 1) / 2 < 5 ? 5 : (avail + 1) / 2;
	l->map_h = avail - detail;
	if ((unsigned)l->map_h > l->total_rows)
		l->map_h = (int)l->total_rows;
	l->map_y = app->reg->degraded ? 2 : 1;
	l->legend_y = l->map_y + l->map_h;
	l->detail_y = l->legend_y + 1;
	l->status_y = l->rows - 1;
	l->detail_h = l->status_y - l->detail_y;
}

unsigned heatmap_cell_start(const struct app *app, unsigned port)
{
	return port - port % heatmap_zoom_size(app);
}

void heatmap_fit(struct app *app)
{
	const struct layout *l = &app->lay;
	if (l->too_small)
		return;
	unsigned row = app->cursor / l->per_row;
	if (row < app->top_row)
		app->top_row = row;
	else if (row >= app->top_row + (unsigned)l->map_h)
		app->top_row = row - (unsigned)l->map_h + 1;
	if (app->top_row + (unsigned)l->map_h > l->total_rows)
		app->top_row = l->total_rows - (unsigned)l->map_h;
}

void heatmap_center(struct app *app)
{
	const struct layout *l = &app->lay;
	if (l->too_small || !l->per_row) {
		app->top_row = 0;
		return;
	}
	unsigned row = app->cursor / l->per_row, half = (unsigned)l->map_h / 2;
	app->top_row = row > half ? row - half : 0;
	heatmap_fit(app);
}

void heatmap_goto(struct app *app, unsigned port)
{
	app->cursor = port;
	app->detail_scroll = 0;
	heatmap_center(app);
}

/* Shade level of the cell [lo, hi]: the state at zoom 1, the assigned
 * share above it (the pictures of `map` use the same, src/palette.h). */
static int heatmap_level(const struct app *app, unsigned lo, unsigned hi)
{
	return palette_level(app->reg, app->proto, lo, hi);
}

/* The boundaries a gutter marks: a letter when one falls in the row. */
static void heatmap_marks(const struct app *app, unsigned lo, unsigned hi, char mark[2])
{
	mark[0] = mark[1] = ' ';
	if (lo <= 1024 && 1024 <= hi)
		mark[0] = 'U';
	if (lo <= 49152 && 49152 <= hi)
		mark[0] = 'D';
	const struct sysinfo_ports *s = app->sys;
	if (s->have_unprivileged && lo <= s->unprivileged_start && s->unprivileged_start <= hi)
		mark[1] = 'p';
	if (s->have_ephemeral && ((lo <= s->ephemeral_lo && s->ephemeral_lo <= hi) ||
				  (lo <= s->ephemeral_hi && s->ephemeral_hi <= hi)))
		mark[1] = mark[1] == ' ' ? 'e' : '*';
}

/* Extra attributes showing the kernel's view: ephemeral ports underlined. */
static attr_t heatmap_kernel_attr(const struct app *app, unsigned lo, unsigned hi)
{
	const struct sysinfo_ports *s = app->sys;
	if (s->have_ephemeral && hi >= s->ephemeral_lo && lo <= s->ephemeral_hi)
		return A_UNDERLINE;
	return 0;
}

static void heatmap_draw_cell(struct app *app, int y, int x, unsigned lo, unsigned hi)
{
	const struct overlay *ov = overlay_at(&app->overlays, lo, hi);
	int level = heatmap_level(app, lo, hi);
	enum color_role role = colors_shade(port_range_of(lo), level);
	const char *glyph = app->utf8 ? heatmap_shade_utf8[level] : NULL;
	char ascii = heatmap_shade_ascii[level];
	if (ov) {
		role = (enum color_role)ov->role;
		glyph = app->utf8 ? ov->glyph_utf8 : NULL;
		ascii = ov->glyph_ascii;
	}
	attr_t attr = colors_attr(role) | heatmap_kernel_attr(app, lo, hi);
	if (app->cursor >= lo && app->cursor <= hi)
		attr = colors_attr(ROLE_CURSOR) |
		       (app->color_mode == COLOR_MODE_MONO ? A_REVERSE : 0);
	if (glyph) {
		draw_text(y, x, 1, glyph, attr);
	} else {
		mvaddch(y, x, (chtype)(unsigned char)ascii | attr);
	}
}

void heatmap_draw(struct app *app)
{
	const struct layout *l = &app->lay;
	unsigned z = heatmap_zoom_size(app);
	for (int r = 0; r < l->map_h; r++) {
		unsigned row = app->top_row + (unsigned)r;
		unsigned lo = row * l->per_row;
		int y = l->map_y + r;
		char buf[16], mark[2];
		move(y, 0);
		clrtoeol();
		if (row >= l->total_rows)
			continue;
		heatmap_marks(app, lo, lo + l->per_row - 1, mark);
		snprintf(buf, sizeof(buf), "%5u", lo);
		draw_text(y, 0, 5, buf, colors_attr(ROLE_GUTTER));
		mvaddch(y, 5, (chtype)(unsigned char)mark[0] | colors_attr(ROLE_MARK));
		mvaddch(y, 6, (chtype)(unsigned char)mark[1] | colors_attr(ROLE_MARK));
		for (int c = 0; c < l->cells; c++)
			heatmap_draw_cell(app, y, GUTTER_WIDTH + c, lo + (unsigned)c * z,
					  lo + (unsigned)(c + 1) * z - 1);
	}
}

/* Move the cursor by delta cells (clamped to the port space). */
static unsigned heatmap_move(struct app *app, long delta)
{
	long z = (long)heatmap_zoom_size(app);
	long p = (long)heatmap_cell_start(app, app->cursor) + delta * z;
	if (p < 0)
		p = 0;
	if (p > PORT_MAX)
		p = (long)heatmap_cell_start(app, PORT_MAX);
	app->cursor = (unsigned)p;
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned heatmap_left(struct app *app)
{
	return heatmap_move(app, -1);
}
unsigned heatmap_right(struct app *app)
{
	return heatmap_move(app, 1);
}
unsigned heatmap_up(struct app *app)
{
	return heatmap_move(app, -app->lay.cells);
}
unsigned heatmap_down(struct app *app)
{
	return heatmap_move(app, app->lay.cells);
}

unsigned heatmap_page_up(struct app *app)
{
	int page = app->lay.map_h > 1 ? app->lay.map_h - 1 : 1;
	return heatmap_move(app, -(long)page * app->lay.cells);
}

unsigned heatmap_page_down(struct app *app)
{
	int page = app->lay.map_h > 1 ? app->lay.map_h - 1 : 1;
	return heatmap_move(app, (long)page * app->lay.cells);
}

unsigned heatmap_first(struct app *app)
{
	app->cursor = 0;
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned heatmap_last(struct app *app)
{
	app->cursor = heatmap_cell_start(app, PORT_MAX);
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

static unsigned heatmap_zoom_to(struct app *app, int zoom)
{
	if (zoom < 0 || zoom >= ZOOM_LEVELS) {
		status_message(app, false, _("zoom is already at its %s"),
			    zoom < 0 ? _("closest (1 port per cell)")
				     : _("widest (256 ports per cell)"));
		return REDRAW_STATUS;
	}
	app->zoom = zoom;
	app->detail_scroll = 0;
	status_message(app, false, P_("zoom: %u port per cell", "zoom: %u ports per cell", heatmap_zoom_size(app)),
		    heatmap_zoom_size(app));
	return REDRAW_LAYOUT;
}

/* '+' zooms in (fewer ports per cell), '-' out (more, up to 256). */
unsigned heatmap_zoom_in(struct app *app)
{
	return heatmap_zoom_to(app, app->zoom - 1);
}
unsigned heatmap_zoom_out(struct app *app)
{
	return heatmap_zoom_to(app, app->zoom + 1);
}

static unsigned heatmap_gap_jump(struct app *app, bool backward)
{
	struct gap g;
	if (!ports_next_gap(app->reg, app->proto, app->cursor, backward, &g)) {
		status_message(app, true,
			    backward ? _("no free gap before port %u")
				     : _("no free gap after port %u"),
			    app->cursor);
		return REDRAW_STATUS;
	}
	overlay_clear(&app->gap);
	overlay_set_range(&app->gap, g.lo, g.hi);
	app->gap.enabled = true;
	heatmap_goto(app, g.lo);
	status_message(app, false,
		    P_("free gap %u-%u (%'u port)", "free gap %u-%u (%'u ports)", g.hi - g.lo + 1),
		    g.lo, g.hi, g.hi - g.lo + 1);
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned heatmap_next_gap(struct app *app)
{
	return heatmap_gap_jump(app, false);
}
unsigned heatmap_prev_gap(struct app *app)
{
	return heatmap_gap_jump(app, true);
}

long heatmap_port_at(const struct app *app, int y, int x)
{
	const struct layout *l = &app->lay;
	if (l->too_small || y < l->map_y || y >= l->map_y + l->map_h || x < GUTTER_WIDTH ||
	    x >= GUTTER_WIDTH + l->cells)
		return -1;
	unsigned row = app->top_row + (unsigned)(y - l->map_y);
	if (row >= l->total_rows)
		return -1;
	return (long)(row * l->per_row + (unsigned)(x - GUTTER_WIDTH) * heatmap_zoom_size(app));
}

unsigned heatmap_mouse(struct app *app)
{
	const MEVENT *m = &app->mouse;
	if (m->bstate & BUTTON4_PRESSED)
		return heatmap_move(app, -3L * app->lay.cells);
#ifdef BUTTON5_PRESSED
	if (m->bstate & BUTTON5_PRESSED)
		return heatmap_move(app, 3L * app->lay.cells);
#endif
	long p = heatmap_port_at(app, m->y, m->x);
	if (p < 0)
		return REDRAW_NONE;
	app->cursor = (unsigned)p;
	app->focus = FOCUS_MAP;
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}
