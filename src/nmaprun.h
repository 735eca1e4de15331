/* SPDX-License-Identifier: MIT */
/* nmaprun.h: running nmap for its XML report. The command is an argument
 * vector (never a shell): nmap's own timing bounds, the targets after a
 * "--" once each passed nmaprun_target_ok(), the report on standard
 * output. portscope bounds the whole run too: past the time limit nmap is
 * killed and the report read so far is kept, marked cut. */
#ifndef PORTSCOPE_NMAPRUN_H
#define PORTSCOPE_NMAPRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "error.h"
#include "registry.h"
#include "strbuf.h"

/* nmap's per-host limit (--host-timeout) and portscope's for the run. */
#define NMAPRUN_HOST_TIMEOUT "30s"
#define NMAPRUN_TIME_LIMIT_S 120
/* The install line said when nmap is missing. */
#define NMAPRUN_INSTALL "sudo apt-get install nmap"

struct nmaprun_opts {
	const char *program; /* "nmap", or a stand-in (tests) */
	char *const *targets;
	size_t ntargets;
	const char *ports;	  /* nmap's -p list: "80,8000-8010"; NULL: its default */
	enum transport transport; /* TRANSPORT_TCP or TRANSPORT_UDP */
	bool ipv6;		  /* nmap's -6: the targets are IPv6 */
	unsigned time_limit_s;
	bool detach; /* a process group of its own, stopped as a group (the TUI) */
};

struct nmaprun_result {
	struct strbuf xml;    /* standard output: the report */
	struct strbuf errors; /* standard error (the first 64 KiB) */
	int status;	      /* exit status; -1 when killed or signalled */
	bool missing;	      /* the program is not on PATH */
	bool cut;	      /* stopped at the time limit */
	double seconds;	      /* how long it ran */
};

/* A run in the background: started, polled for its output between other
 * work, then finished (reaped, its report handed over) or cancelled. */
struct nmaprun_job {
	pid_t pid;
	int out, err; /* the pipes' reading ends; -1 once they ended */
	bool running; /* started and neither finished nor cancelled */
	bool reaped;  /* it exited and was waited for (its status in ws) */
	int ws;
	bool detach, over;
	double start, deadline; /* monotonic seconds */
	const char *program;
	struct nmaprun_result r; /* what it has written so far */
};

/* The program run: $PORTSCOPE_NMAP (a stand-in, for tests) or nmap. */
const char *nmaprun_program(void);
/* Whether program (a path, or a name looked up in $PATH) can be run. */
bool nmaprun_available(const char *program);
/* Whether s is a target in nmap's syntax portscope passes on: letters,
 * digits and . : / - , [ ] only, not starting with '-'. */
bool nmaprun_target_ok(const char *s);
/* Whether target s is an IPv6 one (has a ':'): nmap scans one family a
 * run, IPv6 with -6. */
bool nmaprun_target_ipv6(const char *s);
/* The program's argument vector for o (NULL-terminated; free the array
 * only). NULL when out of memory. */
char **nmaprun_argv(const struct nmaprun_opts *o);
void nmaprun_result_free(struct nmaprun_result *r);
/* Every target of t[0..n) passes nmaprun_target_ok(); else -1 with err
 * naming the first bad one. */
int nmaprun_check_targets(char *const *t, size_t n, struct ps_error *err);
/* nmap scans one address family a run: t's IPv4 targets into fam (n
 * entries), in their order, then the IPv6 ones; how many are IPv4. */
size_t nmaprun_families(char *const *t, size_t n, char **fam);
/* The ports flagged in want (PORT_COUNT flags) as nmap's -p list, runs of
 * neighbours as LO-HI ("22,8000-8002"), appended to out; how many. */
unsigned nmaprun_ports_list(struct strbuf *out, const uint8_t *want);

/* Start o in the background; -1 with err set when it cannot be run
 * (j->r.missing: not on PATH). */
int nmaprun_start(const struct nmaprun_opts *o, struct nmaprun_job *j, struct ps_error *err);
/* Read what it wrote, waiting at most timeout_ms (-1: until it writes);
 * true once it is done: its output ended, its time limit passed (r.cut)
 * or its report outgrew the cap. Never blocks past the time limit. */
bool nmaprun_poll(struct nmaprun_job *j, int timeout_ms);
/* Seconds since it started. */
double nmaprun_elapsed(const struct nmaprun_job *j);
/* After nmaprun_poll() said done: reap it (stopping it when cut) and move
 * its output to r; 0, or -1 with err when the report outgrew the cap. */
int nmaprun_finish(struct nmaprun_job *j, struct nmaprun_result *r, struct ps_error *err);
/* Stop it now (SIGTERM, then SIGKILL), reap it, drop its output. */
void nmaprun_cancel(struct nmaprun_job *j);

#endif
