/* SPDX-License-Identifier: MIT */
/* regimage.c: the registry's compiled image. Its sections are the
 * registry's own flat arrays; loading one checks every index in them, so
 * even an image that passed its checksum cannot lead a read astray. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "regimage.h"

enum regimage_section {
	SECT_META,
	SECT_RECORDS,
	SECT_POOL,
	SECT_STATE,
	SECT_COVER_OFF,
	SECT_COVER,
	SECT_BY_NAME,
	SECT_SKIP_WHY,
	SECT_COUNT
};

_Static_assert(SECT_COUNT == REGIMAGE_SECTIONS, "REGIMAGE_SECTIONS is the section count");

/* The registry's scalars. */
struct regimage_meta {
	uint64_t nrec, pool_len, ncover, nby_name;
	uint64_t hidden_names, hidden_first_line, utf8_fixed, utf8_first_line;
	uint64_t skipped_n, skipped_line;
	uint32_t kind;
	uint32_t record_size; /* sizeof(struct record) of the writer */
	char date[16];
};

#define STATE_BYTES ((size_t)(TRANSPORT_ANY + 1) * PORT_COUNT)
#define COVER_OFF_BYTES ((size_t)(PORT_COUNT + 1) * sizeof(uint32_t))

/* The meta section of reg. */
static void regimage_meta_of(const struct registry *reg, struct regimage_meta *m)
{
	memset(m, 0, sizeof(*m));
	m->nrec = reg->nrec;
	m->pool_len = reg->pool_len;
	m->ncover = reg->cover_off[PORT_COUNT];
	m->nby_name = reg->nby_name;
	m->hidden_names = reg->hidden_names;
	m->hidden_first_line = reg->hidden_first_line;
	m->utf8_fixed = reg->utf8_fixed;
	m->utf8_first_line = reg->utf8_first_line;
	m->skipped_n = reg->skipped.n;
	m->skipped_line = reg->skipped.line;
	m->kind = (uint32_t)reg->kind;
	m->record_size = sizeof(struct record);
	memcpy(m->date, reg->date, sizeof(reg->date));
}

/* The sections of reg, with m and by_name filled in; -1 when out of memory. */
static int regimage_sections(struct registry *reg, struct regimage_meta *m,
			     struct image_section sect[SECT_COUNT])
{
	const uint32_t *by_name;
	size_t nby_name;
	if (!reg->cover_off || registry_named_records(reg, &by_name, &nby_name) < 0)
		return -1;
	regimage_meta_of(reg, m);
	const char *why = reg->skipped.why ? reg->skipped.why : "";
	sect[SECT_META] = (struct image_section){m, sizeof(*m)};
	sect[SECT_RECORDS] = (struct image_section){reg->rec, reg->nrec * sizeof(*reg->rec)};
	sect[SECT_POOL] = (struct image_section){reg->pool, reg->pool_len};
	sect[SECT_STATE] = (struct image_section){reg->state, STATE_BYTES};
	sect[SECT_COVER_OFF] = (struct image_section){reg->cover_off, COVER_OFF_BYTES};
	sect[SECT_COVER] = (struct image_section){reg->cover, m->ncover * sizeof(*reg->cover)};
	sect[SECT_BY_NAME] = (struct image_section){by_name, nby_name * sizeof(*by_name)};
	sect[SECT_SKIP_WHY] = (struct image_section){why, strlen(why) + 1};
	return 0;
}

int regimage_write(struct registry *reg, const char *path, const struct image_key *key)
{
	struct regimage_meta m;
	struct image_section sect[SECT_COUNT];
	if (regimage_sections(reg, &m, sect) < 0)
		return -1;
	return image_write(path, IMAGE_REGISTRY, key, sect, SECT_COUNT);
}

void *regimage_build(struct registry *reg, const struct image_key *key, size_t *len)
{
	struct regimage_meta m;
	struct image_section sect[SECT_COUNT];
	if (regimage_sections(reg, &m, sect) < 0)
		return NULL;
	return image_build(IMAGE_REGISTRY, key, sect, SECT_COUNT, len);
}

/* The checks below run over every byte of a 3 MiB image on each start,
 * so they use SSE2 (every x86-64 has it) where the compiler targets it. */
#ifdef __SSE2__
#include <emmintrin.h>
#define U32_SIGN 0x80000000u

