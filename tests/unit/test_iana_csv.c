/* SPDX-License-Identifier: MIT */
/* test_iana_csv.c: the IANA CSV loader on good and malformed input. */
#include <config.h>

#include "testutil.h"

#define HEADER                                                                                     \
	"Service Name,Port Number,Transport Protocol,Description,Assignee,"                        \
	"Contact,Registration Date,Modification Date,Reference,Service Code,"                      \
	"Unauthorized Use Reported,Assignment Notes"

/* Load text; expect failure at line with a message containing want. */
static void expect_error(const char *text, size_t len, unsigned long line, const char *want)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = registry_new();
	int rc = iana_csv_loader.load_mem(reg, text, len, "t.csv", &err);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err.file, "t.csv");
	ck_assert_uint_eq(err.line, line);
	ck_assert_msg(strstr(err.msg, want) != NULL, "message '%s' lacks '%s'", err.msg, want);
	error_clear(&err);
	registry_free(reg);
}

static void expect_error_s(const char *text, unsigned long line, const char *want)
{
	expect_error(text, strlen(text), line, want);
}

START_TEST(good_small)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg =
		load_mem(&iana_csv_loader,
			 HEADER "\n"
				"echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,,,,\n"
				"x,\"8\",udp,\"multi\nline \"\"quoted\"\"\",,,2020-01-02,,,,,\n"
				"\n"
				"last,9,tcp,\"Last\",,,,2021-05-06,,,,",
			 &err);
	ck_assert_msg(reg != NULL, "%s", err.msg);
	ck_assert_uint_eq(reg->nrec, 3);
	ck_assert_uint_eq(reg->rec[0].line, 2);
	ck_assert_uint_eq(reg->rec[1].line, 3);
	ck_assert_uint_eq(reg->rec[2].line, 6); /* after the multi-line field and a blank line */
	ck_assert_str_eq(registry_field(reg, &reg->rec[1], FIELD_DESCRIPTION),
			 "multi\nline \"quoted\"");
	ck_assert_str_eq(reg->date, "2021-05-06");
	registry_free(reg);
}
END_TEST

START_TEST(crlf_and_bom)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = load_mem(&iana_csv_loader,
					"\xEF\xBB\xBF" HEADER "\r\n"
					"echo,7,tcp,Echo,,,,,,,,\r\n"
					"a,8,udp,\"two\r\nlines\",,,,,,,,\r\n"
					"b,9,udp,B,,,,,,,,\r\n",
					&err);
	ck_assert_msg(reg != NULL, "%s", err.msg);
	ck_assert_uint_eq(reg->nrec, 3);
	ck_assert_uint_eq(reg->rec[2].line, 5);
	ck_assert_str_eq(registry_field(reg, &reg->rec[0], FIELD_NOTES), "");
	registry_free(reg);
}
END_TEST

/* A line of blanks is a blank line, a lone CR ends a record but not a
 * line, and newlines inside quotes count: each record's line is the one
 * it starts on. */
START_TEST(lines_of_records)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = load_mem(&iana_csv_loader,
					HEADER "\n"
					       " \t \n"
					       "a,7,tcp,\"two\nlines\",,,,,,,,\r"
					       "b,8,tcp,B,,,,,,,,\n"
					       "  \r\n"
					       "\r\n"
					       "c,9,tcp,\"x\r\ny\r\nz\",,,,,,,\"n\n\",\n"
					       "d,10,tcp,D,,,,,,,,",
					&err);
	ck_assert_msg(reg != NULL, "%s", err.msg);
	ck_assert_uint_eq(reg->nrec, 4);
	ck_assert_uint_eq(reg->rec[0].line, 3);
	ck_assert_uint_eq(reg->rec[1].line, 4); /* after the CR, on the field's second line */
	ck_assert_uint_eq(reg->rec[2].line, 7);
	ck_assert_uint_eq(reg->rec[3].line, 11);
	registry_free(reg);
	/* the same counting names a bad record's line */
	expect_error_s(HEADER "\n  \n\t\nb,abc,tcp,x,,,,,,,,\n", 4, "bad port 'abc'");
	/* b starts on line 2, after the CR: its field of two lines does not
	 * move it */
	expect_error_s(HEADER "\na,7,tcp,x,,,,,,,,\rb,1,tcp,\"x\ny\",,,,,,,\n", 2,
		       "expected 12 fields, found 11");
	/* a quote error in a record's third line, after a field of two lines
	 * and one of the 13th column and beyond */
	expect_error_s(HEADER "\na,7,tcp,\"1\n2\",,,,,,,,,\"3\n\",\"4\nx\"y\n", 5, "malformed CSV");
	static const char nul[] =
		HEADER "\na,7,tcp,\"1\n2\",,,,,,,,\n \nb,8,tcp,\"\nq\0\",,,,,,,,\n";
	expect_error(nul, sizeof(nul) - 1, 6, "NUL byte");
	/* on the first line, before libcsv has seen a byte */
	static const char nul1[] = "Service\0Name\n";
	expect_error(nul1, sizeof(nul1) - 1, 1, "NUL byte");
}
END_TEST

