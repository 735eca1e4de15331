/* SPDX-License-Identifier: MIT */
/* search.c: regex search over the registry records with PCRE2 (see
 * search.h for the contract). */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dynlib.h"
#include "i18n.h"
#include "search.h"
#include "strbuf.h"

#ifdef DLOPEN_LIBS
/* PCRE2, opened when a pattern is first compiled (dynlib.h); its
 * functions are macros for their 8-bit names (pcre2_compile_8). */
/* clang-format off */
#define PCRE2_FNS(X, T) \
	X(T, pcre2_compile) \
	X(T, pcre2_code_free) \
	X(T, pcre2_get_error_message) \
	X(T, pcre2_pattern_info) \
	X(T, pcre2_jit_compile) \
	X(T, pcre2_jit_match) \
	X(T, pcre2_jit_stack_create) \
	X(T, pcre2_jit_stack_assign) \
	X(T, pcre2_jit_stack_free) \
	X(T, pcre2_match) \
	X(T, pcre2_match_data_create) \
	X(T, pcre2_match_data_create_from_pattern) \
	X(T, pcre2_match_data_free) \
	X(T, pcre2_match_context_create) \
	X(T, pcre2_match_context_free) \
	X(T, pcre2_set_match_limit) \
	X(T, pcre2_set_depth_limit) \
	X(T, pcre2_set_heap_limit)
/* clang-format on */
#define SLOT(T, f) DYNLIB_SLOT(f)
static struct pcre2_fns {
	PCRE2_FNS(SLOT, )
} pcre2f;
#undef SLOT
static const struct dynlib_fn pcre2_fn_names[] = {PCRE2_FNS(DYNLIB_FN, struct pcre2_fns)};
static struct dynlib pcre2_lib = DYNLIB_INIT(LIBPCRE2_SONAME, pcre2_fn_names, &pcre2f);
#define pcre2_compile_8 (pcre2f.pcre2_compile_8)
#define pcre2_code_free_8 (pcre2f.pcre2_code_free_8)
#define pcre2_get_error_message_8 (pcre2f.pcre2_get_error_message_8)
#define pcre2_pattern_info_8 (pcre2f.pcre2_pattern_info_8)
#define pcre2_jit_compile_8 (pcre2f.pcre2_jit_compile_8)
#define pcre2_jit_match_8 (pcre2f.pcre2_jit_match_8)
#define pcre2_jit_stack_create_8 (pcre2f.pcre2_jit_stack_create_8)
#define pcre2_jit_stack_assign_8 (pcre2f.pcre2_jit_stack_assign_8)
#define pcre2_jit_stack_free_8 (pcre2f.pcre2_jit_stack_free_8)
#define pcre2_match_8 (pcre2f.pcre2_match_8)
#define pcre2_match_data_create_8 (pcre2f.pcre2_match_data_create_8)
#define pcre2_match_data_create_from_pattern_8 (pcre2f.pcre2_match_data_create_from_pattern_8)
#define pcre2_match_data_free_8 (pcre2f.pcre2_match_data_free_8)
#define pcre2_match_context_create_8 (pcre2f.pcre2_match_context_create_8)
#define pcre2_match_context_free_8 (pcre2f.pcre2_match_context_free_8)
#define pcre2_set_match_limit_8 (pcre2f.pcre2_set_match_limit_8)
#define pcre2_set_depth_limit_8 (pcre2f.pcre2_set_depth_limit_8)
#define pcre2_set_heap_limit_8 (pcre2f.pcre2_set_heap_limit_8)
#define pcre2lib_open(err) dynlib_open(&pcre2_lib, err)
#else
#define pcre2lib_open(err) ((void)(err), 0)
#endif

#define PORT_WORDS (PORT_COUNT / 64)
/* Records matched between two looks at the clock. */
#define SEARCH_TIME_CHECK 8

struct search {
	const struct registry *reg;
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx; /* the one match context: all the limits */
	pcre2_jit_stack *jit_stack;
	bool jit, caseless;
	uint32_t min_len; /* no shorter field can match (PCRE2_INFO_MINLENGTH) */
	unsigned fields;
	enum transport proto;
	size_t next;	/* next record to search */
	uint32_t *hits; /* matching records, ascending */
	size_t nhits, hits_cap;
	uint64_t ports[PORT_WORDS];
	size_t nports;
	size_t limit_hits;
	int first_stop; /* PCRE2 code of the first limit hit, or 0 */
	char stop_msg[128];
	uint64_t budget_usec, spent_usec;
	bool cut; /* stopped on the budget at record next */
};

