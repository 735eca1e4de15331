/* SPDX-License-Identifier: MIT */
/* heatmap.c: the port space as a grid of cells. Each cell is 4^zoom
 * ports; rows hold a power of two of cells, so every row starts at a round
 * port number and the range boundaries (1024, 49152) fall on cell edges. */
#include <config.h>

#include <string.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "tui.h"

unsigned heatmap_zoom_size(const struct app *app)
{
	if (app->zoom < ZOOM_FIT)
		return 1u << (2 * app->zoom);
	if (app->lay.zoom == ZOOM_FIT) /* laid out for it: the cells drawn */
		return app->lay.zsize;
	return app->lay.fit_z ? app->lay.fit_z : 256;
}

/* How round a row length or an offset is: trailing zeros first, then a
 * last digit of 5, then an even one. */
static int heatmap_roundness(unsigned v)
{
	int zeros = 0;
	while (v && v % 10 == 0) {
		v /= 10;
		zeros++;
	}
	return zeros * 4 + (v % 10 == 5 ? 2 : v % 2 == 0);
}

/* Cells per row for cells of z ports in avail columns: at least 90% of
 * them, the one whose row length is roundest (the widest on a tie). */
static int heatmap_row_cells(int avail, unsigned z)
{
	int best = avail, score = -1;
	for (int n = avail; n * 10 >= avail * 9; n--)
		if (heatmap_roundness((unsigned)n * z) > score) {
			score = heatmap_roundness((unsigned)n * z);
			best = n;
		}
	return best;
}

/* The fit zoom: the smallest cells, give or take a little for a round
 * row length, that put all ports into the map area and use at least 90%
 * of it. */
static void heatmap_fit_geometry(struct layout *l, int avail)
{
	unsigned sub = (unsigned)l->map_h * (l->halves ? 2 : 1), area = (unsigned)avail * sub;
	unsigned z0 = (PORT_COUNT + area - 1) / area;
	long best = -1;
	for (unsigned z = z0; z <= z0 + z0 / 4 + 1; z++)
		for (int n = avail; n * 10 >= avail * 9; n--) {
			unsigned per_row = (unsigned)n * z;
			unsigned rows = (PORT_COUNT + per_row - 1) / per_row;
			unsigned used = (PORT_COUNT + z - 1) / z;
			if (rows > sub || used * 10 < area * 9)
				continue;
			long score = (long)heatmap_roundness(per_row) * 100000 + used;
			if (score > best) {
				best = score;
				l->zsize = z;
				l->cells = n;
			}
		}
	if (best < 0) { /* cannot happen at the minimum size; stay safe */
		l->zsize = z0 ? z0 : 1;
		l->cells = avail;
	}
}

/* Columns between the ruler's offsets: room for the widest, at the
 * roundest offsets, the closest on a tie. */
static int heatmap_label_step(const struct layout *l)
{
	static const int steps[] = {10, 20, 25, 50};
	char buf[16];
	int wide = snprintf(buf, sizeof(buf), "%u", (unsigned)(l->cells - 1) * l->zsize);
	int best = 50, score = -1;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int r = heatmap_roundness((unsigned)steps[i] * l->zsize) / 4;
		if (wide < steps[i] && r > score) {
			score = r;
			best = steps[i];
		}
	}
	return best;
}

/* Body lines the detail pane may take: the user's choice, else about
 * half the screen; the map keeps at least 2 rows. */
static int heatmap_detail_cap(const struct app *app, int avail)
{
	int cap = app->detail_rows ? app->detail_rows
				   : (app->lay.rows - 2 - app->reg->degraded) / 2 - 1;
	if (app->detail_hidden)
		cap = 0;
	return cap > avail - 2 ? avail - 2 : cap;
}

