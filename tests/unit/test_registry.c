/* SPDX-License-Identifier: MIT */
/* test_registry.c: the model and per-port index on the real registry. */
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

START_TEST(record_count_and_date)
{
	ck_assert_uint_eq(reg->nrec, 14474);
	ck_assert_str_eq(reg->date, "2025-03-28");
	ck_assert(!reg->degraded);
	ck_assert_uint_eq(reg->utf8_fixed, 0);
}
END_TEST

START_TEST(range_state_counts)
{
	/* data/README: System 696 / 8 / 320 */
	unsigned c[STATE_COUNT];
	ports_count(reg, TRANSPORT_ANY, 0, 1023, c);
	ck_assert_uint_eq(c[STATE_ASSIGNED], 696);
	ck_assert_uint_eq(c[STATE_RESERVED], 8);
	ck_assert_uint_eq(c[STATE_UNASSIGNED], 320);
	ports_count(reg, TRANSPORT_ANY, 1024, 49151, c);
	ck_assert_uint_eq(c[STATE_ASSIGNED], 5461);
	ck_assert_uint_eq(c[STATE_RESERVED], 10);
	ck_assert_uint_eq(c[STATE_UNASSIGNED], 42657);
	ports_count(reg, TRANSPORT_ANY, 49152, 65535, c);
	ck_assert_uint_eq(c[STATE_UNASSIGNED], 16384);
}
END_TEST

START_TEST(transport_assigned_counts)
{
	static const unsigned want[TRANSPORT_REAL] = {5959, 5568, 88, 9};
	for (int t = 0; t < TRANSPORT_REAL; t++) {
		unsigned c[STATE_COUNT];
		ports_count(reg, (enum transport)t, 0, PORT_MAX, c);
		ck_assert_uint_eq(c[STATE_ASSIGNED], want[t]);
	}
}
END_TEST

START_TEST(port_443_records)
{
	const uint32_t *idx;
	size_t n = registry_records_at(reg, 443, &idx);
	ck_assert_uint_eq(n, 3);
	const char *want_tr[] = {"tcp", "udp", "sctp"};
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		ck_assert_str_eq(registry_field(reg, r, FIELD_SERVICE), "https");
		ck_assert_str_eq(registry_field(reg, r, FIELD_TRANSPORT), want_tr[i]);
	}
	ck_assert_int_eq(registry_state(reg, 443, TRANSPORT_DCCP), STATE_UNASSIGNED);
	ck_assert_int_eq(registry_state(reg, 443, TRANSPORT_SCTP), STATE_ASSIGNED);
}
END_TEST

START_TEST(range_row_covers_6010)
{
	/* x11 is registered as the range 6000-6063 */
	const uint32_t *idx;
	size_t n = registry_records_at(reg, 6010, &idx);
	ck_assert_uint_eq(n, 2);
	const struct record *r = &reg->rec[idx[0]];
	ck_assert_str_eq(registry_field(reg, r, FIELD_SERVICE), "x11");
	ck_assert_str_eq(registry_field(reg, r, FIELD_PORT), "6000-6063");
	ck_assert_int_eq(r->port_lo, 6000);
	ck_assert_int_eq(r->port_hi, 6063);
	ck_assert_int_eq(registry_state(reg, 6010, TRANSPORT_TCP), STATE_ASSIGNED);
}
END_TEST

START_TEST(service_name_only_record)
{
	/* "https" also has a record with no port (a service-name-only entry) */
	const uint32_t *idx;
	size_t n = registry_find_service(reg, "HTTPS", &idx);
	ck_assert_uint_eq(n, 4);
	const struct record *last = &reg->rec[idx[3]];
	ck_assert_int_eq(last->port_lo, PORT_NONE);
	ck_assert_str_eq(registry_field(reg, last, FIELD_DESCRIPTION), "HTTP over SSL/TLS");
	ck_assert_uint_eq(registry_find_service(reg, "no-such-service-xyz", &idx), 0);
}
END_TEST

