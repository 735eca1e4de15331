/* SPDX-License-Identifier: MIT */
/* portbits.h: per-port indexes shared by the optional sources (listeners,
 * services files, labels): a set of ports per transport as bitmaps (8 KiB
 * each) for O(1) "is this port in the set", and the run of one port's
 * elements in an array sorted by port. */
#ifndef PORTSCOPE_PORTBITS_H
#define PORTSCOPE_PORTBITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"

struct portbits {
	uint8_t bits[TRANSPORT_REAL][PORT_COUNT / 8];
};

static inline void portbits_set(struct portbits *pb, enum transport t, unsigned port)
{
	if (t < TRANSPORT_REAL && port <= PORT_MAX)
		pb->bits[t][port / 8] |= (uint8_t)(1u << (port % 8));
}

/* Is port in the set for t (TRANSPORT_ANY: for any transport)? */
static inline bool portbits_test(const struct portbits *pb, unsigned port, enum transport t)
{
	if (port > PORT_MAX)
		return false;
	uint8_t bit = (uint8_t)(1u << (port % 8));
	if (t != TRANSPORT_ANY)
		return t < TRANSPORT_REAL && (pb->bits[t][port / 8] & bit);
	for (int i = 0; i < TRANSPORT_REAL; i++)
		if (pb->bits[i][port / 8] & bit)
			return true;
	return false;
}

/* In base[0..n) (elements of size bytes, sorted by port_of()), the elements
 * whose port is port: sets *first to the index of the first, returns how
 * many. With ok not NULL, ok(ctx, i) is asked before element i is read (the
 * pages of a lazily checked image), and a -1 from it ends the search:
 * SIZE_MAX then. */
static inline size_t portbits_sorted_at(const void *base, size_t n, size_t size,
					unsigned (*port_of)(const void *elem), unsigned port,
					size_t *first, int (*ok)(void *ctx, size_t i), void *ctx)
{
	const char *v = base;
	size_t a = 0, b = n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (ok && ok(ctx, m) < 0)
			return SIZE_MAX;
		if (port_of(v + m * size) < port)
			a = m + 1;
		else
			b = m;
	}
	size_t e = a;
	for (; e < n; e++) {
		if (ok && ok(ctx, e) < 0)
			return SIZE_MAX;
		if (port_of(v + e * size) != port)
			break;
	}
	*first = a;
	return e - a;
}

#endif
