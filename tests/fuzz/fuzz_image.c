/* SPDX-License-Identifier: MIT */
/* fuzz_image.c: libFuzzer target for the compiled-image loaders
 * (src/image.c, src/regimage.c, src/portnames.c). Byte 0 picks the mode:
 *   0: the rest is an image file as is: it is refused unless it checks,
 *      and if it does, loads or is refused whole;
 *   1, 2: the rest edits a good registry (1) or services (2) image built
 *      here from a small source: 5-byte steps (offset, 4 bytes LE, then a
 *      byte to XOR there), and when the step count is odd the image is also
 *      cut at the last offset; the image is then sealed again (size and
 *      checksum made right), so it is the loader's own checks that must
 *      refuse what is wrong.
 * A loaded image must be safe to use: every record's fields, every port's
 * cover and names and the name index are walked (ASan checks each read).
 * A damaged image (1, 2) is refused, or it answers as the parse of the
 * source wherever its bytes are the good image's: the reference (the
 * parse, the good images, their whole loads) is built once per process and
 * checked port by port against the parse; each damaged image's per-port
 * rows are compared with the good image's, and the walk visits the ports
 * whose bytes differ, the covered ones when records changed, and a fixed
 * sample, which must answer as the parse does where undamaged. An image
 * whose sections moved, a cut one and a raw one (0) are walked whole. */
#include <config.h>

#include "fuzz_check.h"
#include "image.h"
#include "loader.h"
#include "portnames.h"
#include "regimage.h"

static const char fuzz_csv[] =
	"Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
	"Registration Date,Modification Date,Reference,Service Code,"
	"Unauthorized Use Reported,Assignment Notes\n"
	"ssh,22,tcp,The Secure Shell (SSH) Protocol,,,,,[RFC4251],,,\n"
	"http,80,tcp,World Wide Web HTTP,[IESG],[IETF_Chair],,2021-10-01,[RFC9110],,,\n"
	",100-200,udp,Unassigned,,,,,,,,\n"
	"x11,6000-6063,tcp,X Window System,,,,,,,,\"multi\nline\"\n"
	"kerberos,88,,Reserved,,,,,,,,\n";
static const char fuzz_services[] =
	"ssh\t22/tcp\t0.182286\t# Secure Shell\nhttp\t80/tcp\twww\nbad line\n"
	"x11\t6000-6003/tcp\ny\t7/udp/sctp\n";

/* The reference, built once per process (fuzz_ref()): the sources
 * parsed, their good images and those images loaded whole (kept, pointing
 * into ref.img), checked at the start against the parse port by port. */
static struct {
	bool ready;
	struct registry *parsed, *reg; /* from the CSV; from its image */
	struct portnames *pparsed, *pn;
	uint8_t *img[3];  /* the good images of modes 1 and 2 (IMAGE_ALIGN) */
	uint8_t *work[3]; /* as big: the damaged copy (fresh pages cost more) */
	size_t len[3];
	unsigned busy[PORT_COUNT]; /* the ports the parse covers with records */
	size_t nbusy;
} ref;

/* What a damaged image was made from: good, the good image its bytes
 * came from (same length), and buf, the damaged copy. Ports are grouped
 * by FUZZ_GROUP: dirty[g] is set when a byte that answers a port of group g
 * differs from good; every other port's bytes are good's, and so are its
 * answers (good's were checked against the parse). */
#define FUZZ_GROUP 8

/* The sample of ports a damaged image's walk compares with the parse
 * (beside those the damage can reach): 0-31, then every 251st. */
static unsigned fuzz_sample_next(unsigned p)
{
	return p < 32 ? p + 1 : p + 251;
}
struct fuzz_damage {
	const uint8_t *buf, *good;
	size_t len;
	uint8_t dirty[PORT_COUNT / FUZZ_GROUP];
};

/* p, a pointer into d->buf of n bytes, as the same bytes of d->good; NULL
 * when it does not point there. */
static const uint8_t *fuzz_good_of(const struct fuzz_damage *d, const void *p, size_t n)
{
	const uint8_t *q = p;
	if (!q || q < d->buf || n > d->len || (size_t)(q - d->buf) > d->len - n)
		return NULL;
	return d->good + (q - d->buf);
}

/* Mark the groups of the ports whose bytes in [lo, hi) of the row a
 * (bytes_per_port bytes a port, or 1 / ports_per_byte) differ from b;
 * cover_off rows also mark the port before (entry i ends port i - 1). */
