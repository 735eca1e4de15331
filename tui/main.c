/* SPDX-License-Identifier: MIT */
/* main.c: the program entry: locale, then the command line, which starts
 * the TUI through the hook the front end hands it. */
#include <config.h>

#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "../src/cli.h"
#include "../src/i18n.h"
#include "app.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* $PORTSCOPE_LOCALEDIR: catalogues not yet installed (the tests) */
	const char *dir = getenv("PORTSCOPE_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	signal(SIGPIPE, SIG_IGN);
	return cli_main(argc, argv, app_main);
}
