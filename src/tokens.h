/* SPDX-License-Identifier: MIT */
/* tokens.h: splitting a line of a whitespace-separated text format
 * (services(5), /proc/net/tcp) into tokens without copying; never reads
 * outside [p, end). */
#ifndef PORTSCOPE_TOKENS_H
#define PORTSCOPE_TOKENS_H

#include <stdbool.h>
#include <stddef.h>

static inline bool tokens_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The next blank-separated token of [*p, end) in *tok, *n; false at the end. */
static inline bool tokens_next(const char **p, const char *end, const char **tok, size_t *n)
{
	const char *s = *p;
	while (s < end && tokens_is_blank(*s))
		s++;
	if (s == end)
		return false;
	const char *t = s;
	while (s < end && !tokens_is_blank(*s))
		s++;
	*tok = t;
	*n = (size_t)(s - t);
	*p = s;
	return true;
}

#endif
