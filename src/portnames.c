/* SPDX-License-Identifier: MIT */
/* portnames.c: a services(5)-format source indexed by port. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
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
	if (name == UINT32_MAX || pn->n + ports > UINT32_MAX)
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
		pn->e[pn->n++] = (struct portname){(uint16_t)p, (uint8_t)se->transport,
						   (float)se->frequency, name, (uint32_t)se->line};
		portbits_set(&pn->has, se->transport, (unsigned)p);
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

struct portnames *portnames_load(const char *path, struct ps_error *err)
{
	struct portnames *pn = portnames_new(path);
	if (!pn) {
		error_set(err, path, 0, _("out of memory"));
		return NULL;
	}
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return pn; /* optional: absent is not an error */
	pn->present = true;
	return finish(pn, services_parse_file(path, add_entry, pn, &pn->skipped, err));
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
	free(pn->e);
	free(pn->pool);
	free(pn);
}

bool portnames_has(const struct portnames *pn, unsigned port, enum transport t)
{
	return portbits_test(&pn->has, port, t);
}

static unsigned port_of(const void *elem)
{
	return ((const struct portname *)elem)->port;
}

size_t portnames_at(const struct portnames *pn, unsigned port, const struct portname **first)
{
	size_t at, n = portbits_sorted_at(pn->e, pn->n, sizeof(*pn->e), port_of, port, &at);
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
