/* SPDX-License-Identifier: MIT */
/* fuzz_search.c: libFuzzer target for the regex search (pattern and
 * subject). The input is
 *     byte 0   the fields to search (low six bits; 0 = the default), bit 6
 *              forces the interpreter
 *     byte 1   the case mode (value % 3) and the transport filter
 *              (value / 4 % 5: tcp, udp, sctp, dccp, any)
 *     byte 2   records per search_step() in a second, stepped search
 *     then     the pattern up to the first newline, then one record per
 *              line (at most 64), its fields separated by tabs in the
 *              order name, description, assignee, contact, reference, notes
 * Record i gets transport i % 4 and a port range derived from i, some none.
 *
 * The oracle is PCRE2 itself, used here directly through the interpreter
 * with the same compile options and limits: search_new() compiles exactly
 * when it does; when neither side hit a limit the matching records are the
 * same, and otherwise every record the search reports the oracle matched
 * too or stopped on. The port map, counts, ranks and next-port walks are
 * checked against a bitmap built here from the matching records, and the
 * stepped search must end with the same results as search_run(). */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fuzz_check.h"
#include "search.h"

#define FUZZ_RECORDS 64

static const enum field fuzz_columns[SEARCH_FIELD_COUNT] = {
	FIELD_SERVICE, FIELD_DESCRIPTION, FIELD_ASSIGNEE,
	FIELD_CONTACT, FIELD_REFERENCE,	  FIELD_NOTES,
};

/* One record from a line: its fields split at tabs, a port range from i. */
static int fuzz_add_record(struct registry *reg, const char *s, size_t n, unsigned i)
{
	static const char *const transports[] = {"tcp", "udp", "sctp", "dccp"};
	struct record_fields f;
	for (int k = 0; k < FIELD_COUNT; k++)
		f.s[k] = "", f.n[k] = 0;
	const char *end = s + n;
	for (int k = 0; k < SEARCH_FIELD_COUNT && s <= end; k++) {
		const char *tab = memchr(s, '\t', (size_t)(end - s));
		f.s[fuzz_columns[k]] = s;
		f.n[fuzz_columns[k]] = (size_t)((tab ? tab : end) - s);
		s = tab ? tab + 1 : end + 1;
	}
	f.s[FIELD_TRANSPORT] = transports[i % 4];
	f.n[FIELD_TRANSPORT] = strlen(transports[i % 4]);
	if (i % 5 == 4) {
		f.port_lo = f.port_hi = PORT_NONE;
	} else {
		f.port_lo = (int32_t)((i * 4099u) % PORT_COUNT);
		f.port_hi = f.port_lo + (int32_t)(i % 3 == 0 ? i * 7 : 0);
		if (f.port_hi > PORT_MAX)
			f.port_hi = PORT_MAX;
	}
	struct ps_error err = PS_ERROR_INIT;
	int rc = registry_add(reg, &f, "fuzz", i + 1, &err);
	error_clear(&err);
	return rc;
}

struct oracle {
	bool compiled;
	bool match[FUZZ_RECORDS];
	bool stopped[FUZZ_RECORDS]; /* a field ended on a limit, no earlier match */
	size_t stops;
	char stop_msg[128]; /* PCRE2's text for the first stop */
};

/* Match every record with the interpreter, as search.c is meant to. */
static void oracle_run(struct oracle *o, const struct registry *reg, const char *pat, size_t len,
		       bool caseless, unsigned fields, enum transport proto)
{
	int ec;
	PCRE2_SIZE eo;
	uint32_t flags =
		PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | (caseless ? PCRE2_CASELESS : 0);
	/* terminated, as search.c does: PCRE2 10.42 reads past an unfinished
	 * "(*LIMIT_DEPTH=" (PCRE2Project/pcre2#463) */
	char *copy = malloc(len + 1);
	FUZZ_ASSERT(copy, "out of memory");
	memcpy(copy, pat, len);
	copy[len] = '\0';
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)copy, len, flags, &ec, &eo, NULL);
	free(copy);
	o->compiled = re != NULL;
	if (!re)
		return;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	FUZZ_ASSERT(md && mc, "out of memory");
	pcre2_set_match_limit(mc, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, SEARCH_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, SEARCH_HEAP_LIMIT_KIB);
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		if (proto != TRANSPORT_ANY && r->transport != proto)
			continue;
		for (int f = 0; f < SEARCH_FIELD_COUNT && !o->match[i]; f++) {
			if (!(fields & (1u << f)))
				continue;
			const char *text = registry_field(reg, r, fuzz_columns[f]);
			int rc = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), 0, 0, md, mc);
			if (rc >= 0) {
				o->match[i] = true;
			} else if (rc != PCRE2_ERROR_NOMATCH) {
				o->stopped[i] = true;
				if (o->stops++ == 0)
					pcre2_get_error_message(rc, (PCRE2_UCHAR *)o->stop_msg,
								sizeof(o->stop_msg));
			}
		}
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* The matching ports as sorted, merged runs lo..hi. */
struct run {
	int32_t lo, hi;
};

