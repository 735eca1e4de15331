/* SPDX-License-Identifier: MIT */
/* app.h: the TUI's entry point, handed to cli_main() as its cli_tui_fn. */
#ifndef PORTSCOPE_APP_H
#define PORTSCOPE_APP_H

#include "tui.h"

/* Run the TUI on cli's registry, cursor on initial (a port or name, or
 * NULL). Headless when $PORTSCOPE_TEST_SCRIPT is set (see script.h). */
int app_main(struct cli *cli, const char *initial);

#endif
