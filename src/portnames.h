/* SPDX-License-Identifier: MIT */
/* portnames.h: one optional services(5)-format source (/etc/services,
 * nmap-services, the user's labels) indexed by port: a bitmap per transport
 * answers "is port named here?" in O(1), and entries sorted by port give
 * the names and nmap frequencies of one port by binary search. Ranges
 * ("9000-9010/tcp") are expanded to one entry per port. */
#ifndef PORTSCOPE_PORTNAMES_H
#define PORTSCOPE_PORTNAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "image.h"
#include "portbits.h"
#include "registry.h"

struct portname {
	uint16_t port;
	uint8_t transport; /* enum transport (TRANSPORT_OTHER for others) */
	float frequency;   /* nmap open frequency, or -1 */
	uint32_t name;	   /* offset of the NUL-terminated name in pool */
	uint32_t line;	   /* line in the file */
};

/* What portnames_prepare_port() found: the entries of port (portnames_at()). */
struct portnames_prepared {
	bool set;
	unsigned port;
	size_t at, n;
};

struct portnames {
	char *path;	    /* the file read (under $PORTSCOPE_SYSROOT) */
	bool present;	    /* false: the file does not exist (not an error) */
	struct portname *e; /* sorted by port, transport, line */
	size_t n, cap;
	char *pool;
	size_t pool_len, pool_cap;
	struct portbits *has;		    /* NULL: none (or lazy: answered from e) */
	struct ps_skips skipped;	    /* malformed lines left out */
	struct image *image;		    /* e and pool live in this mapped image (read-only)
					       when it is set (doc/HACKING.md, "Compiled index") */
	bool lazy;			    /* e and pool checked only as far as
					       portnames_prepare_port() reached */
	struct portnames_prepared prepared; /* the last port it checked */
};

/* Load a services(5)-format file. A file that does not exist gives an empty,
 * !present set; malformed lines are skipped and counted in skipped; an
 * unreadable file (a FIFO, a directory, too big, a NUL byte) gives NULL
 * with err. */
struct portnames *portnames_load(const char *path, struct ps_error *err);
/* The same from memory (tests, fuzzing). */
struct portnames *portnames_load_mem(const char *buf, size_t len, const char *name,
				     struct ps_error *err);
void portnames_free(struct portnames *pn);
/* How many sections a services image has (for image_check()). */
#define PORTNAMES_IMAGE_SECTIONS 5
/* The image bytes of pn for key, malloc'd (tests, fuzzing); NULL when out
 * of memory. */
void *portnames_image_build(const struct portnames *pn, const struct image_key *key, size_t *len);
/* The set in a checked image (bytes that must outlive it), or NULL when
 * the image is not a valid one: every index in it is checked, and the
 * checksums img left unverified are verified first; with lazy, only the
 * bitmaps and meta data, the entries and names as portnames_prepare_port()
 * reaches them. */
struct portnames *portnames_from_image(struct image *img, const char *path, bool lazy);
/* Say that the sets loaded from now on are read a port at a time
 * (lookup): one from an image is then loaded lazily (pn->lazy). */
void portnames_lazy(bool on);
/* Before portnames_at(pn, port) and the names it gives, on a lazy set:
 * check the entries and names it reads; -1 when the image fails a check
 * (then read nothing more of pn: portnames_reparse() it). 0 for any set
 * that is not lazy. */
int portnames_prepare_port(struct portnames *pn, unsigned port);
/* pn (freed) loaded again by a parse of its file, and a new image written
 * for it; NULL with err when that fails. */
struct portnames *portnames_reparse(struct portnames *pn, struct ps_error *err);

/* Is port named for transport t (TRANSPORT_ANY: any)? O(1) (a lazy set:
 * after portnames_prepare_port(), from the entries). */
bool portnames_has(const struct portnames *pn, unsigned port, enum transport t);
/* The entries for port, contiguous from *first (NULL when none); returns
 * how many. */
size_t portnames_at(const struct portnames *pn, unsigned port, const struct portname **first);
/* The highest nmap frequency of port for t (TRANSPORT_ANY: any), or -1. */
double portnames_frequency(const struct portnames *pn, unsigned port, enum transport t);
/* The first name for port and t (TRANSPORT_ANY: any), or NULL. */
const char *portnames_name(const struct portnames *pn, unsigned port, enum transport t);

static inline const char *portnames_str(const struct portnames *pn, const struct portname *e)
{
	return pn->pool + e->name;
}

#endif
