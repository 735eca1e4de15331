/* SPDX-License-Identifier: MIT */
/* test_nmapscan.c: a scan's runs (doc/HACKING.md, "Scanning the network
 * (S)") with a stand-in nmap, a shell script that notes each run's
 * arguments and prints a hand-made report (tests/fixtures/nmap/): IPv4
 * only, IPv6 only, both (two runs, IPv4 first, one report), a first run
 * that uses up the time, a second that cannot start, a failing first run,
 * and cancel leaving no process. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nmapscan.h"
#include "strbuf.h"
#include "testutil.h"

/* The stand-in's directory: the program, its runs file, its pid file. */
static char dir[] = "/tmp/portscope-scan.XXXXXX";
static char prog[64], runs[64], pidfile[64];

static void setup(void)
{
	strcpy(dir, "/tmp/portscope-scan.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(prog, sizeof(prog), "%s/nmap", dir);
	snprintf(runs, sizeof(runs), "%s/runs", dir);
	snprintf(pidfile, sizeof(pidfile), "%s/pid", dir);
}

static void teardown(void)
{
	unlink(prog);
	unlink(runs);
	unlink(pidfile);
	rmdir(dir);
}

/* The stand-in: each run's arguments a line of runs and its pid in
 * pidfile with its family (4 or 6), then v4 for a run without -6, v6 for
 * one with it (shell). */
static void fake_nmap(const char *v4, const char *v6)
{
	const char *fx = getenv("FIXTURES");
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb,
		    "#!/bin/sh\nF=%s/nmap\necho \"$*\" >>%s\n"
		    "case \" $* \" in *\" -6 \"*) echo $$ 6 ;; *) echo $$ 4 ;; esac >%s\n",
		    fx ? fx : "tests/fixtures", runs, pidfile);
	strbuf_addf(&sb, "case \" $* \" in\n*\" -6 \"*) %s ;;\n*) %s ;;\nesac\n", v6, v4);
	FILE *f = fopen(prog, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(strbuf_str(&sb), f), 0);
	fclose(f);
	strbuf_free(&sb);
	ck_assert_int_eq(chmod(prog, 0700), 0);
}

/* The runs the stand-in noted, one a line. */
static void read_runs(struct strbuf *sb)
{
	FILE *f = fopen(runs, "r");
	char buf[512];
	size_t n;
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	if (f)
		fclose(f);
}

/* Start a scan of targets with limit_s seconds and poll it to its end;
 * 0, or -1 (r->failed). */
static int scan(char **targets, size_t n, unsigned limit_s, struct nmapscan_result *r)
{
	struct nmapscan_opts o = {.program = prog,
				  .targets = targets,
				  .ntargets = n,
				  .ports = "22,631",
				  .transport = TRANSPORT_TCP,
				  .time_limit_s = limit_s};
	struct nmapscan s;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(nmapscan_start(&s, &o, &err), 0);
	ck_assert(s.running);
	while (!nmapscan_poll(&s, 1000))
		;
	return nmapscan_finish(&s, r);
}

/* The stand-in with v4 and v6, then a scan of ::1 and 127.0.0.1. */
static int scan_both(const char *v4, const char *v6, unsigned limit_s, struct nmapscan_result *r)
{
	char a[] = "::1", b[] = "127.0.0.1", *t[] = {a, b};
	fake_nmap(v4, v6);
	return scan(t, 2, limit_s, r);
}

/* Whether the runs were exactly want. */
static void runs_are(const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	read_runs(&sb);
	ck_assert_str_eq(strbuf_str(&sb), want);
	strbuf_free(&sb);
}

#define HEAD "-oX - -n -T4 --max-retries 1 --host-timeout 30s -sT "

