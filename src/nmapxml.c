/* SPDX-License-Identifier: MIT */
/* nmapxml.c: nmap's XML report into hosts and ports, with expat. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "dynlib.h"
#include "i18n.h"
#include "nmapxml.h"

#ifdef HAVE_EXPAT
#include <expat.h>

#ifdef DLOPEN_LIBS
/* expat, opened when a report is first read (dynlib.h) */
/* clang-format off */
#define EXPAT_FNS(X, T) \
	X(T, XML_ParserCreate) \
	X(T, XML_ParserFree) \
	X(T, XML_SetUserData) \
	X(T, XML_SetElementHandler) \
	X(T, XML_SetStartDoctypeDeclHandler) \
	X(T, XML_SetEntityDeclHandler) \
	X(T, XML_SetParamEntityParsing) \
	X(T, XML_Parse) \
	X(T, XML_StopParser) \
	X(T, XML_GetErrorCode) \
	X(T, XML_ErrorString) \
	X(T, XML_GetCurrentLineNumber)
/* clang-format on */
#define SLOT(T, f) DYNLIB_SLOT(f)
static struct expat_fns {
	EXPAT_FNS(SLOT, )
} expatf;
#undef SLOT
static const struct dynlib_fn expat_fn_names[] = {EXPAT_FNS(DYNLIB_FN, struct expat_fns)};
static struct dynlib expat_lib = DYNLIB_INIT(LIBEXPAT_SONAME, expat_fn_names, &expatf);
#define XML_ParserCreate (expatf.XML_ParserCreate)
#define XML_ParserFree (expatf.XML_ParserFree)
#define XML_SetUserData (expatf.XML_SetUserData)
#define XML_SetElementHandler (expatf.XML_SetElementHandler)
#define XML_SetStartDoctypeDeclHandler (expatf.XML_SetStartDoctypeDeclHandler)
#define XML_SetEntityDeclHandler (expatf.XML_SetEntityDeclHandler)
#define XML_SetParamEntityParsing (expatf.XML_SetParamEntityParsing)
#define XML_Parse (expatf.XML_Parse)
#define XML_StopParser (expatf.XML_StopParser)
#define XML_GetErrorCode (expatf.XML_GetErrorCode)
#define XML_ErrorString (expatf.XML_ErrorString)
#define XML_GetCurrentLineNumber (expatf.XML_GetCurrentLineNumber)
#define expatlib_open(err) dynlib_open(&expat_lib, err)
#else
#define expatlib_open(err) ((void)(err), 0)
#endif

/* The parser's state: the report being filled, the host being read
 * (added when it ends), the port being read. */
struct nmapxml_ctx {
	XML_Parser p;
	struct nmapxml *x;
	struct nmap_host host;
	bool in_host, in_port, oom;
	size_t port_at;	   /* the entry of the open <port>, while in_port */
	size_t host_ports; /* the first port entry of the open host */
	char *extra_state; /* the state of the open <extraports>, or NULL */
	const char *refused;
};

/* A copy of s ("" for NULL); out of memory is noted in c. */
static char *nmapxml_dup(struct nmapxml_ctx *c, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		c->oom = true;
	return d;
}

