/* SPDX-License-Identifier: MIT */
/* strbuf.h: a growable byte buffer that remembers allocation failure. */
#ifndef PORTSCOPE_STRBUF_H
#define PORTSCOPE_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *data; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
	bool failed; /* an allocation failed; contents are incomplete */
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0, false                                                                  \
	}

/* Make room for extra more bytes plus a terminator; false when out of
 * memory (then sb->failed). */
bool strbuf_grow(struct strbuf *sb, size_t extra);
/* strbuf_grow() with the common case, room already there, inline: the
 * byte-at-a-time appends of long outputs pay a compare, not a call. */
static inline bool strbuf_room(struct strbuf *sb, size_t extra)
{
	return (!sb->failed && sb->cap - sb->len > extra) || strbuf_grow(sb, extra);
}
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
static inline void strbuf_addc(struct strbuf *sb, char c)
{
	if (!strbuf_room(sb, 1))
		return;
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
}
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append v in decimal, without printf's machinery. */
void strbuf_add_uint(struct strbuf *sb, unsigned long v);
void strbuf_reset(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);
/* The contents as a C string ("" when empty). */
const char *strbuf_str(const struct strbuf *sb);

#endif