static void fuzz_diff(struct fuzz_damage *d, const uint8_t *a, const uint8_t *b, size_t lo,
		      size_t hi, size_t num, size_t den, bool ends_before)
{
	if (lo >= hi || memcmp(a + lo, b + lo, hi - lo) == 0)
		return;
	if (hi - lo > FUZZ_GROUP) {
		size_t mid = lo + (hi - lo) / 2;
		fuzz_diff(d, a, b, lo, mid, num, den, ends_before);
		fuzz_diff(d, a, b, mid, hi, num, den, ends_before);
		return;
	}
	/* byte k answers ports k * den / num .. ((k + 1) * den - 1) / num */
	size_t first = lo * den / num, last = ((hi - 1) * den + den - 1) / num;
	if (ends_before && first > 0)
		first--;
	for (size_t p = first; p <= last && p < PORT_COUNT; p++)
		d->dirty[p / FUZZ_GROUP] = 1;
}

/* p of the damaged image sits where q sits in the good image base, the
 * one d came from: the bytes compared are the same part of both. */
static bool fuzz_placed(const struct fuzz_damage *d, const void *p, const void *q,
			const uint8_t *base)
{
	return d->good == base && (const uint8_t *)p - d->buf == (const uint8_t *)q - base;
}

/* Every index invariant and field of port p of a loaded registry. */
static void fuzz_walk_port(const struct registry *reg, unsigned p)
{
	const uint32_t *idx;
	size_t n = registry_records_at(reg, p, &idx);
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT(idx[i] < reg->nrec, "cover index past the records");
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		FUZZ_ASSERT(registry_state(reg, p, (enum transport)t) < STATE_COUNT, "bad state");
}

/* Port p answers the same in a and b: states and covering records. */
static void fuzz_same_port(const struct registry *a, const struct registry *b, unsigned p)
{
	const uint32_t *x, *y;
	size_t n = registry_records_at(a, p, &x);
	FUZZ_ASSERT(n == registry_records_at(b, p, &y) && (!n || !memcmp(x, y, n * sizeof(*x))),
		    "a port's records differ from the parse");
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		FUZZ_ASSERT(registry_state(a, p, (enum transport)t) ==
				    registry_state(b, p, (enum transport)t),
			    "a port's state differs from the parse");
}

/* Mark in d the ports of reg whose bytes differ from the good image's;
 * *same: its cover entries, records and pool are the good image's. False (nothing to
 * compare with) when the sections are not where the good image has them.
 * Reads only the rows regimage_from() checked the lengths of. */
static bool fuzz_registry_damage(const struct registry *reg, struct fuzz_damage *d, bool *same)
{
	const uint8_t *base = ref.img[1];
	*same = false;
	if (!d || !fuzz_placed(d, reg->state, ref.reg->state, base) ||
	    (reg->cover_off && !fuzz_placed(d, reg->cover_off, ref.reg->cover_off, base)))
		return false;
	for (int t = 0; t <= TRANSPORT_ANY; t++) {
		const uint8_t *good = fuzz_good_of(d, reg->state[t], PORT_COUNT);
		FUZZ_ASSERT(good, "a state row outside the image");
		fuzz_diff(d, reg->state[t], good, 0, PORT_COUNT, 1, 1, false);
	}
	if (reg->cover_off) {
		const size_t off_bytes = (PORT_COUNT + 1) * sizeof(uint32_t);
		const uint8_t *good = fuzz_good_of(d, reg->cover_off, off_bytes);
		FUZZ_ASSERT(good, "the cover offsets outside the image");
		fuzz_diff(d, (const uint8_t *)reg->cover_off, good, 0, off_bytes, sizeof(uint32_t),
			  1, true);
		const uint8_t *cover = fuzz_good_of(d, reg->cover, reg->ncover * sizeof(uint32_t));
		const uint8_t *rec = fuzz_good_of(d, reg->rec, reg->nrec * sizeof(*reg->rec));
		const uint8_t *pool = fuzz_good_of(d, reg->pool, reg->pool_len);
		*same = reg->ncover == ref.reg->ncover && reg->nrec == ref.reg->nrec &&
			reg->pool_len == ref.reg->pool_len && cover && rec && pool &&
			fuzz_placed(d, reg->cover, ref.reg->cover, base) &&
			fuzz_placed(d, reg->rec, ref.reg->rec, base) &&
			fuzz_placed(d, reg->pool, ref.reg->pool, base) &&
			!memcmp(reg->cover, cover, reg->ncover * sizeof(uint32_t)) &&
			!memcmp(reg->rec, rec, reg->nrec * sizeof(*reg->rec)) &&
			!memcmp(reg->pool, pool, reg->pool_len);
	}
	return true;
}

