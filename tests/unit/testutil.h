/* SPDX-License-Identifier: MIT */
/* testutil.h: shared bits of the Check unit tests: TAP on stdout, and the
 * real registry snapshots (never skipped: a missing snapshot fails). */
#ifndef PORTSCOPE_TESTUTIL_H
#define PORTSCOPE_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "loader.h"
#include "registry.h"
#include "source.h"

/* Path of a snapshot in $IANA_DIR (or the configured directory). */
static inline const char *iana_path(const char *name)
{
	static char buf[4096];
	const char *dir = getenv("IANA_DIR");
	snprintf(buf, sizeof(buf), "%s/%s", dir && *dir ? dir : IANA_DIR_DEFAULT, name);
	return buf;
}

#define IANA_CURRENT iana_path("service-names-port-numbers.csv")
#define IANA_OLD iana_path("service-names-port-numbers-2024-04.csv")

/* Load a registry file; the test fails with the loader's message if it can't. */
static inline struct registry *load_or_fail(const char *path)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = source_load_file(path, &err);
	ck_assert_msg(reg != NULL, "%s:%lu: %s", err.file ? err.file : "", err.line,
		      err.msg ? err.msg : "");
	return reg;
}

/* Load from memory with a loader; returns the registry or NULL with err. */
static inline struct registry *load_mem(const struct loader *ld, const char *text,
					struct ps_error *err)
{
	struct registry *reg = registry_new();
	if (ld->load_mem(reg, text, strlen(text), "mem", err) < 0 ||
	    registry_finish(reg, err) < 0) {
		registry_free(reg);
		return NULL;
	}
	return reg;
}

#define TEST_MAIN(suite_fn)                                                                        \
	int main(void)                                                                             \
	{                                                                                          \
		SRunner *sr = srunner_create(suite_fn());                                          \
		srunner_set_tap(sr, "-");                                                          \
		srunner_run_all(sr, CK_SILENT);                                                    \
		int failed = srunner_ntests_failed(sr);                                            \
		srunner_free(sr);                                                                  \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;                                       \
	}

#endif
