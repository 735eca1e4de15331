/* SPDX-License-Identifier: MIT */
/* marks.c: the optional sources as overlays on the map: local listeners
 * (`L`, rescanned on each toggle-on and every MARKS_REFRESH_MS while on,
 * so the marks are current), ports nmap
 * sees open often (`F`) and the user's labels (`U`). Each source is loaded
 * once through the core's portfacts; one that fails to load is named
 * in the status line, shown as n/a, and never stops the TUI. */
#include <config.h>

#include <string.h>
#include <time.h>

#include "../src/i18n.h"
#include "script.h"
#include "tui.h"

typedef const struct portnames *(*marks_loader)(struct portfacts *pf, struct ps_error *err);

static const marks_loader marks_loaders[MARKS_SOURCES] = {
	[MARKS_ETC] = portfacts_etc_services,
	[MARKS_NMAP] = portfacts_nmap,
	[MARKS_LABELS] = portfacts_labels,
};

void marks_init(struct app *app)
{
	struct marks *c = &app->marks;
	/* L10N: the legend's words for the marks, each with a short form
	   for a narrow line. */
	overlay_define(&app->overlays, &c->listen, N_("listening"), N_("listen"), "●", '@',
		       ROLE_OV_LISTEN);
	overlay_define(&app->overlays, &c->freq, N_("nmap-frequent"), N_("nmap"), "◆", '!',
		       ROLE_OV_FREQ);
	overlay_define(&app->overlays, &c->labels, N_("labelled"), N_("label"), "▲", '&',
		       ROLE_OV_LABEL);
}

void marks_free(struct app *app)
{
	for (int s = 0; s < MARKS_SOURCES; s++)
		strbuf_free(&app->marks.failed[s]);
}

void marks_error_text(struct strbuf *out, const struct ps_error *err)
{
	if (err->file)
		strbuf_addf(out, "%s:", err->file);
	if (err->file && err->line)
		strbuf_addf(out, "%lu:", err->line);
	strbuf_addf(out, "%s%s", err->file ? " " : "", err->msg ? err->msg : _("out of memory"));
}

const struct portnames *marks_names(struct app *app, enum marks_source s)
{
	struct marks *c = &app->marks;
	struct portfacts *pf = app->facts;
	struct ps_error err = PS_ERROR_INIT;
	if (c->failed[s].len)
		return NULL;
	const struct portnames *pn = pf ? marks_loaders[s](pf, &err) : NULL;
	if (!pn) {
		marks_error_text(&c->failed[s], &err);
		status_message(app, true, "%s", strbuf_str(&c->failed[s]));
		error_clear(&err);
	} else if (pn->skipped.n && !c->skips_said[s]) {
		c->skips_said[s] = true;
		status_message(app, true,
			       P_("%s:%lu: %s (%zu malformed line skipped)",
				  "%s:%lu: %s (first of %zu malformed lines skipped)",
				  pn->skipped.n),
			       pn->path, pn->skipped.line, pn->skipped.why ? pn->skipped.why : "",
			       pn->skipped.n);
	}
	return pn;
}

/* FNV-1a over n bytes, continuing from h. */
static uint64_t marks_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

/* A fingerprint of everything the TUI shows of the listeners. */
static uint64_t marks_fingerprint(const struct listeners *ls)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < ls->n; i++) {
		const struct listener *l = &ls->v[i];
		unsigned key[3] = {(unsigned)l->transport, l->v6, l->port};
		h = marks_hash(h, key, sizeof(key));
		h = marks_hash(h, &l->pid, sizeof(l->pid));
		h = marks_hash(h, l->addr, strlen(l->addr) + 1);
		h = marks_hash(h, l->process ? l->process : "",
			       l->process ? strlen(l->process) + 1 : 1);
	}
	size_t counts[2] = {ls->unreadable, ls->malformed};
	return marks_hash(h, counts, sizeof(counts));
}

