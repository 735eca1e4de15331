/* SPDX-License-Identifier: MIT */
/* test_nmapxml.c: nmap's XML reports (tests/fixtures/nmap/, hand-made)
 * through the core parser: hosts up and down, filtered ports, IPv6, 1,000
 * hosts; malformed, truncated and hostile documents refused. */
#include <config.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nmaprun.h"
#include "nmapxml.h"
#include "strbuf.h"
#include "testutil.h"

/* A fixture's text. */
static void fixture(const char *name, struct strbuf *sb)
{
	const char *dir = getenv("FIXTURES");
	char path[4096];
	snprintf(path, sizeof(path), "%s/nmap/%s", dir ? dir : "tests/fixtures", name);
	FILE *fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(sb, buf, n);
	fclose(fp);
}

/* Parse a fixture; NULL with err set when refused. */
static struct nmapxml *parse_fixture(const char *name, bool partial, struct ps_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	fixture(name, &sb);
	struct nmapxml *x = nmapxml_parse(strbuf_str(&sb), sb.len, partial, err);
	strbuf_free(&sb);
	return x;
}

START_TEST(open_and_closed)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = parse_fixture("open.xml", false, &err);
	ck_assert_msg(x != NULL, "%s", err.msg ? err.msg : "");
	ck_assert_uint_eq(x->nhosts, 1);
	ck_assert_str_eq(x->hosts[0].name, "localhost");
	ck_assert_str_eq(x->hosts[0].address, "127.0.0.1");
	ck_assert_str_eq(x->version, "7.93");
	ck_assert_uint_eq(x->nports, 2);
	ck_assert_uint_eq(x->ports[0].port, 22);
	ck_assert_int_eq(x->ports[0].transport, TRANSPORT_TCP);
	ck_assert_str_eq(x->ports[0].state, "open");
	ck_assert_str_eq(x->ports[0].service, "ssh");
	ck_assert_str_eq(x->ports[1].state, "closed");
	ck_assert_str_eq(x->ports[1].service, "");
	ck_assert(nmapxml_is_open(x, 22, TRANSPORT_TCP));
	ck_assert(!nmapxml_is_open(x, 22, TRANSPORT_UDP));
	ck_assert(!nmapxml_is_open(x, 8089, TRANSPORT_TCP));
	nmapxml_free(x);
}
END_TEST

START_TEST(down_filtered_ipv6)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = parse_fixture("down.xml", false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nhosts, 1);
	ck_assert_str_eq(x->hosts[0].status, "down");
	ck_assert_uint_eq(x->nports, 0);
	nmapxml_free(x);
	x = parse_fixture("filtered.xml", false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nhosts, 2);
	ck_assert_str_eq(x->hosts[0].address, "127.0.0.1"); /* not the MAC */
	ck_assert_str_eq(x->hosts[0].name, "fw.example");
	ck_assert(!x->hosts[0].timedout);
	ck_assert(x->hosts[1].timedout);
	ck_assert_str_eq(x->hosts[1].name, "");
	ck_assert_uint_eq(x->nports, 2);
	ck_assert_str_eq(x->ports[0].state, "filtered");
	ck_assert_int_eq(x->ports[1].transport, TRANSPORT_UDP);
	ck_assert_str_eq(x->ports[1].state, "open|filtered");
	ck_assert(!nmapxml_is_open(x, 53, TRANSPORT_UDP));
	nmapxml_free(x);
	x = parse_fixture("ipv6.xml", false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->hosts[0].address, "::1");
	ck_assert(nmapxml_is_open(x, 631, TRANSPORT_TCP));
	nmapxml_free(x);
}
END_TEST

/* A report of 1,000 hosts, each with one open port. */
START_TEST(thousand_hosts)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb,
		    "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun version=\"7.93\">\n");
	for (unsigned i = 0; i < 1000; i++)
		strbuf_addf(&sb,
			    "<host><status state=\"up\"/><address addr=\"127.0.%u.%u\" "
			    "addrtype=\"ipv4\"/>"
			    "<ports><port protocol=\"tcp\" portid=\"%u\"><state "
			    "state=\"open\"/></port></ports></host>\n",
			    i / 250, i % 250 + 1, 10000 + i);
	strbuf_adds(&sb, "<runstats><finished exit=\"success\"/></runstats></nmaprun>\n");
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = nmapxml_parse(strbuf_str(&sb), sb.len, false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nhosts, 1000);
	ck_assert_uint_eq(x->nports, 1000);
	ck_assert_str_eq(x->hosts[999].address, "127.0.3.250");
	ck_assert_uint_eq(x->ports[999].host, 999);
	ck_assert(nmapxml_is_open(x, 10999, TRANSPORT_TCP));
	nmapxml_free(x);
	strbuf_free(&sb);
}
END_TEST

