/* SPDX-License-Identifier: MIT */
/* bars.c: the title bar and the status line. Each is a row of fields
 * with priorities: when the row is too narrow the least important field
 * goes first, and the last field that went is shown cut after a whole
 * word with an ellipsis when some of it still fits, so nothing is ever
 * cut inside a word. The status line always starts with the cursor's
 * port, so it never names a port the cursor has left. */
#include <config.h>

#include <string.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/sanitize.h"
#include "../src/utf8.h"
#include "tui.h"

#define BARS_MAX 8

/* One field: what goes before it, its text, how long it stays. */
struct bars_field {
	const char *sep;
	struct strbuf text;
	int prio; /* the lower goes first */
	bool shown;
};

struct bars {
	struct bars_field f[BARS_MAX];
	int n;
};

/* Add a field (untrusted text is made safe here); NULL when full. */
static struct strbuf *bars_add(struct bars *b, const char *sep, int prio)
{
	if (b->n >= BARS_MAX)
		return NULL;
	struct bars_field *f = &b->f[b->n++];
	*f = (struct bars_field){.sep = sep, .text = STRBUF_INIT, .prio = prio, .shown = true};
	return &f->text;
}

/* Free the fields' texts. */
static void bars_free(struct bars *b)
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
		if (b->f[i].shown && b->f[i].text.len && (low < 0 || b->f[i].prio <= b->f[low].prio))
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

/* Draw the fitted row at y from x in attr; the columns used. */
static int bars_draw(struct bars *b, int y, int x, int width, attr_t attr, bool utf8)
{
	struct strbuf s = STRBUF_INIT;
	bars_fit(b, width, utf8);
	bars_join(b, &s);
	int used = draw_text(y, x, width, strbuf_str(&s), attr);
	strbuf_free(&s);
	return used;
}

/* Append untrusted text, made safe. */
static void bars_untrusted(struct strbuf *sb, const char *s)
{
	if (sb)
		sanitize_append(sb, s, strlen(s));
}

/* What goes first: the records count, the program's name, the date,
 * then the source; transport and zoom, which change the map, stay. */
void bars_title_draw(struct app *app)
{
	const struct registry *reg = app->reg;
	struct bars b = {.n = 0};
	struct strbuf *s;
	attr_t a = colors_attr(ROLE_TITLE);
	if ((s = bars_add(&b, "", 2)))
		strbuf_adds(s, "portscope");
	bars_untrusted(bars_add(&b, " | ", 5), _(reg->source_label));
	if ((s = bars_add(&b, " ", 3))) {
		sanitize_append(s, *reg->date ? reg->date : _("undated"),
				strlen(*reg->date ? reg->date : _("undated")));
		strbuf_adds(s, reg->bundled ? _(" (bundled)") : "");
	}
	if ((s = bars_add(&b, " | ", 1)))
		strbuf_addf(s, P_("%'zu record", "%'zu records", reg->nrec), reg->nrec);
	if ((s = bars_add(&b, " | ", 6)))
		strbuf_adds(s, transport_name(app->proto));
	if ((s = bars_add(&b, " | ", 7))) {
		if (app->zoom == ZOOM_FIT)
			/* L10N: the title bar's zoom at fit: the whole space on screen. */
			strbuf_addf(s, _("fit %u ports/cell"), app_zoom_size(app));
		else
			/* L10N: the zoom in the title bar: how many ports one map cell is. */
			strbuf_addf(s, P_("%u port/cell", "%u ports/cell", app_zoom_size(app)),
				    app_zoom_size(app));
	}
	draw_fill(0, 0, COLS, a);
	bars_draw(&b, 0, 1, COLS - 2, a, app->utf8);
	bars_free(&b);
}

/* The cursor's port in words: number, service name, state, range. */
static void bars_port(struct app *app, struct bars *b)
{
	const struct registry *reg = app->reg;
	const uint32_t *idx;
	struct strbuf *s;
	unsigned port = app->cursor;
	if ((s = bars_add(b, " ", 10)))
		strbuf_addf(s, _("port %u"), port);
	size_t n = registry_records_at(reg, port, &idx);
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		const char *name = registry_field(reg, r, FIELD_SERVICE);
		if (*name && (app->proto == TRANSPORT_ANY || r->transport == (uint8_t)app->proto)) {
			bars_untrusted(bars_add(b, " ", 4), name);
			break;
		}
	}
	if ((s = bars_add(b, ": ", 5)))
		strbuf_adds(s, _(state_name(registry_state(reg, port, app->proto))));
	if ((s = bars_add(b, ", ", 3)))
		/* L10N: %s is a range: system, user or dynamic. */
		strbuf_addf(s, _("%s range"), _(range_name(port_range_of(port))));
}

void bars_status_draw(struct app *app)
{
	/* L10N: the mode at the start of the status line, in brackets. */
	static const char *const modes[] = {N_("MAP"), N_("HELP"), N_("RANGES"), N_("CHANGES"),
					     N_("SUGGEST")};
	struct bars b = {.n = 0};
	struct strbuf *s;
	if ((s = bars_add(&b, "", 9)))
		strbuf_addf(s, "[%s]", app->view == VIEW_MAP && app->focus == FOCUS_DETAIL
						? _("DETAIL")
						: _(modes[app->view]));
	bars_port(app, &b);
	struct strbuf found = STRBUF_INIT;
	bool problem = find_status(app, &found);
	if ((s = bars_add(&b, "  ", problem ? 8 : 7)))
		sanitize_append(s, found.data ? found.data : "", found.len);
	strbuf_free(&found);
	bars_untrusted(bars_add(&b, "  ", app->status_error ? 8 : 6), strbuf_str(&app->status));
	attr_t a = colors_attr(app->status_error || problem ? ROLE_STATUS_ERROR : ROLE_STATUS);
	int y = app->lay.status_y;
	draw_fill(y, 0, COLS, a);
	int x = bars_draw(&b, y, 0, COLS, a, app->utf8);
	/* L10N: right end of the status line; ? and q are keys: keep them. */
	const char *hint = _("? help  q quit");
	int hw = utf8_width(hint);
	if (COLS - hw - 1 > x + 1)
		draw_text(y, COLS - hw - 1, hw, hint, a);
	bars_free(&b);
}