/* Registry columns behind the searchable fields, in enum search_field order. */
static const struct {
	const char *name;
	enum field column;
} search_fields[SEARCH_FIELD_COUNT] = {
	{"name", FIELD_SERVICE},	{"description", FIELD_DESCRIPTION},
	{"assignee", FIELD_ASSIGNEE},	{"contact", FIELD_CONTACT},
	{"reference", FIELD_REFERENCE}, {"notes", FIELD_NOTES},
};

void search_error_clear(struct search_error *err)
{
	free(err->message);
	*err = (struct search_error)SEARCH_ERROR_INIT;
}

const char *search_field_name(enum search_field f)
{
	return search_fields[f].name;
}

/* One field name, or "all", as a mask; 0 when unknown. */
static unsigned search_field_bit(const char *s, size_t n)
{
	if (n == 3 && strncmp(s, "all", 3) == 0)
		return SEARCH_FIELDS_ALL;
	for (unsigned i = 0; i < SEARCH_FIELD_COUNT; i++)
		if (strlen(search_fields[i].name) == n && strncmp(s, search_fields[i].name, n) == 0)
			return 1u << i;
	return 0;
}

unsigned search_parse_fields(const char *s)
{
	unsigned mask = 0;
	for (;;) {
		size_t n = strcspn(s, ",");
		unsigned bit = search_field_bit(s, n);
		if (!bit)
			return 0;
		mask |= bit;
		if (!s[n])
			return mask;
		s += n + 1;
	}
}

/* Length of the escape sequence at p (p[0] == '\\'), so smart case skips
 * \S, \W, \pL, \p{Lu}, \x{..}, \N{U+..}, \cX. */
static size_t search_escape_len(const char *p, const char *end)
{
	if (p + 1 >= end)
		return 1;
	if (strchr("pPxoNgkc", p[1]) && p + 2 < end && p[2] == '{') {
		const char *close = memchr(p + 2, '}', (size_t)(end - p - 2));
		return close ? (size_t)(close - p) + 1 : (size_t)(end - p);
	}
	size_t n = strchr("pPc", p[1]) && p + 2 < end ? 3 : 2;
	while (p + n < end && ((unsigned char)p[n] & 0xC0) == 0x80)
		n++; /* the rest of an escaped multibyte character */
	return n;
}

/* True when a capital (Lu or Lt, any script) occurs in s. */
static bool search_has_capital(const char *s, size_t n)
{
	bool ascii = true;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			return true;
		ascii = ascii && !((unsigned char)s[i] & 0x80);
	}
	struct ps_error e = PS_ERROR_INIT;
	bool loaded = !ascii && pcre2lib_open(&e) == 0;
	error_clear(&e);
	if (!loaded)
		return false;
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR) "[\\p{Lu}\\p{Lt}]", PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF, &ec, &eo, NULL);
	if (!re)
		return false;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	bool found = md && pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, NULL) >= 0;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return found;
}

/* POSIX classes that caseless matching would turn into "any letter". */
static bool search_has_case_class(const char *pattern, size_t len)
{
	static const char *const classes[] = {"[:upper:]", "[:lower:]"};
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (memmem(pattern, len, classes[i], strlen(classes[i])))
			return true;
	return false;
}

bool search_pattern_has_upper(const char *pattern, size_t len)
{
	if (search_has_case_class(pattern, len))
		return true;
	struct strbuf lit = STRBUF_INIT;
	const char *p = pattern, *end = pattern + len;
	while (p < end) {
		if (*p == '\\') {
			p += search_escape_len(p, end);
		} else if (*p == '(' && p + 1 < end && p[1] == '*') {
			const char *close = memchr(p, ')', (size_t)(end - p));
			p = close ? close + 1 : end;
		} else {
			strbuf_addc(&lit, *p++);
		}
	}
	bool upper = search_has_capital(strbuf_str(&lit), lit.len);
	strbuf_free(&lit);
	return upper;
}

