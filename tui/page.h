/* SPDX-License-Identifier: MIT */
/* page.h: the pages (help, ranges, changes, suggestions): a full screen of
 * text between the title bar and the status line, scrolled like less.
 * Each page is one file defining one struct page_ops, as tig's views fill
 * a struct view_ops; app.c keeps the table of them, opens and closes them,
 * draws the open one and gives it the first look at every key. How to add
 * a page: doc/HACKING.md. */
#ifndef PORTSCOPE_PAGE_H
#define PORTSCOPE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "../src/strbuf.h"

struct app;

/* The rows of app.c's page table; PAGE_MAP is the map, no page open. */
enum page_id {
	PAGE_MAP,
	PAGE_HELP,
	PAGE_RANGES,
	PAGE_CHANGES,
	PAGE_SUGGESTIONS,
	PAGE_YEARS,
	PAGE_COUNT,
};

/* What a page's key hook returns for a key it leaves to the rest: the
 * keys every page shares (below), then the map's key table. */
#define PAGE_PASS (~0u)

struct page_ops {
	const char *mode; /* the status line's mode, N_("HELP") */
	/* It is opening: false keeps it shut (the status line says why).
	 * NULL: it always opens. */
	bool (*open)(struct app *app);
	/* It is closing; NULL: nothing to undo. */
	void (*close)(struct app *app);
	/* Its lines (text.h), built anew for every frame. */
	void (*text)(struct app *app, struct strbuf *t);
	/* A key, before anything else sees it: its reaction, or PAGE_PASS.
	 * NULL: no keys of its own. */
	unsigned (*key)(struct app *app, int key);
};

extern const struct page_ops help_page, ranges_page, changes_page, suggestions_page, years_page;

/* ranges.c: the ranges page's own keys, as lines of the help page wrapped
 * to width, under a heading (suggestions.h has the suggestions page's). */
void ranges_help(struct strbuf *t, int width);

/* What a key of the map's table does while a page is open (a column of
 * keymap.c's table). */
enum page_use {
	PAGE_USE_RUN,	  /* its action, as on the map */
	PAGE_USE_LEAVE,	  /* back to the map, then its action */
	PAGE_USE_NONE,	  /* nothing: a key of the map only */
	PAGE_USE_BACK,	  /* back to the map, its focus on the map (q, Esc) */
	PAGE_USE_LINE_UP, /* scroll */
	PAGE_USE_LINE_DOWN,
	PAGE_USE_SCREEN_UP,
	PAGE_USE_SCREEN_DOWN,
	PAGE_USE_TOP,
	PAGE_USE_BOTTOM,
};

/* page.c: what every page shares. */
/* Draw page p's text under the title bar, from the line scrolled to. */
void page_draw(struct app *app, const struct page_ops *p);
/* A key every page shares (use is not PAGE_USE_RUN or _LEAVE): its
 * reaction; PAGE_USE_BACK asks to close the page (REACT_CLOSE). */
unsigned page_use(struct app *app, enum page_use use);
/* Scroll to the first line: where a page opens. */
void page_top(void);
/* The lines on screen of the page drawn last, as less says them: "12-30
 * of 45" (from 1). */
void page_position(struct strbuf *out);
/* Scroll so that line (from 0) is among the h lines shown. */
void page_show_line(size_t line, int h);

#endif
