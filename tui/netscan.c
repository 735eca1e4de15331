/* SPDX-License-Identifier: MIT */
/* netscan.c: the TUI's network scan (netscan.h). S asks once per session
 * whether the targets may be scanned, then starts the core's scan
 * (nmapscan.h: a run per address family, each nmap in its own process
 * group); the main loop polls it between keys (netscan_tick), the status
 * line counts the seconds, and Esc stops it (killed and reaped: no
 * process or file is left). Each finished scan is kept with the ports it
 * asked; the newest scan that covered a port says what is known of it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/i18n.h"
#include "../src/nmaprun.h"
#include "../src/nmapscan.h"
#include "../src/nmapxml.h"
#include "../src/userconf.h"
#include "netscan.h"
#include "script.h"
#include "text.h"
#include "tui.h"

/* The finished scans kept; the oldest goes first. */
#define NETSCAN_RUNS 32
/* Hosts the detail line names for a port; the rest are counted. */
#define NETSCAN_HOSTS_SHOWN 4
/* The Esc key. */
#define NETSCAN_ESC 27

/* One finished scan: its report, the ports it asked, the net check's
 * table of both, its entries by port, when it started. The overlay reads
 * the table and the detail line the index, so that no frame walks the
 * report (it may hold NMAPXML_PORTS_MAX entries). */
struct netscan_run {
	struct nmapxml *x;
	uint8_t *covered; /* PORT_COUNT flags */
	struct suggest_net net;
	uint32_t *first; /* PORT_COUNT + 1: port p's entries are at[first[p]..first[p + 1]) */
	uint32_t *at;	 /* the entries of transport t, by port, in report order */
	enum transport t;
	time_t when;
};

static struct {
	char **targets; /* as given */
	size_t ntargets;
	bool confirmed; /* y was answered this session */
	bool asking;	/* the question is up: the next key answers it */
	/* the scan asked for (and running, while scan.running) */
	struct strbuf ports; /* as nmap's -p list */
	uint8_t *want;	     /* the same as PORT_COUNT flags */
	unsigned nports, first;
	enum transport t;
	struct nmapscan scan;
	uint64_t started_ms; /* script_clock_ms() at the start */
	time_t started;
	unsigned shown_s; /* the seconds the progress says */
	struct netscan_run runs[NETSCAN_RUNS];
	size_t nruns;
	struct overlay open; /* ports found open by their newest scan */
} netscan;

void netscan_init(struct app *app, char *const *targets, size_t n)
{
	netscan.targets = n ? calloc(n, sizeof(*netscan.targets)) : NULL;
	for (size_t i = 0; netscan.targets && i < n && (netscan.targets[i] = strdup(targets[i]));
	     i++)
		netscan.ntargets = i + 1;
	/* L10N: the legend's word for the ports a scan found open, and its
	   short form. */
	overlay_define(&app->overlays, &netscan.open, N_("scan: open"), N_("open"), "◎", '%',
		       ROLE_OV_SCAN);
}

bool netscan_targets(void)
{
	return netscan.ntargets > 0;
}

/* Forget the finished scan i. */
static void netscan_drop(size_t i)
{
	suggest_net_free(&netscan.runs[i].net);
	nmapxml_free(netscan.runs[i].x);
	free(netscan.runs[i].covered);
	free(netscan.runs[i].first);
	free(netscan.runs[i].at);
}

void netscan_free(struct app *app)
{
	(void)app;
	nmapscan_cancel(&netscan.scan);
	for (size_t i = 0; i < netscan.nruns; i++)
		netscan_drop(i);
	for (size_t i = 0; i < netscan.ntargets; i++)
		free(netscan.targets[i]);
	free(netscan.targets);
	free(netscan.want);
	strbuf_free(&netscan.ports);
	memset(&netscan, 0, sizeof(netscan));
}

/* The targets, as the messages name them: "127.0.0.1, ::1". */
static void netscan_targets_text(struct strbuf *s)
{
	for (size_t i = 0; i < netscan.ntargets; i++)
		strbuf_addf(s, "%s%s", i ? ", " : "", netscan.targets[i]);
}

/* The session's one question, naming the targets. */
static unsigned netscan_ask(struct app *app)
{
	struct strbuf t = STRBUF_INIT;
	netscan_targets_text(&t);
	netscan.asking = true;
	/* L10N: y and n are the keys that answer: keep them, or translate
	   them only with the code that reads them (y). */
	status_message(app, false,
		       _("Scan %s with nmap (y/n)? Scanning a network you do not run can be "
			 "against its rules."),
		       strbuf_str(&t));
	strbuf_free(&t);
	return REDRAW_STATUS;
}

