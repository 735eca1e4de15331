/* SPDX-License-Identifier: MIT */
/* actions.c: what each key does, routed by what has the focus: a page
 * (help, ranges) scrolls, a focused detail pane scrolls, else the map moves. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"

/* Scroll a page or the detail pane by delta lines. */
static unsigned actions_scroll(struct app *app, long delta)
{
	int *scroll = app->view != VIEW_MAP ? &app->page_scroll : &app->detail_scroll;
	size_t lines = app->view != VIEW_MAP ? app->page_lines : app->detail_lines;
	long v = (long)*scroll + delta;
	if (v > (long)lines - 1)
		v = (long)lines - 1;
	*scroll = v < 0 ? 0 : (int)v;
	return app->view != VIEW_MAP ? REDRAW_ALL : REDRAW_DETAIL;
}

static bool actions_scrolls(const struct app *app)
{
	return app->view != VIEW_MAP || app->focus == FOCUS_DETAIL;
}

/* Lines in one screenful of whatever scrolls. */
static long actions_page(const struct app *app)
{
	int h = app->view != VIEW_MAP ? app->lay.rows - 3 : app->lay.detail_h - 2;
	return h < 1 ? 1 : h;
}

unsigned action_left(struct app *app)
{
	return app->view != VIEW_MAP ? actions_scroll(app, -1) : heatmap_left(app);
}

unsigned action_right(struct app *app)
{
	return app->view != VIEW_MAP ? actions_scroll(app, 1) : heatmap_right(app);
}

unsigned action_up(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, -1) : heatmap_up(app);
}

unsigned action_down(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, 1) : heatmap_down(app);
}

unsigned action_page_up(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, -actions_page(app))
				    : heatmap_page_up(app);
}

unsigned action_page_down(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, actions_page(app))
				    : heatmap_page_down(app);
}

unsigned action_home(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, -PORT_COUNT) : heatmap_first(app);
}

unsigned action_end(struct app *app)
{
	return actions_scrolls(app) ? actions_scroll(app, PORT_COUNT) : heatmap_last(app);
}

/* Map-only actions: on a page they do nothing. */
/* clang-format off */
#define MAP_ONLY_ACTION(name, fn) \
	unsigned action_##name(struct app *app) \
	{ \
		return app->view == VIEW_MAP ? fn(app) : REDRAW_NONE; \
	}
MAP_ONLY_ACTION(zoom_in, heatmap_zoom_in)
MAP_ONLY_ACTION(zoom_out, heatmap_zoom_out)
MAP_ONLY_ACTION(next_gap, heatmap_next_gap)
MAP_ONLY_ACTION(prev_gap, heatmap_prev_gap)
MAP_ONLY_ACTION(mouse, heatmap_mouse)
MAP_ONLY_ACTION(search_next, find_next)
MAP_ONLY_ACTION(search_prev, find_prev)
MAP_ONLY_ACTION(listeners, marks_toggle_listeners) /* the overlays of marks.c */
MAP_ONLY_ACTION(frequent, marks_toggle_frequent)
MAP_ONLY_ACTION(labels, marks_toggle_labels)
MAP_ONLY_ACTION(detail_toggle, detail_toggle) /* the pane's size (detail.c) */
MAP_ONLY_ACTION(detail_grow, detail_grow)
MAP_ONLY_ACTION(detail_shrink, detail_shrink)
MAP_ONLY_ACTION(next_mark, heatmap_next_mark) /* the top overlay's ports */
MAP_ONLY_ACTION(prev_mark, heatmap_prev_mark)
/* clang-format on */

unsigned action_goto(struct app *app)
{
	app->view = VIEW_MAP;
	return prompt_start(app, PROMPT_GOTO) | REDRAW_ALL;
}

unsigned action_search(struct app *app)
{
	app->view = VIEW_MAP;
	return prompt_start(app, PROMPT_SEARCH) | REDRAW_ALL;
}

unsigned action_transport(struct app *app)
{
	return heatmap_cycle_transport(app);
}

/* The suggestions page (pick.c): s opens it on the map, closes it on it. */
unsigned action_suggest(struct app *app)
{
	return app->view == VIEW_MAP || app->view == VIEW_SUGGEST ? pick_open(app) : REDRAW_NONE;
}

/* clang-format on */

/* Open a page, or close it when it is already open. */
static unsigned actions_toggle_view(struct app *app, enum view v)
{
	app->view = app->view == v ? VIEW_MAP : v;
	app->page_scroll = 0;
	return REDRAW_ALL;
}

unsigned action_update(struct app *app)
{
	return changes_update(app);
}

unsigned action_changes(struct app *app)
{
	return changes_toggle(app);
}

unsigned action_ranges(struct app *app)
{
	return actions_toggle_view(app, VIEW_RANGES);
}
unsigned action_help(struct app *app)
{
	return actions_toggle_view(app, VIEW_HELP);
}

unsigned action_focus(struct app *app)
{
	if (app->view != VIEW_MAP)
		return REDRAW_NONE;
	app->focus = app->focus == FOCUS_MAP ? FOCUS_DETAIL : FOCUS_MAP;
	return REDRAW_DETAIL | REDRAW_STATUS;
}

/* Enter on the map: the detail pane takes the focus (Tab gives it back). */
unsigned action_enter(struct app *app)
{
	if (app->view != VIEW_MAP || app->focus == FOCUS_DETAIL)
		return REDRAW_NONE;
	return action_focus(app);
}

unsigned action_refresh(struct app *app)
{
	(void)app;
	clearok(curscr, TRUE);
	return REDRAW_ALL;
}

/* Esc: back to the map; on the map itself it clears the search. */
unsigned action_back(struct app *app)
{
	bool on_map = app->view == VIEW_MAP && app->focus == FOCUS_MAP;
	app->view = VIEW_MAP;
	app->focus = FOCUS_MAP;
	return REDRAW_ALL | (on_map ? find_clear(app) : REDRAW_NONE);
}

unsigned action_quit(struct app *app)
{
	if (app->view != VIEW_MAP)
		return action_back(app);
	return REACT_QUIT;
}
