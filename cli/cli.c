/* SPDX-License-Identifier: MIT */
/* cli.c: option parsing, the command table and the exit-status contract. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "image.h"
#include "paths.h"
#include "ports.h"
#include "sanitize.h"
#include "utf8.h"
#include "source.h"

/* L10N: each command's synopsis and summary for --help. In a synopsis,
   translate the placeholders (RANGE, FILE, NAME ...) the same way as in the
   rest of the help; keep the command and option names (--proto). */
static const struct cli_command commands[] = {
	{"tui", N_("[PORT|NAME] [--scan TARGET...]"),
	 N_("the interactive heat map, cursor on PORT; S scans on TARGET"),
	 OPT_PROTO | OPT_FIELD | OPT_SCAN, NULL},
	{"pick", N_("[PORT|NAME] [--scan TARGET...]"),
	 N_("the TUI as a picker: prints the port chosen with Enter"),
	 OPT_PROTO | OPT_FIELD | OPT_SCAN, NULL},
	{"lookup", N_("PORT|NAME..."), N_("every record for a port number or a service name"),
	 OPT_PROTO, cmd_lookup},
	{"free", N_("RANGE [--proto P]"), N_("free ports, one per line, ascending"), OPT_PROTO,
	 cmd_free},
	{"gaps", N_("RANGE [--proto P] [--min N]"), N_("maximal free runs: START-END<TAB>LENGTH"),
	 OPT_PROTO | OPT_MIN, cmd_gaps},
	{"grep", N_("REGEX [--field F] [--proto P]"), N_("records whose field F matches REGEX"),
	 OPT_FIELD | OPT_PROTO | OPT_CASE, cmd_grep},
	{"stats", N_("[--by-year]"),
	 N_("counts per range and state, assigned ports per transport, source; or per year"),
	 OPT_PROTO | OPT_BY_YEAR, cmd_stats},
	{"diff", N_("OLD.csv NEW.csv"), N_("what changed between two registry snapshots"), 0,
	 cmd_diff},
	{"update", N_("[--url URL] [--output FILE] [--ca-file PEM]"),
	 N_("download the official CSV, validate, replace atomically"),
	 OPT_URL | OPT_OUTPUT | OPT_CA_FILE, cmd_update},
	{"suggest", N_("PORT [--count N] [--run K] [--proto P] [--scan TARGET...]"),
	 N_("nearest ports (or runs of K) passing every check; --any-range: not only User"),
	 OPT_COUNT | OPT_RUN | OPT_PROTO | OPT_ANY_RANGE | OPT_SCAN | OPT_TIMEOUT, cmd_suggest},
	{"listeners", "", N_("local listening sockets, annotated from the registry"), 0,
	 cmd_listeners},
	{"map", N_("--output FILE [--zoom N|fit] [--by-year]"),
	 N_("the heat map (or the years) as a PNG, SVG or PDF picture"),
	 OPT_OUTPUT | OPT_ZOOM | OPT_WIDTH | OPT_GREP | OPT_MARK | OPT_PROTO | OPT_BY_YEAR,
	 cmd_map},
	{"name", N_("NAME..."),
	 N_("RFC 6335 validity of service names, registered or free, similar names"), 0, cmd_name},
	{"scan", N_("TARGET... [--ports LIST] [--proto tcp|udp] [--timeout S]"),
	 N_("run nmap on TARGET: each port's state, nmap's guess, the registry's name"),
	 OPT_PORTS | OPT_PROTO | OPT_TIMEOUT, cmd_scan},
};

enum {
	OPTC_REGISTRY = 256,
	OPTC_FORMAT,
	OPTC_PROTO,
	OPTC_MIN,
	OPTC_COUNT,
	OPTC_RUN,
	OPTC_FIELD,
	OPTC_URL,
	OPTC_CA_FILE,
	OPTC_OUTPUT,
	OPTC_HELP,
	OPTC_VERSION,
	OPTC_ICASE,
	OPTC_CASE,
	OPTC_ANY_RANGE,
	OPTC_LIST_NAMES,
	OPTC_PORTS,
	OPTC_TIMEOUT,
	OPTC_SCAN,
	OPTC_BY_YEAR,
	OPTC_ZOOM,
	OPTC_WIDTH,
	OPTC_GREP,
	OPTC_MARK,
	OPTC_NO_CACHE
};

