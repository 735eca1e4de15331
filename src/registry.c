/* SPDX-License-Identifier: MIT */
/* registry.c: the record store, its string pool and the per-port index. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "i18n.h"
#include "image.h"
#include "regimage.h"
#include "registry.h"
#include "utf8.h"

static const char *const field_keys[FIELD_COUNT] = {
	"service",    "port",	  "transport", "description",  "assignee",	   "contact",
	"registered", "modified", "reference", "service_code", "unauthorized_use", "notes",
};

static const char *const field_headings[FIELD_COUNT] = {
	"Service Name", "Port Number",	"Transport Protocol",	     "Description",
	"Assignee",	"Contact",	"Registration Date",	     "Modification Date",
	"Reference",	"Service Code", "Unauthorized Use Reported", "Assignment Notes",
};

static const char *const transport_names[] = {
	[TRANSPORT_TCP] = "tcp",   [TRANSPORT_UDP] = "udp", [TRANSPORT_SCTP] = "sctp",
	[TRANSPORT_DCCP] = "dccp", [TRANSPORT_ANY] = "any", [TRANSPORT_OTHER] = "other",
	[TRANSPORT_NONE] = "",
};

struct registry *registry_new(void)
{
	struct registry *reg = calloc(1, sizeof(*reg));
	if (!reg)
		return NULL;
	reg->source_label = "IANA registry";
	/* offset 0 of the pool is the empty string */
	reg->pool = malloc(4096);
	if (!reg->pool) {
		free(reg);
		return NULL;
	}
	reg->pool_cap = 4096;
	reg->pool[0] = '\0';
	reg->pool_len = 1;
	return reg;
}

void registry_free(struct registry *reg)
{
	if (!reg)
		return;
	if (reg->image) {
		image_unmap(reg->image);
		free(reg->image);
		reg->rec = NULL, reg->pool = NULL, reg->state = NULL;
		reg->cover_off = reg->cover = reg->by_name = NULL;
	}
	free(reg->state);
	free(reg->rec);
	free(reg->pool);
	free(reg->cover_off);
	free(reg->cover);
	free(reg->by_name);
	free(reg->source);
	skips_clear(&reg->skipped);
	free(reg);
}

/* Room for extra more bytes; the pool never grows past UINT32_MAX bytes,
 * so an offset that fits it fits a uint32_t. */
static bool pool_reserve(struct registry *reg, size_t extra)
{
	size_t need = reg->pool_len + extra;
	if (need > UINT32_MAX)
		return false;
	if (need <= reg->pool_cap)
		return true;
	size_t cap = reg->pool_cap;
	while (cap < need)
		cap *= 2;
	if (cap > UINT32_MAX)
		cap = UINT32_MAX;
	char *p = realloc(reg->pool, cap);
	if (!p)
		return false;
	reg->pool = p;
	reg->pool_cap = cap;
	return true;
}

/* A block for a whole file's pool or records (about a megabyte each for
 * the real registry), holding the first len bytes of old (then freed).
 * Touched 4 KiB page by page, such a block costs a page fault per page:
 * ~500 faults, a tenth of `portscope stats` on the development machine.
 * Aligned to 2 MiB and marked MADV_HUGEPAGE, Linux backs it with
 * transparent huge pages where they are enabled (one fault per 2 MiB);
 * elsewhere it is ordinary memory. */
static void *big_block(size_t size, void *old, size_t len)
{
	void *p = NULL;
#ifdef MADV_HUGEPAGE
	const size_t huge = 2u << 20;
	size_t n = (size + huge - 1) / huge * huge;
	if (size >= huge / 2 && (p = aligned_alloc(huge, n)))
		madvise(p, n, MADV_HUGEPAGE);
#endif
	if (!p && !(p = malloc(size)))
		return NULL;
	if (len)
		memcpy(p, old, len);
	free(old);
	return p;
}

int registry_reserve(struct registry *reg, size_t bytes)
{
	/* text and a NUL per field take no more room than the field and its
	 * separator, so valid UTF-8 fits in bytes + 1; records are about 78
	 * bytes in the IANA CSV: 64 leaves room, and either grows if short */
	size_t pool = bytes + 1, records = bytes / 64;
	if (pool > reg->pool_cap && pool <= UINT32_MAX) { /* as pool_reserve */
		char *p = big_block(pool, reg->pool, reg->pool_len);
		if (!p)
			return -1;
		reg->pool = p;
		reg->pool_cap = pool;
	}
	if (records > reg->rec_cap && records <= SIZE_MAX / sizeof(struct record)) {
		struct record *r =
			big_block(records * sizeof(*r), reg->rec, reg->nrec * sizeof(*r));
		if (!r)
			return -1;
		reg->rec = r;
		reg->rec_cap = records;
	}
	return 0;
}

