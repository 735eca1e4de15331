/* SPDX-License-Identifier: MIT */
/* lookup_names.h: every name a port has in the IANA registry,
 * /etc/services and nmap-services, each with its source, when the sources
 * disagree: for `lookup PORT` (text) and the TUI's detail pane. */
#ifndef PORTSCOPE_LOOKUP_NAMES_H
#define PORTSCOPE_LOOKUP_NAMES_H

#include <stdbool.h>

#include "portnames.h"
#include "registry.h"
#include "strbuf.h"

/* Append to block one line per source that names port ("  SOURCE  name/tcp
 * name/udp", names escaped); etc and nmap may be NULL (absent). Returns
 * true when the sources disagree; when they agree block is left as it was. */
bool lookup_names_block(struct strbuf *block, const struct registry *reg,
			const struct portnames *etc, const struct portnames *nmap, unsigned port);

#endif
