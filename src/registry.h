/* SPDX-License-Identifier: MIT */
/* registry.h: the in-memory port registry: flat records plus a per-port
 * index (65,536 ports x 4 transports) giving each port's state and the
 * records that cover it, so map cells, lookups and gap queries never walk
 * the record list. Loaders (iana_csv.c, services.c) fill it through
 * registry_add() and seal it with registry_finish(). */
#ifndef PORTSCOPE_REGISTRY_H
#define PORTSCOPE_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "error.h"

struct image;

#define PORT_COUNT 65536
#define PORT_MAX 65535
#define PORT_NONE (-1)
/* Longest field a loader accepts, in bytes (the real registry's longest
 * is about 1.5 KB). */
#define FIELD_MAX 65536
/* Most (record, port) pairs the per-port index holds, 64 MiB of it. The
 * real registry has about 56,000; without a cap a file of repeated wide
 * ranges ("0-65535") would need memory quadratic in its size. */
#define COVER_MAX (16 * 1024 * 1024)

/* Transports that mark port state come first; ANY is their union. */
enum transport {
	TRANSPORT_TCP,
	TRANSPORT_UDP,
	TRANSPORT_SCTP,
	TRANSPORT_DCCP,
	TRANSPORT_ANY,	 /* as a filter: the strongest over the four */
	TRANSPORT_OTHER, /* a record whose transport is none of the four */
	TRANSPORT_NONE,	 /* a record with an empty transport */
};
#define TRANSPORT_REAL 4 /* TCP..DCCP */

/* Ordered by strength: a port's state is the strongest covering row's. */
enum port_state {
	STATE_UNASSIGNED,
	STATE_RESERVED,
	STATE_ASSIGNED,
};
#define STATE_COUNT 3

enum port_range {
	RANGE_SYSTEM,  /* 0-1023 */
	RANGE_USER,    /* 1024-49151 */
	RANGE_DYNAMIC, /* 49152-65535 */
};
#define RANGE_COUNT 3

/* The 12 IANA columns, in file order. */
enum field {
	FIELD_SERVICE,
	FIELD_PORT,
	FIELD_TRANSPORT,
	FIELD_DESCRIPTION,
	FIELD_ASSIGNEE,
	FIELD_CONTACT,
	FIELD_REGISTERED,
	FIELD_MODIFIED,
	FIELD_REFERENCE,
	FIELD_SERVICE_CODE,
	FIELD_UNAUTHORIZED,
	FIELD_NOTES,
	FIELD_COUNT
};

struct record {
	uint32_t field[FIELD_COUNT]; /* offsets of NUL-terminated text in the pool */
	uint32_t line;		     /* line in the source file where it starts */
	int32_t port_lo, port_hi;    /* PORT_NONE when the record has no port */
	uint8_t transport;	     /* enum transport */
	uint8_t state;		     /* enum port_state */
};

/* A record as a loader hands it over: raw field bytes. */
struct record_fields {
	const char *s[FIELD_COUNT];
	size_t n[FIELD_COUNT];
	int32_t port_lo, port_hi; /* the Port Number as the loader parsed it
				     (port_parse_field); PORT_NONE: no port */
};

enum source_kind {
	SOURCE_IANA_CSV, /* the official CSV */
	SOURCE_SERVICES, /* a services(5)-format file (degraded) */
};

struct registry {
	struct record *rec;
	size_t nrec, rec_cap;
	char *pool;
	size_t pool_len, pool_cap;
	/* per-port index, valid after registry_finish() */
	uint8_t (*state)[PORT_COUNT]; /* [TRANSPORT_ANY + 1] */
	uint32_t *cover_off;	      /* PORT_COUNT + 1 offsets into cover */
	uint32_t *cover;	      /* record indices, ascending, per port */
	size_t ncover;		      /* (record, port) pairs so far, at most COVER_MAX */
	uint32_t *by_name;	      /* records sorted by service name, built on demand */
	size_t nby_name;
	struct image *image; /* the arrays above live in this mapped image
				(read-only) when it is set: src/regimage.c */
	bool counts_only;    /* from an image without its records, pool and
				port indexes: source_counts_only() */
	bool lazy;	     /* from an image checked only as far as
				registry_prepare_*() reached: source_lazy() */
	/* provenance */
	char *source; /* path of the file loaded */
	enum source_kind kind;
	const char *source_label; /* untranslated, e.g. "IANA registry" */
	bool degraded;		  /* not the official CSV */
	bool bundled;		  /* the snapshot shipped with portscope */
	char date[11];		  /* newest YYYY-MM-DD in the data, or "" */
	struct ps_skips skipped;  /* malformed services(5) lines left out */
	size_t hidden_names;	  /* service names with format characters */
	unsigned long hidden_first_line;
	size_t utf8_fixed; /* ill-formed bytes replaced at load */
	unsigned long utf8_first_line;
};

struct registry *registry_new(void);
void registry_free(struct registry *reg);
/* Append one record; file/line name it in errors (index full, no memory). */
int registry_add(struct registry *reg, const struct record_fields *f, const char *file,
		 unsigned long line, struct ps_error *err);
/* The same for fields already interned with registry_intern(), field[i]
 * the offset and len[i] the length of each; loaders that see one field at
 * a time use this to copy each byte once. */
int registry_add_interned(struct registry *reg, const uint32_t field[FIELD_COUNT],
			  const uint32_t len[FIELD_COUNT], int32_t port_lo, int32_t port_hi,
			  const char *file, unsigned long line, struct ps_error *err);