/* PCRE2's text for an error code. */
static void search_pcre2_message(int code, char *buf, size_t size)
{
	if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, size) < 0)
		snprintf(buf, size, _("PCRE2 error %d"), code);
}

static int search_set_error(struct search_error *err, const char *msg, size_t offset)
{
	search_error_clear(err);
	err->message = strdup(msg);
	err->offset = offset;
	return -1;
}

/* The match context with the limits of opt, and its JIT stack. */
static int search_setup_context(struct search *s, const struct search_options *opt)
{
	s->mctx = pcre2_match_context_create(NULL);
	s->md = pcre2_match_data_create(1, NULL);
	if (!s->mctx || !s->md)
		return -1;
	pcre2_set_match_limit(s->mctx, opt->match_limit ? opt->match_limit : SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mctx, opt->depth_limit ? opt->depth_limit : SEARCH_DEPTH_LIMIT);
	pcre2_set_heap_limit(s->mctx,
			     opt->heap_limit_kib ? opt->heap_limit_kib : SEARCH_HEAP_LIMIT_KIB);
	if (s->jit) {
		s->jit_stack = pcre2_jit_stack_create(32 * 1024, SEARCH_JIT_STACK_MAX, NULL);
		if (!s->jit_stack)
			return -1;
		pcre2_jit_stack_assign(s->mctx, NULL, s->jit_stack);
	}
	return 0;
}

/* JIT-compile code; false when JIT is unavailable or the pattern starts
 * with (*NO_JIT), for which pcre2_jit_compile() succeeds without compiling
 * anything (and pcre2_jit_match() would then fail on every subject). */
static bool search_jit_compile(pcre2_code *code)
{
	size_t size = 0;
	return pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0 &&
	       pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0;
}

/* Compile with the options' case mode; JIT unless refused or unavailable. */
static int search_compile(struct search *s, const char *pattern, size_t len,
			  const struct search_options *opt, struct search_error *err)
{
	s->caseless =
		opt->case_mode == SEARCH_CASE_IGNORE ||
		(opt->case_mode == SEARCH_CASE_SMART && !search_pattern_has_upper(pattern, len));
	uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C |
			 (s->caseless ? PCRE2_CASELESS : 0);
	int ec;
	PCRE2_SIZE eo;
	/* A NUL after the pattern: PCRE2 before 10.45 reads past the end of
	 * an unfinished "(*LIMIT_DEPTH=" and, when a digit or ')' follows in
	 * memory, asks malloc() for ~2^64 bytes (PCRE2Project/pcre2#463). */
	char *copy = malloc(len + 1);
	if (!copy)
		return search_set_error(err, _("out of memory"), SEARCH_NOT_PATTERN);
	memcpy(copy, pattern, len);
	copy[len] = '\0';
	s->code = pcre2_compile((PCRE2_SPTR)copy, len, flags, &ec, &eo, NULL);
	free(copy);
	if (!s->code) {
		char msg[256];
		search_pcre2_message(ec, msg, sizeof(msg));
		/* PCRE2 may point one past the end of an unfinished (*VERB) */
		return search_set_error(err, msg, eo < len ? eo : len);
	}
	s->jit = !opt->no_jit && search_jit_compile(s->code);
	/* a lower bound in characters, so in bytes too: a field shorter than
	 * that is skipped unmatched (every empty one, half of all fields; for
	 * "kerberos", most service names) */
	if (pcre2_pattern_info(s->code, PCRE2_INFO_MINLENGTH, &s->min_len) != 0)
		s->min_len = 0;
	s->budget_usec = opt->budget_usec ? opt->budget_usec : SEARCH_BUDGET_USEC;
	if (search_setup_context(s, opt) < 0)
		return search_set_error(err, _("out of memory"), SEARCH_NOT_PATTERN);
	return 0;
}

struct search *search_new(const struct registry *reg, const char *pattern, size_t len,
			  const struct search_options *opt, struct search_error *err)
{
	struct ps_error e = PS_ERROR_INIT; /* first: search_free() needs PCRE2 */
	if (pcre2lib_open(&e) < 0) {
		search_set_error(err, e.msg, SEARCH_NOT_PATTERN);
		error_clear(&e);
		return NULL;
	}
	struct search *s = calloc(1, sizeof(*s));
	if (!s) {
		search_set_error(err, _("out of memory"), SEARCH_NOT_PATTERN);
		return NULL;
	}
	s->reg = reg;
	s->fields = opt->fields ? opt->fields : SEARCH_FIELDS_DEFAULT;
	s->proto = opt->proto;
	if (search_compile(s, pattern, len, opt, err) < 0) {
		search_free(s);
		return NULL;
	}
	return s;
}

