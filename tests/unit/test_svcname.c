/* SPDX-License-Identifier: MIT */
/* test_svcname.c: RFC 6335 section 5.1 name rules, and similar names in
 * the real registry. */
#include <config.h>

#include "svcname.h"
#include "testutil.h"

#define BIT(r) (1u << (r))

START_TEST(rules)
{
	size_t at = 99;
	ck_assert_uint_eq(svcname_check("http", NULL), 0);
	ck_assert_uint_eq(svcname_check("portscope-demo", NULL), 0);
	ck_assert_uint_eq(svcname_check("a", NULL), 0);
	ck_assert_uint_eq(svcname_check("x11-ssh-offset", NULL), 0);
	ck_assert_uint_eq(svcname_check("abcdefghijklmno", NULL), 0); /* 15 */
	ck_assert_uint_eq(svcname_check("abcdefghijklmnop", NULL), BIT(SVCNAME_TOO_LONG));
	ck_assert_uint_eq(svcname_check("my_service", &at), BIT(SVCNAME_BAD_CHAR));
	ck_assert_uint_eq(at, 2);
	ck_assert_uint_eq(svcname_check("-x", NULL), BIT(SVCNAME_HYPHEN_EDGE));
	ck_assert_uint_eq(svcname_check("x-", NULL), BIT(SVCNAME_HYPHEN_EDGE));
	ck_assert_uint_eq(svcname_check("a--b", NULL), BIT(SVCNAME_HYPHEN_DOUBLE));
	ck_assert_uint_eq(svcname_check("1234", NULL), BIT(SVCNAME_NO_LETTER));
	ck_assert_uint_eq(svcname_check("", NULL), BIT(SVCNAME_EMPTY));
	ck_assert_uint_eq(svcname_check("--", NULL), BIT(SVCNAME_NO_LETTER) |
							     BIT(SVCNAME_HYPHEN_EDGE) |
							     BIT(SVCNAME_HYPHEN_DOUBLE));
	ck_assert_uint_eq(svcname_check("caf\xc3\xa9", &at), BIT(SVCNAME_BAD_CHAR));
	ck_assert_uint_eq(at, 3);
	for (int r = 0; r < SVCNAME_RULES; r++)
		ck_assert_ptr_nonnull(svcname_rule_text((enum svcname_rule)r));
}
END_TEST

START_TEST(similar_in_registry)
{
	struct registry *reg = load_or_fail(IANA_CURRENT);
	const char *out[32];
	long n = svcname_similar(reg, "htttp", out, 32);
	ck_assert_int_gt(n, 0);
	int found = 0;
	for (long i = 0; i < n; i++) {
		found |= strcmp(out[i], "http") == 0;
		ck_assert_int_ne(strcasecmp(out[i], "htttp"), 0);
	}
	ck_assert_msg(found, "http is similar to htttp");
	/* the same letters ignoring hyphens come first */
	n = svcname_similar(reg, "httpalt", out, 32);
	ck_assert_int_gt(n, 0);
	ck_assert_str_eq(out[0], "http-alt");
	/* the name itself is not "similar"; case does not matter */
	n = svcname_similar(reg, "HTTP", out, 32);
	for (long i = 0; i < n; i++)
		ck_assert_int_ne(strcasecmp(out[i], "http"), 0);
	/* nothing registered is near a long random name */
	ck_assert_int_eq(svcname_similar(reg, "qqqqzzzzxxxxvvv", out, 32), 0);
	registry_free(reg);
}
END_TEST

static Suite *svcname_suite(void)
{
	Suite *s = suite_create("svcname");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rules);
	tcase_add_test(tc, similar_in_registry);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(svcname_suite)