/* Read the listeners again; false (message shown) when out of memory. */
static bool marks_scan(struct app *app)
{
	struct marks *c = &app->marks;
	struct portfacts *pf = app->facts;
	struct ps_error err = PS_ERROR_INIT;
	const struct listeners *ls;
	c->scan_ms = script_clock_ms(app); /* a failure is not retried at once */
	if (!pf || !(ls = portfacts_listeners_rescan(pf, &err))) {
		struct strbuf msg = STRBUF_INIT;
		marks_error_text(&msg, &err);
		status_message(app, true, _("listeners: %s"), strbuf_str(&msg));
		strbuf_free(&msg);
		error_clear(&err);
		return false;
	}
	c->scanned = true;
	c->scan_time = time(NULL);
	c->fingerprint = marks_fingerprint(ls);
	return true;
}

unsigned marks_preload(struct app *app)
{
	if (app->marks.loaded)
		return REDRAW_NONE;
	app->marks.loaded = true;
	for (int s = 0; s < MARKS_SOURCES; s++)
		marks_names(app, (enum marks_source)s);
	marks_listeners(app);
	return REDRAW_DETAIL | REDRAW_STATUS;
}

const struct listeners *marks_listeners(struct app *app)
{
	if (!app->marks.scanned && !marks_scan(app))
		return NULL;
	return app->facts->listeners;
}

void marks_sources(struct app *app, struct suggest_sources *src)
{
	unsigned lo = 0, hi = 0;
	struct portfacts *pf = app->facts;
	src->reg = app->reg;
	src->etc = marks_names(app, MARKS_ETC);
	src->nmap = marks_names(app, MARKS_NMAP);
	src->labels = marks_names(app, MARKS_LABELS);
	src->listeners = marks_listeners(app);
	src->have_ephemeral = pf && portfacts_ephemeral(pf, &lo, &hi);
	src->eph_lo = lo;
	src->eph_hi = hi;
	src->net = NULL; /* the net check comes per port from netscan.c */
}

/* Does an entry of transport t count under the filter? */
static bool marks_match(enum transport filter, unsigned t)
{
	return filter == TRANSPORT_ANY ? t < TRANSPORT_REAL : t == (unsigned)filter;
}

static void marks_build_listen(struct app *app)
{
	const struct listeners *ls = app->marks.scanned ? marks_listeners(app) : NULL;
	overlay_clear(&app->marks.listen);
	for (size_t i = 0; ls && i < ls->n; i++)
		if (marks_match(app->proto, ls->v[i].transport))
			overlay_set_port(&app->marks.listen, ls->v[i].port);
}

/* Mark the ports of source s whose nmap frequency is at least min (-1:
 * every port it names). */
static void marks_build_names(struct app *app, struct overlay *ov, enum marks_source s, double min)
{
	const struct portnames *pn = marks_names(app, s);
	overlay_clear(ov);
	for (size_t i = 0; pn && i < pn->n; i++)
		if (marks_match(app->proto, pn->e[i].transport) && pn->e[i].frequency >= min)
			overlay_set_port(ov, pn->e[i].port);
}

static void marks_build_freq(struct app *app)
{
	marks_build_names(app, &app->marks.freq, MARKS_NMAP, SUGGEST_NMAP_MAX);
}

static void marks_build_labels(struct app *app)
{
	marks_build_names(app, &app->marks.labels, MARKS_LABELS, -1);
}

bool marks_rescan(struct app *app)
{
	if (!marks_scan(app))
		return false;
	if (app->marks.listen.enabled)
		marks_build_listen(app);
	return true;
}

unsigned marks_tick(struct app *app)
{
	struct marks *c = &app->marks;
	if (!c->listen.enabled || script_clock_ms(app) - c->scan_ms < MARKS_REFRESH_MS)
		return REDRAW_NONE;
	uint64_t before = c->fingerprint;
	if (!marks_scan(app))
		return REDRAW_STATUS;
	if (c->fingerprint == before)
		return REDRAW_NONE;
	marks_build_listen(app);
	return REDRAW_MAP | REDRAW_DETAIL;
}

