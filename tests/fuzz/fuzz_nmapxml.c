/* SPDX-License-Identifier: MIT */
/* fuzz_nmapxml.c: libFuzzer target for the nmap XML reader. Each input is
 * read whole and as a report cut short: a refusal names "nmap XML"; a
 * report's ports belong to hosts it kept, each host's in (transport, port)
 * order, with port numbers, transports and strings that are sane and
 * readable (a port nmap only counted has no service guess); a whole report
 * was finished. */
#include <config.h>

#include "fuzz_check.h"
#include "nmapxml.h"

/* Every string of a report is readable to its end (ASan checks that). */
static void fuzz_touch(const char *s)
{
	volatile char sink = 0;
	FUZZ_ASSERT(s != NULL, "a NULL string in a report");
	for (; *s; s++)
		sink ^= *s;
	(void)sink;
}

/* The invariants of one parse of data. */
static void fuzz_one(const uint8_t *data, size_t size, bool partial)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = nmapxml_parse((const char *)data, size, partial, &err);
	FUZZ_ASSERT((x == NULL) == (error_is_set(&err) != 0), "status and error disagree");
	if (!x) {
		FUZZ_ASSERT(!err.file || strcmp(err.file, "nmap XML") == 0,
			    "error names another file");
		error_clear(&err);
		return;
	}
	FUZZ_ASSERT(partial || x->finished, "an unfinished report accepted whole");
	fuzz_touch(x->version);
	fuzz_touch(x->errormsg);
	for (size_t i = 0; i < x->nhosts; i++) {
		fuzz_touch(x->hosts[i].name);
		fuzz_touch(x->hosts[i].address);
		fuzz_touch(x->hosts[i].status);
	}
	for (size_t i = 0; i < x->nports; i++) {
		const struct nmap_port *p = &x->ports[i];
		FUZZ_ASSERT(p->host < x->nhosts, "a port of a host not kept");
		FUZZ_ASSERT(i == 0 || p->host >= x->ports[i - 1].host, "ports out of host order");
		const struct nmap_port *q = i ? &x->ports[i - 1] : NULL;
		FUZZ_ASSERT(!q || q->host != p->host || q->transport < p->transport ||
				    (q->transport == p->transport && q->port <= p->port),
			    "a host's ports out of (transport, port) order");
		FUZZ_ASSERT(!p->extra || !*p->service, "a counted port with a service guess");
		FUZZ_ASSERT(p->port <= 65535, "bad port number");
		FUZZ_ASSERT(p->transport <= TRANSPORT_NONE, "bad transport");
		fuzz_touch(p->state);
		fuzz_touch(p->service);
		if (strcmp(p->state, "open") == 0)
			FUZZ_ASSERT(nmapxml_is_open(x, p->port, p->transport),
				    "an open port not open");
	}
	nmapxml_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_one(data, size, false);
	fuzz_one(data, size, true);
	return 0;
}
