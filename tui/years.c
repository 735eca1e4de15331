/* SPDX-License-Identifier: MIT */
/* years.c: the years page (key y): registrations per year as bars in the
 * map's range colours, from the records' Registration Dates (src/years.h);
 * Enter on a year marks the ports of that year's registrations on the map
 * as an overlay. */
#include <config.h>

#include <string.h>

#include "../src/i18n.h"
#include "../src/years.h"
#include "actions.h"
#include "page.h"
#include "status.h"
#include "text.h"
#include "tui.h"

/* Columns before the bar: "2011  " */
#define YEARS_LABEL 6
/* Columns after it: " 12,345" */
#define YEARS_COUNT 8

static struct {
	const struct registry *reg; /* the registry the counts are of */
	enum transport proto;
	struct years y;
	size_t sel;    /* the chosen row (a dated year) */
	bool show_sel; /* scroll to it on the next frame (just opened) */
	struct overlay ov;
	bool defined; /* ov is in the map's overlay set */
} years;

/* The counts, again when the registry or the transport changed. */
static bool years_update(struct app *app)
{
	struct ps_error err = PS_ERROR_INIT;
	if (years.reg == app->reg && years.proto == app->proto && years.y.row)
		return true;
	years_free(&years.y);
	years.reg = NULL;
	if (years_compute(app->reg, app->proto, &years.y, &err) < 0) {
		status_message(app, true, "%s", err.msg ? err.msg : "");
		error_clear(&err);
		return false;
	}
	years.reg = app->reg;
	years.proto = app->proto;
	years.sel = years.y.n > 1 ? years.y.n - 2 : 0; /* the latest year */
	return true;
}

static bool years_open(struct app *app)
{
	if (!years_update(app))
		return false;
	if (years.y.n < 2)
		status_message(app, true, _("no record of this registry has a Registration Date"));
	years.show_sel = true;
	return years.y.n >= 2;
}

/* The largest registration count of a dated year (the bars' scale). */
static unsigned years_max(void)
{
	unsigned m = 1;
	for (size_t i = 0; i + 1 < years.y.n; i++)
		m = years.y.row[i].all.registered > m ? years.y.row[i].all.registered : m;
	return m;
}

/* cells bar cells of glyph, at least one when n > 0. */
static void years_bar(struct strbuf *t, const struct app *app, unsigned n, unsigned max, int width,
		      int *used)
{
	int cells = n ? (int)((unsigned long)n * (unsigned long)width / max) : 0;
	if (n && !cells)
		cells = 1;
	for (int i = 0; i < cells && *used < width; i++, (*used)++)
		strbuf_adds(t, app->utf8 ? "█" : "#");
}

/* One year: its number, a bar per range in the range's colour, the count. */
static void years_line(struct strbuf *t, const struct app *app, size_t i, unsigned max)
{
	const struct years_row *r = &years.y.row[i];
	int width = COLS - YEARS_LABEL - YEARS_COUNT - 1, used = 0;
	text_line(t, TEXT_SPANS);
	text_role(t, i == years.sel ? ROLE_SELECTED : ROLE_LABEL);
	text_addf(t, "%c%-4d", i == years.sel ? '>' : ' ', r->year);
	text_role(t, ROLE_NORMAL);
	strbuf_adds(t, " ");
	for (int k = 0; k < RANGE_COUNT; k++) {
		text_role(t, colors_shade(k, SHADES - 1));
		years_bar(t, app, r->range[k].registered, max, width < 4 ? 4 : width, &used);
	}
	text_role(t, ROLE_NORMAL);
	strbuf_addf(t, "%*s%'*u", width > used ? width - used : 0, "", YEARS_COUNT,
		    r->all.registered);
}

static void years_text(struct app *app, struct strbuf *t)
{
	if (!years_update(app))
		return;
	text_line(t, TEXT_HEADING);
	text_addf(t, _("Registrations per year (Registration Date), %s"),
		  transport_name(app->proto));
	text_line(t, TEXT_SPANS);
	for (int k = 0; k < RANGE_COUNT; k++) {
		text_role(t, colors_shade(k, SHADES - 1));
		strbuf_adds(t, app->utf8 ? "█" : "#");
		text_role(t, ROLE_NORMAL);
		strbuf_addf(t, "%s  ", _(range_title((enum port_range)k)));
	}
	unsigned max = years_max();
	for (size_t i = 0; i + 1 < years.y.n; i++)
		years_line(t, app, i, max);
	if (years.show_sel) /* open on the chosen (latest) year */
		page_show_line(years.sel + 2, app->lay.rows - 2);
	years.show_sel = false;
	const struct years_row *u = &years.y.row[years.y.n - 1];
	text_line(t, TEXT_PLAIN);
	text_line(t, TEXT_PLAIN);
	text_addf(t, _("%'u records have no Registration Date."), u->all.registered);
	text_wrap(t, TEXT_PLAIN,
		  _("Up/Down choose a year; Enter marks its registrations on the map."), 0, COLS);
}

/* Mark the ports of the chosen year's registrations on the map. */
static unsigned years_mark(struct app *app)
{
	if (!years.defined) {
		/* L10N: the legend's word for the years overlay, and its short form. */
		overlay_define(&app->overlays, &years.ov, N_("registered that year"), N_("year"),
			       "◆", '*', ROLE_OV_MATCH);
		years.defined = true;
	}
	overlay_clear(&years.ov);
	int year = years.y.row[years.sel].year;
	unsigned recs = 0;
	for (size_t i = 0; i < app->reg->nrec; i++) {
		const struct record *r = &app->reg->rec[i];
		if ((app->proto != TRANSPORT_ANY && r->transport != app->proto) ||
		    r->port_lo == PORT_NONE ||
		    years_of(registry_field(app->reg, r, FIELD_REGISTERED)) != year)
			continue;
		overlay_set_range(&years.ov, (unsigned)r->port_lo, (unsigned)r->port_hi);
		recs++;
	}
	years.ov.enabled = true;
	unsigned ports = overlay_count(&years.ov, 0, PORT_MAX);
	status_message(app, false,
		       P_("%d: %'u port marked (%'u records registered that year)",
			  "%d: %'u ports marked (%'u records registered that year)", ports),
		       year, ports, recs);
	return REACT_CLOSE | REDRAW_ALL;
}

static unsigned years_key(struct app *app, int key)
{
	size_t last = years.y.n > 1 ? years.y.n - 2 : 0;
	if (key == K(KEY_UP) || key == 'k')
		years.sel = years.sel ? years.sel - 1 : 0;
	else if (key == K(KEY_DOWN) || key == 'j')
		years.sel = years.sel < last ? years.sel + 1 : last;
	else if (key == '\n' || key == '\r' || key == K(KEY_ENTER))
		return years_mark(app);
	else
		return PAGE_PASS;
	page_show_line(years.sel + 2, app->lay.rows - 2); /* after the two heading lines */
	return REDRAW_ALL;
}

const struct page_ops years_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("YEARS"),
	.open = years_open,
	.text = years_text,
	.key = years_key,
};