/* Size the string pool and the record array once for a file of this many
 * bytes, rather than growing them while loading (each still grows if the
 * guess is short). -1 when out of memory. */
int registry_reserve(struct registry *reg, size_t bytes);
/* Copy text into the string pool as valid UTF-8 (ill-formed bytes become
 * U+FFFD and are counted against line); its offset, or UINT32_MAX when
 * out of memory. */
uint32_t registry_intern(struct registry *reg, const char *s, size_t n, unsigned long line);
/* Slow path of registry_intern_utf8(): grow the pool, then intern. */
uint32_t registry_intern_grow(struct registry *reg, const char *s, size_t n);
/* The same for text the caller has already found to be valid UTF-8
 * (inline: a loader calls it for every field it reads). */
static inline uint32_t registry_intern_utf8(struct registry *reg, const char *s, size_t n)
{
	if (n == 0)
		return 0; /* offset 0 is the empty string */
	if (reg->pool_cap - reg->pool_len <= n)
		return registry_intern_grow(reg, s, n);
	uint32_t off = (uint32_t)reg->pool_len;
	memcpy(reg->pool + off, s, n);
	reg->pool[off + n] = '\0';
	reg->pool_len += n + 1;
	return off;
}
/* Drop everything interned since registry_pool_mark() returned mark. */
static inline size_t registry_pool_mark(const struct registry *reg)
{
	return reg->pool_len;
}

static inline void registry_pool_rewind(struct registry *reg, size_t mark)
{
	reg->pool_len = mark;
}
/* Build the per-port index once every record is in. */
int registry_finish(struct registry *reg, struct ps_error *err);
/* Only its states, for a registry read for nothing else (counts, free
 * ports: source_counts_only()): registry_records_at() then finds no
 * record. */
int registry_finish_states(struct registry *reg, struct ps_error *err);

static inline const char *registry_field(const struct registry *reg, const struct record *r,
					 enum field f)
{
	return reg->pool + r->field[f];
}

/* State of port for one transport, or for TRANSPORT_ANY. */
static inline enum port_state registry_state(const struct registry *reg, unsigned port,
					     enum transport t)
{
	return (enum port_state)reg->state[t][port];
}

static inline bool registry_is_free(const struct registry *reg, unsigned port, enum transport t)
{
	return reg->state[t][port] == STATE_UNASSIGNED;
}

/* The records covering port (any transport, including ones that do not mark
 * state), as indices into reg->rec in file order; returns how many. */
size_t registry_records_at(const struct registry *reg, unsigned port, const uint32_t **idx);
/* The service name of the first assigned record of transport t covering
 * port (a name, never ""), or NULL when the registry names none. */
const char *registry_assigned_name(const struct registry *reg, unsigned port, enum transport t);
/* A registry loaded lazily (reg->lazy: source_lazy()) has had only its
 * meta data checked: before reading anything of port (its states on every
 * transport, registry_records_at(), those records and their fields), a
 * caller has it checked with registry_prepare_port(); before
 * registry_find_service(name) and the records it gives, with
 * registry_prepare_name(). -1 when the image fails a check: the caller
 * must then read nothing more of reg and load it again by a parse
 * (source_reparse()). Any other registry is ready: 0. */
int registry_prepare_port(struct registry *reg, unsigned port);
int registry_prepare_name(struct registry *reg, const char *name);
/* strcasecmp() for ASCII only, whatever the locale: the order of the
 * name index, which a compiled image keeps. */
int registry_name_cmp(const char *a, const char *b);
/* Every record with a service name, sorted by it (ASCII case-insensitive);
 * -1 when out of memory. */
int registry_named_records(struct registry *reg, const uint32_t **idx, size_t *n);
/* Records whose service name equals name (ASCII case-insensitive). */
size_t registry_find_service(struct registry *reg, const char *name, const uint32_t **idx);
/* registry_find_service() on a lazy registry too: each entry of the name
 * index its search reads, and that entry's record, checked first (what
 * registry_prepare_name() checks), so a query searches once; -1 (*n 0)
 * when the image fails a check, as registry_prepare_name(). */
int registry_lookup_name(struct registry *reg, const char *name, const uint32_t **idx, size_t *n);
/* Records whose service name starts with prefix (ASCII case-insensitive),
 * in the name index's order: a run of it, so one name's records are
 * neighbours. */
size_t registry_find_prefix(struct registry *reg, const char *prefix, const uint32_t **idx);

/* Parse a Port Number field: "", "N" or "LO-HI". Returns 0, or -1 with a
 * static English reason in *why. */
int port_parse_field(const char *s, size_t n, int32_t *lo, int32_t *hi, const char **why);
enum port_state state_of_description(const char *desc);
enum transport transport_from_name(const char *s, size_t n);
/* Parse a --proto value (tcp, udp, sctp, dccp, any); -1 when unknown. */
int transport_parse_filter(const char *s);
const char *transport_name(enum transport t);
const char *state_name(enum port_state s);
enum port_range port_range_of(unsigned port);
const char *range_name(enum port_range r);
/* The range's name as a title ("System", "User", "Dynamic"), marked for
 * translation (N_): the caller translates it. */
const char *range_title(enum port_range r);
void range_bounds(enum port_range r, unsigned *lo, unsigned *hi);
/* JSON key of a field ("service", "port", ... "notes"). */
const char *field_key(enum field f);
/* The IANA CSV column heading of a field ("Service Name", ...). */
const char *field_heading(enum field f);

#endif
