/* sysinfo.c: the kernel's ephemeral port range and privileged boundary. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "registry.h"
#include "source.h"
#include "strbuf.h"
#include "sysinfo.h"

/* Up to two whole numbers from a small /proc/sys file; how many were read. */
static int read_numbers(const char *abs_path, unsigned long v[2])
{
	struct strbuf path = STRBUF_INIT;
	source_system_path(&path, abs_path);
	FILE *fp = path.failed ? NULL : fopen(strbuf_str(&path), "re");
	strbuf_free(&path);
	if (!fp)
		return 0;
	char buf[64]; /* two numbers and blanks; a longer file is malformed */
	size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
	bool too_long = n == sizeof(buf) - 1;
	fclose(fp);
	if (too_long)
		return 0;
	buf[n] = '\0';
	int got = 0;
	char *p = buf, *end;
	while (got < 2) {
		errno = 0;
		unsigned long x = strtoul(p, &end, 10);
		if (end == p || errno)
			break;
		v[got++] = x;
		p = end;
	}
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	return *p ? 0 : got; /* trailing junk: malformed */
}

bool sysinfo_ephemeral_range(unsigned *lo, unsigned *hi)
{
	unsigned long v[2];
	if (read_numbers(SYSINFO_EPHEMERAL_PATH, v) != 2 || v[0] > v[1] || v[1] > PORT_MAX)
		return false;
	*lo = (unsigned)v[0];
	*hi = (unsigned)v[1];
	return true;
}

bool sysinfo_unprivileged_start(unsigned *port)
{
	unsigned long v[2];
	if (read_numbers(SYSINFO_UNPRIVILEGED_PATH, v) != 1 || v[0] > PORT_COUNT)
		return false;
	*port = (unsigned)v[0];
	return true;
}
