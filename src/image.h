/* SPDX-License-Identifier: MIT */
/* image.h: compiled images of parsed sources (doc/HACKING.md, "Compiled
 * index"). An image is one position-independent file of sections (flat
 * arrays, offsets instead of pointers) under the cache directory, keyed on
 * its source file's identity and content, checked whole before a byte of
 * it is used, and mapped read-only. Any doubt means "no image": a caller
 * then parses the source as if there were none, so an image can make a run
 * slower, never wrong. Without libxxhash (configure) there are no images. */
#ifndef PORTSCOPE_IMAGE_H
#define PORTSCOPE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "infile.h"
#include "strbuf.h"

/* Bump on any change of what an image holds or how it is laid out. */
#define IMAGE_VERSION 3
#define IMAGE_SECTIONS_MAX 12
/* Each section is checksummed in chunks of 4 KiB (a page), so a reader
 * can check only the pages it reads (image_verify_range()); an image of
 * more than this many chunks (32 MiB) gets larger ones (8 KiB, 16 KiB,
 * ...), so the bitmap of chunks checked stays 1 KiB. */
#define IMAGE_CHUNK_SHIFT 12
#define IMAGE_CHUNKS_MAX 8192
/* Sections start at multiples of this, so arrays in them are aligned. */
#define IMAGE_ALIGN 64

/* What an image holds (a registry, a services-format source). */
enum image_type {
	IMAGE_REGISTRY = 1,
	IMAGE_PORTNAMES = 2,
};

/* The source file an image was made from: its identity (device, inode,
 * size, modification and change times in nanoseconds) and an XXH3-64 of
 * its bytes. */
struct image_key {
	uint64_t dev, ino, size, mtime_ns, ctime_ns, hash;
};

/* A source whose last change (ctime, which only the kernel sets) is more
 * than this before its image was written is "settled": any later change
 * gives it a later ctime, so its identity alone proves it unchanged. A
 * source changed within this window may still be changing in the same
 * clock tick, and is hashed again on every load (as git treats a "racy"
 * index entry). */
#define IMAGE_SETTLE_NS 2000000000ull

/* What image_open() found. */
enum image_open {
	IMAGE_NOKEY = -1, /* no image, and none can be made: the source cannot be keyed */
	IMAGE_MAPPED = 0, /* the current image is mapped */
	IMAGE_STALE = 1,  /* no current image; *key is the source's, to write one */
};

struct image_section {
	const void *data;
	uint64_t len;
};

/* A checked, mapped image. */
struct image {
	void *map;
	size_t len;
	size_t nsect;
	struct image_section sect[IMAGE_SECTIONS_MAX];
	uint64_t sum_len[IMAGE_SECTIONS_MAX];	  /* a section's bytes with its padding */
	uint32_t chunk_base[IMAGE_SECTIONS_MAX];  /* its first chunk in chunk_sum */
	unsigned chunk_shift;			  /* chunks of 1 << chunk_shift bytes */
	const uint64_t *chunk_sum;		  /* the chunks' XXH3-64s (in the header) */
	unsigned verified;			  /* sections checked whole */
	uint64_t chunk_ok[IMAGE_CHUNKS_MAX / 64]; /* chunks checked */
};

/* Turn images off (--no-cache) or on for the rest of the process. */
void image_enable(bool on);
/* Are images in use (built with libxxhash, not turned off)? */
bool image_enabled(void);
/* The key of the file at path, read through infile.h as kind; -1 when it
 * cannot be read or is not a regular file (no image then). */
int image_key_of(const char *path, enum infile_kind kind, struct image_key *key);
/* Map the image at img_path if it is current for the source file src
 * (read as kind): the source's identity matches and it was settled, or
 * its content hashes to the image's key. The checksums of the sections in
 * the bitmask defer are left for image_verify(): a caller that never reads
 * a section never pays for it. */
enum image_open image_open(const char *img_path, enum image_type type, const char *src,
			   enum infile_kind kind, size_t nsect, unsigned defer, struct image *img,
			   struct image_key *key);
