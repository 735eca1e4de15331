/* SPDX-License-Identifier: MIT */
/* fuzz_check.h: invariants the fuzz targets assert, written independently of
 * the code under test (its own UTF-8 validator), and the registry checks the
 * two loader targets share. A broken invariant prints what and aborts, so
 * libFuzzer and the replay driver both see a crash. */
#ifndef PORTSCOPE_FUZZ_CHECK_H
#define PORTSCOPE_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "registry.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The checkers are not under test: coverage from their branches would make
 * libFuzzer keep inputs that differ only in how the checks ran. */
#if defined(__clang__) && __clang_major__ >= 13
#define FUZZ_CHECKER __attribute__((no_sanitize("coverage"))) static inline
#else
#define FUZZ_CHECKER static inline
#endif

#define FUZZ_ASSERT(cond, what)                                                                    \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__,       \
				what);                                                             \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Length of the well-formed UTF-8 sequence at s (Unicode Table 3-7), or 0. */
FUZZ_CHECKER size_t fuzz_utf8_seq(const unsigned char *s, size_t n)
{
	static const struct {
		unsigned char lo, hi, lo2, hi2, len;
	} t[] = {
		{0x00, 0x7F, 0, 0, 1},	     {0xC2, 0xDF, 0x80, 0xBF, 2},
		{0xE0, 0xE0, 0xA0, 0xBF, 3}, {0xE1, 0xEC, 0x80, 0xBF, 3},
		{0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
		{0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4},
		{0xF4, 0xF4, 0x80, 0x8F, 4},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (s[0] < t[i].lo || s[0] > t[i].hi)
			continue;
		size_t len = t[i].len;
		if (n < len)
			return 0;
		if (len > 1 && (s[1] < t[i].lo2 || s[1] > t[i].hi2))
			return 0;
		for (size_t k = 2; k < len; k++)
			if (s[k] < 0x80 || s[k] > 0xBF)
				return 0;
		return len;
	}
	return 0;
}

FUZZ_CHECKER bool fuzz_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0, k; i < n; i += k)
		if (!(k = fuzz_utf8_seq(s + i, n - i)))
			return false;
	return true;
}

/* Text safe for a terminal: valid UTF-8 without C0 (but LF when allowed),
 * DEL or C1 (U+0080-U+009F, which is C2 80..C2 9F in valid UTF-8). */
FUZZ_CHECKER void fuzz_check_terminal_safe(const char *str, size_t n, bool allow_lf)
{
	const unsigned char *s = (const unsigned char *)str;
	FUZZ_ASSERT(fuzz_utf8_valid(str, n), "terminal text is not valid UTF-8");
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(s[i] >= 0x20 || (allow_lf && s[i] == '\n'),
			    "C0 control in terminal text");
		FUZZ_ASSERT(s[i] != 0x7F, "DEL in terminal text");
		FUZZ_ASSERT(!(s[i] == 0xC2 && i + 1 < n && s[i + 1] <= 0x9F),
			    "C1 control in terminal text");
	}
}

/* The body of a JSON string (RFC 8259): valid UTF-8, no raw control
 * character, no bare quote, only the defined escapes. */
FUZZ_CHECKER void fuzz_check_json_body(const char *s, size_t n)
{
	FUZZ_ASSERT(fuzz_utf8_valid(s, n), "JSON string is not valid UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_ASSERT(c >= 0x20, "raw control character in a JSON string");
		FUZZ_ASSERT(c != '"', "unescaped quote in a JSON string");
		if (c != '\\')
			continue;
		FUZZ_ASSERT(i + 1 < n && s[i + 1] && strchr("\"\\/bfnrtu", s[i + 1]),
			    "bad JSON escape");
		if (s[++i] != 'u')
			continue;
		FUZZ_ASSERT(i + 4 < n, "short \\u escape");
		for (int k = 1; k <= 4; k++)
			FUZZ_ASSERT(strchr("0123456789abcdefABCDEF", s[i + k]) && s[i + k],
				    "bad \\u escape");
		i += 4;
	}
}

/* Skip a JSON string literal starting at s[*i] == '"', checking its body. */
FUZZ_CHECKER void fuzz_skip_json_string(const char *s, size_t n, size_t *i)
{
	size_t start = ++*i;
	while (*i < n && s[*i] != '"')
		*i += s[*i] == '\\' ? 2 : 1;
	FUZZ_ASSERT(*i < n, "unterminated JSON string");
	fuzz_check_json_body(s + start, *i - start);
	++*i;
}

/* Every string literal in a rendered JSON object is well formed, and the
 * text outside strings holds no control byte. */
FUZZ_CHECKER void fuzz_check_json_object(const char *s, size_t n)
{
	FUZZ_ASSERT(n >= 2 && s[0] == '{' && s[n - 1] == '}', "JSON object not braced");
	for (size_t i = 0; i < n;) {
		if (s[i] == '"') {
			fuzz_skip_json_string(s, n, &i);
			continue;
		}
		FUZZ_ASSERT((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F,
			    "raw byte outside JSON strings");
		i++;
	}
}

/* What a loaded registry promises: sane ports and enums, valid UTF-8 in the
 * pool, an index that finds each record, and safe renderings. */
FUZZ_CHECKER void fuzz_check_registry(struct registry *reg)
{
	FUZZ_ASSERT(reg->nrec > 0, "a registry that loaded has no records");
	size_t limit = reg->nrec < 64 ? reg->nrec : 64;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < limit; i++) {
		const struct record *r = &reg->rec[i];
		FUZZ_ASSERT(r->state < STATE_COUNT && r->transport <= TRANSPORT_NONE, "bad enum");
		FUZZ_ASSERT(r->port_lo == PORT_NONE ? r->port_hi == PORT_NONE
						    : 0 <= r->port_lo && r->port_lo <= r->port_hi &&
							      r->port_hi <= PORT_MAX,
			    "bad port range");
		for (int f = 0; f < FIELD_COUNT; f++) {
			const char *v = registry_field(reg, r, (enum field)f);
			FUZZ_ASSERT(fuzz_utf8_valid(v, strlen(v)), "pool text is not valid UTF-8");
		}
		const uint32_t *idx;
		size_t k, n;
		if (r->port_lo != PORT_NONE) {
			n = registry_records_at(reg, (unsigned)r->port_hi, &idx);
			for (k = 0; k < n && idx[k] != i; k++)
				;
			FUZZ_ASSERT(k < n, "the port index misses a record");
		}
		const char *name = registry_field(reg, r, FIELD_SERVICE);
		if (*name) {
			n = registry_find_service(reg, name, &idx);
			for (k = 0; k < n && idx[k] != i; k++)
				;
			FUZZ_ASSERT(k < n, "the name index misses a record");
		}
		strbuf_reset(&sb);
		output_record_text(&sb, reg, r);
		fuzz_check_terminal_safe(sb.data, sb.len, true);
		strbuf_reset(&sb);
		output_record_csv(&sb, reg, r);
		fuzz_check_terminal_safe(sb.data, sb.len, true);
		strbuf_reset(&sb);
		output_record_json(&sb, reg, r);
		fuzz_check_json_object(sb.data, sb.len);
		FUZZ_ASSERT(!sb.failed, "out of memory rendering a record");
	}
	strbuf_free(&sb);
}

#endif
