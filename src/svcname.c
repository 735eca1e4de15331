/* SPDX-License-Identifier: MIT */
/* svcname.c: RFC 6335 service-name rules and similar registered names
 * (svcname.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "svcname.h"

static const char *const rule_text[SVCNAME_RULES] = {
	[SVCNAME_EMPTY] = N_("empty: a name has 1 to 15 characters"),
	[SVCNAME_TOO_LONG] = N_("more than 15 characters"),
	[SVCNAME_BAD_CHAR] = N_("only US-ASCII letters, digits and hyphens are allowed"),
	[SVCNAME_NO_LETTER] = N_("no letter: at least one is required"),
	[SVCNAME_HYPHEN_EDGE] = N_("starts or ends with a hyphen"),
	[SVCNAME_HYPHEN_DOUBLE] = N_("two hyphens next to each other"),
};

const char *svcname_rule_text(enum svcname_rule rule)
{
	return rule_text[rule];
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

unsigned svcname_check(const char *name, size_t *bad_at)
{
	size_t n = strlen(name);
	unsigned broken = 0;
	int letters = 0;
	if (n == 0)
		return 1u << SVCNAME_EMPTY;
	if (n > SVCNAME_MAX)
		broken |= 1u << SVCNAME_TOO_LONG;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		letters += is_letter(c);
		if (!is_letter(c) && !is_digit(c) && c != '-' &&
		    !(broken & (1u << SVCNAME_BAD_CHAR))) {
			broken |= 1u << SVCNAME_BAD_CHAR;
			if (bad_at)
				*bad_at = i;
		}
		if (c == '-' && i + 1 < n && name[i + 1] == '-')
			broken |= 1u << SVCNAME_HYPHEN_DOUBLE;
	}
	if (!letters)
		broken |= 1u << SVCNAME_NO_LETTER;
	if (name[0] == '-' || name[n - 1] == '-')
		broken |= 1u << SVCNAME_HYPHEN_EDGE;
	return broken;
}

/* Names longer than this are compared with nothing (the registry's
 * longest is 15 characters; edits keep within 2 of the length). */
#define SVCNAME_LIKE_MAX 63

/* s lower-cased without its hyphens, into out (at least strlen(s) + 1). */
static void squash(const char *s, char *out)
{
	for (; *s; s++)
		if (*s != '-')
			*out++ = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
	*out = '\0';
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The optimal-string-alignment distance of a and b ignoring ASCII case,
 * or 3 for anything over 2. */
static int distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > SVCNAME_LIKE_MAX || m > SVCNAME_LIKE_MAX || (n > m ? n - m : m - n) > 2)
		return 3;
	int d[SVCNAME_LIKE_MAX + 1][SVCNAME_LIKE_MAX + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int row_min = 3;
		for (size_t j = 1; j <= m; j++) {
			int cost = lower((unsigned char)a[i - 1]) != lower((unsigned char)b[j - 1]);
			int v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 &&
			    lower((unsigned char)a[i - 1]) == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == lower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > 2)
			return 3;
	}
	return d[n][m] > 2 ? 3 : d[n][m];
}

struct similar {
	const char *name;
	int rank; /* 0: the same ignoring hyphens; 1, 2: edits */
};

static int similar_cmp(const void *a, const void *b)
{
	const struct similar *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcasecmp(x->name, y->name);
}

/* How like name (squashed: sq) the registered name r is: 0-2, or 3. */
static int likeness(const char *name, const char *sq, const char *r)
{
	if (strcasecmp(name, r) == 0)
		return 3; /* the name itself: registered, not similar */
	char rsq[SVCNAME_LIKE_MAX + 1];
	if (strlen(r) > SVCNAME_LIKE_MAX)
		return 3;
	squash(r, rsq);
	if (*sq && strcmp(sq, rsq) == 0)
		return 0;
	int d = distance(name, r);
	/* a short name is 1 edit from too much: two only from 5 characters */
	int most = strlen(sq) < 5 ? 1 : 2;
	return d && d <= most ? d : 3;
}

long svcname_similar(struct registry *reg, const char *name, const char **out, size_t max)
{
	const uint32_t *idx;
	size_t n;
	if (strlen(name) > SVCNAME_LIKE_MAX)
		return 0; /* nothing registered is that long */
	if (registry_named_records(reg, &idx, &n) < 0)
		return -1;
	char sq[SVCNAME_LIKE_MAX + 1];
	squash(name, sq);
	struct similar *v = NULL;
	size_t nv = 0, cap = 0;
	const char *prev = "";
	for (size_t i = 0; i < n; i++) {
		const char *r = registry_field(reg, &reg->rec[idx[i]], FIELD_SERVICE);
		if (strcasecmp(r, prev) == 0)
			continue;
		prev = r;
		int rank = likeness(name, sq, r);
		if (rank > 2)
			continue;
		if (nv == cap) {
			struct similar *p = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof(*v));
			if (!p) {
				free(v);
				return -1;
			}
			v = p;
		}
		v[nv++] = (struct similar){r, rank};
	}
	if (nv)
		qsort(v, nv, sizeof(*v), similar_cmp);
	size_t k = nv < max ? nv : max;
	for (size_t i = 0; i < k; i++)
		out[i] = v[i].name;
	free(v);
	return (long)k;
}
