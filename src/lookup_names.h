/* lookup_names.h: `lookup PORT` (text) shows every name a port has in the
 * IANA registry, /etc/services and nmap-services, each with its source,
 * when the sources disagree. */
#ifndef PORTSCOPE_LOOKUP_NAMES_H
#define PORTSCOPE_LOOKUP_NAMES_H

#include "cli.h"

/* Append the "names differ" block for port to cli->out, if they differ. */
void lookup_names_text(struct cli *cli, unsigned port);

#endif
