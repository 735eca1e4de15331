/* SPDX-License-Identifier: MIT */
/* ports.h: questions about the port space answered from the per-port index:
 * RANGE arguments, free ports, gaps (maximal free runs), counts. */
#ifndef PORTSCOPE_PORTS_H
#define PORTSCOPE_PORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "registry.h"

struct gap {
	unsigned lo, hi;
};

/* Parse RANGE: "LO-HI", "N", or system / user / dynamic. -1 on error. */
int ports_parse_range(const char *s, unsigned *lo, unsigned *hi);
/* Parse a single port number "0".."65535". -1 on error. */
int ports_parse_port(const char *s, unsigned *port);
/* Count ports in [lo, hi] by state for transport t. */
void ports_count(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		 unsigned counts[STATE_COUNT]);
/* Gaps inside [lo, hi] (clipped to it), of at least min ports, in order;
 * cb returns nonzero to stop. Returns how many were reported. */
size_t ports_gaps(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		  unsigned min, int (*cb)(void *ctx, const struct gap *g), void *ctx);
/* The whole maximal gap containing port (false if port is not free). */
bool ports_gap_at(const struct registry *reg, enum transport t, unsigned port, struct gap *g);
/* The next gap starting after port (or the previous one starting before
 * it, when backward); false when there is none. */
bool ports_next_gap(const struct registry *reg, enum transport t, unsigned port, bool backward,
		    struct gap *g);
/* The largest gap inside [lo, hi] (clipped); false when none. */
bool ports_largest_gap(const struct registry *reg, enum transport t, unsigned lo, unsigned hi,
		       struct gap *g);

#endif
