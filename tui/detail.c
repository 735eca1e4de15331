/* SPDX-License-Identifier: MIT */
/* detail.c: the pane under the map: every record of the port under the
 * cursor, all 12 fields; above zoom 1 also the cell's counts and its
 * largest free gap. Tab focuses it so it scrolls. */
#include <config.h>

#include <string.h>

#include "../src/history.h"
#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "netscan.h"
#include "portinfo.h"
#include "text.h"
#include "tui.h"

/* "[RFC3551][RFC4571]" -> "RFC 3551, RFC 4571"; other bracketed items
 * lose their brackets; text outside brackets is kept. */
static void detail_reference(struct strbuf *out, const char *ref)
{
	const char *s = ref;
	bool first = true;
	while (*s == '[') {
		const char *close = strchr(s, ']');
		if (!close)
			break;
		const char *item = s + 1;
		size_t n = (size_t)(close - item);
		strbuf_adds(out, first ? "" : ", ");
		if (n > 3 && strncmp(item, "RFC", 3) == 0 &&
		    strspn(item + 3, "0123456789") == n - 3) {
			strbuf_adds(out, "RFC ");
			strbuf_add(out, item + 3, n - 3);
		} else {
			strbuf_add(out, item, n);
		}
		first = false;
		s = close + 1;
	}
	strbuf_adds(out, s);
}

/* L10N: the twelve fields of an IANA registry record. */
static const char *const detail_labels[FIELD_COUNT] = {
	[FIELD_SERVICE] = N_("Service"),
	[FIELD_PORT] = N_("Port"),
	[FIELD_TRANSPORT] = N_("Transport"),
	[FIELD_DESCRIPTION] = N_("Description"),
	[FIELD_ASSIGNEE] = N_("Assignee"),
	[FIELD_CONTACT] = N_("Contact"),
	[FIELD_REGISTERED] = N_("Registered"),
	[FIELD_MODIFIED] = N_("Modified"),
	[FIELD_REFERENCE] = N_("Reference"),
	[FIELD_SERVICE_CODE] = N_("Service code"),
	[FIELD_UNAUTHORIZED] = N_("Unauthorized use"),
	[FIELD_NOTES] = N_("Notes"),
};

/* A record's history when it has one to tell, on a line of its own in
 * the note colour: what happened to it (removed, de-registered, ...) and
 * when, and whether unauthorized use was reported. The texts themselves
 * are among the fields above, which it names rather than repeats. */
static void detail_history(struct strbuf *t, const struct registry *reg, const struct record *r)
{
	struct history h;
	history_of(reg, r, &h);
	if (!h.flags)
		return;
	struct strbuf line = STRBUF_INIT;
	const char *sep = "";
	strbuf_addf(&line, "    %s ", _("History:"));
	for (int i = 0; i < HISTORY_FLAGS; i++) {
		enum history_flag f = (enum history_flag)(1u << i);
		if ((h.flags & f) && f != HISTORY_UNAUTHORIZED) {
			strbuf_addf(&line, "%s%s", sep, _(history_flag_name(f)));
			sep = ", ";
		}
	}
	if (*h.event_date)
		strbuf_addf(&line, _(" on %s"), h.event_date);
	if (h.note)
		strbuf_addf(&line, _(" (see %s)"), _(detail_labels[h.note_field]));
	if (h.flags & HISTORY_UNAUTHORIZED)
		strbuf_addf(&line, _("%s%s (see %s)"), *sep ? "; " : "",
			    _(history_flag_name(HISTORY_UNAUTHORIZED)),
			    _(detail_labels[FIELD_UNAUTHORIZED]));
	text_wrap(t, TEXT_NOTE, strbuf_str(&line), 4, COLS);
	strbuf_free(&line);
}

/* One record in three or so lines: port/transport, service, state and
 * description, then the other eight fields as "Label: value" (empty ones
 * as "-"), wrapped to the screen. */
