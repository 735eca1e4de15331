/* SPDX-License-Identifier: MIT */
/* fuzz_iana_csv.c: libFuzzer target for the IANA CSV loader. Any input either
 * loads into a registry that keeps its promises (fuzz_check_registry) or
 * fails with a message, never a crash, leak or partial result. */
#include <config.h>

#include "fuzz_check.h"
#include "loader.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry *reg = registry_new();
	if (!reg)
		return 0;
	struct ps_error err = PS_ERROR_INIT;
	int rc = iana_csv_loader.load_mem(reg, (const char *)data, size, "fuzz", &err);
	if (rc == 0)
		rc = registry_finish(reg, &err);
	if (rc == 0) {
		FUZZ_ASSERT(!error_is_set(&err), "success with an error set");
		fuzz_check_registry(reg);
	} else {
		FUZZ_ASSERT(error_is_set(&err), "failure without a message");
		FUZZ_ASSERT(err.file && strcmp(err.file, "fuzz") == 0,
			    "error does not name the file");
	}
	registry_free(reg);
	error_clear(&err);
	return 0;
}
