/* SPDX-License-Identifier: MIT */
/* test_history.c: a record's history from its fields, on the real
 * registry (counts checked against an independent Python csv reading with
 * the same phrases as regular expressions). */
#include <config.h>

#include "history.h"
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

/* The one record at port with this transport. */
static const struct record *at(unsigned port, const char *transport)
{
	const uint32_t *idx;
	size_t n = registry_records_at(reg, port, &idx);
	for (size_t i = 0; i < n; i++)
		if (strcmp(registry_field(reg, &reg->rec[idx[i]], FIELD_TRANSPORT), transport) == 0)
			return &reg->rec[idx[i]];
	ck_abort_msg("no record at %u/%s", port, transport);
	return NULL;
}

START_TEST(counts_over_the_registry)
{
	size_t per_flag[HISTORY_FLAGS] = {0}, noted = 0, from_desc = 0, dated = 0;
	for (size_t i = 0; i < reg->nrec; i++) {
		struct history h;
		history_of(reg, &reg->rec[i], &h);
		for (int f = 0; f < HISTORY_FLAGS; f++)
			per_flag[f] += (h.flags >> f) & 1;
		noted += h.note != NULL;
		from_desc += h.note && h.note_field == FIELD_DESCRIPTION;
		dated += h.event_date[0] != '\0';
	}
	ck_assert_uint_eq(per_flag[0], 31);  /* removed */
	ck_assert_uint_eq(per_flag[1], 25);  /* de-registered */
	ck_assert_uint_eq(per_flag[2], 194); /* deprecated / historic */
	ck_assert_uint_eq(per_flag[3], 19);  /* previously */
	ck_assert_uint_eq(per_flag[4], 112); /* unauthorized use */
	ck_assert_uint_eq(noted, 245);
	ck_assert_uint_eq(from_desc, 11);
	ck_assert_uint_eq(dated, 48);
}
END_TEST

START_TEST(known_records)
{
	struct history h;
	history_of(reg, at(2, "tcp"), &h); /* compressnet, de-assigned */
	ck_assert_uint_eq(h.flags, HISTORY_DEREGISTERED | HISTORY_PREVIOUS);
	ck_assert_str_eq(h.event_date, "2025-02-13");
	ck_assert_str_eq(h.modified, "2025-02-13");
	ck_assert_int_eq(h.note_field, FIELD_NOTES);
	ck_assert_ptr_nonnull(strstr(h.note, "previously compressnet"));

	history_of(reg, at(2693, "tcp"), &h); /* "(Removed 2004-2-6)" */
	ck_assert_uint_eq(h.flags, HISTORY_REMOVED);
	ck_assert_str_eq(h.event_date, "2004-02-06");

	history_of(reg, at(18, "tcp"), &h); /* "Message Send Protocol (historic)" */
	ck_assert_uint_eq(h.flags, HISTORY_DEPRECATED);
	ck_assert_int_eq(h.note_field, FIELD_DESCRIPTION);
	ck_assert_str_eq(h.event_date, "");

	history_of(reg, at(4501, ""), &h); /* "De-registered 08 June 2001": no ISO date */
	ck_assert_uint_eq(h.flags, HISTORY_DEREGISTERED);
	ck_assert_str_eq(h.event_date, "");

	history_of(reg, at(1521, "tcp"), &h);
	ck_assert_uint_eq(h.flags, HISTORY_UNAUTHORIZED);
	ck_assert_str_eq(h.unauthorized, "Unauthorized Use Known on port 1521");
	ck_assert_ptr_null(h.note);

	history_of(reg, at(3001, "tcp"), &h); /* re-assigned after a removal */
	ck_assert_uint_eq(h.flags, HISTORY_REMOVED | HISTORY_PREVIOUS);
	ck_assert_str_eq(h.event_date, "2006-05-25");
	ck_assert_str_eq(h.modified, "2013-03-29");

	history_of(reg, at(443, "tcp"), &h);
	ck_assert_uint_eq(h.flags, 0);
	ck_assert_ptr_null(h.note);
}
END_TEST

START_TEST(flag_names)
{
	ck_assert_str_eq(history_flag_name(HISTORY_REMOVED), "removed");
	ck_assert_str_eq(history_flag_name(HISTORY_UNAUTHORIZED), "unauthorized use reported");
	ck_assert_str_eq(history_flag_name((enum history_flag)3), "");
}
END_TEST

static Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, counts_over_the_registry);
	tcase_add_test(tc, known_records);
	tcase_add_test(tc, flag_names);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(history_suite)
