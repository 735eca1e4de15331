/* SPDX-License-Identifier: MIT */
/* suggest.c: the port checks and the nearest-candidate search. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "badports.h"
#include "i18n.h"
#include "ports.h"
#include "source.h"
#include "suggest.h"
#include "sysinfo.h"

static const struct {
	const char *key;
	const char *summary;
} checks[CHECK_ALL] = {
	[CHECK_IANA] = {"iana", N_("free in the IANA registry")},
	[CHECK_SERVICES] = {"services", N_("not in /etc/services")},
	[CHECK_LABELS] = {"labels", N_("not in your labels file")},
	[CHECK_NMAP] = {"nmap", N_("nmap open frequency below the threshold")},
	[CHECK_BROWSER] = {"browser", N_("not a browser-blocked port (WHATWG Fetch bad port)")},
	[CHECK_LISTEN] = {"listen", N_("nothing listens on it here")},
	[CHECK_EPHEMERAL] = {"ephemeral", N_("outside the kernel's ephemeral port range")},
	[CHECK_RANGE] = {"range", N_("in the User range 1024-49151 (RFC 7605)")},
	[CHECK_NET] = {"net", N_("no scanned host answers open on it (nmap)")},
};

/* The net check shows only with a scan. */
int suggest_check_count(const struct suggest_sources *src)
{
	return src->net ? CHECK_ALL : CHECK_COUNT;
}

const char *suggest_check_key(enum suggest_check c)
{
	return checks[c].key;
}

const char *suggest_check_summary(enum suggest_check c)
{
	return checks[c].summary;
}

static enum check_result result_of(bool pass)
{
	return pass ? RESULT_PASS : RESULT_FAIL;
}

/* A services(5) source: absent file n/a, else pass when port is unnamed. */
static enum check_result unnamed(const struct portnames *pn, unsigned port, enum transport t)
{
	if (!pn || !pn->present)
		return RESULT_NA;
	return result_of(!portnames_has(pn, port, t));
}

static enum check_result nmap_check(const struct suggest_sources *src, const struct suggest_opts *o,
				    unsigned port)
{
	if (!src->nmap || !src->nmap->present)
		return RESULT_NA;
	if (!portnames_has(src->nmap, port, o->transport))
		return RESULT_PASS;
	return result_of(portnames_frequency(src->nmap, port, o->transport) < o->nmap_max);
}

/* The states the net check tells apart, strongest first: a port's value
 * is the strongest some host gave it. */
static const char *const net_states[] = {"open",       "open|filtered",	  "filtered",
					 "unfiltered", "closed|filtered", "closed"};
#define NET_STATES (sizeof(net_states) / sizeof(net_states[0]))
/* A port's entry in the table: for each transport NET_BITS bits, 0 when
 * no host listed the port, else 1 + the index of its strongest state. */
#define NET_BITS 3
#define NET_MASK ((1u << NET_BITS) - 1)
#define NET_OPEN 1 /* net_states[0] */
_Static_assert(NET_STATES <= NET_MASK && NET_BITS * TRANSPORT_REAL <= 16,
	       "a port's states fit its entry");

/* The strongest state of port for transport t, as 1 + its index in
 * net_states; 0 when no host gave one. */
static unsigned net_rank(const struct suggest_net *net, unsigned port, enum transport t)
{
	if ((unsigned)t >= TRANSPORT_REAL)
		return 0;
	return (net->states[port] >> (NET_BITS * (unsigned)t)) & NET_MASK;
}

/* Note an entry of the report in the table, when it is the stronger. */
static void net_note(struct suggest_net *net, const struct nmap_port *e)
{
	if ((unsigned)e->transport >= TRANSPORT_REAL || e->port > PORT_MAX)
		return;
	unsigned rank = 1, shift = NET_BITS * (unsigned)e->transport;
	while (rank <= NET_STATES && strcmp(e->state, net_states[rank - 1]) != 0)
		rank++;
	unsigned now = net_rank(net, e->port, e->transport);
	if (rank > NET_STATES || (now && now <= rank))
		return;
	net->states[e->port] &= (uint16_t) ~(NET_MASK << shift);
	net->states[e->port] |= (uint16_t)(rank << shift);
}

/* One pass over the report, so that each check reads one entry. */
int suggest_net_init(struct suggest_net *net, const struct nmapxml *scan, const uint8_t *scanned)
{
	*net = (struct suggest_net){scan, scanned, calloc(PORT_COUNT, sizeof(*net->states))};
	if (!net->states)
		return -1;
	for (size_t i = 0; i < scan->nports; i++)
		net_note(net, &scan->ports[i]);
	return 0;
}

void suggest_net_free(struct suggest_net *net)
{
	free(net->states);
	net->states = NULL;
}

bool suggest_net_open(const struct suggest_net *net, unsigned port, enum transport t)
{
	return port <= PORT_MAX && net_rank(net, port, t) == NET_OPEN;
}

/* The transport the net check asks about: any as tcp (nmap's default). */
static enum transport net_transport(const struct suggest_opts *o)
{
	return o->transport == TRANSPORT_ANY ? TRANSPORT_TCP : o->transport;
}