/* The ports of reg the walk must visit given the damage d: the dirty
 * groups (from the state and cover offset rows), the ports the parse
 * covers with records, the sample, which also answers as the parse does
 * where undamaged. NULL d: all of them. */
static void fuzz_walk_ports(const struct registry *reg, struct fuzz_damage *d)
{
	bool same;
	if (!fuzz_registry_damage(reg, d, &same)) {
		for (unsigned p = 0; p < PORT_COUNT; p++)
			fuzz_walk_port(reg, p);
		return;
	}
	for (size_t k = 0; reg->cover_off && k < reg->ncover; k++)
		FUZZ_ASSERT(reg->cover[k] < reg->nrec, "cover index past the records");
	for (size_t i = 0; !same && i < ref.nbusy; i++)
		fuzz_walk_port(reg, ref.busy[i]);
	for (size_t g = 0; g < PORT_COUNT / FUZZ_GROUP; g++)
		for (unsigned p = g * FUZZ_GROUP; d->dirty[g] && p < (g + 1) * FUZZ_GROUP; p++)
			fuzz_walk_port(reg, p);
	for (unsigned p = 0; p < PORT_COUNT; p = fuzz_sample_next(p)) {
		fuzz_walk_port(reg, p);
		if (d->dirty[p / FUZZ_GROUP])
			continue;
		for (int t = 0; t <= TRANSPORT_ANY; t++)
			FUZZ_ASSERT(registry_state(reg, p, (enum transport)t) ==
					    registry_state(ref.parsed, p, (enum transport)t),
				    "an undamaged port's state differs from the parse");
		if (same && !reg->counts_only)
			fuzz_same_port(reg, ref.parsed, p);
	}
}

/* Walk everything a loaded registry lets a caller reach: every record,
 * the ports (all of them, or those damage d can have changed and the
 * sample), the name index. */
static void fuzz_walk_registry(struct registry *reg, struct fuzz_damage *d)
{
	volatile size_t sink = 0;
	for (size_t i = 0; !reg->counts_only && i < reg->nrec; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			sink += strlen(registry_field(reg, &reg->rec[i], (enum field)f));
	fuzz_walk_ports(reg, d);
	const uint32_t *names;
	size_t n;
	FUZZ_ASSERT(registry_named_records(reg, &names, &n) == 0, "no name index");
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(names[i] < reg->nrec, "name index past the records");
		const uint32_t *hit;
		const char *name = registry_field(reg, &reg->rec[names[i]], FIELD_SERVICE);
		size_t k = registry_find_service(reg, name, &hit);
		for (size_t j = 0; j < k; j++)
			FUZZ_ASSERT(hit[j] < reg->nrec, "a found name past the records");
	}
	(void)sink;
}

/* Port p of a lazy registry once registry_prepare_port() has checked it. */
static void fuzz_lazy_port(struct registry *reg, unsigned p)
{
	volatile size_t sink = 0;
	if (registry_prepare_port(reg, p) < 0)
		return;
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		FUZZ_ASSERT(registry_state(reg, p, (enum transport)t) < STATE_COUNT, "bad state");
	const uint32_t *idx;
	size_t n = registry_records_at(reg, p, &idx);
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			sink += strlen(registry_field(reg, &reg->rec[idx[i]], (enum field)f));
	(void)sink;
}

/* Walk what a lazy registry lets a caller reach: a port or a name once
 * registry_prepare_*() has checked it; the ports 0-255 and every 97th, or
 * (damage d) those it can have changed, the parse's covered ones and the
 * sample. */
