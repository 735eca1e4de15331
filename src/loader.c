/* SPDX-License-Identifier: MIT */
/* loader.c: what every loader shares: reading a file in blocks. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "loader.h"

int loader_read_file(const char *path, struct ps_error *err,
		     int (*feed)(void *ctx, const char *buf, size_t len),
		     void *ctx)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, path, 0, "%s", strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(fd);
		return error_set(err, path, 0, _("is a directory, not a file"));
	}
	static char block[LOADER_BLOCK]; /* single-threaded; keeps 64 KiB off the stack */
	int rc = 0;
	for (;;) {
		ssize_t n = read(fd, block, sizeof(block));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = error_set(err, path, 0, "%s", strerror(errno));
			break;
		}
		if (n == 0 || (rc = feed(ctx, block, (size_t)n)) < 0)
			break;
	}
	close(fd);
	return rc;
}