/* The progress in the status line: "scanning 127.0.0.1 port 8080... 3 s,
 * Esc cancels". */
static void netscan_progress(struct app *app)
{
	struct strbuf *p = &app->status.progress, t = STRBUF_INIT;
	const char *dots = app->utf8 ? "…" : "...";
	netscan_targets_text(&t);
	strbuf_reset(p);
	if (netscan.nports == 1)
		/* L10N: the scan's progress: targets, port, "…", seconds. */
		strbuf_addf(p, _("scanning %s port %u%s %u s, Esc cancels"), strbuf_str(&t),
			    netscan.first, dots, netscan.shown_s);
	else
		/* L10N: the scan's progress: targets, how many ports, "…",
		   seconds. */
		strbuf_addf(p,
			    P_("scanning %s, %u port%s %u s, Esc cancels",
			       "scanning %s, %u ports%s %u s, Esc cancels", netscan.nports),
			    strbuf_str(&t), netscan.nports, dots, netscan.shown_s);
	strbuf_free(&t);
}

/* nmap scans tcp or udp: the map's transport, any as tcp. */
static bool netscan_transport(struct app *app, enum transport *t)
{
	*t = app->proto == TRANSPORT_ANY ? TRANSPORT_TCP : app->proto;
	if (*t == TRANSPORT_TCP || *t == TRANSPORT_UDP)
		return true;
	status_message(app, true, _("nmap scans tcp or udp, not %s: press t for another transport"),
		       transport_name(*t));
	return false;
}

/* Remember the spans to scan, as flags and as nmap's -p list. */
static bool netscan_prepare(const unsigned *lo, const unsigned *hi, size_t n, enum transport t)
{
	if (!netscan.want && !(netscan.want = malloc(PORT_COUNT)))
		return false;
	memset(netscan.want, 0, PORT_COUNT);
	for (size_t i = 0; i < n; i++)
		memset(netscan.want + lo[i], 1, hi[i] - lo[i] + 1);
	strbuf_reset(&netscan.ports);
	netscan.t = t;
	netscan.nports = nmaprun_ports_list(&netscan.ports, netscan.want);
	netscan.first = n ? lo[0] : 0;
	for (size_t i = 1; i < n; i++)
		netscan.first = lo[i] < netscan.first ? lo[i] : netscan.first;
	return !netscan.ports.failed;
}

/* Why a run could not start, as the status line says it: not on PATH
 * (missing), or err. */
static void netscan_why(struct strbuf *why, bool missing, const struct ps_error *err)
{
	if (missing)
		strbuf_addf(why, _("%s not found: scanning needs nmap; install it with: %s"),
			    nmaprun_program(), NMAPRUN_INSTALL);
	else
		strbuf_adds(why, err->msg ? err->msg : _("out of memory"));
}

/* Start the scan netscan_prepare() remembered, or say why it cannot. */
static unsigned netscan_start(struct app *app)
{
	struct nmapscan_opts o = {
		.program = nmaprun_program(),
		.targets = netscan.targets,
		.ntargets = netscan.ntargets,
		.ports = strbuf_str(&netscan.ports),
		.transport = netscan.t,
		.time_limit_s = NMAPRUN_TIME_LIMIT_S,
		.detach = true,
	};
	struct ps_error err = PS_ERROR_INIT;
	if (nmapscan_start(&netscan.scan, &o, &err) < 0) {
		struct strbuf why = STRBUF_INIT;
		netscan_why(&why, netscan.scan.missing, &err);
		status_message(app, true, "%s", strbuf_str(&why));
		strbuf_free(&why);
		error_clear(&err);
		return REDRAW_STATUS;
	}
	netscan.started_ms = script_clock_ms(app);
	netscan.started = time(NULL);
	netscan.shown_s = 0;
	strbuf_reset(&app->status.text); /* the question is answered */
	app->status.error = false;
	netscan_progress(app);
	return REDRAW_STATUS;
}

