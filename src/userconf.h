/* SPDX-License-Identifier: MIT */
/* userconf.h: the user's config file,
 * ${XDG_CONFIG_HOME:-~/.config}/portscope/config. A line is a key and
 * its words, separated by blanks; '#' starts a comment line; blank lines
 * are skipped. Strict: an unknown key, a key without its words or a bad
 * word is an error "file:line: why", never skipped. The keys:
 *   scan TARGET...   the hosts the TUI's scan key asks (nmap's syntax,
 *                    checked as `portscope scan` checks its targets);
 *                    several scan lines add up. */
#ifndef PORTSCOPE_USERCONF_H
#define PORTSCOPE_USERCONF_H

#include <stddef.h>

#include "error.h"
#include "strbuf.h"

struct userconf {
	char **scan; /* the targets of every scan line, in order */
	size_t nscan;
};

/* The file's path. */
void userconf_path(struct strbuf *out);
/* Read path into c (empty when the file does not exist); -1 with err set
 * ("file:line: why") when it cannot be read or is malformed. */
int userconf_load(const char *path, struct userconf *c, struct ps_error *err);
void userconf_free(struct userconf *c);

#endif
