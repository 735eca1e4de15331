/* SPDX-License-Identifier: MIT */
/* image.c: the container of compiled images: key, header, checksum,
 * atomic write and a strict check before use (doc/HACKING.md, "Compiled
 * index"). What a section means is its caller's business. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "image.h"

#ifdef HAVE_XXHASH
#include <xxhash.h>
#if defined(HAVE_XXH_X86DISPATCH_H) && defined(HAVE_XXH3_64BITS_DISPATCH)
/* the same hash, with AVX2 where the processor has it */
#include <xxh_x86dispatch.h>
#define image_xxh3 XXH3_64bits_dispatch
#define image_xxh3_update XXH3_64bits_update_dispatch
#else
#define image_xxh3 XXH3_64bits
#define image_xxh3_update XXH3_64bits_update
#endif
#endif

#define IMAGE_MAGIC "PSIMAGE\n"
#define IMAGE_ENDIAN 0x01020304u
/* Larger images are not ours (the real registry's is about 3 MiB). */
#define IMAGE_CAP ((size_t)1 << 30)

/* The header is followed by the chunk table: nchunks XXH3-64s, those of
 * section 0's chunks first, then section 1's, ...; a section's chunks
 * cover it and its padding, to where the next one starts. */
struct image_header {
	char magic[8];
	uint64_t checksum; /* XXH3-64 of the rest of the header and the chunk
			      table, to the first section */
	uint32_t endian;   /* IMAGE_ENDIAN as the writer stored it */
	uint32_t version;  /* IMAGE_VERSION */
	uint32_t type;	   /* enum image_type */
	uint32_t nsect;
	uint64_t size;	      /* the whole image, header included */
	uint64_t settled;     /* 1: the source had not changed for IMAGE_SETTLE_NS */
	uint32_t chunk_shift; /* chunks of 1 << chunk_shift bytes */
	uint32_t nchunks;     /* checksums in the chunk table */
	struct image_key key;
	struct {
		uint64_t off, len;
	} sect[IMAGE_SECTIONS_MAX];
};

#define IMAGE_SUMMED offsetof(struct image_header, endian)
/* Chunks larger than 1 GiB (IMAGE_CAP) never help. */
#define IMAGE_CHUNK_SHIFT_MAX 30

static bool image_on = true;

void image_enable(bool on)
{
	image_on = on;
}

struct image *image_keep(const struct image *img)
{
	struct image *kept = malloc(sizeof(*kept));
	if (kept) {
		*kept = *img; /* the chunks checked so far, and later ones */
		kept->map = NULL;
		kept->len = 0;
	}
	return kept;
}

void image_hand_over(struct image *img, struct image *kept)
{
	if (kept) {
		kept->map = img->map;
		kept->len = img->len;
	} else {
		image_unmap(img);
	}
}

#ifdef HAVE_XXHASH

bool image_enabled(void)
{
	return image_on;
}

/* off rounded up to IMAGE_ALIGN. */
static uint64_t image_align(uint64_t off)
{
	return (off + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN;
}

/* The identity part of a key from a stat buffer. */
static void image_identity(const struct stat *sb, struct image_key *key)
{
	key->dev = (uint64_t)sb->st_dev;
	key->ino = (uint64_t)sb->st_ino;
	key->size = (uint64_t)sb->st_size;
	key->mtime_ns = (uint64_t)sb->st_mtim.tv_sec * 1000000000u + (uint64_t)sb->st_mtim.tv_nsec;
	key->ctime_ns = (uint64_t)sb->st_ctim.tv_sec * 1000000000u + (uint64_t)sb->st_ctim.tv_nsec;
}

/* A key taken as infile_read() reads a source (infile_set_tap()): its
 * identity when it is opened, an XXH3-64 of every block it reads. */
struct image_hasher {
	struct infile_tap tap;
	XXH3_state_t *st;
	struct image_key key;
	uint64_t total; /* bytes hashed */
	int opened;	/* times the source was opened */
	bool bad;	/* not a regular file, or no state */
};

static void image_hasher_opened(void *ctx, int fd)
{
	struct image_hasher *h = ctx;
	struct stat sb;
	if (h->opened++ || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode))
		h->bad = true;
	else
		image_identity(&sb, &h->key);
}

static void image_hasher_block(void *ctx, const char *buf, size_t len)
{
	struct image_hasher *h = ctx;
	h->total += len;
	if (!h->bad)
		image_xxh3_update(h->st, buf, len);
}

