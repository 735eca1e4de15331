/* SPDX-License-Identifier: MIT */
/* complete.c: Tab in the ':' prompt completes a service name, as
 * readline's menu-complete does with menu-complete-display-prefix on. The
 * first Tab fills in the only name that starts with what was typed, or
 * extends it to the longest prefix the names share and lists them in the
 * prompt line; each Tab after that puts the next name in (Shift-Tab the
 * one before), and after the last the shared prefix comes back. Any other
 * edit starts over. The names are the registry's (the core's name index),
 * compared ignoring ASCII case as IANA names are; a name registered
 * without a port number is left out, as ':' has nowhere to go for it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/sanitize.h"
#include "../src/utf8.h"
#include "tui.h"

void complete_reset(struct app *app)
{
	app->complete.active = false;
	app->complete.n = 0;
	app->complete.at = 0;
	app->complete.unknown = false;
}

void complete_free(struct app *app)
{
	free(app->complete.names);
	strbuf_free(&app->complete.prefix);
	memset(&app->complete, 0, sizeof(app->complete));
}

/* The distinct names (ignoring case) starting with prefix that have a
 * port, each in the spelling of its first record, in the index's order;
 * false when out of memory. */
static bool complete_collect(struct app *app, const char *prefix)
{
	struct complete *c = &app->complete;
	const uint32_t *idx;
	size_t n = registry_find_prefix(app->reg, prefix, &idx);
	c->n = 0;
	for (size_t i = 0; i < n;) {
		const char *name = registry_field(app->reg, &app->reg->rec[idx[i]], FIELD_SERVICE);
		bool port = false;
		size_t j = i;
		for (; j < n; j++) { /* the name's records */
			const struct record *r = &app->reg->rec[idx[j]];
			if (registry_name_cmp(registry_field(app->reg, r, FIELD_SERVICE), name))
				break;
			port = port || r->port_lo != PORT_NONE;
		}
		i = j;
		if (!port)
			continue;
		if (c->n == c->cap) {
			size_t cap = c->cap ? 2 * c->cap : 64;
			const char **v = realloc(c->names, cap * sizeof(*v));
			if (!v)
				return false;
			c->names = v;
			c->cap = cap;
		}
		c->names[c->n++] = name;
	}
	return true;
}

/* c folded to lower case if it is an ASCII capital. */
static unsigned complete_fold(char c)
{
	unsigned u = (unsigned char)c;
	return u >= 'A' && u <= 'Z' ? u | 0x20u : u;
}

/* Bytes of the longest prefix every candidate shares, ignoring case. */
static size_t complete_common(const struct complete *c)
{
	size_t len = strlen(c->names[0]);
	for (size_t i = 1; i < c->n; i++) {
		size_t k = 0;
		while (k < len && complete_fold(c->names[0][k]) == complete_fold(c->names[i][k]))
			k++;
		len = k;
	}
	return len;
}

/* Put candidate at (0: the shared prefix) in the prompt. */
static void complete_show(struct app *app, size_t at)
{
	struct complete *c = &app->complete;
	c->at = at;
	strbuf_reset(&app->prompt);
	if (at == 0)
		strbuf_add(&app->prompt, strbuf_str(&c->prefix), c->prefix.len);
	else
		strbuf_adds(&app->prompt, c->names[at - 1]);
}

unsigned complete_tab(struct app *app, int dir)
{
	struct complete *c = &app->complete;
	if (c->active && c->n > 1) { /* cycle: prefix, name 1 ... name n, prefix */
		size_t ring = c->n + 1;
		complete_show(app, (c->at + ring + (size_t)(dir < 0 ? -1 : 1)) % ring);
		return REDRAW_STATUS;
	}
	const char *typed = strbuf_str(&app->prompt);
	typed += strspn(typed, " ");
	if (!complete_collect(app, typed)) {
		complete_reset(app);
		status_message(app, true, _("out of memory"));
		return REDRAW_STATUS;
	}
	c->active = true;
	c->unknown = c->n == 0;
	if (c->unknown) /* the prompt line says so; the text stays */
		return REDRAW_STATUS;
	strbuf_reset(&c->prefix);
	/* every name starts with typed: this never shortens it */
	strbuf_add(&c->prefix, c->names[0], complete_common(c));
	complete_show(app, c->n == 1 ? 1 : 0);
	return REDRAW_STATUS;
}

bool complete_note(const struct app *app, struct strbuf *out, int width, bool *problem)
{
	const struct complete *c = &app->complete;
	*problem = c->active && c->unknown;
	if (!c->active)
		return false;
	if (c->unknown) {
		const char *typed = strbuf_str(&app->prompt);
		typed += strspn(typed, " ");
		struct strbuf clean = STRBUF_INIT;
		sanitize_append(&clean, typed, strlen(typed));
		strbuf_addf(out, _("no service name with a port starts with '%s'"),
			    strbuf_str(&clean));
		strbuf_free(&clean);
		return true;
	}
	if (c->at > 0 && c->n > 1) {
		/* L10N: while Tab cycles through the names: which one is shown. */
		strbuf_addf(out, _("name %zu of %zu"), c->at, c->n);
		return true;
	}
	/* L10N: before the names Tab found, comma-separated. */
	strbuf_addf(out, P_("%'zu name: ", "%'zu names: ", c->n), c->n);
	const char *more = app->utf8 ? ", …" : ", ...";
	for (size_t i = 0; i < c->n; i++) {
		struct strbuf next = STRBUF_INIT;
		if (i)
			strbuf_adds(&next, ", ");
		sanitize_append(&next, c->names[i], strlen(c->names[i]));
		/* the last name needs no room for the ", …" after it */
		int room =
			width - utf8_width(strbuf_str(out)) - (i + 1 < c->n ? utf8_width(more) : 0);
		bool fits = utf8_width(strbuf_str(&next)) <= room;
		if (fits)
			strbuf_add(out, strbuf_str(&next), next.len);
		strbuf_free(&next);
		if (!fits) {
			strbuf_adds(out, i ? more : more + 2);
			break;
		}
	}
	return true;
}
