/* SPDX-License-Identifier: MIT */
/* cli.h: the command line (doc/HACKING.md, "The command line"). cli_main() parses the
 * options, loads the registry when a command needs it and runs the
 * command. The program's main passes in how to start the TUI, so the CLI
 * never depends on it. */
#ifndef PORTSCOPE_CLI_H
#define PORTSCOPE_CLI_H

#include <stdio.h>

#include "error.h"
#include "output.h"
#include "portfacts.h"
#include "registry.h"
#include "strbuf.h"

/* Options, as bits, so a command can say which ones it takes. */
enum cli_opt {
	OPT_PROTO = 1 << 0,
	OPT_MIN = 1 << 1,
	OPT_COUNT = 1 << 2,
	OPT_RUN = 1 << 3,
	OPT_FIELD = 1 << 4,
	OPT_URL = 1 << 5,
	OPT_OUTPUT = 1 << 6,
	OPT_CASE = 1 << 7,
	OPT_ANY_RANGE = 1 << 8,
};

struct cli {
	const char *prog;
	const char *registry_path; /* --registry */
	enum format format;
	enum transport proto;      /* --proto, default TRANSPORT_ANY */
	long min, count, run;
	const char *field, *url, *output;
	int case_mode;             /* --ignore-case / --case-sensitive: -1, 1; 0 smart */
	unsigned given;            /* enum cli_opt bits seen */
	struct registry *reg;      /* loaded on demand by cli_registry() */
	struct portfacts *facts;   /* the optional sources, by cli_facts() */
	struct ps_error err;
	struct strbuf out;         /* stdout, flushed by the command loop */
};

struct cli_command {
	const char *name;
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line for --help */
	unsigned opts;       /* enum cli_opt bits accepted */
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* Start the TUI; initial is a port or name to put the cursor on, or NULL. */
typedef int (*cli_tui_fn)(struct cli *cli, const char *initial);

int cli_main(int argc, char **argv, cli_tui_fn tui);
/* The registry, loaded on first use; NULL with cli->err set on failure. */
struct registry *cli_registry(struct cli *cli);
/* The optional sources (portfacts.h), each loaded on first use; NULL with
 * cli->err set when out of memory. */
struct portfacts *cli_facts(struct cli *cli);
/* Print a usage error and return EXIT_TROUBLE. */
int cli_usage_error(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print cli->err (file:line: message) and return EXIT_TROUBLE. */
int cli_data_error(struct cli *cli);
/* Print a warning line on stderr (sanitised). */
void cli_warn(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Commands (cmd_*.c). */
int cmd_lookup(struct cli *cli, int argc, char **argv);
int cmd_free(struct cli *cli, int argc, char **argv);
int cmd_gaps(struct cli *cli, int argc, char **argv);
int cmd_stats(struct cli *cli, int argc, char **argv);
int cmd_grep(struct cli *cli, int argc, char **argv);
int cmd_diff(struct cli *cli, int argc, char **argv);
int cmd_update(struct cli *cli, int argc, char **argv);
int cmd_listeners(struct cli *cli, int argc, char **argv);
int cmd_suggest(struct cli *cli, int argc, char **argv);

#endif
