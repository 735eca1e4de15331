/* SPDX-License-Identifier: MIT */
/* test_ports.c: RANGE parsing, free ports and gaps on the real registry
 * (expected values checked against an independent Python csv reading). */
#include <config.h>

#include "ports.h"
#include "testutil.h"

static struct registry *reg;

static void setup(void)
{
	reg = load_or_fail(IANA_CURRENT);
}

static void teardown(void)
{
	registry_free(reg);
}

START_TEST(parse_ranges)
{
	unsigned lo, hi;
	ck_assert_int_eq(ports_parse_range("user", &lo, &hi), 0);
	ck_assert_uint_eq(lo, 1024);
	ck_assert_uint_eq(hi, 49151);
	ck_assert_int_eq(ports_parse_range("DYNAMIC", &lo, &hi), 0);
	ck_assert_uint_eq(lo, 49152);
	ck_assert_int_eq(ports_parse_range("80", &lo, &hi), 0);
	ck_assert_uint_eq(hi, 80);
	ck_assert_int_eq(ports_parse_range("0-65535", &lo, &hi), 0);
	ck_assert_uint_eq(hi, 65535);
	ck_assert_int_eq(ports_parse_range("10-5", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("70000", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("1-70000", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("-5", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("5-", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("abc", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("", &lo, &hi), -1);
	ck_assert_int_eq(ports_parse_range("000080", &lo, &hi), -1);
}
END_TEST

struct collected {
	struct gap g[16];
	size_t n;
};

static int collect(void *ctx, const struct gap *g)
{
	struct collected *c = ctx;
	if (c->n < 16)
		c->g[c->n++] = *g;
	return 0;
}

START_TEST(gaps_29000_30100)
{
	struct collected c = {.n = 0};
	ck_assert_uint_eq(ports_gaps(reg, TRANSPORT_ANY, 29000, 30100, 1, collect, &c), 4);
	static const unsigned want[4][2] = {
		{29001, 29117}, {29119, 29166}, {29170, 29998}, {30005, 30099}};
	for (int i = 0; i < 4; i++) {
		ck_assert_uint_eq(c.g[i].lo, want[i][0]);
		ck_assert_uint_eq(c.g[i].hi, want[i][1]);
	}
	c.n = 0;
	ck_assert_uint_eq(ports_gaps(reg, TRANSPORT_ANY, 29000, 30100, 100, collect, &c), 2);
	ck_assert_uint_eq(c.g[1].lo, 29170);
}
END_TEST

START_TEST(sctp_gaps_and_clipping)
{
	struct collected c = {.n = 0};
	ports_gaps(reg, TRANSPORT_SCTP, 0, 100, 1, collect, &c);
	ck_assert_uint_eq(c.n, 4);
	ck_assert_uint_eq(c.g[0].lo, 0);
	ck_assert_uint_eq(c.g[0].hi, 8);
	ck_assert_uint_eq(c.g[3].lo, 81);
	ck_assert_uint_eq(c.g[3].hi, 100); /* clipped to the range asked */
	c.n = 0;
	ports_gaps(reg, TRANSPORT_ANY, 65000, 65535, 1, collect, &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(c.g[0].hi, 65535);
}
END_TEST

START_TEST(next_and_previous_gap)
{
	struct gap g;
	ck_assert(ports_next_gap(reg, TRANSPORT_ANY, 29169, false, &g));
	ck_assert_uint_eq(g.lo, 29170);
	ck_assert_uint_eq(g.hi, 29998);
	ck_assert(ports_next_gap(reg, TRANSPORT_ANY, 8080, false, &g));
	ck_assert_uint_eq(g.lo, 8085);
	ck_assert(ports_next_gap(reg, TRANSPORT_ANY, 29170, true, &g));
	ck_assert_uint_eq(g.lo, 29119);
	ck_assert(ports_gap_at(reg, TRANSPORT_ANY, 29500, &g));
	ck_assert_uint_eq(g.lo, 29170);
	ck_assert(!ports_gap_at(reg, TRANSPORT_ANY, 443, &g));
	ck_assert(!ports_next_gap(reg, TRANSPORT_ANY, 65535, false, &g));
	ck_assert(ports_largest_gap(reg, TRANSPORT_ANY, 0, 65535, &g));
	ck_assert_uint_eq(g.lo, 49151);
	ck_assert_uint_eq(g.hi, 65535);
	ck_assert(ports_largest_gap(reg, TRANSPORT_ANY, 1024, 49150, &g));
	ck_assert_uint_eq(g.lo, 29170);
}
END_TEST

START_TEST(free_ports)
{
	static const unsigned want[] = {2194, 2195, 2196, 2682, 2693, 2825, 2925};
	size_t n = 0;
	for (unsigned p = 2000; p <= 3000; p++)
		if (registry_is_free(reg, p, TRANSPORT_ANY)) {
			ck_assert_uint_lt(n, 7);
			ck_assert_uint_eq(p, want[n++]);
		}
	ck_assert_uint_eq(n, 7);
	ck_assert(registry_is_free(reg, 4, TRANSPORT_TCP));
	ck_assert(!registry_is_free(reg, 22, TRANSPORT_TCP));
}
END_TEST

/* ports_count counts a word of ports at a time: ranges with ragged ends
 * (values from an independent Python csv reading), and every count
 * against a port-by-port tally. */
START_TEST(counts)
{
	static const struct {
		enum transport t;
		unsigned lo, hi, want[STATE_COUNT]; /* unassigned, reserved, assigned */
	} cases[] = {
		{TRANSPORT_ANY, 1, 1030, {322, 8, 700}},
		{TRANSPORT_TCP, 49151, 49151, {1, 0, 0}},
		{TRANSPORT_SCTP, 0, 65535, {65447, 1, 88}},
		{TRANSPORT_UDP, 3, 65534, {59381, 584, 5567}},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned c[STATE_COUNT];
		ports_count(reg, cases[i].t, cases[i].lo, cases[i].hi, c);
		for (int s = 0; s < STATE_COUNT; s++)
			ck_assert_uint_eq(c[s], cases[i].want[s]);
	}
	for (unsigned lo = 0; lo < 20; lo++)
		for (unsigned hi = lo; hi < 40; hi++) {
			unsigned c[STATE_COUNT], slow[STATE_COUNT] = {0};
			ports_count(reg, TRANSPORT_ANY, lo + 1000, hi + 1000, c);
			for (unsigned p = lo + 1000; p <= hi + 1000; p++)
				slow[registry_state(reg, p, TRANSPORT_ANY)]++;
			for (int s = 0; s < STATE_COUNT; s++)
				ck_assert_uint_eq(c[s], slow[s]);
		}
}
END_TEST

static Suite *ports_suite(void)
{
	Suite *s = suite_create("ports");
	TCase *tc = tcase_create("ports");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, parse_ranges);
	tcase_add_test(tc, gaps_29000_30100);
	tcase_add_test(tc, sctp_gaps_and_clipping);
	tcase_add_test(tc, next_and_previous_gap);
	tcase_add_test(tc, free_ports);
	tcase_add_test(tc, counts);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(ports_suite)
