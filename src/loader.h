/* SPDX-License-Identifier: MIT */
/* loader.h: the one interface every registry source implements. A loader
 * reads a file and fills a registry through registry_add(); the caller
 * seals it with registry_finish(). Errors name file:line. */
#ifndef PORTSCOPE_LOADER_H
#define PORTSCOPE_LOADER_H

#include <stddef.h>

#include "error.h"
#include "registry.h"

struct loader {
	const char *name; /* for messages: "IANA CSV", "services(5)" */
	enum source_kind kind;
	/* Load a whole file; name is what errors call it. */
	int (*load)(struct registry *reg, const char *path, struct ps_error *err);
	/* Load from memory (tests and fuzzing). */
	int (*load_mem)(struct registry *reg, const char *buf, size_t len, const char *name,
			struct ps_error *err);
};

extern const struct loader iana_csv_loader;
extern const struct loader services_loader;

/* Size of the blocks a loader is fed from memory in (files: infile.h). */
#define LOADER_BLOCK 65536

#endif