/* name is refused with a message containing want. */
static void refused(const char *name, bool partial, const char *want)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = parse_fixture(name, partial, &err);
	ck_assert_msg(x == NULL, "%s accepted", name);
	ck_assert_msg(err.msg && strstr(err.msg, want), "%s: '%s' lacks '%s'", name,
		      err.msg ? err.msg : "", want);
	ck_assert_str_eq(err.file, "nmap XML");
	error_clear(&err);
}

START_TEST(hostile_and_broken)
{
	refused("malformed.xml", false, "mismatched tag");
	refused("truncated.xml", false, "");
	refused("bomb.xml", false, "refused");
	refused("bomb.xml", true, "refused");
	refused("external.xml", false, "refused");
	refused("external-entity.xml", false, "refused");
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = nmapxml_parse("", 0, false, &err);
	ck_assert_ptr_null(x);
	error_clear(&err);
	/* cut short by the time limit: the hosts that ended are kept */
	x = parse_fixture("truncated.xml", true, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nhosts, 0);
	ck_assert_uint_eq(x->nports, 0);
	ck_assert(!x->finished);
	nmapxml_free(x);
	x = parse_fixture("error.xml", false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->errormsg, "You requested a scan type which requires root privileges.");
	nmapxml_free(x);
}
END_TEST

/* Ports nmap only counted (<extraports>), named by <extrareasons ports>:
 * an entry each, in port order among the listed ones; a broken list and
 * a report past NMAPXML_PORTS_MAX are refused. */
START_TEST(extraports)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = parse_fixture("extraports.xml", false, &err);
	ck_assert_msg(x != NULL, "%s", err.msg ? err.msg : "");
	ck_assert_uint_eq(x->nhosts, 2);
	ck_assert_uint_eq(x->nports, 104);
	for (unsigned i = 0; i <= 100; i++) {
		const struct nmap_port *p = &x->ports[i];
		ck_assert_uint_eq(p->host, 0);
		ck_assert_uint_eq(p->port, 8000 + i);
		ck_assert_int_eq(p->transport, TRANSPORT_TCP);
		ck_assert_str_eq(p->state, i == 80 ? "open" : "closed");
		ck_assert_str_eq(p->service, i == 80 ? "http-proxy" : "");
		ck_assert(p->extra == (i != 80));
	}
	const unsigned udp[3] = {53, 8000, 8001};
	for (unsigned i = 0; i < 3; i++) {
		const struct nmap_port *p = &x->ports[101 + i];
		ck_assert_uint_eq(p->host, 1);
		ck_assert_uint_eq(p->port, udp[i]);
		ck_assert_int_eq(p->transport, TRANSPORT_UDP);
		ck_assert_str_eq(p->state, "open|filtered");
		ck_assert(p->extra);
	}
	ck_assert(nmapxml_is_open(x, 8080, TRANSPORT_TCP));
	ck_assert(!nmapxml_is_open(x, 8081, TRANSPORT_TCP));
	ck_assert(!nmapxml_is_open(x, 53, TRANSPORT_UDP));
	nmapxml_free(x);
	refused("extraports-bad.xml", false, "a bad ports list in <extrareasons>");

	/* counted ports inside a <port> (fuzzing found it): the <service> and
	 * <state> after them are the open port's, not the last entry's */
	static const char odd[] =
		"<?xml version=\"1.0\"?><!DOCTYPE nmaprun><nmaprun><host><status state=\"up\"/>"
		"<ports><port protocol=\"tcp\" portid=\"5\"><extraports state=\"closed\">"
		"<extrareasons proto=\"tcp\" ports=\"7\"/></extraports><state state=\"open\"/>"
		"<service name=\"echo\"/></port></ports></host><runstats><finished/></runstats>"
		"</nmaprun>";
	x = nmapxml_parse(odd, sizeof(odd) - 1, false, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nports, 2);
	ck_assert_uint_eq(x->ports[0].port, 5);
	ck_assert_str_eq(x->ports[0].state, "open");
	ck_assert_str_eq(x->ports[0].service, "echo");
	ck_assert_uint_eq(x->ports[1].port, 7);
	ck_assert_str_eq(x->ports[1].state, "closed");
	ck_assert_str_eq(x->ports[1].service, "");
	ck_assert(!nmapxml_is_open(x, 7, TRANSPORT_TCP));
	nmapxml_free(x);

	/* cut inside the second host: the first host's 101 entries stay */
	struct strbuf sb = STRBUF_INIT;
	fixture("extraports.xml", &sb);
	const char *cut = strstr(strbuf_str(&sb), "proto=\"udp\"");
	ck_assert_ptr_nonnull(cut);
	x = nmapxml_parse(strbuf_str(&sb), (size_t)(cut - strbuf_str(&sb)), true, &err);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nhosts, 1);
	ck_assert_uint_eq(x->nports, 101);
	nmapxml_free(x);
	strbuf_free(&sb);

	/* 16 hosts of 65,536 counted ports each: past the million */
	strbuf_adds(&sb, "<?xml version=\"1.0\"?><!DOCTYPE nmaprun><nmaprun version=\"7.93\">");
	for (int h = 0; h < 16; h++)
		strbuf_addf(&sb,
			    "<host><status state=\"up\"/><address addr=\"127.0.0.%d\"/><ports>"
			    "<extraports state=\"closed\" count=\"65536\"><extrareasons "
			    "proto=\"tcp\" ports=\"0-65535\"/></extraports></ports></host>",
			    h + 1);
	strbuf_adds(&sb, "<runstats><finished exit=\"success\"/></runstats></nmaprun>");
	x = nmapxml_parse(strbuf_str(&sb), sb.len, false, &err);
	ck_assert_ptr_null(x);
	ck_assert_msg(strstr(err.msg, "more than a million port entries"), "%s", err.msg);
	error_clear(&err);
	strbuf_free(&sb);
}
END_TEST