uint32_t registry_intern_grow(struct registry *reg, const char *s, size_t n)
{
	if (!pool_reserve(reg, n + 1))
		return UINT32_MAX;
	return registry_intern_utf8(reg, s, n);
}

uint32_t registry_intern(struct registry *reg, const char *s, size_t n, unsigned long line)
{
	if (utf8_valid_prefix(s, n) == n)
		return registry_intern_utf8(reg, s, n);
	struct strbuf sb = STRBUF_INIT;
	size_t bad = utf8_normalize(&sb, s, n);
	if (!reg->utf8_fixed)
		reg->utf8_first_line = line;
	reg->utf8_fixed += bad;
	uint32_t off = UINT32_MAX;
	if (!sb.failed && pool_reserve(reg, sb.len + 1)) {
		off = (uint32_t)reg->pool_len;
		memcpy(reg->pool + off, sb.data, sb.len + 1);
		reg->pool_len += sb.len + 1;
	}
	strbuf_free(&sb);
	return off;
}

int port_parse_field(const char *s, size_t n, int32_t *lo, int32_t *hi, const char **why)
{
	*lo = *hi = PORT_NONE;
	if (n == 0)
		return 0;
	/* one pass over the bytes: it runs for every record */
	const unsigned char *u = (const unsigned char *)s, *end = u + n;
	uint32_t v[2];
	int k = 0;
	for (;;) {
		unsigned d;
		if (u == end || (d = (unsigned)*u - '0') > 9) {
			*why = N_("not a port number or range");
			return -1;
		}
		uint32_t x = 0;
		do {
			if (x <= PORT_MAX) /* past it, it stays past it: no overflow */
				x = x * 10 + d;
		} while (++u < end && (d = (unsigned)*u - '0') <= 9);
		if (x > PORT_MAX) {
			*why = N_("port out of range 0-65535");
			return -1;
		}
		v[k++] = x;
		if (u == end)
			break;
		if (*u != '-' || k == 2) {
			*why = N_("not a port number or range");
			return -1;
		}
		u++;
	}
	if (k == 1)
		v[1] = v[0];
	if (v[1] < v[0]) {
		*why = N_("port range ends before it starts");
		return -1;
	}
	*lo = (int32_t)v[0];
	*hi = (int32_t)v[1];
	return 0;
}

enum port_state state_of_description(const char *desc)
{
	/* the first byte first: most descriptions start with neither word,
	 * and this runs for every record */
	if (desc[0] == 'U' && strncmp(desc, "Unassigned", 10) == 0)
		return STATE_UNASSIGNED;
	if (desc[0] == 'R' && strncmp(desc, "Reserved", 8) == 0)
		return STATE_RESERVED;
	return STATE_ASSIGNED;
}

enum transport transport_from_name(const char *s, size_t n)
{
	/* by length, then the bytes as one word: c | 0x20 maps A-Z onto a-z
	 * and no other byte onto a letter, so it ignores ASCII case. Inline
	 * rather than strncasecmp: it runs for every record. */
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return TRANSPORT_NONE;
	if (n == 3) {
		uint32_t w = (u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16) | 0x202020u;
		if (w == ('t' | 'c' << 8 | 'p' << 16))
			return TRANSPORT_TCP;
		if (w == ('u' | 'd' << 8 | 'p' << 16))
			return TRANSPORT_UDP;
	} else if (n == 4) {
		uint32_t w =
			(u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24) |
			0x20202020u;
		if (w == ('s' | 'c' << 8 | 't' << 16 | (uint32_t)'p' << 24))
			return TRANSPORT_SCTP;
		if (w == ('d' | 'c' << 8 | 'c' << 16 | (uint32_t)'p' << 24))
			return TRANSPORT_DCCP;
	}
	return TRANSPORT_OTHER;
}

int transport_parse_filter(const char *s)
{
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		if (strcasecmp(s, transport_names[t]) == 0)
			return t;
	return -1;
}

const char *transport_name(enum transport t)
{
	return transport_names[t];
}

const char *state_name(enum port_state s)
{
	/* L10N: port states; also the legend and counts of the map. */
	static const char *const names[STATE_COUNT] = {
		[STATE_UNASSIGNED] = N_("unassigned"),
		[STATE_RESERVED] = N_("reserved"),
		[STATE_ASSIGNED] = N_("assigned"),
	};
	return names[s];
}

