/* SPDX-License-Identifier: MIT */
/* test_image.c: compiled images (doc/HACKING.md, "Compiled index"): the
 * container refuses every damaged or foreign image, the real registry and
 * a services file come back from their images exactly as parsed, and
 * image_open() maps only the image of the source as it is now. */
#include <config.h>

#include <sys/stat.h>
#include <unistd.h>

#include "image.h"
#include "portnames.h"
#include "regimage.h"
#include "testutil.h"

static const struct image_key key = {1, 2, 3, 4, 5, 6};

/* Built without libxxhash there are no images: nothing to test. */
#ifdef HAVE_XXHASH
#define NEED_IMAGES() ((void)0)
#else
#define NEED_IMAGES() return
#endif

/* A small image of two sections, in a 64-byte aligned block. */
static char *small_image(size_t *len)
{
	static const char a[] = "first section", b[] = "second";
	const struct image_section s[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	char *built = image_build(IMAGE_REGISTRY, &key, s, 2, len);
	ck_assert_ptr_nonnull(built);
	char *img =
		aligned_alloc(IMAGE_ALIGN, (*len + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN);
	ck_assert_ptr_nonnull(img);
	memcpy(img, built, *len);
	free(built);
	return img;
}

START_TEST(container_checks)
{
	NEED_IMAGES();
	size_t len;
	char *img = small_image(&len);
	struct image got;
	struct image_key k;
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, &k, 2, &got), 0);
	ck_assert_mem_eq(&k, &key, sizeof(k));
	ck_assert_str_eq(got.sect[0].data, "first section");
	ck_assert_str_eq(got.sect[1].data, "second");
	ck_assert_uint_eq((uintptr_t)got.sect[1].data % IMAGE_ALIGN, 0);
	/* the wrong type or section count, cut short, a byte too long */
	ck_assert_int_eq(image_check(img, len, IMAGE_PORTNAMES, &k, 2, &got), -1);
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, &k, 3, &got), -1);
	for (size_t cut = 0; cut < len; cut += 7)
		ck_assert_int_eq(image_check(img, cut, IMAGE_REGISTRY, &k, 2, &got), -1);
	/* every single bit flipped anywhere */
	for (size_t i = 0; i < len; i++)
		for (int bit = 0; bit < 8; bit++) {
			img[i] ^= (char)(1 << bit);
			ck_assert_msg(image_check(img, len, IMAGE_REGISTRY, &k, 2, &got) == -1,
				      "byte %zu bit %d flipped and accepted", i, bit);
			img[i] ^= (char)(1 << bit);
		}
	/* sealed again after a change to the version or the endianness */
	img[20] ^= 1;
	image_seal(img, len);
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, &k, 2, &got), -1);
	img[20] ^= 1;
	char t = img[16];
	img[16] = img[19], img[19] = t;
	image_seal(img, len);
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, &k, 2, &got), -1);
	free(img);
}
END_TEST