/* Two runs' reports (IPv4, then IPv6) as one: hosts in run order, each
 * port still with its host. */
START_TEST(merge_runs)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = parse_fixture("open.xml", false, &err);
	struct nmapxml *y = parse_fixture("ipv6.xml", false, &err);
	ck_assert(x && y);
	size_t xp = x->nports, yp = y->nports;
	ck_assert_uint_gt(yp, 0);
	ck_assert_int_eq(nmapxml_merge(x, y), 0);
	ck_assert_uint_eq(x->nhosts, 2);
	ck_assert_str_eq(x->hosts[0].address, "127.0.0.1");
	ck_assert_str_eq(x->hosts[1].address, "::1");
	ck_assert_uint_eq(x->nports, xp + yp);
	for (size_t i = 0; i < x->nports; i++)
		ck_assert_uint_eq(x->ports[i].host, i < xp ? 0 : 1);
	ck_assert(x->finished);
	ck_assert(nmapxml_is_open(x, 22, TRANSPORT_TCP));
	ck_assert(nmapxml_is_open(x, 631, TRANSPORT_TCP));
	nmapxml_free(x);
}
END_TEST

START_TEST(targets_and_argv)
{
	ck_assert(nmaprun_target_ok("127.0.0.1"));
	ck_assert(nmaprun_target_ok("192.168.1.0/24"));
	ck_assert(nmaprun_target_ok("10.0.0-3.1,2"));
	ck_assert(nmaprun_target_ok("::1"));
	ck_assert(nmaprun_target_ok("[::1]"));
	ck_assert(nmaprun_target_ok("host-a.example"));
	ck_assert(!nmaprun_target_ok("-iL"));
	ck_assert(!nmaprun_target_ok(""));
	ck_assert(!nmaprun_target_ok("a;b"));
	ck_assert(!nmaprun_target_ok("a b"));
	ck_assert(!nmaprun_target_ok("$(x)"));
	ck_assert(!nmaprun_target_ok("a\nb"));
	char t0[] = "127.0.0.1";
	char *targets[] = {t0};
	struct nmaprun_opts o = {.program = "nmap",
				 .targets = targets,
				 .ntargets = 1,
				 .ports = "22,8000-8010",
				 .transport = TRANSPORT_TCP};
	char **v = nmaprun_argv(&o);
	struct strbuf line = STRBUF_INIT;
	for (size_t i = 0; v[i]; i++)
		strbuf_addf(&line, "%s%s", i ? " " : "", v[i]);
	ck_assert_str_eq(strbuf_str(&line), "nmap -oX - -n -T4 --max-retries 1 --host-timeout 30s "
					    "-sT -p 22,8000-8010 -- 127.0.0.1");
	free(v);
	strbuf_free(&line);
}
END_TEST

/* Write a stand-in program: a shell script of body. */
static void stand_in(const char *path, const char *body)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0700), 0);
}

/* Is pid a running process (not gone, not a zombie)? */
static bool alive(pid_t pid)
{
	char path[64], stat[256] = "";
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (int i = 0; i < 100; i++) {
		FILE *f = fopen(path, "r");
		size_t n = f ? fread(stat, 1, sizeof(stat) - 1, f) : 0;
		if (f)
			fclose(f);
		stat[n] = '\0';
		const char *s = strrchr(stat, ')');
		if (!f || (s && (s[2] == 'Z' || s[2] == 'X')))
			return false;
		usleep(10000);
	}
	return true;
}