/* The largest byte of v[0..n). */
static uint8_t regimage_max_u8(const uint8_t *v, size_t n)
{
	__m128i m = _mm_setzero_si128();
	size_t i = 0;
	for (; i + 16 <= n; i += 16)
		m = _mm_max_epu8(m, _mm_loadu_si128((const __m128i *)(v + i)));
	uint8_t lanes[16], top = 0;
	_mm_storeu_si128((__m128i *)lanes, m);
	for (int k = 0; k < 16; k++)
		top = lanes[k] > top ? lanes[k] : top;
	for (; i < n; i++)
		top = v[i] > top ? v[i] : top;
	return top;
}

/* Lanes of x not below limit (unsigned), as all-ones lanes. */
static __m128i regimage_not_below(__m128i x, __m128i limit_biased)
{
	return _mm_cmpgt_epi32(_mm_xor_si128(x, _mm_set1_epi32((int)U32_SIGN)), limit_biased);
}

/* (limit - 1) biased for regimage_not_below(); limit >= 1. */
static __m128i regimage_bias(uint32_t limit)
{
	return _mm_set1_epi32((int)((limit - 1) ^ U32_SIGN));
}

static bool regimage_any(__m128i bad)
{
	return _mm_movemask_epi8(bad) != 0;
}
#endif

/* Every state below STATE_COUNT? */
static bool regimage_states_ok(const uint8_t *v, size_t n)
{
#ifdef __SSE2__
	return regimage_max_u8(v, n) < STATE_COUNT;
#else
	uint8_t bad = 0;
	for (size_t i = 0; i < n; i++)
		bad |= v[i] >= STATE_COUNT;
	return !bad;
#endif
}

/* Every value below limit? */
static bool regimage_u32_below(const uint32_t *v, size_t n, uint64_t limit)
{
	if (limit > UINT32_MAX)
		return true;
	if (limit == 0)
		return n == 0;
	size_t i = 0;
	uint32_t bad = 0;
#ifdef __SSE2__
	__m128i lim = regimage_bias((uint32_t)limit), acc = _mm_setzero_si128();
	for (; i + 4 <= n; i += 4)
		acc = _mm_or_si128(
			acc, regimage_not_below(_mm_loadu_si128((const __m128i *)(v + i)), lim));
	bad = regimage_any(acc);
#endif
	for (; i < n; i++)
		bad |= v[i] >= limit;
	return !bad;
}

/* Is each record's port range empty (PORT_NONE both) or inside 0..65535,
 * and are its enums ones it may hold? */
static bool regimage_record_ok(const struct record *r)
{
	bool none = r->port_lo == PORT_NONE && r->port_hi == PORT_NONE;
	unsigned ports_bad = (r->port_lo < 0) | (r->port_lo > r->port_hi) | (r->port_hi > PORT_MAX);
	return !((unsigned)(r->transport > TRANSPORT_NONE) | (r->state >= STATE_COUNT) |
		 (none ? 0u : ports_bad));
}

/* Does every record point inside the pool and hold values it may hold? */
static bool regimage_records_ok(const struct record *rec, size_t n, uint64_t pool_len)
{
	unsigned bad = 0;
	size_t i = 0;
#ifdef __SSE2__
	_Static_assert(offsetof(struct record, field) == 0 && FIELD_COUNT == 12,
		       "the fields are the first three 16-byte lanes of a record");
	__m128i lim = regimage_bias((uint32_t)pool_len), acc = _mm_setzero_si128();
	for (; i < n; i++) {
		const __m128i *f = (const __m128i *)rec[i].field;
		acc = _mm_or_si128(acc, regimage_not_below(_mm_loadu_si128(f), lim));
		acc = _mm_or_si128(acc, regimage_not_below(_mm_loadu_si128(f + 1), lim));
		acc = _mm_or_si128(acc, regimage_not_below(_mm_loadu_si128(f + 2), lim));
		bad |= !regimage_record_ok(&rec[i]);
	}
	bad |= regimage_any(acc);
#endif
	for (; i < n; i++)
		bad |= !regimage_u32_below(rec[i].field, FIELD_COUNT, pool_len) ||
		       !regimage_record_ok(&rec[i]);
	return !bad;
}

/* Do the cover offsets rise from 0 to ncover, and the entries name records? */
static bool regimage_cover_ok(const uint32_t *off, const uint32_t *cover, uint64_t ncover,
			      uint64_t nrec)
{
	if (off[0] != 0 || off[PORT_COUNT] != ncover ||
	    !regimage_u32_below(off, PORT_COUNT + 1, ncover + 1))
		return false;
	unsigned p = 0;
#ifdef __SSE2__
	/* every offset is at most ncover <= COVER_MAX < 2^31: signed compares */
	__m128i acc = _mm_setzero_si128();
	for (; p + 4 <= PORT_COUNT; p += 4)
		acc = _mm_or_si128(
			acc, _mm_cmpgt_epi32(_mm_loadu_si128((const __m128i *)(off + p)),
					     _mm_loadu_si128((const __m128i *)(off + p + 1))));
	if (regimage_any(acc))
		return false;
#endif
	for (; p < PORT_COUNT; p++)
		if (off[p] > off[p + 1])
			return false;
	return regimage_u32_below(cover, (size_t)ncover, nrec);
}

