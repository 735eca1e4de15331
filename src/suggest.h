/* SPDX-License-Identifier: MIT */
/* suggest.h: choosing a port. Every port is put through the same checks
 * (doc/HACKING.md, "Choosing a port"): free in the IANA registry, not in
 * /etc/services, not in the user's labels, rarely seen open by nmap, not a
 * browser-blocked port, not listened on here, outside the kernel's
 * ephemeral range, and in the User range (RFC 7605 advises against System
 * and Dynamic ports) unless allowed; with a scan, also that no host on
 * the network answers open on it. A check whose source is absent is
 * "n/a" and does not fail. Candidates are ranked by distance to the asked
 * port, lower port first on ties. */
#ifndef PORTSCOPE_SUGGEST_H
#define PORTSCOPE_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "listeners.h"
#include "nmapxml.h"
#include "portnames.h"
#include "registry.h"
#include "strbuf.h"

/* nmap open frequency at or above which a port counts as in real use:
 * about one host in 10,000 scanned (nmap's rarest TCP value is 0.000076). */
#define SUGGEST_NMAP_MAX 0.0001

enum suggest_check {
	CHECK_IANA,
	CHECK_SERVICES,
	CHECK_LABELS,
	CHECK_NMAP,
	CHECK_BROWSER,
	CHECK_LISTEN,
	CHECK_EPHEMERAL,
	CHECK_RANGE,
	CHECK_COUNT, /* the checks on this machine; the net check follows them */
	CHECK_NET = CHECK_COUNT,
	CHECK_ALL
};

enum check_result {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_NA, /* the source is absent: not a failure */
};

/* A scan of the network for the net check: nmap's report, which ports it
 * covered (PORT_COUNT flags; a port it did not cover fails), and what the
 * report says of each port, read from it once by suggest_net_init(): the
 * check answers a port from that table, never walking the report (which
 * may hold NMAPXML_PORTS_MAX entries). */
struct suggest_net {
	const struct nmapxml *scan;
	const uint8_t *scanned;
	uint16_t *states; /* PORT_COUNT; internal: 3 bits per transport */
};

/* The sources the checks read; any pointer but reg may be NULL (absent):
 * without net the net check is n/a and nobody shows it. */
struct suggest_sources {
	const struct registry *reg;
	const struct portnames *etc, *nmap, *labels;
	const struct listeners *listeners;
	bool have_ephemeral;
	unsigned eph_lo, eph_hi;
	const struct suggest_net *net;
};

struct suggest_opts {
	unsigned port;		  /* the port asked about */
	unsigned count;		  /* how many suggestions */
	unsigned run;		  /* ports per block (1: single ports) */
	enum transport transport; /* TRANSPORT_ANY: every transport */
	bool any_range;		  /* allow System and Dynamic ports */
	double nmap_max;
};

/* One suggestion: the block [lo, hi] (lo == hi for single ports), inside the
 * maximal run of passing ports [run_lo, run_hi]; offset from the asked port
 * (negative below it, 0 when the block contains it). */
struct suggestion {
	unsigned lo, hi, run_lo, run_hi;
	long offset;
};

/* Short key ("iana") and what passing means ("free in the IANA registry"),
 * the latter marked for translation. */
const char *suggest_check_key(enum suggest_check c);
const char *suggest_check_summary(enum suggest_check c);
enum check_result suggest_check(const struct suggest_sources *src, const struct suggest_opts *o,
				unsigned port, enum suggest_check c);
/* The value behind check c for port, as shown: "assigned", a name, an
 * nmap frequency, "n/a"... (raw: the caller sanitises). */
void suggest_check_value(struct strbuf *v, const struct suggest_sources *src,
			 const struct suggest_opts *o, unsigned port, enum suggest_check c,
			 bool human);
/* Where check c's answer comes from: a path (under $PORTSCOPE_SYSROOT),
 * "built in, ...", the RFCs (raw: the caller sanitises). */
void suggest_check_source(struct strbuf *s, const struct suggest_sources *src,
			  enum suggest_check c);
/* Point net at scan and scanned, and read the strongest state some host
 * gave each port for each transport into its table; -1 when out of
 * memory. */
int suggest_net_init(struct suggest_net *net, const struct nmapxml *scan, const uint8_t *scanned);
/* Free net's table (not the report). */
void suggest_net_free(struct suggest_net *net);
/* True when some host answered open on port for transport t (a real
 * transport), from net's table: nmapxml_is_open() without the walk. */
bool suggest_net_open(const struct suggest_net *net, unsigned port, enum transport t);
/* How many checks apply: CHECK_ALL with a scan, else CHECK_COUNT. */
int suggest_check_count(const struct suggest_sources *src);
/* No check fails. */
bool suggest_passes(const struct suggest_sources *src, const struct suggest_opts *o, unsigned port);
/* Fill out[0..o->count) with the nearest suggestions; returns how many
 * (fewer when the port space runs out); -1 when out of memory. */
long suggest_find(const struct suggest_sources *src, const struct suggest_opts *o,
		  struct suggestion *out);

#endif