/* Hash the reads of path through infile_read() from now on. */
static void image_hasher_start(struct image_hasher *h, const char *path)
{
	memset(h, 0, sizeof(*h));
	h->tap = (struct infile_tap){path, image_hasher_opened, image_hasher_block, h};
	h->st = XXH3_createState();
	h->bad = !h->st || XXH3_64bits_reset(h->st) == XXH_ERROR;
	infile_set_tap(&h->tap);
}

/* The key of what was read since image_hasher_start(); -1 when there is
 * none: not read once whole (a file that grew or shrank while read is
 * being written), or not a regular file. */
static int image_hasher_end(struct image_hasher *h, struct image_key *key)
{
	infile_set_tap(NULL);
	int rc = !h->bad && h->opened == 1 && h->total == h->key.size ? 0 : -1;
	if (h->st)
		h->key.hash = XXH3_64bits_digest(h->st);
	XXH3_freeState(h->st);
	*key = h->key;
	return rc;
}

static int image_ignore_block(void *ctx, const char *buf, size_t len)
{
	(void)ctx, (void)buf, (void)len;
	return 0;
}

int image_key_of(const char *path, enum infile_kind kind, struct image_key *key)
{
	struct image_hasher h;
	struct ps_error ignored = PS_ERROR_INIT;
	image_hasher_start(&h, path);
	int rc = infile_read(path, kind, &ignored, image_ignore_block, NULL);
	error_clear(&ignored);
	return image_hasher_end(&h, key) == 0 && rc == 0 ? 0 : -1;
}

bool image_key_current(const char *path, const struct image_key *key)
{
	struct stat sb;
	struct image_key now = {0};
	if (stat(path, &sb) < 0)
		return false;
	image_identity(&sb, &now);
	now.hash = key->hash;
	return memcmp(&now, key, sizeof(now)) == 0;
}

/* The cache directory, or "" when there is none to use. */
static void image_dir(struct strbuf *out)
{
	const char *dir = getenv("PORTSCOPE_CACHE_DIR");
	if (dir && *dir) {
		strbuf_adds(out, dir);
		return;
	}
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		strbuf_adds(out, xdg);
	else if (home && *home == '/')
		strbuf_addf(out, "%s/.cache", home);
	else
		return;
	strbuf_adds(out, "/portscope");
}

void image_path(struct strbuf *out, const char *tag, const char *source_path)
{
	image_dir(out);
	if (out->len)
		strbuf_addf(out, "/%s-%016llx.img", tag,
			    (unsigned long long)XXH3_64bits(source_path, strlen(source_path)));
}

/* Do the header's fixed fields say this is an image of type? */
static bool image_header_ok(const struct image_header *h, size_t len, enum image_type type,
			    size_t nsect)
{
	return memcmp(h->magic, IMAGE_MAGIC, 8) == 0 && h->endian == IMAGE_ENDIAN &&
	       h->version == IMAGE_VERSION && h->type == (uint32_t)type && h->nsect == nsect &&
	       h->size == len && h->settled <= 1;
}

/* Was the image in buf (checked) written once its source had settled? */
static bool image_settled(const void *buf)
{
	uint64_t settled;
	memcpy(&settled, (const char *)buf + offsetof(struct image_header, settled), 8);
	return settled == 1;
}

/* How many chunks of 1 << shift bytes cover a section of len bytes and
 * its padding (sections start aligned, so the padding is image_align()'s). */
static uint64_t image_chunks_of(uint64_t len, unsigned shift)
{
	return (image_align(len) + ((uint64_t)1 << shift) - 1) >> shift;
}

/* The chunks of the sections of h with chunks of 1 << shift bytes. */
static uint64_t image_chunks(const struct image_header *h, size_t nsect, unsigned shift)
{
	uint64_t n = 0;
	for (size_t i = 0; i < nsect; i++)
		n += image_chunks_of(h->sect[i].len, shift);
	return n;
}

/* Where the first section starts: after the header and the chunk table. */
static uint64_t image_first(uint64_t nchunks)
{
	return image_align(sizeof(struct image_header) + nchunks * sizeof(uint64_t));
}

/* The sections tile the image: each starts where the one before ends
 * (aligned), the first after the header and its chunk table, the last at
 * the end; so every byte is summed exactly once, by the header's sum or a
 * chunk's. */