START_TEST(invalid_utf8_normalised)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = load_mem(&iana_csv_loader,
					HEADER "\n"
					       "a,7,tcp,ok,,,,,,,,\n"
					       "b,8,tcp,bad \xFF\xC3 byte,,,,,,,,\n",
					&err);
	ck_assert_ptr_nonnull(reg);
	ck_assert_uint_eq(reg->utf8_fixed, 2);
	ck_assert_uint_eq(reg->utf8_first_line, 3);
	ck_assert_str_eq(registry_field(reg, &reg->rec[1], FIELD_DESCRIPTION),
			 "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
	registry_free(reg);
}
END_TEST

START_TEST(malformed)
{
	expect_error_s(HEADER "\na,7,tcp,\"never closed,,,,,,,,\n", 2, "unterminated quoted field");
	expect_error_s("Name,Port\n", 1, "column 1 of the header is 'Name'");
	expect_error_s(HEADER "\na,7,tcp,x,,,,,,,,\nb,70000,tcp,x,,,,,,,,\n", 3,
		       "bad port '70000': port out of range 0-65535");
	expect_error_s(HEADER "\nb,10-5,tcp,x,,,,,,,,\n", 2,
		       "bad port '10-5': port range ends before it starts");
	expect_error_s(HEADER "\nb,abc,tcp,x,,,,,,,,\n", 2, "bad port 'abc': not a port number");
	expect_error_s(HEADER "\nb,1,tcp,x,,,,,,,\n", 2, "expected 12 fields, found 11");
	expect_error_s(HEADER "\nb,1,tcp,x\"y,,,,,,,,\n", 2, "malformed CSV");
	expect_error_s("", 1, "empty file");
	/* the start of a BOM and no more is data, not swallowed */
	expect_error_s("\xEF\xBB", 1, "column 1 of the header is '\xEF\xBB'");
	expect_error_s("\xEF\xBB\xBF", 1, "empty file");
	expect_error_s("\xEFService Name,x\n", 1, "column 1 of the header is '\xEFService Name'");
	expect_error_s(HEADER "\n", 2, "no records after the header");
	static const char nul[] = HEADER "\na,7,tcp,x\0y,,,,,,,,\n";
	expect_error(nul, sizeof(nul) - 1, 2, "NUL byte");
}
END_TEST

START_TEST(oversized_field)
{
	size_t big = 1024 * 1024;
	char *text = malloc(strlen(HEADER) + big + 64);
	ck_assert_ptr_nonnull(text);
	char *p = text + sprintf(text, HEADER "\na,7,tcp,");
	memset(p, 'x', big);
	strcpy(p + big, ",,,,,,,,\n");
	expect_error_s(text, 2, "field 4 (Description) is over the 65536-byte limit");
	/* quoted fields spanning lines are caught the same way */
	p = text + sprintf(text, HEADER "\na,7,tcp,\"");
	for (size_t i = 0; i < big; i += 100) {
		memset(p, 'y', 99);
		p[99] = '\n';
		p += 100;
	}
	strcpy(p, "\",,,,,,,,\n");
	expect_error_s(text, 2, "over the 65536-byte limit");
	/* a 13th field, whole within the second block, is refused at the end
	 * of its line past the limit, as when lines were fed one at a time */
	p = text + sprintf(text, HEADER "\na,7,tcp,,,,,,,,,,\"");
	memset(p, 'z', 70000);
	p[66000] = '\n';
	strcpy(p + 70000, "\"\n");
	expect_error_s(text, 2, "field 13 (?) is over the 65536-byte limit");
	free(text);
}
END_TEST

START_TEST(too_many_columns)
{
	char *text = malloc(strlen(HEADER) + 200000 + 16);
	char *p = text + sprintf(text, HEADER "\na");
	for (int i = 0; i < 100000; i++)
		*p++ = ',', *p++ = 'x';
	strcpy(p, "\n");
	expect_error_s(text, 2, "expected 12 fields, found 100001");
	free(text);
}
END_TEST

START_TEST(file_errors)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = registry_new();
	ck_assert_int_eq(iana_csv_loader.load(reg, "/nonexistent/x.csv", &err), -1);
	ck_assert_str_eq(err.msg, "No such file or directory");
	ck_assert_int_eq(iana_csv_loader.load(reg, "/", &err), -1);
	ck_assert_str_eq(err.msg, "is a directory, not a file");
	error_clear(&err);
	registry_free(reg);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("iana_csv");
	TCase *tc = tcase_create("loader");
	tcase_add_test(tc, good_small);
	tcase_add_test(tc, crlf_and_bom);
	tcase_add_test(tc, lines_of_records);
	tcase_add_test(tc, invalid_utf8_normalised);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, oversized_field);
	tcase_add_test(tc, too_many_columns);
	tcase_add_test(tc, file_errors);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(csv_suite)
