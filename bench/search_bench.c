/* SPDX-License-Identifier: MIT */
/* search_bench.c: time the search itself, in process, on a registry:
 *   search_bench REGISTRY PATTERN FIELDS jit|interp REPEATS
 * prints "MODE median_ms min_ms cpu_median_ms records ports limit_hits":
 * wall-clock median and minimum, and the median of the process CPU time
 * (steadier than wall time on a shared machine). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "search.h"
#include "source.h"

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

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: %s REGISTRY PATTERN FIELDS jit|interp REPEATS\n", argv[0]);
		return 2;
	}
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = source_load_file(argv[1], &err);
	if (!reg) {
		error_print(&err, argv[0], stderr);
		return 2;
	}
	struct search_options opt = SEARCH_OPTIONS_INIT;
	opt.fields = search_parse_fields(argv[3]);
	opt.no_jit = strcmp(argv[4], "interp") == 0;
	const char *limit = getenv("SEARCH_BENCH_MATCH_LIMIT");
	opt.match_limit = limit ? (uint32_t)strtoul(limit, NULL, 10) : 0;
	int reps = atoi(argv[5]);
	if (!opt.fields || reps < 1) {
		fprintf(stderr, "%s: bad FIELDS or REPEATS\n", argv[0]);
		return 2;
	}
	double *ms = calloc((size_t)reps, sizeof(*ms));
	double *cpu = calloc((size_t)reps, sizeof(*cpu));
	size_t nrec = 0, nports = 0, stops = 0;
	bool jit = false;
	for (int i = 0; ms && cpu && i < reps; i++) {
		struct search_error serr = SEARCH_ERROR_INIT;
		double t0 = bench_now_ms(CLOCK_MONOTONIC);
		double c0 = bench_now_ms(CLOCK_PROCESS_CPUTIME_ID);
		struct search *s = search_new(reg, argv[2], strlen(argv[2]), &opt, &serr);
		if (!s) {
			fprintf(stderr, "%s: %s at offset %zu\n", argv[0], serr.message,
				serr.offset);
			return 2;
		}
		search_run(s);
		ms[i] = bench_now_ms(CLOCK_MONOTONIC) - t0;
		cpu[i] = bench_now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		const uint32_t *idx;
		nrec = search_records(s, &idx);
		nports = search_port_count(s);
		stops = search_limit_hits(s);
		jit = search_uses_jit(s);
		search_free(s);
	}
	if (!ms || !cpu)
		return 2;
	qsort(ms, (size_t)reps, sizeof(*ms), bench_cmp);
	qsort(cpu, (size_t)reps, sizeof(*cpu), bench_cmp);
	printf("%s %.3f %.3f %.3f %zu %zu %zu\n", jit ? "jit" : "interp", ms[reps / 2], ms[0],
	       cpu[reps / 2], nrec, nports, stops);
	free(ms);
	free(cpu);
	registry_free(reg);
	return 0;
}
