/* SPDX-License-Identifier: MIT */
/* colors.c: the colour table. One row per role; the pair number is the
 * role's index + 1. Then come the pairs of the half cells of the fit zoom
 * (a top and a bottom shade), which combine two rows. All of them stay
 * under the 255 COLOR_PAIR() can hold.
 *
 * The ranges are told apart by hue along the blue-yellow axis plus a
 * neutral grey (System blue, User amber, Dynamic grey), which protanopes
 * and deuteranopes keep: the shades of src/palette.c, which `portscope
 * map` draws too; tests/unit/test_colors.c checks the distances through
 * a simulation of both. */
#include <config.h>

#include <stdlib.h>

#include "../src/palette.h"
#include "colors.h"

#define DEF (-1) /* the terminal's default colour */

struct color_row {
	short fg256, bg256;
	attr_t attr256;
	short fg8, bg8;
	attr_t attr8; /* added in 8-colour mode */
	attr_t mono;  /* the whole look without colour */
};

/* clang-format off */
static const struct color_row color_table[ROLE_COUNT] = {
	[ROLE_NORMAL] = { DEF, DEF, 0, DEF, DEF, 0, A_NORMAL },
	[ROLE_TITLE] = { 231, 24, 0, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_STATUS] = { 252, 236, 0, COLOR_WHITE, COLOR_BLACK, 0, A_REVERSE },
	[ROLE_STATUS_ERROR] = { 231, 124, A_BOLD, COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_UNDERLINE },
	[ROLE_GUTTER] = { 244, DEF, 0, COLOR_WHITE, DEF, 0, A_NORMAL },
	[ROLE_MARK] = { 223, DEF, A_BOLD, COLOR_WHITE, DEF, A_BOLD, A_BOLD },
	[ROLE_RULER] = { 244, DEF, 0, COLOR_WHITE, DEF, 0, A_NORMAL },
	[ROLE_AXIS] = { 16, 252, 0, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	/* Cells: the glyph in its range's colour on the range's tint; the
	   state is the glyph (a dot when free, a full block when assigned,
	   shades between), so a range has one look in 256 colours and the
	   map few attribute changes to send. 8 colours add bold. */
	[ROLE_SYS0] = { 39, 18, 0, COLOR_BLUE, DEF, 0, A_BOLD },
	[ROLE_SYS1] = { 39, 18, 0, COLOR_BLUE, DEF, 0, A_BOLD },
	[ROLE_SYS2] = { 39, 18, 0, COLOR_BLUE, DEF, 0, A_BOLD },
	[ROLE_SYS3] = { 39, 18, 0, COLOR_BLUE, DEF, A_BOLD, A_BOLD },
	[ROLE_SYS4] = { 39, 18, 0, COLOR_BLUE, DEF, A_BOLD, A_BOLD },
	[ROLE_USR0] = { 214, 58, 0, COLOR_YELLOW, DEF, 0, A_NORMAL },
	[ROLE_USR1] = { 214, 58, 0, COLOR_YELLOW, DEF, 0, A_NORMAL },
	[ROLE_USR2] = { 214, 58, 0, COLOR_YELLOW, DEF, 0, A_NORMAL },
	[ROLE_USR3] = { 214, 58, 0, COLOR_YELLOW, DEF, A_BOLD, A_NORMAL },
	[ROLE_USR4] = { 214, 58, 0, COLOR_YELLOW, DEF, A_BOLD, A_NORMAL },
	[ROLE_DYN0] = { 250, 237, 0, COLOR_WHITE, DEF, A_DIM, A_DIM },
	[ROLE_DYN1] = { 250, 237, 0, COLOR_WHITE, DEF, A_DIM, A_DIM },
	[ROLE_DYN2] = { 250, 237, 0, COLOR_WHITE, DEF, 0, A_DIM },
	[ROLE_DYN3] = { 250, 237, 0, COLOR_WHITE, DEF, 0, A_DIM },
	[ROLE_DYN4] = { 250, 237, 0, COLOR_WHITE, DEF, A_BOLD, A_DIM },
	/* The cursor's look is its own: nothing else is black on white. */
	[ROLE_CURSOR] = { 16, 231, A_BOLD, COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE | A_BOLD },
	[ROLE_SELECTED] = { 16, 153, 0, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	/* Overlays: hues no range has, on the terminal's background, so a
	   mark stands out of any range's tint. */
	[ROLE_OV_GAP] = { 231, DEF, A_BOLD, COLOR_WHITE, DEF, A_BOLD, A_BOLD },
	[ROLE_OV_MATCH] = { 213, DEF, A_BOLD, COLOR_MAGENTA, DEF, A_BOLD, A_BOLD },
	[ROLE_OV_LISTEN] = { 196, DEF, A_BOLD, COLOR_RED, DEF, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_OV_FREQ] = { 120, DEF, A_BOLD, COLOR_GREEN, DEF, A_BOLD, A_BOLD },
	[ROLE_OV_LABEL] = { 51, DEF, A_BOLD, COLOR_CYAN, DEF, A_BOLD, A_BOLD },
	[ROLE_OV_CHANGED] = { 141, DEF, A_BOLD, COLOR_MAGENTA, DEF, 0, A_BOLD },
	/* chartreuse, apart from nmap-frequent's pale green by its glyph */
	[ROLE_OV_SCAN] = { 154, DEF, A_BOLD, COLOR_GREEN, DEF, A_BOLD | A_UNDERLINE, A_UNDERLINE },
	[ROLE_HEADING] = { 75, DEF, A_BOLD, COLOR_CYAN, DEF, A_BOLD, A_BOLD },
	[ROLE_LABEL] = { 248, DEF, 0, COLOR_WHITE, DEF, 0, A_NORMAL },
	[ROLE_KEY] = { 214, DEF, A_BOLD, COLOR_YELLOW, DEF, A_BOLD, A_BOLD },
	/* A check's result (the suggestions page): pass green, fail red, n/a
	   dim; without colour the failure is what stands out (bold). */
	[ROLE_PASS] = { 114, DEF, 0, COLOR_GREEN, DEF, 0, A_NORMAL },
	[ROLE_FAIL] = { 203, DEF, A_BOLD, COLOR_RED, DEF, A_BOLD, A_BOLD },
	[ROLE_NA] = { 244, DEF, 0, COLOR_WHITE, DEF, A_DIM, A_DIM },
};
/* clang-format on */

/* Which (top, bottom) ranges a half cell can join: the same range, or
 * the next one where a row crosses a boundary. */
#define HALF_JOINS 5
static const int colors_joins[HALF_JOINS][2] = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {1, 2}};

#define PAIR_HALVES (ROLE_COUNT + 1)
#define PAIR_TOPS (PAIR_HALVES + HALF_JOINS * SHADES * SHADES) /* nothing below */
#define PAIR_END (PAIR_TOPS + RANGES * SHADES)
_Static_assert(PAIR_END <= 256, "more colour pairs than COLOR_PAIR() holds");

static enum color_mode colors_mode = COLOR_MODE_MONO;
/* In 256 colours, roles of the same colours share one pair (the first's). */
static short colors_pair256[ROLE_COUNT];

short colors_solid256(int range, int level)
{
	return palette_solid[range][level]; /* shared with `portscope map` */
}

/* init_pair(), with the default colours replaced when the terminal has none. */
static void colors_pair(short n, short fg, short bg, bool defaults)
{
	if (!defaults && fg == DEF)
		fg = COLOR_WHITE;
	if (!defaults && bg == DEF)
		bg = COLOR_BLACK;
	init_pair(n, fg, bg);
}

/* The pairs of the half cells (256 colours only). */
static void colors_init_joined(bool defaults)
{
	for (int j = 0; j < HALF_JOINS; j++)
		for (int t = 0; t < SHADES; t++)
			for (int b = 0; b < SHADES; b++)
				colors_pair((short)(PAIR_HALVES + (j * SHADES + t) * SHADES + b),
					    colors_solid256(colors_joins[j][0], t),
					    colors_solid256(colors_joins[j][1], b), defaults);
	for (int r = 0; r < RANGES; r++)
		for (int t = 0; t < SHADES; t++)
			colors_pair((short)(PAIR_TOPS + r * SHADES + t), colors_solid256(r, t), DEF,
				    defaults);
}

enum color_mode colors_init(void)
{
	const char *nc = getenv("NO_COLOR");
	colors_mode = COLOR_MODE_MONO;
	if ((nc && *nc) || !has_colors() || start_color() == ERR || COLORS < 8 ||
	    COLOR_PAIRS < ROLE_COUNT + 1)
		return colors_mode;
	/* Without default colours, -1 means white on black. */
	bool defaults = use_default_colors() == OK;
	colors_mode = COLORS >= 256 && COLOR_PAIRS >= PAIR_END ? COLOR_MODE_256 : COLOR_MODE_8;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct color_row *c = &color_table[r];
		bool c256 = colors_mode == COLOR_MODE_256;
		colors_pair((short)(r + 1), c256 ? c->fg256 : c->fg8, c256 ? c->bg256 : c->bg8,
			    defaults);
		colors_pair256[r] = (short)(r + 1);
		for (int q = 0; q < r && colors_pair256[r] == r + 1; q++)
			if (color_table[q].fg256 == c->fg256 && color_table[q].bg256 == c->bg256)
				colors_pair256[r] = (short)(q + 1);
	}
	if (colors_mode == COLOR_MODE_256)
		colors_init_joined(defaults);
	return colors_mode;
}

attr_t colors_attr(enum color_role role)
{
	const struct color_row *c = &color_table[role];
	switch (colors_mode) {
	case COLOR_MODE_256:
		return COLOR_PAIR(colors_pair256[role]) | c->attr256;
	case COLOR_MODE_8:
		return COLOR_PAIR(role + 1) | c->attr8;
	default:
		return c->mono;
	}
}

enum color_role colors_shade(int range, int level)
{
	static const enum color_role base[RANGES] = {ROLE_SYS0, ROLE_USR0, ROLE_DYN0};
	return (enum color_role)(base[range] + level);
}

bool colors_have_halves(void)
{
	return colors_mode == COLOR_MODE_256;
}

attr_t colors_halves(int top_range, int top_level, int bottom_range, int bottom_level)
{
	if (colors_mode != COLOR_MODE_256)
		return 0;
	if (bottom_range < 0)
		return COLOR_PAIR(PAIR_TOPS + top_range * SHADES + top_level);
	for (int j = 0; j < HALF_JOINS; j++)
		if (colors_joins[j][0] == top_range && colors_joins[j][1] == bottom_range)
			return COLOR_PAIR(PAIR_HALVES + (j * SHADES + top_level) * SHADES +
					  bottom_level);
	return 0;
}
