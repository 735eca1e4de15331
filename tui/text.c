/* SPDX-License-Identifier: MIT */
/* text.c: styled line buffers and how they are drawn. */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include "../src/sanitize.h"
#include "../src/utf8.h"
#include "text.h"
#include "tui.h"

void text_line(struct strbuf *t, enum text_style style)
{
	if (t->len)
		strbuf_addc(t, '\n');
	strbuf_addc(t, (char)style);
}

void text_add(struct strbuf *t, const char *s)
{
	sanitize_append(t, s, strlen(s));
}

void text_addf(struct strbuf *t, const char *fmt, ...)
{
	struct strbuf tmp = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	sanitize_append(t, strbuf_str(&tmp), tmp.len);
	strbuf_free(&tmp);
}

void text_label(struct strbuf *t, const char *label, int width)
{
	utf8_pad(t, label, width - 1, 0);
	strbuf_addc(t, ' ');
}

void text_field(struct strbuf *t, const char *label, const char *value)
{
	struct strbuf line = STRBUF_INIT;
	text_label(&line, label, TEXT_LABEL_WIDTH);
	strbuf_adds(&line, *value ? value : "-");
	text_wrap(t, TEXT_FIELD, strbuf_str(&line), TEXT_LABEL_WIDTH, COLS);
	strbuf_free(&line);
}

/* Bytes of s (n bytes) that fit in width columns, ending after a space
 * when it can: after a double space (between "Label: value" items) when
 * one falls in the second half of the line, else after any space. Never 0
 * while n > 0. */
static size_t text_fit(const char *s, size_t n, int width)
{
	mbstate_t st;
	size_t i = 0, last_space = 0, last_item = 0;
	int used = 0;
	memset(&st, 0, sizeof(st));
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		int w = 1;
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof(st));
			k = 1;
		} else if ((w = wcwidth(wc)) < 0) {
			w = 1;
		}
		/* the line ends exactly at the edge, at an item's end if it can */
		if (used + w > width && s[i] == ' ' &&
		    (!last_item || i + 1 >= n || s[i + 1] == ' '))
			return i;
		if (used + w > width)
			return last_item ? last_item : last_space ? last_space : (i ? i : k);
		if (s[i] == ' ')
			last_space = i + 1;
		if (s[i] == ' ' && i && s[i - 1] == ' ' && used * 2 >= width)
			last_item = i + 1;
		used += w;
		i += k;
	}
	return n;
}

void text_wrap(struct strbuf *t, enum text_style style, const char *value, int indent, int width)
{
	struct strbuf flat = STRBUF_INIT, clean = STRBUF_INIT;
	strbuf_adds(&flat, value);
	for (size_t i = 0; i < flat.len; i++)
		if (flat.data[i] == '\n')
			flat.data[i] = ' ';
	sanitize_append(&clean, strbuf_str(&flat), flat.len);
	const char *s = strbuf_str(&clean);
	size_t n = clean.len;
	int first = 1;
	do {
		int w = first ? width : width - indent;
		size_t k = text_fit(s, n, w < 8 ? 8 : w);
		text_line(t, style);
		if (!first)
			strbuf_addf(t, "%*s", indent, "");
		strbuf_add(t, s, k);
		s += k;
		n -= k;
		while (n && *s == ' ') { /* a continuation never starts with a space */
			s++;
			n--;
		}
		first = 0;
	} while (n);
	strbuf_free(&flat);
	strbuf_free(&clean);
}

void text_append(struct strbuf *t, const struct strbuf *more)
{
	if (!more->len)
		return;
	if (t->len)
		strbuf_addc(t, '\n');
	strbuf_add(t, more->data, more->len);
}

size_t text_count(const struct strbuf *t)
{
	size_t n = t->len ? 1 : 0;
	for (size_t i = 0; i < t->len; i++)
		n += t->data[i] == '\n';
	return n;
}

/* The marker of a role switch on a TEXT_SPANS line: a C0 byte the
 * sanitiser never lets through, then the role + ' ' (never a newline). */
#define TEXT_ROLE_MARK '\x01'

void text_role(struct strbuf *t, int role)
{
	strbuf_addc(t, TEXT_ROLE_MARK);
	strbuf_addc(t, (char)(' ' + role));
}

/* The role a line's body is drawn in (its label aside), by style. */
static int text_style_role(char style)
{
	switch (style) {
	case TEXT_HEADING:
		return ROLE_HEADING;
	case TEXT_NOTE:
		return ROLE_MARK;
	default:
		return ROLE_NORMAL;
	}
}

/* One line (style byte, body of n bytes) as the runs of a TEXT_SPANS
 * line, appended to out (the body is clean already); its width. */
