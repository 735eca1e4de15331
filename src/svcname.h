/* SPDX-License-Identifier: MIT */
/* svcname.h: service names as RFC 6335 section 5.1 defines them: 1 to 15
 * characters; US-ASCII letters, digits and hyphens only; at least one
 * letter; no hyphen at the start or the end, and none next to another.
 * IANA keeps them unique ignoring case. Plus the registered names that
 * look like a given one. */
#ifndef PORTSCOPE_SVCNAME_H
#define PORTSCOPE_SVCNAME_H

#include <stddef.h>

#include "registry.h"

/* The rules, as bits of svcname_check()'s answer. */
enum svcname_rule {
	SVCNAME_EMPTY,	       /* no character at all */
	SVCNAME_TOO_LONG,      /* more than 15 characters */
	SVCNAME_BAD_CHAR,      /* a character other than A-Z a-z 0-9 - */
	SVCNAME_NO_LETTER,     /* digits and hyphens only */
	SVCNAME_HYPHEN_EDGE,   /* starts or ends with a hyphen */
	SVCNAME_HYPHEN_DOUBLE, /* two hyphens in a row */
	SVCNAME_RULES,
};

#define SVCNAME_MAX 15

/* The rules name breaks (0: a valid name). *bad_at (may be NULL) is the
 * byte offset of the first character SVCNAME_BAD_CHAR is about. */
unsigned svcname_check(const char *name, size_t *bad_at);
/* The rule in words, untranslated (N_): "more than 15 characters". */
const char *svcname_rule_text(enum svcname_rule rule);

/* Registered names similar to name (not equal to it ignoring case): the
 * same letters and digits ignoring hyphens and case, or an edit distance
 * (insert, delete, substitute, swap of neighbours) of 1, or 2 for names of
 * 5 letters and digits or more, ignoring case. Up to max distinct names, nearest first, then
 * alphabetical, into out (pointers into the registry's pool); returns how many. -1 when out of
 * memory. */
long svcname_similar(struct registry *reg, const char *name, const char **out, size_t max);

#endif
