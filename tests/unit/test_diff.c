/* SPDX-License-Identifier: MIT */
/* test_diff.c: comparing snapshots. Counts on the real snapshots were
 * checked against an independent Python csv reading (same key, same
 * file-order pairing of duplicate keys). */
#include <config.h>

#include "diff.h"
#include "testutil.h"

#define HEADER                                                                                     \
	"Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"                \
	"Registration Date,Modification Date,Reference,Service Code,"                              \
	"Unauthorized Use Reported,Assignment Notes\n"

START_TEST(real_snapshots)
{
	struct registry *old = load_or_fail(IANA_OLD), *new = load_or_fail(IANA_CURRENT);
	struct ps_error err = PS_ERROR_INIT;
	struct diff d;
	ck_assert_int_eq(diff_compute(&d, old, new, &err), 0);
	ck_assert_uint_eq(d.count[DIFF_ADDED], 43);
	ck_assert_uint_eq(d.count[DIFF_REMOVED], 16);
	ck_assert_uint_eq(d.count[DIFF_CHANGED], 208);
	ck_assert_uint_eq(d.whitespace_only, 186);
	ck_assert_uint_eq(d.n, 43 + 16 + 208);
	size_t per_field[FIELD_COUNT] = {0};
	for (size_t i = 0; i < d.n; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			per_field[f] += (d.entry[i].fields >> f) & 1;
	ck_assert_uint_eq(per_field[FIELD_DESCRIPTION], 186);
	ck_assert_uint_eq(per_field[FIELD_MODIFIED], 19);
	ck_assert_uint_eq(per_field[FIELD_ASSIGNEE], 16);
	ck_assert_uint_eq(per_field[FIELD_CONTACT], 12);
	ck_assert_uint_eq(per_field[FIELD_REFERENCE], 12);
	ck_assert_uint_eq(per_field[FIELD_NOTES], 7);
	ck_assert_uint_eq(per_field[FIELD_SERVICE] + per_field[FIELD_PORT], 0);
	/* the bitmap: compressnet de-assigned from 2 and 3; 45055-45513 split */
	ck_assert_uint_eq(d.ports_changed, 692);
	ck_assert_uint_eq(d.ports_content, 596);
	ck_assert(diff_port_changed(&d, 2, true));
	ck_assert(diff_port_changed(&d, 45513, true));
	ck_assert(!diff_port_changed(&d, 45514, false));
	ck_assert(!diff_port_changed(&d, 443, false));
	ck_assert(!diff_port_changed(&d, 70000, false));
	/* whoispp on 63: its description only gained a line break */
	ck_assert(diff_port_changed(&d, 63, false));
	ck_assert(!diff_port_changed(&d, 63, true));
	/* entries come in port order */
	const struct registry *reg;
	const struct record *first = diff_entry_record(&d, &d.entry[0], &reg);
	ck_assert_ptr_eq(reg, new);
	ck_assert_str_eq(registry_field(reg, first, FIELD_PORT), "0");
	ck_assert_str_eq(registry_field(reg, first, FIELD_TRANSPORT), "tcp");
	const struct record *last = diff_entry_record(&d, &d.entry[d.n - 1], &reg);
	ck_assert_int_eq(last->port_lo, PORT_NONE);
	diff_free(&d);
	registry_free(old);
	registry_free(new);
}
END_TEST

START_TEST(same_file_no_changes)
{
	struct registry *a = load_or_fail(IANA_OLD), *b = load_or_fail(IANA_OLD);
	struct ps_error err = PS_ERROR_INIT;
	struct diff d;
	ck_assert_int_eq(diff_compute(&d, a, b, &err), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(d.ports_changed, 0);
	diff_free(&d);
	registry_free(a);
	registry_free(b);
}
END_TEST

/* Duplicate keys pair in file order; the surplus is added or removed. */
START_TEST(duplicate_keys_pair_in_order)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *old = load_mem(&iana_csv_loader,
					HEADER "rdp,,,Reliable Data Protocol,,,,,,,,\n"
					       "rdp,,,Windows Remote Desktop Protocol,,,,,,,,\n"
					       "echo,7,tcp,Echo,,,,,,,,\n",
					&err);
	struct registry *new = load_mem(&iana_csv_loader,
					HEADER "ECHO,7,TCP,Echo,,,,,,,,\n"
					       "rdp,,,Reliable Data Protocol,,,,,,,,\n"
					       "rdp,,,Windows Remote Desktop,,,,,,,,\n"
					       "rdp,,,Third,,,,,,,,\n",
					&err);
	ck_assert_ptr_nonnull(old);
	ck_assert_ptr_nonnull(new);
	struct diff d;
	ck_assert_int_eq(diff_compute(&d, old, new, &err), 0);
	/* echo: case differs in the key fields only, a change of those fields */
	ck_assert_uint_eq(d.count[DIFF_CHANGED], 2);
	ck_assert_uint_eq(d.count[DIFF_ADDED], 1);
	ck_assert_uint_eq(d.count[DIFF_REMOVED], 0);
	ck_assert_uint_eq(d.entry[0].kind, DIFF_CHANGED); /* port 7 sorts first */
	ck_assert_uint_eq(d.entry[0].fields, (1u << FIELD_SERVICE) | (1u << FIELD_TRANSPORT));
	ck_assert_uint_eq(d.entry[1].old_idx, 1); /* 2nd old rdp with 2nd new rdp */
	ck_assert_uint_eq(d.entry[1].new_idx, 2);
	ck_assert_uint_eq(d.entry[1].fields, 1u << FIELD_DESCRIPTION);
	ck_assert_uint_eq(d.entry[2].kind, DIFF_ADDED);
	ck_assert_uint_eq(d.entry[2].new_idx, 3);
	ck_assert(diff_port_changed(&d, 7, true));
	ck_assert_uint_eq(d.ports_changed, 1);
	ck_assert_uint_eq(d.ports_content, 1);
	diff_free(&d);
	registry_free(old);
	registry_free(new);
}
END_TEST

START_TEST(spacing)
{
	ck_assert(diff_same_but_spacing("a b", "a\nb"));
	ck_assert(diff_same_but_spacing("a  b ", " a\r\n\tb"));
	ck_assert(diff_same_but_spacing("", " \n"));
	ck_assert(!diff_same_but_spacing("a b", "ab"));
	ck_assert(!diff_same_but_spacing("ab", "a b"));
	ck_assert(!diff_same_but_spacing("a b", "a"));
	ck_assert(!diff_same_but_spacing("a", "b"));
	ck_assert_str_eq(diff_kind_name(DIFF_REMOVED), "removed");
}
END_TEST

static Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, real_snapshots);
	tcase_add_test(tc, same_file_no_changes);
	tcase_add_test(tc, duplicate_keys_pair_in_order);
	tcase_add_test(tc, spacing);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(diff_suite)