/* Fails when a host answered open, or when the scan did not cover port. */
static enum check_result net_check(const struct suggest_sources *src, const struct suggest_opts *o,
				   unsigned port)
{
	if (!src->net)
		return RESULT_NA;
	if (!src->net->scanned[port])
		return RESULT_FAIL;
	return result_of(net_rank(src->net, port, net_transport(o)) != NET_OPEN);
}

enum check_result suggest_check(const struct suggest_sources *src, const struct suggest_opts *o,
				unsigned port, enum suggest_check c)
{
	switch (c) {
	case CHECK_IANA:
		return result_of(registry_is_free(src->reg, port, o->transport));
	case CHECK_SERVICES:
		return unnamed(src->etc, port, o->transport);
	case CHECK_LABELS:
		return unnamed(src->labels, port, o->transport);
	case CHECK_NMAP:
		return nmap_check(src, o, port);
	case CHECK_BROWSER:
		return result_of(!badports_is_blocked(port));
	case CHECK_LISTEN:
		return src->listeners
			       ? result_of(!listeners_in_use(src->listeners, port, o->transport))
			       : RESULT_NA;
	case CHECK_EPHEMERAL:
		return src->have_ephemeral ? result_of(port < src->eph_lo || port > src->eph_hi)
					   : RESULT_NA;
	case CHECK_RANGE:
		return result_of(o->any_range || port_range_of(port) == RANGE_USER);
	case CHECK_NET:
		return net_check(src, o, port);
	case CHECK_ALL:
		break;
	}
	return RESULT_NA;
}

bool suggest_passes(const struct suggest_sources *src, const struct suggest_opts *o, unsigned port)
{
	for (int c = 0; c < CHECK_ALL; c++)
		if (suggest_check(src, o, port, (enum suggest_check)c) == RESULT_FAIL)
			return false;
	return true;
}

/* Which transports of the filter have a listener on port: "tcp", "tcp+udp". */
static void listen_value(struct strbuf *v, const struct listeners *ls, unsigned port,
			 enum transport t)
{
	size_t before = v->len;
	for (int i = 0; i < TRANSPORT_REAL; i++)
		if ((t == TRANSPORT_ANY || t == (enum transport)i) &&
		    listeners_in_use(ls, port, (enum transport)i))
			strbuf_addf(v, "%s%s", v->len > before ? "+" : "",
				    transport_name((enum transport)i));
	if (v->len == before)
		strbuf_addc(v, '-');
}

static void name_value(struct strbuf *v, const struct portnames *pn, unsigned port,
		       enum transport t)
{
	const char *name = pn && pn->present ? portnames_name(pn, port, t) : NULL;
	strbuf_adds(v, !pn || !pn->present ? "n/a" : name ? name : "-");
}

/* The net check's value: "open" when a host answered open, else the
 * strongest state seen ("closed", "filtered" ...), "-" when no host listed
 * the port, "unscanned" outside the scan. */
static void net_value(struct strbuf *v, const struct suggest_sources *src,
		      const struct suggest_opts *o, unsigned port, bool human)
{
	if (!src->net) {
		strbuf_adds(v, "n/a");
		return;
	}
	unsigned rank = net_rank(src->net, port, net_transport(o));
	if (!src->net->scanned[port])
		/* L10N: the net check's value for a port the scan did not cover. */
		strbuf_adds(v, human ? _("unscanned") : "unscanned");
	else
		strbuf_adds(v, rank ? net_states[rank - 1] : "-");
}

/* Where the net check's answer comes from: the nmap run and its hosts. */
static void net_source(struct strbuf *s, const struct suggest_sources *src)
{
	const struct nmapxml *x = src->net->scan;
	size_t up = 0;
	for (size_t i = 0; i < x->nhosts; i++)
		up += strcmp(x->hosts[i].status, "up") == 0;
	strbuf_addf(s,
		    P_("nmap %s scan: %zu host reported, %zu up",
		       "nmap %s scan: %zu hosts reported, %zu up", x->nhosts),
		    x->version, x->nhosts, up);
}

/* A value word, translated for people (human) or kept as the token that
 * JSON and CSV carry. */
static const char *word(bool human, const char *w)
{
	return human ? _(w) : w;
}

