/* SPDX-License-Identifier: MIT */
/* overlay.h: per-port overlays drawn over the heat map. An overlay is a
 * 65,536-bit set of ports plus how to draw a cell that holds one: a glyph
 * (UTF-8 and ASCII), a colour role and a name for the legend. Search
 * matches, listeners, nmap-frequent ports and user labels each fill one;
 * the heat map draws the first enabled overlay that has a port in a cell,
 * and the cursor on top of everything. No curses here, so the unit tests
 * can use it. */
#ifndef PORTSCOPE_OVERLAY_H
#define PORTSCOPE_OVERLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "../src/registry.h"

#define OVERLAY_WORDS (PORT_COUNT / 64)
#define OVERLAY_MAX 10

struct overlay {
	const char *name;	/* legend text (untranslated, N_()) */
	const char *short_name; /* its short form for a narrow legend, or NULL */
	const char *glyph_utf8; /* one column wide */
	char glyph_ascii;
	int role; /* enum color_role */
	bool enabled;
	uint64_t bits[OVERLAY_WORDS];
};

/* Overlays in drawing priority order: the first one that matches wins. */
struct overlay_set {
	struct overlay *ov[OVERLAY_MAX];
	int n;
};

void overlay_clear(struct overlay *ov);
void overlay_set_port(struct overlay *ov, unsigned port);
/* Mark every port in [lo, hi]. */
void overlay_set_range(struct overlay *ov, unsigned lo, unsigned hi);
bool overlay_has(const struct overlay *ov, unsigned port);
/* How many ports of [lo, hi] are marked. */
unsigned overlay_count(const struct overlay *ov, unsigned lo, unsigned hi);
/* Add ov to the set (priority = order added); -1 when the set is full. */
int overlay_add(struct overlay_set *set, struct overlay *ov);
/* The next marked port after from (before it when backward), around the
 * ends of the port space; false when none is marked. */
bool overlay_next(const struct overlay *ov, unsigned from, bool backward, unsigned *port);
/* Set up ov, off, with its legend names (N_()), its glyphs and colour
 * role, and add it to set; -1 when the set is full. */
int overlay_define(struct overlay_set *set, struct overlay *ov, const char *name,
		   const char *short_name, const char *glyph_utf8, char glyph_ascii, int role);
/* The first enabled overlay with a port in [lo, hi], or NULL. */
const struct overlay *overlay_at(const struct overlay_set *set, unsigned lo, unsigned hi);

#endif
