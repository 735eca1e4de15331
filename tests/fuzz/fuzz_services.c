/* SPDX-License-Identifier: MIT */
/* fuzz_services.c: libFuzzer target for the services(5) parser and loader.
 * Every entry the parser hands over is well formed and lies inside the
 * input; the loader turns each into one record. */
#include <config.h>

#include "fuzz_check.h"
#include "loader.h"
#include "services.h"

struct fuzz_input {
	const char *buf;
	unsigned long last_line;
	size_t entries;
};

static int check_entry(void *ctx, const struct services_entry *e, struct ps_error *err)
{
	struct fuzz_input *in = ctx;
	(void)err;
	FUZZ_ASSERT(e->name_len > 0, "empty service name");
	for (size_t i = 0; i < e->name_len; i++)
		FUZZ_ASSERT(!strchr(" \t\r\n#", e->name[i]) && e->name[i], "blank in a name");
	FUZZ_ASSERT(0 <= e->port_lo && e->port_lo <= e->port_hi && e->port_hi <= PORT_MAX,
		    "bad port range");
	FUZZ_ASSERT(e->transport <= TRANSPORT_NONE, "bad transport");
	FUZZ_ASSERT(e->line >= 1 && e->line >= in->last_line, "line numbers go backwards");
	in->last_line = e->line;
	in->entries++;
	/* names, aliases and comments point into the input or into the
	 * parser's copy of a last line without a newline; either way they are
	 * readable for their whole length (ASan checks that) */
	volatile char sink = 0;
	for (size_t i = 0; i < e->name_len; i++)
		sink ^= e->name[i];
	for (size_t i = 0; i < e->aliases_len; i++)
		sink ^= e->aliases[i];
	for (size_t i = 0; i < e->comment_len; i++)
		sink ^= e->comment[i];
	(void)sink;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = {(const char *)data, 0, 0};
	struct ps_error err = PS_ERROR_INIT;
	int rc = services_parse_mem(in.buf, size, "fuzz", check_entry, &in, NULL, &err);
	FUZZ_ASSERT((rc < 0) == error_is_set(&err), "status and error disagree");
	FUZZ_ASSERT(rc < 0 || !err.file || strcmp(err.file, "fuzz") == 0,
		    "error names another file");
	error_clear(&err);
	if (rc < 0 || in.entries == 0)
		return 0;
	/* the loader makes one record per entry; the index it builds is the
	 * CSV target's business (registry_finish is shared) */
	struct registry *reg = registry_new();
	if (!reg)
		return 0;
	rc = services_loader.load_mem(reg, in.buf, size, "fuzz", &err);
	FUZZ_ASSERT(rc == 0 && reg->nrec == in.entries, "the loader disagrees with the parser");
	registry_free(reg);
	error_clear(&err);
	return 0;
}
