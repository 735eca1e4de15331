/* SPDX-License-Identifier: MIT */
/* page.c: what every page shares: its text drawn between the title bar and
 * the status line from the line scrolled to, and the keys that scroll it
 * or leave it. One page is open at a time, so one scroll position serves
 * them all; a page opens at its top. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "page.h"
#include "text.h"
#include "tui.h"

static int page_scroll;	  /* the first line shown */
static size_t page_lines; /* how many lines the page had when last drawn */
static int page_rows;	  /* how many rows it was drawn in */

void page_top(void)
{
	page_scroll = 0;
}

void page_show_line(size_t line, int h)
{
	if (h < 1)
		return;
	if (line < (size_t)page_scroll)
		page_scroll = (int)line;
	else if (line >= (size_t)page_scroll + (size_t)h)
		page_scroll = (int)(line - (size_t)h + 1);
}

void page_draw(struct app *app, const struct page_ops *p)
{
	struct strbuf t = STRBUF_INIT;
	p->text(app, &t);
	page_lines = text_count(&t);
	int h = app->lay.rows - 2;
	if (page_scroll > 0 && (size_t)page_scroll + (size_t)h > page_lines)
		page_scroll = page_lines > (size_t)h ? (int)(page_lines - (size_t)h) : 0;
	page_rows = h;
	text_draw(&t, (size_t)page_scroll, 1, h, COLS);
	strbuf_free(&t);
}

void page_position(struct strbuf *out)
{
	size_t last = (size_t)page_scroll + (size_t)page_rows;
	if (!page_lines)
		return;
	if (last > page_lines)
		last = page_lines;
	/* L10N: the lines of a page on screen, as less says them: "12-30 of 45". */
	strbuf_addf(out, _("%zu-%zu of %zu"), (size_t)page_scroll + 1, last, page_lines);
}

/* Scroll by delta lines, within the text. */
static unsigned page_scroll_by(long delta)
{
	long v = (long)page_scroll + delta;
	if (v > (long)page_lines - 1)
		v = (long)page_lines - 1;
	page_scroll = v < 0 ? 0 : (int)v;
	return REDRAW_ALL;
}

unsigned page_use(struct app *app, enum page_use use)
{
	long screen = app->lay.rows - 3 < 1 ? 1 : app->lay.rows - 3;
	switch (use) {
	case PAGE_USE_BACK:
		app->focus = FOCUS_MAP;
		return REACT_CLOSE | REDRAW_ALL;
	case PAGE_USE_LINE_UP:
		return page_scroll_by(-1);
	case PAGE_USE_LINE_DOWN:
		return page_scroll_by(1);
	case PAGE_USE_SCREEN_UP:
		return page_scroll_by(-screen);
	case PAGE_USE_SCREEN_DOWN:
		return page_scroll_by(screen);
	case PAGE_USE_TOP:
		return page_scroll_by(-PORT_COUNT);
	case PAGE_USE_BOTTOM:
		return page_scroll_by(PORT_COUNT);
	default:
		return REDRAW_NONE;
	}
}