int marks_timeout(struct app *app, int idle)
{
	const struct marks *c = &app->marks;
	if (!c->listen.enabled)
		return idle;
	uint64_t due = c->scan_ms + MARKS_REFRESH_MS, now = script_clock_ms(app);
	return due <= now ? 0 : due - now < (uint64_t)idle ? (int)(due - now) : idle;
}

void marks_transport_changed(struct app *app)
{
	struct marks *c = &app->marks;
	if (c->listen.enabled)
		marks_build_listen(app);
	if (c->freq.enabled)
		marks_build_freq(app);
	if (c->labels.enabled)
		marks_build_labels(app);
}

/* Turn ov off with a message; true when it was on. */
static bool marks_off(struct app *app, struct overlay *ov)
{
	if (!ov->enabled)
		return false;
	ov->enabled = false;
	status_message(app, false, _("%s marks off"), _(ov->name));
	return true;
}

/* What could not be read in the last scan, after the count. */
static void marks_scan_partial(struct strbuf *msg, const struct listeners *ls)
{
	if (ls->unreadable)
		strbuf_addf(msg,
			    P_("; the sockets of %'zu process could not be read (not root?)",
			       "; the sockets of %'zu processes could not be read (not root?)",
			       ls->unreadable),
			    ls->unreadable);
	if (ls->malformed)
		strbuf_addf(msg,
			    P_("; %'zu malformed line skipped (%s:%lu: %s)",
			       "; %'zu malformed lines skipped (%s:%lu: %s)", ls->malformed),
			    ls->malformed, ls->malformed_file ? ls->malformed_file : "/proc/net",
			    ls->malformed_line, _(ls->malformed_why));
}

unsigned marks_toggle_listeners(struct app *app)
{
	struct marks *c = &app->marks;
	if (marks_off(app, &c->listen))
		return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
	if (!marks_scan(app))
		return REDRAW_STATUS;
	const struct listeners *ls = marks_listeners(app);
	marks_build_listen(app);
	c->listen.enabled = true;
	unsigned ports = overlay_count(&c->listen, 0, PORT_MAX);
	struct strbuf msg = STRBUF_INIT;
	strbuf_addf(&msg, P_("%'zu listening socket", "%'zu listening sockets", ls->n), ls->n);
	strbuf_addf(&msg, P_(", %'u port marked (%s)", ", %'u ports marked (%s)", ports), ports,
		    transport_name(app->proto));
	marks_scan_partial(&msg, ls);
	status_message(app, ls->unreadable || ls->malformed, "%s", strbuf_str(&msg));
	strbuf_free(&msg);
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

/* Toggle an overlay built from source s; says how many ports it marks,
 * or why there are none. */
static unsigned marks_toggle_names(struct app *app, struct overlay *ov, enum marks_source s,
				   void (*build)(struct app *app))
{
	if (marks_off(app, ov))
		return REDRAW_MAP | REDRAW_STATUS;
	const struct portnames *pn = marks_names(app, s);
	if (!pn)
		return REDRAW_STATUS; /* the load error is in the status line */
	if (!pn->present) {
		status_message(app, true, _("%s: n/a (%s does not exist)"), _(ov->name), pn->path);
		return REDRAW_STATUS;
	}
	build(app);
	ov->enabled = true;
	unsigned n = overlay_count(ov, 0, PORT_MAX);
	status_message(app, false,
		       P_("%s: %'u port marked (%s, %s)", "%s: %'u ports marked (%s, %s)", n),
		       _(ov->name), n, transport_name(app->proto), pn->path);
	return REDRAW_MAP | REDRAW_STATUS;
}

unsigned marks_toggle_frequent(struct app *app)
{
	return marks_toggle_names(app, &app->marks.freq, MARKS_NMAP, marks_build_freq);
}

unsigned marks_toggle_labels(struct app *app)
{
	return marks_toggle_names(app, &app->marks.labels, MARKS_LABELS, marks_build_labels);
}
