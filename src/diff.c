/* SPDX-License-Identifier: MIT */
/* diff.c: comparing two registry snapshots.
 *
 * Keys: service name (ASCII case-insensitive, as RFC 6335 compares service
 * names) + port range + transport text (case-insensitive). The key is not
 * unique in real data: both snapshots have two "rdp" rows with no port and
 * no transport (Reliable Data Protocol, then Windows Remote Desktop).
 * Duplicates are handled deterministically by pairing in file order: each
 * side is sorted by (key, line in the file), and a merge pairs the k-th
 * old record of a key with the k-th new one; surplus old ones are removed,
 * surplus new ones added. So a file compared with itself has no changes,
 * and reordering unrelated rows never shows up as a change. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff.h"
#include "i18n.h"

struct diff_key {
	uint32_t lo, hi; /* port range; UINT32_MAX without a port (sorts last) */
	const char *name;
	const char *transport;
	uint32_t idx; /* record index: file order among equal keys */
};

static int key_cmp(const struct diff_key *a, const struct diff_key *b)
{
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	int c = strcasecmp(a->name, b->name);
	return c ? c : strcasecmp(a->transport, b->transport);
}

static int key_sort_cmp(const void *pa, const void *pb)
{
	const struct diff_key *a = pa, *b = pb;
	int c = key_cmp(a, b);
	return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

/* Every record's key, sorted; NULL when out of memory. */
static struct diff_key *keys_sorted(const struct registry *reg)
{
	struct diff_key *k = malloc((reg->nrec ? reg->nrec : 1) * sizeof(*k));
	if (!k)
		return NULL;
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		bool none = r->port_lo == PORT_NONE;
		k[i] = (struct diff_key){
			.lo = none ? UINT32_MAX : (uint32_t)r->port_lo,
			.hi = none ? UINT32_MAX : (uint32_t)r->port_hi,
			.name = registry_field(reg, r, FIELD_SERVICE),
			.transport = registry_field(reg, r, FIELD_TRANSPORT),
			.idx = (uint32_t)i,
		};
	}
	qsort(k, reg->nrec, sizeof(*k), key_sort_cmp);
	return k;
}

/* Skip a run of whitespace; true if there was any. */
static bool skip_space(const char **s)
{
	const char *p = *s;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	bool any = p != *s;
	*s = p;
	return any;
}

bool diff_same_but_spacing(const char *a, const char *b)
{
	skip_space(&a);
	skip_space(&b);
	while (*a && *b) {
		bool sa = skip_space(&a), sb = skip_space(&b);
		if (sa != sb && *a && *b)
			return false; /* a gap on one side only, mid-text */
		if (!*a || !*b)
			break;
		if (*a++ != *b++)
			return false;
	}
	skip_space(&a);
	skip_space(&b);
	return !*a && !*b;
}

/* Fill in which fields of a paired record differ. */
static void compare_fields(const struct diff *d, struct diff_entry *e)
{
	const struct record *ro = &d->old->rec[e->old_idx], *rn = &d->new->rec[e->new_idx];
	e->whitespace_only = true;
	for (int f = 0; f < FIELD_COUNT; f++) {
		const char *a = registry_field(d->old, ro, (enum field)f);
		const char *b = registry_field(d->new, rn, (enum field)f);
		if (strcmp(a, b) == 0)
			continue;
		e->fields |= (uint16_t)(1u << f);
		if (!diff_same_but_spacing(a, b))
			e->whitespace_only = false;
	}
}

static void mark_ports(struct diff *d, const struct record *r, bool content)
{
	if (r->port_lo == PORT_NONE)
		return;
	uint8_t mark = DIFF_PORT_ANY | (content ? DIFF_PORT_CONTENT : 0);
	for (int32_t p = r->port_lo; p <= r->port_hi; p++) {
		uint8_t was = d->port_mark[p];
		d->ports_changed += !(was & DIFF_PORT_ANY);
		d->ports_content += content && !(was & DIFF_PORT_CONTENT);
		d->port_mark[p] = was | mark;
	}
}

/* Append an entry unless it is an unchanged pair. */
static void add_entry(struct diff *d, uint32_t oi, uint32_t ni)
{
	struct diff_entry e = {.old_idx = oi, .new_idx = ni};
	e.kind = oi == DIFF_NONE ? DIFF_ADDED : ni == DIFF_NONE ? DIFF_REMOVED : DIFF_CHANGED;
	if (e.kind == DIFF_CHANGED) {
		compare_fields(d, &e);
		if (!e.fields)
			return;
		d->whitespace_only += e.whitespace_only;
	}
	d->entry[d->n++] = e;
	d->count[e.kind]++;
	const struct registry *reg;
	mark_ports(d, diff_entry_record(d, &e, &reg), e.kind != DIFF_CHANGED || !e.whitespace_only);
}

/* Walk both sorted key lists in step. */
static void merge(struct diff *d, const struct diff_key *ko, const struct diff_key *kn)
{
	size_t i = 0, j = 0, no = d->old->nrec, nn = d->new->nrec;
	while (i < no || j < nn) {
		int c = i == no ? 1 : j == nn ? -1 : key_cmp(&ko[i], &kn[j]);
		if (c < 0)
			add_entry(d, ko[i++].idx, DIFF_NONE);
		else if (c > 0)
			add_entry(d, DIFF_NONE, kn[j++].idx);
		else
			add_entry(d, ko[i++].idx, kn[j++].idx);
	}
}

int diff_compute(struct diff *d, const struct registry *old, const struct registry *new,
		 struct ps_error *err)
{
	memset(d, 0, sizeof(*d));
	d->old = old;
	d->new = new;
	struct diff_key *ko = keys_sorted(old), *kn = keys_sorted(new);
	d->entry = malloc((old->nrec + new->nrec + 1) * sizeof(*d->entry));
	d->port_mark = calloc(PORT_COUNT, 1);
	if (!ko || !kn || !d->entry || !d->port_mark) {
		free(ko), free(kn);
		diff_free(d);
		return error_set(err, NULL, 0, _("out of memory comparing registries"));
	}
	merge(d, ko, kn);
	free(ko);
	free(kn);
	return 0;
}

void diff_free(struct diff *d)
{
	free(d->entry);
	free(d->port_mark);
	d->entry = NULL;
	d->port_mark = NULL;
	d->n = 0;
}

const struct record *diff_entry_record(const struct diff *d, const struct diff_entry *e,
				       const struct registry **reg)
{
	if (e->new_idx != DIFF_NONE) {
		*reg = d->new;
		return &d->new->rec[e->new_idx];
	}
	*reg = d->old;
	return &d->old->rec[e->old_idx];
}

const char *diff_kind_name(enum diff_kind k)
{
	/* L10N: what happened to a record, on the TUI's changes page (c). */
	static const char *const names[DIFF_KINDS] = {N_("added"), N_("removed"), N_("changed")};
	return names[k];
}
