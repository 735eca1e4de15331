/* SPDX-License-Identifier: MIT */
/* nmapscan.c: a scan's runs, IPv4 then IPv6, in one time limit, one report. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "nmapscan.h"

/* Start the run of the IPv4 targets or of the IPv6 ones (v6), in the
 * time the scan has left (a second at least); -1 with err set. */
static int nmapscan_run(struct nmapscan *s, bool v6, struct ps_error *err)
{
	unsigned used = (unsigned)s->used_s;
	s->run.targets = v6 ? s->fam + s->n4 : s->fam;
	s->run.ntargets = v6 ? s->n - s->n4 : s->n4;
	s->run.ipv6 = v6;
	s->run.time_limit_s = s->used_s < s->limit_s ? s->limit_s - used : 1;
	return nmaprun_start(&s->run, &s->job, err);
}

int nmapscan_start(struct nmapscan *s, const struct nmapscan_opts *o, struct ps_error *err)
{
	memset(s, 0, sizeof(*s));
	if (nmaprun_check_targets(o->targets, o->ntargets, err) < 0)
		return -1;
	if (!(s->fam = malloc((o->ntargets ? o->ntargets : 1) * sizeof(*s->fam))))
		return error_set(err, NULL, 0, _("out of memory"));
	s->n = o->ntargets;
	s->n4 = nmaprun_families(o->targets, o->ntargets, s->fam);
	s->limit_s = o->time_limit_s;
	s->run = (struct nmaprun_opts){.program = o->program,
				       .ports = o->ports,
				       .transport = o->transport,
				       .detach = o->detach};
	if (nmapscan_run(s, s->n4 == 0, err) < 0) {
		s->missing = s->job.r.missing;
		free(s->fam);
		s->fam = NULL;
		return -1;
	}
	s->r.ipv6 = s->run.ipv6;
	s->r.limit_s = s->run.time_limit_s;
	s->running = true;
	return 0;
}

/* What the run that ended says: how it ended and its report, which joins
 * the scan's; -1 when the scan failed (r.failed says how). */
static int nmapscan_read(struct nmapscan *s, struct nmaprun_result *rr)
{
	struct nmapscan_result *r = &s->r;
	struct nmapxml *x = NULL;
	if (!rr->cut && rr->status != 0) {
		r->failed = NMAPSCAN_EXIT;
		r->status = rr->status;
	} else if (!(x = nmapxml_parse(rr->xml.data ? rr->xml.data : "", rr->xml.len, rr->cut,
				       &r->err))) {
		r->failed = NMAPSCAN_ERROR;
	} else if (*x->errormsg) {
		error_set(&r->err, NULL, 0, "%s", x->errormsg);
		r->failed = NMAPSCAN_NMAP;
	} else if (!r->x) {
		r->x = x; /* the first run's report: the scan's */
		x = NULL;
	} else if (nmapxml_merge(r->x, x) == 0) {
		x = NULL;
	} else {
		error_set(&r->err, NULL, 0, _("out of memory"));
		r->failed = NMAPSCAN_ERROR;
	}
	nmapxml_free(x);
	return r->failed ? -1 : 0;
}

/* The run under way has ended: reap it and read it; -1 when the scan
 * failed (then it has no report). */
static int nmapscan_ended(struct nmapscan *s)
{
	struct nmapscan_result *r = &s->r;
	struct nmaprun_result rr;
	int rc = nmaprun_finish(&s->job, &rr, &r->err);
	s->used_s += rr.seconds;
	r->ipv6 = s->run.ipv6;
	r->limit_s = s->run.time_limit_s;
	if (rc < 0) { /* its output outgrew the cap: nothing of it is kept */
		r->failed = NMAPSCAN_ERROR;
	} else {
		r->cut = rr.cut;
		r->errors[r->ipv6] = rr.errors;
		rr.errors = (struct strbuf)STRBUF_INIT;
		rc = nmapscan_read(s, &rr);
	}
	nmaprun_result_free(&rr);
	if (rc < 0) {
		nmapxml_free(r->x);
		r->x = NULL;
	}
	return rc;
}

/* The IPv4 run has ended well and IPv6 targets wait: start their run,
 * unless the first used up the time; false when it does not start (the
 * result says why, its report is marked unfinished). */
static bool nmapscan_next(struct nmapscan *s)
{
	struct nmapscan_result *r = &s->r;
	if (!r->cut && nmapscan_run(s, true, &r->err) == 0)
		return true;
	r->unscanned = r->cut ? NMAPSCAN_NO_TIME : NMAPSCAN_NOT_STARTED;
	r->missing = !r->cut && s->job.r.missing;
	r->x->finished = false;
	return false;
}

bool nmapscan_poll(struct nmapscan *s, int timeout_ms)
{
	if (!s->running || s->over)
		return true;
	if (!nmaprun_poll(&s->job, timeout_ms))
		return false;
	if (nmapscan_ended(s) == 0 && !s->run.ipv6 && s->n4 < s->n && nmapscan_next(s))
		return false;
	s->over = true;
	return true;
}

void nmapscan_progress(const struct nmapscan *s, struct nmapscan_progress *p)
{
	p->ipv6 = s->run.ipv6;
	p->runs = (s->n4 > 0) + (s->n4 < s->n);
	p->run = s->run.ipv6 && s->n4 > 0 ? 2 : 1;
	p->seconds = s->used_s + (s->job.running ? nmaprun_elapsed(&s->job) : 0);
}

/* Drop what the scan holds but its result. */
static void nmapscan_stop(struct nmapscan *s)
{
	nmaprun_cancel(&s->job); /* (a run under way only: once over there is none) */
	free(s->fam);
	s->fam = NULL;
	s->running = s->over = false;
}

int nmapscan_finish(struct nmapscan *s, struct nmapscan_result *r)
{
	nmapscan_stop(s);
	*r = s->r;
	memset(&s->r, 0, sizeof(s->r));
	return r->failed ? -1 : 0;
}

void nmapscan_cancel(struct nmapscan *s)
{
	if (!s->running)
		return;
	nmapscan_stop(s);
	nmapscan_result_free(&s->r);
}

/* Free what a scan handed over. */
void nmapscan_result_free(struct nmapscan_result *r)
{
	nmapxml_free(r->x);
	r->x = NULL;
	error_clear(&r->err);
	strbuf_free(&r->errors[0]);
	strbuf_free(&r->errors[1]);
}