static bool image_layout_ok(const struct image_header *h, size_t len)
{
	if (h->chunk_shift < IMAGE_CHUNK_SHIFT || h->chunk_shift > IMAGE_CHUNK_SHIFT_MAX ||
	    h->nchunks > IMAGE_CHUNKS_MAX ||
	    image_chunks(h, h->nsect, h->chunk_shift) != h->nchunks)
		return false;
	uint64_t at = image_first(h->nchunks);
	for (size_t i = 0; i < h->nsect; i++) {
		if (at > len || h->sect[i].off != at || h->sect[i].len > len - at)
			return false;
		at = image_align(at + h->sect[i].len);
	}
	return at == len;
}

/* Check the chunks holding bytes [off, off + len) of section i and its
 * padding (a range inside sum_len[i]). */
static int image_verify_chunks(struct image *img, size_t i, uint64_t off, uint64_t len)
{
	if (len == 0 || (img->verified & (1u << i)))
		return 0;
	const char *data = img->sect[i].data;
	unsigned shift = img->chunk_shift;
	uint64_t size = (uint64_t)1 << shift;
	for (uint64_t j = off >> shift; j <= (off + len - 1) >> shift; j++) {
		size_t k = img->chunk_base[i] + (size_t)j;
		uint64_t bit = (uint64_t)1 << (k % 64);
		if (img->chunk_ok[k / 64] & bit)
			continue;
		uint64_t at = j << shift,
			 n = img->sum_len[i] - at < size ? img->sum_len[i] - at : size;
		if (image_xxh3(data + at, (size_t)n) != img->chunk_sum[k])
			return -1;
		img->chunk_ok[k / 64] |= bit;
	}
	return 0;
}

int image_verify(struct image *img, size_t i)
{
	if (i >= img->nsect)
		return -1;
	if (image_verify_chunks(img, i, 0, img->sum_len[i]) < 0)
		return -1;
	img->verified |= 1u << i;
	return 0;
}

int image_verify_range(struct image *img, size_t i, uint64_t off, uint64_t len)
{
	if (i >= img->nsect || off > img->sect[i].len || len > img->sect[i].len - off)
		return -1;
	return image_verify_chunks(img, i, off, len);
}

int image_verify_str(struct image *img, size_t i, uint64_t off)
{
	if (i >= img->nsect || off >= img->sect[i].len)
		return -1;
	const char *data = img->sect[i].data;
	uint64_t len = img->sect[i].len, size = (uint64_t)1 << img->chunk_shift;
	for (uint64_t at = off; at < len;) {
		uint64_t end = ((at >> img->chunk_shift) + 1) * size;
		end = end < len ? end : len;
		if (image_verify_chunks(img, i, at, end - at) < 0)
			return -1;
		if (memchr(data + at, '\0', (size_t)(end - at)))
			return 0;
		at = end;
	}
	return -1;
}

int image_check_some(const void *buf, size_t len, enum image_type type, struct image_key *key,
		     size_t nsect, unsigned defer, struct image *img)
{
	struct image_header h;
	if (len < image_align(sizeof(h)) || len > IMAGE_CAP || nsect > IMAGE_SECTIONS_MAX)
		return -1;
	memcpy(&h, buf, sizeof(h));
	if (!image_header_ok(&h, len, type, nsect) || !image_layout_ok(&h, len) ||
	    image_xxh3((const char *)buf + IMAGE_SUMMED, image_first(h.nchunks) - IMAGE_SUMMED) !=
		    h.checksum)
		return -1;
	img->nsect = nsect;
	img->verified = 0;
	img->chunk_shift = h.chunk_shift;
	img->chunk_sum = (const uint64_t *)((const char *)buf + sizeof(h));
	memset(img->chunk_ok, 0, sizeof(img->chunk_ok));
	uint32_t base = 0;
	for (size_t i = 0; i < nsect; i++) {
		img->sect[i].data = (const char *)buf + h.sect[i].off;
		img->sect[i].len = h.sect[i].len;
		img->sum_len[i] = image_align(h.sect[i].len);
		img->chunk_base[i] = base;
		base += (uint32_t)image_chunks_of(h.sect[i].len, h.chunk_shift);
	}
	for (size_t i = 0; i < nsect; i++)
		if (!(defer & (1u << i)) && image_verify(img, i) < 0)
			return -1;
	if (key)
		*key = h.key;
	return 0;
}

