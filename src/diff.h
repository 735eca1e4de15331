/* SPDX-License-Identifier: MIT */
/* diff.h: what changed between two registry snapshots. Records are keyed
 * by service name (ASCII case-insensitive) + port (range) + transport
 * (case-insensitive); records with equal keys are paired in file order (see
 * diff.c). The result lists added, removed and changed records (with a bit
 * per differing field) and marks every port an entry touches, so a UI can
 * highlight changed ports in O(1). */
#ifndef PORTSCOPE_DIFF_H
#define PORTSCOPE_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "registry.h"

enum diff_kind {
	DIFF_ADDED,
	DIFF_REMOVED,
	DIFF_CHANGED,
};
#define DIFF_KINDS 3

#define DIFF_NONE UINT32_MAX /* no record on that side */

struct diff_entry {
	uint32_t old_idx, new_idx; /* indices into old->rec / new->rec, or DIFF_NONE */
	uint16_t fields;	   /* DIFF_CHANGED: bit (1 << enum field) per differing field */
	uint8_t kind;		   /* enum diff_kind */
	bool whitespace_only;	   /* DIFF_CHANGED: every difference is in spacing only */
};

struct diff {
	const struct registry *old, *new;
	struct diff_entry *entry; /* ordered by port, then name, transport */
	size_t n;
	size_t count[DIFF_KINDS];
	size_t whitespace_only; /* changed entries that differ only in spacing */
	size_t ports_changed;	/* ports some entry covers */
	size_t ports_content;	/* ... some entry not only about spacing covers */
	uint8_t *port_mark;	/* PORT_COUNT bytes of enum diff_port_mark bits */
};

enum diff_port_mark {
	DIFF_PORT_ANY = 1,     /* an added, removed or changed record covers it */
	DIFF_PORT_CONTENT = 2, /* ... and its change is more than spacing */
};

/* Compare two loaded registries; the diff points into both, so they must
 * outlive it. Returns 0, or -1 with err set (out of memory). */
int diff_compute(struct diff *d, const struct registry *old, const struct registry *new,
		 struct ps_error *err);
void diff_free(struct diff *d);
/* Did an added, removed or changed record cover port? With ignore_spacing,
 * records that changed only in spacing do not count. */
static inline bool diff_port_changed(const struct diff *d, unsigned port, bool ignore_spacing)
{
	return port <= PORT_MAX && d->port_mark &&
	       (d->port_mark[port] & (ignore_spacing ? DIFF_PORT_CONTENT : DIFF_PORT_ANY));
}
/* The record an entry is about: the new one, or the old one if removed. */
const struct record *diff_entry_record(const struct diff *d, const struct diff_entry *e,
				       const struct registry **reg);
/* "added", "removed", "changed". */
const char *diff_kind_name(enum diff_kind k);
/* Do a and b differ only in whitespace (runs of space, TAB, CR, LF count
 * as one space; leading and trailing ones are ignored)? */
bool diff_same_but_spacing(const char *a, const char *b);

#endif