enum port_range port_range_of(unsigned port)
{
	return port < 1024 ? RANGE_SYSTEM : port < 49152 ? RANGE_USER : RANGE_DYNAMIC;
}

const char *range_name(enum port_range r)
{
	/* L10N: the RFC 6335 ranges, as text output names them (also used,
	   untranslated, as RANGE arguments and JSON values). */
	static const char *const names[RANGE_COUNT] = {
		[RANGE_SYSTEM] = N_("system"),
		[RANGE_USER] = N_("user"),
		[RANGE_DYNAMIC] = N_("dynamic"),
	};
	return names[r];
}

const char *range_title(enum port_range r)
{
	/* L10N: the RFC 6335 ranges as titles: the map's legends, the ranges
	   and years pages, the pictures. */
	static const char *const titles[RANGE_COUNT] = {
		[RANGE_SYSTEM] = N_("System"),
		[RANGE_USER] = N_("User"),
		[RANGE_DYNAMIC] = N_("Dynamic"),
	};
	return titles[r];
}

void range_bounds(enum port_range r, unsigned *lo, unsigned *hi)
{
	static const unsigned b[RANGE_COUNT][2] = {{0, 1023}, {1024, 49151}, {49152, 65535}};
	*lo = b[r][0];
	*hi = b[r][1];
}

const char *field_key(enum field f)
{
	return field_keys[f];
}

const char *field_heading(enum field f)
{
	return field_headings[f];
}

/* Keep the newest well-formed YYYY-MM-DD seen as the registry's date
 * (reg->date is one or all NULs, so memcmp orders it as strcmp would). */
static void note_date(struct registry *reg, const char *d, size_t n)
{
	if (n != 10 || d[4] != '-' || d[7] != '-')
		return;
	if (memcmp(d, reg->date, 10) > 0)
		memcpy(reg->date, d, 11);
}

int registry_add(struct registry *reg, const struct record_fields *f, const char *file,
		 unsigned long line, struct ps_error *err)
{
	uint32_t off[FIELD_COUNT], len[FIELD_COUNT];
	for (int i = 0; i < FIELD_COUNT; i++) {
		off[i] = registry_intern(reg, f->s[i], f->n[i], line);
		if (off[i] == UINT32_MAX)
			return error_set(err, file, line, _("out of memory"));
		len[i] = (uint32_t)strlen(reg->pool + off[i]); /* to a NUL the text may hold */
	}
	return registry_add_interned(reg, off, len, f->port_lo, f->port_hi, file, line, err);
}

/* The loader has parsed the port (it owns the error message, which quotes
 * the file's own bytes), so it is not parsed again here. */
/* Does s (valid UTF-8) hold an invisible format or separator character?
 * Service names are ASCII, so the common case is one pass over bytes. */
static bool has_format_char(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint64_t w, high = 0;
	for (; i + 8 <= n; i += 8) /* ASCII eight bytes at a time */
		memcpy(&w, u + i, 8), high |= w;
	for (; i < n; i++)
		high |= u[i];
	if (!(high & 0x8080808080808080u))
		return false;
	for (i = 0; i < n;) {
		uint32_t cp;
		size_t k = u[i] < 0x80 ? 1 : utf8_decode(u + i, n - i, &cp);
		if (u[i] >= 0x80 && k && utf8_is_format(cp))
			return true;
		i += k ? k : 1;
	}
	return false;
}

int registry_add_interned(struct registry *reg, const uint32_t field[FIELD_COUNT],
			  const uint32_t len[FIELD_COUNT], int32_t port_lo, int32_t port_hi,
			  const char *file, unsigned long line, struct ps_error *err)
{
	size_t width = port_lo == PORT_NONE ? 0 : (size_t)(port_hi - port_lo + 1);
	if (width > COVER_MAX - reg->ncover)
		return error_set(err, file, line,
				 _("the port ranges so far cover over %d record-port pairs: "
				   "too many to index (wide ranges repeated?)"),
				 COVER_MAX);
	if (reg->nrec == reg->rec_cap) {
		size_t cap = reg->rec_cap ? reg->rec_cap * 2 : 1024;
		struct record *p = reallocarray(reg->rec, cap, sizeof(*p));
		if (!p)
			return error_set(err, file, line, _("out of memory"));
		reg->rec = p;
		reg->rec_cap = cap;
	}
	struct record *r = &reg->rec[reg->nrec++];
	memset(r, 0, sizeof(*r)); /* padding too: records are written to images */
	memcpy(r->field, field, sizeof(r->field));
	r->port_lo = port_lo;
	r->port_hi = port_hi;
	r->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
	const char *pool = reg->pool;
	r->transport =
		(uint8_t)transport_from_name(pool + field[FIELD_TRANSPORT], len[FIELD_TRANSPORT]);
	r->state = (uint8_t)state_of_description(pool + field[FIELD_DESCRIPTION]);
	if (has_format_char(pool + field[FIELD_SERVICE], len[FIELD_SERVICE]) &&
	    !reg->hidden_names++)
		reg->hidden_first_line = line;
	note_date(reg, pool + field[FIELD_REGISTERED], len[FIELD_REGISTERED]);
	note_date(reg, pool + field[FIELD_MODIFIED], len[FIELD_MODIFIED]);
	reg->ncover += width;
	return 0;
}

