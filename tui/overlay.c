/* SPDX-License-Identifier: MIT */
/* overlay.c: port bitmaps for the heat map's overlays. */
#include <config.h>

#include <string.h>

#include "overlay.h"

void overlay_clear(struct overlay *ov)
{
	memset(ov->bits, 0, sizeof(ov->bits));
}

void overlay_set_port(struct overlay *ov, unsigned port)
{
	if (port <= PORT_MAX)
		ov->bits[port / 64] |= (uint64_t)1 << (port % 64);
}

void overlay_set_range(struct overlay *ov, unsigned lo, unsigned hi)
{
	for (unsigned p = lo; p <= hi && p <= PORT_MAX; p++)
		overlay_set_port(ov, p);
}

bool overlay_has(const struct overlay *ov, unsigned port)
{
	return port <= PORT_MAX && (ov->bits[port / 64] >> (port % 64)) & 1;
}

/* The bits of word w that fall inside [lo, hi]. */
static uint64_t overlay_word_mask(unsigned w, unsigned lo, unsigned hi)
{
	unsigned first = w * 64, last = first + 63;
	uint64_t m = ~(uint64_t)0;
	if (lo > first)
		m &= ~(uint64_t)0 << (lo - first);
	if (hi < last)
		m &= ~(uint64_t)0 >> (last - hi);
	return m;
}

unsigned overlay_count(const struct overlay *ov, unsigned lo, unsigned hi)
{
	unsigned n = 0;
	if (hi > PORT_MAX)
		hi = PORT_MAX;
	for (unsigned w = lo / 64; lo <= hi && w <= hi / 64; w++)
		n += (unsigned)__builtin_popcountll(ov->bits[w] & overlay_word_mask(w, lo, hi));
	return n;
}

int overlay_define(struct overlay_set *set, struct overlay *ov, const char *name,
		   const char *short_name, const char *glyph_utf8, char glyph_ascii, int role)
{
	ov->name = name;
	ov->short_name = short_name;
	ov->glyph_utf8 = glyph_utf8;
	ov->glyph_ascii = glyph_ascii;
	ov->role = role;
	ov->enabled = false;
	return overlay_add(set, ov);
}

int overlay_add(struct overlay_set *set, struct overlay *ov)
{
	if (set->n >= OVERLAY_MAX)
		return -1;
	set->ov[set->n++] = ov;
	return 0;
}

const struct overlay *overlay_at(const struct overlay_set *set, unsigned lo, unsigned hi)
{
	for (int i = 0; i < set->n; i++)
		if (set->ov[i]->enabled && overlay_count(set->ov[i], lo, hi))
			return set->ov[i];
	return NULL;
}

/* The first marked port in [lo, hi] scanning up (or the last, down). */
static bool overlay_scan(const struct overlay *ov, unsigned lo, unsigned hi, bool down,
			 unsigned *port)
{
	for (unsigned i = 0; lo <= hi && i <= hi - lo; i++) {
		unsigned p = down ? hi - i : lo + i;
		uint64_t word = ov->bits[p / 64];
		if (!word) { /* skip the rest of an empty word */
			unsigned skip = down ? p % 64 : 63 - p % 64;
			i += skip;
			continue;
		}
		if ((word >> (p % 64)) & 1) {
			*port = p;
			return true;
		}
	}
	return false;
}

bool overlay_next(const struct overlay *ov, unsigned from, bool backward, unsigned *port)
{
	if (backward)
		return (from > 0 && overlay_scan(ov, 0, from - 1, true, port)) ||
		       overlay_scan(ov, from, PORT_MAX, true, port);
	return (from < PORT_MAX && overlay_scan(ov, from + 1, PORT_MAX, false, port)) ||
	       overlay_scan(ov, 0, from, false, port);
}