START_TEST(ipv4_only)
{
	char a[] = "127.0.0.1", b[] = "127.0.0.2", *t[] = {a, b};
	struct nmapscan_result r;
	fake_nmap("cat $F/open.xml; echo oops >&2", "exit 9");
	ck_assert_int_eq(scan(t, 2, 10, &r), 0);
	runs_are(HEAD "-p 22,631 -- 127.0.0.1 127.0.0.2\n");
	ck_assert_int_eq(r.failed, NMAPSCAN_OK);
	ck_assert_int_eq(r.unscanned, NMAPSCAN_ALL_SCANNED);
	ck_assert(!r.ipv6 && !r.cut);
	ck_assert_uint_eq(r.limit_s, 10);
	ck_assert_uint_eq(r.x->nhosts, 1);
	ck_assert_str_eq(r.x->hosts[0].address, "127.0.0.1");
	ck_assert(r.x->finished);
	ck_assert_str_eq(strbuf_str(&r.errors[0]), "oops\n");
	ck_assert_str_eq(strbuf_str(&r.errors[1]), "");
	nmapscan_result_free(&r);
}
END_TEST

START_TEST(ipv6_only)
{
	char a[] = "::1", *t[] = {a};
	struct nmapscan_result r;
	fake_nmap("exit 9", "cat $F/ipv6.xml; echo six >&2");
	ck_assert_int_eq(scan(t, 1, 10, &r), 0);
	runs_are(HEAD "-6 -p 22,631 -- ::1\n");
	ck_assert(r.ipv6);
	ck_assert_uint_eq(r.x->nhosts, 1);
	ck_assert_str_eq(r.x->hosts[0].address, "::1");
	ck_assert(r.x->finished);
	ck_assert_str_eq(strbuf_str(&r.errors[0]), "");
	ck_assert_str_eq(strbuf_str(&r.errors[1]), "six\n");
	nmapscan_result_free(&r);
}
END_TEST

/* Both families: two runs, IPv4 first, each family's targets in their
 * order; one report, the IPv4 run's hosts first. */
START_TEST(both_families)
{
	char a[] = "::1", b[] = "127.0.0.1", c[] = "fe80::1", *t[] = {a, b, c};
	struct nmapscan_result r;
	fake_nmap("cat $F/open.xml", "cat $F/ipv6.xml");
	ck_assert_int_eq(scan(t, 3, 10, &r), 0);
	runs_are(HEAD "-p 22,631 -- 127.0.0.1\n" HEAD "-6 -p 22,631 -- ::1 fe80::1\n");
	ck_assert_int_eq(r.unscanned, NMAPSCAN_ALL_SCANNED);
	ck_assert(r.ipv6 && !r.cut);
	ck_assert_uint_eq(r.x->nhosts, 2);
	ck_assert_str_eq(r.x->hosts[0].address, "127.0.0.1");
	ck_assert_str_eq(r.x->hosts[1].address, "::1");
	ck_assert(nmapxml_is_open(r.x, 22, TRANSPORT_TCP));
	ck_assert(nmapxml_is_open(r.x, 631, TRANSPORT_TCP));
	ck_assert_uint_eq(r.x->ports[r.x->nports - 1].host, 1);
	ck_assert(r.x->finished);
	nmapscan_result_free(&r);
}
END_TEST

/* A first run stopped at the time limit: no second run, the IPv6 targets
 * named as not scanned for want of time, the report kept unfinished. */
START_TEST(first_run_uses_the_time)
{
	struct nmapscan_result r;
	ck_assert_int_eq(scan_both("exec sleep 30", "cat $F/ipv6.xml", 1, &r), 0);
	runs_are(HEAD "-p 22,631 -- 127.0.0.1\n");
	ck_assert_int_eq(r.unscanned, NMAPSCAN_NO_TIME);
	ck_assert(r.cut && !r.ipv6);
	ck_assert_uint_eq(r.limit_s, 1);
	ck_assert_ptr_nonnull(r.x);
	ck_assert_uint_eq(r.x->nhosts, 0);
	ck_assert(!r.x->finished);
	nmapscan_result_free(&r);
}
END_TEST

