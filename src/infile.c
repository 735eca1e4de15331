/* SPDX-License-Identifier: MIT */
/* infile.c: opening and reading input files safely (infile.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <linux/magic.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "i18n.h"
#include "infile.h"

#define MiB (1024 * 1024)

/* Size of the blocks files are read in. */
#define INFILE_BLOCK 65536
/* How long a named FIFO may keep the reader waiting for a writer. */
#define INFILE_FIFO_WAIT_MS 5000

struct infile_policy {
	size_t cap;
	int pipes_ok;	  /* a pipe or FIFO is acceptable */
	const char *what; /* "a services file", for messages */
};

static const struct infile_policy policies[INFILE_KINDS] = {
	/* 1 GiB: about 900 times the real registry (1.1 MB) */
	[INFILE_REGISTRY] = {1024 * MiB, 1, N_("a registry file")},
	/* the largest real one, nmap-services, is 0.6 MB */
	[INFILE_SERVICES] = {64 * MiB, 0, N_("a services file")},
	/* 10,000 sockets take 1.5 MB; a million, 150 MB */
	[INFILE_PROC_TABLE] = {256 * MiB, 0, N_("a /proc/net table")},
	[INFILE_VALUE] = {4096, 0, N_("a one-value file")},
	[INFILE_META] = {65536, 0, N_("an HTTP metadata file")},
	[INFILE_CONFIG] = {65536, 0, N_("a config file")},
};

size_t infile_cap(enum infile_kind kind)
{
	return policies[kind].cap;
}

/* Why a file of this type cannot be read as kind, or NULL when it can. */
static const char *infile_refusal(mode_t mode, enum infile_kind kind)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return _("is a directory, not a file");
	if (S_ISFIFO(mode))
		return policies[kind].pipes_ok ? NULL : _("is a FIFO or pipe, not a regular file");
	if (S_ISSOCK(mode))
		return _("is a socket, not a regular file");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("is a device, not a regular file");
	return _("is not a regular file");
}

/* A named FIFO may have no writer yet (`cat file >fifo &` races the
 * reader): wait a little for one, never for ever. An anonymous pipe
 * (pipefs: `cmd | portscope --registry /dev/stdin`) has its writer. */
static const char *infile_wait_writer(int fd)
{
	struct statfs fs;
	if (fstatfs(fd, &fs) == 0 && fs.f_type == PIPEFS_MAGIC)
		return NULL;
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int n;
	while ((n = poll(&p, 1, INFILE_FIFO_WAIT_MS)) < 0 && errno == EINTR)
		;
	if (n == 0)
		return _("a FIFO that no program writes to (waited 5 s)");
	return n < 0 ? strerror(errno) : NULL;
}

int infile_open(const char *path, enum infile_kind kind, struct ps_error *err)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer, nor a
	 * device for its carrier; reads block again below. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		int e = errno;
		struct stat sb;
		const char *why = NULL;
		/* a socket or a device without its driver cannot even be opened */
		if ((e == ENXIO || e == ENODEV) && stat(path, &sb) == 0)
			why = infile_refusal(sb.st_mode, kind);
		error_set(err, path, 0, "%s", why ? why : strerror(e));
		errno = why ? EINVAL : e;
		return -1;
	}
	struct stat sb;
	const char *why = fstat(fd, &sb) < 0 ? strerror(errno) : infile_refusal(sb.st_mode, kind);
	if (!why && S_ISFIFO(sb.st_mode))
		why = infile_wait_writer(fd);
	if (!why && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)
		why = strerror(errno);
	if (why) {
		error_set(err, path, 0, "%s", why);
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

/* The error for a file past its kind's cap. */
static int infile_too_big(const char *path, enum infile_kind kind, struct ps_error *err)
{
	/* L10N: "FILE: larger than 64 MiB, the most portscope reads from a
	   services file". */
	error_set(err, path, 0, _("larger than %zu MiB, the most portscope reads from %s"),
		  policies[kind].cap / MiB ? policies[kind].cap / MiB : 1, _(policies[kind].what));
	errno = EFBIG;
	return -1;
}

static const struct infile_tap *infile_tap;

void infile_set_tap(const struct infile_tap *tap)
{
	infile_tap = tap;
}

int infile_read(const char *path, enum infile_kind kind, struct ps_error *err,
		int (*feed)(void *ctx, const char *buf, size_t len), void *ctx)
{
	int fd = infile_open(path, kind, err);
	if (fd < 0)
		return -1;
	const struct infile_tap *tap =
		infile_tap && strcmp(infile_tap->path, path) == 0 ? infile_tap : NULL;
	if (tap)
		tap->opened(tap->ctx, fd);
	static char block[INFILE_BLOCK]; /* single-threaded; keeps 64 KiB off the stack */
	size_t total = 0;
	int rc = 0;
	for (;;) {
		ssize_t n = read(fd, block, sizeof(block));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = error_set(err, path, 0, "%s", strerror(errno));
			break;
		}
		if (n == 0)
			break;
		if ((total += (size_t)n) > policies[kind].cap) {
			rc = infile_too_big(path, kind, err);
			break;
		}
		if (tap)
			tap->block(tap->ctx, block, (size_t)n);
		if ((rc = feed(ctx, block, (size_t)n)) < 0)
			break;
	}
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

static int infile_append(void *ctx, const char *buf, size_t len)
{
	struct strbuf *sb = ctx;
	strbuf_add(sb, buf, len);
	return sb->failed ? -1 : 0;
}

int infile_slurp(const char *path, enum infile_kind kind, struct strbuf *out, struct ps_error *err)
{
	int rc = infile_read(path, kind, err, infile_append, out);
	if (out->failed && !error_is_set(err))
		error_set(err, path, 0, _("out of memory"));
	return out->failed ? -1 : rc;
}
