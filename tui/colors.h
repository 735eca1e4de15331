/* SPDX-License-Identifier: MIT */
/* colors.h: every colour the TUI uses, as roles from one table
 * (colors.c) with a 256-colour, an 8-colour and a monochrome column.
 * A heat-map cell says two things at once: its range (System, User,
 * Dynamic) by hue, as the cell's background tint in 256 colours and as
 * the glyph's colour in 8, and its state by glyph and brightness
 * (doc/HACKING.md, "The heat map"). */
#ifndef PORTSCOPE_COLORS_H
#define PORTSCOPE_COLORS_H

#include <stdbool.h>

#include <curses.h>

/* The heat map has SHADES intensity levels per range: 0 = free ... 4 =
 * fully assigned. */
#define SHADES 5
#define RANGES 3

/* clang-format off */
#define COLOR_ROLES(X) \
	X(NORMAL) X(TITLE) X(STATUS) X(STATUS_ERROR) X(GUTTER) X(MARK) \
	X(RULER) X(AXIS) \
	X(SYS0) X(SYS1) X(SYS2) X(SYS3) X(SYS4) \
	X(USR0) X(USR1) X(USR2) X(USR3) X(USR4) \
	X(DYN0) X(DYN1) X(DYN2) X(DYN3) X(DYN4) \
	X(CURSOR) X(SELECTED) \
	X(OV_GAP) X(OV_MATCH) X(OV_LISTEN) X(OV_FREQ) X(OV_LABEL) X(OV_CHANGED) X(OV_SCAN) \
	X(HEADING) X(LABEL) X(KEY) \
	X(PASS) X(FAIL) X(NA)
/* clang-format on */

#define COLOR_ROLE_ENUM(name) ROLE_##name,
enum color_role { COLOR_ROLES(COLOR_ROLE_ENUM) ROLE_COUNT };
#undef COLOR_ROLE_ENUM

enum color_mode {
	COLOR_MODE_MONO,
	COLOR_MODE_8,
	COLOR_MODE_256,
};

/* Pick the mode (NO_COLOR, has_colors(), COLORS) and set up the pairs. */
enum color_mode colors_init(void);
/* The attributes of a role in the current mode. */
attr_t colors_attr(enum color_role role);
/* The role of a heat-map cell: range r at shade level (0..SHADES-1). */
enum color_role colors_shade(int range, int level);
/* Two half cells in one: the top and bottom (range, level) as the
 * foreground and background of a '▀' (bottom_range -1: nothing below);
 * 0 when the mode cannot. */
attr_t colors_halves(int top_range, int top_level, int bottom_range, int bottom_level);
/* Can the map draw two half cells per character (256 colours)? */
bool colors_have_halves(void);
/* The 256-colour palette index a half cell of (range, level) is drawn in. */
short colors_solid256(int range, int level);

#endif
