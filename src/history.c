/* SPDX-License-Identifier: MIT */
/* history.c: what a record's fields say about its past (history.h). */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "history.h"
#include "i18n.h"

/* Phrases, matched case-insensitively anywhere in the text. */
static const struct {
	const char *phrase;
	unsigned flag;
} phrases[] = {
	{"removed", HISTORY_REMOVED},
	{"de-regist", HISTORY_DEREGISTERED},
	{"deregist", HISTORY_DEREGISTERED},
	{"de-assign", HISTORY_DEREGISTERED},
	{"deassign", HISTORY_DEREGISTERED},
	{"withdrawn", HISTORY_DEREGISTERED},
	{"deprecated", HISTORY_DEPRECATED},
	{"historic", HISTORY_DEPRECATED},
	{"not recommended", HISTORY_DEPRECATED},
	{"previously", HISTORY_PREVIOUS},
};

static const char *const flag_names[HISTORY_FLAGS] = {
	N_("removed"),
	N_("de-registered"),
	N_("deprecated"),
	N_("previously assigned"),
	N_("unauthorized use reported"),
};

const char *history_flag_name(enum history_flag f)
{
	for (int i = 0; i < HISTORY_FLAGS; i++)
		if (f == 1u << i)
			return flag_names[i];
	return "";
}

/* ASCII case-insensitive strstr. */
static bool contains(const char *text, const char *phrase)
{
	size_t n = strlen(phrase);
	for (; *text; text++)
		if (strncasecmp(text, phrase, n) == 0)
			return true;
	return false;
}

static unsigned flags_of(const char *text)
{
	unsigned f = 0;
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
		if (contains(text, phrases[i].phrase))
			f |= phrases[i].flag;
	return f;
}

/* Digits at s, at least min and at most max of them; their value or -1. */
static int digits(const char **s, int min, int max)
{
	int v = 0, n = 0;
	while (n < max && isdigit((unsigned char)**s))
		v = v * 10 + (*(*s)++ - '0'), n++;
	return n >= min && !isdigit((unsigned char)**s) ? v : -1;
}

/* A date Y-M-D at p: a 4-digit year, 1- or 2-digit month and day. */
static bool date_at(const char *p, int *y, int *m, int *d)
{
	if ((*y = digits(&p, 4, 4)) < 0 || *p++ != '-')
		return false;
	if ((*m = digits(&p, 1, 2)) < 1 || *m > 12 || *p++ != '-')
		return false;
	*d = digits(&p, 1, 2);
	return *d >= 1 && *d <= 31;
}

/* The first date in text, as YYYY-MM-DD ("2004-2-6" too). */
static void first_date(const char *text, char out[11])
{
	out[0] = '\0';
	for (const char *s = text; *s; s++) {
		int y, m, d;
		if (isdigit((unsigned char)*s) && (s == text || !isdigit((unsigned char)s[-1])) &&
		    date_at(s, &y, &m, &d)) {
			snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
				 (unsigned)m % 100u, (unsigned)d % 100u);
			return;
		}
	}
}

void history_of(const struct registry *reg, const struct record *r, struct history *h)
{
	memset(h, 0, sizeof(*h));
	h->registered = registry_field(reg, r, FIELD_REGISTERED);
	h->modified = registry_field(reg, r, FIELD_MODIFIED);
	h->unauthorized = registry_field(reg, r, FIELD_UNAUTHORIZED);
	const char *notes = registry_field(reg, r, FIELD_NOTES);
	const char *desc = registry_field(reg, r, FIELD_DESCRIPTION);
	unsigned fn = flags_of(notes), fd = flags_of(desc);
	const unsigned events = HISTORY_REMOVED | HISTORY_DEREGISTERED | HISTORY_DEPRECATED;
	h->flags = fn | fd;
	if (*h->unauthorized)
		h->flags |= HISTORY_UNAUTHORIZED;
	if (fn & events)
		h->note = notes, h->note_field = FIELD_NOTES;
	else if (fd & events)
		h->note = desc, h->note_field = FIELD_DESCRIPTION;
	if (h->note)
		first_date(h->note, h->event_date);
}
