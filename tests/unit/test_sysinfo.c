/* SPDX-License-Identifier: MIT */
/* test_sysinfo.c: the kernel's port facts, read from a faked /proc. */
#include <config.h>

#include "sysinfo.h"
#include "testutil.h"

/* Point $PORTSCOPE_SYSROOT at tests/fixtures/<name>. */
static void use_sysroot(const char *name)
{
	char buf[4096];
	const char *fx = getenv("FIXTURES");
	ck_assert_msg(fx != NULL, "FIXTURES must be set");
	snprintf(buf, sizeof(buf), "%s/%s", fx, name);
	setenv("PORTSCOPE_SYSROOT", buf, 1);
}

START_TEST(reads_faked_proc)
{
	struct sysinfo_ports si;
	struct ps_error err = PS_ERROR_INIT;
	use_sysroot("sysroot");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert(si.have_ephemeral);
	ck_assert_uint_eq(si.ephemeral_lo, 40000);
	ck_assert_uint_eq(si.ephemeral_hi, 50999);
	ck_assert(si.have_unprivileged);
	ck_assert_uint_eq(si.unprivileged_start, 80);
}
END_TEST

START_TEST(missing_files_are_not_errors)
{
	struct sysinfo_ports si;
	struct ps_error err = PS_ERROR_INIT;
	use_sysroot("no-such-dir");
	ck_assert_int_eq(sysinfo_read(&si, &err), 0);
	ck_assert(!si.have_ephemeral);
	ck_assert(!si.have_unprivileged);
	ck_assert(!error_is_set(&err));
}
END_TEST

START_TEST(malformed_files_are_named)
{
	struct sysinfo_ports si;
	struct ps_error err = PS_ERROR_INIT;
	use_sysroot("sysroot-bad");
	ck_assert_int_eq(sysinfo_read(&si, &err), -1);
	ck_assert(!si.have_ephemeral);
	ck_assert(!si.have_unprivileged);
	ck_assert_ptr_nonnull(strstr(err.file, "ip_unprivileged_port_start"));
	ck_assert_uint_eq(err.line, 1);
	error_clear(&err);
}
END_TEST

static Suite *sysinfo_suite(void)
{
	Suite *s = suite_create("sysinfo");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, reads_faked_proc);
	tcase_add_test(tc, missing_files_are_not_errors);
	tcase_add_test(tc, malformed_files_are_named);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(sysinfo_suite)