void search_free(struct search *s)
{
	if (!s)
		return;
	pcre2_code_free(s->code);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_jit_stack_free(s->jit_stack);
	free(s->hits);
	free(s);
}

/* Mark ports lo..hi, counting the newly set ones. */
static void search_mark_ports(struct search *s, unsigned lo, unsigned hi)
{
	for (unsigned p = lo; p <= hi; p++) {
		uint64_t bit = (uint64_t)1 << (p % 64);
		if (!(s->ports[p / 64] & bit)) {
			s->ports[p / 64] |= bit;
			s->nports++;
		}
	}
}

/* Remember record i as a match; false when out of memory. */
static bool search_add_hit(struct search *s, size_t i)
{
	if (s->nhits == s->hits_cap) {
		size_t cap = s->hits_cap ? 2 * s->hits_cap : 256;
		uint32_t *n = realloc(s->hits, cap * sizeof(*n));
		if (!n)
			return false;
		s->hits = n;
		s->hits_cap = cap;
	}
	s->hits[s->nhits++] = (uint32_t)i;
	const struct record *r = &s->reg->rec[i];
	if (r->port_lo != PORT_NONE)
		search_mark_ports(s, (unsigned)r->port_lo, (unsigned)r->port_hi);
	return true;
}

/* Count a match that stopped without an answer. */
static void search_stop(struct search *s, int rc)
{
	s->limit_hits++;
	if (!s->first_stop) {
		s->first_stop = rc;
		search_pcre2_message(rc, s->stop_msg, sizeof(s->stop_msg));
	}
}

/* Does record r match in any selected field? */
static bool search_record(struct search *s, const struct record *r)
{
	for (unsigned f = 0; f < SEARCH_FIELD_COUNT; f++) {
		if (!(s->fields & (1u << f)))
			continue;
		const char *text = registry_field(s->reg, r, search_fields[f].column);
		size_t len = strlen(text);
		if (len < s->min_len)
			continue;
		/* The loader normalised every field to valid UTF-8, so the
		 * UTF check can be skipped. pcre2_match() runs the JIT code when
		 * there is some; pcre2_jit_match() would be a little faster but
		 * ignores (*NOTEMPTY) and (*NOTEMPTY_ATSTART) at the pattern's
		 * start (an empty match would count). */
		int rc = pcre2_match(s->code, (PCRE2_SPTR)text, len, 0, PCRE2_NO_UTF_CHECK, s->md,
				     s->mctx);
		if (rc >= 0)
			return true;
		if (rc != PCRE2_ERROR_NOMATCH)
			search_stop(s, rc);
	}
	return false;
}

/* Search record s->next and move past it. */
static void search_next_record(struct search *s)
{
	const struct record *r = &s->reg->rec[s->next];
	if ((s->proto == TRANSPORT_ANY || r->transport == s->proto) && search_record(s, r) &&
	    !search_add_hit(s, s->next))
		search_stop(s, PCRE2_ERROR_NOMEMORY);
	s->next++;
}

static uint64_t search_now_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* The budget is spent: stop here, and say so as the first stop if no
 * limit came before. */
static void search_cut(struct search *s)
{
	s->cut = true;
	s->limit_hits++;
	if (!s->first_stop) {
		s->first_stop = 1; /* not a PCRE2 code: the budget */
		snprintf(s->stop_msg, sizeof(s->stop_msg),
			 _("time budget of %lu s used up after %'zu of %'zu records"),
			 (unsigned long)(s->budget_usec / 1000000u), s->next, s->reg->nrec);
	}
}

bool search_step(struct search *s, size_t max_records)
{
	size_t n = s->reg->nrec, end = n;
	if (max_records && max_records < n - s->next)
		end = s->next + max_records;
	while (s->next < end && !s->cut) {
		size_t stop = end - s->next > SEARCH_TIME_CHECK ? s->next + SEARCH_TIME_CHECK : end;
		uint64_t t0 = search_now_usec();
		while (s->next < stop)
			search_next_record(s);
		s->spent_usec += search_now_usec() - t0;
		if (s->spent_usec > s->budget_usec && s->next < n)
			search_cut(s);
	}
	return s->next >= n || s->cut;
}