START_TEST(names_by_prefix)
{
	/* 23 records under 8 names start with "http" (any case): one run of
	 * the name index, sorted, a name's records together */
	const uint32_t *idx;
	size_t n = registry_find_prefix(reg, "HtTp", &idx);
	ck_assert_uint_eq(n, 23);
	ck_assert_str_eq(registry_field(reg, &reg->rec[idx[0]], FIELD_SERVICE), "http");
	ck_assert_str_eq(registry_field(reg, &reg->rec[idx[n - 1]], FIELD_SERVICE), "httpx");
	for (size_t i = 1; i < n; i++)
		ck_assert_int_le(
			registry_name_cmp(registry_field(reg, &reg->rec[idx[i - 1]], FIELD_SERVICE),
					  registry_field(reg, &reg->rec[idx[i]], FIELD_SERVICE)),
			0);
	ck_assert_uint_eq(registry_find_prefix(reg, "sshe", &idx), 2); /* sshell tcp, udp */
	ck_assert_uint_eq(registry_find_prefix(reg, "no-such-prefix", &idx), 0);
	const uint32_t *all;
	size_t every;
	ck_assert_int_eq(registry_named_records(reg, &all, &every), 0);
	ck_assert_uint_eq(registry_find_prefix(reg, "", &idx), every);
}
END_TEST

START_TEST(empty_transport_rows_do_not_mark)
{
	/* 29170-29998 is an Unassigned row with an empty transport */
	ck_assert_int_eq(registry_state(reg, 29170, TRANSPORT_ANY), STATE_UNASSIGNED);
	ck_assert_int_eq(registry_state(reg, 29169, TRANSPORT_ANY), STATE_ASSIGNED);
	const uint32_t *idx;
	ck_assert_uint_ge(registry_records_at(reg, 29500, &idx), 1);
	ck_assert_int_eq(reg->rec[idx[0]].transport, TRANSPORT_NONE);
}
END_TEST

START_TEST(utf8_names_kept)
{
	size_t hits = 0;
	for (size_t i = 0; i < reg->nrec; i++)
		for (int f = 0; f < FIELD_COUNT; f++)
			if (strstr(registry_field(reg, &reg->rec[i], (enum field)f),
				   "G\xC3\xB6ttingen"))
				hits++;
	ck_assert_uint_ge(hits, 1);
}
END_TEST

START_TEST(old_crlf_snapshot)
{
	struct registry *old = load_or_fail(IANA_OLD);
	ck_assert_uint_eq(old->nrec, 14447);
	ck_assert_str_eq(old->date, "2024-04-30");
	unsigned c[STATE_COUNT];
	ports_count(old, TRANSPORT_ANY, 0, 1023, c);
	ck_assert_uint_eq(c[STATE_ASSIGNED], 698);
	ck_assert_uint_eq(c[STATE_RESERVED], 6);
	/* no field keeps a stray CR from the CRLF line ends */
	for (size_t i = 0; i < old->nrec; i++)
		ck_assert_ptr_null(strchr(registry_field(old, &old->rec[i], FIELD_NOTES), '\r'));
	registry_free(old);
}
END_TEST

START_TEST(port_field_parsing)
{
	int32_t lo, hi;
	const char *why;
	ck_assert_int_eq(port_parse_field("", 0, &lo, &hi, &why), 0);
	ck_assert_int_eq(lo, PORT_NONE);
	ck_assert_int_eq(port_parse_field("65535", 5, &lo, &hi, &why), 0);
	ck_assert_int_eq(hi, 65535);
	ck_assert_int_eq(port_parse_field("6000-6063", 9, &lo, &hi, &why), 0);
	ck_assert_int_eq(lo, 6000);
	ck_assert_int_eq(port_parse_field("70000", 5, &lo, &hi, &why), -1);
	ck_assert_str_eq(why, "port out of range 0-65535");
	ck_assert_int_eq(port_parse_field("10-5", 4, &lo, &hi, &why), -1);
	ck_assert_str_eq(why, "port range ends before it starts");
	ck_assert_int_eq(port_parse_field("abc", 3, &lo, &hi, &why), -1);
	ck_assert_int_eq(port_parse_field("1-2-3", 5, &lo, &hi, &why), -1);
	ck_assert_int_eq(port_parse_field("5-", 2, &lo, &hi, &why), -1);
	ck_assert_int_eq(port_parse_field(" 5", 2, &lo, &hi, &why), -1);
}
END_TEST

