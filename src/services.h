/* SPDX-License-Identifier: MIT */
/* services.h: the services(5) format, shared by /etc/services, Wireshark's
 * IANA-derived services file, nmap-services and the user's labels.
 *   name  port/proto[/proto...]  [frequency]  [aliases...]  [# comment]
 * nmap-services puts an open frequency (a number with a '.') where aliases
 * would go. */
#ifndef PORTSCOPE_SERVICES_H
#define PORTSCOPE_SERVICES_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "registry.h"

struct services_entry {
	const char *name;
	size_t name_len;
	int32_t port_lo, port_hi;
	enum transport transport; /* one entry per protocol named */
	double frequency;	  /* nmap's open frequency, or -1 */
	const char *aliases;	  /* space-separated, may be empty */
	size_t aliases_len;
	const char *comment; /* after '#', trimmed; may be empty */
	size_t comment_len;
	unsigned long line;
};

typedef int (*services_cb)(void *ctx, const struct services_entry *e, struct ps_error *err);

/* Parse a file or buffer, calling cb for each entry. A malformed line is
 * counted in skips and skipped, as glibc does; with skips NULL it is an
 * error (file:line). Errors: a NUL byte, no memory, cb's -1. */
int services_parse_file(const char *path, services_cb cb, void *ctx, struct ps_skips *skips,
			struct ps_error *err);
int services_parse_mem(const char *buf, size_t len, const char *name, services_cb cb, void *ctx,
		       struct ps_skips *skips, struct ps_error *err);

#endif
