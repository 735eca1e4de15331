/* SPDX-License-Identifier: MIT */
/* tui_main.c: portscope-tui, the TUI's program, which portscope's tui and
 * pick commands exec (main.c): the same command line (cli.c) with the TUI
 * (tui/app.h) behind those two commands; the one place that knows both
 * the CLI and the TUI. */
#include <config.h>

#include "../tui/app.h"
#include "cli.h"

/* The tui and pick commands: the TUI, with what the command line said. */
static int main_tui(struct cli *cli, const char *initial, bool pick)
{
	const struct app_options opt = {
		.prog = cli->prog,
		.registry_path = cli->registry_path,
		.proto = cli->proto,
		.field = cli->field,
		.initial = initial,
		.scan = cli->scan,
		.nscan = cli->nscan,
		.pick = pick,
	};
	return app_main(&opt);
}

int main(int argc, char **argv)
{
	return cli_main(argc, argv, main_tui);
}
