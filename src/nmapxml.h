/* SPDX-License-Identifier: MIT */
/* nmapxml.h: nmap's XML report (-oX) read from memory with expat. Every
 * host and every port it lists, nothing fetched: a document that declares
 * an entity, names an external DTD or carries an internal subset is
 * refused (nmap's own output has only a bare <!DOCTYPE nmaprun>). */
#ifndef PORTSCOPE_NMAPXML_H
#define PORTSCOPE_NMAPXML_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "registry.h"

/* One host: name (the first nmap gives, "" for none), address, status
 * ("up", "down", ...), and whether nmap gave up on it (--host-timeout). */
struct nmap_host {
	char *name, *address, *status;
	bool timedout;
};

/* One port of one host; state as nmap says it (open, closed, filtered,
 * open|filtered ...), service its guess ("" for none). A host's ports are
 * in (transport, port) order. extra: nmap did not list the port but
 * counted it among the host's <extraports> ("Not shown: 998 closed"),
 * whose <extrareasons ports="..."> name it (nmap 7.90 and later). */
struct nmap_port {
	size_t host;
	unsigned port;
	enum transport transport;
	char *state, *service;
	bool extra;
};

/* A report with more port entries than this (extraports counted one by
 * one) is refused: narrow the ports or the targets. */
#define NMAPXML_PORTS_MAX 1000000

struct nmapxml {
	struct nmap_host *hosts;
	size_t nhosts;
	struct nmap_port *ports;
	size_t nports;
	char *version;	/* nmap's version, "" when not said */
	char *errormsg; /* runstats' error message, "" for none */
	bool finished;	/* the closing runstats was read */
	size_t caps[2]; /* internal: allocated hosts, ports */
};

/* Parse len bytes. A document cut short (partial: nmap was stopped) keeps
 * the hosts that ended before the cut; otherwise an incomplete or
 * malformed one is an error "nmap XML:LINE: why". NULL with err set. */
struct nmapxml *nmapxml_parse(const char *buf, size_t len, bool partial, struct ps_error *err);
void nmapxml_free(struct nmapxml *x);
/* Append report from (another run: nmap scans one address family a run)
 * to into, and free it: its hosts after into's, their ports with them.
 * into is finished when both were; the first error message stands. -1
 * (both left as they were) when out of memory. */
int nmapxml_merge(struct nmapxml *into, struct nmapxml *from);
/* True when some host answered open on port for transport t. */
bool nmapxml_is_open(const struct nmapxml *x, unsigned port, enum transport t);

#endif
