/* SPDX-License-Identifier: MIT */
/* test_search.c: the regex engine on the real registry and on small
 * hand-made registries. Counts were checked with an independent Python
 * `re` + `csv` reading of the same snapshot. */
#include <config.h>

#include "search.h"
#include "testutil.h"

#define HEADER                                                                                     \
	"Service Name,Port Number,Transport Protocol,Description,Assignee,"                        \
	"Contact,Registration Date,Modification Date,Reference,Service Code,"                      \
	"Unauthorized Use Reported,Assignment Notes\n"

static struct registry *reg;

static void setup(void)
{
	reg = load_or_fail(IANA_CURRENT);
}

static void teardown(void)
{
	registry_free(reg);
}

/* Run pattern to the end with the given fields, case and transport. */
static struct search *run_opts(const struct registry *r, const char *pattern, unsigned fields,
			       enum search_case cm, enum transport proto, bool no_jit)
{
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	opt.fields = fields;
	opt.case_mode = cm;
	opt.proto = proto;
	opt.no_jit = no_jit;
	struct search *s = search_new(r, pattern, strlen(pattern), &opt, &err);
	ck_assert_msg(s != NULL, "%s at %zu", err.message ? err.message : "", err.offset);
	search_run(s);
	return s;
}

/* Expect records / ports / limit hits, with JIT and with the interpreter. */
static void expect(const char *pattern, unsigned fields, enum search_case cm, enum transport proto,
		   size_t nrec, size_t nports)
{
	for (int no_jit = 0; no_jit < 2; no_jit++) {
		struct search *s = run_opts(reg, pattern, fields, cm, proto, no_jit);
		const uint32_t *idx;
		ck_assert_msg(search_records(s, &idx) == nrec, "%s: %zu records, want %zu", pattern,
			      search_records(s, &idx), nrec);
		ck_assert_uint_eq(search_port_count(s), nports);
		ck_assert_uint_eq(search_limit_hits(s), 0);
		ck_assert_ptr_null(search_limit_message(s));
		search_free(s);
	}
}

#define F(x) (1u << SEARCH_##x)

