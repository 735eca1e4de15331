/* sysinfo.h: facts about this machine's kernel that matter when choosing a
 * port: the ephemeral (local) port range the kernel picks client ports
 * from, and the first port an unprivileged process may bind. Read from
 * /proc/sys/net/ipv4 under $PORTSCOPE_SYSROOT (source_system_path()). */
#ifndef PORTSCOPE_SYSINFO_H
#define PORTSCOPE_SYSINFO_H

#include <stdbool.h>

/* Where the facts come from, for provenance in output. */
#define SYSINFO_EPHEMERAL_PATH "/proc/sys/net/ipv4/ip_local_port_range"
#define SYSINFO_UNPRIVILEGED_PATH "/proc/sys/net/ipv4/ip_unprivileged_port_start"

/* The ephemeral range [*lo, *hi]; false when unreadable or malformed. */
bool sysinfo_ephemeral_range(unsigned *lo, unsigned *hi);
/* ip_unprivileged_port_start; false when unreadable or malformed. */
bool sysinfo_unprivileged_start(unsigned *port);

#endif
