/* SPDX-License-Identifier: MIT */
/* services.c: a strict parser for services(5)-format files, and the loader
 * that turns one into a (degraded) registry. */
#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "i18n.h"
#include "infile.h"
#include "loader.h"
#include "services.h"
#include "strbuf.h"
#include "tokens.h"

struct services_parse {
	const char *file;
	services_cb cb;
	void *ctx;
	struct ps_error *err;
	unsigned long line;
	struct strbuf partial;	/* a line split across blocks */
	struct ps_skips *skips; /* NULL: a malformed line is an error */
	bool overlong;		/* skipping the rest of a too long line */
};

/* A malformed line: skipped and counted, or (strict) the error. */
static __attribute__((format(printf, 2, 3))) int malformed(struct services_parse *ps,
							   const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	int rc = 0;
	if (ps->skips)
		skips_note(ps->skips, ps->line, "%s", strbuf_str(&msg));
	else
		rc = error_set(ps->err, ps->file, ps->line, "%s", strbuf_str(&msg));
	strbuf_free(&msg);
	return rc;
}

static void trim(const char **s, size_t *n)
{
	while (*n && tokens_is_blank(**s))
		(*s)++, (*n)--;
	while (*n && tokens_is_blank((*s)[*n - 1]))
		(*n)--;
}

/* "port/proto[/proto...]": the port part and the protocol list. -1: the
 * line was skipped; -2: an error. */
static int parse_port_protos(struct services_parse *ps, const char *tok, size_t n,
			     struct services_entry *e, const char **protos, size_t *protos_len)
{
	const char *slash = memchr(tok, '/', n);
	const char *why = NULL;
	if (!slash || slash == tok + n - 1)
		return malformed(ps, _("expected 'port/protocol' after the service name")) - 1;
	if (port_parse_field(tok, (size_t)(slash - tok), &e->port_lo, &e->port_hi, &why) < 0 ||
	    e->port_lo == PORT_NONE) {
		struct strbuf b = STRBUF_INIT;
		strbuf_add(&b, tok, (size_t)(slash - tok));
		int rc = malformed(ps, _("bad port '%s': %s"), strbuf_str(&b),
				   why ? _(why) : _("not a port number or range"));
		strbuf_free(&b);
		return rc - 1;
	}
	*protos = slash + 1;
	*protos_len = (size_t)(tok + n - *protos);
	return 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* nmap's open frequency at the start of s: DIGITS.DIGITS, then a blank or
 * the end. Parsed by hand: strtod follows LC_NUMERIC (a German locale
 * stops at the '.') and would also take aliases such as "1e5" or "0x10".
 * Returns the bytes used, 0 (and *f untouched) when there is none. */
static size_t parse_frequency(const char *s, size_t n, double *f)
{
	size_t i = 0;
	double v = 0, scale = 1;
	while (i < n && is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || i == n || s[i] != '.')
		return 0;
	size_t dot = i++;
	while (i < n && is_digit(s[i])) {
		scale /= 10;
		v += (s[i++] - '0') * scale;
	}
	if (i == dot + 1 || (i < n && !tokens_is_blank(s[i])))
		return 0;
	*f = v;
	return i;
}

static int parse_line(struct services_parse *ps, const char *s, size_t n)
{
	const char *hash = memchr(s, '#', n);
	const char *end = hash ? hash : s + n;
	struct services_entry e = {.frequency = -1, .line = ps->line};
	if (hash) {
		e.comment = hash + 1;
		e.comment_len = (size_t)(s + n - e.comment);
		trim(&e.comment, &e.comment_len);
	} else {
		e.comment = "";
	}
	const char *p = s, *tok, *protos = NULL;
	size_t tn, protos_len = 0;
	if (!tokens_next(&p, end, &e.name, &e.name_len))
		return 0; /* blank or comment-only */
	if (!tokens_next(&p, end, &tok, &tn))
		return malformed(ps, _("expected 'port/protocol' after the service name"));
	int rc = parse_port_protos(ps, tok, tn, &e, &protos, &protos_len);
	if (rc < 0)
		return rc == -1 ? 0 : -1;
	e.aliases = p;
	e.aliases_len = (size_t)(end - p);
	trim(&e.aliases, &e.aliases_len);
	size_t used = parse_frequency(e.aliases, e.aliases_len, &e.frequency);
	if (used) {
		e.aliases += used;
		e.aliases_len -= used;
		trim(&e.aliases, &e.aliases_len);
	}
	/* one entry per protocol: "tcp/udp/sctp" */
	const char *q = protos, *qend = protos + protos_len;
	while (q < qend) {
		const char *sl = memchr(q, '/', (size_t)(qend - q));
		const char *stop = sl ? sl : qend;
		e.transport = transport_from_name(q, (size_t)(stop - q));
		if (ps->cb(ps->ctx, &e, ps->err) < 0)
			return -1;
		q = sl ? sl + 1 : qend;
	}
	return 0;
}

/* The line a NUL byte in this block is on: the one after the last
 * complete line, plus the newlines before the NUL. */
static unsigned long nul_line(const struct services_parse *ps, const char *buf, const char *nul)
{
	unsigned long line = ps->line + 1;
	for (const char *q = buf; (q = memchr(q, '\n', (size_t)(nul - q))); q++)
		line++;
	return line;
}

static int feed(void *ctx, const char *buf, size_t len)
{
	struct services_parse *ps = ctx;
	const char *end = buf + len;
	const char *nul = memchr(buf, '\0', len);
	if (nul)
		return error_set(ps->err, ps->file, nul_line(ps, buf, nul),
				 _("NUL byte in the data: not a text file"));
	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		if (!nl && ps->overlong)
			return 0;
		if (!nl) {
			strbuf_add(&ps->partial, buf, (size_t)(end - buf));
			if (ps->partial.len > FIELD_MAX && !ps->skips)
				return error_set(ps->err, ps->file, ps->line + 1,
						 _("line longer than %d bytes"), FIELD_MAX);
			ps->overlong = ps->partial.len > FIELD_MAX;
			if (ps->overlong)
				strbuf_reset(&ps->partial);
			return ps->partial.failed
				       ? error_set(ps->err, ps->file, 0, _("out of memory"))
				       : 0;
		}
		ps->line++;
		int rc;
		if (ps->overlong || ps->partial.len + (size_t)(nl - buf) > FIELD_MAX) {
			ps->overlong = false;
			strbuf_reset(&ps->partial);
			rc = malformed(ps, _("line longer than %d bytes"), FIELD_MAX);
		} else if (ps->partial.len) {
			strbuf_add(&ps->partial, buf, (size_t)(nl - buf));
			rc = parse_line(ps, ps->partial.data, ps->partial.len);
			strbuf_reset(&ps->partial);
		} else {
			rc = parse_line(ps, buf, (size_t)(nl - buf));
		}
		if (rc < 0)
			return -1;
		buf = nl + 1;
	}
	return 0;
}

