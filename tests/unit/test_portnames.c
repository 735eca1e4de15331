/* SPDX-License-Identifier: MIT */
/* test_portnames.c: services(5)-format sources indexed per port. */
#include <config.h>

#include "portnames.h"
#include "testutil.h"

static struct portnames *load(const char *text)
{
	struct ps_error err = PS_ERROR_INIT;
	struct portnames *pn = portnames_load_mem(text, strlen(text), "mem", &err);
	ck_assert_msg(pn != NULL, "%s", err.msg ? err.msg : "");
	return pn;
}

START_TEST(index_per_port)
{
	struct portnames *pn = load("# nmap-style\n"
				    "http-proxy\t8080/tcp\t0.042052\t# proxy\n"
				    "http-alt\t8080/udp\t0.000330\n"
				    "rare\t8075/udp\t0.000050\n"
				    "plan\t9000-9002/tcp/udp\n");
	ck_assert(pn->present);
	ck_assert_uint_eq(pn->n, 9);
	ck_assert(portnames_has(pn, 8080, TRANSPORT_TCP));
	ck_assert(portnames_has(pn, 8080, TRANSPORT_ANY));
	ck_assert(!portnames_has(pn, 8080, TRANSPORT_SCTP));
	ck_assert(!portnames_has(pn, 8081, TRANSPORT_ANY));
	ck_assert(portnames_has(pn, 9001, TRANSPORT_UDP)); /* ranges are expanded */
	ck_assert(!portnames_has(pn, 9003, TRANSPORT_ANY));
	ck_assert_str_eq(portnames_name(pn, 8080, TRANSPORT_ANY), "http-proxy");
	ck_assert_str_eq(portnames_name(pn, 8080, TRANSPORT_UDP), "http-alt");
	ck_assert_ptr_null(portnames_name(pn, 8080, TRANSPORT_DCCP));
	ck_assert(portnames_frequency(pn, 8080, TRANSPORT_ANY) > 0.042);
	ck_assert(portnames_frequency(pn, 8080, TRANSPORT_UDP) < 0.001);
	ck_assert(portnames_frequency(pn, 9000, TRANSPORT_TCP) < 0); /* none given */
	ck_assert(portnames_frequency(pn, 1, TRANSPORT_ANY) < 0);
	const struct portname *e;
	ck_assert_uint_eq(portnames_at(pn, 9002, &e), 2);
	ck_assert_str_eq(portnames_str(pn, &e[0]), "plan");
	ck_assert_uint_eq(e[0].line, 5);
	ck_assert_uint_eq(portnames_at(pn, 65535, &e), 0);
	portnames_free(pn);
}
END_TEST

START_TEST(absent_and_malformed)
{
	struct ps_error err = PS_ERROR_INIT;
	struct portnames *pn = portnames_load("/nonexistent/portscope/labels", &err);
	ck_assert_ptr_nonnull(pn);
	ck_assert(!pn->present);
	ck_assert(!portnames_has(pn, 80, TRANSPORT_ANY));
	portnames_free(pn);
	/* a malformed line is skipped and counted; the rest is kept */
	const char *bad = "ok 1/tcp\nbad 70000/tcp\nalso 3/udp\n";
	pn = portnames_load_mem(bad, strlen(bad), "labels", &err);
	ck_assert_ptr_nonnull(pn);
	ck_assert(portnames_has(pn, 1, TRANSPORT_TCP));
	ck_assert(portnames_has(pn, 3, TRANSPORT_UDP));
	ck_assert_uint_eq(pn->skipped.n, 1);
	ck_assert_uint_eq(pn->skipped.line, 2);
	ck_assert_str_eq(pn->skipped.why, "bad port '70000': port out of range 0-65535");
	portnames_free(pn);
	/* a NUL byte is no text file: the source fails */
	static const char nul[] = "ok 1/tcp\nb\0 2/tcp\n";
	ck_assert_ptr_null(portnames_load_mem(nul, sizeof(nul) - 1, "labels", &err));
	ck_assert_str_eq(err.file, "labels");
	ck_assert_uint_eq(err.line, 2);
	error_clear(&err);
}
END_TEST

static Suite *portnames_suite(void)
{
	Suite *s = suite_create("portnames");
	TCase *tc = tcase_create("index");
	tcase_add_test(tc, index_per_port);
	tcase_add_test(tc, absent_and_malformed);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(portnames_suite)