FUZZ_CHECKER int run_cmp(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* The runs of the records the search reports; how many. */
FUZZ_CHECKER size_t ref_runs(const struct search *s, const struct registry *reg, struct run *runs)
{
	const uint32_t *idx;
	size_t nrec = search_records(s, &idx), n = 0, m = 0;
	for (size_t k = 0; k < nrec; k++) {
		FUZZ_ASSERT(idx[k] < reg->nrec && (k == 0 || idx[k - 1] < idx[k]),
			    "matching records not ascending or out of range");
		FUZZ_ASSERT(search_record_matches(s, idx[k]),
			    "search_record_matches misses a match");
		const struct record *r = &reg->rec[idx[k]];
		if (r->port_lo != PORT_NONE)
			runs[n++] = (struct run){r->port_lo, r->port_hi};
	}
	qsort(runs, n, sizeof(*runs), run_cmp);
	for (size_t k = 0; k < n; k++) {
		if (m && runs[k].lo <= runs[m - 1].hi + 1) {
			if (runs[k].hi > runs[m - 1].hi)
				runs[m - 1].hi = runs[k].hi;
		} else {
			runs[m++] = runs[k];
		}
	}
	return m;
}

/* The next matching port after from going dir, wrapping around (from
 * itself last), by the runs; -1 when there are none. */
FUZZ_CHECKER long ref_next(const struct run *runs, size_t n, long from, int dir, bool *wrapped)
{
	*wrapped = false;
	if (n == 0)
		return -1;
	for (size_t k = 0; k < n; k++) {
		const struct run *r = dir > 0 ? &runs[k] : &runs[n - 1 - k];
		if (dir > 0 && r->hi > from)
			return r->lo > from + 1 ? r->lo : from + 1;
		if (dir < 0 && r->lo < from)
			return r->hi < from - 1 ? r->hi : from - 1;
	}
	*wrapped = true;
	return dir > 0 ? runs[0].lo : runs[n - 1].hi;
}

/* The port map and everything derived from it, against the runs of the
 * records the search reports: the count, membership at and just outside
 * each run's ends, ranks there, and next/previous from around them. */
static void check_ports(const struct search *s, const struct registry *reg)
{
	struct run runs[FUZZ_RECORDS];
	size_t n = ref_runs(s, reg, runs), nports = 0;
	for (size_t k = 0; k < n; k++) {
		long lo = runs[k].lo, hi = runs[k].hi, probe[] = {lo - 1, lo, hi, hi + 1};
		FUZZ_ASSERT(search_port_matches(s, (unsigned)lo) &&
				    search_port_matches(s, (unsigned)((lo + hi) / 2)) &&
				    search_port_matches(s, (unsigned)hi),
			    "a matching port is not in the map");
		FUZZ_ASSERT((lo == 0 || !search_port_matches(s, (unsigned)lo - 1)) &&
				    (hi == PORT_MAX || !search_port_matches(s, (unsigned)hi + 1)),
			    "a port next to a run is in the map");
		FUZZ_ASSERT(
			search_range_matches(s, (unsigned)lo, (unsigned)hi) &&
				(k > 0 || lo == 0 || !search_range_matches(s, 0, (unsigned)lo - 1)),
			"search_range_matches disagrees");
		FUZZ_ASSERT(search_port_rank(s, (unsigned)lo) == nports + 1, "wrong rank");
		nports += (size_t)(hi - lo + 1);
		FUZZ_ASSERT(search_port_rank(s, (unsigned)hi) == nports, "wrong rank");
		for (size_t i = 0; i < 4 && k < 8; i++) {
			if (probe[i] < 0 || probe[i] > PORT_MAX)
				continue;
			for (int dir = -1; dir <= 1; dir += 2) {
				bool wrapped, want_wrapped;
				long p = search_next_port(s, (unsigned)probe[i], dir, &wrapped);
				FUZZ_ASSERT(p == ref_next(runs, n, probe[i], dir, &want_wrapped) &&
						    wrapped == want_wrapped,
					    "search_next_port went elsewhere");
			}
		}
	}
	FUZZ_ASSERT(search_port_count(s) == nports, "wrong matching port count");
	FUZZ_ASSERT(search_range_matches(s, 0, PORT_MAX) == (nports > 0), "range over all ports");
	bool wrapped;
	FUZZ_ASSERT(n > 0 || search_next_port(s, 0, 1, &wrapped) == -1, "next port with no match");
}

/* The stepped search ends with what search_run() found. */
static void check_same(const struct search *a, const struct search *b)
{
	const uint32_t *ia, *ib;
	size_t na = search_records(a, &ia), nb = search_records(b, &ib);
	FUZZ_ASSERT(na == nb && (na == 0 || memcmp(ia, ib, na * sizeof(*ia)) == 0),
		    "stepped search found other records");
	FUZZ_ASSERT(search_port_count(a) == search_port_count(b), "stepped search: other ports");
	FUZZ_ASSERT(search_limit_hits(a) == search_limit_hits(b), "stepped search: other limits");
}

/* Is msg PCRE2's text for one of the limits a search may hit? Any other
 * stop must be one the interpreter also reports for the pattern, such as
 * "recursive call could loop indefinitely" for (?R); "bad JIT option"
 * would be a bug in how the search matches. */
static bool is_limit(const char *msg)
{
	static const int limits[] = {
		PCRE2_ERROR_MATCHLIMIT,	    PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT,
		PCRE2_ERROR_JIT_STACKLIMIT, PCRE2_ERROR_NOMEMORY,
	};
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		PCRE2_UCHAR text[128];
		if (pcre2_get_error_message(limits[i], text, sizeof(text)) > 0 &&
		    strcmp((const char *)text, msg) == 0)
			return true;
	}
	return false;
}

