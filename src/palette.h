/* SPDX-License-Identifier: MIT */
/* palette.h: the heat map's colours, shared by the TUI (tui/colors.c) and
 * the pictures of `portscope map`, so both say range and state the same
 * way: per range, five solid shades from its tint (free) to its full
 * colour (all assigned), as xterm 256-colour indexes; the overlays' hues;
 * and the shade level of a span of ports. */
#ifndef PORTSCOPE_PALETTE_H
#define PORTSCOPE_PALETTE_H

#include "registry.h"

#define PALETTE_SHADES 5

/* The solid colours of a range at shade level 0 (free) .. 4 (assigned). */
extern const short palette_solid[RANGE_COUNT][PALETTE_SHADES];

enum palette_mark {
	PALETTE_MATCH,	/* search matches */
	PALETTE_LISTEN, /* local listeners */
	PALETTE_FREQ,	/* nmap-frequent ports */
	PALETTE_LABEL,	/* the user's labels */
	PALETTE_MARKS,
};
extern const short palette_mark[PALETTE_MARKS];

/* An xterm 256-colour index as 8-bit RGB. */
void palette_rgb(short index, unsigned char rgb[3]);
/* The shade level of ports [lo, hi] for transport t: at one port its state
 * (assigned 4, reserved 2, free 0); over more, the assigned share in
 * quarters (none 0, up to a quarter 1, a half 2, three quarters 3, more 4). */
int palette_level(const struct registry *reg, enum transport t, unsigned lo, unsigned hi);

#endif