int image_check(const void *buf, size_t len, enum image_type type, struct image_key *key,
		size_t nsect, struct image *img)
{
	return image_check_some(buf, len, type, key, nsect, 0, img);
}

int image_map(const char *path, enum image_type type, struct image_key *key, size_t nsect,
	      unsigned defer, struct image *img)
{
	memset(img, 0, sizeof(*img));
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -1;
	struct stat sb;
	void *map = MAP_FAILED;
	/* only a regular file of ours, of a size an image can have */
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid() &&
	    (size_t)sb.st_size >= sizeof(struct image_header) && (size_t)sb.st_size <= IMAGE_CAP)
		/* no MAP_POPULATE: the checksum pass faults the pages in, 16
		 * at a time, and measured about 5% faster over a whole run */
		map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	if (image_check_some(map, (size_t)sb.st_size, type, key, nsect, defer, img) < 0) {
		munmap(map, (size_t)sb.st_size);
		return -1;
	}
	img->map = map;
	img->len = (size_t)sb.st_size;
	return 0;
}

/* Has the source of key settled: its last change more than
 * IMAGE_SETTLE_NS before now? */
static bool image_key_settled(const struct image_key *key)
{
	struct timespec ts;
	uint64_t now = clock_gettime(CLOCK_REALTIME, &ts) == 0
			       ? (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec
			       : 0;
	return now > key->ctime_ns && now - key->ctime_ns > IMAGE_SETTLE_NS;
}

/* image_open(); with pending not NULL, a source that no image is current
 * for by its identity alone is not hashed: *pending is set, and its key's
 * hash is left for the parse to take (image_load()). */
static enum image_open image_open_as(const char *img_path, enum image_type type, const char *src,
				     enum infile_kind kind, size_t nsect, unsigned defer,
				     struct image *img, struct image_key *key, bool *pending)
{
	struct image_key have, now = {0};
	struct stat sb;
	if (stat(src, &sb) < 0 || !S_ISREG(sb.st_mode))
		return IMAGE_NOKEY;
	image_identity(&sb, &now);
	bool mapped = image_map(img_path, type, &have, nsect, defer, img) == 0;
	now.hash = have.hash;
	bool same = mapped && memcmp(&now, &have, sizeof(now)) == 0;
	if (same && image_settled(img->map)) {
		*key = have;
		return IMAGE_MAPPED;
	}
	if (!same && pending) { /* whatever the bytes hash to, the image is not theirs */
		image_unmap(img);
		*pending = true;
		return IMAGE_STALE;
	}
	/* unsettled, stale or absent: the content decides */
	if (image_key_of(src, kind, key) < 0) {
		image_unmap(img);
		return IMAGE_NOKEY;
	}
	/* current; once its source has settled it is written anew, marked
	 * settled, so later runs need not hash the source again */
	if (mapped && memcmp(key, &have, sizeof(have)) == 0 && !image_key_settled(key))
		return IMAGE_MAPPED;
	image_unmap(img);
	return IMAGE_STALE;
}

enum image_open image_open(const char *img_path, enum image_type type, const char *src,
			   enum infile_kind kind, size_t nsect, unsigned defer, struct image *img,
			   struct image_key *key)
{
	return image_open_as(img_path, type, src, kind, nsect, defer, img, key, NULL);
}

void *image_load(const struct image_ops *ops, void *ctx, const char *src, bool reparse,
		 struct ps_error *err)
{
	struct image_key key;
	struct image img;
	struct strbuf ip = STRBUF_INIT;
	enum image_open st = IMAGE_NOKEY;
	bool pending = false; /* key.hash is taken as the parse reads src */
	struct stat sb;
	if (image_on)
		image_path(&ip, ops->tag, src);
	if (ip.len && !ip.failed && reparse)
		st = stat(src, &sb) == 0 && S_ISREG(sb.st_mode) ? (pending = true, IMAGE_STALE)
								: IMAGE_NOKEY;
	else if (ip.len && !ip.failed)
		st = image_open_as(strbuf_str(&ip), ops->type, src, ops->kind, ops->nsect,
				   ops->defer, &img, &key, &pending);
	void *obj = st == IMAGE_MAPPED ? ops->adopt(&img, ctx) : NULL;
	if (!obj && st == IMAGE_MAPPED) /* checksums right, contents refused: replace it */
		st = IMAGE_STALE;
	if (!obj) {
		struct image_hasher h;
		if (pending)
			image_hasher_start(&h, src);
		obj = ops->parse(ctx, src, st == IMAGE_STALE, err);
		if (pending && image_hasher_end(&h, &key) < 0)
			st = IMAGE_NOKEY;
		if (obj && st == IMAGE_STALE && image_key_current(src, &key))
			ops->write(obj, strbuf_str(&ip), &key); /* failing only costs speed */
	}
	strbuf_free(&ip);
	return obj;
}

void image_unmap(struct image *img)
{
	if (img && img->map)
		munmap(img->map, img->len);
	if (img)
		memset(img, 0, sizeof(*img));
}

void *image_build(enum image_type type, const struct image_key *key,
		  const struct image_section *sect, size_t nsect, size_t *len)
{
	struct image_header h;
	memset(&h, 0, sizeof(h));
	if (nsect > IMAGE_SECTIONS_MAX)
		return NULL;
	for (size_t i = 0; i < nsect; i++)
		h.sect[i].len = sect[i].len;
	h.chunk_shift = IMAGE_CHUNK_SHIFT;
	while (h.chunk_shift < IMAGE_CHUNK_SHIFT_MAX &&
	       image_chunks(&h, nsect, h.chunk_shift) > IMAGE_CHUNKS_MAX)
		h.chunk_shift++;
	uint64_t nchunks = image_chunks(&h, nsect, h.chunk_shift);
	if (nchunks > IMAGE_CHUNKS_MAX)
		return NULL;
	h.nchunks = (uint32_t)nchunks;
	uint64_t off = image_first(nchunks);
	for (size_t i = 0; i < nsect; i++) {
		h.sect[i].off = off;
		off = image_align(off + sect[i].len);
	}
	char *buf = off <= IMAGE_CAP ? calloc(1, off) : NULL;
	if (!buf)
		return NULL;
	memcpy(h.magic, IMAGE_MAGIC, 8);
	h.endian = IMAGE_ENDIAN;
	h.version = IMAGE_VERSION;
	h.type = (uint32_t)type;
	h.nsect = (uint32_t)nsect;
	h.size = off;
	h.key = *key;
	h.settled = image_key_settled(key);
	for (size_t i = 0; i < nsect; i++)
		if (sect[i].len)
			memcpy(buf + h.sect[i].off, sect[i].data, sect[i].len);
	memcpy(buf, &h, sizeof(h));
	image_seal(buf, off);
	*len = off;
	return buf;
}

void image_seal(void *buf, size_t len)
{
	struct image_header h;
	if (len < image_align(sizeof(h)))
		return;
	memcpy(&h, buf, sizeof(h));
	h.size = len;
	memcpy(buf, &h, sizeof(h));
	/* the chunk sums, as far as the table and the chunks lie in buf */
	size_t n = h.nsect < IMAGE_SECTIONS_MAX ? h.nsect : IMAGE_SECTIONS_MAX;
	unsigned shift =
		h.chunk_shift >= IMAGE_CHUNK_SHIFT && h.chunk_shift <= IMAGE_CHUNK_SHIFT_MAX
			? h.chunk_shift
			: IMAGE_CHUNK_SHIFT;
	uint64_t k = 0, first = image_first(h.nchunks <= IMAGE_CHUNKS_MAX ? h.nchunks : 0);
	for (size_t i = 0; i < n; i++) {
		uint64_t off = h.sect[i].off, end = off + image_align(h.sect[i].len);
		for (uint64_t at = off; at < end && at < len; at += (uint64_t)1 << shift, k++) {
			uint64_t stop = at + ((uint64_t)1 << shift);
			stop = stop < end ? stop : end;
			stop = stop < len ? stop : len;
			uint64_t sum = image_xxh3((char *)buf + at, stop - at);
			if (sizeof(h) + (k + 1) * 8 <= first && sizeof(h) + (k + 1) * 8 <= len)
				memcpy((char *)buf + sizeof(h) + k * 8, &sum, 8);
		}
	}
	uint64_t summed = first <= len ? first : image_align(sizeof(h));
	h.checksum = image_xxh3((char *)buf + IMAGE_SUMMED, summed - IMAGE_SUMMED);
	memcpy((char *)buf + offsetof(struct image_header, checksum), &h.checksum, 8);
}

/* Make dir (and its parent, e.g. ~/.cache) with mode 0700 if missing. */
static int image_mkdir(char *dir)
{
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return 0;
	char *slash = strrchr(dir, '/');
	if (errno != ENOENT || !slash || slash == dir)
		return -1;
	*slash = '\0';
	int rc = mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
	*slash = '/';
	return rc == 0 && mkdir(dir, 0700) == 0 ? 0 : -1;
}

/* Write all of buf to fd, then make it durable. */
static int image_write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return fsync(fd);
}

