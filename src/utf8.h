/* utf8.h: strict UTF-8 decoding and load-time normalisation. */
#ifndef PORTSCOPE_UTF8_H
#define PORTSCOPE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Decode one code point from s (n bytes available). Returns its length in
 * bytes (1-4), or 0 when the bytes at s are not well-formed UTF-8
 * (overlong forms, surrogates and values past U+10FFFF are rejected). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Length of the well-formed UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Append s to out with every ill-formed byte replaced by U+FFFD;
 * returns how many replacements were made. */
size_t utf8_normalize(struct strbuf *out, const char *s, size_t n);
/* Encode cp as UTF-8 into buf (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *buf);

#endif