unsigned netscan_spans(struct app *app, const unsigned *lo, const unsigned *hi, size_t n)
{
	struct strbuf path = STRBUF_INIT;
	enum transport t;
	if (netscan.scan.running) {
		status_message(app, true, _("a scan is running: Esc cancels it"));
		return REDRAW_STATUS;
	}
	if (!netscan.ntargets) {
		userconf_path(&path);
		status_message(app, true,
			       _("no scan targets: start with 'portscope tui --scan TARGET...', or "
				 "put a line 'scan TARGET...' in %s"),
			       strbuf_str(&path));
		strbuf_free(&path);
		return REDRAW_STATUS;
	}
	if (!netscan_transport(app, &t))
		return REDRAW_STATUS;
	if (!nmaprun_available(nmaprun_program())) {
		struct strbuf why = STRBUF_INIT;
		netscan_why(&why, true, NULL);
		status_message(app, true, "%s", strbuf_str(&why));
		strbuf_free(&why);
		return REDRAW_STATUS;
	}
	if (!netscan_prepare(lo, hi, n, t)) {
		status_message(app, true, _("out of memory"));
		return REDRAW_STATUS;
	}
	if (netscan.confirmed)
		return netscan_start(app);
	return netscan_ask(app);
}

unsigned netscan_cursor(struct app *app)
{
	return netscan_spans(app, &app->cursor, &app->cursor, 1);
}

/* Esc while scanning: stop nmap and reap it. */
static unsigned netscan_cancel(struct app *app)
{
	unsigned s = (unsigned)((script_clock_ms(app) - netscan.started_ms) / 1000);
	nmapscan_cancel(&netscan.scan);
	strbuf_reset(&app->status.progress);
	status_message(app, false,
		       P_("scan cancelled after %u second", "scan cancelled after %u seconds", s),
		       s);
	return REDRAW_STATUS;
}

unsigned netscan_key(struct app *app, int key)
{
	if (netscan.asking) {
		netscan.asking = false;
		if (key == 'y' || key == 'Y') {
			netscan.confirmed = true;
			return netscan_start(app);
		}
		status_message(app, false, _("not scanned"));
		return REDRAW_STATUS;
	}
	if (key == NETSCAN_ESC && netscan.scan.running)
		return netscan_cancel(app);
	return PAGE_PASS;
}

/* The newest finished scan that covered port (for transport t, or any
 * when t is TRANSPORT_ANY), or NULL. */
static const struct netscan_run *netscan_latest(unsigned port, enum transport t)
{
	for (size_t i = netscan.nruns; i-- > 0;)
		if (netscan.runs[i].covered[port] && (t == TRANSPORT_ANY || netscan.runs[i].t == t))
			return &netscan.runs[i];
	return NULL;
}

/* Mark the ports whose newest scan found them open on some host. */
static void netscan_mark(void)
{
	overlay_clear(&netscan.open);
	for (unsigned p = 0; p < PORT_COUNT; p++) {
		const struct netscan_run *run = netscan_latest(p, TRANSPORT_ANY);
		if (run && suggest_net_open(&run->net, p, run->t))
			overlay_set_port(&netscan.open, p);
	}
	netscan.open.enabled = netscan.nruns > 0;
}

/* Index run's entries of its transport by port (a counting sort, so
 * each port's keep the report's order); -1 when out of memory. */
static int netscan_index(struct netscan_run *run)
{
	const struct nmapxml *x = run->x;
	size_t n = 0;
	run->first = calloc(PORT_COUNT + 1, sizeof(*run->first));
	if (!run->first)
		return -1;
	for (size_t i = 0; i < x->nports; i++)
		if (x->ports[i].port <= PORT_MAX && x->ports[i].transport == run->t)
			run->first[x->ports[i].port + 1]++, n++;
	run->at = malloc((n ? n : 1) * sizeof(*run->at));
	if (!run->at) {
		free(run->first);
		run->first = NULL;
		return -1;
	}
	for (unsigned p = 0; p < PORT_COUNT; p++)
		run->first[p + 1] += run->first[p];
	/* first[p] counts up to its port's end, which is first[p + 1]'s start */
	for (size_t i = 0; i < x->nports; i++)
		if (x->ports[i].port <= PORT_MAX && x->ports[i].transport == run->t)
			run->at[run->first[x->ports[i].port]++] = (uint32_t)i;
	memmove(run->first + 1, run->first, PORT_COUNT * sizeof(*run->first));
	run->first[0] = 0;
	return 0;
}

/* What run says of port: "open on 127.0.0.1 (http-alt), closed on
 * 127.0.0.2", "no host answered". */