/* The byte-wise maximum of states, eight ports to a word: with states 0,
 * 1 and 2 (two bits) the OR of some has bit 1 when one is ASSIGNED, and
 * then bit 0 (a RESERVED one) is cleared. */
_Static_assert(STATE_UNASSIGNED == 0 && STATE_RESERVED == 1 && STATE_ASSIGNED == 2,
	       "the port states as two bits");
static uint64_t state_max8(uint64_t ored)
{
	return ored & ~((ored >> 1) & 0x0101010101010101u);
}

/* Per-transport state: the strongest row covering each port. */
static int build_state(struct registry *reg)
{
	size_t size = (TRANSPORT_ANY + 1) * sizeof(*reg->state);
	if (reg->state)
		memset(reg->state, STATE_UNASSIGNED, size);
	else if (!(reg->state = calloc(1, size))) /* fresh pages are zeros already */
		return -1;
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		if (r->port_lo == PORT_NONE || r->transport >= TRANSPORT_REAL)
			continue;
		uint8_t *st = reg->state[r->transport];
		for (int32_t p = r->port_lo; p <= r->port_hi; p++)
			if (st[p] < r->state)
				st[p] = r->state;
	}
	uint8_t *any = reg->state[TRANSPORT_ANY];
	for (unsigned p = 0; p < PORT_COUNT; p += 8) {
		uint64_t w, ored = 0;
		for (int t = 0; t < TRANSPORT_REAL; t++)
			memcpy(&w, reg->state[t] + p, 8), ored |= w;
		w = state_max8(ored);
		memcpy(any + p, &w, 8);
	}
	return 0;
}

/* Port -> covering records, as a compressed sparse row table. */
static int build_cover(struct registry *reg)
{
	uint32_t *off = calloc(PORT_COUNT + 1, sizeof(*off));
	if (!off)
		return -1;
	size_t total = reg->ncover; /* at most COVER_MAX, so it fits uint32_t */
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		if (r->port_lo == PORT_NONE)
			continue;
		for (int32_t p = r->port_lo; p <= r->port_hi; p++)
			off[p + 1]++;
	}
	for (unsigned p = 0; p < PORT_COUNT; p++)
		off[p + 1] += off[p];
	uint32_t *cover = malloc((total ? total : 1) * sizeof(*cover));
	if (!cover) {
		free(off);
		return -1;
	}
	/* off[p] is port p's fill cursor; filling moves it to off[p + 1]'s
	 * old value, so shifting back by one restores the row starts */
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		if (r->port_lo == PORT_NONE)
			continue;
		for (int32_t p = r->port_lo; p <= r->port_hi; p++)
			cover[off[p]++] = (uint32_t)i;
	}
	memmove(off + 1, off, PORT_COUNT * sizeof(*off));
	off[0] = 0;
	reg->cover_off = off;
	reg->cover = cover;
	return 0;
}

int registry_finish(struct registry *reg, struct ps_error *err)
{
	if (build_state(reg) < 0 || build_cover(reg) < 0)
		return error_set(err, reg->source, 0, _("out of memory building the port index"));
	return 0;
}

int registry_finish_states(struct registry *reg, struct ps_error *err)
{
	if (build_state(reg) < 0)
		return error_set(err, reg->source, 0, _("out of memory building the port index"));
	return 0;
}

size_t registry_records_at(const struct registry *reg, unsigned port, const uint32_t **idx)
{
	if (!reg->cover_off || port > PORT_MAX) {
		*idx = NULL;
		return 0;
	}
	*idx = reg->cover + reg->cover_off[port];
	return reg->cover_off[port + 1] - reg->cover_off[port];
}

