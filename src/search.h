/* SPDX-License-Identifier: MIT */
/* search.h: regular-expression search over the registry (PCRE2, 8-bit,
 * UTF + UCP over the load-normalised UTF-8 text; doc/HACKING.md, "Search").
 *
 * One struct search holds a compiled pattern, its single match context
 * (match, depth and heap limits, JIT stack), the progress through the
 * registry and the results: the matching records (ascending indices) and a
 * 65,536-bit map of the ports they cover (a port matches when a matching
 * record's port_lo..port_hi holds it; with opt.proto set only records of
 * that transport are searched at all).
 *
 * Use, from a CLI:
 *     struct search *s = search_new(reg, pat, strlen(pat), &opt, &err);
 *     if (!s) show err.message and err.offset;
 *     search_run(s);
 * and from a UI that must keep reading keys while a slow pattern runs:
 *     s = search_new(...);            on each edit of the prompt
 *     while (!search_step_for(s, 10000)) { poll the keyboard; on a key,
 *         search_free(s) if the pattern changed }
 * (search_step(s, N) does the same by record count.) When the new pattern
 * does not compile, keep showing the previous struct search.
 * A search only reads the registry; the registry must outlive it.
 *
 * A field whose match stops on a limit (match, depth, heap, JIT stack, out
 * of memory) is neither a match nor a non-match: it is counted in
 * search_limit_hits() and the caller must report it. Fields of a record
 * are tried in enum order and stop at the first match, so a limit hit is
 * counted only when no earlier field of that record matched.
 *
 * The empty pattern matches every record, as in grep; a UI that wants an
 * empty prompt to mean "no search" handles that itself. */
#ifndef PORTSCOPE_SEARCH_H
#define PORTSCOPE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"

struct search;

/* The searchable fields, as bits of a mask. */
enum search_field {
	SEARCH_NAME,
	SEARCH_DESCRIPTION,
	SEARCH_ASSIGNEE,
	SEARCH_CONTACT,
	SEARCH_REFERENCE,
	SEARCH_NOTES,
	SEARCH_FIELD_COUNT
};
#define SEARCH_FIELDS_DEFAULT ((1u << SEARCH_NAME) | (1u << SEARCH_DESCRIPTION))
#define SEARCH_FIELDS_ALL ((1u << SEARCH_FIELD_COUNT) - 1)

enum search_case {
	SEARCH_CASE_SMART, /* caseless unless the pattern has a capital */
	SEARCH_CASE_IGNORE,
	SEARCH_CASE_SENSITIVE,
};

/* Limits of the one match context (0 = the default below). */
#define SEARCH_MATCH_LIMIT 50000u
#define SEARCH_DEPTH_LIMIT 10000u
#define SEARCH_HEAP_LIMIT_KIB 8192u
#define SEARCH_JIT_STACK_MAX (512u * 1024u)
/* The whole search's budget: matching time summed over every step, so no
 * pattern (JIT or interpreter) holds a command or the TUI for long. */
#define SEARCH_BUDGET_USEC 2000000ul

struct search_options {
	unsigned fields; /* SEARCH_FIELDS_* bits; 0 = default */
	enum search_case case_mode;
	enum transport proto; /* TRANSPORT_ANY, or only records of this one */
	bool no_jit;	      /* force the interpreter (benchmarks) */
	uint32_t match_limit, depth_limit, heap_limit_kib;
	unsigned long budget_usec; /* 0 = SEARCH_BUDGET_USEC */
};

#define SEARCH_OPTIONS_INIT                                                                        \
	{                                                                                          \
		0, SEARCH_CASE_SMART, TRANSPORT_ANY, false, 0, 0, 0, 0                             \
	}

/* Why a pattern did not compile: PCRE2's message and the byte offset in
 * the pattern where it stopped, at most its length; or SEARCH_NOT_PATTERN
 * when the pattern is not at fault (out of memory, PCRE2 not loadable). */
#define SEARCH_NOT_PATTERN ((size_t)-1)
struct search_error {
	char *message; /* malloc'd; NULL when no error */
	size_t offset;
};

#define SEARCH_ERROR_INIT                                                                          \
	{                                                                                          \
		NULL, 0                                                                            \
	}

void search_error_clear(struct search_error *err);

/* Parse a --field value: one of name, description, assignee, contact,
 * reference, notes, all, or a comma-separated list of them. Returns the
 * mask, or 0 when a name is unknown. */
unsigned search_parse_fields(const char *s);
/* The name of one field ("name", ...). */
const char *search_field_name(enum search_field f);
/* Smart case: true when pattern has an upper-case letter (any script)
 * outside escapes (\S, \p{Lu}, \x{..}) and (*VERB)s, or names the POSIX
 * class [:upper:] or [:lower:]. Group names count as literal text. */
bool search_pattern_has_upper(const char *pattern, size_t len);

/* Compile pattern for reg; NULL with err set on a bad pattern (or out of
 * memory, or PCRE2 not loadable: offset SEARCH_NOT_PATTERN). */
struct search *search_new(const struct registry *reg, const char *pattern, size_t len,
			  const struct search_options *opt, struct search_error *err);
void search_free(struct search *s);

/* Match up to max_records more records (0 = all the rest). Returns true
 * when the whole registry has been searched. */
bool search_step(struct search *s, size_t max_records);
/* Match records until about max_usec microseconds have passed (at least
 * a few records, so it always progresses); true when the whole registry
 * has been searched. A record costs at most its fields times the time a
 * limit takes (well under a millisecond per field with JIT). */
bool search_step_for(struct search *s, unsigned long max_usec);
/* Search everything that is left. */
void search_run(struct search *s);
/* Records searched so far, of how many. */
size_t search_progress(const struct search *s, size_t *total);

/* Results, valid for the records searched so far. */
size_t search_records(const struct search *s, const uint32_t **idx);
size_t search_port_count(const struct search *s);
bool search_port_matches(const struct search *s, unsigned port);
/* Any matching port in lo..hi (a zoomed map bucket)? */
bool search_range_matches(const struct search *s, unsigned lo, unsigned hi);
/* The next matching port after from (dir > 0) or before it (dir < 0),
 * wrapping around; *wrapped says whether it did. -1 when none. */
long search_next_port(const struct search *s, unsigned from, int dir, bool *wrapped);
/* How many matching ports are <= port: "match k of N ports" when the
 * cursor is on a matching port. */
size_t search_port_rank(const struct search *s, unsigned port);
/* Is record rec (an index into reg->rec) among the matches? */
bool search_record_matches(const struct search *s, uint32_t rec);
/* Fields whose match ended on a limit or error rather than an answer,
 * plus one when the whole search used up its time budget (the records
 * after that point were not searched: search_step returned true early). */
size_t search_limit_hits(const struct search *s);
/* PCRE2's message for the first such stop ("match limit exceeded"), or
 * the budget's ("time budget of 2 s used up after 1,234 of 14,474
 * records"), or NULL when there was none. */
const char *search_limit_message(const struct search *s);
/* Did the search stop on its time budget? Then *searched (may be NULL)
 * says how many records it got through. */
bool search_was_cut(const struct search *s, size_t *searched);

/* How the pattern was compiled. */
bool search_uses_jit(const struct search *s);
bool search_is_caseless(const struct search *s);

#endif
