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
 * cover and names and the name index are walked (ASan checks each read). */
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

/* Walk everything a loaded registry lets a caller reach. */
static void fuzz_walk_registry(struct registry *reg)
{
	volatile size_t sink = 0;
	for (size_t i = 0; !reg->counts_only && i < reg->nrec; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			sink += strlen(registry_field(reg, &reg->rec[i], (enum field)f));
	for (unsigned p = 0; p < PORT_COUNT; p++) {
		const uint32_t *idx;
		size_t n = registry_records_at(reg, p, &idx);
		for (size_t i = 0; i < n; i++)
			FUZZ_ASSERT(idx[i] < reg->nrec, "cover index past the records");
		for (int t = 0; t <= TRANSPORT_ANY; t++)
			FUZZ_ASSERT(registry_state(reg, p, (enum transport)t) < STATE_COUNT,
				    "bad state");
	}
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

/* Walk what a lazy registry lets a caller reach: a port or a name once
 * registry_prepare_*() has checked it. */
static void fuzz_walk_lazy(struct registry *reg)
{
	static const char *const names[] = {"ssh", "HTTP", "x11", "kerberos", "", "zz"};
	volatile size_t sink = 0;
	for (unsigned p = 0; p < PORT_COUNT; p += p < 256 ? 1 : 97) {
		if (registry_prepare_port(reg, p) < 0)
			continue;
		for (int t = 0; t <= TRANSPORT_ANY; t++)
			FUZZ_ASSERT(registry_state(reg, p, (enum transport)t) < STATE_COUNT,
				    "bad state");
		const uint32_t *idx;
		size_t n = registry_records_at(reg, p, &idx);
		for (size_t i = 0; i < n; i++)
			for (int f = 0; f < FIELD_COUNT; f++)
				sink += strlen(
					registry_field(reg, &reg->rec[idx[i]], (enum field)f));
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

/* Walk everything a loaded services set lets a caller reach. */
static void fuzz_walk_portnames(const struct portnames *pn)
{
	volatile size_t sink = 0;
	for (unsigned p = 0; p < PORT_COUNT; p++) {
		const struct portname *e;
		size_t n = portnames_at(pn, p, &e);
		for (size_t i = 0; i < n; i++)
			sink += strlen(portnames_str(pn, &e[i])) + e[i].port;
		sink += portnames_has(pn, p, TRANSPORT_ANY);
		const char *name = portnames_name(pn, p, TRANSPORT_ANY);
		sink += name ? strlen(name) : 0;
		sink += portnames_frequency(pn, p, TRANSPORT_TCP) > 0;
	}
	(void)sink;
}

/* Check and load an image from a 64-byte aligned copy of it; how many
 * of the two loaders took it. */
static int fuzz_load(const void *data, size_t len)
{
	int loaded = 0;
	void *buf = aligned_alloc(IMAGE_ALIGN, (len + IMAGE_ALIGN) / IMAGE_ALIGN * IMAGE_ALIGN);
	if (!buf)
		return 0;
	memcpy(buf, data, len);
	struct image img;
	struct image_key key;
	if (image_check(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS, &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_WHOLE);
		if (reg)
			fuzz_walk_registry(reg), loaded++;
		registry_free(reg);
	}
	/* counts only: the records and indexes are left out, never read */
	if (image_check_some(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS,
			     regimage_defer(REGIMAGE_COUNTS), &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_COUNTS);
		if (reg) {
			FUZZ_ASSERT(reg->counts_only && !reg->rec && !reg->cover_off,
				    "records kept");
			fuzz_walk_registry(reg);
		}
		registry_free(reg);
	}
	/* lazily: only the meta data up front, the rest as it is reached */
	if (image_check_some(buf, len, IMAGE_REGISTRY, &key, REGIMAGE_SECTIONS,
			     regimage_defer(REGIMAGE_LAZY), &img) == 0) {
		struct registry *reg = regimage_from(&img, SOURCE_IANA_CSV, REGIMAGE_LAZY);
		if (reg)
			fuzz_walk_lazy(reg);
		registry_free(reg);
	}
	if (image_check_some(buf, len, IMAGE_PORTNAMES, &key, PORTNAMES_IMAGE_SECTIONS, 0x7u << 1,
			     &img) == 0) {
		struct portnames *pn = portnames_from_image(&img, "fuzz", true);
		volatile size_t sink = 0;
		for (unsigned p = 0; pn && p < PORT_COUNT; p += p < 256 ? 1 : 97) {
			const struct portname *e;
			size_t n = portnames_prepare_port(pn, p) == 0 ? portnames_at(pn, p, &e) : 0;
			for (size_t i = 0; i < n; i++)
				sink += strlen(portnames_str(pn, &e[i])) +
					portnames_has(pn, p, e[i].transport);
		}
		(void)sink;
		portnames_free(pn);
	}
	if (image_check(buf, len, IMAGE_PORTNAMES, &key, PORTNAMES_IMAGE_SECTIONS, &img) == 0) {
		struct portnames *pn = portnames_from_image(&img, "fuzz", false);
		if (pn)
			fuzz_walk_portnames(pn), loaded++;
		portnames_free(pn);
	}
	free(buf);
	return loaded;
}

/* A good image of the small registry (1) or services file (2). */
static void *fuzz_good_image(int mode, size_t *len)
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
		registry_free(reg);
	} else {
		struct portnames *pn =
			portnames_load_mem(fuzz_services, sizeof(fuzz_services) - 1, "fuzz", &err);
		if (pn)
			img = portnames_image_build(pn, &key, len);
		portnames_free(pn);
	}
	error_clear(&err);
	return img;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || !image_enabled())
		return 0;
	if (data[0] % 3 == 0) {
		fuzz_load(data + 1, size - 1);
		return 0;
	}
	size_t len;
	uint8_t *img = fuzz_good_image(data[0] % 3, &len);
	if (!img)
		return 0;
	FUZZ_ASSERT(fuzz_load(img, len) == 1, "a good image does not load");
	size_t steps = (size - 1) / 5, cut = len;
	for (size_t i = 0; i < steps; i++) {
		const uint8_t *s = data + 1 + 5 * i;
		uint32_t off = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 |
			       (uint32_t)s[3] << 24;
		cut = off % len;
		img[cut] ^= s[4];
	}
	if (steps % 2)
		len = cut;
	image_seal(img, len);
	fuzz_load(img, len);
	free(img);
	return 0;
}
