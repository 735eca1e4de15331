/* SPDX-License-Identifier: MIT */
/* bars.c: a row of fields with priorities, as the title bar and the
 * status line are: when the row is too narrow the least important field
 * goes first, and the last field that went is shown cut after a whole
 * word with an ellipsis when some of it still fits, so nothing is ever
 * cut inside a word. */
#include <config.h>

#include <string.h>

#include "../src/sanitize.h"
#include "../src/utf8.h"
#include "bars.h"
#include "tui.h"

struct strbuf *bars_add(struct bars *b, const char *sep, int prio)
{
	if (b->n >= BARS_MAX)
		return NULL;
	struct bars_field *f = &b->f[b->n++];
	*f = (struct bars_field){.sep = sep, .text = STRBUF_INIT, .prio = prio, .shown = true};
	return &f->text;
}

void bars_free(struct bars *b)
{
	for (int i = 0; i < b->n; i++)
		strbuf_free(&b->f[i].text);
}

/* The shown fields joined; a field's separator only after a shown one. */
static void bars_join(const struct bars *b, struct strbuf *out)
{
	strbuf_reset(out);
	for (int i = 0; i < b->n; i++)
		if (b->f[i].shown && b->f[i].text.len) {
			strbuf_adds(out, out->len ? b->f[i].sep : "");
			strbuf_add(out, b->f[i].text.data, b->f[i].text.len);
		}
}

/* Columns of the shown fields joined. */
static int bars_width(const struct bars *b)
{
	struct strbuf s = STRBUF_INIT;
	bars_join(b, &s);
	int w = utf8_width(strbuf_str(&s));
	strbuf_free(&s);
	return w;
}

/* Cut s after its last whole word (or directory of a path) that leaves
 * room for the ellipsis in width columns; false when not even one word
 * fits. */
static bool bars_cut(struct strbuf *s, int width, const char *ellipsis)
{
	int room = width - utf8_width(ellipsis);
	size_t fit = room > 0 ? utf8_prefix_fit(strbuf_str(s), room, NULL) : 0;
	size_t end = fit;
	if (fit < s->len && s->data[fit] != ' ') /* a path's directories are words too */
		while (end && s->data[end - 1] != ' ' && s->data[end - 1] != '/')
			end--;
	while (end && strchr(" |,;:(-", s->data[end - 1]))
		end--;
	if (!end)
		return false;
	s->len = end;
	s->data[end] = '\0';
	strbuf_adds(s, ellipsis);
	return true;
}

/* The lowest-priority shown field (the rightmost of equals), or -1. */
static int bars_lowest(const struct bars *b)
{
	int low = -1;
	for (int i = 0; i < b->n; i++)
		if (b->f[i].shown && b->f[i].text.len &&
		    (low < 0 || b->f[i].prio <= b->f[low].prio))
			low = i;
	return low;
}

/* Drop fields until the row fits width, then bring the last one dropped
 * back cut, if a word of it fits. */
static void bars_fit(struct bars *b, int width, bool utf8)
{
	const char *ell = utf8 ? "…" : "...";
	int last = -1;
	while (bars_width(b) > width) {
		int low = bars_lowest(b);
		if (low < 0)
			return;
		b->f[low].shown = false;
		last = low;
	}
	if (last < 0)
		return;
	struct bars_field *f = &b->f[last];
	f->shown = true;
	int rest = width - (bars_width(b) - utf8_width(strbuf_str(&f->text)));
	f->shown = bars_cut(&f->text, rest, ell) && bars_width(b) <= width;
	if (!f->shown && bars_lowest(b) < 0) { /* nothing else: cut it anyway */
		f->shown = true;
		size_t k = utf8_prefix_fit(strbuf_str(&f->text), width - utf8_width(ell), NULL);
		f->text.len = k;
		f->text.data[k] = '\0';
		strbuf_adds(&f->text, ell);
	}
}

int bars_draw(struct bars *b, int y, int x, int width, attr_t attr, bool utf8)
{
	struct strbuf s = STRBUF_INIT;
	bars_fit(b, width, utf8);
	bars_join(b, &s);
	int used = draw_text(y, x, width, strbuf_str(&s), attr);
	strbuf_free(&s);
	return used;
}

void bars_untrusted(struct strbuf *sb, const char *s)
{
	if (sb)
		sanitize_append(sb, s, strlen(s));
}
