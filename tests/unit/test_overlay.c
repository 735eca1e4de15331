/* SPDX-License-Identifier: MIT */
/* test_overlay.c: the heat map's per-port overlay bitmaps (tui/overlay.c,
 * which has no curses so it is tested here). */
#include <config.h>

#include "../../tui/overlay.h"
#include "testutil.h"

static struct overlay a, b;

START_TEST(bits_and_counts)
{
	overlay_clear(&a);
	overlay_set_port(&a, 0);
	overlay_set_port(&a, 63);
	overlay_set_port(&a, 64);
	overlay_set_range(&a, 29170, 29999);
	overlay_set_port(&a, 65535);
	overlay_set_port(&a, 70000); /* ignored */
	ck_assert(overlay_has(&a, 0));
	ck_assert(overlay_has(&a, 63));
	ck_assert(!overlay_has(&a, 62));
	ck_assert(overlay_has(&a, 65535));
	ck_assert_uint_eq(overlay_count(&a, 0, 65535), 3 + 830 + 1);
	ck_assert_uint_eq(overlay_count(&a, 1, 62), 0);
	ck_assert_uint_eq(overlay_count(&a, 63, 64), 2);
	ck_assert_uint_eq(overlay_count(&a, 29169, 29170), 1);
	ck_assert_uint_eq(overlay_count(&a, 29184, 29439), 256);
	ck_assert_uint_eq(overlay_count(&a, 65535, 65535), 1);
}
END_TEST

START_TEST(priority_and_enable)
{
	struct overlay_set set = {{NULL}, 0};
	overlay_clear(&a);
	overlay_clear(&b);
	overlay_set_range(&a, 100, 199);
	overlay_set_range(&b, 150, 299);
	a.enabled = b.enabled = true;
	ck_assert_int_eq(overlay_add(&set, &a), 0);
	ck_assert_int_eq(overlay_add(&set, &b), 0);
	ck_assert_ptr_eq(overlay_at(&set, 150, 150), &a);
	ck_assert_ptr_eq(overlay_at(&set, 250, 255), &b);
	ck_assert_ptr_null(overlay_at(&set, 0, 99));
	a.enabled = false;
	ck_assert_ptr_eq(overlay_at(&set, 150, 150), &b);
	for (int i = 2; i < OVERLAY_MAX; i++)
		ck_assert_int_eq(overlay_add(&set, &b), 0);
	ck_assert_int_eq(overlay_add(&set, &b), -1);
}
END_TEST

START_TEST(next_and_previous)
{
	unsigned p = 0;
	overlay_clear(&a);
	ck_assert(!overlay_next(&a, 100, false, &p));
	ck_assert(!overlay_next(&a, 100, true, &p));
	overlay_set_port(&a, 5);
	overlay_set_port(&a, 8080);
	overlay_set_port(&a, 65535);
	ck_assert(overlay_next(&a, 5, false, &p) && p == 8080);
	ck_assert(overlay_next(&a, 8080, false, &p) && p == 65535);
	ck_assert(overlay_next(&a, 65535, false, &p) && p == 5); /* around the end */
	ck_assert(overlay_next(&a, 8080, true, &p) && p == 5);
	ck_assert(overlay_next(&a, 5, true, &p) && p == 65535); /* around the start */
	ck_assert(overlay_next(&a, 0, true, &p) && p == 65535);
	overlay_clear(&a);
	overlay_set_port(&a, 64);
	ck_assert(overlay_next(&a, 64, false, &p) && p == 64); /* the only one */
	ck_assert(overlay_next(&a, 64, true, &p) && p == 64);
	ck_assert(overlay_next(&a, 63, false, &p) && p == 64);
	ck_assert(overlay_next(&a, 65, true, &p) && p == 64);
}
END_TEST

static Suite *overlay_suite(void)
{
	Suite *s = suite_create("overlay");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, bits_and_counts);
	tcase_add_test(tc, priority_and_enable);
	tcase_add_test(tc, next_and_previous);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(overlay_suite)