static void check_search(const struct registry *reg, const char *pat, size_t len,
			 const struct search_options *opt, size_t step)
{
	struct search_error err = SEARCH_ERROR_INIT;
	struct search *s = search_new(reg, pat, len, opt, &err);
	bool caseless =
		s ? search_is_caseless(s)
		  : opt->case_mode == SEARCH_CASE_IGNORE || (opt->case_mode == SEARCH_CASE_SMART &&
							     !search_pattern_has_upper(pat, len));
	unsigned fields = opt->fields ? opt->fields : SEARCH_FIELDS_DEFAULT;
	static struct oracle o;
	memset(&o, 0, sizeof(o));
	oracle_run(&o, reg, pat, len, caseless, fields, opt->proto);
	FUZZ_ASSERT(o.compiled == (s != NULL), "search_new and PCRE2 disagree on the pattern");
	if (!s) {
		FUZZ_ASSERT(err.message && *err.message && err.offset <= len, "bad compile error");
		search_error_clear(&err);
		return;
	}
	search_run(s);
	size_t total = 0;
	FUZZ_ASSERT(search_progress(s, &total) == reg->nrec && total == reg->nrec,
		    "search_run left records");
	for (size_t i = 0; i < reg->nrec; i++) {
		bool got = search_record_matches(s, (uint32_t)i);
		if (search_limit_hits(s) == 0 && o.stops == 0)
			FUZZ_ASSERT(got == o.match[i], "search and PCRE2 disagree on a record");
		else if (got)
			FUZZ_ASSERT(o.match[i] || o.stopped[i], "a match PCRE2 does not see");
	}
	FUZZ_ASSERT((search_limit_hits(s) > 0) == (search_limit_message(s) != NULL),
		    "limit count and message disagree");
	const char *stop = search_limit_message(s);
	FUZZ_ASSERT(!stop || is_limit(stop) || (o.stops && strcmp(stop, o.stop_msg) == 0),
		    "a match stopped on something other than a limit or what PCRE2 says");
	check_ports(s, reg);
	struct search *t = search_new(reg, pat, len, opt, &err);
	FUZZ_ASSERT(t != NULL, "the same pattern compiled once only");
	while (!search_step(t, step))
		;
	check_same(s, t);
	search_free(t);
	search_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	struct search_options opt = SEARCH_OPTIONS_INIT;
	opt.fields = data[0] & SEARCH_FIELDS_ALL;
	opt.no_jit = data[0] & 0x40;
	opt.case_mode = (enum search_case)(data[1] % 3);
	opt.proto = (enum transport)(data[1] / 4 % 5);
	size_t step = data[2] ? data[2] : 1;
	const char *s = (const char *)data + 3, *end = (const char *)data + size;
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	size_t plen = (size_t)((nl ? nl : end) - s);
	char *pat = malloc(plen ? plen : 1);
	struct registry *reg = registry_new();
	FUZZ_ASSERT(pat && reg, "out of memory");
	memcpy(pat, s, plen);
	for (unsigned i = 0; nl && i < FUZZ_RECORDS; i++) {
		s = nl + 1;
		nl = memchr(s, '\n', (size_t)(end - s));
		FUZZ_ASSERT(fuzz_add_record(reg, s, (size_t)((nl ? nl : end) - s), i) == 0,
			    "a record was refused");
	}
	check_search(reg, pat, plen, &opt, step);
	registry_free(reg);
	free(pat);
	return 0;
}