/* The second run gets what the first left of the limit, and is cut. */
START_TEST(second_run_in_the_time_left)
{
	struct nmapscan_result r;
	ck_assert_int_eq(scan_both("sleep 1.2; cat $F/open.xml", "exec sleep 30", 3, &r), 0);
	ck_assert_int_eq(r.unscanned, NMAPSCAN_ALL_SCANNED);
	ck_assert(r.cut && r.ipv6);
	ck_assert_uint_eq(r.limit_s, 2);   /* 3, less the first run's second */
	ck_assert_uint_eq(r.x->nhosts, 1); /* the IPv4 run's, the other said nothing */
	ck_assert(!r.x->finished);
	nmapscan_result_free(&r);
}
END_TEST

/* The program gone before the IPv6 run: the IPv4 report stands,
 * unfinished, and the result says why the rest was not scanned. */
START_TEST(second_run_cannot_start)
{
	struct nmapscan_result r;
	ck_assert_int_eq(scan_both("rm -f \"$0\"; cat $F/open.xml", "cat $F/ipv6.xml", 10, &r), 0);
	runs_are(HEAD "-p 22,631 -- 127.0.0.1\n");
	ck_assert_int_eq(r.unscanned, NMAPSCAN_NOT_STARTED);
	ck_assert(r.missing);
	ck_assert_ptr_nonnull(r.err.msg);
	ck_assert_ptr_nonnull(strstr(r.err.msg, prog));
	ck_assert(!r.ipv6 && !r.cut);
	ck_assert_uint_eq(r.x->nhosts, 1);
	ck_assert(!r.x->finished);
	nmapscan_result_free(&r);
}
END_TEST

/* A failing first run stops the scan: no second run, no report. */
START_TEST(first_run_fails)
{
	struct nmapscan_result r;
	ck_assert_int_eq(
		scan_both("echo 'Failed to open device' >&2; exit 3", "cat $F/ipv6.xml", 10, &r),
		-1);
	runs_are(HEAD "-p 22,631 -- 127.0.0.1\n");
	ck_assert_int_eq(r.failed, NMAPSCAN_EXIT);
	ck_assert_int_eq(r.status, 3);
	ck_assert_ptr_null(r.x);
	ck_assert_str_eq(strbuf_str(&r.errors[0]), "Failed to open device\n");
	nmapscan_result_free(&r);
	/* nmap's own error report, and one that does not parse */
	ck_assert_int_eq(scan_both("cat $F/error.xml", "exit 9", 10, &r), -1);
	ck_assert_int_eq(r.failed, NMAPSCAN_NMAP);
	ck_assert_str_eq(r.err.msg, "You requested a scan type which requires root privileges.");
	nmapscan_result_free(&r);
	ck_assert_int_eq(scan_both("cat $F/open.xml", "cat $F/malformed.xml", 10, &r), -1);
	ck_assert_int_eq(r.failed, NMAPSCAN_ERROR);
	ck_assert(r.ipv6);
	ck_assert_str_eq(r.err.file, "nmap XML");
	ck_assert_ptr_null(r.x);
	nmapscan_result_free(&r);
}
END_TEST

/* The pid the stand-in wrote for a run of family (4 or 6), once it has
 * (polling s meanwhile). */
static pid_t wait_pid(struct nmapscan *s, int family)
{
	pid_t pid = 0;
	for (int i = 0; i < 500 && !pid; i++) {
		FILE *f = fopen(pidfile, "r");
		int fam = 0;
		if (!f || fscanf(f, "%d %d", &pid, &fam) != 2 || fam != family)
			pid = 0;
		if (f)
			fclose(f);
		ck_assert(!nmapscan_poll(s, 10));
	}
	ck_assert_int_gt(pid, 0);
	return pid;
}