static void detail_record(struct strbuf *t, const struct registry *reg, const struct record *r,
			  bool matched)
{
	const char *tr = registry_field(reg, r, FIELD_TRANSPORT);
	const char *svc = registry_field(reg, r, FIELD_SERVICE);
	struct strbuf line = STRBUF_INIT;
	if (matched)
		strbuf_adds(&line, _("[match] "));
	strbuf_addf(&line, "%s/%s  %s  (%s)  %s", registry_field(reg, r, FIELD_PORT),
		    *tr ? tr : "-", *svc ? svc : _("(no service name)"),
		    _(state_name((enum port_state)r->state)),
		    registry_field(reg, r, FIELD_DESCRIPTION));
	text_wrap(t, TEXT_HEADING, strbuf_str(&line), 4, COLS);
	strbuf_reset(&line);
	strbuf_adds(&line, "    ");
	for (int f = FIELD_ASSIGNEE; f < FIELD_COUNT; f++) {
		const char *v = registry_field(reg, r, (enum field)f);
		strbuf_addf(&line, "%s%s: ", f == FIELD_ASSIGNEE ? "" : "  ", _(detail_labels[f]));
		if (f == FIELD_REFERENCE && *v)
			detail_reference(&line, v);
		else
			strbuf_adds(&line, *v ? v : "-");
	}
	text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 4, COLS);
	strbuf_free(&line);
	detail_history(t, reg, r);
}

/* "port 443: assigned (tcp assigned, ...), System range" */
static void detail_port_summary(struct strbuf *t, const struct app *app, unsigned port)
{
	const struct registry *reg = app->reg;
	struct gap g;
	struct strbuf line = STRBUF_INIT;
	bool same = true;
	for (int tr = 1; tr < TRANSPORT_REAL; tr++)
		same &= reg->state[tr][port] == reg->state[TRANSPORT_TCP][port];
	/* L10N: a port number and its RFC 6335 range (system, user, dynamic). */
	strbuf_addf(&line, _("Port %u (%s): "), port, _(range_name(port_range_of(port))));
	if (same)
		/* L10N: %s is a state: assigned, reserved or unassigned. */
		strbuf_addf(&line, _("%s for tcp, udp, sctp and dccp"),
			    _(state_name(registry_state(reg, port, TRANSPORT_TCP))));
	for (int tr = 0; !same && tr < TRANSPORT_REAL; tr++)
		strbuf_addf(&line, "%s%s %s", tr ? ", " : "", transport_name((enum transport)tr),
			    _(state_name(registry_state(reg, port, (enum transport)tr))));
	text_wrap(t, TEXT_PLAIN, strbuf_str(&line), 4, COLS);
	strbuf_free(&line);
	if (ports_gap_at(reg, app->proto, port, &g)) {
		text_line(t, TEXT_PLAIN);
		/* L10N: %s is a transport (tcp, udp, sctp, dccp, any). */
		text_addf(t,
			  P_("Free for %s: in the gap %u-%u (%'u port)",
			     "Free for %s: in the gap %u-%u (%'u ports)", g.hi - g.lo + 1),
			  transport_name(app->proto), g.lo, g.hi, g.hi - g.lo + 1);
	}
}

/* A cell of several ports: counts by state and the largest free gap. */
static void detail_bucket(struct strbuf *t, const struct app *app, unsigned lo, unsigned hi)
{
	unsigned counts[STATE_COUNT];
	struct gap g;
	ports_count(app->reg, app->proto, lo, hi, counts);
	text_line(t, TEXT_HEADING);
	/* L10N: a map cell: first and last port, how many, the RFC 6335 range
	   (system, user, dynamic), the transport. */
	text_addf(t,
		  P_("Ports %u-%u (%'u port, %s range), transport %s",
		     "Ports %u-%u (%'u ports, %s range), transport %s", hi - lo + 1),
		  lo, hi, hi - lo + 1, _(range_name(port_range_of(lo))),
		  transport_name(app->proto));
	text_line(t, TEXT_PLAIN);
	text_addf(t, _("assigned %'u, reserved %'u, unassigned %'u"), counts[STATE_ASSIGNED],
		  counts[STATE_RESERVED], counts[STATE_UNASSIGNED]);
	text_line(t, TEXT_PLAIN);
	if (ports_largest_gap(app->reg, app->proto, lo, hi, &g))
		text_addf(t,
			  P_("largest free gap %u-%u (%'u port)",
			     "largest free gap %u-%u (%'u ports)", g.hi - g.lo + 1),
			  g.lo, g.hi, g.hi - g.lo + 1);
	else
		text_add(t, _("no free port"));
}

