/* SPDX-License-Identifier: MIT */
/* sysinfo.c: the kernel's ephemeral port range and privileged boundary. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "infile.h"
#include "registry.h"
#include "source.h"
#include "sysinfo.h"

/* Read up to want port numbers (whitespace separated) from a small file.
 * Returns how many were read, 0 when the file is absent, -1 when malformed. */
static int sysinfo_read_ports(const char *abs_path, unsigned *v, int want, struct ps_error *err)
{
	struct strbuf path = STRBUF_INIT;
	source_system_path(&path, abs_path);
	struct strbuf data = STRBUF_INIT;
	struct ps_error why = PS_ERROR_INIT;
	int got = 0;
	if (infile_slurp(strbuf_str(&path), INFILE_VALUE, &data, &why) < 0) {
		/* absent: unknown; anything else (a FIFO, a huge file): said */
		got = errno == ENOENT || errno == EACCES ? 0 : -1;
		if (got < 0)
			error_set(err, why.file, 0, "%s", why.msg ? why.msg : "");
		error_clear(&why);
		strbuf_free(&data);
		strbuf_free(&path);
		return got;
	}
	const char *s = strbuf_str(&data);
	while (got < want) {
		char *end;
		errno = 0;
		long n = strtol(s, &end, 10);
		if (end == s || errno || n < 0 || n > PORT_MAX)
			break;
		v[got++] = (unsigned)n;
		s = end;
	}
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (got < want || *s) { /* too few numbers, or something after them */
		error_set(err, strbuf_str(&path), 1,
			  P_("expected %d port number from 0 to 65535",
			     "expected %d port numbers from 0 to 65535", want),
			  want);
		got = -1;
	}
	strbuf_free(&data);
	strbuf_free(&path);
	return got;
}

int sysinfo_read(struct sysinfo_ports *si, struct ps_error *err)
{
	unsigned v[2];
	int rc = 0, n;
	memset(si, 0, sizeof(*si));
	n = sysinfo_read_ports(SYSINFO_EPHEMERAL_PATH, v, 2, err);
	if (n == 2 && v[0] <= v[1]) {
		si->have_ephemeral = true;
		si->ephemeral_lo = v[0];
		si->ephemeral_hi = v[1];
	} else if (n == 2) {
		struct strbuf path = STRBUF_INIT;
		source_system_path(&path, SYSINFO_EPHEMERAL_PATH);
		rc = error_set(err, strbuf_str(&path), 1, _("range %u-%u ends before it starts"),
			       v[0], v[1]);
		strbuf_free(&path);
	} else if (n < 0) {
		rc = -1;
	}
	n = sysinfo_read_ports(SYSINFO_UNPRIVILEGED_PATH, v, 1, err);
	if (n == 1) {
		si->have_unprivileged = true;
		si->unprivileged_start = v[0];
	} else if (n < 0) {
		rc = -1;
	}
	return rc;
}
