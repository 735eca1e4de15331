/* SPDX-License-Identifier: MIT */
/* portnames.c: a services(5)-format source indexed by port. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "infile.h"
#include "portnames.h"
#include "services.h"

static uint32_t add_name(struct portnames *pn, const char *s, size_t n)
{
	if (pn->pool_len + n + 1 > pn->pool_cap) {
		size_t cap = pn->pool_cap ? pn->pool_cap : 4096;
		while (cap < pn->pool_len + n + 1)
			cap *= 2;
		char *p = cap <= UINT32_MAX ? realloc(pn->pool, cap) : NULL;
		if (!p)
			return UINT32_MAX;
		pn->pool = p;
		pn->pool_cap = cap;
	}
	uint32_t off = (uint32_t)pn->pool_len;
	memcpy(pn->pool + off, s, n);
	pn->pool[off + n] = '\0';
	pn->pool_len += n + 1;
	return off;
}

static int add_entry(void *ctx, const struct services_entry *se, struct ps_error *err)
{
	struct portnames *pn = ctx;
	uint32_t name = add_name(pn, se->name, se->name_len);
	size_t ports = (size_t)(se->port_hi - se->port_lo) + 1;
	if (name == UINT32_MAX || pn->n + ports > UINT32_MAX ||
	    (!pn->has && !(pn->has = calloc(1, sizeof(*pn->has)))))
		return error_set(err, pn->path, se->line, _("out of memory"));
	if (pn->n + ports > pn->cap) {
		size_t cap = pn->cap ? pn->cap : 256;
		while (cap < pn->n + ports)
			cap *= 2;
		struct portname *e = realloc(pn->e, cap * sizeof(*e));
		if (!e)
			return error_set(err, pn->path, se->line, _("out of memory"));
		pn->e = e;
		pn->cap = cap;
	}
	for (int32_t p = se->port_lo; p <= se->port_hi; p++) {
		struct portname *e = &pn->e[pn->n++];
		memset(e, 0, sizeof(*e)); /* padding too: entries are written to images */
		e->port = (uint16_t)p;
		e->transport = (uint8_t)se->transport;
		e->frequency = (float)se->frequency;
		e->name = name;
		e->line = (uint32_t)se->line;
		portbits_set(pn->has, se->transport, (unsigned)p);
	}
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct portname *x = a, *y = b;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	if (x->transport != y->transport)
		return x->transport < y->transport ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static struct portnames *portnames_new(const char *path)
{
	struct portnames *pn = calloc(1, sizeof(*pn));
	if (pn && !(pn->path = strdup(path))) {
		free(pn);
		pn = NULL;
	}
	return pn;
}

static struct portnames *finish(struct portnames *pn, int rc)
{
	if (rc < 0) {
		portnames_free(pn);
		return NULL;
	}
	if (pn->n)
		qsort(pn->e, pn->n, sizeof(*pn->e), cmp_entry);
	return pn;
}

enum portnames_section { PN_META, PN_ENTRIES, PN_POOL, PN_HAS, PN_SKIP_WHY, PN_SECTIONS };

_Static_assert(PN_SECTIONS == PORTNAMES_IMAGE_SECTIONS, "PORTNAMES_IMAGE_SECTIONS is the count");

struct portnames_meta {
	uint64_t n, pool_len, skipped_n, skipped_line;
	uint32_t entry_size; /* sizeof(struct portname) of the writer */
	uint32_t zero;
};

/* The sections of pn, with m filled in. */
static void portnames_sections(const struct portnames *pn, struct portnames_meta *m,
			       struct image_section sect[PN_SECTIONS])
{
	*m = (struct portnames_meta){
		pn->n, pn->pool_len, pn->skipped.n, pn->skipped.line, sizeof(struct portname), 0};
	static const struct portbits none;
	const char *why = pn->skipped.why ? pn->skipped.why : "";
	sect[PN_META] = (struct image_section){m, sizeof(*m)};
	sect[PN_ENTRIES] = (struct image_section){pn->e, pn->n * sizeof(*pn->e)};
	sect[PN_POOL] = (struct image_section){pn->pool, pn->pool_len};
	sect[PN_HAS] = (struct image_section){pn->has ? pn->has : &none, sizeof(none)};
	sect[PN_SKIP_WHY] = (struct image_section){why, strlen(why) + 1};
}

/* Write pn as the image at path for key (failing only costs speed). */
static void portnames_write_image(void *pn, const char *path, const struct image_key *key)
{
	struct portnames_meta m;
	struct image_section sect[PN_SECTIONS];
	portnames_sections(pn, &m, sect);
	image_write(path, IMAGE_PORTNAMES, key, sect, PN_SECTIONS);
}