/* Everything the pane shows for the cursor. */
static void detail_text(struct app *app, struct strbuf *t)
{
	const uint32_t *idx;
	unsigned z = heatmap_zoom_size(app);
	unsigned lo = heatmap_cell_start(app, app->cursor);
	if (z > 1)
		detail_bucket(t, app, lo, lo + z - 1 > PORT_MAX ? PORT_MAX : lo + z - 1);
	detail_port_summary(t, app, app->cursor);
	portinfo_summary(app, t, app->cursor); /* visible without scrolling */
	netscan_detail(app, t, app->cursor);
	size_t n = registry_records_at(app->reg, app->cursor, &idx);
	if (!n) {
		text_line(t, TEXT_PLAIN);
		text_add(t, _("No record covers this port."));
	}
	for (size_t i = 0; i < n; i++)
		detail_record(t, app->reg, &app->reg->rec[idx[i]],
			      find_record_matches(app, idx[i]));
	portinfo_text(app, t, app->cursor);
}

size_t detail_measure(struct app *app)
{
	struct strbuf t = STRBUF_INIT;
	detail_text(app, &t);
	size_t n = text_count(&t);
	strbuf_free(&t);
	return n;
}

/* The pane's heading: the port, the lines shown, then what the keys do
 * when that fits whole. */
static void detail_heading(struct app *app, int body_h)
{
	const struct layout *l = &app->lay;
	struct strbuf head = STRBUF_INIT;
	bool focused = app->focus == FOCUS_DETAIL;
	size_t last = (size_t)app->detail_scroll + (size_t)body_h;
	const char *hint = app->detail_hidden ? _("[details hidden: D shows them]")
			   : focused	      ? _("[detail focused: arrows scroll, Tab back]")
				     : _("[Tab: focus the detail pane; D hides it, { } resize it]");
	strbuf_addf(&head, _("Port %u"), app->cursor);
	if (!app->detail_hidden)
		strbuf_addf(&head, "  %zu-%zu/%zu",
			    app->detail_lines ? (size_t)app->detail_scroll + 1 : 0,
			    last < app->detail_lines ? last : app->detail_lines, app->detail_lines);
	if (utf8_width(strbuf_str(&head)) + 2 + utf8_width(hint) <= COLS - 1)
		strbuf_addf(&head, "  %s", hint);
	draw_fill(l->detail_y, 0, COLS, colors_attr(focused ? ROLE_TITLE : ROLE_STATUS));
	draw_text(l->detail_y, 1, COLS - 1, strbuf_str(&head),
		  colors_attr(focused ? ROLE_TITLE : ROLE_STATUS));
	strbuf_free(&head);
}

void detail_draw(struct app *app)
{
	const struct layout *l = &app->lay;
	struct strbuf t = STRBUF_INIT;
	detail_text(app, &t);
	app->detail_lines = text_count(&t);
	int body_h = l->detail_h - 1;
	long max = (long)app->detail_lines - body_h;
	if (app->detail_scroll > max)
		app->detail_scroll = max < 0 ? 0 : (int)max;
	detail_heading(app, body_h);
	text_draw(&t, (size_t)app->detail_scroll, l->detail_y + 1, body_h, COLS);
	strbuf_free(&t);
}

/* D: collapse the pane to its heading, or bring it back. */
unsigned detail_toggle(struct app *app)
{
	app->detail_hidden = !app->detail_hidden;
	if (app->detail_hidden && app->focus == FOCUS_DETAIL)
		app->focus = FOCUS_MAP;
	status_message(app, false, "%s",
		       app->detail_hidden ? _("detail pane hidden (D shows it)")
					  : _("detail pane shown"));
	return REDRAW_LAYOUT;
}

/* { and }: the pane's height by delta lines; from then on it is the user's. */
static unsigned detail_resize(struct app *app, int delta)
{
	const struct layout *l = &app->lay;
	int most = l->status_y - l->map_y - l->legend_h - 3; /* the map keeps 2 rows */
	int rows = l->detail_cap + delta;
	if (rows < 1)
		return detail_toggle(app);
	app->detail_rows = rows > most ? most : rows;
	status_message(app, false, _("detail pane: up to %d lines"), app->detail_rows);
	return REDRAW_LAYOUT;
}

unsigned detail_grow(struct app *app)
{
	return app->detail_hidden ? detail_toggle(app) : detail_resize(app, 2);
}

unsigned detail_shrink(struct app *app)
{
	return app->detail_hidden ? REDRAW_NONE : detail_resize(app, -2);
}
