/* SPDX-License-Identifier: MIT */
/* regimage.h: a loaded registry as a compiled image and back
 * (doc/HACKING.md, "Compiled index"): records, string pool, per-port state,
 * cover index and name index, used in place from the mapped file. */
#ifndef PORTSCOPE_REGIMAGE_H
#define PORTSCOPE_REGIMAGE_H

#include "image.h"
#include "registry.h"

/* Write reg (finished, loaded by the loader of kind) as the image at path
 * for key; -1 when it cannot (only speed is lost). */
int regimage_write(struct registry *reg, const char *path, const struct image_key *key);
/* The image bytes of reg for key, malloc'd (tests, fuzzing); NULL when
 * out of memory. */
void *regimage_build(struct registry *reg, const struct image_key *key, size_t *len);
/* How many sections a registry image has (for image_open()). */
#define REGIMAGE_SECTIONS 8
/* How much of an image a load checks up front. */
enum regimage_mode {
	REGIMAGE_WHOLE,	 /* every section, every index in it */
	REGIMAGE_COUNTS, /* the meta and state sections: the records, pool and
			    indexes are left out (reg->counts_only) */
	REGIMAGE_LAZY,	 /* the meta section: the rest is checked a page at a
			    time, as registry_prepare_port() and
			    registry_prepare_name() reach it (reg->lazy) */
};
/* The sections image_open() may leave unverified for mode (regimage_from()
 * then checks what mode reads whole). */
unsigned regimage_defer(enum regimage_mode mode);
/* The registry in a mapped image, which it then owns (registry_free()
 * unmaps it); NULL, and the image unmapped, when it is not a valid one.
 * Provenance (source, label, bundled) is the caller's. REGIMAGE_COUNTS
 * leaves the records, pool and indexes out: nrec, date, the per-port
 * states and the warnings' counts are all a registry then has. */
struct registry *regimage_adopt(struct image *img, enum source_kind kind, enum regimage_mode mode);
/* The same from bytes in memory, which must outlive the registry (tests,
 * fuzzing); every index in what it keeps is checked (REGIMAGE_LAZY: as it
 * is reached), and the checksums img left unverified are verified first. */
struct registry *regimage_from(struct image *img, enum source_kind kind, enum regimage_mode mode);
/* Entry k of a lazy registry's name index and its record, checked as
 * regimage_ok() checks them all; -1 when the image fails a check. */
int regimage_name_ok(struct registry *reg, size_t k);

#endif