START_TEST(row_state_from_description)
{
	ck_assert_int_eq(state_of_description("Unassigned"), STATE_UNASSIGNED);
	ck_assert_int_eq(state_of_description("Reserved"), STATE_RESERVED);
	ck_assert_int_eq(state_of_description("reserved"), STATE_ASSIGNED);
	ck_assert_int_eq(state_of_description(""), STATE_ASSIGNED);
	ck_assert_int_eq(transport_from_name("tcp", 3), TRANSPORT_TCP);
	ck_assert_int_eq(transport_from_name("", 0), TRANSPORT_NONE);
	ck_assert_int_eq(transport_from_name("xyz", 3), TRANSPORT_OTHER);
	/* ASCII case folded, nothing else: "4cp" and "\xd4cp" are not "tcp"
	 * though '4' | 0x20 and 0xd4 | 0x20 differ from 't' by one bit */
	ck_assert_int_eq(transport_from_name("TCP", 3), TRANSPORT_TCP);
	ck_assert_int_eq(transport_from_name("dCcP", 4), TRANSPORT_DCCP);
	ck_assert_int_eq(transport_from_name("Sctp", 4), TRANSPORT_SCTP);
	ck_assert_int_eq(transport_from_name("udp ", 4), TRANSPORT_OTHER);
	ck_assert_int_eq(transport_from_name("4cp", 3), TRANSPORT_OTHER);
	ck_assert_int_eq(transport_from_name("\xd4"
					     "cp",
					     3),
			 TRANSPORT_OTHER);
	ck_assert_int_eq(transport_from_name("tcpx", 3), TRANSPORT_TCP); /* n bytes only */
	ck_assert_int_eq(state_of_description("Unassigned ports"), STATE_UNASSIGNED);
	ck_assert_int_eq(state_of_description("Unassign"), STATE_ASSIGNED);
	ck_assert_int_eq(state_of_description("R"), STATE_ASSIGNED);
}
END_TEST

START_TEST(strongest_state_wins)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *r =
		load_mem(&iana_csv_loader,
			 "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
			 "Registration Date,Modification Date,Reference,Service Code,"
			 "Unauthorized Use Reported,Assignment Notes\n"
			 ",100-110,tcp,Unassigned,,,,,,,,\n"
			 ",105,tcp,Reserved,,,,,,,,\n"
			 "foo,107,tcp,Foo,,,,,,,,\n"
			 ",108,udp,Reserved,,,,,,,,\n"
			 "bar,109,xyz,Bar,,,,,,,,\n",
			 &err);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(registry_state(r, 104, TRANSPORT_TCP), STATE_UNASSIGNED);
	ck_assert_int_eq(registry_state(r, 105, TRANSPORT_TCP), STATE_RESERVED);
	ck_assert_int_eq(registry_state(r, 107, TRANSPORT_TCP), STATE_ASSIGNED);
	ck_assert_int_eq(registry_state(r, 108, TRANSPORT_TCP), STATE_UNASSIGNED);
	ck_assert_int_eq(registry_state(r, 108, TRANSPORT_ANY), STATE_RESERVED);
	ck_assert_int_eq(registry_state(r, 109, TRANSPORT_ANY), STATE_UNASSIGNED);
	const uint32_t *idx;
	ck_assert_uint_eq(registry_records_at(r, 109, &idx), 2);
	registry_free(r);
}
END_TEST