/* Attribute name's value in atts, or NULL. */
static const char *nmapxml_att(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* Room for one more element of size sz in *arr (n used, *cap allocated). */
static bool nmapxml_room(void **arr, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 16;
	void *na = realloc(*arr, nc * sz);
	if (!na)
		return false;
	*arr = na;
	*cap = nc;
	return true;
}

/* Free a host's strings and zero it. */
static void nmapxml_host_clear(struct nmap_host *h)
{
	free(h->name);
	free(h->address);
	free(h->status);
	memset(h, 0, sizeof(*h));
}

/* Stop the parser: out of memory, or a document refused. */
static void nmapxml_stop(struct nmapxml_ctx *c, const char *why)
{
	if (why && !c->refused)
		c->refused = why;
	XML_StopParser(c->p, XML_FALSE);
}

/* A new port entry of the open host, or NULL (out of memory, too many). */
static struct nmap_port *nmapxml_add_port(struct nmapxml_ctx *c, unsigned port, const char *proto,
					  const char *state)
{
	struct nmapxml *x = c->x;
	if (x->nports >= NMAPXML_PORTS_MAX) {
		/* L10N: why an nmap XML report is refused. */
		nmapxml_stop(c, N_("more than a million port entries: narrow the ports or the "
				   "targets"));
		return NULL;
	}
	if (!nmapxml_room((void **)&x->ports, x->nports, &x->caps[1], sizeof(*x->ports))) {
		c->oom = true;
		return NULL;
	}
	struct nmap_port *pt = &x->ports[x->nports++];
	*pt = (struct nmap_port){.host = x->nhosts,
				 .port = port,
				 .transport = transport_from_name(proto, strlen(proto)),
				 .state = nmapxml_dup(c, state),
				 .service = nmapxml_dup(c, "")};
	return pt;
}

/* A <port> of the open host: a new entry, filled by <state> and <service>. */
static void nmapxml_port_start(struct nmapxml_ctx *c, const XML_Char **atts)
{
	const char *proto = nmapxml_att(atts, "protocol"), *id = nmapxml_att(atts, "portid");
	char *end;
	unsigned long port = id ? strtoul(id, &end, 10) : 0;
	c->in_port = false; /* the parts of a port not kept go nowhere */
	if (!proto || !id || !*id || *end || port > 65535)
		return; /* not a port portscope can name */
	if (nmapxml_add_port(c, (unsigned)port, proto, "")) {
		c->port_at = c->x->nports - 1;
		c->in_port = true;
	}
}

/* One number of a ports list at *s, at most 65535; advances *s. */
static bool nmapxml_list_port(const char **s, unsigned *port)
{
	unsigned long v = 0;
	const char *p = *s;
	for (; *p >= '0' && *p <= '9' && p - *s < 6; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	if (p == *s || v > 65535)
		return false;
	*s = p;
	*port = (unsigned)v;
	return true;
}

/* <extrareasons ports="8000-8079,8081-8100" proto="tcp"> inside an
 * <extraports state="closed">: an entry for each port, marked extra. */
static void nmapxml_extra_ports(struct nmapxml_ctx *c, const XML_Char **atts)
{
	const char *list = nmapxml_att(atts, "ports"), *proto = nmapxml_att(atts, "proto");
	if (!list || !proto || !*list)
		return; /* an older nmap: a count, no ports */
	for (const char *s = list; *s;) {
		unsigned lo, hi;
		if (!nmapxml_list_port(&s, &lo))
			break;
		hi = lo;
		if (*s == '-' && (s++, !nmapxml_list_port(&s, &hi)))
			break;
		if (hi < lo || (*s && *s++ != ','))
			break;
		for (unsigned p = lo; p <= hi; p++) {
			struct nmap_port *pt = nmapxml_add_port(c, p, proto, c->extra_state);
			if (!pt)
				return;
			pt->extra = true;
		}
		if (!*s)
			return;
	}
	/* L10N: why an nmap XML report is refused. */
	nmapxml_stop(c, N_("a bad ports list in <extrareasons>"));
}

/* Replace *field with value (a port's state or service). */
static void nmapxml_set(struct nmapxml_ctx *c, char **field, const char *value)
{
	if (!value)
		return;
	char *d = nmapxml_dup(c, value);
	if (d) {
		free(*field);
		*field = d;
	}
}

/* An element inside <host>: its status, address, name and ports. */
static void nmapxml_host_part(struct nmapxml_ctx *c, const char *el, const XML_Char **atts)
{
	struct nmap_host *h = &c->host;
	if (strcmp(el, "status") == 0 && !h->status) {
		h->status = nmapxml_dup(c, nmapxml_att(atts, "state"));
	} else if (strcmp(el, "address") == 0 && !h->address) {
		const char *type = nmapxml_att(atts, "addrtype");
		if (!type || strcmp(type, "mac") != 0)
			h->address = nmapxml_dup(c, nmapxml_att(atts, "addr"));
	} else if (strcmp(el, "hostname") == 0 && !h->name) {
		h->name = nmapxml_dup(c, nmapxml_att(atts, "name"));
	} else if (strcmp(el, "port") == 0) {
		nmapxml_port_start(c, atts);
	} else if (strcmp(el, "extraports") == 0 && !c->extra_state) {
		c->extra_state = nmapxml_dup(c, nmapxml_att(atts, "state"));
	} else if (c->extra_state && strcmp(el, "extrareasons") == 0) {
		nmapxml_extra_ports(c, atts);
	} else if (c->in_port && strcmp(el, "state") == 0) {
		nmapxml_set(c, &c->x->ports[c->port_at].state, nmapxml_att(atts, "state"));
	} else if (c->in_port && strcmp(el, "service") == 0) {
		nmapxml_set(c, &c->x->ports[c->port_at].service, nmapxml_att(atts, "name"));
	}
}

/* The report's own elements outside any host. */
static void nmapxml_run_part(struct nmapxml_ctx *c, const char *el, const XML_Char **atts)
{
	if (strcmp(el, "host") == 0) {
		const char *t = nmapxml_att(atts, "timedout");
		c->in_host = true;
		c->host_ports = c->x->nports;
		c->host.timedout = t && strcmp(t, "true") == 0;
	} else if (strcmp(el, "nmaprun") == 0) {
		nmapxml_set(c, &c->x->version, nmapxml_att(atts, "version"));
	} else if (strcmp(el, "finished") == 0) {
		nmapxml_set(c, &c->x->errormsg, nmapxml_att(atts, "errormsg"));
		c->x->finished = true;
	}
}

/* expat's start-element handler. */
static void XMLCALL nmapxml_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct nmapxml_ctx *c = ud;
	if (c->in_host)
		nmapxml_host_part(c, el, atts);
	else
		nmapxml_run_part(c, el, atts);
	if (c->oom)
		nmapxml_stop(c, NULL);
}

/* Ports in (transport, port) order. */
static int nmapxml_port_cmp(const void *a, const void *b)
{
	const struct nmap_port *p = a, *q = b;
	if (p->transport != q->transport)
		return p->transport < q->transport ? -1 : 1;
	return (p->port > q->port) - (p->port < q->port);
}

/* A host ends: it joins the report, with its ports in order. */
static void nmapxml_host_end(struct nmapxml_ctx *c)
{
	struct nmapxml *x = c->x;
	struct nmap_host *h = &c->host;
	c->in_host = false;
	if (x->nports - c->host_ports > 1) /* (x->ports is NULL before the first) */
		qsort(x->ports + c->host_ports, x->nports - c->host_ports, sizeof(*x->ports),
		      nmapxml_port_cmp);
	if (!nmapxml_room((void **)&x->hosts, x->nhosts, &x->caps[0], sizeof(*x->hosts))) {
		c->oom = true;
		return;
	}
	if (!h->name)
		h->name = nmapxml_dup(c, "");
	if (!h->address)
		h->address = nmapxml_dup(c, "");
	if (!h->status)
		h->status = nmapxml_dup(c, "");
	x->hosts[x->nhosts++] = *h;
	memset(h, 0, sizeof(*h));
	c->host_ports = x->nports;
}

/* expat's end-element handler. */
static void XMLCALL nmapxml_end(void *ud, const XML_Char *el)
{
	struct nmapxml_ctx *c = ud;
	if (c->in_host && strcmp(el, "port") == 0) {
		c->in_port = false;
	} else if (c->in_host && strcmp(el, "extraports") == 0) {
		free(c->extra_state);
		c->extra_state = NULL;
	} else if (c->in_host && strcmp(el, "host") == 0) {
		nmapxml_host_end(c);
	}
	if (c->oom)
		nmapxml_stop(c, NULL);
}

/* A DOCTYPE is let through only bare, as nmap writes it: no external
 * identifier (nothing to fetch), no internal subset (no entities). */
static void XMLCALL nmapxml_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
				    const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	if (sysid || pubid || has_internal_subset)
		/* L10N: why an nmap XML report is refused. */
		nmapxml_stop(ud,
			     N_("a DOCTYPE with an external DTD or an internal subset is refused"));
}