/* Are the sections the sizes the meta section says, and their contents
 * sane (as far as mode reads them: regimage_prepare_*() check the rest)? */
static bool regimage_ok(const struct image *img, const struct regimage_meta *m,
			enum source_kind kind, enum regimage_mode mode)
{
	const struct image_section *s = img->sect;
	const char *pool = s[SECT_POOL].data, *why = s[SECT_SKIP_WHY].data;
	if (m->kind != (uint32_t)kind || m->record_size != sizeof(struct record) ||
	    m->nrec > UINT32_MAX || m->ncover > COVER_MAX || m->nby_name > m->nrec ||
	    m->pool_len == 0 || m->pool_len > UINT32_MAX ||
	    !memchr(m->date, '\0', sizeof(m->date)) || strlen(m->date) > 10)
		return false;
	if (s[SECT_RECORDS].len != m->nrec * sizeof(struct record) ||
	    s[SECT_POOL].len != m->pool_len || s[SECT_STATE].len != STATE_BYTES ||
	    s[SECT_COVER_OFF].len != COVER_OFF_BYTES ||
	    s[SECT_COVER].len != m->ncover * sizeof(uint32_t) ||
	    s[SECT_BY_NAME].len != m->nby_name * sizeof(uint32_t) || s[SECT_SKIP_WHY].len == 0 ||
	    why[s[SECT_SKIP_WHY].len - 1] != '\0')
		return false;
	if (mode == REGIMAGE_LAZY)
		return true; /* the rest is checked as it is reached */
	if (!regimage_states_ok(s[SECT_STATE].data, STATE_BYTES))
		return false;
	if (mode == REGIMAGE_COUNTS)
		return true; /* the rest is never read, so never checked */
	return pool[0] == '\0' && pool[m->pool_len - 1] == '\0' &&
	       regimage_cover_ok(s[SECT_COVER_OFF].data, s[SECT_COVER].data, m->ncover, m->nrec) &&
	       regimage_u32_below(s[SECT_BY_NAME].data, (size_t)m->nby_name, m->nrec) &&
	       regimage_records_ok(s[SECT_RECORDS].data, (size_t)m->nrec, m->pool_len);
}

/* The pool of a registry without its records: the empty string. */
static char regimage_no_pool[1];

/* Leave the records, pool and indexes out (see regimage_defer()). */
static void regimage_counts_only(struct registry *reg)
{
	reg->counts_only = true;
	reg->rec = NULL;
	reg->rec_cap = 0;
	reg->pool = regimage_no_pool;
	reg->pool_len = reg->pool_cap = 1;
	reg->cover_off = reg->cover = reg->by_name = NULL;
	reg->ncover = reg->nby_name = 0;
}

/* Point reg's arrays at the image's sections. */
static void regimage_attach(struct registry *reg, const struct image *img,
			    const struct regimage_meta *m)
{
	const struct image_section *s = img->sect;
	reg->rec = (struct record *)s[SECT_RECORDS].data;
	reg->nrec = reg->rec_cap = (size_t)m->nrec;
	reg->pool = (char *)s[SECT_POOL].data;
	reg->pool_len = reg->pool_cap = (size_t)m->pool_len;
	reg->state = (uint8_t(*)[PORT_COUNT])s[SECT_STATE].data;
	reg->cover_off = (uint32_t *)s[SECT_COVER_OFF].data;
	reg->cover = (uint32_t *)s[SECT_COVER].data;
	reg->ncover = (size_t)m->ncover;
	reg->by_name = (uint32_t *)s[SECT_BY_NAME].data;
	reg->nby_name = (size_t)m->nby_name;
	reg->kind = (enum source_kind)m->kind;
	memcpy(reg->date, m->date, sizeof(reg->date));
	reg->date[sizeof(reg->date) - 1] = '\0';
	reg->hidden_names = (size_t)m->hidden_names;
	reg->hidden_first_line = (unsigned long)m->hidden_first_line;
	reg->utf8_fixed = (size_t)m->utf8_fixed;
	reg->utf8_first_line = (unsigned long)m->utf8_first_line;
	reg->skipped.n = (size_t)m->skipped_n;
	reg->skipped.line = (unsigned long)m->skipped_line;
}