void suggest_check_value(struct strbuf *v, const struct suggest_sources *src,
			 const struct suggest_opts *o, unsigned port, enum suggest_check c,
			 bool human)
{
	enum transport t = o->transport;
	double f;
	switch (c) {
	case CHECK_IANA:
		strbuf_adds(v, word(human, state_name(registry_state(src->reg, port, t))));
		break;
	case CHECK_SERVICES:
		name_value(v, src->etc, port, t);
		break;
	case CHECK_LABELS:
		name_value(v, src->labels, port, t);
		break;
	case CHECK_NMAP:
		if (!src->nmap || !src->nmap->present)
			strbuf_adds(v, "n/a");
		else if ((f = portnames_frequency(src->nmap, port, t)) < 0)
			strbuf_adds(v, "-");
		else
			strbuf_addf(v, "%.6f", f);
		break;
	/* L10N: values of the suggest table's browser and ephemeral columns;
	   the width of the widest one widens its column. */
	case CHECK_BROWSER:
		strbuf_adds(v, word(human, badports_is_blocked(port) ? N_("blocked") : N_("ok")));
		break;
	case CHECK_LISTEN:
		if (src->listeners)
			listen_value(v, src->listeners, port, t);
		else
			strbuf_adds(v, "n/a");
		break;
	case CHECK_EPHEMERAL:
		strbuf_adds(v, !src->have_ephemeral
				       ? "n/a"
				       : word(human, port >= src->eph_lo && port <= src->eph_hi
							     ? N_("inside")
							     : N_("outside")));
		break;
	case CHECK_RANGE:
		strbuf_adds(v, word(human, range_name(port_range_of(port))));
		break;
	case CHECK_NET:
		net_value(v, src, o, port, human);
		break;
	case CHECK_ALL:
		break;
	}
}

static void source_of_names(struct strbuf *s, const struct portnames *pn)
{
	if (!pn) {
		strbuf_adds(s, _("not loaded"));
		return;
	}
	strbuf_adds(s, pn->path);
	if (!pn->present)
		strbuf_adds(s, _(" (absent)"));
}

void suggest_check_source(struct strbuf *s, const struct suggest_sources *src, enum suggest_check c)
{
	switch (c) {
	case CHECK_IANA:
		strbuf_addf(s, "%s: %s", _(src->reg->source_label), src->reg->source);
		break;
	case CHECK_SERVICES:
		source_of_names(s, src->etc);
		break;
	case CHECK_LABELS:
		source_of_names(s, src->labels);
		break;
	case CHECK_NMAP:
		source_of_names(s, src->nmap);
		break;
	case CHECK_BROWSER:
		strbuf_addf(s, _("built in, %zu ports (https://fetch.spec.whatwg.org/#bad-port)"),
			    badports_count());
		break;
	case CHECK_LISTEN:
		source_system_path(s, "/proc/net");
		break;
	case CHECK_EPHEMERAL:
		if (src->have_ephemeral)
			strbuf_addf(s, "%u-%u, ", src->eph_lo, src->eph_hi);
		source_system_path(s, SYSINFO_EPHEMERAL_PATH);
		if (!src->have_ephemeral)
			strbuf_adds(s, _(" (unreadable)"));
		break;
	case CHECK_RANGE:
		strbuf_adds(s, "RFC 6335, RFC 7605");
		break;
	case CHECK_NET:
		net_source(s, src);
		break;
	case CHECK_ALL:
		break;
	}
}

/* Signed distance from the asked port to [lo, hi]; 0 when inside. */
static long offset_of(unsigned asked, unsigned lo, unsigned hi)
{
	if (asked < lo)
		return (long)lo - (long)asked;
	if (asked > hi)
		return (long)hi - (long)asked;
	return 0;
}

static int cmp_suggestion(const void *a, const void *b)
{
	const struct suggestion *x = a, *y = b;
	long dx = labs(x->offset), dy = labs(y->offset);
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* The block of k ports in the passing run [a, b] nearest to asked: it
 * starts at asked when it can, else hugs the run's end nearest to asked. */
static struct suggestion block_in_run(unsigned asked, unsigned k, unsigned a, unsigned b)
{
	unsigned s = asked <= a ? a : asked > b - k + 1 ? b - k + 1 : asked;
	struct suggestion g = {s, s + k - 1, a, b, 0};
	g.offset = offset_of(asked, g.lo, g.hi);
	return g;
}

/* Every maximal passing run, for single ports one entry per port. */
static size_t collect(const struct suggest_opts *o, const uint8_t *pass, struct suggestion *all)
{
	size_t n = 0;
	unsigned k = o->run ? o->run : 1;
	for (unsigned p = 0; p < PORT_COUNT;) {
		if (!pass[p]) {
			p++;
			continue;
		}
		unsigned a = p;
		while (p < PORT_COUNT && pass[p])
			p++;
		unsigned b = p - 1;
		if (k > 1) {
			if (b - a + 1 >= k)
				all[n++] = block_in_run(o->port, k, a, b);
			continue;
		}
		for (unsigned q = a; q <= b; q++) {
			struct suggestion g = block_in_run(o->port, 1, q, q);
			g.run_lo = a;
			g.run_hi = b;
			all[n++] = g;
		}
	}
	return n;
}

long suggest_find(const struct suggest_sources *src, const struct suggest_opts *o,
		  struct suggestion *out)
{
	uint8_t *pass = malloc(PORT_COUNT);
	struct suggestion *all = malloc(PORT_COUNT * sizeof(*all));
	if (!pass || !all) {
		free(pass);
		free(all);
		return -1;
	}
	for (unsigned p = 0; p < PORT_COUNT; p++)
		pass[p] = suggest_passes(src, o, p);
	size_t n = collect(o, pass, all);
	qsort(all, n, sizeof(*all), cmp_suggestion);
	if (n > o->count)
		n = o->count;
	for (size_t i = 0; i < n; i++)
		out[i] = all[i];
	free(pass);
	free(all);
	return (long)n;
}