START_TEST(cover_capped)
{
	/* 256 records of 0-65535 fill the index to COVER_MAX; the 257th is
	 * refused where it stands instead of asking for gigabytes */
	struct registry *r = registry_new();
	struct ps_error err = PS_ERROR_INIT;
	struct record_fields f;
	for (int i = 0; i < FIELD_COUNT; i++)
		f.s[i] = "", f.n[i] = 0;
	f.s[FIELD_PORT] = "0-65535", f.n[FIELD_PORT] = 7;
	f.port_lo = 0, f.port_hi = 65535;
	f.s[FIELD_TRANSPORT] = "tcp", f.n[FIELD_TRANSPORT] = 3;
	for (unsigned long line = 2; line <= 257; line++)
		ck_assert_int_eq(registry_add(r, &f, "wide.csv", line, &err), 0);
	ck_assert_uint_eq(r->ncover, COVER_MAX);
	f.s[FIELD_PORT] = "7", f.n[FIELD_PORT] = 1;
	f.port_lo = f.port_hi = 7;
	ck_assert_int_eq(registry_add(r, &f, "wide.csv", 258, &err), -1);
	ck_assert_uint_eq(err.line, 258);
	ck_assert_str_eq(err.msg, "the port ranges so far cover over 16777216 record-port pairs: "
				  "too many to index (wide ranges repeated?)");
	f.s[FIELD_PORT] = "", f.n[FIELD_PORT] = 0; /* records without a port still fit */
	f.port_lo = f.port_hi = PORT_NONE;
	ck_assert_int_eq(registry_add(r, &f, "wide.csv", 259, &err), 0);
	ck_assert_uint_eq(r->nrec, 257);
	error_clear(&err);
	registry_free(r);
}
END_TEST

START_TEST(reserve_is_a_guess)
{
	/* sized for 3 records and 193 bytes of text, then given 100 records
	 * of 200 bytes each: both grow, and every field reads back */
	struct registry *r = registry_new();
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(registry_reserve(r, 3 * 64), 0);
	ck_assert_uint_eq(r->rec_cap, 3);
	char desc[201];
	memset(desc, 'd', 200);
	desc[200] = '\0';
	struct record_fields f;
	for (int i = 0; i < FIELD_COUNT; i++)
		f.s[i] = "", f.n[i] = 0;
	f.s[FIELD_DESCRIPTION] = desc, f.n[FIELD_DESCRIPTION] = 200;
	f.port_lo = f.port_hi = PORT_NONE;
	for (unsigned long line = 2; line <= 101; line++)
		ck_assert_int_eq(registry_add(r, &f, "big.csv", line, &err), 0);
	ck_assert_uint_eq(r->nrec, 100);
	for (size_t i = 0; i < r->nrec; i++)
		ck_assert_str_eq(registry_field(r, &r->rec[i], FIELD_DESCRIPTION), desc);
	registry_free(r);
}
END_TEST

static Suite *registry_suite(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("real");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, record_count_and_date);
	tcase_add_test(tc, range_state_counts);
	tcase_add_test(tc, transport_assigned_counts);
	tcase_add_test(tc, port_443_records);
	tcase_add_test(tc, range_row_covers_6010);
	tcase_add_test(tc, service_name_only_record);
	tcase_add_test(tc, names_by_prefix);
	tcase_add_test(tc, empty_transport_rows_do_not_mark);
	tcase_add_test(tc, utf8_names_kept);
	suite_add_tcase(s, tc);
	TCase *tc2 = tcase_create("model");
	tcase_add_test(tc2, old_crlf_snapshot);
	tcase_add_test(tc2, port_field_parsing);
	tcase_add_test(tc2, row_state_from_description);
	tcase_add_test(tc2, strongest_state_wins);
	tcase_add_test(tc2, cover_capped);
	tcase_add_test(tc2, reserve_is_a_guess);
	suite_add_tcase(s, tc2);
	return s;
}

TEST_MAIN(registry_suite)
