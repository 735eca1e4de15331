/* SPDX-License-Identifier: MIT */
/* tui.h: the state the TUI's screens share, and what each file offers.
 * Actions return reaction flags (htop's idea): what must be redrawn; only
 * the main loop in app.c draws. */
#ifndef PORTSCOPE_TUI_H
#define PORTSCOPE_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "../src/registry.h"
#include "../src/search.h"
#include "../src/strbuf.h"
#include "../src/sysinfo.h"
#include "colors.h"
#include "marks.h"
#include "overlay.h"
#include "page.h"
#include "status.h"

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
	REACT_CLOSE = 1 << 9, /* close the open page (page.h): back to the map */
};

enum prompt_kind {
	PROMPT_GOTO,   /* ':' a port or service name */
	PROMPT_SEARCH, /* '/' a regular expression */
};

/* The '/' search (find.c). */
struct find {
	struct search *shown;	/* the last complete good search: overlay, n/N, counts */
	struct search *running; /* the latest pattern, being searched step by step */
	struct strbuf pattern;	/* shown's pattern */
	struct strbuf running_pattern;
	bool bad;	     /* the latest pattern did not compile */
	char *error;	     /* PCRE2's message (NULL: out of memory) */
	size_t error_offset; /* where in the pattern it failed */
	bool jump;	     /* go to the first match when running finishes */
	unsigned fields;     /* SEARCH_FIELDS_* bits; 0 = name and description */
	char **history;	     /* patterns submitted, oldest first */
	size_t nhistory, hist_pos;
	struct overlay overlay;
};

/* Tab in the ':' prompt (complete.c). */
struct complete {
	const char **names; /* the candidates (pointers into the registry) */
	size_t n, cap;
	size_t at;	      /* shown in the prompt: 0 the shared prefix, k names[k - 1] */
	bool active;	      /* the last key was Tab: the next one cycles */
	bool unknown;	      /* no name starts with what was typed */
	struct strbuf prefix; /* the longest prefix the candidates share */
};

enum focus {
	FOCUS_MAP,
	FOCUS_DETAIL,
};

/* Zoom levels: a cell is 4^zoom ports up to 256, then the fit zoom,
 * where the cell size is whatever puts the whole space on the map. */
#define ZOOM_LEVELS 6
#define ZOOM_FIT (ZOOM_LEVELS - 1)
#define MIN_COLS 40
#define MIN_ROWS 10
#define GUTTER_WIDTH 10 /* "65535", then the two marks, each after a space */

/* Where things are on screen, recomputed on resize and zoom. */
struct layout {
	int rows, cols;
	bool too_small;
	int cells;	     /* cells per map row (any number) */
	unsigned zsize;	     /* ports per cell */
	unsigned fit_z;	     /* ports per cell at the fit zoom */
	int zoom;	     /* the zoom it was laid out for */
	unsigned per_row;    /* ports per map row */
	unsigned total_rows; /* map rows; the last one may be partial */
	bool halves;	     /* two map rows per screen row ('▀'), at fit zoom */
	int label_step;	     /* ruler: columns from one offset to the next */
	int banner_y;	     /* the degraded-source banner's row, or -1 */
	int ruler_y;
	int map_y, map_h; /* screen rows of the map */
	int legend_y, legend_h;
	int detail_y, detail_h; /* including its heading */
	int detail_cap;		/* the most body lines the pane may take */
	int status_y;
};

struct app {
	const char *prog; /* the program's name, for messages */
	struct registry *reg;
	struct portfacts *facts;	 /* the optional sources, each loaded on first use */
	const struct sysinfo_ports *sys; /* the kernel's facts, owned by facts */
	unsigned cursor;		 /* port under the cursor */
	unsigned top_row;		 /* first map row shown */
	int zoom;			 /* index: cell = 4^zoom ports */
	enum transport proto;
	enum page_id view; /* the open page (only app.c looks) */
	enum focus focus;
	int detail_scroll;
	size_t detail_lines; /* the height of the last drawn text */
	int detail_rows;     /* the pane's height the user chose (0: automatic) */
	bool detail_hidden;  /* collapsed to its heading */
	size_t detail_need;  /* lines the pane's text wants, measured before layout */
	struct status status;
	unsigned long keys;  /* keys handled so far: U's confirmation counts them */
	bool registry_given; /* --registry or $PORTSCOPE_REGISTRY named the file */
	bool prompt_active;
	bool prompt_full; /* the prompt stopped taking characters at its cap */
	enum prompt_kind prompt_kind;
	struct strbuf prompt; /* what has been typed after ':' or '/' */
	struct complete complete;
	struct find find;
	struct overlay gap; /* the free gap last jumped to */
	struct overlay_set overlays;
	struct marks marks; /* the optional sources as overlays (marks.h) */
	struct layout lay;
	bool utf8;
	enum color_mode color_mode;
	MEVENT mouse;	    /* the last mouse event */
	bool pick;	    /* the pick command: Enter picks, q and Esc cancel */
	long picked;	    /* the port picked, or -1 */
	bool headless;	    /* driven by a key script */
	uint64_t script_ms; /* its clock, moved by @sleep */
};

