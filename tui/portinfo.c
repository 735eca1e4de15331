/* SPDX-License-Identifier: MIT */
/* portinfo.c: the detail pane's part about choosing a port: what listens on
 * the cursor port here (transport, address, pid, process), its name in
 * /etc/services, its nmap open frequency, the user's labels for it, whether
 * browsers block it, and every name with its source when the registry,
 * /etc/services and nmap-services disagree. Each value carries its source;
 * an absent source is n/a with where it was looked for. */
#include <config.h>

#include <string.h>
#include <time.h>

#include "../src/badports.h"
#include "../src/i18n.h"
#include "../src/lookup_names.h"
#include "../src/sanitize.h"
#include "../src/source.h"
#include "../src/utf8.h"
#include "portinfo.h"
#include "text.h"
#include "tui.h"

/* "tcp 127.0.0.1:8080" ([::1]:8081 for IPv6). */
static void portinfo_address(struct strbuf *v, const struct listener *l)
{
	bool v6 = strchr(l->addr, ':') != NULL;
	strbuf_addf(v, v6 ? "%s [%s]:%u" : "%s %s:%u", transport_name(l->transport), l->addr,
		    l->port);
}

/* "tcp 127.0.0.1:8080 pid 100 webserver". A socket no process was found
 * for was either in a /proc/PID/fd we could not read, or (when every one
 * was read) closed between the two reads of the scan or held by the
 * kernel itself. */
static void portinfo_listener(struct strbuf *v, const struct listeners *ls,
			      const struct listener *l)
{
	portinfo_address(v, l);
	strbuf_addc(v, ' ');
	if (l->pid >= 0)
		strbuf_addf(v, _("pid %ld %s"), l->pid, l->process ? l->process : "-");
	else if (ls->unreadable)
		strbuf_adds(v, _("pid - (its process could not be read: not root?)"));
	else
		strbuf_adds(
			v,
			_("pid - (no process holds it: closed during the scan, or the kernel's)"));
}

static void portinfo_listeners(struct app *app, struct strbuf *t, unsigned port)
{
	const struct listeners *ls = marks_listeners(app);
	const struct listener *first = NULL;
	size_t n = ls ? listeners_at(ls, port, &first) : 0;
	struct strbuf v = STRBUF_INIT, src = STRBUF_INIT;
	char when[16] = "";
	struct tm tm;
	if (app->marks.scanned && localtime_r(&app->marks.scan_time, &tm))
		strftime(when, sizeof(when), "%H:%M:%S", &tm);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&v);
		portinfo_listener(&v, ls, &first[i]);
		text_field(t, i ? "" : _("Listening here"), strbuf_str(&v));
	}
	source_system_path(&src, "/proc/net");
	strbuf_reset(&v);
	if (ls && app->marks.listen.enabled) /* marks_tick() keeps them current */
		strbuf_addf(&v, _("%s[%s, read again every %d s while L is on]"),
			    n ? "" : _("nobody  "), strbuf_str(&src), MARKS_REFRESH_MS / 1000);
	else
		strbuf_addf(&v, _("%s[%s, scanned %s; L rescans]"), n ? "" : _("nobody  "),
			    strbuf_str(&src), ls ? when : _("failed"));
	text_field(t, n ? "" : _("Listening here"), strbuf_str(&v));
	strbuf_free(&v);
	strbuf_free(&src);
}

/* The names of port in pn: "http-alt/tcp, http-alt/udp", with the nmap
 * frequency after each when it has one. */
static void portinfo_entries(struct strbuf *v, const struct portnames *pn, unsigned port)
{
	const struct portname *e;
	size_t n = portnames_at(pn, port, &e);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(v, "%s%s/%s", i ? ", " : "", portnames_str(pn, &e[i]),
			    e[i].transport < TRANSPORT_REAL
				    ? transport_name((enum transport)e[i].transport)
				    : "?");
		if (e[i].frequency >= 0)
			strbuf_addf(v, _(" open frequency %.6f (%s)"), e[i].frequency,
				    e[i].frequency >= SUGGEST_NMAP_MAX ? _("in real use")
								       : _("rare"));
	}
	if (!n)
		strbuf_adds(v, "-");
}

static void portinfo_names(struct app *app, struct strbuf *t, unsigned port, enum marks_source s,
			   const char *label)
{
	const struct portnames *pn = marks_names(app, s);
	struct strbuf v = STRBUF_INIT;
	if (!pn)
		strbuf_addf(&v, _("n/a [%s]"), strbuf_str(&app->marks.failed[s]));
	else if (!pn->present)
		strbuf_addf(&v, _("n/a [%s does not exist]"), pn->path);
	else
		portinfo_entries(&v, pn, port);
	if (pn && pn->present && pn->skipped.n)
		strbuf_addf(&v,
			    P_("  [%s; %zu malformed line skipped (line %lu: %s)]",
			       "  [%s; %zu malformed lines skipped (first, line %lu: %s)]",
			       pn->skipped.n),
			    pn->path, pn->skipped.n, pn->skipped.line,
			    pn->skipped.why ? pn->skipped.why : "");
	else if (pn && pn->present)
		strbuf_addf(&v, "  [%s]", pn->path);
	text_field(t, label, strbuf_str(&v));
	strbuf_free(&v);
}

static void portinfo_browser(struct strbuf *t, unsigned port)
{
	struct strbuf v = STRBUF_INIT;
	strbuf_adds(&v, badports_is_blocked(port) ? _("blocked: browsers refuse to fetch from it")
						  : _("not blocked"));
	strbuf_addf(&v, _("  [WHATWG Fetch bad ports, built in: %zu ports]"), badports_count());
	text_field(t, _("Browsers"), strbuf_str(&v));
	strbuf_free(&v);
}

