/* SPDX-License-Identifier: MIT */
/* test_strbuf.c: the growing string every output is built in: numbers
 * written in place at every digit count and at the 32-bit edge, bytes
 * and text appended, and a buffer that failed staying failed. */
#include <config.h>

#include <stdio.h>

#include "strbuf.h"
#include "testutil.h"

START_TEST(numbers_in_place)
{
	static const unsigned long v[] = {0,
					  9,
					  10,
					  99,
					  100,
					  999,
					  1000,
					  9999,
					  10000,
					  65535,
					  99999,
					  100000,
					  999999,
					  1000000,
					  4294967295ul,
					  4294967296ul,
					  (unsigned long)-1};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		char want[48];
		strbuf_adds(&sb, "x");
		strbuf_add_uint(&sb, v[i]);
		strbuf_addc(&sb, '\n');
		snprintf(want, sizeof(want), "x%lu\n", v[i]);
		ck_assert_str_eq(strbuf_str(&sb), want);
		ck_assert_uint_eq(sb.len, strlen(want));
		strbuf_free(&sb);
	}
	/* many in a row, across the buffer's growth */
	struct strbuf sb = STRBUF_INIT;
	for (unsigned p = 0; p <= 65535; p++) {
		strbuf_add_uint(&sb, p);
		strbuf_addc(&sb, ',');
	}
	ck_assert_uint_eq(sb.len, 10 + 90 * 2 + 900 * 3 + 9000 * 4 + 55536 * 5 + 65536);
	ck_assert(strncmp(strbuf_str(&sb), "0,1,2,", 6) == 0);
	ck_assert_str_eq(strbuf_str(&sb) + sb.len - 12, "65534,65535,");
	strbuf_free(&sb);
}
END_TEST

START_TEST(failed_stays_failed)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "ok");
	sb.failed = true; /* as after an allocation failure */
	strbuf_addc(&sb, '!');
	strbuf_add_uint(&sb, 42);
	ck_assert_uint_eq(sb.len, 2);
	ck_assert_str_eq(sb.data, "ok");
	strbuf_free(&sb);
}
END_TEST

static Suite *strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("append");
	tcase_add_test(tc, numbers_in_place);
	tcase_add_test(tc, failed_stays_failed);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(strbuf_suite)
