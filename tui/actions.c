/* SPDX-License-Identifier: MIT */
/* actions.c: what the map's keys do (keymap.c binds them): the arrows move
 * the cursor, or scroll the detail pane when it has the focus; the rest
 * open a prompt, move the focus, go back or quit. On a page the keys do
 * what keymap.c's on_page column says, before any of this runs. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"

/* Scroll the detail pane by delta lines. */
static unsigned actions_scroll(struct app *app, long delta)
{
	long v = (long)app->detail_scroll + delta;
	if (v > (long)app->detail_lines - 1)
		v = (long)app->detail_lines - 1;
	app->detail_scroll = v < 0 ? 0 : (int)v;
	return REDRAW_DETAIL;
}

static bool actions_scrolls(const struct app *app)
{
	return app->focus == FOCUS_DETAIL;
}

/* Lines in one screenful of the detail pane. */
static long actions_page(const struct app *app)
{
	int h = app->lay.detail_h - 2;
	return h < 1 ? 1 : h;
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

unsigned action_goto(struct app *app)
{
	return prompt_start(app, PROMPT_GOTO) | REDRAW_ALL;
}

unsigned action_search(struct app *app)
{
	return prompt_start(app, PROMPT_SEARCH) | REDRAW_ALL;
}

/* t: the next transport; the map, the search and the marks follow it. */
unsigned action_transport(struct app *app)
{
	static const enum transport order[] = {TRANSPORT_TCP, TRANSPORT_UDP, TRANSPORT_SCTP,
					       TRANSPORT_DCCP, TRANSPORT_ANY};
	size_t i = 0;
	while (i < 5 && order[i] != app->proto)
		i++;
	app->proto = order[(i + 1) % 5];
	app->gap.enabled = false;
	find_refresh(app); /* a search covers one transport's records */
	marks_transport_changed(app);
	status_message(app, false, _("transport: %s"), transport_name(app->proto));
	return REDRAW_ALL;
}

unsigned action_focus(struct app *app)
{
	app->focus = app->focus == FOCUS_MAP ? FOCUS_DETAIL : FOCUS_MAP;
	return REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned pick_port(struct app *app, unsigned port)
{
	app->picked = port;
	return REACT_QUIT;
}

/* Enter on the map: the detail pane takes the focus (Tab gives it back);
 * under pick, the cursor's port is the one picked. */
unsigned action_enter(struct app *app)
{
	if (app->pick)
		return pick_port(app, app->cursor);
	return app->focus == FOCUS_DETAIL ? REDRAW_NONE : action_focus(app);
}

unsigned action_refresh(struct app *app)
{
	(void)app;
	clearok(curscr, TRUE);
	return REDRAW_ALL;
}

/* Esc: the focus back on the map; when it is there, clear the search.
 * Under pick it cancels, as q does. */
unsigned action_back(struct app *app)
{
	if (app->pick)
		return REACT_QUIT;
	bool on_map = app->focus == FOCUS_MAP;
	app->focus = FOCUS_MAP;
	return REDRAW_ALL | (on_map ? find_clear(app) : REDRAW_NONE);
}

unsigned action_quit(struct app *app)
{
	(void)app;
	return REACT_QUIT;
}
