/* SPDX-License-Identifier: MIT */
/* suggest_bench.c: time suggest's net check over a large nmap report, in
 * process, as `suggest --scan` reads it (doc/HACKING.md, "Choosing a
 * port"):
 *   suggest_bench REGISTRY COUNT REPEATS
 * A synthetic report of NMAPXML_PORTS_MAX entries (15 hosts with every
 * TCP port closed, one with a UDP range and some TCP ports open) covers
 * the asked port 8080 and its 2 * COUNT + 8 nearest candidates; timed:
 * the net check's table read from the report (suggest_net_init()),
 * suggest_find() of COUNT suggestions with the net check, then each
 * suggested port's net check and value, twice (the text table measures
 * its cells, then writes them). Prints "median_ms min_ms cpu_median_ms
 * entries suggestions checksum" (the checksum of what was answered, to
 * compare two builds). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nmapxml.h"
#include "source.h"
#include "suggest.h"

#define BENCH_ASKED 8080

static double bench_now_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The report's XML: 1,000,000 port entries, most of them extraports. */
static void bench_report_xml(struct strbuf *sb)
{
	strbuf_adds(sb,
		    "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun version=\"7.93\">\n");
	for (int h = 0; h < 15; h++)
		strbuf_addf(
			sb,
			"<host><status state=\"up\"/><address addr=\"10.0.0.%d\" "
			"addrtype=\"ipv4\"/><ports><extraports state=\"closed\" count=\"65536\">"
			"<extrareasons reason=\"resets\" count=\"65536\" proto=\"tcp\" "
			"ports=\"0-65535\"/></extraports></ports></host>\n",
			h + 1);
	/* the last host: 41 TCP ports open, 16,919 UDP ports open|filtered */
	strbuf_adds(sb, "<host><status state=\"up\"/><address addr=\"10.0.0.16\" "
			"addrtype=\"ipv4\"/><ports>");
	for (unsigned p = 8000; p <= 8200; p += 5)
		strbuf_addf(sb,
			    "<port protocol=\"tcp\" portid=\"%u\"><state state=\"open\"/>"
			    "<service name=\"x\"/></port>",
			    p);
	strbuf_adds(sb, "<extraports state=\"open|filtered\" count=\"16919\"><extrareasons "
			"reason=\"no-responses\" count=\"16919\" proto=\"udp\" ports=\"0-16918\"/>"
			"</extraports></ports></host>\n"
			"<runstats><finished exit=\"success\"/></runstats></nmaprun>\n");
}

/* The ports a `suggest --scan` run covers: the asked one and the nearest
 * candidates of the checks on this machine. */
static int bench_scanned(const struct suggest_sources *src, const struct suggest_opts *o,
			 uint8_t *scanned)
{
	struct suggest_opts wide = *o;
	wide.count = o->count * 2 + 8;
	struct suggestion *pool = malloc(wide.count * sizeof(*pool));
	long n = pool ? suggest_find(src, &wide, pool) : -1;
	scanned[o->port] = 1;
	for (long i = 0; i < n; i++)
		for (unsigned p = pool[i].lo; p <= pool[i].hi; p++)
			scanned[p] = 1;
	free(pool);
	return n < 0 ? -1 : 0;
}

/* One timed round: the suggestions with the net check, and their cells;
 * a checksum of the answers. */
static unsigned long bench_round(const struct suggest_sources *src, const struct suggest_opts *o,
				 struct suggestion *g, long *n)
{
	unsigned long sum = 0;
	*n = suggest_find(src, o, g);
	for (int pass = 0; pass < 2; pass++)
		for (long i = 0; i < *n; i++) {
			struct strbuf v = STRBUF_INIT;
			suggest_check_value(&v, src, o, g[i].lo, CHECK_NET, true);
			sum = sum * 31 + g[i].lo * 7 + suggest_check(src, o, g[i].lo, CHECK_NET);
			for (const char *s = strbuf_str(&v); *s; s++)
				sum = sum * 131 + (unsigned char)*s;
			strbuf_free(&v);
		}
	return sum;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s REGISTRY COUNT REPEATS\n", argv[0]);
		return 2;
	}
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = source_load_file(argv[1], &err);
	struct strbuf xml = STRBUF_INIT;
	bench_report_xml(&xml);
	struct nmapxml *x = reg ? nmapxml_parse(strbuf_str(&xml), xml.len, false, &err) : NULL;
	strbuf_free(&xml);
	if (!x) {
		error_print(&err, argv[0], stderr);
		return 2;
	}
	int count = atoi(argv[2]), reps = atoi(argv[3]);
	struct suggest_sources src = {.reg = reg};
	struct suggest_opts o = {.port = BENCH_ASKED,
				 .count = (unsigned)(count > 0 ? count : 1),
				 .run = 1,
				 .transport = TRANSPORT_TCP,
				 .nmap_max = SUGGEST_NMAP_MAX};
	uint8_t *scanned = calloc(PORT_COUNT, 1);
	struct suggestion *g = malloc(o.count * sizeof(*g));
	double *ms = calloc(reps > 0 ? (size_t)reps : 1, sizeof(*ms));
	double *cpu = calloc(reps > 0 ? (size_t)reps : 1, sizeof(*cpu));
	if (count < 1 || reps < 1 || !scanned || !g || !ms || !cpu ||
	    bench_scanned(&src, &o, scanned) < 0) {
		fprintf(stderr, "%s: bad COUNT or REPEATS, or out of memory\n", argv[0]);
		return 2;
	}
	struct suggest_net net;
	unsigned long sum = 0;
	long n = 0;
	for (int i = 0; i < reps; i++) {
		double t0 = bench_now_ms(CLOCK_MONOTONIC);
		double c0 = bench_now_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (suggest_net_init(&net, x, scanned) < 0)
			return 2;
		src.net = &net;
		sum = bench_round(&src, &o, g, &n);
		suggest_net_free(&net);
		ms[i] = bench_now_ms(CLOCK_MONOTONIC) - t0;
		cpu[i] = bench_now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
	}
	qsort(ms, (size_t)reps, sizeof(*ms), bench_cmp);
	qsort(cpu, (size_t)reps, sizeof(*cpu), bench_cmp);
	printf("%.3f %.3f %.3f %zu %ld %lx\n", ms[reps / 2], ms[0], cpu[reps / 2], x->nports, n,
	       sum);
	free(ms);
	free(cpu);
	free(g);
	free(scanned);
	nmapxml_free(x);
	registry_free(reg);
	return 0;
}
