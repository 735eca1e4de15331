/* SPDX-License-Identifier: MIT */
/* colors.c: the colour table. One row per role; the pair number is the
 * role's index + 1, so there are never more than ROLE_COUNT (< 255) pairs. */
#include <config.h>

#include <stdlib.h>

#include "colors.h"

#define DEF (-1) /* the terminal's default colour */

/* One pair per role, and COLOR_PAIR() holds at most 255 (DESIGN section 3). */
_Static_assert(ROLE_COUNT < 255, "too many colour roles for COLOR_PAIR()");

struct color_row {
	short fg256, bg256;
	short fg8, bg8;
	attr_t attr8; /* added in 8-colour mode */
	attr_t mono;  /* the whole look without colour */
};

/* clang-format off */
static const struct color_row color_table[ROLE_COUNT] = {
	[ROLE_NORMAL] = { DEF, DEF, DEF, DEF, 0, A_NORMAL },
	[ROLE_TITLE] = { 231, 24, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_STATUS] = { 252, 236, COLOR_WHITE, COLOR_BLACK, 0, A_REVERSE },
	[ROLE_STATUS_ERROR] = { 231, 124, COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_GUTTER] = { 244, DEF, COLOR_WHITE, DEF, 0, A_NORMAL },
	[ROLE_MARK] = { 214, DEF, COLOR_YELLOW, DEF, A_BOLD, A_BOLD },
	/* System: blues, User: greens, Dynamic: magentas; dim to bright. */
	[ROLE_SYS0] = { 60, DEF, COLOR_BLUE, DEF, A_DIM, A_BOLD },
	[ROLE_SYS1] = { 67, DEF, COLOR_BLUE, DEF, 0, A_BOLD },
	[ROLE_SYS2] = { 68, DEF, COLOR_BLUE, DEF, 0, A_BOLD },
	[ROLE_SYS3] = { 69, DEF, COLOR_BLUE, DEF, A_BOLD, A_BOLD },
	[ROLE_SYS4] = { 33, DEF, COLOR_BLUE, DEF, A_BOLD, A_BOLD },
	[ROLE_USR0] = { 65, DEF, COLOR_GREEN, DEF, A_DIM, A_NORMAL },
	[ROLE_USR1] = { 71, DEF, COLOR_GREEN, DEF, 0, A_NORMAL },
	[ROLE_USR2] = { 77, DEF, COLOR_GREEN, DEF, 0, A_NORMAL },
	[ROLE_USR3] = { 78, DEF, COLOR_GREEN, DEF, A_BOLD, A_NORMAL },
	[ROLE_USR4] = { 46, DEF, COLOR_GREEN, DEF, A_BOLD, A_NORMAL },
	[ROLE_DYN0] = { 96, DEF, COLOR_MAGENTA, DEF, A_DIM, A_DIM },
	[ROLE_DYN1] = { 133, DEF, COLOR_MAGENTA, DEF, 0, A_DIM },
	[ROLE_DYN2] = { 170, DEF, COLOR_MAGENTA, DEF, 0, A_DIM },
	[ROLE_DYN3] = { 171, DEF, COLOR_MAGENTA, DEF, A_BOLD, A_DIM },
	[ROLE_DYN4] = { 201, DEF, COLOR_MAGENTA, DEF, A_BOLD, A_DIM },
	[ROLE_CURSOR] = { 16, 226, COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[ROLE_OV_GAP] = { 16, 51, COLOR_BLACK, COLOR_CYAN, 0, A_UNDERLINE },
	[ROLE_OV_MATCH] = { 16, 208, COLOR_BLACK, COLOR_RED, 0, A_STANDOUT },
	[ROLE_OV_LISTEN] = { 16, 196, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_OV_FREQ] = { 16, 220, COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE },
	[ROLE_OV_LABEL] = { 16, 159, COLOR_BLACK, COLOR_WHITE, 0, A_UNDERLINE },
	[ROLE_HEADING] = { 75, DEF, COLOR_CYAN, DEF, A_BOLD, A_BOLD },
	[ROLE_LABEL] = { 248, DEF, COLOR_WHITE, DEF, 0, A_NORMAL },
	[ROLE_KEY] = { 214, DEF, COLOR_YELLOW, DEF, A_BOLD, A_BOLD },
};
/* clang-format on */

static enum color_mode colors_mode = COLOR_MODE_MONO;

enum color_mode colors_init(void)
{
	const char *nc = getenv("NO_COLOR");
	colors_mode = COLOR_MODE_MONO;
	if ((nc && *nc) || !has_colors() || start_color() == ERR || COLORS < 8 ||
	    COLOR_PAIRS < ROLE_COUNT + 1)
		return colors_mode;
	/* Without default colours, -1 means white on black. */
	bool defaults = use_default_colors() == OK;
	colors_mode = COLORS >= 256 ? COLOR_MODE_256 : COLOR_MODE_8;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct color_row *c = &color_table[r];
		short fg = colors_mode == COLOR_MODE_256 ? c->fg256 : c->fg8;
		short bg = colors_mode == COLOR_MODE_256 ? c->bg256 : c->bg8;
		if (!defaults && fg == DEF)
			fg = COLOR_WHITE;
		if (!defaults && bg == DEF)
			bg = COLOR_BLACK;
		init_pair((short)(r + 1), fg, bg);
	}
	return colors_mode;
}

attr_t colors_attr(enum color_role role)
{
	const struct color_row *c = &color_table[role];
	switch (colors_mode) {
	case COLOR_MODE_256:
		return COLOR_PAIR(role + 1);
	case COLOR_MODE_8:
		return COLOR_PAIR(role + 1) | c->attr8;
	default:
		return c->mono;
	}
}

enum color_role colors_shade(int range, int level)
{
	static const enum color_role base[3] = {ROLE_SYS0, ROLE_USR0, ROLE_DYN0};
	return (enum color_role)(base[range] + level);
}
