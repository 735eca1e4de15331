/* SPDX-License-Identifier: MIT */
/* years.h: the registry through the years: per year, the records whose
 * Registration Date falls in it and those whose Modification Date does,
 * in total, per range of the record's first port and per transport. One
 * more row, year YEARS_UNDATED, counts the records without a Registration
 * Date (as registered) and without a Modification Date (as modified). */
#ifndef PORTSCOPE_YEARS_H
#define PORTSCOPE_YEARS_H

#include <stddef.h>

#include "error.h"
#include "registry.h"

#define YEARS_UNDATED (-1)
/* Index of the records without a port in years_row.range, and of those
 * whose transport is none of the four in years_row.transport. */
#define YEARS_NO_RANGE RANGE_COUNT
#define YEARS_OTHER_TRANSPORT TRANSPORT_REAL

struct years_counts {
	unsigned registered, modified;
};

struct years_row {
	int year; /* or YEARS_UNDATED */
	struct years_counts all;
	struct years_counts range[RANGE_COUNT + 1];
	struct years_counts transport[TRANSPORT_REAL + 1];
};

/* Every year from the first to the last one dated (years with nothing in
 * between included), ascending, then the undated row. */
struct years {
	struct years_row *row;
	size_t n;
};

/* The year of a YYYY-MM-DD date, or YEARS_UNDATED when s is not one. */
int years_of(const char *s);
/* Count the records of transport t (TRANSPORT_ANY: all). */
int years_compute(const struct registry *reg, enum transport t, struct years *y,
		  struct ps_error *err);
void years_free(struct years *y);

#endif