/* Any entity declaration (a bomb's, an external one's) stops the parse. */
static void XMLCALL nmapxml_entity(void *ud, const XML_Char *name, int is_param,
				   const XML_Char *value, int value_len, const XML_Char *base,
				   const XML_Char *sysid, const XML_Char *pubid,
				   const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid,
		(void)pubid, (void)notation;
	nmapxml_stop(ud, N_("entity declarations are refused"));
}

/* Free a report and everything in it. */
void nmapxml_free(struct nmapxml *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nhosts; i++)
		nmapxml_host_clear(&x->hosts[i]);
	for (size_t i = 0; i < x->nports; i++) {
		free(x->ports[i].state);
		free(x->ports[i].service);
	}
	free(x->hosts);
	free(x->ports);
	free(x->version);
	free(x->errormsg);
	free(x);
}

/* Drop the port entries of a host that never ended (a cut report). */
static void nmapxml_drop_open_host(struct nmapxml_ctx *c)
{
	struct nmapxml *x = c->x;
	if (!c->in_host)
		return;
	while (x->nports > c->host_ports) {
		x->nports--;
		free(x->ports[x->nports].state);
		free(x->ports[x->nports].service);
	}
	nmapxml_host_clear(&c->host);
	c->in_host = false;
}

/* Run the parser over buf; -1 with err set. */
static int nmapxml_run(struct nmapxml_ctx *c, const char *buf, size_t len, bool partial,
		       struct ps_error *err)
{
	enum XML_Status st = XML_STATUS_OK;
	const size_t chunk = 1 << 20;
	for (size_t off = 0; st == XML_STATUS_OK && (off < len || off == 0); off += chunk) {
		size_t n = len - off < chunk ? len - off : chunk;
		st = XML_Parse(c->p, buf + off, (int)n, off + n >= len && !partial);
		if (off + n >= len)
			break;
	}
	if (c->oom)
		return error_set(err, NULL, 0, _("out of memory"));
	unsigned long line = (unsigned long)XML_GetCurrentLineNumber(c->p);
	if (c->refused)
		return error_set(err, "nmap XML", line, "%s", _(c->refused));
	if (st != XML_STATUS_OK)
		return error_set(err, "nmap XML", line, "%s",
				 XML_ErrorString(XML_GetErrorCode(c->p)));
	if (!partial && !c->x->finished)
		return error_set(err, "nmap XML", line, _("no runstats: the report is incomplete"));
	nmapxml_drop_open_host(c);
	return 0;
}

