/* SPDX-License-Identifier: MIT */
/* help.c: the help page (key ? or F1): every key of the map, from the same
 * table that binds them (keymap.c), under its heading (moving, zoom,
 * search, overlays, pages, other), the keys of the suggestions and ranges
 * pages, and what the colours, gutter marks and ruler mean. The groups
 * stand in one column, or in two side by side when the terminal is wide
 * enough for both. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"
#include "suggestions.h"
#include "text.h"
#include "tui.h"

/* From this width the groups stand in two columns of half of it each. */
#define HELP_TWO_COLUMNS 160
/* Between the two columns. */
#define HELP_GAP 3

/* The groups of the page in their order: the map's keys by heading, then
 * the pages' own keys, then the colours. */
enum { HELP_BLOCKS = KEYS_GROUPS + 3 };

/* Block i of the page, wrapped to width. */
static void help_block(struct strbuf *t, int i, int width)
{
	if (i < KEYS_GROUPS) {
		keymap_help(t, (enum key_group)i, width);
	} else if (i == KEYS_GROUPS) {
		suggestions_help(t, width);
	} else if (i == KEYS_GROUPS + 1) {
		ranges_help(t, width);
	} else {
		text_line(t, TEXT_HEADING);
		text_add(t, _("Colours and marks"));
		text_wrap(t, TEXT_PLAIN,
			  _("A cell's background tint is its range (System blue, User "
			    "amber, Dynamic grey); its glyph and brightness its state: a dot "
			    "when free, a full block when assigned, shades between for a "
			    "share. The cursor is the black-on-white cell. Gutter marks: U / D "
			    "the User / Dynamic range starts in that row, p the kernel's "
			    "privileged boundary, e its ephemeral range (a bar through the "
			    "rows inside it). The ruler above the map gives each column's "
			    "offset from the row's start."),
			  0, width);
	}
}

/* The page: the intro, then the blocks, a blank line between two; in two
 * columns, the first blocks in the left one, split where the longer
 * column is shortest. */
static void help_text(struct app *app, struct strbuf *t)
{
	(void)app;
	bool two = COLS >= HELP_TWO_COLUMNS;
	int width = two ? (COLS - HELP_GAP) / 2 : COLS;
	struct strbuf block[HELP_BLOCKS];
	size_t lines[HELP_BLOCKS + 1] = {0}; /* lines[i]: of the blocks before i */
	text_wrap(t, TEXT_PLAIN,
		  _("Keys (less and vim habits). Each cell of the map is 1, 4, 16, "
		    "64 or 256 ports, or at the fit zoom whatever puts all 65,536 on "
		    "screen."),
		  0, COLS);
	for (int i = 0; i < HELP_BLOCKS; i++) {
		block[i] = (struct strbuf)STRBUF_INIT;
		help_block(&block[i], i, width);
		lines[i + 1] = lines[i] + text_count(&block[i]) + 1;
	}
	int split = HELP_BLOCKS; /* the first block of the right column */
	for (int k = 1; two && k < HELP_BLOCKS; k++) {
		size_t r = lines[HELP_BLOCKS] - lines[k];
		size_t longest = lines[k] > r ? lines[k] : r;
		size_t best = lines[split] > lines[HELP_BLOCKS] - lines[split]
				      ? lines[split]
				      : lines[HELP_BLOCKS] - lines[split];
		if (longest < best)
			split = k;
	}
	struct strbuf col[2] = {STRBUF_INIT, STRBUF_INIT};
	for (int i = 0; i < HELP_BLOCKS; i++) {
		struct strbuf *c = &col[i >= split];
		if (c->len)
			text_line(c, TEXT_PLAIN);
		text_append(c, &block[i]);
		strbuf_free(&block[i]);
	}
	text_line(t, TEXT_PLAIN);
	if (two)
		text_columns(t, &col[0], &col[1], width + HELP_GAP);
	else
		text_append(t, &col[0]);
	strbuf_free(&col[0]);
	strbuf_free(&col[1]);
}

const struct page_ops help_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("HELP"),
	.text = help_text,
};