unsigned regimage_defer(enum regimage_mode mode)
{
	unsigned records = 1u << SECT_RECORDS | 1u << SECT_POOL | 1u << SECT_COVER_OFF |
			   1u << SECT_COVER | 1u << SECT_BY_NAME;
	return mode == REGIMAGE_LAZY	 ? records | 1u << SECT_STATE
	       : mode == REGIMAGE_COUNTS ? records
					 : 0;
}

/* Verify the checksums image_open() left for later that mode reads whole. */
static bool regimage_verified(struct image *img, enum regimage_mode mode)
{
	unsigned rest = regimage_defer(REGIMAGE_LAZY) & ~regimage_defer(mode);
	for (size_t i = 0; i < SECT_COUNT; i++)
		if ((rest & (1u << i)) && image_verify(img, i) < 0)
			return false;
	return true;
}

struct registry *regimage_from(struct image *img, enum source_kind kind, enum regimage_mode mode)
{
	struct regimage_meta m;
	if (img->nsect != SECT_COUNT || img->sect[SECT_META].len != sizeof(m) ||
	    image_verify(img, SECT_META) < 0 || image_verify(img, SECT_SKIP_WHY) < 0 ||
	    !regimage_verified(img, mode))
		return NULL;
	memcpy(&m, img->sect[SECT_META].data, sizeof(m));
	if (!regimage_ok(img, &m, kind, mode))
		return NULL;
	struct registry *reg = calloc(1, sizeof(*reg));
	const char *why = img->sect[SECT_SKIP_WHY].data;
	if (!reg || !(reg->image = image_keep(img)) ||
	    (*why && !(reg->skipped.why = strdup(why)))) {
		registry_free(reg);
		return NULL;
	}
	regimage_attach(reg, reg->image, &m);
	if (mode == REGIMAGE_COUNTS)
		regimage_counts_only(reg);
	reg->lazy = mode == REGIMAGE_LAZY;
	reg->source_label = "IANA registry";
	return reg;
}

struct registry *regimage_adopt(struct image *img, enum source_kind kind, enum regimage_mode mode)
{
	struct registry *reg = regimage_from(img, kind, mode);
	image_hand_over(img, reg ? reg->image : NULL); /* registry_free() unmaps it */
	return reg;
}

/* Check record i of a lazy registry and every string it points to, as
 * regimage_records_ok() does for all of them. */
static int regimage_prepare_record(struct registry *reg, uint32_t i)
{
	struct image *img = reg->image;
	if (i >= reg->nrec ||
	    image_verify_range(img, SECT_RECORDS, (uint64_t)i * sizeof(struct record),
			       sizeof(struct record)) < 0 ||
	    !regimage_record_ok(&reg->rec[i]))
		return -1;
	for (int f = 0; f < FIELD_COUNT; f++)
		if (reg->rec[i].field[f] >= reg->pool_len ||
		    image_verify_str(img, SECT_POOL, reg->rec[i].field[f]) < 0)
			return -1;
	return 0;
}

int registry_prepare_port(struct registry *reg, unsigned port)
{
	if (!reg->lazy || port > PORT_MAX)
		return 0;
	struct image *img = reg->image;
	for (size_t t = 0; t <= TRANSPORT_ANY; t++)
		if (image_verify_range(img, SECT_STATE, t * PORT_COUNT + port, 1) < 0 ||
		    reg->state[t][port] >= STATE_COUNT)
			return -1;
	if (image_verify_range(img, SECT_COVER_OFF, (uint64_t)port * sizeof(uint32_t),
			       2 * sizeof(uint32_t)) < 0)
		return -1;
	uint32_t lo = reg->cover_off[port], hi = reg->cover_off[port + 1];
	if (lo > hi || hi > reg->ncover ||
	    image_verify_range(img, SECT_COVER, (uint64_t)lo * sizeof(uint32_t),
			       (uint64_t)(hi - lo) * sizeof(uint32_t)) < 0)
		return -1;
	for (uint32_t k = lo; k < hi; k++)
		if (regimage_prepare_record(reg, reg->cover[k]) < 0)
			return -1;
	return 0;
}

int regimage_name_ok(struct registry *reg, size_t k)
{
	return image_verify_range(reg->image, SECT_BY_NAME, (uint64_t)k * sizeof(uint32_t),
				  sizeof(uint32_t)) < 0 ||
			       regimage_prepare_record(reg, reg->by_name[k]) < 0
		       ? -1
		       : 0;
}

int registry_prepare_name(struct registry *reg, const char *name)
{
	const uint32_t *idx;
	size_t n;
	return reg->lazy ? registry_lookup_name(reg, name, &idx, &n) : 0;
}
