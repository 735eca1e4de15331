/* SPDX-License-Identifier: MIT */
/* app.h: the TUI's one entry point. The TUI program's main
 * (cli/tui_main.c) calls it with what the command line said, in the core's terms only: the TUI
 * loads its registry and sources through the core itself, and says what
 * goes wrong before curses starts on standard error itself. */
#ifndef PORTSCOPE_APP_H
#define PORTSCOPE_APP_H

#include <stddef.h>

#include "../src/registry.h"

struct app_options {
	const char *prog;	   /* the program's name, for messages */
	const char *registry_path; /* --registry, or NULL: the core finds one */
	enum transport proto;	   /* --proto */
	const char *field;	   /* --field, or NULL: name and description */
	const char *initial;	   /* a port or service name for the cursor, or NULL */
	bool pick;		   /* the pick command: drawn on /dev/tty, Enter picks */
	char *const *scan;	   /* --scan's targets (none: the config file's) */
	size_t nscan;
};

/* Run the TUI; the exit status. Headless when $PORTSCOPE_TEST_SCRIPT is
 * set (see script.h). As a picker (opt->pick) it draws on /dev/tty, so
 * standard input and output may be anything; Enter on a map cell or a
 * suggestion prints that port and a newline on standard output, exit 0;
 * q or Esc on the map prints nothing, exit 1. */
int app_main(const struct app_options *opt);

#endif
