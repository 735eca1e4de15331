/* SPDX-License-Identifier: MIT */
/* nmapscan.h: one scan of a target list, in the runs nmap needs for it
 * (doc/HACKING.md, "Scanning the network (S)"). nmap scans one address
 * family a run, so a list with both takes two: the IPv4 targets first,
 * then the IPv6 ones (-6) in what is left of the one time limit, their
 * reports merged into one. Built on nmaprun.h's job: started, polled
 * (never blocking past the timeout asked: the TUI draws between polls,
 * the CLI polls until done), then finished or cancelled. It prints
 * nothing: what went wrong, and what was not scanned and why, come back
 * as data. */
#ifndef PORTSCOPE_NMAPSCAN_H
#define PORTSCOPE_NMAPSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "nmaprun.h"
#include "nmapxml.h"
#include "strbuf.h"

/* What was asked; the strings must last until the scan is finished or
 * cancelled. */
struct nmapscan_opts {
	const char *program; /* "nmap", or a stand-in (tests) */
	char *const *targets;
	size_t ntargets;	  /* one or more */
	const char *ports;	  /* nmap's -p list; NULL: its default */
	enum transport transport; /* TRANSPORT_TCP or TRANSPORT_UDP */
	unsigned time_limit_s;	  /* for every run together */
	bool detach;		  /* each run a process group of its own (the TUI) */
};

/* What kept the scan from a report. */
enum nmapscan_failure {
	NMAPSCAN_OK,
	NMAPSCAN_EXIT,	/* a run exited with a status not 0 (status), not stopped */
	NMAPSCAN_ERROR, /* its output outgrew the cap, its report did not parse,
			   or no memory was left (err) */
	NMAPSCAN_NMAP,	/* nmap's report says it failed (err: its message) */
};

/* Why the IPv6 targets were not scanned: the IPv4 report stands, marked
 * unfinished. */
enum nmapscan_unscanned {
	NMAPSCAN_ALL_SCANNED,
	NMAPSCAN_NO_TIME,     /* the IPv4 run was stopped at the time limit */
	NMAPSCAN_NOT_STARTED, /* their run could not start (missing, or err) */
};

struct nmapscan_result {
	struct nmapxml *x; /* the report, the runs' in one; NULL when failed */
	enum nmapscan_failure failed;
	int status; /* NMAPSCAN_EXIT: the run's exit status */
	enum nmapscan_unscanned unscanned;
	bool missing;		 /* NMAPSCAN_NOT_STARTED: the program is not on PATH */
	struct ps_error err;	 /* why, for NMAPSCAN_ERROR, _NMAP and _NOT_STARTED */
	struct strbuf errors[2]; /* what the IPv4 run, then the IPv6 one, wrote on
				    standard error (nothing of a run stopped for
				    its output's size) */
	bool ipv6;		 /* the last run was the IPv6 one */
	bool cut;		 /* the last run was stopped at its time limit, */
	unsigned limit_s;	 /* which was this many seconds */
};

/* Where a scan is. */
struct nmapscan_progress {
	bool ipv6;	    /* the run under way (or the last) scans IPv6 targets */
	unsigned run, runs; /* it is run `run` of `runs` (1 or 2) */
	double seconds;	    /* since the scan started */
};

/* A scan: internal but for running and missing. */
struct nmapscan {
	bool running; /* started, neither finished nor cancelled */
	bool missing; /* nmapscan_start() failed: the program is not on PATH */
	bool over;    /* its last run has ended: nmapscan_finish() */
	char **fam;   /* the n targets, the n4 IPv4 ones first */
	size_t n, n4;
	unsigned limit_s;
	double used_s;		 /* the seconds the ended runs took */
	struct nmaprun_opts run; /* the run under way */
	struct nmaprun_job job;
	struct nmapscan_result r; /* what is known so far */
};

/* Check o's targets (nmaprun_check_targets()) and start the first run (s
 * is not running: cancel or finish it first); -1 with err set when it
 * cannot (s->missing: not on PATH). */
int nmapscan_start(struct nmapscan *s, const struct nmapscan_opts *o, struct ps_error *err);
/* Read what nmap wrote, waiting at most timeout_ms (-1: until it writes);
 * a run that ended is read and the next started. True once the scan is
 * over. */
bool nmapscan_poll(struct nmapscan *s, int timeout_ms);
/* Which run is under way, and the seconds since the start. */
void nmapscan_progress(const struct nmapscan *s, struct nmapscan_progress *p);
/* After nmapscan_poll() said over: hand the result to r (free it with
 * nmapscan_result_free()); 0, or -1 when the scan failed (r->failed). */
int nmapscan_finish(struct nmapscan *s, struct nmapscan_result *r);
/* Stop it now: the run under way killed and reaped, everything dropped. */
void nmapscan_cancel(struct nmapscan *s);
void nmapscan_result_free(struct nmapscan_result *r);

#endif
