/* SPDX-License-Identifier: MIT */
/* error.h: errors that carry their context (file, line) up to one printer. */
#ifndef PORTSCOPE_ERROR_H
#define PORTSCOPE_ERROR_H

#include <stdio.h>

/* The program's exit statuses, the commands' and the TUI's alike. */
enum {
	EXIT_RESULTS = 0,
	EXIT_NO_RESULTS = 1,
	EXIT_TROUBLE = 2,
};

struct ps_error {
	char *file;	    /* NULL when the error is not about a file */
	unsigned long line; /* 0 when no line applies */
	char *msg;	    /* NULL while no error is set */
};

#define PS_ERROR_INIT                                                                              \
	{                                                                                          \
		NULL, 0, NULL                                                                      \
	}

/* Record an error (replacing any earlier one); always returns -1. */
int error_set(struct ps_error *err, const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int error_is_set(const struct ps_error *err);
void error_clear(struct ps_error *err);
/* Malformed lines a reader skipped and went on (as glibc does with a
 * services file): how many, and the first one's line and reason. */
struct ps_skips {
	size_t n;
	unsigned long line;
	char *why;
};

#define PS_SKIPS_INIT                                                                              \
	{                                                                                          \
		0, 0, NULL                                                                         \
	}

/* Count a skipped line; the first one's line and message are kept. */
void skips_note(struct ps_skips *s, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void skips_clear(struct ps_skips *s);
/* Write "file:line: warning: why (N malformed lines skipped)" to fp. */
void skips_print(const struct ps_skips *s, const char *file, const char *prog, FILE *fp);

/* Write "file:line: message" (sanitised) and a newline to fp. */
void error_print(const struct ps_error *err, const char *prog, FILE *fp);

#endif