/* Cells, cell size and rows of the map, for the rows it has. */
static void heatmap_geometry(struct app *app, struct layout *l)
{
	int avail = l->cols - GUTTER_WIDTH;
	l->zoom = app->zoom;
	l->halves = app->zoom == ZOOM_FIT && app->utf8 && colors_have_halves();
	if (app->zoom == ZOOM_FIT) {
		heatmap_fit_geometry(l, avail);
	} else {
		l->zsize = 1u << (2 * app->zoom);
		l->cells = heatmap_row_cells(avail, l->zsize);
	}
	l->per_row = (unsigned)l->cells * l->zsize;
	l->total_rows = (PORT_COUNT + l->per_row - 1) / l->per_row;
	l->label_step = heatmap_label_step(l);
	unsigned lines =
		(l->total_rows + heatmap_rows_per_line(app) - 1) / heatmap_rows_per_line(app);
	if ((unsigned)l->map_h > lines)
		l->map_h = (int)lines; /* the pane takes what the map cannot use */
}

/* The fit zoom's cell size for this screen, whatever the zoom is. */
static void heatmap_fit_z(const struct app *app, struct layout *l)
{
	struct layout fit = *l;
	fit.halves = app->utf8 && colors_have_halves();
	heatmap_fit_geometry(&fit, l->cols - GUTTER_WIDTH);
	l->fit_z = fit.zsize;
}

/* Zoom levels of 4^k ports per cell are those finer than the fit zoom, so
 * '-' always widens the view and the fit zoom is its last step. */
static bool heatmap_usable(const struct app *app, int zoom)
{
	return zoom == 0 || (1u << (2 * zoom)) < app->lay.fit_z;
}

void heatmap_layout(struct app *app)
{
	struct layout *l = &app->lay;
	l->rows = LINES;
	l->cols = COLS;
	l->too_small = l->rows < MIN_ROWS || l->cols < MIN_COLS;
	if (l->too_small)
		return;
	int y = 1;
	l->banner_y = app->reg->degraded ? y++ : -1;
	l->ruler_y = y++;
	l->map_y = y;
	l->legend_h = l->rows >= 40 ? 2 : 1;	   /* room for the gutter's key in words */
	int avail = l->rows - y - l->legend_h - 2; /* the pane's heading, the status */
	l->detail_cap = heatmap_detail_cap(app, avail);
	l->map_h = avail - l->detail_cap;
	heatmap_fit_z(app, l);
	if (app->zoom < ZOOM_FIT && !heatmap_usable(app, app->zoom))
		app->zoom = ZOOM_FIT; /* a larger terminal: the fit zoom is finer now */
	/* the pane takes what the cursor's port needs (app->detail_need, as
	   measured for this layout; at the fit zoom only when laid out, so
	   the cells stay as the cursor moves) */
	int body = l->detail_cap;
	if (app->detail_need < (size_t)body)
		body = (int)app->detail_need;
	l->map_h = avail - body;
	heatmap_geometry(app, l);
	l->legend_y = l->map_y + l->map_h;
	l->detail_y = l->legend_y + l->legend_h;
	l->status_y = l->rows - 1;
	l->detail_h = l->status_y - l->detail_y;
}

unsigned heatmap_rows_per_line(const struct app *app)
{
	return app->lay.halves ? 2 : 1;
}

unsigned heatmap_shown_rows(const struct app *app)
{
	return (unsigned)app->lay.map_h * heatmap_rows_per_line(app);
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
	unsigned row = app->cursor / l->per_row, shown = heatmap_shown_rows(app);
	unsigned rpl = heatmap_rows_per_line(app);
	if (row < app->top_row)
		app->top_row = row;
	else if (row >= app->top_row + shown)
		app->top_row = row - shown + 1;
	if (app->top_row + shown > l->total_rows)
		app->top_row = l->total_rows > shown ? l->total_rows - shown : 0;
	app->top_row -= app->top_row % rpl;
}

bool heatmap_centred(const struct app *app)
{
	const struct layout *l = &app->lay;
	unsigned row = l->per_row ? app->cursor / l->per_row : 0,
		 half = heatmap_shown_rows(app) / 2;
	return !l->too_small && l->per_row &&
	       (row > half ? row == app->top_row + half : !app->top_row);
}

void heatmap_center(struct app *app)
{
	const struct layout *l = &app->lay;
	if (l->too_small || !l->per_row) {
		app->top_row = 0;
		return;
	}
	unsigned row = app->cursor / l->per_row, half = heatmap_shown_rows(app) / 2;
	app->top_row = row > half ? row - half : 0;
	heatmap_fit(app);
}

