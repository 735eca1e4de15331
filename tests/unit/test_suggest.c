/* SPDX-License-Identifier: MIT */
/* test_suggest.c: the checks, the nearest-candidate search, the built-in
 * bad port list and the kernel facts (sysinfo.c) they use; the net check
 * over a hand-made nmap report. */
#include <config.h>

#include "badports.h"
#include "suggest.h"
#include "sysinfo.h"
#include "testutil.h"

START_TEST(bad_ports)
{
	ck_assert_uint_eq(badports_count(), 83);
	static const unsigned blocked[] = {0, 1, 22, 6000, 6665, 6669, 6697, 10080};
	static const unsigned allowed[] = {80, 443, 8080, 6670, 10081, 65535};
	for (size_t i = 0; i < sizeof(blocked) / sizeof(blocked[0]); i++)
		ck_assert_msg(badports_is_blocked(blocked[i]), "%u", blocked[i]);
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		ck_assert_msg(!badports_is_blocked(allowed[i]), "%u", allowed[i]);
}
END_TEST

static char root[4096];

static void sysroot(const char *tree)
{
	const char *fx = getenv("FIXTURES");
	ck_assert_msg(fx && *fx, "FIXTURES is not set");
	snprintf(root, sizeof(root), "%s/%s", fx, tree);
	setenv("PORTSCOPE_SYSROOT", root, 1);
}

START_TEST(kernel_facts)
{
	struct sysinfo_ports si;
	struct ps_error err = PS_ERROR_INIT;
	sysroot("sysroot-suggest");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert(si.have_ephemeral);
	ck_assert_uint_eq(si.ephemeral_lo, 8070);
	ck_assert_uint_eq(si.ephemeral_hi, 8073);
	ck_assert(!si.have_unprivileged); /* not in the fixture */
	sysroot("sysroot-listeners");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert_uint_eq(si.ephemeral_lo, 32768);
	ck_assert_uint_eq(si.ephemeral_hi, 60999);
	sysroot("no-such-tree");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert(!si.have_ephemeral);
}
END_TEST

/* Write text as ip_local_port_range and ip_unprivileged_port_start of a
 * scratch sysroot. */
