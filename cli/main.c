/* SPDX-License-Identifier: MIT */
/* main.c: the program entry: locale, then the command line (cli.c), which
 * starts the TUI through the hook handed to it here; the one place that
 * knows both the CLI and the TUI (tui/app.h). */
#include <config.h>

#include <locale.h>
#include <signal.h>

#include "../src/i18n.h"
#include "../src/paths.h"
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
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* the installed catalogues, or the build tree's own (paths.h) */
	bindtextdomain(PACKAGE, paths_localedir());
	textdomain(PACKAGE);
#endif
	signal(SIGPIPE, SIG_IGN);
	return cli_main(argc, argv, main_tui);
}