/* An aligned copy of the image bytes (freed). */
static char *aligned_copy(char *bytes, size_t len)
{
	ck_assert_ptr_nonnull(bytes);
	char *img = aligned_alloc(IMAGE_ALIGN, (len + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN);
	ck_assert_ptr_nonnull(img);
	memcpy(img, bytes, len);
	free(bytes);
	return img;
}

/* A section of three chunks and a bit: each chunk is checked on its own. */
START_TEST(chunks_checked_alone)
{
	NEED_IMAGES();
	static char big[3 * 4096 + 100];
	memset(big, 'x', sizeof(big));
	big[100] = big[2 * 4096 + 10] = big[sizeof(big) - 1] = '\0';
	const struct image_section s[2] = {{"meta", 5}, {big, sizeof(big)}};
	size_t len;
	char *built = image_build(IMAGE_REGISTRY, &key, s, 2, &len);
	char *img = aligned_copy(built, len);
	struct image got;
	ck_assert_int_eq(image_check_some(img, len, IMAGE_REGISTRY, NULL, 2, 1u << 1, &got), 0);
	char *d = (char *)got.sect[1].data;
	d[4096 + 5] ^= 1; /* the second chunk damaged after the check up front */
	ck_assert_int_eq(image_verify_range(&got, 1, 0, 4096), 0);
	ck_assert_int_eq(image_verify_range(&got, 1, 2 * 4096, 200), 0);
	ck_assert_int_eq(image_verify_range(&got, 1, sizeof(big) - 1, 1), 0);
	ck_assert_int_eq(image_verify_range(&got, 1, 4090, 10), -1); /* into the second */
	ck_assert_int_eq(image_verify_range(&got, 1, 4096 + 4000, 1), -1);
	ck_assert_int_eq(image_verify_range(&got, 1, 0, sizeof(big) + 1), -1); /* past the end */
	ck_assert_int_eq(image_verify_range(&got, 2, 0, 1), -1);	       /* no such section */
	ck_assert_int_eq(image_verify_str(&got, 1, 0), 0);		       /* ends at 100 */
	ck_assert_int_eq(image_verify_str(&got, 1, 200), -1); /* runs into the second */
	ck_assert_int_eq(image_verify_str(&got, 1, 2 * 4096), 0);
	ck_assert_int_eq(image_verify_str(&got, 1, sizeof(big)), -1);
	ck_assert_int_eq(image_verify(&got, 1), -1);
	d[4096 + 5] ^= 1;
	ck_assert_int_eq(image_verify(&got, 1), 0);
	ck_assert_int_eq(image_verify_str(&got, 1, 200), 0);
	/* a whole check refuses the damage at once */
	d[4096 + 5] ^= 1;
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, NULL, 2, &got), -1);
	free(img);
}
END_TEST

/* The same registry, field by field and port by port. */
static void same_registry(struct registry *a, struct registry *b)
{
	ck_assert_uint_eq(a->nrec, b->nrec);
	ck_assert_str_eq(a->date, b->date);
	for (size_t i = 0; i < a->nrec; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			ck_assert_str_eq(registry_field(a, &a->rec[i], (enum field)f),
					 registry_field(b, &b->rec[i], (enum field)f));
	ck_assert_mem_eq(a->state, b->state, (TRANSPORT_ANY + 1) * PORT_COUNT);
	ck_assert_mem_eq(a->cover_off, b->cover_off, (PORT_COUNT + 1) * sizeof(uint32_t));
	const uint32_t *x, *y;
	ck_assert_uint_eq(registry_find_service(a, "ssh", &x), registry_find_service(b, "SSH", &y));
	ck_assert_uint_eq(registry_find_service(b, "kerberos", &y), 2); /* 88/tcp, 88/udp */
}

START_TEST(registry_round_trip)
{
	NEED_IMAGES();
	struct registry *reg = load_or_fail(IANA_CURRENT);
	size_t len;
	char *bytes = regimage_build(reg, &key, &len);
	ck_assert_ptr_nonnull(bytes);
	char *img = aligned_alloc(IMAGE_ALIGN, (len + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN);
	memcpy(img, bytes, len);
	free(bytes);
	struct image got;
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, &got), 0);
	struct registry *back = regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_WHOLE);
	ck_assert_ptr_nonnull(back);
	ck_assert_uint_eq(back->nrec, 14474);
	same_registry(reg, back);
	registry_free(back);
	/* an image of a services-format registry is not one of the CSV */
	ck_assert_ptr_null(regimage_from(&got, SOURCE_SERVICES, REGIMAGE_WHOLE));
	/* a byte of the pool changed: a load for the counts only never reads
	 * the pool and is right; a whole load checks it and refuses */
	char *pool = (char *)got.sect[2].data;
	pool[got.sect[2].len / 2] ^= 1;
	ck_assert_int_eq(image_check_some(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS,
					  regimage_defer(REGIMAGE_COUNTS), &got),
			 0);
	back = regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_COUNTS);
	ck_assert_ptr_nonnull(back);
	ck_assert(back->counts_only && !back->rec && !back->cover_off);
	ck_assert_uint_eq(back->nrec, 14474);
	ck_assert_mem_eq(reg->state, back->state, (TRANSPORT_ANY + 1) * PORT_COUNT);
	registry_free(back);
	ck_assert_ptr_null(regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_WHOLE));
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, &got), -1);
	registry_free(reg);
	free(img);
}
END_TEST