/* The background job: output collected, exit status kept; a cancelled
 * one is reaped with what it started in its group. */
START_TEST(background_job)
{
	char dir[] = "/tmp/portscope-job.XXXXXX", prog[64], pidfile[64];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(prog, sizeof(prog), "%s/nmap", dir);
	snprintf(pidfile, sizeof(pidfile), "%s/pid", dir);
	char t0[] = "127.0.0.1";
	char *targets[] = {t0};
	struct nmaprun_opts o = {.program = prog,
				 .targets = targets,
				 .ntargets = 1,
				 .transport = TRANSPORT_TCP,
				 .time_limit_s = 10,
				 .detach = true};
	struct nmaprun_job j;
	struct nmaprun_result r;
	struct ps_error err = PS_ERROR_INIT;
	stand_in(prog, "echo report; echo oops >&2; exit 3");
	ck_assert(nmaprun_available(prog));
	ck_assert_int_eq(nmaprun_start(&o, &j, &err), 0);
	while (!nmaprun_poll(&j, 1000))
		;
	ck_assert_int_eq(nmaprun_finish(&j, &r, &err), 0);
	ck_assert_str_eq(strbuf_str(&r.xml), "report\n");
	ck_assert_str_eq(strbuf_str(&r.errors), "oops\n");
	ck_assert_int_eq(r.status, 3);
	ck_assert(!j.running);
	nmaprun_result_free(&r);
	/* a slow one, with a child of its own: Esc's cancel */
	char body[256];
	snprintf(body, sizeof(body), "sleep 30 & echo $! >%s; exec sleep 30", pidfile);
	stand_in(prog, body);
	ck_assert_int_eq(nmaprun_start(&o, &j, &err), 0);
	pid_t pid = j.pid, child = 0;
	for (int i = 0; i < 200 && !child; i++) {
		FILE *f = fopen(pidfile, "r");
		if (f && fscanf(f, "%d", &child) != 1)
			child = 0;
		if (f)
			fclose(f);
		ck_assert(!nmaprun_poll(&j, 10));
	}
	ck_assert_int_gt(child, 0);
	nmaprun_cancel(&j);
	ck_assert(!j.running);
	ck_assert_int_eq(waitpid(pid, NULL, WNOHANG), -1); /* reaped: no zombie */
	ck_assert_int_eq(kill(pid, 0), -1);
	ck_assert(!alive(child)); /* its orphan too (init may keep it a zombie) */
	/* one that closes its output and runs on: not done until it exits,
	   and never past the time limit */
	stand_in(prog, "exec >&- 2>&-; sleep 0.3");
	ck_assert_int_eq(nmaprun_start(&o, &j, &err), 0);
	int polls = 0;
	while (!nmaprun_poll(&j, 20))
		polls++;
	ck_assert_int_ge(polls, 5);
	ck_assert(j.reaped);
	ck_assert_int_eq(nmaprun_finish(&j, &r, &err), 0);
	ck_assert_int_eq(r.status, 0);
	ck_assert(!r.cut);
	nmaprun_result_free(&r);
	o.time_limit_s = 1;
	stand_in(prog, "exec >&- 2>&-; exec sleep 30");
	ck_assert_int_eq(nmaprun_start(&o, &j, &err), 0);
	pid = j.pid;
	while (!nmaprun_poll(&j, 100))
		;
	ck_assert_int_eq(nmaprun_finish(&j, &r, &err), 0);
	ck_assert(r.cut);
	ck_assert_int_eq(r.status, -1);
	ck_assert_int_eq(waitpid(pid, NULL, WNOHANG), -1);
	nmaprun_result_free(&r);
	/* a program that is not there */
	stand_in(prog, "exit 0");
	unlink(prog);
	ck_assert(!nmaprun_available(prog));
	ck_assert_int_eq(nmaprun_start(&o, &j, &err), -1);
	ck_assert(j.r.missing);
	error_clear(&err);
	unlink(pidfile);
	rmdir(dir);
}
END_TEST

static Suite *nmapxml_suite(void)
{
	Suite *s = suite_create("nmapxml");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, open_and_closed);
	tcase_add_test(tc, down_filtered_ipv6);
	tcase_add_test(tc, thousand_hosts);
	tcase_add_test(tc, hostile_and_broken);
	tcase_add_test(tc, extraports);
	tcase_add_test(tc, merge_runs);
	tcase_add_test(tc, targets_and_argv);
	tcase_add_test(tc, background_job);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(nmapxml_suite)
