/* SPDX-License-Identifier: MIT */
/* strbuf.c: a growable byte buffer that remembers allocation failure. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

bool strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (sb->failed)
		return false;
	if (extra > (size_t)-1 / 2 - sb->len - 1) {
		sb->failed = true;
		return false;
	}
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return true;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(sb->data, cap);
	if (!p) {
		sb->failed = true;
		return false;
	}
	sb->data = p;
	sb->cap = cap;
	return true;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!strbuf_room(sb, len))
		return;
	if (len)
		memcpy(sb->data + sb->len, data, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	if (sb->failed || !strbuf_grow(sb, 64))
		return;
	/* format once into the spare room; only a long result goes again */
	va_list copy;
	va_copy(copy, ap);
	size_t room = sb->cap - sb->len;
	int n = vsnprintf(sb->data + sb->len, room, fmt, copy);
	va_end(copy);
	if (n < 0) {
		sb->failed = true;
		return;
	}
	if ((size_t)n >= room) {
		if (!strbuf_grow(sb, (size_t)n))
			return;
		vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_add_uint(struct strbuf *sb, unsigned long v)
{
	char buf[24], *p = buf + sizeof(buf);
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	strbuf_add(sb, p, (size_t)(buf + sizeof(buf) - p));
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

void strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	*sb = (struct strbuf)STRBUF_INIT;
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->data ? sb->data : "";
}
