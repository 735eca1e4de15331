/* SPDX-License-Identifier: MIT */
/* test_update.c: the pieces of update/fetch that need no server (the
 * transfers themselves are tested by tests/cli/test_update.sh). */
#include <config.h>

#include <unistd.h>

#include "fetch.h"
#include "testutil.h"
#include "update.h"

static void check_value(const char *in, const char *want)
{
	char *got = fetch_clean_value(in, strlen(in));
	if (want)
		ck_assert_str_eq(got ? got : "(null)", want);
	else
		ck_assert_msg(got == NULL, "'%s' should be refused", in);
	free(got);
}

START_TEST(header_values)
{
	check_value(" \"abc\"\r\n", "\"abc\"");
	check_value("Tue, 01 Apr 2025 10:00:00 GMT\n", "Tue, 01 Apr 2025 10:00:00 GMT");
	check_value("a\r\nX-Injected: 1", NULL); /* never echoed into a request */
	check_value("caf\xc3\xa9", NULL);
	check_value("   \r\n", NULL);
	char big[2000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	check_value(big, NULL);
}
END_TEST

static void check_dir(const char *path, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	update_dir_of(&sb, path);
	ck_assert_str_eq(strbuf_str(&sb), want);
	strbuf_free(&sb);
}

START_TEST(paths)
{
	check_dir("/home/u/.local/share/portscope/x.csv", "/home/u/.local/share/portscope");
	check_dir("x.csv", ".");
	check_dir("/x.csv", "/");
	struct strbuf sb = STRBUF_INIT;
	update_meta_path(&sb, "/a/b.csv");
	ck_assert_str_eq(strbuf_str(&sb), "/a/b.csv.http");
	strbuf_free(&sb);
}
END_TEST

START_TEST(bad_url_leaves_nothing)
{
	char dir[] = "/tmp/portscope-upd-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char out[64];
	snprintf(out, sizeof(out), "%s/sub/reg.csv", dir);
	struct update_opts o = {.url = "ftp://127.0.0.1/x.csv", .output = out};
	struct update_result res;
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(update_run(&o, &res, &err), -1);
	ck_assert_ptr_nonnull(err.msg);
	ck_assert_ptr_null(res.new);
	ck_assert_int_ne(access(out, F_OK), 0);
	update_result_free(&res);
	error_clear(&err);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *update_suite(void)
{
	Suite *s = suite_create("update");
	TCase *tc = tcase_create("update");
	tcase_add_test(tc, header_values);
	tcase_add_test(tc, paths);
	tcase_add_test(tc, bad_url_leaves_nothing);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(update_suite)