static void netscan_states(struct strbuf *v, const struct netscan_run *run, unsigned port)
{
	const struct nmapxml *x = run->x;
	size_t shown = 0, more = 0;
	for (uint32_t k = port <= PORT_MAX ? run->first[port] : 0;
	     port <= PORT_MAX && k < run->first[port + 1]; k++) {
		const struct nmap_port *e = &x->ports[run->at[k]];
		if (shown == NETSCAN_HOSTS_SHOWN) {
			more++;
			continue;
		}
		const struct nmap_host *h = &x->hosts[e->host];
		/* L10N: a port's state on a host: "open on 127.0.0.1". */
		strbuf_addf(v, _("%s%s on %s"), shown++ ? ", " : "", e->state,
			    *h->address ? h->address : h->name);
		if (*e->service)
			strbuf_addf(v, " (%s)", e->service);
	}
	if (more)
		strbuf_addf(v, P_(", and on %zu more host", ", and on %zu more hosts", more), more);
	if (!shown)
		strbuf_adds(v, _("no host answered"));
}

/* The time run started, "12:03:04". */
static void netscan_clock(const struct netscan_run *run, char when[16])
{
	struct tm tm;
	when[0] = '\0';
	if (localtime_r(&run->when, &tm))
		strftime(when, 16, "%H:%M:%S", &tm);
}

/* "scan 12:03:04: " (" udp" after the time for a UDP scan). */
static void netscan_when(struct strbuf *v, const struct netscan_run *run)
{
	char when[16];
	netscan_clock(run, when);
	/* L10N: the start of the detail pane's line about a scan, with its time. */
	strbuf_addf(v, _("scan %s%s: "), when, run->t == TRANSPORT_UDP ? " udp" : "");
}

void netscan_detail(struct app *app, struct strbuf *t, unsigned port)
{
	(void)app;
	const struct netscan_run *run = netscan_latest(port, TRANSPORT_ANY);
	if (!run)
		return;
	struct strbuf v = STRBUF_INIT;
	netscan_when(&v, run);
	netscan_states(&v, run, port);
	text_wrap(t, TEXT_PLAIN, strbuf_str(&v), 4, COLS);
	strbuf_free(&v);
}

/* Keep a finished scan (the oldest goes when there are too many). */
static bool netscan_keep(struct nmapxml *x)
{
	struct netscan_run run = {
		.x = x, .covered = malloc(PORT_COUNT), .t = netscan.t, .when = netscan.started};
	if (!run.covered)
		return false;
	memcpy(run.covered, netscan.want, PORT_COUNT);
	if (netscan_index(&run) < 0) {
		free(run.covered);
		return false;
	}
	if (suggest_net_init(&run.net, x, run.covered) < 0) {
		free(run.first);
		free(run.at);
		free(run.covered);
		return false;
	}
	if (netscan.nruns == NETSCAN_RUNS) {
		netscan_drop(0);
		memmove(netscan.runs, netscan.runs + 1,
			(NETSCAN_RUNS - 1) * sizeof(netscan.runs[0]));
		netscan.nruns--;
	}
	netscan.runs[netscan.nruns++] = run;
	netscan_mark();
	return true;
}

/* The status line after a scan: the one port's states, or how many of
 * the ports answered open; and what the time limit cut. */
static void netscan_summary(struct app *app, const struct nmapscan_result *r)
{
	const struct netscan_run *run = &netscan.runs[netscan.nruns - 1];
	struct strbuf v = STRBUF_INIT;
	unsigned s = (unsigned)((script_clock_ms(app) - netscan.started_ms) / 1000);
	if (r->cut)
		strbuf_addf(&v, _("time limit of %u s reached: nmap stopped; "),
			    NMAPRUN_TIME_LIMIT_S);
	if (r->unscanned == NMAPSCAN_NO_TIME)
		strbuf_adds(&v, _("the IPv6 targets were not scanned: no time was left; "));
	if (r->unscanned == NMAPSCAN_NOT_STARTED) {
		struct strbuf why = STRBUF_INIT;
		netscan_why(&why, r->missing, &r->err);
		/* L10N: %s is why nmap could not start for them. */
		strbuf_addf(&v, _("the IPv6 targets were not scanned: %s; "), strbuf_str(&why));
		strbuf_free(&why);
	}
	/* L10N: followed by what the scan found. */
	if (s == 0)
		strbuf_adds(&v, _("scan done: "));
	else
		strbuf_addf(&v, P_("scan done in %u second: ", "scan done in %u seconds: ", s), s);
	if (netscan.nports == 1) {
		strbuf_addf(&v, _("port %u "), netscan.first);
		netscan_states(&v, run, netscan.first);
	} else {
		unsigned shown = 0;
		for (unsigned p = 0; p < PORT_COUNT; p++)
			shown += netscan.want[p] && overlay_has(&netscan.open, p);
		strbuf_addf(&v,
			    P_("%u of %u port open on some target (marked)",
			       "%u of %u ports open on some target (marked)", netscan.nports),
			    shown, netscan.nports);
	}
	status_message(app, r->cut || r->unscanned == NMAPSCAN_NOT_STARTED, "%s", strbuf_str(&v));
	strbuf_free(&v);
}

