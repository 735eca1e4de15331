/* SPDX-License-Identifier: MIT */
/* help.c: the help page (key ? or F1): every key of the map, from the same
 * table that binds them (keymap.c), what the colours, gutter marks and
 * ruler mean, and the suggestions page's own keys. */
#include <config.h>

#include "../src/i18n.h"
#include "actions.h"
#include "suggestions.h"
#include "text.h"
#include "tui.h"

/* The page: the intro, the key table, the gutter marks, the suggestions
 * page's keys. */
static void help_text(struct app *app, struct strbuf *t)
{
	(void)app;
	text_wrap(t, TEXT_PLAIN,
		  _("Keys (less and vim habits). Each cell of the map is 1, 4, 16, "
		    "64 or 256 ports, or at the fit zoom whatever puts all 65,536 on "
		    "screen."),
		  0, COLS);
	text_line(t, TEXT_PLAIN);
	keymap_help(t);
	text_line(t, TEXT_PLAIN);
	text_wrap(t, TEXT_PLAIN,
		  _("Colours: a cell's background tint is its range (System blue, User "
		    "amber, Dynamic grey); its glyph and brightness its state: a dot when "
		    "free, a full block when assigned, shades between for a share. The "
		    "cursor is the black-on-white cell. Gutter marks: U / D the User / "
		    "Dynamic range starts in that row, p the kernel's privileged "
		    "boundary, e its ephemeral range (a bar through the rows inside it). "
		    "The ruler above the map gives each column's offset from the row's "
		    "start."),
		  0, COLS);
	suggestions_help(t);
}

const struct page_ops help_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("HELP"),
	.text = help_text,
};