static void fuzz_walk_lazy(struct registry *reg, struct fuzz_damage *d)
{
	static const char *const names[] = {"ssh", "HTTP", "x11", "kerberos", "", "zz"};
	volatile size_t sink = 0;
	bool same;
	if (!fuzz_registry_damage(reg, d, &same)) {
		for (unsigned p = 0; p < PORT_COUNT; p += p < 256 ? 1 : 97)
			fuzz_lazy_port(reg, p);
	} else {
		for (size_t i = 0; !same && i < ref.nbusy; i++)
			fuzz_lazy_port(reg, ref.busy[i]);
		for (size_t g = 0; g < PORT_COUNT / FUZZ_GROUP; g++)
			for (unsigned p = g * FUZZ_GROUP; d->dirty[g] && p < (g + 1) * FUZZ_GROUP;
			     p++)
				fuzz_lazy_port(reg, p);
		for (unsigned p = 0; p < PORT_COUNT; p = fuzz_sample_next(p))
			fuzz_lazy_port(reg, p);
	}
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (registry_prepare_name(reg, names[k]) < 0)
			continue;
		const uint32_t *hit;
		size_t n = registry_find_service(reg, names[k], &hit);
		for (size_t j = 0; j < n; j++)
			for (int f = 0; f < FIELD_COUNT; f++)
				sink += strlen(
					registry_field(reg, &reg->rec[hit[j]], (enum field)f));
	}
	(void)sink;
}

/* Everything port p of a loaded services set answers. */
static void fuzz_walk_portname(const struct portnames *pn, unsigned p)
{
	volatile size_t sink = 0;
	const struct portname *e;
	size_t n = portnames_at(pn, p, &e);
	for (size_t i = 0; i < n; i++)
		sink += strlen(portnames_str(pn, &e[i])) + e[i].port;
	sink += portnames_has(pn, p, TRANSPORT_ANY);
	const char *name = portnames_name(pn, p, TRANSPORT_ANY);
	sink += name ? strlen(name) : 0;
	sink += portnames_frequency(pn, p, TRANSPORT_TCP) > 0;
	(void)sink;
}

/* Port p of a and b answers the same. */
static void fuzz_same_portname(const struct portnames *a, const struct portnames *b, unsigned p)
{
	const struct portname *x, *y;
	size_t n = portnames_at(a, p, &x);
	FUZZ_ASSERT(n == portnames_at(b, p, &y), "a port's names differ from the parse");
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT(x[i].port == y[i].port && x[i].transport == y[i].transport &&
				    !strcmp(portnames_str(a, &x[i]), portnames_str(b, &y[i])),
			    "a port's name differs from the parse");
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		FUZZ_ASSERT(portnames_has(a, p, (enum transport)t) ==
				    portnames_has(b, p, (enum transport)t),
			    "a port's names differ from the parse");
}

/* Walk everything a loaded services set lets a caller reach: every port,
 * or (damage d) the ports of its entries and the parse's, those whose
 * bits d can have changed, and the sample. */
static void fuzz_walk_portnames(const struct portnames *pn, struct fuzz_damage *d)
{
	const uint8_t *base = ref.img[2];
	if (d && (!pn->has || !fuzz_placed(d, pn->has, ref.pn->has, base) ||
		  !fuzz_placed(d, pn->e, ref.pn->e, base) ||
		  !fuzz_placed(d, pn->pool, ref.pn->pool, base)))
		d = NULL; /* the sections moved: nothing to compare with */
	if (!d) {
		for (unsigned p = 0; p < PORT_COUNT; p++)
			fuzz_walk_portname(pn, p);
		return;
	}
	for (int t = 0; pn->has && t < TRANSPORT_REAL; t++) {
		const uint8_t *good = fuzz_good_of(d, pn->has->bits[t], PORT_COUNT / 8);
		FUZZ_ASSERT(good, "a bit row outside the image");
		fuzz_diff(d, pn->has->bits[t], good, 0, PORT_COUNT / 8, 1, 8, false);
	}
	const uint8_t *e = fuzz_good_of(d, pn->e, pn->n * sizeof(*pn->e));
	const uint8_t *pool = fuzz_good_of(d, pn->pool, pn->pool_len);
	bool same = pn->n == ref.pn->n && pn->pool_len == ref.pn->pool_len && e && pool &&
		    !memcmp(pn->e, e, pn->n * sizeof(*pn->e)) &&
		    !memcmp(pn->pool, pool, pn->pool_len);
	for (size_t i = 0; i < pn->n; i++)
		fuzz_walk_portname(pn, pn->e[i].port);
	for (size_t i = 0; i < ref.pn->n; i++)
		fuzz_walk_portname(pn, ref.pn->e[i].port);
	for (size_t g = 0; g < PORT_COUNT / FUZZ_GROUP; g++)
		for (unsigned p = g * FUZZ_GROUP; d->dirty[g] && p < (g + 1) * FUZZ_GROUP; p++)
			fuzz_walk_portname(pn, p);
	for (unsigned p = 0; p < PORT_COUNT; p = fuzz_sample_next(p)) {
		if (same && !d->dirty[p / FUZZ_GROUP])
			fuzz_same_portname(pn, ref.pparsed, p); /* reads what a walk does */
		else
			fuzz_walk_portname(pn, p);
	}
}

