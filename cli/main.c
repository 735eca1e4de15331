/* SPDX-License-Identifier: MIT */
/* main.c: portscope, the command line (cli.c). Its tui and pick commands
 * exec the TUI's own program, portscope-tui (tui_main.c), with the same
 * arguments: so this program links no curses and a query starts with no
 * library it does not use (doc/HACKING.md, "Layers"). */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../src/i18n.h"
#include "../src/paths.h"
#include "cli.h"

static char **main_argv;

/* The tui and pick commands: portscope-tui parses the same command line
 * again and starts the TUI; only a failed exec returns. */
static int main_exec_tui(struct cli *cli, const char *initial, bool pick)
{
	(void)initial, (void)pick;
	const char *tui = paths_tui_program();
	execv(tui, main_argv);
	cli_warn(cli, _("cannot start the TUI: %s: %s"), tui, strerror(errno));
	return EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	main_argv = argv;
	return cli_main(argc, argv, main_exec_tui);
}
