/* SPDX-License-Identifier: MIT */
/* sysinfo.h: this machine's port facts from the kernel: the ephemeral
 * (local) port range and the first unprivileged port. Read from /proc
 * through source_system_path(), so tests can fake them. */
#ifndef PORTSCOPE_SYSINFO_H
#define PORTSCOPE_SYSINFO_H

#include <stdbool.h>

#include "error.h"

/* Where the facts come from (under $PORTSCOPE_SYSROOT), for provenance. */
#define SYSINFO_EPHEMERAL_PATH "/proc/sys/net/ipv4/ip_local_port_range"
#define SYSINFO_UNPRIVILEGED_PATH "/proc/sys/net/ipv4/ip_unprivileged_port_start"

struct sysinfo_ports {
	bool have_ephemeral;
	unsigned ephemeral_lo, ephemeral_hi;
	bool have_unprivileged;
	unsigned unprivileged_start; /* ports below it need privilege */
};

/* Fill si from /proc/sys/net/ipv4/ip_local_port_range and
 * ip_unprivileged_port_start. A missing file only clears its have_ flag;
 * a file that is there but malformed sets err (file:1: message) and
 * returns -1 (the other fact is still filled when it can be). */
int sysinfo_read(struct sysinfo_ports *si, struct ps_error *err);

#endif
