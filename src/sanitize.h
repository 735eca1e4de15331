/* SPDX-License-Identifier: MIT */
/* sanitize.h: the one gate every untrusted string passes on its way to a
 * terminal. C0 controls (including TAB, CR, LF, BS, ESC), DEL, C1 controls
 * (U+0080-U+009F) and ill-formed UTF-8 become visible escapes:
 *   \t \r \n \b \e for the common ones, \xHH for other C0/DEL and for
 *   bytes that are not UTF-8, \u0080-\u009F for C1 code points, and
 *   \uXXXX (\UXXXXXXXX past the BMP) for the invisible format and separator
 *   characters (utf8_is_format: bidi controls, zero-width characters, the
 *   BOM, U+2028 / U+2029), which could make text read as something else.
 * Everything else passes unchanged. JSON escapes the same characters as
 * \uXXXX. */
#ifndef PORTSCOPE_SANITIZE_H
#define PORTSCOPE_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

void sanitize_append(struct strbuf *out, const char *s, size_t n);
/* The same, but line feeds pass through (multi-line text, CSV). */
void sanitize_append_lines(struct strbuf *out, const char *s, size_t n);
/* True when s would pass the sanitiser unchanged. */
bool sanitize_is_clean(const char *s, size_t n);
/* Append s as the body of a JSON string (RFC 8259 escaping; ill-formed
 * UTF-8 becomes U+FFFD). */
void sanitize_json(struct strbuf *out, const char *s, size_t n);

#endif
