/* SPDX-License-Identifier: MIT */
/* listeners.h: the sockets listening on this machine, read like `ss -ltunp`
 * over netlink or from /proc/net/{tcp,tcp6,udp,udp6} (TCP in LISTEN, UDP bound and
 * unconnected) with each socket inode mapped to the process holding it
 * through /proc/PID/fd. Every path goes through source_system_path(), so
 * $PORTSCOPE_SYSROOT points the reader at a fixture tree.
 *
 * What cannot be read is left unknown, never an error: a missing /proc/net
 * file is skipped, a /proc/PID/fd we may not open (not root) leaves pid -1
 * and process NULL. A malformed /proc/net line is skipped and counted; the
 * first one is kept as file:line and reason so the caller can warn.
 *
 * The system changes while it is read. A socket listed twice (the kernel
 * repeats one when another closes between two reads) is kept once; a last
 * line cut inside its inode is malformed; a process or fd gone before its
 * turn leaves the socket's pid unknown; a comm gone after its fds were
 * read leaves the pid known and the process NULL. */
#ifndef PORTSCOPE_LISTENERS_H
#define PORTSCOPE_LISTENERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "portbits.h"
#include "registry.h"

/* Longest rendered address: an IPv6 address ("ffff:...:255.255.255.255"). */
#define LISTENERS_ADDR_MAX 46

struct listener {
	enum transport transport;      /* TRANSPORT_TCP or TRANSPORT_UDP */
	bool v6;		       /* from tcp6/udp6 */
	char addr[LISTENERS_ADDR_MAX]; /* inet_ntop() text */
	unsigned port;
	unsigned long inode;
	long pid;      /* lowest pid holding it, -1 unknown */
	char *process; /* /proc/PID/comm, NULL unknown */
};

struct listeners {
	struct listener *v; /* sorted by port, transport, address; one per socket */
	size_t n, cap;
	size_t malformed;     /* /proc/net lines skipped */
	char *malformed_file; /* the first one: file, line, reason */
	unsigned long malformed_line;
	const char *malformed_why; /* static English, translate with _() */
	size_t unreadable;	   /* /proc/PID/fd directories we could not open */
	struct ps_error refused;   /* the first /proc/net file refused by infile.h
				      (a device, a FIFO, too big): file and reason */
	struct portbits in_use;
};

/* One /proc/net line, parsed. */
struct listeners_line {
	unsigned state; /* 0x0A LISTEN, 0x07 CLOSE (unconnected UDP) */
	unsigned port;
	unsigned long inode;
	char addr[LISTENERS_ADDR_MAX];
};

/* Parse one line (no newline) of /proc/net/tcp (v6 false) or tcp6 (v6
 * true); udp and udp6 share the format. Returns 0, or -1 with a static
 * English reason in *why. Never reads outside [s, s + n): fuzzable. */
int listeners_parse_line(const char *s, size_t n, bool v6, struct listeners_line *out,
			 const char **why);

/* Append one socket of table t/v6 as a listener; -1 when out of memory. */
int listeners_add(struct listeners *ls, enum transport t, bool v6, const struct listeners_line *l);
/* Drop the listeners from index n on. */
void listeners_drop_from(struct listeners *ls, size_t n);
/* Append the listening sockets of one table (TCP LISTEN or unconnected
 * UDP, IPv4 or IPv6) as NETLINK_SOCK_DIAG reports them (listeners_diag.c);
 * -1, with nothing appended, when netlink cannot tell (no such socket
 * family, a module missing, no memory): then read the /proc/net file. */
int listeners_diag_table(struct listeners *ls, enum transport t, bool v6);

/* Read every listener; NULL only when out of memory (err set). Over
 * netlink, except under $PORTSCOPE_SYSROOT (the tests' fixture trees). */
struct listeners *listeners_read(struct ps_error *err);
void listeners_free(struct listeners *ls);

/* Is port in use by a listener of transport t (TRANSPORT_ANY: any)? O(1). */
bool listeners_in_use(const struct listeners *ls, unsigned port, enum transport t);
/* The listeners on port, contiguous in ls->v from *first (NULL when none);
 * returns how many. */
size_t listeners_at(const struct listeners *ls, unsigned port, const struct listener **first);

#endif
