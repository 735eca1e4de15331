/* SPDX-License-Identifier: MIT */
/* test_dynlib.c: libraries opened on first use: a real library's
 * functions resolved and called; a missing library and a missing symbol
 * each said, naming the library, on every call; a library opened once. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "dynlib.h"
#include "testutil.h"

static struct {
	DYNLIB_SLOT(cos)
	DYNLIB_SLOT(floor)
} m;
static const struct dynlib_fn m_names[] = {DYNLIB_FN(__typeof__(m), cos)
						   DYNLIB_FN(__typeof__(m), floor)};

START_TEST(functions_resolved)
{
	struct dynlib lib = DYNLIB_INIT("libm.so.6", m_names, &m);
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(dynlib_open(&lib, &err), 0);
	ck_assert_ptr_null(err.msg);
	ck_assert(m.cos(0.0) == 1.0);
	ck_assert(m.floor(2.5) == 2.0);
	/* once: a second call finds it open */
	m.cos = NULL;
	ck_assert_int_eq(dynlib_open(&lib, &err), 0);
	ck_assert_ptr_null(m.cos);
}
END_TEST

START_TEST(missing_library_said)
{
	struct dynlib lib = DYNLIB_INIT("libportscope-none.so.9", m_names, &m);
	struct ps_error err = PS_ERROR_INIT;
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(dynlib_open(&lib, &err), -1);
		ck_assert_str_eq(err.msg, "cannot load libportscope-none.so.9: cannot open shared "
					  "object file: No such file or directory");
		ck_assert_ptr_null(err.file);
		error_clear(&err);
	}
}
END_TEST

START_TEST(missing_symbol_said)
{
	static struct {
		void (*f)(void);
	} t;
	static const struct dynlib_fn names[] = {{"portscope_no_such_function", 0}};
	struct dynlib lib = DYNLIB_INIT("libm.so.6", names, &t);
	struct ps_error err = PS_ERROR_INIT;
	ck_assert_int_eq(dynlib_open(&lib, &err), -1);
	ck_assert_msg(strncmp(err.msg, "cannot load libm.so.6: ", 23) == 0 &&
			      strstr(err.msg, "portscope_no_such_function"),
		      "%s", err.msg);
	ck_assert_ptr_null(t.f);
	error_clear(&err);
}
END_TEST

static Suite *dynlib_suite(void)
{
	Suite *s = suite_create("dynlib");
	TCase *tc = tcase_create("open");
	tcase_add_test(tc, functions_resolved);
	tcase_add_test(tc, missing_library_said);
	tcase_add_test(tc, missing_symbol_said);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(dynlib_suite)
