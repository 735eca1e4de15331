/* SPDX-License-Identifier: MIT */
/* test_utf8.c: display widths and column fitting, which lay out text of
 * any translation (counted in columns, never in bytes). */
#include <config.h>

#include <locale.h>

#include "testutil.h"
#include "utf8.h"

/* Fit s to width columns and return the result (static buffer). */
static const char *pad(const char *s, int width, int right)
{
	static char buf[64];
	struct strbuf sb = STRBUF_INIT;
	utf8_pad(&sb, s, width, right);
	snprintf(buf, sizeof(buf), "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return buf;
}

START_TEST(width_counts_columns)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	ck_assert_int_eq(utf8_width(""), 0);
	ck_assert_int_eq(utf8_width("Einträge:"), 9);		     /* 10 bytes */
	ck_assert_int_eq(utf8_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4); /* two wide CJK */
	ck_assert_int_eq(utf8_width("a\xFF"
				    "b"),
			 3); /* a bad byte counts 1 */
}
END_TEST

START_TEST(pad_and_cut)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	ck_assert_str_eq(pad("Grüße", 7, 0), "Grüße  ");
	ck_assert_str_eq(pad("Grüße", 7, 1), "  Grüße");
	ck_assert_str_eq(pad("Grüße", 3, 0), "Grü");
	/* a wide character that does not fit is left out, then padded */
	ck_assert_str_eq(pad("a\xE6\x97\xA5", 2, 0), "a ");
	int used;
	ck_assert_uint_eq(utf8_prefix_fit("Größe", 3, &used), 4);
	ck_assert_int_eq(used, 3);
}
END_TEST

START_TEST(rows_widen_to_headings)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	const char *const head[3] = {"Bereich", "vergeben", "reserviert"};
	const char *const row[3] = {"System", "5.461", "10"};
	int width[3] = {8, 8, 9};
	utf8_widen(width, head, 3);
	ck_assert_int_eq(width[0], 8);
	ck_assert_int_eq(width[1], 8);
	ck_assert_int_eq(width[2], 10);
	struct strbuf sb = STRBUF_INIT;
	utf8_row(&sb, row, width, 3, 1);
	ck_assert_str_eq(strbuf_str(&sb), "System      5.461         10");
	strbuf_free(&sb);
}
END_TEST

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("columns");
	tcase_add_test(tc, width_counts_columns);
	tcase_add_test(tc, pad_and_cut);
	tcase_add_test(tc, rows_widen_to_headings);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(utf8_suite)