static const struct option long_options[] = {
	{"registry", required_argument, NULL, OPTC_REGISTRY},
	{"format", required_argument, NULL, OPTC_FORMAT},
	{"proto", required_argument, NULL, OPTC_PROTO},
	{"min", required_argument, NULL, OPTC_MIN},
	{"count", required_argument, NULL, OPTC_COUNT},
	{"run", required_argument, NULL, OPTC_RUN},
	{"field", required_argument, NULL, OPTC_FIELD},
	{"url", required_argument, NULL, OPTC_URL},
	{"ca-file", required_argument, NULL, OPTC_CA_FILE},
	{"output", required_argument, NULL, OPTC_OUTPUT},
	{"ignore-case", no_argument, NULL, OPTC_ICASE},
	{"case-sensitive", no_argument, NULL, OPTC_CASE},
	{"any-range", no_argument, NULL, OPTC_ANY_RANGE},
	{"by-year", no_argument, NULL, OPTC_BY_YEAR},
	{"zoom", required_argument, NULL, OPTC_ZOOM},
	{"width", required_argument, NULL, OPTC_WIDTH},
	{"grep", required_argument, NULL, OPTC_GREP},
	{"mark", required_argument, NULL, OPTC_MARK},
	{"help", no_argument, NULL, OPTC_HELP},
	{"version", no_argument, NULL, OPTC_VERSION},
	{"list-names", no_argument, NULL, OPTC_LIST_NAMES},
	{"ports", required_argument, NULL, OPTC_PORTS},
	{"timeout", required_argument, NULL, OPTC_TIMEOUT},
	{"scan", no_argument, NULL, OPTC_SCAN},
	{"no-cache", no_argument, NULL, OPTC_NO_CACHE},
	{NULL, 0, NULL, 0},
};

/* "portscope: MESSAGE" on stderr, the message sanitised. */
static __attribute__((format(printf, 2, 0))) void vwarn(const struct cli *cli, const char *fmt,
							va_list ap)
{
	struct strbuf raw = STRBUF_INIT, clean = STRBUF_INIT;
	strbuf_vaddf(&raw, fmt, ap);
	sanitize_append(&clean, raw.data ? raw.data : "", raw.len);
	fprintf(stderr, "%s: %s\n", cli->prog, strbuf_str(&clean));
	strbuf_free(&raw);
	strbuf_free(&clean);
}

int cli_usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(cli, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), cli->prog);
	return EXIT_TROUBLE;
}

void cli_warn(struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(cli, fmt, ap);
	va_end(ap);
}

int cli_data_error(struct cli *cli)
{
	error_print(&cli->err, cli->prog, stderr);
	return EXIT_TROUBLE;
}

struct registry *cli_registry(struct cli *cli)
{
	if (cli->reg)
		return cli->reg;
	struct strbuf warning = STRBUF_INIT;
	cli->reg = source_open(cli->registry_path, &cli->err);
	for (int i = 0; cli->reg && source_warning(cli->reg, i, &warning); i++) {
		cli_warn(cli, "%s", strbuf_str(&warning));
		strbuf_reset(&warning);
	}
	strbuf_free(&warning);
	if (cli->reg)
		skips_print(&cli->reg->skipped, cli->reg->source, cli->prog, stderr);
	return cli->reg;
}

struct portfacts *cli_facts(struct cli *cli)
{
	if (!cli->facts && !(cli->facts = portfacts_new()))
		error_set(&cli->err, NULL, 0, _("out of memory"));
	return cli->facts;
}

/* --list-names: every service name of the registry, once (ignoring case),
 * sorted; for shell completion. */
static int list_names(struct cli *cli)
{
	struct registry *reg = cli_registry(cli);
	const uint32_t *idx;
	size_t n;
	if (!reg)
		return cli_data_error(cli);
	if (registry_named_records(reg, &idx, &n) < 0) {
		cli_warn(cli, _("out of memory"));
		return EXIT_TROUBLE;
	}
	const char *prev = "";
	for (size_t i = 0; i < n; i++) {
		const char *name = registry_field(reg, &reg->rec[idx[i]], FIELD_SERVICE);
		if (strcasecmp(name, prev) != 0) {
			output_text(&cli->out, name);
			strbuf_addc(&cli->out, '\n');
		}
		prev = name;
	}
	return n ? EXIT_RESULTS : EXIT_NO_RESULTS;
}

