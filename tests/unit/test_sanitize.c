/* SPDX-License-Identifier: MIT */
/* test_sanitize.c: the terminal sanitiser, JSON escaping and UTF-8. */
#include <config.h>

#include "sanitize.h"
#include "testutil.h"
#include "utf8.h"

static const char *san(const char *s, size_t n)
{
	static struct strbuf sb = STRBUF_INIT;
	strbuf_reset(&sb);
	sanitize_append(&sb, s, n);
	return strbuf_str(&sb);
}

#define SAN(lit) san(lit, sizeof(lit) - 1)

START_TEST(controls_become_visible)
{
	ck_assert_str_eq(SAN("plain G\xC3\xB6ttingen"), "plain G\xC3\xB6ttingen");
	ck_assert_str_eq(SAN("a\x1b[31mred"), "a\\e[31mred");
	ck_assert_str_eq(SAN("\x1b]52;c;SGVsbG8=\x07"), "\\e]52;c;SGVsbG8=\\x07");
	ck_assert_str_eq(SAN("cr\rbs\btab\tlf\n"), "cr\\rbs\\btab\\tlf\\n");
	ck_assert_str_eq(SAN("del\x7f"), "del\\x7f");
	ck_assert_str_eq(SAN("csi\xC2\x9B"
			     "2J"),
			 "csi\\u009b2J");
	ck_assert_str_eq(SAN("raw c1 \x9b"), "raw c1 \\x9b");
	ck_assert_str_eq(SAN("bad \xFF\xC3"), "bad \\xff\\xc3");
	ck_assert_str_eq(SAN("nul\0x"), "nul\\x00x");
	ck_assert(sanitize_is_clean("ok \xE2\x82\xAC", 6));
	ck_assert(!sanitize_is_clean("\x1b", 1));
}
END_TEST

START_TEST(overlong_and_surrogates)
{
	ck_assert_str_eq(SAN("\xC0\xAF"), "\\xc0\\xaf");
	ck_assert_str_eq(SAN("\xED\xA0\x80"), "\\xed\\xa0\\x80");
	ck_assert_str_eq(SAN("\xF4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");
	ck_assert_str_eq(SAN("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
}
END_TEST

START_TEST(keep_lines_variant)
{
	struct strbuf sb = STRBUF_INIT;
	sanitize_append_lines(&sb, "a\nb\r\n\x1b", 6);
	ck_assert_str_eq(strbuf_str(&sb), "a\nb\\r\n\\e");
	strbuf_free(&sb);
}
END_TEST

START_TEST(json_escaping)
{
	struct strbuf sb = STRBUF_INIT;
	const char s[] = "q\"b\\n\n\x01\x1b\xC2\x85\xFF";
	sanitize_json(&sb, s, sizeof(s) - 1);
	ck_assert_str_eq(strbuf_str(&sb), "q\\\"b\\\\n\\n\\u0001\\u001b\\u0085\xEF\xBF\xBD");
	strbuf_free(&sb);
}
END_TEST

START_TEST(normalize)
{
	struct strbuf sb = STRBUF_INIT;
	ck_assert_uint_eq(utf8_normalize(&sb,
					 "a\xFF"
					 "b\xE2\x82",
					 5),
			  3);
	ck_assert_str_eq(strbuf_str(&sb), "a\xEF\xBF\xBD"
					  "b\xEF\xBF\xBD\xEF\xBF\xBD");
	char buf[4];
	ck_assert_uint_eq(utf8_encode(0x20AC, buf), 3);
	ck_assert_int_eq(memcmp(buf, "\xE2\x82\xAC", 3), 0);
	strbuf_free(&sb);
}
END_TEST

static Suite *sanitize_suite(void)
{
	Suite *s = suite_create("sanitize");
	TCase *tc = tcase_create("sanitize");
	tcase_add_test(tc, controls_become_visible);
	tcase_add_test(tc, overlong_and_surrogates);
	tcase_add_test(tc, keep_lines_variant);
	tcase_add_test(tc, json_escaping);
	tcase_add_test(tc, normalize);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(sanitize_suite)