static int text_as_spans(struct strbuf *out, const char *s, size_t n)
{
	struct strbuf body = STRBUF_INIT, plain = STRBUF_INIT;
	strbuf_add(&body, s + 1, n - 1);
	const char *b = strbuf_str(&body);
	size_t lw = 0;
	if (s[0] == TEXT_FIELD || s[0] == TEXT_KEY) {
		lw = utf8_prefix_fit(b, s[0] == TEXT_FIELD ? TEXT_LABEL_WIDTH : TEXT_KEY_WIDTH,
				     NULL);
		text_role(out, s[0] == TEXT_FIELD ? ROLE_LABEL : ROLE_KEY);
		strbuf_add(out, b, lw);
	}
	text_role(out, text_style_role(s[0]));
	strbuf_add(out, b + lw, body.len - lw);
	text_role(out, ROLE_NORMAL);
	for (size_t i = 0; i < body.len; i++)
		if (b[i] == TEXT_ROLE_MARK && i + 1 < body.len)
			i++;
		else
			strbuf_addc(&plain, b[i]);
	int w = utf8_width(strbuf_str(&plain));
	strbuf_free(&body);
	strbuf_free(&plain);
	return w;
}

/* The next line of t from *pos: its start and length (0 at the end). */
static size_t text_next(const struct strbuf *t, size_t *pos, const char **line)
{
	if (*pos >= t->len)
		return 0;
	const char *s = t->data + *pos, *nl = memchr(s, '\n', t->len - *pos);
	size_t n = nl ? (size_t)(nl - s) : t->len - *pos;
	*line = s;
	*pos += n + 1;
	return n;
}

void text_columns(struct strbuf *t, const struct strbuf *left, const struct strbuf *right,
		  int width)
{
	size_t lp = 0, rp = 0;
	for (;;) {
		const char *l = NULL, *r = NULL;
		size_t ln = text_next(left, &lp, &l), rn = text_next(right, &rp, &r);
		if (!ln && !rn)
			break;
		text_line(t, TEXT_SPANS);
		int used = ln ? text_as_spans(t, l, ln) : 0;
		if (rn) {
			strbuf_addf(t, "%*s", width > used ? width - used : 0, "");
			text_as_spans(t, r, rn);
		}
	}
}

/* A TEXT_SPANS line: each run in its role, from the left. */
static void text_draw_spans(const char *s, int y, int w)
{
	int x = 0, role = ROLE_NORMAL;
	struct strbuf run = STRBUF_INIT;
	for (;; s++) {
		if (*s && *s != TEXT_ROLE_MARK) {
			strbuf_addc(&run, *s);
			continue;
		}
		if (run.len && x < w)
			x += draw_text(y, x, w - x, strbuf_str(&run),
				       colors_attr((enum color_role)role));
		strbuf_reset(&run);
		if (!*s || !s[1])
			break;
		role = s[1] - ' ';
		s++;
	}
	strbuf_free(&run);
}

/* Draw one line (without its newline) in its style. */
static void text_draw_line(const char *s, size_t n, int y, int w)
{
	struct strbuf line = STRBUF_INIT;
	strbuf_add(&line, s + 1, n - 1);
	const char *body = strbuf_str(&line);
	move(y, 0);
	clrtoeol();
	switch (s[0]) {
	case TEXT_HEADING:
		draw_text(y, 0, w, body, colors_attr(ROLE_HEADING));
		break;
	case TEXT_NOTE:
		draw_text(y, 0, w, body, colors_attr(ROLE_MARK));
		break;
	case TEXT_FIELD:
	case TEXT_KEY: {
		/* the label is the first lw columns, whatever their bytes */
		size_t lw = utf8_prefix_fit(
			body, s[0] == TEXT_FIELD ? TEXT_LABEL_WIDTH : TEXT_KEY_WIDTH, NULL);
		struct strbuf label = STRBUF_INIT;
		strbuf_add(&label, body, lw);
		int used = draw_text(y, 0, w, strbuf_str(&label),
				     colors_attr(s[0] == TEXT_FIELD ? ROLE_LABEL : ROLE_KEY));
		if (line.len > lw)
			draw_text(y, used, w - used, body + lw, A_NORMAL);
		strbuf_free(&label);
		break;
	}
	case TEXT_SPANS:
		text_draw_spans(body, y, w);
		break;
	default:
		draw_text(y, 0, w, body, A_NORMAL);
	}
	strbuf_free(&line);
}

void text_draw(const struct strbuf *t, size_t first, int y, int h, int w)
{
	const char *s = strbuf_str(t), *end = s + t->len;
	for (size_t i = 0; i < first && s < end; i++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		s = nl ? nl + 1 : end;
	}
	for (int r = 0; r < h; r++) {
		if (s >= end) {
			move(y + r, 0);
			clrtoeol();
			continue;
		}
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		text_draw_line(s, n, y + r, w);
		s += n + (nl ? 1 : 0);
	}
}
