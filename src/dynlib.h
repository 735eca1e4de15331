/* SPDX-License-Identifier: MIT */
/* dynlib.h: shared libraries opened with dlopen() the first time they are
 * needed instead of linked (doc/HACKING.md, "Libraries opened on first
 * use"): a linked library costs every start its mapping and relocations
 * whether the run uses it or not, and most runs (a lookup from a compiled
 * image) use none of libcsv, PCRE2, expat, libcurl and cairo.
 *
 * A user declares a struct of function pointers typed after the
 * library's own prototypes, a table naming them, and a struct dynlib;
 * dynlib_open() fills the struct once. */
#ifndef PORTSCOPE_DYNLIB_H
#define PORTSCOPE_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct dynlib_fn {
	const char *name; /* the symbol */
	size_t off;	  /* where its pointer goes in the table */
};

struct dynlib {
	const char *soname;
	const struct dynlib_fn *fns;
	size_t nfns;
	void *table;  /* the struct of function pointers that fns fill */
	int state;    /* 0 not tried yet, 1 open, -1 could not be opened */
	void *handle; /* dlopen()'s, kept for the life of the process */
	char why[256];
};

/* A slot and its table entry, for a struct of pointers named after the
 * functions: DYNLIB_SLOT(f) declares `f`, typed as &f is; DYNLIB_FN(T, f)
 * names it in T. A function that is a macro (PCRE2's pcre2_compile is
 * pcre2_compile_8) is named by what it expands to. */
#define DYNLIB_SLOT(f) __typeof__(&f) f;
#define DYNLIB_FN(T, f) DYNLIB_FN_(T, f)
#define DYNLIB_FN_(T, f) {#f, offsetof(T, f)},
#define DYNLIB_INIT(so, names, t)                                                                  \
	{                                                                                          \
		.soname = so, .fns = names, .nfns = sizeof(names) / sizeof((names)[0]), .table = t \
	}

/* Open lib and fill its table, once per process (the library stays
 * open); 0, or -1 with err naming the library and why, each time. */
int dynlib_open(struct dynlib *lib, struct ps_error *err);
/* dynlib_open() for a caller with words of its own: can lib be used? */
bool dynlib_available(struct dynlib *lib);

#endif