void *portnames_image_build(const struct portnames *pn, const struct image_key *key, size_t *len)
{
	struct portnames_meta m;
	struct image_section sect[PN_SECTIONS];
	portnames_sections(pn, &m, sect);
	return image_build(IMAGE_PORTNAMES, key, sect, PN_SECTIONS, len);
}

/* Do the sections hold what the meta section says, every index in range
 * (lazy: the sizes; portnames_prepare_port() checks the entries it reads)? */
static bool portnames_image_ok(const struct image *img, const struct portnames_meta *m, bool lazy)
{
	const struct image_section *s = img->sect;
	const char *pool = s[PN_POOL].data, *why = s[PN_SKIP_WHY].data;
	if (m->entry_size != sizeof(struct portname) || m->n > UINT32_MAX ||
	    s[PN_ENTRIES].len != m->n * sizeof(struct portname) || s[PN_POOL].len != m->pool_len ||
	    s[PN_HAS].len != sizeof(struct portbits) || s[PN_SKIP_WHY].len == 0 ||
	    why[s[PN_SKIP_WHY].len - 1] != '\0' ||
	    (m->pool_len && !lazy && pool[m->pool_len - 1] != '\0') || (m->n && !m->pool_len))
		return false;
	if (lazy)
		return true;
	const struct portname *e = s[PN_ENTRIES].data;
	for (size_t i = 0; i < m->n; i++)
		if (e[i].name >= m->pool_len || e[i].transport > TRANSPORT_NONE ||
		    (i && e[i].port < e[i - 1].port))
			return false;
	return true;
}

/* The sections a lazy load leaves for portnames_prepare_port(). */
#define PN_LAZY (1u << PN_ENTRIES | 1u << PN_POOL | 1u << PN_HAS)

struct portnames *portnames_from_image(struct image *img, const char *path, bool lazy)
{
	struct portnames_meta m;
	if (img->nsect != PN_SECTIONS || img->sect[PN_META].len != sizeof(m))
		return NULL;
	for (size_t i = 0; i < PN_SECTIONS; i++)
		if (!(lazy && (PN_LAZY & (1u << i))) && image_verify(img, i) < 0)
			return NULL;
	memcpy(&m, img->sect[PN_META].data, sizeof(m));
	if (!portnames_image_ok(img, &m, lazy))
		return NULL;
	struct portnames *pn = portnames_new(path);
	const char *why = img->sect[PN_SKIP_WHY].data;
	if (!pn || !(pn->image = image_keep(img)) || (*why && !(pn->skipped.why = strdup(why)))) {
		portnames_free(pn);
		return NULL;
	}
	pn->lazy = lazy;
	pn->present = true;
	pn->e = (struct portname *)img->sect[PN_ENTRIES].data;
	pn->n = pn->cap = (size_t)m.n;
	pn->pool = (char *)img->sect[PN_POOL].data;
	pn->pool_len = pn->pool_cap = (size_t)m.pool_len;
	if (!lazy) /* a lazy set answers portnames_has() from its entries */
		pn->has = (struct portbits *)img->sect[PN_HAS].data;
	pn->skipped.n = (size_t)m.skipped_n;
	pn->skipped.line = (unsigned long)m.skipped_line;
	return pn;
}

/* Parse path as a services(5)-format file (for an image or not: the same). */
static void *portnames_parse(void *ctx, const char *path, bool for_image, struct ps_error *err)
{
	(void)ctx, (void)for_image;
	struct portnames *pn = portnames_new(path);
	if (!pn) {
		error_set(err, path, 0, _("out of memory"));
		return NULL;
	}
	pn->present = true;
	return finish(pn, services_parse_file(path, add_entry, pn, &pn->skipped, err));
}

static bool portnames_want_lazy;

void portnames_lazy(bool on)
{
	portnames_want_lazy = on;
}

static void *portnames_adopt(struct image *img, void *ctx)
{
	struct portnames *pn = portnames_from_image(img, ctx, portnames_want_lazy);
	image_hand_over(img, pn ? pn->image : NULL); /* portnames_free() unmaps it */
	return pn;
}

static const struct image_ops portnames_ops = {
	.tag = "services",
	.type = IMAGE_PORTNAMES,
	.kind = INFILE_SERVICES,
	.nsect = PN_SECTIONS,
	.defer = PN_LAZY,
	.adopt = portnames_adopt,
	.parse = portnames_parse,
	.write = portnames_write_image,
};

/* Load path from its image, or with reparse (or without a current image)
 * parse it and write one. */