static void scratch_kernel(const char *tmp, const char *range, const char *unpriv)
{
	char path[512];
	snprintf(path, sizeof(path), "mkdir -p %s/proc/sys/net/ipv4", tmp);
	ck_assert_int_eq(system(path), 0);
	snprintf(path, sizeof(path), "%s%s", tmp, SYSINFO_EPHEMERAL_PATH);
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(range, fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s%s", tmp, SYSINFO_UNPRIVILEGED_PATH);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(unpriv, fp);
	fclose(fp);
	setenv("PORTSCOPE_SYSROOT", tmp, 1);
}

START_TEST(kernel_facts_malformed)
{
	char tmp[] = "/tmp/portscope-sysinfo-XXXXXX", cmd[64];
	struct sysinfo_ports si;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	scratch_kernel(tmp, "1024 65535\n", "0\n");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert_uint_eq(si.ephemeral_hi, 65535);
	ck_assert(si.have_unprivileged);
	ck_assert_uint_eq(si.unprivileged_start, 0);
	static const char *const bad[] = {"", "abc", "5 3", "1 70000", "1 2 3", "1", "1 2x"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		scratch_kernel(tmp, bad[i], bad[i]);
		ck_assert_int_eq(sysinfo_read(&si, &err), -1);
		ck_assert_msg(!si.have_ephemeral, "range accepted '%s'", bad[i]);
	}
	scratch_kernel(tmp, "", "1024 1025");
	ck_assert_int_eq(sysinfo_read(&si, &err), -1);
	ck_assert(!si.have_unprivileged);
	error_clear(&err);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A registry where 100-199 and 300 are assigned for tcp. */
static struct registry *tiny_registry(void)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = load_mem(&services_loader, "a 100-199/tcp\nb 300/tcp\n", &err);
	ck_assert_msg(reg != NULL, "%s", err.msg ? err.msg : "");
	return reg;
}

START_TEST(checks_and_nearest)
{
	struct registry *reg = tiny_registry();
	struct suggest_sources src = {
		.reg = reg, .have_ephemeral = true, .eph_lo = 205, .eph_hi = 206};
	struct suggest_opts o = {.port = 200,
				 .count = 4,
				 .run = 1,
				 .transport = TRANSPORT_ANY,
				 .any_range = true,
				 .nmap_max = SUGGEST_NMAP_MAX};
	ck_assert_int_eq(suggest_check(&src, &o, 150, CHECK_IANA), RESULT_FAIL);
	ck_assert_int_eq(suggest_check(&src, &o, 200, CHECK_IANA), RESULT_PASS);
	ck_assert_int_eq(suggest_check(&src, &o, 200, CHECK_SERVICES), RESULT_NA);
	ck_assert_int_eq(suggest_check(&src, &o, 205, CHECK_EPHEMERAL), RESULT_FAIL);
	ck_assert_int_eq(suggest_check(&src, &o, 22, CHECK_BROWSER), RESULT_FAIL);
	struct suggestion g[4];
	ck_assert_int_eq(suggest_find(&src, &o, g), 4);
	/* 200 itself, then 201, then 202 (199 is assigned), then 203 */
	ck_assert_uint_eq(g[0].lo, 200);
	ck_assert_int_eq(g[0].offset, 0);
	ck_assert_uint_eq(g[1].lo, 201);
	ck_assert_uint_eq(g[2].lo, 202);
	ck_assert_uint_eq(g[3].lo, 203);
	ck_assert_uint_eq(g[3].run_lo, 200);
	ck_assert_uint_eq(g[3].run_hi, 204); /* 205-206 are ephemeral */
	/* blocks of 3 near 250 */
	o.run = 3;
	o.port = 250;
	ck_assert_int_eq(suggest_find(&src, &o, g), 4);
	ck_assert_uint_eq(g[0].lo, 250); /* inside the run 207-299 */
	ck_assert_uint_eq(g[1].lo, 202); /* run 200-204: the block nearest 250 */
	ck_assert_int_eq(g[1].offset, -46);
	ck_assert_uint_eq(g[2].lo, 301);
	/* run 390-426 (389 is a bad port) at 140 beats run 96-99 at 151 */
	ck_assert_uint_eq(g[3].lo, 390);
	ck_assert_int_eq(g[3].offset, 140);
	/* --proto udp: the tcp assignments do not count */
	o.run = 1;
	o.port = 150;
	o.transport = TRANSPORT_UDP;
	ck_assert_int_eq(suggest_find(&src, &o, g), 4);
	ck_assert_uint_eq(g[0].lo, 150);
	/* without any_range the System range is refused */
	o.any_range = false;
	ck_assert_int_eq(suggest_check(&src, &o, 150, CHECK_RANGE), RESULT_FAIL);
	ck_assert_int_eq(suggest_find(&src, &o, g), 4);
	ck_assert_uint_eq(g[0].lo, 1024);
	registry_free(reg);
}
END_TEST

/* Two hosts' states of some ports, one of them counted in extraports, a
 * state the check does not know, a UDP entry. */
static const char net_report[] =
	"<?xml version=\"1.0\"?><!DOCTYPE nmaprun><nmaprun version=\"7.93\">"
	"<host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
	"<port protocol=\"tcp\" portid=\"8080\"><state state=\"open\"/></port>"
	"<port protocol=\"tcp\" portid=\"8081\"><state state=\"closed\"/></port>"
	"<port protocol=\"tcp\" portid=\"8082\"><state state=\"filtered\"/></port>"
	"<port protocol=\"tcp\" portid=\"8083\"><state state=\"weird\"/></port>"
	"<port protocol=\"udp\" portid=\"53\"><state state=\"open\"/></port>"
	"</ports></host>"
	"<host><status state=\"up\"/><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><ports>"
	"<port protocol=\"tcp\" portid=\"8080\"><state state=\"closed\"/></port>"
	"<port protocol=\"tcp\" portid=\"8081\"><state state=\"closed|filtered\"/></port>"
	"<port protocol=\"tcp\" portid=\"8082\"><state state=\"open|filtered\"/></port>"
	"<extraports state=\"closed\" count=\"10\"><extrareasons reason=\"resets\" "
	"count=\"10\" proto=\"tcp\" ports=\"9000-9009\"/></extraports>"
	"</ports></host><runstats><finished exit=\"success\"/></runstats></nmaprun>";

/* Port's net check and its value for transport t. */
static void net_is(const struct suggest_sources *src, enum transport t, unsigned port,
		   enum check_result want, const char *value)
{
	struct suggest_opts o = {.port = port, .count = 1, .run = 1, .transport = t};
	struct strbuf v = STRBUF_INIT;
	suggest_check_value(&v, src, &o, port, CHECK_NET, false);
	ck_assert_msg(suggest_check(src, &o, port, CHECK_NET) == want, "%u", port);
	ck_assert_str_eq(strbuf_str(&v), value);
	strbuf_free(&v);
}

/* The net check reads its per-port table: the strongest state any host
 * gave, per transport; it fails an open port and one the scan did not
 * cover, as the report walked port by port (nmapxml_is_open()) says. */
START_TEST(net_check)
{
	struct ps_error err = PS_ERROR_INIT;
	struct nmapxml *x = nmapxml_parse(net_report, sizeof(net_report) - 1, false, &err);
	ck_assert_msg(x != NULL, "%s", err.msg ? err.msg : "");
	uint8_t *scanned = calloc(PORT_COUNT, 1);
	ck_assert_ptr_nonnull(scanned);
	memset(scanned + 1, 1, PORT_MAX); /* all but port 0 */
	struct suggest_net net;
	ck_assert_int_eq(suggest_net_init(&net, x, scanned), 0);
	struct suggest_sources src = {.net = &net};
	net_is(&src, TRANSPORT_TCP, 8080, RESULT_FAIL, "open");
	net_is(&src, TRANSPORT_ANY, 8080, RESULT_FAIL, "open"); /* any: tcp, as nmap */
	net_is(&src, TRANSPORT_TCP, 8081, RESULT_PASS, "closed|filtered");
	net_is(&src, TRANSPORT_TCP, 8082, RESULT_PASS, "open|filtered");
	net_is(&src, TRANSPORT_TCP, 8083, RESULT_PASS, "-");
	net_is(&src, TRANSPORT_TCP, 9005, RESULT_PASS, "closed");
	net_is(&src, TRANSPORT_TCP, 53, RESULT_PASS, "-");
	net_is(&src, TRANSPORT_UDP, 53, RESULT_FAIL, "open");
	net_is(&src, TRANSPORT_UDP, 8080, RESULT_PASS, "-");
	net_is(&src, TRANSPORT_SCTP, 8080, RESULT_PASS, "-");
	net_is(&src, TRANSPORT_TCP, 0, RESULT_FAIL, "unscanned");
	struct suggest_opts o = {.count = 1, .run = 1};
	for (int t = TRANSPORT_TCP; t <= TRANSPORT_UDP; t++)
		for (unsigned p = 1; p < PORT_COUNT; p++) {
			o.transport = (enum transport)t;
			ck_assert_msg(suggest_check(&src, &o, p, CHECK_NET) ==
					      (nmapxml_is_open(x, p, o.transport) ? RESULT_FAIL
										  : RESULT_PASS),
				      "%u", p);
		}
	/* the table's open, as the TUI's overlay reads it */
	for (int t = 0; t <= TRANSPORT_ANY; t++)
		for (unsigned p = 0; p < PORT_COUNT; p++)
			ck_assert_msg(suggest_net_open(&net, p, (enum transport)t) ==
					      (t < TRANSPORT_REAL &&
					       nmapxml_is_open(x, p, (enum transport)t)),
				      "%u/%d", p, t);
	ck_assert(suggest_net_open(&net, 8080, TRANSPORT_TCP));
	ck_assert(suggest_net_open(&net, 53, TRANSPORT_UDP));
	ck_assert(!suggest_net_open(&net, 8082, TRANSPORT_TCP)); /* open|filtered */
	ck_assert(!suggest_net_open(&net, PORT_COUNT, TRANSPORT_TCP));
	suggest_net_free(&net);
	ck_assert_ptr_null(net.states);
	free(scanned);
	nmapxml_free(x);
}
END_TEST

static Suite *suggest_suite(void)
{
	Suite *s = suite_create("suggest");
	TCase *tc = tcase_create("checks");
	tcase_add_test(tc, bad_ports);
	tcase_add_test(tc, kernel_facts);
	tcase_add_test(tc, kernel_facts_malformed);
	tcase_add_test(tc, checks_and_nearest);
	tcase_add_test(tc, net_check);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(suggest_suite)