bool search_step_for(struct search *s, unsigned long max_usec)
{
	uint64_t deadline = search_now_usec() + max_usec;
	do {
		if (search_step(s, SEARCH_TIME_CHECK))
			return true;
	} while (search_now_usec() < deadline);
	return false;
}

void search_run(struct search *s)
{
	search_step(s, 0);
}

size_t search_progress(const struct search *s, size_t *total)
{
	if (total)
		*total = s->reg->nrec;
	return s->next;
}

size_t search_records(const struct search *s, const uint32_t **idx)
{
	*idx = s->hits;
	return s->nhits;
}

size_t search_port_count(const struct search *s)
{
	return s->nports;
}

bool search_port_matches(const struct search *s, unsigned port)
{
	return port <= PORT_MAX && (s->ports[port / 64] >> (port % 64)) & 1;
}

bool search_range_matches(const struct search *s, unsigned lo, unsigned hi)
{
	if (hi > PORT_MAX)
		hi = PORT_MAX;
	for (unsigned p = lo; p <= hi;) {
		uint64_t w = s->ports[p / 64] >> (p % 64);
		unsigned span = 64 - p % 64;
		if (hi - p + 1 < span)
			w &= ((uint64_t)1 << (hi - p + 1)) - 1;
		if (w)
			return true;
		p += span;
	}
	return false;
}

/* The first matching port >= p, or -1; a word of 64 ports at a time. */
static long search_first_from(const struct search *s, long p)
{
	if (p > PORT_MAX)
		return -1;
	size_t w = (size_t)p / 64;
	uint64_t bits = s->ports[w] & (~(uint64_t)0 << (p % 64));
	while (!bits) {
		if (++w == PORT_WORDS)
			return -1;
		bits = s->ports[w];
	}
	return (long)(w * 64) + __builtin_ctzll(bits);
}

/* The last matching port <= p, or -1. */
static long search_last_to(const struct search *s, long p)
{
	if (p < 0)
		return -1;
	size_t w = (size_t)p / 64;
	uint64_t bits = s->ports[w] & (~(uint64_t)0 >> (63 - p % 64));
	while (!bits) {
		if (w-- == 0)
			return -1;
		bits = s->ports[w];
	}
	return (long)(w * 64) + 63 - __builtin_clzll(bits);
}

long search_next_port(const struct search *s, unsigned from, int dir, bool *wrapped)
{
	*wrapped = false;
	if (!s->nports)
		return -1;
	long p = dir < 0 ? search_last_to(s, (long)from - 1) : search_first_from(s, (long)from + 1);
	if (p < 0) {
		*wrapped = true;
		p = dir < 0 ? search_last_to(s, PORT_MAX) : search_first_from(s, 0);
	}
	return p;
}

size_t search_port_rank(const struct search *s, unsigned port)
{
	if (port > PORT_MAX)
		port = PORT_MAX;
	size_t rank = 0;
	for (unsigned w = 0; w < port / 64; w++)
		rank += (size_t)__builtin_popcountll(s->ports[w]);
	uint64_t last = s->ports[port / 64];
	if (port % 64 != 63)
		last &= ((uint64_t)1 << (port % 64 + 1)) - 1;
	return rank + (size_t)__builtin_popcountll(last);
}

static int search_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

bool search_record_matches(const struct search *s, uint32_t rec)
{
	return s->nhits && bsearch(&rec, s->hits, s->nhits, sizeof(*s->hits), search_cmp_u32);
}

size_t search_limit_hits(const struct search *s)
{
	return s->limit_hits;
}

const char *search_limit_message(const struct search *s)
{
	return s->first_stop ? s->stop_msg : NULL;
}

bool search_was_cut(const struct search *s, size_t *searched)
{
	if (searched)
		*searched = s->next;
	return s->cut;
}

bool search_uses_jit(const struct search *s)
{
	return s->jit;
}

bool search_is_caseless(const struct search *s)
{
	return s->caseless;
}