static int finish(struct services_parse *ps, int rc)
{
	if (rc == 0 && ps->overlong) {
		ps->line++;
		rc = malformed(ps, _("line longer than %d bytes"), FIELD_MAX);
	} else if (rc == 0 && ps->partial.len) {
		ps->line++;
		rc = parse_line(ps, ps->partial.data, ps->partial.len);
	}
	strbuf_free(&ps->partial);
	return rc;
}

int services_parse_file(const char *path, services_cb cb, void *ctx, struct ps_skips *skips,
			struct ps_error *err)
{
	struct services_parse ps = {path, cb, ctx, err, 0, STRBUF_INIT, skips, false};
	return finish(&ps, infile_read(path, INFILE_SERVICES, err, feed, &ps));
}

int services_parse_mem(const char *buf, size_t len, const char *name, services_cb cb, void *ctx,
		       struct ps_skips *skips, struct ps_error *err)
{
	struct services_parse ps = {name, cb, ctx, err, 0, STRBUF_INIT, skips, false};
	return finish(&ps, feed(&ps, buf, len));
}

struct services_to_registry {
	struct registry *reg;
	const char *file;
};

/* One services entry becomes one assigned record. */
static int add_entry(void *ctx, const struct services_entry *e, struct ps_error *err)
{
	struct services_to_registry *s = ctx;
	char port[16];
	int pn = e->port_lo == e->port_hi
			 ? snprintf(port, sizeof(port), "%d", (int)e->port_lo)
			 : snprintf(port, sizeof(port), "%d-%d", (int)e->port_lo, (int)e->port_hi);
	const char *tname = transport_name(e->transport);
	struct record_fields f = {.port_lo = e->port_lo, .port_hi = e->port_hi};
	for (int i = 0; i < FIELD_COUNT; i++)
		f.s[i] = "";
	f.s[FIELD_SERVICE] = e->name, f.n[FIELD_SERVICE] = e->name_len;
	f.s[FIELD_PORT] = port, f.n[FIELD_PORT] = (size_t)pn;
	f.s[FIELD_TRANSPORT] = tname, f.n[FIELD_TRANSPORT] = strlen(tname);
	f.s[FIELD_DESCRIPTION] = e->comment, f.n[FIELD_DESCRIPTION] = e->comment_len;
	f.s[FIELD_NOTES] = e->aliases, f.n[FIELD_NOTES] = e->aliases_len;
	return registry_add(s->reg, &f, s->file, e->line, err);
}

static int services_load(struct registry *reg, const char *path, struct ps_error *err)
{
	struct services_to_registry s = {reg, path};
	int rc = services_parse_file(path, add_entry, &s, &reg->skipped, err);
	if (rc == 0 && reg->nrec == 0)
		rc = error_set(err, path, 0, _("no services in the file"));
	return rc;
}

static int services_load_mem(struct registry *reg, const char *buf, size_t len, const char *name,
			     struct ps_error *err)
{
	struct services_to_registry s = {reg, name};
	int rc = services_parse_mem(buf, len, name, add_entry, &s, &reg->skipped, err);
	if (rc == 0 && reg->nrec == 0)
		rc = error_set(err, name, 0, _("no services in the file"));
	return rc;
}

const struct loader services_loader = {
	.name = "services(5)",
	.kind = SOURCE_SERVICES,
	.load = services_load,
	.load_mem = services_load_mem,
};