/* Is the file at path still the one key was taken from (same identity)? */
bool image_key_current(const char *path, const struct image_key *key);
/* The image file for a source: $PORTSCOPE_CACHE_DIR or
 * ${XDG_CACHE_HOME:-~/.cache}/portscope, then TAG-HASH.img with a hash of
 * the source's path. */
void image_path(struct strbuf *out, const char *tag, const char *source_path);
/* Check buf[0..len) as an image of type with nsect sections (checksum
 * included) and fill img's sections (img->map is left alone) and, when
 * key is not NULL, *key with its key; -1 when anything is off. */
int image_check(const void *buf, size_t len, enum image_type type, struct image_key *key,
		size_t nsect, struct image *img);
/* The same, leaving the sections in the bitmask defer unverified. */
int image_check_some(const void *buf, size_t len, enum image_type type, struct image_key *key,
		     size_t nsect, unsigned defer, struct image *img);
/* Check the checksums of section i, whole (each chunk once); -1 when one
 * does not match. */
int image_verify(struct image *img, size_t i);
/* Check the chunks holding bytes [off, off + len) of section i (each chunk
 * once); -1 when one does not match or the range is not in the section. */
int image_verify_range(struct image *img, size_t i, uint64_t off, uint64_t len);
/* Check the chunks holding the NUL-terminated string at off in section i,
 * up to its NUL; -1 when one does not match or no NUL ends it there. */
int image_verify_str(struct image *img, size_t i, uint64_t off);
/* Map and check the image at path and give its key; -1 (nothing mapped)
 * when there is no usable one. */
int image_map(const char *path, enum image_type type, struct image_key *key, size_t nsect,
	      unsigned defer, struct image *img);
void image_unmap(struct image *img);
/* A copy of img for what is loaded from it to keep (the chunks checked
 * so far, and later ones), not owning the mapping; NULL when out of
 * memory. */
struct image *image_keep(const struct image *img);
/* The mapping of img handed to kept (image_keep()'s copy, whose owner then
 * unmaps it); with kept NULL (the image was refused), img unmapped. */
void image_hand_over(struct image *img, struct image *kept);

/* One kind of source as image_load() loads it: its image's name and
 * shape, and the steps of its own. */
struct image_ops {
	const char *tag; /* image_path()'s TAG */
	enum image_type type;
	enum infile_kind kind; /* how the source is read */
	size_t nsect;
	unsigned defer; /* image_open()'s defer */
	/* What the current image img holds, which then owns the mapping
	 * (image_hand_over()); NULL, and img unmapped, when it is refused. */
	void *(*adopt)(struct image *img, void *ctx);
	/* src parsed as if there were no image; with for_image, what it gives
	 * is written to one. NULL with err when the parse fails. */
	void *(*parse)(void *ctx, const char *src, bool for_image, struct ps_error *err);
	/* Write obj as the image at path for key (failing only costs speed). */
	void (*write)(void *obj, const char *path, const struct image_key *key);
};
/* Load src from its image when there is a current one, else parse it and
 * write one (doc/HACKING.md, "Compiled index"); with reparse, parse it and
 * write a new image whatever there is. A source that needs parsing is read
 * once: its key's hash is taken from the bytes the parse reads (through
 * infile_read()). Images off or not to be had: a parse. ctx is the ops'. */
void *image_load(const struct image_ops *ops, void *ctx, const char *src, bool reparse,
		 struct ps_error *err);
/* Write an image atomically (a temporary file, fsync, rename; mode 0600
 * in a 0700 directory); -1 when it cannot, which only costs speed. */
int image_write(const char *path, enum image_type type, const struct image_key *key,
		const struct image_section *sect, size_t nsect);
/* The bytes of an image as image_write() lays them out, in a malloc'd
 * block (tests, fuzzing); NULL when out of memory. */
void *image_build(enum image_type type, const struct image_key *key,
		  const struct image_section *sect, size_t nsect, size_t *len);
/* Set the size and checksum of the image in buf[0..len) to match its bytes
 * (tests and fuzzing: a changed image that still passes the checksum). */
void image_seal(void *buf, size_t len);

#endif