static struct portnames *portnames_load_as(const char *path, bool reparse, struct ps_error *err)
{
	if (access(path, F_OK) < 0 && errno == ENOENT) {
		struct portnames *none = portnames_new(path);
		if (!none)
			error_set(err, path, 0, _("out of memory"));
		return none; /* optional: absent is not an error */
	}
	return image_load(&portnames_ops, (void *)path, path, reparse, err);
}

struct portnames *portnames_load(const char *path, struct ps_error *err)
{
	return portnames_load_as(path, false, err);
}

struct portnames *portnames_reparse(struct portnames *pn, struct ps_error *err)
{
	struct portnames *fresh = portnames_load_as(pn->path, true, err);
	portnames_free(pn);
	return fresh;
}

/* Entry i of a lazy set, checked as portnames_image_ok() checks them all. */
static int portnames_entry_ok(void *ctx, size_t i)
{
	struct portnames *pn = ctx;
	const struct portname *e = &pn->e[i];
	return image_verify_range(pn->image, PN_ENTRIES, (uint64_t)i * sizeof(*e), sizeof(*e)) ==
				       0 &&
			       e->name < pn->pool_len && e->transport <= TRANSPORT_NONE
		       ? 0
		       : -1;
}

static unsigned port_of(const void *elem)
{
	return ((const struct portname *)elem)->port;
}

int portnames_prepare_port(struct portnames *pn, unsigned port)
{
	if (!pn->lazy || port > PORT_MAX)
		return 0;
	/* portnames_at()'s search, each entry it reads checked; it keeps
	 * what it found for portnames_at() */
	size_t at, n = portbits_sorted_at(pn->e, pn->n, sizeof(*pn->e), port_of, port, &at,
					  portnames_entry_ok, pn);
	/* the entry after the run was read too: below port, not sorted (forged) */
	if (n == SIZE_MAX || (at + n < pn->n && pn->e[at + n].port < port))
		return -1;
	for (size_t e = at; e < at + n; e++)
		if (image_verify_str(pn->image, PN_POOL, pn->e[e].name) < 0)
			return -1;
	pn->prepared = (struct portnames_prepared){true, port, at, n};
	return 0;
}

struct portnames *portnames_load_mem(const char *buf, size_t len, const char *name,
				     struct ps_error *err)
{
	struct portnames *pn = portnames_new(name);
	if (!pn) {
		error_set(err, name, 0, _("out of memory"));
		return NULL;
	}
	pn->present = true;
	return finish(pn, services_parse_mem(buf, len, name, add_entry, pn, &pn->skipped, err));
}

void portnames_free(struct portnames *pn)
{
	if (!pn)
		return;
	free(pn->path);
	skips_clear(&pn->skipped);
	if (pn->image) {
		image_unmap(pn->image);
		free(pn->image);
	} else {
		free(pn->e);
		free(pn->has);
		free(pn->pool);
	}
	free(pn);
}

static bool wanted(const struct portname *e, enum transport t);

bool portnames_has(const struct portnames *pn, unsigned port, enum transport t)
{
	if (!pn->lazy)
		return pn->has && portbits_test(pn->has, port, t);
	/* what the bitmaps say, from the entries portnames_prepare_port() checked */
	const struct portname *e;
	size_t n = t == TRANSPORT_ANY || t < TRANSPORT_REAL ? portnames_at(pn, port, &e) : 0;
	for (size_t i = 0; i < n; i++)
		if (wanted(&e[i], t))
			return true;
	return false;
}

size_t portnames_at(const struct portnames *pn, unsigned port, const struct portname **first)
{
	const struct portnames_prepared *pp = &pn->prepared;
	size_t at = pp->at, n = pp->n;
	if (!pp->set || pp->port != port)
		n = portbits_sorted_at(pn->e, pn->n, sizeof(*pn->e), port_of, port, &at, NULL,
				       NULL);
	*first = n ? pn->e + at : NULL;
	return n;
}

static bool wanted(const struct portname *e, enum transport t)
{
	return t == TRANSPORT_ANY ? e->transport < TRANSPORT_REAL : e->transport == t;
}

double portnames_frequency(const struct portnames *pn, unsigned port, enum transport t)
{
	const struct portname *e;
	size_t n = portnames_at(pn, port, &e);
	double best = -1;
	for (size_t i = 0; i < n; i++)
		if (wanted(&e[i], t) && e[i].frequency > best)
			best = e[i].frequency;
	return best;
}

const char *portnames_name(const struct portnames *pn, unsigned port, enum transport t)
{
	const struct portname *e;
	size_t n = portnames_at(pn, port, &e);
	for (size_t i = 0; i < n; i++)
		if (wanted(&e[i], t))
			return portnames_str(pn, &e[i]);
	return NULL;
}