/* The registry's service name for port and transport, or NULL. */
const char *registry_assigned_name(const struct registry *reg, unsigned port, enum transport t)
{
	const uint32_t *idx;
	size_t n = registry_records_at(reg, port, &idx);
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		const char *name = registry_field(reg, r, FIELD_SERVICE);
		if (r->transport == t && r->state == STATE_ASSIGNED && *name)
			return name;
	}
	return NULL;
}

int registry_name_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	for (;; x++, y++) {
		unsigned cx = *x >= 'A' && *x <= 'Z' ? *x | 0x20u : *x;
		unsigned cy = *y >= 'A' && *y <= 'Z' ? *y | 0x20u : *y;
		if (cx != cy || !cx)
			return (int)cx - (int)cy;
	}
}

static int by_name_cmp(const void *a, const void *b, void *ctx)
{
	const struct registry *reg = ctx;
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	int c = registry_name_cmp(registry_field(reg, &reg->rec[ia], FIELD_SERVICE),
				  registry_field(reg, &reg->rec[ib], FIELD_SERVICE));
	return c ? c : (ia > ib) - (ia < ib);
}

/* Build the name index the first time a name is looked up. */
static int build_by_name(struct registry *reg)
{
	uint32_t *v = malloc((reg->nrec ? reg->nrec : 1) * sizeof(*v));
	if (!v)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < reg->nrec; i++)
		if (reg->pool[reg->rec[i].field[FIELD_SERVICE]])
			v[n++] = (uint32_t)i;
	qsort_r(v, n, sizeof(*v), by_name_cmp, reg);
	reg->by_name = v;
	reg->nby_name = n;
	return 0;
}

int registry_named_records(struct registry *reg, const uint32_t **idx, size_t *n)
{
	if (reg->counts_only) {
		*idx = NULL;
		*n = 0;
		return 0;
	}
	if (!reg->by_name && build_by_name(reg) < 0)
		return -1;
	*idx = reg->by_name;
	*n = reg->nby_name;
	return 0;
}

/* Does name start with prefix, ignoring ASCII case? */
static bool name_has_prefix(const char *name, const char *prefix)
{
	for (; *prefix; name++, prefix++) {
		unsigned cx = (unsigned char)*name, cy = (unsigned char)*prefix;
		cx = cx >= 'A' && cx <= 'Z' ? cx | 0x20u : cx;
		cy = cy >= 'A' && cy <= 'Z' ? cy | 0x20u : cy;
		if (cx != cy)
			return false;
	}
	return true;
}

/* The run of the name index from the first name >= key on while match
 * says yes: the records of a name (equal) or of a prefix. With ok not
 * NULL, ok(reg, k) is asked before entry k and its record are read (a lazy
 * image), and a -1 from it ends the search: SIZE_MAX then. */
static size_t by_name_run(struct registry *reg, const char *key, bool prefix, const uint32_t **idx,
			  int (*ok)(struct registry *reg, size_t k))
{
	*idx = NULL;
	if (reg->counts_only || (!reg->by_name && build_by_name(reg) < 0))
		return 0;
	size_t lo = 0, hi = reg->nby_name;
	while (lo < hi) { /* first entry >= key */
		size_t mid = lo + (hi - lo) / 2;
		if (ok && ok(reg, mid) < 0)
			return SIZE_MAX;
		const char *s = registry_field(reg, &reg->rec[reg->by_name[mid]], FIELD_SERVICE);
		if (registry_name_cmp(s, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	for (; end < reg->nby_name; end++) {
		if (ok && ok(reg, end) < 0)
			return SIZE_MAX;
		const char *s = registry_field(reg, &reg->rec[reg->by_name[end]], FIELD_SERVICE);
		if (prefix ? !name_has_prefix(s, key) : registry_name_cmp(s, key) != 0)
			break;
	}
	*idx = reg->by_name + lo;
	return end - lo;
}

size_t registry_find_service(struct registry *reg, const char *name, const uint32_t **idx)
{
	return by_name_run(reg, name, false, idx, NULL);
}

int registry_lookup_name(struct registry *reg, const char *name, const uint32_t **idx, size_t *n)
{
	*n = by_name_run(reg, name, false, idx, reg->lazy ? regimage_name_ok : NULL);
	if (*n != SIZE_MAX)
		return 0;
	*n = 0;
	*idx = NULL;
	return -1;
}

size_t registry_find_prefix(struct registry *reg, const char *prefix, const uint32_t **idx)
{
	return by_name_run(reg, prefix, true, idx, NULL);
}