int image_write(const char *path, enum image_type type, const struct image_key *key,
		const struct image_section *sect, size_t nsect)
{
	size_t len;
	char *buf = image_build(type, key, sect, nsect, &len);
	char *tmp = malloc(strlen(path) + 8);
	int rc = -1;
	if (buf && tmp) {
		strcpy(tmp, path);
		char *slash = strrchr(tmp, '/');
		if (slash && slash != tmp) {
			*slash = '\0';
			rc = image_mkdir(tmp);
			*slash = '/';
		}
	}
	int fd = -1;
	if (rc == 0) {
		strcat(strcpy(tmp, path), ".XXXXXX"); /* mkstemp: mode 0600 */
		fd = mkostemp(tmp, O_CLOEXEC);
	}
	rc = fd >= 0 && image_write_all(fd, buf, len) == 0 ? 0 : -1;
	if (fd >= 0 && (close(fd) < 0 || rc < 0 || rename(tmp, path) < 0)) {
		unlink(tmp);
		rc = -1;
	}
	free(tmp);
	free(buf);
	return rc;
}

#else /* no libxxhash: no images */

bool image_enabled(void)
{
	return false;
}

int image_key_of(const char *path, enum infile_kind kind, struct image_key *key)
{
	(void)path, (void)kind;
	memset(key, 0, sizeof(*key));
	return -1;
}

