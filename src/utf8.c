/* SPDX-License-Identifier: MIT */
/* utf8.c: strict UTF-8 decoding and load-time normalisation. */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include "utf8.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		/* ASCII 32, then eight bytes at a time: most registry text is
		 * ASCII */
		uint64_t w, x, y, z;
		while (i + 32 <= n &&
		       (memcpy(&w, u + i, 8), memcpy(&x, u + i + 8, 8), memcpy(&y, u + i + 16, 8),
			memcpy(&z, u + i + 24, 8), !((w | x | y | z) & 0x8080808080808080ULL)))
			i += 32;
		while (i + 8 <= n && (memcpy(&w, u + i, 8), !(w & 0x8080808080808080ULL)))
			i += 8;
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_decode(u + i, n - i, &cp);
		if (!k)
			break;
		i += k;
	}
	return i;
}

size_t utf8_normalize(struct strbuf *out, const char *s, size_t n)
{
	size_t bad = 0;
	while (n) {
		size_t ok = utf8_valid_prefix(s, n);
		strbuf_add(out, s, ok);
		s += ok;
		n -= ok;
		if (n) {
			strbuf_add(out, "\xEF\xBF\xBD", 3);
			s++;
			n--;
			bad++;
		}
	}
	return bad;
}

size_t utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | (cp >> 18));
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Columns of the character at s (n bytes), its length in *len. */
static int utf8_char_width(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode((const unsigned char *)s, n, &cp);
	if (!*len) {
		*len = 1;
		return 1;
	}
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int utf8_width(const char *s)
{
	size_t n = strlen(s), len;
	int w = 0;
	for (size_t i = 0; i < n; i += len)
		w += utf8_char_width(s + i, n - i, &len);
	return w;
}

size_t utf8_prefix_fit(const char *s, int width, int *used)
{
	size_t n = strlen(s), i = 0, len;
	int cols = 0;
	while (i < n) {
		int w = utf8_char_width(s + i, n - i, &len);
		if (cols + w > width)
			break;
		cols += w;
		i += len;
	}
	if (used)
		*used = cols;
	return i;
}

void utf8_pad(struct strbuf *out, const char *s, int width, int right)
{
	int used;
	size_t i = utf8_prefix_fit(s, width, &used);
	if (right)
		strbuf_addf(out, "%*s", width - used, "");
	strbuf_add(out, s, i);
	if (!right)
		strbuf_addf(out, "%*s", width - used, "");
}

void utf8_row(struct strbuf *out, const char *const *cell, const int *width, int n, int nleft)
{
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_addc(out, ' ');
		utf8_pad(out, cell[i], width[i], i >= nleft);
	}
}

void utf8_widen(int *width, const char *const *head, int n)
{
	for (int i = 0; i < n; i++) {
		int w = utf8_width(head[i]);
		width[i] = w > width[i] ? w : width[i];
	}
}

/* Unicode's format characters (general category Cf: the bidi embeddings,
 * overrides and isolates, zero-width spaces and joiners, the BOM, tags)
 * and the line and paragraph separators (Zl, Zp), as of Unicode 15. */
static const struct {
	uint32_t lo, hi;
} utf8_format_ranges[] = {
	{0xAD, 0xAD},	    {0x600, 0x605},	{0x61C, 0x61C},	    {0x6DD, 0x6DD},
	{0x70F, 0x70F},	    {0x890, 0x891},	{0x8E2, 0x8E2},	    {0x180E, 0x180E},
	{0x200B, 0x200F},   {0x2028, 0x202E},	{0x2060, 0x2064},   {0x2066, 0x206F},
	{0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},	{0x110BD, 0x110BD}, {0x110CD, 0x110CD},
	{0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
	{0xE0020, 0xE007F},
};

bool utf8_is_format(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(utf8_format_ranges) / sizeof(utf8_format_ranges[0]);
	if (cp < 0xAD)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < utf8_format_ranges[mid].lo)
			hi = mid;
		else if (cp > utf8_format_ranges[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}