/* Port p of a lazy services set once portnames_prepare_port() has
 * checked it. */
static void fuzz_lazy_name(struct portnames *pn, unsigned p)
{
	volatile size_t sink = 0;
	const struct portname *e;
	size_t n = portnames_prepare_port(pn, p) == 0 ? portnames_at(pn, p, &e) : 0;
	for (size_t i = 0; i < n; i++)
		sink += strlen(portnames_str(pn, &e[i])) + portnames_has(pn, p, e[i].transport);
	(void)sink;
}

/* Walk what a lazy services set lets a caller reach: the ports 0-255 and
 * every 97th, or (damage d) the ports its entries and the parse's name
 * and the sample (no other port has an entry to check). */
static void fuzz_walk_lazy_names(struct portnames *pn, const struct fuzz_damage *d)
{
	const uint8_t *base = ref.img[2];
	if (!d || !fuzz_placed(d, pn->e, ref.pn->e, base)) {
		for (unsigned p = 0; p < PORT_COUNT; p += p < 256 ? 1 : 97)
			fuzz_lazy_name(pn, p);
		return;
	}
	for (size_t i = 0; i < pn->n; i++) /* read raw: the length was checked */
		fuzz_lazy_name(pn, pn->e[i].port);
	for (size_t i = 0; i < ref.pn->n; i++)
		fuzz_lazy_name(pn, ref.pn->e[i].port);
	for (unsigned p = 0; p < PORT_COUNT; p = fuzz_sample_next(p))
		fuzz_lazy_name(pn, p);
}

/* An IMAGE_ALIGN buffer with a copy of len bytes of data. */
static uint8_t *fuzz_aligned_copy(const void *data, size_t len)
{
	uint8_t *buf = aligned_alloc(IMAGE_ALIGN, (len + IMAGE_ALIGN) / IMAGE_ALIGN * IMAGE_ALIGN);
	if (buf)
		memcpy(buf, data, len);
	return buf;
}

/* Check and load the image in buf (IMAGE_ALIGN); how many of the two
 * loaders took it. With good (the image is a damaged copy of that good
 * image, of the same length), the walks visit what the damage can reach
 * and a sample; without, everything. */
static int fuzz_load(uint8_t *buf, size_t len, const uint8_t *good)
{
	int loaded = 0;
	struct fuzz_damage damage = {buf, good, len, {0}}, *d = good ? &damage : NULL;
	struct image img;
	struct image_key key;
	if (image_check(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS, &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_WHOLE);
		if (reg)
			fuzz_walk_registry(reg, d), loaded++;
		registry_free(reg);
	}
	/* counts only: the records and indexes are left out, never read */
	if (image_check_some(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS,
			     regimage_defer(REGIMAGE_COUNTS), &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_COUNTS);
		if (reg) {
			FUZZ_ASSERT(reg->counts_only && !reg->rec && !reg->cover_off,
				    "records kept");
			fuzz_walk_registry(reg, d);
		}
		registry_free(reg);
	}
	/* lazily: only the meta data up front, the rest as it is reached */
	if (image_check_some(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS,
			     regimage_defer(REGIMAGE_LAZY), &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_LAZY);
		if (reg)
			fuzz_walk_lazy(reg, d);
		registry_free(reg);
	}
	if (image_check_some(buf, len, IMAGE_PORTNAMES, &key, PORTNAMES_IMAGE_SECTIONS, 0x7u << 1,
			     &img) == 0) {
		struct portnames *pn = portnames_from_image(&img, "fuzz", true);
		if (pn)
			fuzz_walk_lazy_names(pn, d);
		portnames_free(pn);
	}
	if (image_check(buf, len, IMAGE_PORTNAMES, &key, PORTNAMES_IMAGE_SECTIONS, &img) == 0) {
		struct portnames *pn = portnames_from_image(&img, "fuzz", false);
		if (pn)
			fuzz_walk_portnames(pn, d), loaded++;
		portnames_free(pn);
	}
	return loaded;
}

/* A good image of the small registry (1) or services file (2), in an
 * IMAGE_ALIGN buffer; the parse it was built from in *reg or *pn. */