/* One warning per optional source that left malformed lines out. */
static void cli_warn_skipped(const struct cli *cli)
{
	if (!cli->facts)
		return;
	const struct portnames *src[] = {cli->facts->etc, cli->facts->nmap, cli->facts->labels};
	for (size_t i = 0; i < sizeof(src) / sizeof(src[0]); i++)
		if (src[i])
			skips_print(&src[i]->skipped, src[i]->path, cli->prog, stderr);
}

static void print_help(const char *prog)
{
	printf(_("Usage: %s [--registry FILE] [--format text|json|csv] [COMMAND [ARGS]]\n"), prog);
	printf(_("Browse the IANA service name and port number registry.\n\n"));
	printf(_("Commands:\n"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		struct strbuf syn = STRBUF_INIT, line = STRBUF_INIT;
		strbuf_addf(&syn, "%s %s", commands[i].name,
			    *commands[i].args ? _(commands[i].args) : "");
		strbuf_adds(&line, "  ");
		/* a long translated synopsis pushes its summary right, never cut */
		utf8_pad(&line, strbuf_str(&syn),
			 utf8_width(strbuf_str(&syn)) > 36 ? utf8_width(strbuf_str(&syn)) : 36, 0);
		printf("%s %s\n", strbuf_str(&line), _(commands[i].summary));
		strbuf_free(&syn);
		strbuf_free(&line);
	}
	printf(_("\nWith no command and a terminal on standard output, the TUI starts.\n"
		 "RANGE is LO-HI, a single port, or system, user or dynamic.\n"
		 "P is tcp, udp, sctp, dccp or any (the default).\n"
		 "Exit status: 0 results, 1 no results, 2 usage or data error.\n"
		 "--list-names prints every service name of the registry (for shell completion).\n"
		 "--no-cache parses every source instead of using or writing compiled images.\n"));
}

/* A whole number option in [lo, hi]. */
static int parse_long(struct cli *cli, const char *name, const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return cli_usage_error(cli,
				       _("--%s takes a whole number from %ld to %ld, not '%s'"),
				       name, lo, hi, s);
	*out = v;
	return 0;
}

static int parse_option(struct cli *cli, int c, const char *arg)
{
	switch (c) {
	case OPTC_REGISTRY:
		cli->registry_path = arg;
		return 0;
	case OPTC_FORMAT: {
		int f = output_parse_format(arg);
		if (f < 0)
			return cli_usage_error(cli, _("--format takes text, json or csv, not '%s'"),
					       arg);
		cli->format = (enum format)f;
		return 0;
	}
	case OPTC_PROTO: {
		int t = transport_parse_filter(arg);
		if (t < 0)
			return cli_usage_error(
				cli, _("--proto takes tcp, udp, sctp, dccp or any, not '%s'"), arg);
		cli->proto = (enum transport)t;
		cli->given |= OPT_PROTO;
		return 0;
	}
	case OPTC_MIN:
		cli->given |= OPT_MIN;
		return parse_long(cli, "min", arg, 1, PORT_COUNT, &cli->min);
	case OPTC_COUNT:
		cli->given |= OPT_COUNT;
		return parse_long(cli, "count", arg, 1, PORT_COUNT, &cli->count);
	case OPTC_RUN:
		cli->given |= OPT_RUN;
		return parse_long(cli, "run", arg, 1, PORT_COUNT, &cli->run);
	case OPTC_FIELD:
		cli->given |= OPT_FIELD;
		cli->field = arg;
		return 0;
	case OPTC_URL:
		cli->given |= OPT_URL;
		cli->url = arg;
		return 0;
	case OPTC_CA_FILE:
		cli->given |= OPT_CA_FILE;
		cli->ca_file = arg;
		return 0;
	case OPTC_OUTPUT:
		cli->given |= OPT_OUTPUT;
		cli->output = arg;
		return 0;
	case OPTC_ICASE:
		cli->given |= OPT_CASE;
		cli->case_mode = -1;
		return 0;
	case OPTC_CASE:
		cli->given |= OPT_CASE;
		cli->case_mode = 1;
		return 0;
	case OPTC_ANY_RANGE:
		cli->given |= OPT_ANY_RANGE;
		return 0;
	case OPTC_PORTS:
		cli->given |= OPT_PORTS;
		cli->ports = arg;
		return 0;
	case OPTC_TIMEOUT:
		cli->given |= OPT_TIMEOUT;
		return parse_long(cli, "timeout", arg, 1, 86400, &cli->timeout);
	case OPTC_SCAN:
		cli->given |= OPT_SCAN;
		return 0;
	case OPTC_BY_YEAR:
		cli->given |= OPT_BY_YEAR;
		return 0;
	case OPTC_ZOOM:
		cli->given |= OPT_ZOOM;
		cli->zoom = arg;
		return 0;
	case OPTC_WIDTH:
		cli->given |= OPT_WIDTH;
		return parse_long(cli, "width", arg, 320, 16384, &cli->map_width);
	case OPTC_GREP:
		cli->given |= OPT_GREP;
		cli->grep = arg;
		return 0;
	case OPTC_MARK:
		cli->given |= OPT_MARK;
		cli->mark = arg;
		return 0;
	case OPTC_NO_CACHE:
		image_enable(false);
		return 0;
	default:
		return EXIT_TROUBLE; /* getopt already said what was wrong */
	}
}

static const struct cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Name the first option given that cmd does not take. */
static int check_options(struct cli *cli, const struct cli_command *cmd)
{
	static const char *const names[OPTI_N] = {
		[OPTI_PROTO] = "proto",		[OPTI_MIN] = "min",
		[OPTI_COUNT] = "count",		[OPTI_RUN] = "run",
		[OPTI_FIELD] = "field",		[OPTI_URL] = "url",
		[OPTI_OUTPUT] = "output",	[OPTI_CASE] = "ignore-case",
		[OPTI_ANY_RANGE] = "any-range", [OPTI_PORTS] = "ports",
		[OPTI_TIMEOUT] = "timeout",	[OPTI_SCAN] = "scan",
		[OPTI_BY_YEAR] = "by-year",	[OPTI_ZOOM] = "zoom",
		[OPTI_WIDTH] = "width",		[OPTI_GREP] = "grep",
		[OPTI_MARK] = "mark",		[OPTI_CA_FILE] = "ca-file",
	};
	unsigned extra = cli->given & ~cmd->opts;
	for (unsigned i = 0; extra; i++, extra >>= 1)
		if (extra & 1)
			return cli_usage_error(cli, _("'%s' does not take --%s"), cmd->name,
					       names[i]);
	return 0;
}

/* The tui and pick commands: at most one PORT or NAME. With --scan
 * the arguments are the targets, after a first one that is a port number
 * (the cursor's). */
static int run_tui(struct cli *cli, const struct cli_command *cmd, int argc, char **argv,
		   cli_tui_fn tui)
{
	bool scan = cli->given & OPT_SCAN;
	unsigned port;
	bool port_first = argc && ports_parse_port(argv[0], &port) == 0;
	if (scan && argc - port_first < 1)
		return cli_usage_error(cli, _("'%s --scan' takes one TARGET or more"), cmd->name);
	if (!scan && argc > 1)
		return cli_usage_error(cli, _("'%s' takes at most one PORT or NAME"), cmd->name);
	cli->scan = scan ? argv + port_first : NULL;
	cli->nscan = scan ? (size_t)(argc - port_first) : 0;
	return tui(cli, argc && (!scan || port_first) ? argv[0] : NULL,
		   strcmp(cmd->name, "pick") == 0);
}

static int run_command(struct cli *cli, const struct cli_command *cmd, int argc, char **argv,
		       cli_tui_fn tui)
{
	if (check_options(cli, cmd))
		return EXIT_TROUBLE;
	if (!cmd->run) /* tui, pick */
		return run_tui(cli, cmd, argc, argv, tui);
	int rc = cmd->run(cli, argc, argv);
	cli_warn_skipped(cli);
	if (output_flush(&cli->out, stdout) < 0 || fflush(stdout) != 0) {
		if (errno != EPIPE)
			cli_warn(cli, _("error writing output: %s"), strerror(errno));
		return EXIT_TROUBLE;
	}
	return rc;
}

static int cli_run(int argc, char **argv, cli_tui_fn tui);

/* The long option arg names ("--format", "--format=json", "--for"), or
 * NULL when it names none of portscope's. */
static const struct option *cli_known_option(const char *arg)
{
	if (strncmp(arg, "--", 2) != 0 || !arg[2])
		return NULL;
	size_t n = strcspn(arg + 2, "=");
	const struct option *hit = NULL;
	for (const struct option *o = long_options; o->name; o++)
		if (strncmp(o->name, arg + 2, n) == 0) {
			if (strlen(o->name) == n)
				return o;
			hit = hit ? NULL : o; /* an unambiguous prefix, as getopt takes */
		}
	return hit;
}

/* `name -x` must check the name "-x" (RFC 6335 forbids a leading hyphen,
 * and name says so), not refuse an unknown option: after the command word
 * "name", all but portscope's own long options go behind a "--", in
 * order. Returns a new argv (argc + 1 entries) or NULL when not needed. */
static char **cli_names_last(int argc, char **argv, int *new_argc)
{
	int cmd = 0;
	for (int i = 1; i < argc && !cmd; i++) {
		const struct option *o = cli_known_option(argv[i]);
		if (strcmp(argv[i], "--") == 0)
			return NULL;
		if (o && o->has_arg == required_argument && !strchr(argv[i], '='))
			i++;
		else if (!o && argv[i][0] != '-')
			cmd = i;
	}
	if (!cmd || strcmp(argv[cmd], "name") != 0)
		return NULL;
	char **v = malloc(((size_t)argc + 2) * sizeof(*v));
	if (!v)
		return NULL;
	int n = 0;
	for (int i = 0; i <= cmd; i++)
		v[n++] = argv[i];
	for (int i = cmd + 1; i < argc; i++) { /* portscope's options first */
		const struct option *o = cli_known_option(argv[i]);
		if (!o)
			continue;
		v[n++] = argv[i];
		if (o->has_arg == required_argument && !strchr(argv[i], '=') && i + 1 < argc)
			v[n++] = argv[++i];
	}
	static char dashdash[] = "--";
	v[n++] = dashdash;
	for (int i = cmd + 1; i < argc; i++) { /* then the names, in order */
		const struct option *o = cli_known_option(argv[i]);
		if (o && o->has_arg == required_argument && !strchr(argv[i], '='))
			i++;
		else if (!o && strcmp(argv[i], "--") != 0)
			v[n++] = argv[i];
	}
	v[n] = NULL;
	*new_argc = n;
	return v;
}

int cli_main(int argc, char **argv, cli_tui_fn tui)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* the installed catalogues, or the build tree's own (paths.h) */
	bindtextdomain(PACKAGE, paths_localedir());
	textdomain(PACKAGE);
#endif
	signal(SIGPIPE, SIG_IGN);
	int names_argc;
	char **names_argv = cli_names_last(argc, argv, &names_argc);
	if (names_argv) {
		int rc = cli_run(names_argc, names_argv, tui);
		free(names_argv);
		return rc;
	}
	return cli_run(argc, argv, tui);
}

