/* SPDX-License-Identifier: MIT */
/* infile.h: the one way portscope opens a file it reads. Each kind of
 * file says what it may be and how much of it is read: a special file
 * where a regular one is expected (a FIFO, a socket, a device) is refused
 * without ever blocking on it, a directory is refused, and a file over
 * its kind's cap stops with "file: larger than ...". Only the registry
 * may be a pipe or FIFO (`--registry /dev/stdin`); a named FIFO gets 5 s
 * for a writer to appear, then it is refused instead of waited on. */
#ifndef PORTSCOPE_INFILE_H
#define PORTSCOPE_INFILE_H

#include <stddef.h>

#include "error.h"
#include "strbuf.h"

enum infile_kind {
	INFILE_REGISTRY,   /* the IANA CSV: a regular file, pipe or FIFO */
	INFILE_SERVICES,   /* services(5), nmap-services, labels */
	INFILE_PROC_TABLE, /* /proc/net/{tcp,udp}* */
	INFILE_VALUE,	   /* one short value: /proc/sys, /proc/PID/comm */
	INFILE_META,	   /* update's FILE.http beside the registry */
	INFILE_CONFIG,	   /* the user's config file */
	INFILE_KINDS,
};

/* Most bytes read from a file of kind. */
size_t infile_cap(enum infile_kind kind);
/* Open path for reading as kind; the descriptor, or -1 with err set (errno
 * is kept: ENOENT for a missing file, EINVAL for a refused type). */
int infile_open(const char *path, enum infile_kind kind, struct ps_error *err);
/* Read a whole file of kind in blocks, calling feed for each. -1 with err
 * set (errno as for infile_open, EFBIG past the cap), or feed's -1. */
int infile_read(const char *path, enum infile_kind kind, struct ps_error *err,
		int (*feed)(void *ctx, const char *buf, size_t len), void *ctx);
/* What infile_read() also shows the blocks of one file to, as it reads
 * them: image.c's hash of a source being parsed, so that a parse reads the
 * source once. */
struct infile_tap {
	const char *path; /* the file, as infile_read() is given it */
	void (*opened)(void *ctx, int fd);
	void (*block)(void *ctx, const char *buf, size_t len);
	void *ctx;
};
/* Show tap the reads of tap->path from now on; NULL: no more. */
void infile_set_tap(const struct infile_tap *tap);
/* The whole file into out (appended). */
int infile_slurp(const char *path, enum infile_kind kind, struct strbuf *out, struct ps_error *err);

#endif