void heatmap_goto(struct app *app, unsigned port)
{
	app->cursor = port;
	app->detail_scroll = 0;
	heatmap_center(app);
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

/* Map rows in one page: a screenful less one line. */
static long heatmap_page(const struct app *app)
{
	long rpl = (long)heatmap_rows_per_line(app);
	return app->lay.map_h > 1 ? (app->lay.map_h - 1) * rpl : rpl;
}

unsigned heatmap_page_up(struct app *app)
{
	return heatmap_move(app, -heatmap_page(app) * app->lay.cells);
}

unsigned heatmap_page_down(struct app *app)
{
	return heatmap_move(app, heatmap_page(app) * app->lay.cells);
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
					: _("widest (the whole port space)"));
		return REDRAW_STATUS;
	}
	app->zoom = zoom;
	app->detail_scroll = 0;
	if (zoom == ZOOM_FIT) /* its cell size is in the title once laid out */
		status_message(app, false, "%s", _("zoom: fit, the whole port space on the map"));
	else
		status_message(app, false,
			       P_("zoom: %u port per cell", "zoom: %u ports per cell",
				  heatmap_zoom_size(app)),
			       heatmap_zoom_size(app));
	return REDRAW_LAYOUT;
}

/* '+' zooms in (fewer ports per cell), '-' out (more, up to the fit zoom). */
unsigned heatmap_zoom_in(struct app *app)
{
	int zoom = app->zoom - 1;
	while (zoom > 0 && !heatmap_usable(app, zoom))
		zoom--;
	return heatmap_zoom_to(app, zoom);
}

unsigned heatmap_zoom_out(struct app *app)
{
	int zoom = app->zoom + 1;
	return heatmap_zoom_to(app,
			       zoom < ZOOM_FIT && !heatmap_usable(app, zoom) ? ZOOM_FIT : zoom);
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
	status_message(
		app, false,
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

/* The overlay drawn on top that has marks to jump between (the free gap
 * has ] and [), or NULL. */
static const struct overlay *heatmap_top_overlay(const struct app *app)
{
	for (int i = 0; i < app->overlays.n; i++) {
		const struct overlay *ov = app->overlays.ov[i];
		if (ov->enabled && ov != &app->gap && overlay_count(ov, 0, PORT_MAX))
			return ov;
	}
	return NULL;
}

/* > and <: the next or previous port the top overlay marks. */
static unsigned heatmap_mark_jump(struct app *app, bool backward)
{
	const struct overlay *ov = heatmap_top_overlay(app);
	unsigned port;
	if (!ov || !overlay_next(ov, app->cursor, backward, &port)) {
		status_message(app, true, "%s",
			       _("no marks to go to: L, F or M marks ports, / searches"));
		return REDRAW_STATUS;
	}
	heatmap_goto(app, port);
	/* L10N: the overlay's legend word, the port, its rank among the marks. */
	status_message(app, false, _("%s: port %u (%u of %u)"), _(ov->name), port,
		       overlay_count(ov, 0, port), overlay_count(ov, 0, PORT_MAX));
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned heatmap_next_mark(struct app *app)
{
	return heatmap_mark_jump(app, false);
}

unsigned heatmap_prev_mark(struct app *app)
{
	return heatmap_mark_jump(app, true);
}

long heatmap_port_at(const struct app *app, int y, int x)
{
	const struct layout *l = &app->lay;
	if (l->too_small || y < l->map_y || y >= l->map_y + l->map_h || x < GUTTER_WIDTH ||
	    x >= GUTTER_WIDTH + l->cells)
		return -1;
	unsigned row = app->top_row + (unsigned)(y - l->map_y) * heatmap_rows_per_line(app);
	unsigned p = row * l->per_row + (unsigned)(x - GUTTER_WIDTH) * l->zsize;
	/* a half cell: the top one, or the bottom one when the top is the cursor's */
	if (l->halves && heatmap_cell_start(app, app->cursor) == p)
		p += l->per_row;
	return row < l->total_rows && p <= PORT_MAX ? (long)p : -1;
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