/* Port port of b (lazy) answers as in a (parsed). */
static void same_port(struct registry *a, struct registry *b, unsigned port)
{
	ck_assert_int_eq(registry_prepare_port(b, port), 0);
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		ck_assert_int_eq(registry_state(a, port, (enum transport)t),
				 registry_state(b, port, (enum transport)t));
	const uint32_t *x, *y;
	size_t n = registry_records_at(a, port, &x);
	ck_assert_uint_eq(registry_records_at(b, port, &y), n);
	ck_assert_uint_gt(n, 0);
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			ck_assert_str_eq(registry_field(a, &a->rec[x[i]], (enum field)f),
					 registry_field(b, &b->rec[y[i]], (enum field)f));
}

/* Name name in b (lazy) gives the records it gives in a (parsed). */
static void same_name(struct registry *a, struct registry *b, const char *name, size_t want)
{
	ck_assert_int_eq(registry_prepare_name(b, name), 0);
	const uint32_t *x, *y;
	ck_assert_uint_eq(registry_find_service(a, name, &x), want);
	ck_assert_uint_eq(registry_find_service(b, name, &y), want);
	for (size_t i = 0; i < want; i++)
		ck_assert_str_eq(registry_field(a, &a->rec[x[i]], FIELD_DESCRIPTION),
				 registry_field(b, &b->rec[y[i]], FIELD_DESCRIPTION));
}

/* A lazy load checks only what each query reads: a byte flipped in a page
 * that lookup 443 or lookup https never reads (5432/tcp's description)
 * leaves them right, and the queries that read it refuse the image (their caller then parses). */
START_TEST(registry_lazy)
{
	NEED_IMAGES();
	struct registry *reg = load_or_fail(IANA_CURRENT);
	size_t len;
	char *built = regimage_build(reg, &key, &len);
	char *img = aligned_copy(built, len);
	const uint32_t *idx;
	ck_assert_uint_eq(registry_find_service(reg, "postgresql", &idx), 2);
	uint32_t desc = reg->rec[idx[0]].field[FIELD_DESCRIPTION]; /* 5432/tcp's */
	ck_assert_str_eq(reg->pool + desc, "PostgreSQL Database");
	struct image got;
	unsigned defer = regimage_defer(REGIMAGE_LAZY);
	ck_assert_int_eq(
		image_check_some(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, defer, &got),
		0);
	char *pool = (char *)got.sect[2].data;
	pool[desc] ^= 0x20;
	struct registry *lz = regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_LAZY);
	ck_assert_ptr_nonnull(lz);
	ck_assert(lz->lazy && !lz->counts_only);
	ck_assert_uint_eq(lz->nrec, 14474);
	same_port(reg, lz, 443);
	same_name(reg, lz, "https", 4);
	same_port(reg, lz, 443); /* again: each chunk is checked once */
	ck_assert_int_eq(registry_prepare_port(lz, 5432), -1);
	ck_assert_int_eq(registry_prepare_name(lz, "PostgreSQL"), -1);
	registry_free(lz);
	pool[desc] ^= 0x20;
	/* a state of 443/udp flipped: lookup 443 refuses, lookup 8080 is right */
	uint8_t *state = (uint8_t *)got.sect[3].data;
	state[PORT_COUNT + 443] ^= 1;
	ck_assert_int_eq(
		image_check_some(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, defer, &got),
		0);
	lz = regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_LAZY);
	ck_assert_ptr_nonnull(lz);
	ck_assert_int_eq(registry_prepare_port(lz, 443), -1);
	same_port(reg, lz, 8080);
	registry_free(lz);
	/* the counts and a whole load check the states up front */
	ck_assert_ptr_null(regimage_from(&got, SOURCE_IANA_CSV, REGIMAGE_COUNTS));
	ck_assert_int_eq(image_check(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, &got), -1);
	state[PORT_COUNT + 443] ^= 1;
	/* the meta section is checked up front in every mode; a cut image never maps */
	char *meta = (char *)got.sect[0].data;
	meta[0] ^= 1;
	ck_assert_int_eq(
		image_check_some(img, len, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS, defer, &got),
		-1);
	meta[0] ^= 1;
	ck_assert_int_eq(image_check_some(img, len - 4096, IMAGE_REGISTRY, NULL, REGIMAGE_SECTIONS,
					  defer, &got),
			 -1);
	registry_free(reg);
	free(img);
}
END_TEST