bool image_key_current(const char *path, const struct image_key *key)
{
	(void)path, (void)key;
	return false;
}

void image_path(struct strbuf *out, const char *tag, const char *source_path)
{
	(void)out, (void)tag, (void)source_path;
}

int image_check(const void *buf, size_t len, enum image_type type, struct image_key *key,
		size_t nsect, struct image *img)
{
	(void)buf, (void)len, (void)type, (void)key, (void)nsect, (void)img;
	return -1;
}

int image_check_some(const void *buf, size_t len, enum image_type type, struct image_key *key,
		     size_t nsect, unsigned defer, struct image *img)
{
	(void)defer;
	return image_check(buf, len, type, key, nsect, img);
}

int image_verify(struct image *img, size_t i)
{
	(void)img, (void)i;
	return -1;
}

int image_verify_range(struct image *img, size_t i, uint64_t off, uint64_t len)
{
	(void)img, (void)i, (void)off, (void)len;
	return -1;
}

int image_verify_str(struct image *img, size_t i, uint64_t off)
{
	(void)img, (void)i, (void)off;
	return -1;
}

int image_map(const char *path, enum image_type type, struct image_key *key, size_t nsect,
	      unsigned defer, struct image *img)
{
	(void)path, (void)type, (void)key, (void)nsect, (void)defer;
	memset(img, 0, sizeof(*img));
	return -1;
}

enum image_open image_open(const char *img_path, enum image_type type, const char *src,
			   enum infile_kind kind, size_t nsect, unsigned defer, struct image *img,
			   struct image_key *key)
{
	(void)img_path, (void)type, (void)src, (void)kind, (void)nsect, (void)defer, (void)key;
	memset(img, 0, sizeof(*img));
	return IMAGE_NOKEY;
}

void *image_load(const struct image_ops *ops, void *ctx, const char *src, bool reparse,
		 struct ps_error *err)
{
	(void)reparse;
	return ops->parse(ctx, src, false, err);
}

void image_unmap(struct image *img)
{
	(void)img;
}

void *image_build(enum image_type type, const struct image_key *key,
		  const struct image_section *sect, size_t nsect, size_t *len)
{
	(void)type, (void)key, (void)sect, (void)nsect, (void)len;
	return NULL;
}

int image_write(const char *path, enum image_type type, const struct image_key *key,
		const struct image_section *sect, size_t nsect)
{
	(void)path, (void)type, (void)key, (void)sect, (void)nsect;
	return -1;
}

void image_seal(void *buf, size_t len)
{
	(void)buf, (void)len;
}

#endif
