/* SPDX-License-Identifier: MIT */
/* utf8.h: strict UTF-8 decoding and load-time normalisation. */
#ifndef PORTSCOPE_UTF8_H
#define PORTSCOPE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Decode one code point from s (n bytes available). Returns its length in
 * bytes (1-4), or 0 when the bytes at s are not well-formed UTF-8
 * (overlong forms, surrogates and values past U+10FFFF are rejected). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Is cp invisible by design: a format character (Cf: bidi controls,
 * zero-width characters, the BOM) or a line / paragraph separator (Zl, Zp)?
 * Such characters can make text read differently from what it is. */
bool utf8_is_format(uint32_t cp);
/* Length of the well-formed UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Append s to out with every ill-formed byte replaced by U+FFFD;
 * returns how many replacements were made. */
size_t utf8_normalize(struct strbuf *out, const char *s, size_t n);
/* Encode cp as UTF-8 into buf (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *buf);
/* Display columns of s in the current locale (wcwidth per character; an
 * ill-formed byte or a non-printable character counts 1). */
int utf8_width(const char *s);
/* Append s to out fitted to exactly width columns: cut at a character
 * boundary when wider, else padded with spaces (on the left when right is
 * set). For text laid out in columns, whatever length a translation has. */
/* Bytes of the longest prefix of s that fits in width columns. */
size_t utf8_prefix_fit(const char *s, int width, int *used);
void utf8_pad(struct strbuf *out, const char *s, int width, int right);
/* A table row: n cells separated by one space, each fitted to its width;
 * the first nleft left-aligned, the rest (numbers) right-aligned. */
void utf8_row(struct strbuf *out, const char *const *cell, const int *width, int n, int nleft);
/* Widen the n column widths to fit the headings (translations vary). */
void utf8_widen(int *width, const char *const *head, int n);

#endif