START_TEST(smart_case_detection)
{
	static const struct {
		const char *p;
		bool upper;
	} cases[] = {
		{"kerberos", false},
		{"Kerberos", true},
		{"\\S+\\W\\D", false},
		{"\\p{Lu}\\P{Ll}\\pL", false},
		{"\\x{41}\\N{U+42}", false},
		{"(*UCP)abc", false},
		{"göttingen", false},
		{"GÖTTINGEN", true},
		{"Ödön", true},
		{"[A-Z]", true},
		{"\\Qa\\E", false},
		{"", false},
		{"[[:upper:]]x", true},
		{"[^[:lower:]]", true},
		{"[[:alpha:]]", false},
		{"\\öÖ", true},
		{"\\Öx", false},
		{"\\", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(search_pattern_has_upper(cases[i].p, strlen(cases[i].p)) ==
				      cases[i].upper,
			      "%s", cases[i].p);
}
END_TEST

START_TEST(smart_case_on_registry)
{
	unsigned d = SEARCH_FIELDS_DEFAULT;
	expect("kerberos", d, SEARCH_CASE_SMART, TRANSPORT_ANY, 13, 7);
	expect("Kerberos", d, SEARCH_CASE_SMART, TRANSPORT_ANY, 10, 5);
	expect("Kerberos", d, SEARCH_CASE_IGNORE, TRANSPORT_ANY, 13, 7);
	expect("kerberos", d, SEARCH_CASE_SENSITIVE, TRANSPORT_ANY, 5, 3);
}
END_TEST

START_TEST(each_field)
{
	expect("^ssh$", F(NAME), SEARCH_CASE_SMART, TRANSPORT_ANY, 4, 1);
	expect("secure shell", F(DESCRIPTION), SEARCH_CASE_SMART, TRANSPORT_ANY, 2, 1);
	expect("Randall_Stewart", F(ASSIGNEE), SEARCH_CASE_SMART, TRANSPORT_ANY, 8, 8);
	expect("stewart", F(CONTACT), SEARCH_CASE_SMART, TRANSPORT_ANY, 16, 12);
	expect("RFC4251", F(REFERENCE), SEARCH_CASE_SMART, TRANSPORT_ANY, 2, 1);
	expect("TXT keys", F(NOTES), SEARCH_CASE_SMART, TRANSPORT_ANY, 1000, 36);
	expect("kerberos", F(NOTES), SEARCH_CASE_SMART, TRANSPORT_ANY, 0, 0);
	expect("kerberos", SEARCH_FIELDS_ALL, SEARCH_CASE_SMART, TRANSPORT_ANY, 13, 7);
}
END_TEST

START_TEST(transport_filter)
{
	expect("http", F(NAME), SEARCH_CASE_SMART, TRANSPORT_ANY, 129, 57);
	expect("http", F(NAME), SEARCH_CASE_SMART, TRANSPORT_UDP, 56, 55);
	expect("http", F(NAME), SEARCH_CASE_SMART, TRANSPORT_SCTP, 2, 2);
}
END_TEST

START_TEST(utf8_names)
{
	/* martalk 7073/tcp, assignee [Mahr_GmbH_Göttingen] */
	expect("göttingen", SEARCH_FIELDS_ALL, SEARCH_CASE_SMART, TRANSPORT_ANY, 1, 1);
	expect("GÖTTINGEN", F(ASSIGNEE), SEARCH_CASE_IGNORE, TRANSPORT_ANY, 1, 1);
	expect("GÖTTINGEN", F(ASSIGNEE), SEARCH_CASE_SMART, TRANSPORT_ANY, 0, 0);
	expect("G\\wttingen", F(ASSIGNEE), SEARCH_CASE_SMART, TRANSPORT_ANY, 1, 1);
	expect("^\\[Mahr_GmbH_G.ttingen\\]$", F(ASSIGNEE), SEARCH_CASE_SMART, TRANSPORT_ANY, 1, 1);
	struct search *s = run_opts(reg, "göttingen", SEARCH_FIELDS_ALL, SEARCH_CASE_SMART,
				    TRANSPORT_ANY, false);
	ck_assert(search_port_matches(s, 7073));
	ck_assert(!search_port_matches(s, 7072));
	search_free(s);
}
END_TEST

START_TEST(empty_pattern_matches_all)
{
	/* Every record; the ports covered by any record with a port: 0-49151. */
	expect("", SEARCH_FIELDS_DEFAULT, SEARCH_CASE_SMART, TRANSPORT_ANY, 14474, 49152);
}
END_TEST

/* Compile pattern, expect failure at offset with a message containing want. */
static void expect_bad(const char *pattern, size_t offset, const char *want)
{
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	ck_assert_ptr_null(search_new(reg, pattern, strlen(pattern), &opt, &err));
	ck_assert_msg(strstr(err.message, want) != NULL, "'%s' lacks '%s'", err.message, want);
	ck_assert_uint_eq(err.offset, offset);
	search_error_clear(&err);
	ck_assert_ptr_null(err.message);
}

START_TEST(bad_patterns)
{
	expect_bad("ab(cd", 5, "missing closing parenthesis");
	expect_bad("[z-a]", 3, "range out of order");
	expect_bad("x{3,2}", 5, "numbers out of order");
	expect_bad("a\\", 2, "\\ at end of pattern");
	expect_bad("\\C", 2, "using \\C is disabled");
}
END_TEST

/* The pattern is (buffer, length), not a C string: what follows it in
 * memory is not part of it. PCRE2 10.42 read on past an unfinished
 * "(*LIMIT_DEPTH=" into "1)" and asked malloc for ~2^64 bytes. */
START_TEST(pattern_ends_at_its_length)
{
	const char buf[] = "(*LIMIT_DEPTH=1)abc";
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	ck_assert_ptr_null(search_new(reg, buf, 14, &opt, &err));
	ck_assert_str_eq(err.message, "(*VERB) not recognized or malformed");
	ck_assert_uint_eq(err.offset, 14);
	search_error_clear(&err);
	struct search *s = search_new(reg, buf, 16, &opt, &err);
	ck_assert_ptr_nonnull(s);
	search_free(s);
}
END_TEST

START_TEST(field_names)
{
	ck_assert_uint_eq(search_parse_fields("name"), F(NAME));
	ck_assert_uint_eq(search_parse_fields("notes"), F(NOTES));
	ck_assert_uint_eq(search_parse_fields("all"), SEARCH_FIELDS_ALL);
	ck_assert_uint_eq(search_parse_fields("name,reference"), F(NAME) | F(REFERENCE));
	ck_assert_uint_eq(search_parse_fields("nam"), 0);
	ck_assert_uint_eq(search_parse_fields(""), 0);
	ck_assert_uint_eq(search_parse_fields("name,"), 0);
	ck_assert_str_eq(search_field_name(SEARCH_CONTACT), "contact");
}
END_TEST

/* A registry of one record whose description is pathological for
 * ^(\w+\s?)*$ (long word runs that end in a non-word character), plus a
 * plain record that matches. */
static struct registry *pathological_registry(void)
{
	struct strbuf csv = STRBUF_INIT;
	strbuf_adds(&csv, HEADER "slow,100,tcp,");
	for (int i = 0; i < 200; i++)
		strbuf_adds(&csv, "abcdefghij ");
	strbuf_adds(&csv, "!,,,,,,,,\nfast,101,tcp,plain words,,,,,,,,\n");
	struct ps_error err = PS_ERROR_INIT;
	struct registry *r = load_mem(&iana_csv_loader, strbuf_str(&csv), &err);
	ck_assert_msg(r != NULL, "%s", err.msg ? err.msg : "");
	strbuf_free(&csv);
	return r;
}

START_TEST(limits_are_counted)
{
	struct registry *r = pathological_registry();
	for (int no_jit = 0; no_jit < 2; no_jit++) {
		struct search *s = run_opts(r, "^(\\w+\\s?)*$", F(DESCRIPTION), SEARCH_CASE_SMART,
					    TRANSPORT_ANY, no_jit);
		const uint32_t *idx;
		ck_assert_uint_eq(search_records(s, &idx), 1);
		ck_assert_uint_eq(idx[0], 1);
		ck_assert_uint_eq(search_limit_hits(s), 1);
		ck_assert_ptr_nonnull(search_limit_message(s));
		ck_assert(!search_port_matches(s, 100));
		ck_assert(search_port_matches(s, 101));
		search_free(s);
	}
	registry_free(r);
}
END_TEST

/* One record whose description is "abab...ab" (n characters). */
static struct registry *abab_registry(int n)
{
	struct strbuf csv = STRBUF_INIT;
	strbuf_adds(&csv, HEADER "abab,200,udp,");
	for (int i = 0; i < n; i++)
		strbuf_addc(&csv, "ab"[i % 2]);
	strbuf_adds(&csv, ",,,,,,,,\n");
	struct ps_error err = PS_ERROR_INIT;
	struct registry *r = load_mem(&iana_csv_loader, strbuf_str(&csv), &err);
	ck_assert_msg(r != NULL, "%s", err.msg ? err.msg : "");
	strbuf_free(&csv);
	return r;
}

/* Interpreter limits set through the options: the depth and heap limits. */
START_TEST(depth_and_heap_limits)
{
	static const struct {
		uint32_t depth, heap_kib;
		const char *msg;
	} cases[] = {
		{100, 0, "depth limit"},
		{1000000, 1, "heap limit"},
	};
	struct registry *r = abab_registry(4000);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct search_options opt = SEARCH_OPTIONS_INIT;
		struct search_error err = SEARCH_ERROR_INIT;
		opt.no_jit = true;
		opt.fields = F(DESCRIPTION);
		opt.depth_limit = cases[i].depth;
		opt.heap_limit_kib = cases[i].heap_kib;
		struct search *s = search_new(r, "^(a|b)*(c|d)", 12, &opt, &err);
		ck_assert_ptr_nonnull(s);
		search_run(s);
		ck_assert_uint_eq(search_limit_hits(s), 1);
		ck_assert_msg(strstr(search_limit_message(s), cases[i].msg) != NULL, "%s",
			      search_limit_message(s));
		search_free(s);
	}
	registry_free(r);
}
END_TEST

/* With JIT, deep backtracking on a long field stops on the JIT stack. */
START_TEST(jit_stack_limit)
{
	struct registry *r = abab_registry(60000);
	struct search *s = run_opts(r, "^(a|b)*(c|d)", F(DESCRIPTION), SEARCH_CASE_SMART,
				    TRANSPORT_ANY, false);
	ck_assert_uint_eq(search_limit_hits(s), 1);
	if (search_uses_jit(s))
		ck_assert_msg(strstr(search_limit_message(s), "JIT stack limit") != NULL, "%s",
			      search_limit_message(s));
	search_free(s);
	registry_free(r);
}
END_TEST

/* A time-bounded step always progresses and ends with the same result. */
START_TEST(time_bounded_steps)
{
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	struct search *s = search_new(reg, "kerberos", 8, &opt, &err);
	ck_assert_ptr_nonnull(s);
	size_t before = 0, total;
	while (!search_step_for(s, 0)) {
		size_t now = search_progress(s, &total);
		ck_assert_uint_gt(now, before);
		before = now;
	}
	const uint32_t *idx;
	ck_assert_uint_eq(search_records(s, &idx), 13);
	ck_assert_uint_eq(search_port_count(s), 7);
	search_free(s);
}
END_TEST

START_TEST(incremental_equals_whole)
{
	struct search *whole = run_opts(reg, "tcp|udp", SEARCH_FIELDS_ALL, SEARCH_CASE_SMART,
					TRANSPORT_ANY, false);
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error err = SEARCH_ERROR_INIT;
	opt.fields = SEARCH_FIELDS_ALL;
	struct search *s = search_new(reg, "tcp|udp", 7, &opt, &err);
	ck_assert_ptr_nonnull(s);
	size_t steps = 1, total;
	while (!search_step(s, 1000))
		steps++;
	ck_assert_uint_eq(steps, 15); /* 14474 records, 1000 at a time */
	ck_assert_uint_eq(search_progress(s, &total), 14474);
	ck_assert_uint_eq(total, 14474);
	const uint32_t *a, *b;
	size_t n = search_records(whole, &a);
	ck_assert_uint_eq(search_records(s, &b), n);
	ck_assert(memcmp(a, b, n * sizeof(*a)) == 0);
	ck_assert_uint_eq(search_port_count(s), search_port_count(whole));
	ck_assert(search_step(s, 10)); /* already done */
	search_free(s);
	search_free(whole);
}
END_TEST

START_TEST(port_navigation)
{
	struct search *s =
		run_opts(reg, "^ssh$|^kerberos$", F(NAME), SEARCH_CASE_SMART, TRANSPORT_ANY, false);
	bool wrapped;
	ck_assert_uint_eq(search_port_count(s), 2);
	ck_assert_int_eq(search_next_port(s, 22, 1, &wrapped), 88);
	ck_assert(!wrapped);
	ck_assert_int_eq(search_next_port(s, 88, 1, &wrapped), 22);
	ck_assert(wrapped);
	ck_assert_int_eq(search_next_port(s, 22, -1, &wrapped), 88);
	ck_assert(wrapped);
	ck_assert_int_eq(search_next_port(s, 50, -1, &wrapped), 22);
	ck_assert(!wrapped);
	ck_assert(search_range_matches(s, 0, 63));
	ck_assert(search_range_matches(s, 88, 88));
	ck_assert(!search_range_matches(s, 23, 87));
	ck_assert(!search_range_matches(s, 89, PORT_MAX));
	ck_assert_uint_eq(search_port_rank(s, 21), 0);
	ck_assert_uint_eq(search_port_rank(s, 22), 1);
	ck_assert_uint_eq(search_port_rank(s, 87), 1);
	ck_assert_uint_eq(search_port_rank(s, 88), 2);
	ck_assert_uint_eq(search_port_rank(s, PORT_MAX), 2);
	const uint32_t *at;
	size_t n = registry_records_at(reg, 22, &at);
	ck_assert_uint_eq(n, 3); /* ssh on tcp, udp, sctp: all match */
	for (size_t i = 0; i < n; i++)
		ck_assert(search_record_matches(s, at[i]));
	n = registry_records_at(reg, 23, &at);
	ck_assert_uint_gt(n, 0);
	ck_assert(!search_record_matches(s, at[0]));
	search_free(s);
	s = run_opts(reg, "zzzqqq", F(NAME), SEARCH_CASE_SMART, TRANSPORT_ANY, false);
	ck_assert_int_eq(search_next_port(s, 0, 1, &wrapped), -1);
	search_free(s);
}
END_TEST

static Suite *search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, smart_case_detection);
	tcase_add_test(tc, smart_case_on_registry);
	tcase_add_test(tc, each_field);
	tcase_add_test(tc, transport_filter);
	tcase_add_test(tc, utf8_names);
	tcase_add_test(tc, empty_pattern_matches_all);
	tcase_add_test(tc, bad_patterns);
	tcase_add_test(tc, pattern_ends_at_its_length);
	tcase_add_test(tc, field_names);
	tcase_add_test(tc, limits_are_counted);
	tcase_add_test(tc, depth_and_heap_limits);
	tcase_add_test(tc, jit_stack_limit);
	tcase_add_test(tc, time_bounded_steps);
	tcase_add_test(tc, incremental_equals_whole);
	tcase_add_test(tc, port_navigation);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(search_suite)
