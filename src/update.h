/* SPDX-License-Identifier: MIT */
/* update.h: `portscope update`: download the official registry CSV and
 * install it atomically. The body goes to a temporary file in the target's
 * directory; it must parse strictly with the IANA loader (exact header),
 * hold at least UPDATE_MIN_RECORDS records and not be more than
 * UPDATE_MAX_SHRINK_PERCENT smaller than the file it replaces. Only then is
 * it fsynced and renamed over the target (and the directory fsynced). On any
 * failure the target is left byte-identical. The HTTP validators (ETag,
 * Last-Modified) are kept beside it in TARGET.http so an unchanged registry
 * is not downloaded again. Library code: it never prints. */
#ifndef PORTSCOPE_UPDATE_H
#define PORTSCOPE_UPDATE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "registry.h"
#include "strbuf.h"

#define UPDATE_DEFAULT_URL                                                                         \
	"https://www.iana.org/assignments/service-names-port-numbers/"                             \
	"service-names-port-numbers.csv"
/* The real registry has about 14,500 records and only grows. */
#define UPDATE_MIN_RECORDS 1000
#define UPDATE_MAX_SHRINK_PERCENT 20
#define UPDATE_CONNECT_TIMEOUT 30 /* seconds */
#define UPDATE_TOTAL_TIMEOUT 300  /* seconds */
/* slower than 1 KiB/s for 8 s (the headers included): stalled */
#define UPDATE_LOW_SPEED 1024
#define UPDATE_LOW_SPEED_TIME 8
#define UPDATE_MAX_BYTES (64u << 20)

struct update_opts {
	const char *url;     /* NULL: UPDATE_DEFAULT_URL */
	const char *ca_file; /* as in fetch.h; NULL: the system's certificates */
	/* The file to replace: absent or a regular file (a symlink is
	 * followed and its target replaced); anything else is refused before
	 * a byte is downloaded. Its directory must exist unless create_dirs
	 * (the default per-user path). The new file keeps the old one's mode. */
	const char *output;
	bool create_dirs;
	/* nonzero (a signal handler's flag) cancels; the temporary file goes */
	const volatile sig_atomic_t *cancel;
	/* as in fetch.h: nonzero cancels, leaving the old file as it was */
	int (*progress)(void *ctx, uint64_t now, uint64_t total);
	void *progress_ctx;
};

enum update_outcome {
	UPDATE_CREATED, /* there was no file before */
	UPDATE_REPLACED,
	UPDATE_NOT_MODIFIED, /* the server said 304: nothing downloaded */
};

struct update_result {
	enum update_outcome outcome;
	uint64_t bytes; /* body bytes downloaded */
	/* The registry that was replaced (NULL if there was none or it did not
	 * load) and the one installed (NULL when not modified); both sealed
	 * with registry_finish(), so a UI can diff them and show the new one. */
	struct registry *old, *new;
	bool meta_failed; /* the validators could not be saved */
	char *target;	  /* the file written: output, or where its symlink points */
	bool via_link;	  /* output is a symlink to target */
};

int update_run(const struct update_opts *o, struct update_result *res, struct ps_error *err);
void update_result_free(struct update_result *res);
/* The directory part of path ("." when there is none, "/" for the root). */
void update_dir_of(struct strbuf *out, const char *path);
/* Where the validators of file are kept: "file.http". */
void update_meta_path(struct strbuf *out, const char *file);

#endif