/* Parse a report from memory with expat, hardened as nmapxml.h says. */
struct nmapxml *nmapxml_parse(const char *buf, size_t len, bool partial, struct ps_error *err)
{
	if (expatlib_open(err) < 0)
		return NULL;
	struct nmapxml_ctx c = {.x = calloc(1, sizeof(*c.x))};
	if (!c.x || !(c.p = XML_ParserCreate("UTF-8"))) {
		free(c.x);
		error_set(err, NULL, 0, _("out of memory"));
		return NULL;
	}
	c.x->version = nmapxml_dup(&c, "");
	c.x->errormsg = nmapxml_dup(&c, "");
	XML_SetUserData(c.p, &c);
	XML_SetElementHandler(c.p, nmapxml_start, nmapxml_end);
	XML_SetStartDoctypeDeclHandler(c.p, nmapxml_doctype);
	XML_SetEntityDeclHandler(c.p, nmapxml_entity);
	XML_SetParamEntityParsing(c.p, XML_PARAM_ENTITY_PARSING_NEVER);
	int rc = nmapxml_run(&c, buf, len, partial, err);
	XML_ParserFree(c.p);
	nmapxml_host_clear(&c.host);
	free(c.extra_state);
	if (rc < 0) {
		nmapxml_free(c.x);
		return NULL;
	}
	return c.x;
}

#else

void nmapxml_free(struct nmapxml *x)
{
	free(x);
}

/* Built without expat: no report can be read; say how to get one. */
struct nmapxml *nmapxml_parse(const char *buf, size_t len, bool partial, struct ps_error *err)
{
	(void)buf, (void)len, (void)partial;
	error_set(err, NULL, 0, "%s",
		  _("this portscope was built without expat, which reading nmap's XML needs: "
		    "install libexpat1-dev (sudo apt-get install libexpat1-dev), then configure "
		    "and build again"));
	return NULL;
}
#endif

int nmapxml_merge(struct nmapxml *into, struct nmapxml *from)
{
	size_t nh = into->nhosts + from->nhosts, np = into->nports + from->nports;
	struct nmap_host *h = realloc(into->hosts, (nh ? nh : 1) * sizeof(*h));
	if (!h)
		return -1;
	into->hosts = h;
	into->caps[0] = nh;
	struct nmap_port *p = realloc(into->ports, (np ? np : 1) * sizeof(*p));
	if (!p)
		return -1;
	into->ports = p;
	into->caps[1] = np;
	if (from->nhosts)
		memcpy(h + into->nhosts, from->hosts, from->nhosts * sizeof(*h));
	for (size_t i = 0; i < from->nports; i++) {
		p[into->nports + i] = from->ports[i];
		p[into->nports + i].host += into->nhosts;
	}
	into->nhosts = nh;
	into->nports = np;
	into->finished = into->finished && from->finished;
	if (!*into->errormsg) {
		char *t = into->errormsg;
		into->errormsg = from->errormsg;
		from->errormsg = t;
	}
	from->nhosts = from->nports = 0; /* moved: only the shells are freed */
	nmapxml_free(from);
	return 0;
}

/* Whether a host answered open on port (the suggest net check). */
bool nmapxml_is_open(const struct nmapxml *x, unsigned port, enum transport t)
{
	for (size_t i = 0; i < x->nports; i++)
		if (x->ports[i].port == port && x->ports[i].transport == t &&
		    strcmp(x->ports[i].state, "open") == 0)
			return true;
	return false;
}
