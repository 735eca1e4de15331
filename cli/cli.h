/* SPDX-License-Identifier: MIT */
/* cli.h: the command line (doc/HACKING.md, "The command line"). cli_main() parses the
 * options, loads the registry when a command needs it and runs the
 * command. Each program's main passes in how to start the TUI (portscope's
 * execs portscope-tui, whose main starts it), so the CLI never depends on
 * it. */
#ifndef PORTSCOPE_CLI_H
#define PORTSCOPE_CLI_H

#include <stdio.h>

#include "error.h"
#include "output.h"
#include "portfacts.h"
#include "registry.h"
#include "strbuf.h"

/* Options, by number; as bits (enum cli_opt) a command says which ones it
 * takes. */
enum cli_opt_index {
	OPTI_PROTO,
	OPTI_MIN,
	OPTI_COUNT,
	OPTI_RUN,
	OPTI_FIELD,
	OPTI_URL,
	OPTI_OUTPUT,
	OPTI_CASE,
	OPTI_ANY_RANGE,
	OPTI_PORTS,
	OPTI_TIMEOUT,
	OPTI_SCAN,
	OPTI_BY_YEAR,
	OPTI_ZOOM,
	OPTI_WIDTH,
	OPTI_GREP,
	OPTI_MARK,
	OPTI_CA_FILE,
	OPTI_N,
};

enum cli_opt {
	OPT_PROTO = 1 << OPTI_PROTO,
	OPT_MIN = 1 << OPTI_MIN,
	OPT_COUNT = 1 << OPTI_COUNT,
	OPT_RUN = 1 << OPTI_RUN,
	OPT_FIELD = 1 << OPTI_FIELD,
	OPT_URL = 1 << OPTI_URL,
	OPT_OUTPUT = 1 << OPTI_OUTPUT,
	OPT_CASE = 1 << OPTI_CASE,
	OPT_ANY_RANGE = 1 << OPTI_ANY_RANGE,
	OPT_PORTS = 1 << OPTI_PORTS,
	OPT_TIMEOUT = 1 << OPTI_TIMEOUT,
	OPT_SCAN = 1 << OPTI_SCAN,
	OPT_BY_YEAR = 1 << OPTI_BY_YEAR,
	OPT_ZOOM = 1 << OPTI_ZOOM,
	OPT_WIDTH = 1 << OPTI_WIDTH,
	OPT_GREP = 1 << OPTI_GREP,
	OPT_MARK = 1 << OPTI_MARK,
	OPT_CA_FILE = 1 << OPTI_CA_FILE,
};

struct cli {
	const char *prog;
	const char *registry_path; /* --registry */
	enum format format;
	enum transport proto; /* --proto, default TRANSPORT_ANY */
	long min, count, run;
	const char *field, *url, *output;
	const char *ports;		/* --ports, for scan */
	const char *ca_file;		/* --ca-file, for update */
	long timeout;			/* --timeout, seconds, for scan and suggest --scan */
	const char *zoom, *grep, *mark; /* map's --zoom, --grep, --mark */
	long map_width;			/* map's --width, 0: the default */
	int case_mode;			/* --ignore-case / --case-sensitive: -1, 1; 0 smart */
	unsigned given;			/* enum cli_opt bits seen */
	struct registry *reg;		/* loaded on demand by cli_registry() */
	struct portfacts *facts;	/* the optional sources: cli_facts() */
	char **scan;			/* tui --scan: its targets */
	size_t nscan;
	struct ps_error err;
	struct strbuf out; /* stdout, flushed by the command loop */
};

struct cli_command {
	const char *name;
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line for --help */
	unsigned opts;	     /* enum cli_opt bits accepted */
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* Start the TUI; initial is a port or name to put the cursor on, or NULL;
 * pick: as a picker (the pick command). */
typedef int (*cli_tui_fn)(struct cli *cli, const char *initial, bool pick);

/* The program's start: the locale and its catalogues, SIGPIPE ignored,
 * then the command line; tui starts the TUI. Returns the exit status. */
int cli_main(int argc, char **argv, cli_tui_fn tui);
/* The registry, loaded on first use; NULL with cli->err set on failure. */
struct registry *cli_registry(struct cli *cli);
/* The optional sources (portfacts.h), each loaded on first use; NULL with
 * cli->err set when out of memory. */
struct portfacts *cli_facts(struct cli *cli);
/* Print a usage error and return EXIT_TROUBLE. */
int cli_usage_error(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print cli->err (file:line: message) and return EXIT_TROUBLE. */
int cli_data_error(struct cli *cli);
/* Print a warning line on stderr (sanitised). */
void cli_warn(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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
int cmd_name(struct cli *cli, int argc, char **argv);
int cmd_scan(struct cli *cli, int argc, char **argv);
int cmd_map(struct cli *cli, int argc, char **argv);

struct nmapxml;
/* Scan targets[0..n) on ports (nmap's -p list, NULL for its default) for
 * transport t (tcp or udp) with nmap, within --timeout (cmd_scan.c).
 * 0 with the report in *out, or EXIT_TROUBLE once said why. */
int scan_targets(struct cli *cli, char *const *targets, size_t n, const char *ports,
		 enum transport t, struct nmapxml **out);

#endif
