/* SPDX-License-Identifier: MIT */
/* portfacts.h: the optional sources besides the
 * registry, each loaded on first use so a command pays only for what it
 * asks: /etc/services, nmap-services, the user's labels, the listeners of
 * this machine and the kernel's port ranges. Every answer per port is O(1)
 * (bitmaps) or a short binary search, for the CLI and the TUI alike.
 * System files are looked up under $PORTSCOPE_SYSROOT. */
#ifndef PORTSCOPE_PORTFACTS_H
#define PORTSCOPE_PORTFACTS_H

#include <stdbool.h>

#include "error.h"
#include "listeners.h"
#include "portnames.h"
#include "strbuf.h"
#include "sysinfo.h"

#define PORTFACTS_ETC_SERVICES "/etc/services"
#define PORTFACTS_NMAP_SERVICES "/usr/share/nmap/nmap-services"

struct portfacts {
	struct portnames *etc, *nmap, *labels;
	struct listeners *listeners;
	bool sys_read; /* sys below has been read */
	struct sysinfo_ports sys;
};

struct portfacts *portfacts_new(void);
void portfacts_free(struct portfacts *pf);

/* Each loads its source on first call; NULL with err set only for a
 * malformed file or no memory (a missing file is an empty, !present set). */
const struct portnames *portfacts_etc_services(struct portfacts *pf, struct ps_error *err);
const struct portnames *portfacts_nmap(struct portfacts *pf, struct ps_error *err);
const struct portnames *portfacts_labels(struct portfacts *pf, struct ps_error *err);
/* Make the /etc/services and nmap-services sets loaded so far ready for
 * portnames_at(port) (portnames_prepare_port()); one whose image fails a
 * check is parsed again in its place (call the getters above again for
 * it). -1 with err set when that parse fails (the set is then dropped). */
int portfacts_prepare_port(struct portfacts *pf, unsigned port, struct ps_error *err);
const struct listeners *portfacts_listeners(struct portfacts *pf, struct ps_error *err);
/* Scan the listeners again (the TUI's `L`); NULL with err set only when out
 * of memory, and then the previous scan is kept. */
const struct listeners *portfacts_listeners_rescan(struct portfacts *pf, struct ps_error *err);
/* The kernel's facts, read once per run; err (may be NULL) is set only by
 * the call that reads them, when a file is malformed (it then counts as
 * unknown). */
const struct sysinfo_ports *portfacts_sys(struct portfacts *pf, struct ps_error *err);
/* The kernel's ephemeral range; false if unknown. */
bool portfacts_ephemeral(struct portfacts *pf, unsigned *lo, unsigned *hi);
/* ${XDG_CONFIG_HOME:-~/.config}/portscope/labels */
void portfacts_labels_path(struct strbuf *out);

#endif
