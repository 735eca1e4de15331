/* SPDX-License-Identifier: MIT */
/* years.c: registrations and modifications per year (years.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "years.h"

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

int years_of(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return YEARS_UNDATED;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !digit(s[i]))
			return YEARS_UNDATED;
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

/* The first and last year any record is dated with; false when none is. */
static bool years_span(const struct registry *reg, int *first, int *last)
{
	*first = 10000, *last = -1;
	for (size_t i = 0; i < reg->nrec; i++)
		for (int f = FIELD_REGISTERED; f <= FIELD_MODIFIED; f++) {
			int y = years_of(registry_field(reg, &reg->rec[i], (enum field)f));
			if (y == YEARS_UNDATED)
				continue;
			*first = y < *first ? y : *first;
			*last = y > *last ? y : *last;
		}
	return *last >= 0;
}

/* Count one record's date (registered or modified) into row. */
static void years_count(struct years_row *row, const struct record *r, bool registered)
{
	int range =
		r->port_lo == PORT_NONE ? YEARS_NO_RANGE : (int)port_range_of((unsigned)r->port_lo);
	int t = r->transport < TRANSPORT_REAL ? r->transport : YEARS_OTHER_TRANSPORT;
	struct years_counts *c[3] = {&row->all, &row->range[range], &row->transport[t]};
	for (int i = 0; i < 3; i++) {
		if (registered)
			c[i]->registered++;
		else
			c[i]->modified++;
	}
}

int years_compute(const struct registry *reg, enum transport t, struct years *y,
		  struct ps_error *err)
{
	int first, last;
	memset(y, 0, sizeof(*y));
	size_t dated = years_span(reg, &first, &last) ? (size_t)(last - first + 1) : 0;
	y->row = calloc(dated + 1, sizeof(*y->row));
	if (!y->row)
		return error_set(err, NULL, 0, _("out of memory"));
	y->n = dated + 1;
	for (size_t i = 0; i < dated; i++)
		y->row[i].year = first + (int)i;
	y->row[dated].year = YEARS_UNDATED;
	for (size_t i = 0; i < reg->nrec; i++) {
		const struct record *r = &reg->rec[i];
		if (t != TRANSPORT_ANY && r->transport != t)
			continue;
		for (int f = FIELD_REGISTERED; f <= FIELD_MODIFIED; f++) {
			int yr = years_of(registry_field(reg, r, (enum field)f));
			struct years_row *row =
				&y->row[yr == YEARS_UNDATED ? dated : (size_t)(yr - first)];
			years_count(row, r, f == FIELD_REGISTERED);
		}
	}
	return 0;
}

void years_free(struct years *y)
{
	free(y->row);
	memset(y, 0, sizeof(*y));
}