/* The command line, as cli_main() hands it on. */
static int cli_run(int argc, char **argv, cli_tui_fn tui)
{
	struct cli cli = {.prog = "portscope",
			  .proto = TRANSPORT_ANY,
			  .err = PS_ERROR_INIT,
			  .out = STRBUF_INIT};
	int c, rc = 0;
	bool list_names_asked = false;
	opterr = 1;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		if (c == 'h' || c == OPTC_HELP) {
			print_help(cli.prog);
			return EXIT_RESULTS;
		}
		if (c == OPTC_VERSION) {
			printf("portscope %s\n", PACKAGE_VERSION);
			return EXIT_RESULTS;
		}
		if (c == OPTC_LIST_NAMES) {
			list_names_asked = true;
			continue;
		}
		if (c == '?' || (rc = parse_option(&cli, c, optarg)) != 0) {
			if (c == '?')
				fprintf(stderr, _("Try '%s --help' for more information.\n"),
					cli.prog);
			return EXIT_TROUBLE;
		}
	}
	argc -= optind;
	argv += optind;
	if (list_names_asked) {
		rc = argc ? cli_usage_error(&cli, _("--list-names takes no command"))
			  : list_names(&cli);
		if (!rc && (output_flush(&cli.out, stdout) < 0 || fflush(stdout) != 0))
			rc = EXIT_TROUBLE;
		registry_free(cli.reg);
		error_clear(&cli.err);
		strbuf_free(&cli.out);
		return rc;
	}
	const struct cli_command *cmd;
	if (argc == 0) {
		if (!isatty(STDOUT_FILENO)) {
			print_help(cli.prog);
			return EXIT_TROUBLE;
		}
		cmd = find_command("tui");
	} else if (!(cmd = find_command(argv[0]))) {
		return cli_usage_error(&cli, _("unknown command '%s'"), argv[0]);
	} else {
		argc--, argv++;
	}
	rc = run_command(&cli, cmd, argc, argv, tui);
	registry_free(cli.reg);
	portfacts_free(cli.facts);
	error_clear(&cli.err);
	strbuf_free(&cli.out);
	return rc;
}