/* Whether pid is gone: reaped (no zombie, not our child) and not running. */
static bool gone(pid_t pid)
{
	errno = 0;
	return waitpid(pid, NULL, WNOHANG) == -1 && errno == ECHILD && kill(pid, 0) == -1 &&
	       errno == ESRCH;
}

/* Cancel in the first run, and in the second: the run under way killed
 * and reaped; the progress names the run. */
START_TEST(cancel_leaves_no_process)
{
	char a[] = "::1", b[] = "127.0.0.1", *t[] = {a, b};
	struct nmapscan_opts o = {.program = prog,
				  .targets = t,
				  .ntargets = 2,
				  .transport = TRANSPORT_TCP,
				  .time_limit_s = 60,
				  .detach = true};
	struct nmapscan s;
	struct nmapscan_progress p;
	struct ps_error err = PS_ERROR_INIT;
	fake_nmap("exec sleep 30", "exec sleep 30");
	ck_assert_int_eq(nmapscan_start(&s, &o, &err), 0);
	pid_t pid = wait_pid(&s, 4);
	nmapscan_progress(&s, &p);
	ck_assert(!p.ipv6);
	ck_assert_uint_eq(p.run, 1);
	ck_assert_uint_eq(p.runs, 2);
	ck_assert(p.seconds >= 0 && p.seconds < 30);
	nmapscan_cancel(&s);
	ck_assert(!s.running);
	ck_assert(gone(pid));
	runs_are(HEAD "-- 127.0.0.1\n");
	/* the second run under way */
	unlink(runs);
	unlink(pidfile);
	fake_nmap("cat $F/open.xml", "exec sleep 30");
	ck_assert_int_eq(nmapscan_start(&s, &o, &err), 0);
	for (int i = 0; i < 500 && (nmapscan_progress(&s, &p), !p.ipv6); i++)
		ck_assert(!nmapscan_poll(&s, 10));
	pid = wait_pid(&s, 6); /* the IPv6 run's, not the first one's */
	nmapscan_progress(&s, &p);
	ck_assert(p.ipv6);
	ck_assert_uint_eq(p.run, 2);
	ck_assert_uint_eq(p.runs, 2);
	nmapscan_cancel(&s);
	ck_assert(gone(pid));
	runs_are(HEAD "-- 127.0.0.1\n" HEAD "-6 -- ::1\n");
	nmapscan_cancel(&s); /* twice: nothing */
}
END_TEST

/* A bad target or a missing program: nothing starts. */
START_TEST(start_refused)
{
	char a[] = "a;b", *t[] = {a};
	struct nmapscan_opts o = {.program = prog, .targets = t, .ntargets = 1, .time_limit_s = 5};
	struct nmapscan s;
	struct ps_error err = PS_ERROR_INIT;
	fake_nmap("exit 0", "exit 0");
	ck_assert_int_eq(nmapscan_start(&s, &o, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "bad target 'a;b'"));
	ck_assert(!s.running && !s.missing);
	error_clear(&err);
	char b[] = "127.0.0.1";
	t[0] = b;
	unlink(prog);
	ck_assert_int_eq(nmapscan_start(&s, &o, &err), -1);
	ck_assert(!s.running && s.missing);
	error_clear(&err);
	ck_assert(nmapscan_poll(&s, 0)); /* nothing to wait for */
}
END_TEST

static Suite *nmapscan_suite(void)
{
	Suite *s = suite_create("nmapscan");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, ipv4_only);
	tcase_add_test(tc, ipv6_only);
	tcase_add_test(tc, both_families);
	tcase_add_test(tc, first_run_uses_the_time);
	tcase_add_test(tc, second_run_in_the_time_left);
	tcase_add_test(tc, second_run_cannot_start);
	tcase_add_test(tc, first_run_fails);
	tcase_add_test(tc, cancel_leaves_no_process);
	tcase_add_test(tc, start_refused);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(nmapscan_suite)
