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
/* The sections image_open() may leave unverified: none, or with
 * counts_only, the records, pool and indexes (regimage_adopt() then never
 * reads them). */
unsigned regimage_defer(bool counts_only);
/* The registry in a mapped image, which it then owns (registry_free()
 * unmaps it); NULL, and the image unmapped, when it is not a valid one.
 * Provenance (source, label, bundled) is the caller's. counts_only leaves
 * the records, pool and indexes out (reg->counts_only): nrec, date, the
 * per-port states and the warnings' counts are all a registry then has. */
struct registry *regimage_adopt(struct image *img, enum source_kind kind, bool counts_only);
/* The same from bytes in memory, which must outlive the registry (tests,
 * fuzzing); every index in what it keeps is checked, and the checksums
 * img left unverified are verified first. */
struct registry *regimage_from(struct image *img, enum source_kind kind, bool counts_only);

#endif