/* draw.c: text on stdscr, clipped to a width; untrusted text is
 * sanitised first. Return the columns used. */
int draw_text(int y, int x, int width, const char *utf8, attr_t attr);
int draw_untrusted(int y, int x, int width, const char *s, attr_t attr);
void draw_fill(int y, int x, int width, attr_t attr);
/* Write stdscr to fp as text, as colour-pair letters, or as a symbol per
 * look (pair and attributes) followed by what each symbol is. */
enum draw_dump_kind { DRAW_DUMP_TEXT, DRAW_DUMP_ATTRS, DRAW_DUMP_STYLES };
void draw_dump(FILE *fp, const char *label, enum draw_dump_kind kind);
/* The "terminal too small" screen. */
void draw_too_small(const struct app *app);

/* heatmap.c */
void heatmap_layout(struct app *app);
/* Lines of the map a screen row shows (2 with half cells). */
unsigned heatmap_rows_per_line(const struct app *app);
/* Map rows on screen. */
unsigned heatmap_shown_rows(const struct app *app);
/* Ports per map cell at the current zoom. */
unsigned heatmap_zoom_size(const struct app *app);
/* Put the cursor on port and scroll the map to it. */
void heatmap_goto(struct app *app, unsigned port);
/* Scroll so the cursor's row is on screen. */
void heatmap_fit(struct app *app);
/* Scroll so the cursor's row is in the middle. */
void heatmap_center(struct app *app);
/* Is it (as heatmap_center() left it)? */
bool heatmap_centred(const struct app *app);
/* The first port of the cell holding port. */
unsigned heatmap_cell_start(const struct app *app, unsigned port);
/* The port at screen position (y, x), or -1. */
long heatmap_port_at(const struct app *app, int y, int x);

/* cells.c: the map's cells, gutter and ruler. */
void cells_draw(struct app *app);
/* The map's glyphs by shade level: free ... fully assigned. */
extern const char *const cells_shade_utf8[SHADES];
extern const char cells_shade_ascii[SHADES];
/* The shade level of the cell [lo, hi]: the state at zoom 1, the
 * assigned share above it. */
int cells_level(const struct app *app, unsigned lo, unsigned hi);

/* legend.c: the lines under the map, fitted to the width. */
void legend_draw(struct app *app);

/* detail.c */
void detail_draw(struct app *app);
/* Lines the pane's text takes for the cursor's port now. */
size_t detail_measure(struct app *app);
unsigned detail_toggle(struct app *app);
unsigned detail_grow(struct app *app);
unsigned detail_shrink(struct app *app);

/* prompt.c */
unsigned prompt_start(struct app *app, enum prompt_kind kind);
/* Go to a port number or service name; false with a message if unknown. */
bool prompt_goto(struct app *app, const char *s);
unsigned prompt_key(struct app *app, int key, bool is_char);
void prompt_draw(struct app *app);

/* complete.c: Tab (dir 1) and Shift-Tab (-1) in the ':' prompt; any
 * other key of the prompt resets it. The note for the prompt line, fitted
 * to width columns ("8 names: http, http-alt, …"), in out; false when
 * there is none; *problem when it says nothing matched. */
unsigned complete_tab(struct app *app, int dir);
void complete_reset(struct app *app);
void complete_free(struct app *app);
bool complete_note(const struct app *app, struct strbuf *out, int width, bool *problem);

/* find.c */
void find_init(struct app *app);
void find_free(struct app *app);
/* The prompt's hooks: submit, cancel, after an edit, Up/Down. */
unsigned find_submit(struct app *app, const char *text);
unsigned find_cancel(struct app *app);
unsigned find_edited(struct app *app);
const char *find_recall(struct app *app, int dir);
void find_draw_prompt(struct app *app, int y);
/* Search the running pattern for about usec more; what to redraw. */
unsigned find_step(struct app *app, unsigned long usec);
bool find_busy(const struct app *app);
/* Finish the running search (test dumps). */
unsigned find_finish(struct app *app);
/* Search the shown pattern again (new transport or registry). */
void find_refresh(struct app *app);
/* Did record rec (index into reg->rec) match the shown search? */
bool find_record_matches(const struct app *app, uint32_t rec);
/* n / N */
unsigned find_next(struct app *app);
unsigned find_prev(struct app *app);
/* Esc on the map: forget the search; REDRAW_NONE when there was none. */
unsigned find_clear(struct app *app);

/* changes.c: fetching the official registry from the TUI, and what
 * changed (a page, changes_page) */
void changes_init(struct app *app);
void changes_free(struct app *app);
/* U: download, validate and install the registry, then load it in place. */
unsigned changes_update(struct app *app);
void changes_draw_banner(struct app *app);

/* actions.c: under pick, end the TUI with port picked (REACT_QUIT). */
unsigned pick_port(struct app *app, unsigned port);

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
unsigned heatmap_next_mark(struct app *app);
unsigned heatmap_prev_mark(struct app *app);
unsigned heatmap_mouse(struct app *app);

#endif
