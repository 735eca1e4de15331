/* tui.h: the state the TUI's screens share, and what each file offers.
 * Actions return reaction flags (htop's idea): what must be redrawn; only
 * the main loop in app.c draws. */
#ifndef PORTSCOPE_TUI_H
#define PORTSCOPE_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "../src/cli.h"
#include "../src/registry.h"
#include "../src/strbuf.h"
#include "../src/sysinfo.h"
#include "choose.h"
#include "colors.h"
#include "overlay.h"

/* Reaction flags. */
enum {
	REDRAW_NONE = 0,
	REDRAW_TITLE = 1 << 0,
	REDRAW_MAP = 1 << 1,
	REDRAW_DETAIL = 1 << 2,
	REDRAW_STATUS = 1 << 3,
	REDRAW_LAYOUT = 1 << 4, /* sizes changed: recompute, then draw all */
	REDRAW_ALL = REDRAW_TITLE | REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS,
	REACT_QUIT = 1 << 8,
};

enum view {
	VIEW_MAP,
	VIEW_HELP,
	VIEW_RANGES,
	VIEW_SUGGEST,
};

enum focus {
	FOCUS_MAP,
	FOCUS_DETAIL,
};

#define ZOOM_LEVELS 5
#define MIN_COLS 40
#define MIN_ROWS 10
#define GUTTER_WIDTH 8 /* "65535" + two marks + a space */

/* Where things are on screen, recomputed on resize and zoom. */
struct layout {
	int rows, cols;
	bool too_small;
	int cells;	  /* cells per map row (a power of two) */
	unsigned per_row; /* ports per map row */
	unsigned total_rows;
	int map_y, map_h; /* map rows on screen */
	int legend_y;
	int detail_y, detail_h; /* including its heading rule */
	int status_y;
};

struct app {
	struct cli *cli;
	struct registry *reg;
	struct sysinfo_ports sys;
	unsigned cursor;  /* port under the cursor */
	unsigned top_row; /* first map row shown */
	int zoom;	  /* index: cell = 4^zoom ports */
	enum transport proto;
	enum view view;
	enum focus focus;
	int detail_scroll, page_scroll;
	size_t detail_lines, page_lines; /* heights of the last drawn texts */
	struct strbuf status;
	bool status_error;
	bool prompt_active;
	struct strbuf prompt; /* what has been typed after ':' */
	struct overlay gap;   /* the free gap last jumped to */
	struct overlay_set overlays;
	struct choose choose; /* listeners, sources, suggestions (choose.h) */
	struct layout lay;
	bool utf8;
	enum color_mode color_mode;
	MEVENT mouse; /* the last mouse event */
};

/* app.c */
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
unsigned app_zoom_size(const struct app *app);
/* Put the cursor on port and scroll the map to it. */
void app_goto(struct app *app, unsigned port);

/* draw.c: text on stdscr, clipped to a width; untrusted text is
 * sanitised first. Return the columns used. */
int draw_text(int y, int x, int width, const char *utf8, attr_t attr);
int draw_untrusted(int y, int x, int width, const char *s, attr_t attr);
void draw_fill(int y, int x, int width, attr_t attr);
/* Write stdscr as text (and, with attrs, colour-role letters) to fp. */
void draw_dump(FILE *fp, const char *label, bool attrs);
/* The "terminal too small" screen. */
void draw_too_small(const struct app *app);

/* keymap.c */
unsigned keymap_dispatch(struct app *app, int key);
/* The lines of the help page. */
void keymap_help(struct app *app, struct strbuf *out);

/* heatmap.c */
void heatmap_layout(struct app *app);
void heatmap_draw(struct app *app);
void heatmap_draw_legend(struct app *app);
/* Scroll so the cursor's row is on screen. */
void heatmap_fit(struct app *app);
/* Scroll so the cursor's row is in the middle. */
void heatmap_center(struct app *app);
/* The first port of the cell holding port. */
unsigned heatmap_cell_start(const struct app *app, unsigned port);
/* The port at screen position (y, x), or -1. */
long heatmap_port_at(const struct app *app, int y, int x);

/* detail.c */
void detail_draw(struct app *app);

/* teach.c */
void teach_text(struct app *app, struct strbuf *out);

/* prompt.c */
unsigned prompt_start(struct app *app);
/* Go to a port number or service name; false with a message if unknown. */
bool prompt_goto(struct app *app, const char *s);
unsigned prompt_key(struct app *app, int key, bool is_char);
void prompt_draw(struct app *app);

/* actions (keymap.c binds them) */
typedef unsigned (*action_fn)(struct app *app);
unsigned heatmap_left(struct app *app);
unsigned heatmap_right(struct app *app);
unsigned heatmap_up(struct app *app);
unsigned heatmap_down(struct app *app);
unsigned heatmap_page_up(struct app *app);
unsigned heatmap_page_down(struct app *app);
unsigned heatmap_first(struct app *app);
unsigned heatmap_last(struct app *app);
unsigned heatmap_zoom_in(struct app *app);
unsigned heatmap_zoom_out(struct app *app);
unsigned heatmap_next_gap(struct app *app);
unsigned heatmap_prev_gap(struct app *app);
unsigned heatmap_cycle_transport(struct app *app);
unsigned heatmap_mouse(struct app *app);

#endif