/* Every name with its source, when the sources disagree. */
static void portinfo_differ(struct app *app, struct strbuf *t, unsigned port)
{
	const struct portnames *etc = marks_names(app, MARKS_ETC);
	const struct portnames *nmap = marks_names(app, MARKS_NMAP);
	struct strbuf block = STRBUF_INIT;
	if (lookup_names_block(&block, app->reg, etc && etc->present ? etc : NULL,
			       nmap && nmap->present ? nmap : NULL, port)) {
		text_line(t, TEXT_PLAIN);
		text_add(t, _("Names differ between sources:"));
		for (char *line = block.data, *nl; line && *line; line = nl + 1) {
			if (!(nl = strchr(line, '\n')))
				break;
			*nl = '\0';
			text_wrap(t, TEXT_PLAIN, line, 20, COLS);
		}
	}
	strbuf_free(&block);
}

/* Source s's names for port, each once ("http-alt"), or nmap's highest
 * open frequency; "-" when none, "n/a" when the source is absent. */
static void portinfo_brief_names(struct app *app, struct strbuf *v, unsigned port,
				 enum marks_source s)
{
	const struct portnames *pn = marks_names(app, s);
	const struct portname *e;
	size_t n = pn && pn->present ? portnames_at(pn, port, &e) : 0;
	float freq = -1;
	if (!pn || !pn->present) {
		strbuf_adds(v, _("n/a"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < i && strcmp(portnames_str(pn, &e[j]), portnames_str(pn, &e[i])) != 0)
			j++;
		if (j == i && s != MARKS_NMAP)
			strbuf_addf(v, "%s%s", i ? "," : "", portnames_str(pn, &e[i]));
		if (e[i].frequency > freq)
			freq = e[i].frequency;
	}
	if (s == MARKS_NMAP && freq >= 0)
		strbuf_addf(v, "%.6f", freq);
	else if (!n || s == MARKS_NMAP)
		strbuf_adds(v, "-");
}

/* The listeners on port in short: the first (with its address when
 * detail > 1, its process when > 0), and how many more. */
static void portinfo_brief_listeners(struct app *app, struct strbuf *v, unsigned port, int detail)
{
	const struct listeners *ls = marks_listeners(app);
	const struct listener *first = NULL;
	size_t n = ls ? listeners_at(ls, port, &first) : 0;
	if (!ls) {
		strbuf_adds(v, _("listeners n/a"));
		return;
	}
	if (!n) {
		strbuf_adds(v, _("nobody listens"));
		return;
	}
	/* L10N: followed by "tcp 127.0.0.1:8080" or "tcp", and the process
	   in brackets. */
	strbuf_adds(v, _("listening "));
	if (detail > 1)
		portinfo_address(v, first);
	else
		strbuf_adds(v, transport_name(first->transport));
	if (detail > 0 && first->process)
		strbuf_addf(v, " (%s)", first->process);
	if (n > 1)
		strbuf_addf(v, P_(" (+%'zu more)", " (+%'zu more)", n - 1), n - 1);
}

/* The summary at a level of detail (2 most, 0 least). */
static void portinfo_brief(struct app *app, struct strbuf *v, unsigned port, int detail)
{
	/* L10N: the detail pane's one-line summary of the local sources
	   (listeners, /etc/services, nmap-services, labels, browsers), above
	   the records; the full section is below them. */
	strbuf_adds(v, _("Here: "));
	portinfo_brief_listeners(app, v, port, detail);
	strbuf_adds(v, "; /etc/services ");
	portinfo_brief_names(app, v, port, MARKS_ETC);
	strbuf_adds(v, "; nmap ");
	portinfo_brief_names(app, v, port, MARKS_NMAP);
	strbuf_adds(v, _("; label "));
	portinfo_brief_names(app, v, port, MARKS_LABELS);
	if (badports_is_blocked(port))
		strbuf_adds(v, _("; browser-blocked"));
}

void portinfo_summary(struct app *app, struct strbuf *t, unsigned port)
{
	struct strbuf v = STRBUF_INIT, clean = STRBUF_INIT;
	if (!app->marks.loaded)
		return;
	/* the most detail that fits one line as drawn (process names are
	   untrusted: measured sanitised); wrapped when even the least does not */
	for (int detail = 2; detail >= 0; detail--) {
		strbuf_reset(&v);
		strbuf_reset(&clean);
		portinfo_brief(app, &v, port, detail);
		sanitize_append(&clean, v.data ? v.data : "", v.len);
		if (utf8_width(strbuf_str(&clean)) <= COLS)
			break;
	}
	text_wrap(t, TEXT_PLAIN, strbuf_str(&v), 4, COLS);
	strbuf_free(&v);
	strbuf_free(&clean);
}

void portinfo_text(struct app *app, struct strbuf *t, unsigned port)
{
	text_line(t, TEXT_HEADING);
	text_addf(t, _("Port %u here and in other sources"), port);
	if (!app->marks.loaded) {
		text_add(t, _(": loading..."));
		return;
	}
	portinfo_listeners(app, t, port);
	portinfo_names(app, t, port, MARKS_ETC, "/etc/services");
	portinfo_names(app, t, port, MARKS_NMAP, "nmap-services");
	portinfo_names(app, t, port, MARKS_LABELS, _("Your labels"));
	portinfo_browser(t, port);
	portinfo_differ(app, t, port);
}
