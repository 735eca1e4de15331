/* SPDX-License-Identifier: MIT */
/* sanitize.c: visible escapes for untrusted text bound for a terminal. */
#include <config.h>

#include "sanitize.h"
#include "utf8.h"

static void escape_byte(struct strbuf *out, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	const char *named = NULL;
	switch (c) {
	case '\t':
		named = "\\t";
		break;
	case '\r':
		named = "\\r";
		break;
	case '\n':
		named = "\\n";
		break;
	case '\b':
		named = "\\b";
		break;
	case 0x1B:
		named = "\\e";
		break;
	default:
		break;
	}
	if (named) {
		strbuf_add(out, named, 2);
		return;
	}
	char buf[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
	strbuf_add(out, buf, 4);
}

/* Length of the run at s that needs no escaping. */
static size_t clean_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80)
			break;
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k || (cp >= 0x80 && cp <= 0x9F) || utf8_is_format(cp))
			break;
		i += k;
	}
	return i;
}

static void sanitize(struct strbuf *out, const char *str, size_t n, bool keep_lf)
{
	const unsigned char *s = (const unsigned char *)str;
	while (n) {
		size_t ok = clean_run(s, n);
		strbuf_add(out, s, ok);
		s += ok;
		n -= ok;
		if (!n)
			break;
		uint32_t cp;
		size_t k = s[0] >= 0x80 ? utf8_decode(s, n, &cp) : 0;
		if (keep_lf && s[0] == '\n') {
			strbuf_addc(out, '\n');
			k = 1;
		} else if (k) { /* a C1 control or a format character, well-formed */
			strbuf_addf(out, cp > 0xFFFF ? "\\U%08x" : "\\u%04x", (unsigned)cp);
		} else {
			escape_byte(out, s[0]);
			k = 1;
		}
		s += k;
		n -= k;
	}
}

void sanitize_append(struct strbuf *out, const char *s, size_t n)
{
	sanitize(out, s, n, false);
}

void sanitize_append_lines(struct strbuf *out, const char *s, size_t n)
{
	sanitize(out, s, n, true);
}

bool sanitize_is_clean(const char *s, size_t n)
{
	return clean_run((const unsigned char *)s, n) == n;
}

/* \\uXXXX, or a surrogate pair past the BMP (RFC 8259 section 7). */
static void json_escape_cp(struct strbuf *out, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		strbuf_addf(out, "\\u%04x\\u%04x", 0xD800 + (unsigned)(cp >> 10),
			    0xDC00 + (unsigned)(cp & 0x3FF));
	} else {
		strbuf_addf(out, "\\u%04x", (unsigned)cp);
	}
}

void sanitize_json(struct strbuf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c == '"' || c == '\\') {
			strbuf_addc(out, '\\');
			strbuf_addc(out, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			const char *e = c == '\n'   ? "\\n"
					: c == '\r' ? "\\r"
					: c == '\t' ? "\\t"
					: c == '\b' ? "\\b"
					: c == '\f' ? "\\f"
						    : NULL;
			if (e)
				strbuf_adds(out, e);
			else
				strbuf_addf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			strbuf_addc(out, (char)c);
			i++;
		} else {
			uint32_t cp;
			size_t k = utf8_decode(s + i, n - i, &cp);
			if (!k) {
				strbuf_add(out, "\xEF\xBF\xBD", 3);
				i++;
			} else if (cp <= 0x9F || utf8_is_format(cp)) {
				json_escape_cp(out, cp);
				i += k;
			} else {
				strbuf_add(out, s + i, k);
				i += k;
			}
		}
	}
}