static void *fuzz_good_image(int mode, size_t *len, struct registry **parsed,
			     struct portnames **pparsed)
{
	struct image_key key = {1, 2, 3, 4, 5, 6};
	struct ps_error err = PS_ERROR_INIT;
	void *img = NULL;
	if (mode == 1) {
		struct registry *reg = registry_new();
		if (reg &&
		    iana_csv_loader.load_mem(reg, fuzz_csv, sizeof(fuzz_csv) - 1, "fuzz", &err) ==
			    0 &&
		    registry_finish(reg, &err) == 0)
			img = regimage_build(reg, &key, len);
		*parsed = reg;
	} else {
		struct portnames *pn =
			portnames_load_mem(fuzz_services, sizeof(fuzz_services) - 1, "fuzz", &err);
		if (pn)
			img = portnames_image_build(pn, &key, len);
		*pparsed = pn;
	}
	error_clear(&err);
	FUZZ_ASSERT(img, "no good image");
	void *copy = fuzz_aligned_copy(img, *len);
	FUZZ_ASSERT(copy, "out of memory");
	free(img);
	return copy;
}

/* Build the reference once: both good images load (walked whole), and
 * loaded whole they answer every port as the parse does. */
static void fuzz_ref(void)
{
	if (ref.ready)
		return;
	ref.img[1] = fuzz_good_image(1, &ref.len[1], &ref.parsed, NULL);
	ref.img[2] = fuzz_good_image(2, &ref.len[2], NULL, &ref.pparsed);
	for (int m = 1; m <= 2; m++) {
		uint8_t *copy = fuzz_aligned_copy(ref.img[m], ref.len[m]);
		FUZZ_ASSERT(copy && fuzz_load(copy, ref.len[m], NULL) == 1,
			    "a good image does not load");
		free(copy);
		ref.work[m] = fuzz_aligned_copy(ref.img[m], ref.len[m]);
		FUZZ_ASSERT(ref.work[m], "out of memory");
	}
	struct image img;
	struct image_key key;
	FUZZ_ASSERT(image_check(ref.img[1], ref.len[1], IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS,
				&img) == 0 &&
			    (ref.reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_WHOLE)),
		    "the good registry image does not load");
	FUZZ_ASSERT(image_check(ref.img[2], ref.len[2], IMAGE_PORTNAMES, &key,
				PORTNAMES_IMAGE_SECTIONS, &img) == 0 &&
			    (ref.pn = portnames_from_image(&img, "fuzz", false)),
		    "the good services image does not load");
	FUZZ_ASSERT(ref.reg->nrec == ref.parsed->nrec, "records lost");
	for (size_t i = 0; i < ref.reg->nrec; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			FUZZ_ASSERT(
				!strcmp(registry_field(ref.reg, &ref.reg->rec[i], (enum field)f),
					registry_field(ref.parsed, &ref.parsed->rec[i],
						       (enum field)f)),
				"a field differs from the parse");
	for (unsigned p = 0; p < PORT_COUNT; p++) {
		const uint32_t *idx;
		fuzz_same_port(ref.reg, ref.parsed, p);
		fuzz_same_portname(ref.pn, ref.pparsed, p);
		if (registry_records_at(ref.parsed, p, &idx))
			ref.busy[ref.nbusy++] = p;
	}
	ref.ready = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || !image_enabled())
		return 0;
	if (data[0] % 3 == 0) {
		uint8_t *buf = fuzz_aligned_copy(data + 1, size - 1);
		if (buf)
			fuzz_load(buf, size - 1, NULL);
		free(buf);
		return 0;
	}
	fuzz_ref();
	int mode = data[0] % 3;
	size_t len = ref.len[mode];
	uint8_t *img = ref.work[mode];
	memcpy(img, ref.img[mode], len);
	size_t steps = (size - 1) / 5, cut = len;
	for (size_t i = 0; i < steps; i++) {
		const uint8_t *s = data + 1 + 5 * i;
		uint32_t off = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 |
			       (uint32_t)s[3] << 24;
		cut = off % len;
		img[cut] ^= s[4];
	}
	if (steps % 2 == 0) {
		image_seal(img, len);
		fuzz_load(img, len, ref.img[mode]);
		return 0;
	}
	/* cut: in a buffer of its own size, and walked whole (no good image
	   has its length) */
	img = fuzz_aligned_copy(img, cut);
	if (img) {
		image_seal(img, cut);
		fuzz_load(img, cut, NULL);
	}
	free(img);
	return 0;
}
