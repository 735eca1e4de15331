/* SPDX-License-Identifier: MIT */
/* main.c: the program entry: locale, then the command line, which starts
 * the TUI through the hook the front end hands it. */
#include <config.h>

#include <locale.h>
#include <signal.h>

#include "../src/cli.h"
#include "../src/i18n.h"
#include "../src/paths.h"
#include "app.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* the installed catalogues, or the build tree's own (paths.h) */
	bindtextdomain(PACKAGE, paths_localedir());
	textdomain(PACKAGE);
#endif
	signal(SIGPIPE, SIG_IGN);
	return cli_main(argc, argv, app_main);
}