START_TEST(portnames_round_trip)
{
	NEED_IMAGES();
	static const char text[] = "b\t9/udp\n# c\na\t7/tcp\t0.5\tal\nbad\nr\t100-102/tcp\n";
	struct ps_error err = PS_ERROR_INIT;
	struct portnames *pn = portnames_load_mem(text, sizeof(text) - 1, "mem", &err);
	ck_assert_ptr_nonnull(pn);
	size_t len;
	char *bytes = portnames_image_build(pn, &key, &len);
	char *img = aligned_alloc(IMAGE_ALIGN, (len + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN);
	memcpy(img, bytes, len);
	free(bytes);
	struct image got;
	ck_assert_int_eq(
		image_check(img, len, IMAGE_PORTNAMES, NULL, PORTNAMES_IMAGE_SECTIONS, &got), 0);
	struct portnames *back = portnames_from_image(&got, "mem", false);
	ck_assert_ptr_nonnull(back);
	ck_assert_uint_eq(back->n, pn->n);
	ck_assert_str_eq(portnames_name(back, 7, TRANSPORT_ANY), "a");
	ck_assert_str_eq(portnames_name(back, 101, TRANSPORT_TCP), "r");
	ck_assert(portnames_frequency(back, 7, TRANSPORT_TCP) == 0.5);
	ck_assert(portnames_has(back, 9, TRANSPORT_UDP) && !portnames_has(back, 9, TRANSPORT_TCP));
	ck_assert_uint_eq(back->skipped.n, 1);
	ck_assert_str_eq(back->skipped.why, pn->skipped.why);
	portnames_free(back);

	portnames_free(pn);
	free(img);
}
END_TEST

/* Lazily, a services set checks the entries and names of a port as it is
 * asked for: a damaged name of port 2999 (pages away) leaves ports 7 and
 * 1500 right. */
START_TEST(portnames_lazily)
{
	NEED_IMAGES();
	struct strbuf text = STRBUF_INIT;
	strbuf_adds(&text, "a\t7/tcp\t0.5\n");
	for (unsigned p = 1000; p < 3000; p++)
		strbuf_addf(&text, "name-of-%u\t%u/udp\n", p, p);
	struct ps_error err = PS_ERROR_INIT;
	struct portnames *pn = portnames_load_mem(text.data, text.len, "mem", &err);
	strbuf_free(&text);
	ck_assert_ptr_nonnull(pn);
	size_t len;
	char *built = portnames_image_build(pn, &key, &len);
	char *img = aligned_copy(built, len);
	struct image got;
	ck_assert_int_eq(
		image_check(img, len, IMAGE_PORTNAMES, NULL, PORTNAMES_IMAGE_SECTIONS, &got), 0);
	const struct portname *e;
	ck_assert_uint_eq(portnames_at(pn, 2999, &e), 1);
	((char *)got.sect[2].data)[e->name] ^= 1;
	unsigned lazy = 0x7u << 1; /* entries, pool, bitmaps */
	ck_assert_int_eq(image_check_some(img, len, IMAGE_PORTNAMES, NULL, PORTNAMES_IMAGE_SECTIONS,
					  lazy, &got),
			 0);
	struct portnames *back = portnames_from_image(&got, "mem", true);
	ck_assert_ptr_nonnull(back);
	ck_assert(back->lazy);
	ck_assert_int_eq(portnames_prepare_port(back, 7), 0);
	ck_assert_str_eq(portnames_name(back, 7, TRANSPORT_ANY), "a");
	ck_assert(portnames_frequency(back, 7, TRANSPORT_TCP) == 0.5);
	ck_assert(portnames_has(back, 7, TRANSPORT_TCP) && !portnames_has(back, 7, TRANSPORT_UDP));
	ck_assert_int_eq(portnames_prepare_port(back, 1500), 0);
	ck_assert_str_eq(portnames_name(back, 1500, TRANSPORT_UDP), "name-of-1500");
	ck_assert_int_eq(portnames_prepare_port(back, 8), 0);
	ck_assert(!portnames_has(back, 8, TRANSPORT_ANY));
	ck_assert_int_eq(portnames_prepare_port(back, 2999), -1);
	portnames_free(back);
	/* a whole load refuses the image */
	ck_assert_ptr_null(portnames_from_image(&got, "mem", false));
	portnames_free(pn);
	free(img);
}
END_TEST

/* Write a file with text; its path in buf. */
static const char *write_file(char *buf, size_t n, const char *dir, const char *name,
			      const char *text)
{
	snprintf(buf, n, "%s/%s", dir, name);
	FILE *fp = fopen(buf, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
	return buf;
}

START_TEST(open_only_current)
{
	NEED_IMAGES();
	char dir[] = "/tmp/portscope-image.XXXXXX", src[4096], img[4096];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(src, sizeof(src), dir, "services", "a\t7/tcp\n");
	snprintf(img, sizeof(img), "%s/cache/x.img", dir);
	struct image map;
	struct image_key k, k2;
	ck_assert_int_eq(image_open(img, IMAGE_PORTNAMES, src, INFILE_SERVICES, 1, 0, &map, &k),
			 IMAGE_STALE);
	static const char data[] = "payload";
	const struct image_section s = {data, sizeof(data)};
	ck_assert_int_eq(image_write(img, IMAGE_PORTNAMES, &k, &s, 1), 0);
	struct stat sb;
	ck_assert_int_eq(stat(img, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0600);
	snprintf(img + strlen(img) - 6, 7, "%s", "");
	ck_assert_int_eq(stat(img, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0700);
	snprintf(img, sizeof(img), "%s/cache/x.img", dir);
	ck_assert_int_eq(image_open(img, IMAGE_PORTNAMES, src, INFILE_SERVICES, 1, 0, &map, &k2),
			 IMAGE_MAPPED);
	ck_assert_str_eq(map.sect[0].data, "payload");
	image_unmap(&map);
	/* the same size, new bytes: not current any more */
	write_file(src, sizeof(src), dir, "services", "b\t7/tcp\n");
	ck_assert_int_eq(image_open(img, IMAGE_PORTNAMES, src, INFILE_SERVICES, 1, 0, &map, &k2),
			 IMAGE_STALE);
	ck_assert_uint_ne(k.hash, k2.hash);
	/* no source, no key */
	unlink(src);
	ck_assert_int_eq(image_open(img, IMAGE_PORTNAMES, src, INFILE_SERVICES, 1, 0, &map, &k2),
			 IMAGE_NOKEY);
	unlink(img);
	snprintf(img + strlen(img) - 6, 7, "%s", "");
	rmdir(img);
	rmdir(dir);
}
END_TEST

/* Point PORTSCOPE_CACHE_DIR at dir; what it was, for cache_dir_restore(). */
static char *cache_dir_set(const char *dir)
{
	const char *was = getenv("PORTSCOPE_CACHE_DIR");
	char *old = was ? strdup(was) : NULL;
	setenv("PORTSCOPE_CACHE_DIR", dir, 1);
	return old;
}

static void cache_dir_restore(char *old)
{
	if (old)
		setenv("PORTSCOPE_CACHE_DIR", old, 1);
	else
		unsetenv("PORTSCOPE_CACHE_DIR");
	free(old);
}

/* A miss reads its source once, hashing the bytes the parse reads: the
 * key the image gets is the one image_key_of() takes on its own. */
START_TEST(miss_key_as_hashed)
{
	NEED_IMAGES();
	char dir[] = "/tmp/portscope-image.XXXXXX", src[4096], cache[4096];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(src, sizeof(src), dir, "services", "a\t7/tcp\nb\t9/udp # c\n");
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	char *old = cache_dir_set(cache);
	struct ps_error err = PS_ERROR_INIT;
	struct portnames *pn = portnames_load(src, &err);
	ck_assert_ptr_nonnull(pn);
	ck_assert_uint_eq(pn->n, 2);
	ck_assert_ptr_null(pn->image); /* parsed */
	portnames_free(pn);
	struct strbuf ip = STRBUF_INIT;
	image_path(&ip, "services", src);
	struct image img;
	struct image_key written, hashed;
	ck_assert_int_eq(image_map(strbuf_str(&ip), IMAGE_PORTNAMES, &written,
				   PORTNAMES_IMAGE_SECTIONS, 0, &img),
			 0);
	image_unmap(&img);
	ck_assert_int_eq(image_key_of(src, INFILE_SERVICES, &hashed), 0);
	ck_assert_mem_eq(&written, &hashed, sizeof(written));
	/* and the next load maps it (hashing again: the source is new) */
	pn = portnames_load(src, &err);
	ck_assert_ptr_nonnull(pn);
	ck_assert_ptr_nonnull(pn->image);
	ck_assert_uint_eq(pn->n, 2);
	portnames_free(pn);
	/* a reparse hashes as it parses too, and writes the same key */
	pn = portnames_reparse(portnames_load(src, &err), &err);
	ck_assert_ptr_nonnull(pn);
	ck_assert_ptr_null(pn->image);
	portnames_free(pn);
	ck_assert_int_eq(image_map(strbuf_str(&ip), IMAGE_PORTNAMES, &written,
				   PORTNAMES_IMAGE_SECTIONS, 0, &img),
			 0);
	image_unmap(&img);
	ck_assert_mem_eq(&written, &hashed, sizeof(written));
	unlink(strbuf_str(&ip));
	strbuf_free(&ip);
	unlink(src);
	rmdir(cache);
	rmdir(dir);
	cache_dir_restore(old);
}
END_TEST

/* Bytes this process has read so far (read(2) and the like, not mmap). */
static unsigned long long bytes_read(void)
{
	unsigned long long n = 0;
	FILE *fp = fopen("/proc/self/io", "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fscanf(fp, "rchar: %llu", &n), 1);
	fclose(fp);
	return n;
}

/* A miss reads the registry once (not once to hash it, once to parse it),
 * a reparse too, and a run from the settled image not at all. */
START_TEST(miss_reads_once)
{
	NEED_IMAGES();
	char dir[] = "/tmp/portscope-image.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *old = cache_dir_set(dir);
	struct stat sb;
	ck_assert_int_eq(stat(IANA_CURRENT, &sb), 0);
	unsigned long long size = (unsigned long long)sb.st_size, before = bytes_read();
	struct registry *reg = load_or_fail(IANA_CURRENT);
	unsigned long long miss = bytes_read() - before;
	ck_assert_ptr_null(reg->image); /* parsed */
	ck_assert_uint_ge(miss, size);
	ck_assert_uint_lt(miss, size + size / 2);
	struct ps_error err = PS_ERROR_INIT;
	before = bytes_read();
	reg = source_reparse(reg, &err);
	unsigned long long reparse = bytes_read() - before;
	ck_assert_ptr_nonnull(reg);
	ck_assert_uint_ge(reparse, size);
	ck_assert_uint_lt(reparse, size + size / 2);
	registry_free(reg);
	before = bytes_read();
	reg = load_or_fail(IANA_CURRENT);
	unsigned long long warm = bytes_read() - before;
	ck_assert_ptr_nonnull(reg->image);
	ck_assert_uint_lt(warm, 4096); /* /proc/self/io itself */
	registry_free(reg);
	struct strbuf ip = STRBUF_INIT;
	image_path(&ip, "registry", IANA_CURRENT);
	ck_assert_int_eq(unlink(strbuf_str(&ip)), 0);
	strbuf_free(&ip);
	ck_assert_int_eq(rmdir(dir), 0);
	cache_dir_restore(old);
}
END_TEST

static Suite *image_suite(void)
{
	Suite *s = suite_create("image");
	TCase *tc = tcase_create("image");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, container_checks);
	tcase_add_test(tc, chunks_checked_alone);
	tcase_add_test(tc, registry_round_trip);
	tcase_add_test(tc, registry_lazy);
	tcase_add_test(tc, portnames_round_trip);
	tcase_add_test(tc, portnames_lazily);
	tcase_add_test(tc, open_only_current);
	tcase_add_test(tc, miss_key_as_hashed);
	tcase_add_test(tc, miss_reads_once);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(image_suite)