/* nmap's first line on standard error, for a failure's message. */
static void netscan_failed(struct app *app, const struct nmapscan_result *r)
{
	const char *e = strbuf_str(&r->errors[r->ipv6]);
	int n = (int)strcspn(e, "\n");
	if (n)
		status_message(app, true, _("%s failed (exit status %d): %.*s"), nmaprun_program(),
			       r->status, n, e);
	else
		status_message(app, true, _("%s failed (exit status %d)"), nmaprun_program(),
			       r->status);
}

/* The scan is over: keep its report, or say what went wrong. */
static unsigned netscan_done(struct app *app)
{
	struct nmapscan_result r;
	nmapscan_finish(&netscan.scan, &r);
	strbuf_reset(&app->status.progress);
	if (r.failed == NMAPSCAN_EXIT) {
		netscan_failed(app, &r);
	} else if (r.failed == NMAPSCAN_ERROR) {
		struct strbuf msg = STRBUF_INIT;
		marks_error_text(&msg, &r.err);
		status_message(app, true, "%s", strbuf_str(&msg));
		strbuf_free(&msg);
	} else if (r.failed == NMAPSCAN_NMAP) {
		status_message(app, true, _("nmap failed: %s"), r.err.msg);
	} else if (!netscan_keep(r.x)) {
		status_message(app, true, _("out of memory"));
	} else {
		r.x = NULL; /* the kept scan's now */
		netscan_summary(app, &r);
	}
	nmapscan_result_free(&r);
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

unsigned netscan_tick(struct app *app)
{
	if (!netscan.scan.running)
		return REDRAW_NONE;
	if (nmapscan_poll(&netscan.scan, 0))
		return netscan_done(app);
	unsigned s = (unsigned)((script_clock_ms(app) - netscan.started_ms) / 1000);
	if (s == netscan.shown_s)
		return REDRAW_NONE;
	netscan.shown_s = s;
	netscan_progress(app);
	return REDRAW_STATUS;
}

int netscan_timeout(const struct app *app, int idle)
{
	(void)app;
	return netscan.scan.running && idle > NETSCAN_TICK_MS ? NETSCAN_TICK_MS : idle;
}

bool netscan_wait(struct app *app, int ms)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	t = t0;
	while (netscan.scan.running &&
	       (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 < ms) {
		if (nmapscan_poll(&netscan.scan, 50))
			netscan_done(app);
		clock_gettime(CLOCK_MONOTONIC, &t);
	}
	return !netscan.scan.running;
}

/* src with the net check over the newest scan that covered port for o's
 * transport, in *s; false when none did. */
static bool netscan_sources(const struct suggest_sources *src, const struct suggest_opts *o,
			    unsigned port, struct suggest_sources *s)
{
	enum transport t = o->transport == TRANSPORT_ANY ? TRANSPORT_TCP : o->transport;
	const struct netscan_run *run = netscan_latest(port, t);
	if (!run)
		return false;
	*s = *src;
	s->net = &run->net;
	return true;
}

enum check_result netscan_check(const struct suggest_sources *src, const struct suggest_opts *o,
				unsigned port)
{
	struct suggest_sources s;
	return netscan_sources(src, o, port, &s) ? suggest_check(&s, o, port, CHECK_NET)
						 : RESULT_NA;
}

void netscan_value(struct strbuf *v, const struct suggest_sources *src,
		   const struct suggest_opts *o, unsigned port)
{
	struct suggest_sources s;
	if (netscan_sources(src, o, port, &s))
		suggest_check_value(v, &s, o, port, CHECK_NET, true);
	else
		strbuf_adds(v, "n/a");
}

void netscan_source(struct strbuf *s)
{
	const struct netscan_run *run = netscan.nruns ? &netscan.runs[netscan.nruns - 1] : NULL;
	struct strbuf t = STRBUF_INIT;
	netscan_targets_text(&t);
	if (!run)
		strbuf_addf(s, _("n/a until S scans the listed ports on %s"), strbuf_str(&t));
	else {
		char when[16];
		netscan_clock(run, when);
		/* L10N: the net check's source: the targets, the scan's time. */
		strbuf_addf(s, _("nmap scan of %s at %s"), strbuf_str(&t), when);
	}
	strbuf_free(&t);
}
