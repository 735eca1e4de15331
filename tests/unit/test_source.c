/* SPDX-License-Identifier: MIT */
/* test_source.c: which registry is loaded, in the order doc/HACKING.md gives. */
#include <config.h>

#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static char tmp[256];

/* A scratch sysroot + home with nothing in it. */
static void setup(void)
{
	snprintf(tmp, sizeof(tmp), "/tmp/portscope-src-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	setenv("PORTSCOPE_SYSROOT", tmp, 1);
	setenv("HOME", tmp, 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("PORTSCOPE_REGISTRY");
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *rel, const char *text)
{
	char path[512], cmd[600];
	snprintf(path, sizeof(path), "%s%s", tmp, rel);
	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\"", path);
	ck_assert_int_eq(system(cmd), 0);
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

START_TEST(nothing_found)
{
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_ptr_null(source_open(NULL, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "no registry found"));
	ck_assert_ptr_nonnull(strstr(err.msg, "portscope update"));
	error_clear(&err);
}
END_TEST

START_TEST(falls_back_in_order)
{
	struct ps_error err = PS_ERROR_INIT;
	write_file("/etc/services", "echo 7/tcp\n");
	struct registry *reg = source_open(NULL, &err);
	ck_assert_ptr_nonnull(reg);
	ck_assert_str_eq(reg->source_label, "/etc/services");
	ck_assert(reg->degraded);
	registry_free(reg);

	write_file("/usr/share/wireshark/services", "echo 7/tcp/udp # Echo\nfoo 9/tcp\n");
	reg = source_open(NULL, &err);
	ck_assert_str_eq(reg->source_label, "Wireshark services (IANA-derived)");
	ck_assert_uint_eq(reg->nrec, 3);
	registry_free(reg);

	char user[512];
	snprintf(user, sizeof(user), "/.local/share/portscope/%s", REGISTRY_FILENAME);
	write_file(user, "Service Name,Port Number,Transport Protocol,Description,Assignee,"
			 "Contact,Registration Date,Modification Date,Reference,Service Code,"
			 "Unauthorized Use Reported,Assignment Notes\nx,1,tcp,X,,,,,,,,\n");
	reg = source_open(NULL, &err);
	ck_assert_str_eq(reg->source_label, "IANA registry");
	ck_assert(!reg->degraded);
	ck_assert_uint_eq(reg->nrec, 1);
	registry_free(reg);
}
END_TEST

START_TEST(explicit_wins_and_never_falls_back)
{
	struct ps_error err = PS_ERROR_INIT;
	write_file("/etc/services", "echo 7/tcp\n");
	setenv("PORTSCOPE_REGISTRY", IANA_CURRENT, 1);
	struct registry *reg = source_open(NULL, &err);
	ck_assert_ptr_nonnull(reg);
	ck_assert_uint_eq(reg->nrec, 14474);
	registry_free(reg);
	/* --registry beats the environment; a missing file is an error */
	ck_assert_ptr_null(source_open("/nonexistent.csv", &err));
	ck_assert_str_eq(err.file, "/nonexistent.csv");
	error_clear(&err);
}
END_TEST

static Suite *source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("order");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nothing_found);
	tcase_add_test(tc, falls_back_in_order);
	tcase_add_test(tc, explicit_wins_and_never_falls_back);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(source_suite)
