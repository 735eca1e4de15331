/* SPDX-License-Identifier: MIT */
/* test_userconf.c: the config file: scan lines add up, comments and
 * blank lines are skipped, and everything else is an error naming
 * file:line. */
#include <config.h>

#include <unistd.h>

#include "testutil.h"
#include "userconf.h"

static char dir[] = "/tmp/portscope-userconf.XXXXXX";
static char path[64];

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config", dir);
}

static void teardown(void)
{
	unlink(path);
	rmdir(dir);
	strcpy(dir, "/tmp/portscope-userconf.XXXXXX");
}

/* Write text as the config file and load it. */
static int load(const char *text, struct userconf *c, struct ps_error *err)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fwrite(text, 1, strlen(text), f);
	fclose(f);
	return userconf_load(path, c, err);
}

START_TEST(scan_lines)
{
	struct userconf c;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(load("# targets\n\n  scan 127.0.0.1 192.168.1.0/24\r\n"
			      "scan\tlocalhost  \n   # the end",
			      &c, &err),
			 0);
	ck_assert_uint_eq(c.nscan, 3);
	ck_assert_str_eq(c.scan[0], "127.0.0.1");
	ck_assert_str_eq(c.scan[1], "192.168.1.0/24");
	ck_assert_str_eq(c.scan[2], "localhost");
	userconf_free(&c);
	/* IPv4 and IPv6 together: two nmap runs, not an error */
	ck_assert_int_eq(load("scan 127.0.0.1\nscan ::1 [::1]\n", &c, &err), 0);
	ck_assert_uint_eq(c.nscan, 3);
	userconf_free(&c);
	ck_assert_int_eq(load("", &c, &err), 0);
	ck_assert_uint_eq(c.nscan, 0);
	userconf_free(&c);
}
END_TEST

START_TEST(no_file)
{
	struct userconf c;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(userconf_load("/nonexistent/portscope/config", &c, &err), 0);
	ck_assert_uint_eq(c.nscan, 0);
	ck_assert(!error_is_set(&err));
}
END_TEST

/* Each bad file: its error line and message. */
static const struct {
	const char *text;
	unsigned long line;
	const char *msg;
} bad[] = {
	{"scan 127.0.0.1\nports 80\n", 2, "unknown key 'ports' (the keys: scan)"},
	{"# only\nscan\n", 2, "'scan' takes one TARGET or more"},
	{"scan   \t\n", 1, "'scan' takes one TARGET or more"},
	{"\n\nscan a;b\n", 3,
	 "bad target 'a;b': letters, digits and . : / - , [ ] only, not starting with '-'"},
	{"scan -iL\n", 1,
	 "bad target '-iL': letters, digits and . : / - , [ ] only, not starting with '-'"},
	{"scan ::1\nscan 127.0.0.1 ::1 -x\n", 2,
	 "bad target '-x': letters, digits and . : / - , [ ] only, not starting with '-'"},
	{"Scan 127.0.0.1\n", 1, "unknown key 'Scan' (the keys: scan)"},
	{"scan=127.0.0.1\n", 1, "unknown key 'scan=127.0.0.1' (the keys: scan)"},
};

START_TEST(malformed)
{
	struct userconf c;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(load(bad[_i].text, &c, &err), -1);
	ck_assert_str_eq(err.file, path);
	ck_assert_uint_eq(err.line, bad[_i].line);
	ck_assert_str_eq(err.msg, bad[_i].msg);
	ck_assert_uint_eq(c.nscan, 0);
	ck_assert_ptr_null(c.scan);
	error_clear(&err);
}
END_TEST

START_TEST(binary)
{
	struct userconf c;
	struct ps_error err = PS_ERROR_INIT;
	FILE *f = fopen(path, "w");
	fwrite("scan a\0b\n", 1, 9, f);
	fclose(f);
	ck_assert_int_eq(userconf_load(path, &c, &err), -1);
	ck_assert_str_eq(err.msg, "a NUL byte: not a text file");
	error_clear(&err);
	/* a directory is refused by the opener, not read as empty */
	ck_assert_int_eq(userconf_load(dir, &c, &err), -1);
	ck_assert(error_is_set(&err));
	error_clear(&err);
}
END_TEST

static Suite *userconf_suite(void)
{
	Suite *s = suite_create("userconf");
	TCase *tc = tcase_create("load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, scan_lines);
	tcase_add_test(tc, no_file);
	tcase_add_loop_test(tc, malformed, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, binary);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(userconf_suite)
