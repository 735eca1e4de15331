/* SPDX-License-Identifier: MIT */
/* cmd_suggest.c: `portscope suggest PORT [--count N] [--run K] [--proto P]
 * [--any-range]`: the ports (or blocks of K ports) nearest PORT that pass
 * every check of suggest.h, each shown with the value behind every check,
 * after a legend naming the checks and their sources and a line saying
 * which checks PORT itself fails. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "badports.h"
#include "cli.h"
#include "i18n.h"
#include "nmaprun.h"
#include "nmapxml.h"
#include "portfacts.h"
#include "ports.h"
#include "source.h"
#include "suggest.h"
#include "sysinfo.h"
#include "utf8.h"

#define SUGGEST_DEFAULT_COUNT 5

/* Text column widths, by check, at least (a wider value widens its column). */
static const int column_width[CHECK_ALL] = {10, 15, 15, 8, 7, 7, 9, 7, 7};

static const char *result_name(enum check_result r)
{
	static const char *const names[] = {
		[RESULT_PASS] = "pass", [RESULT_FAIL] = "fail", [RESULT_NA] = "n/a"};
	return names[r];
}

struct suggest_run {
	struct cli *cli;
	struct suggest_sources src;
	struct suggest_opts o;
	char **targets; /* --scan: the hosts the net check asks */
	size_t ntargets;
};

/* How many candidates (ports or blocks) the scan covers per suggestion
 * asked for, and at least: room for some to answer open. */
#define SUGGEST_SCAN_FACTOR 2
#define SUGGEST_SCAN_EXTRA 8

/* What passing check c means, with its threshold or allowance. */
static void check_summary(struct strbuf *s, const struct suggest_run *sr, enum suggest_check c)
{
	if (c == CHECK_NMAP)
		strbuf_addf(s, _("nmap open frequency below %g"), sr->o.nmap_max);
	else if (c == CHECK_RANGE && sr->o.any_range)
		strbuf_adds(s, _("any range (--any-range given)"));
	else
		strbuf_adds(s, _(suggest_check_summary(c)));
}

static void text_legend(struct strbuf *out, const struct suggest_run *sr)
{
	strbuf_addf(
		out,
		_("Checks for transport %s (a port passes when none fails; n/a: source absent):\n"),
		transport_name(sr->o.transport));
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		struct strbuf sum = STRBUF_INIT, src = STRBUF_INIT;
		check_summary(&sum, sr, (enum suggest_check)c);
		suggest_check_source(&src, &sr->src, (enum suggest_check)c);
		strbuf_addf(out, "  %-10s %s [", suggest_check_key((enum suggest_check)c),
			    strbuf_str(&sum));
		output_text(out, strbuf_str(&src));
		strbuf_adds(out, "]\n");
		strbuf_free(&sum);
		strbuf_free(&src);
	}
}

/* "8080 itself fails: iana (assigned), nmap (0.573...)" or passes. */
static void text_requested(struct strbuf *out, const struct suggest_run *sr)
{
	unsigned p = sr->o.port;
	int failed = 0;
	strbuf_addf(out, "%u", p);
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		if (suggest_check(&sr->src, &sr->o, p, (enum suggest_check)c) != RESULT_FAIL)
			continue;
		struct strbuf v = STRBUF_INIT;
		suggest_check_value(&v, &sr->src, &sr->o, p, (enum suggest_check)c, true);
		strbuf_addf(out, "%s %s (", failed++ ? "," : _(" itself fails:"),
			    suggest_check_key((enum suggest_check)c));
		output_text(out, strbuf_str(&v));
		strbuf_addc(out, ')');
		strbuf_free(&v);
	}
	strbuf_adds(out, failed ? "\n" : _(" itself passes every check\n"));
}

/* End a table line without trailing blanks. */
static void trim_line(struct strbuf *out)
{
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	strbuf_addc(out, '\n');
}

/* The table's column widths: the defaults, widened to fit the headings
 * and the values (translations and long names vary). */
struct text_layout {
	int port, offset, check[CHECK_ALL];
};

/* Port's value for check c, as text output shows it. */
static void text_cell(struct strbuf *clean, const struct suggest_run *sr, unsigned port, int c)
{
	struct strbuf v = STRBUF_INIT;
	suggest_check_value(&v, &sr->src, &sr->o, port, (enum suggest_check)c, true);
	output_text(clean, strbuf_str(&v));
	strbuf_free(&v);
}

static void text_widen(int *w, const char *s)
{
	int sw = utf8_width(s);
	*w = sw > *w ? sw : *w;
}

static void text_layout(struct text_layout *lay, const struct suggest_run *sr,
			const struct suggestion *g, size_t n)
{
	lay->port = 6;
	lay->offset = 7;
	text_widen(&lay->port, _("PORT"));
	text_widen(&lay->offset, _("OFFSET"));
	for (int c = 0; c < suggest_check_count(&sr->src); c++)
		lay->check[c] = column_width[c];
	for (size_t i = 0; i < n; i++)
		for (unsigned p = g[i].lo; p <= g[i].hi; p++)
			for (int c = 0; c < suggest_check_count(&sr->src); c++) {
				struct strbuf clean = STRBUF_INIT;
				text_cell(&clean, sr, p, c);
				text_widen(&lay->check[c], strbuf_str(&clean));
				strbuf_free(&clean);
			}
}

static void text_header(struct strbuf *out, const struct suggest_run *sr,
			const struct text_layout *lay)
{
	utf8_pad(out, _("PORT"), lay->port, 0);
	strbuf_addc(out, ' ');
	utf8_pad(out, _("OFFSET"), lay->offset, 0);
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		strbuf_addc(out, ' ');
		utf8_pad(out, suggest_check_key((enum suggest_check)c), lay->check[c], 0);
	}
	trim_line(out);
}

static void text_port(struct strbuf *out, const struct suggest_run *sr,
		      const struct text_layout *lay, unsigned port)
{
	strbuf_addf(out, "%-*u %+-*ld", lay->port, port, lay->offset,
		    (long)port - (long)sr->o.port);
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		struct strbuf clean = STRBUF_INIT;
		text_cell(&clean, sr, port, c);
		strbuf_addc(out, ' ');
		utf8_pad(out, strbuf_str(&clean), lay->check[c], 0);
		strbuf_free(&clean);
	}
	trim_line(out);
}

static void emit_text(struct strbuf *out, const struct suggest_run *sr, const struct suggestion *g,
		      size_t n)
{
	struct text_layout lay;
	text_layout(&lay, sr, g, n);
	text_legend(out, sr);
	text_requested(out, sr);
	text_header(out, sr, &lay);
	for (size_t i = 0; i < n; i++) {
		if (sr->o.run > 1)
			strbuf_addf(out, _("block %u-%u (offset %+ld, passing run %u-%u):\n"),
				    g[i].lo, g[i].hi, g[i].offset, g[i].run_lo, g[i].run_hi);
		for (unsigned p = g[i].lo; p <= g[i].hi; p++)
			text_port(out, sr, &lay, p);
	}
}

static void json_port(struct strbuf *out, const struct suggest_run *sr, unsigned port)
{
	strbuf_addf(out, "{\"port\":%u,\"pass\":%s,\"checks\":{", port,
		    suggest_passes(&sr->src, &sr->o, port) ? "true" : "false");
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		struct strbuf v = STRBUF_INIT;
		suggest_check_value(&v, &sr->src, &sr->o, port, (enum suggest_check)c, false);
		strbuf_addf(
			out, "%s\"%s\":{\"result\":\"%s\",\"value\":", c ? "," : "",
			suggest_check_key((enum suggest_check)c),
			result_name(suggest_check(&sr->src, &sr->o, port, (enum suggest_check)c)));
		output_json_string(out, strbuf_str(&v));
		strbuf_addc(out, '}');
		strbuf_free(&v);
	}
	strbuf_adds(out, "}}");
}

static void json_checks(struct strbuf *out, const struct suggest_run *sr)
{
	strbuf_adds(out, "\"checks\":[");
	for (int c = 0; c < suggest_check_count(&sr->src); c++) {
		struct strbuf sum = STRBUF_INIT, src = STRBUF_INIT;
		check_summary(&sum, sr, (enum suggest_check)c);
		suggest_check_source(&src, &sr->src, (enum suggest_check)c);
		strbuf_addf(out, "%s\n{\"check\":\"%s\",\"summary\":", c ? "," : "",
			    suggest_check_key((enum suggest_check)c));
		output_json_string(out, strbuf_str(&sum));
		strbuf_adds(out, ",\"source\":");
		output_json_string(out, strbuf_str(&src));
		strbuf_addc(out, '}');
		strbuf_free(&sum);
		strbuf_free(&src);
	}
	strbuf_adds(out, "],\n");
}

static void emit_json(struct strbuf *out, const struct suggest_run *sr, const struct suggestion *g,
		      size_t n)
{
	strbuf_addf(out,
		    "{\"port\":%u,\"transport\":\"%s\",\"count\":%u,\"run\":%u,"
		    "\"any_range\":%s,\"nmap_max\":%g,\n",
		    sr->o.port, transport_name(sr->o.transport), sr->o.count, sr->o.run,
		    sr->o.any_range ? "true" : "false", sr->o.nmap_max);
	json_checks(out, sr);
	strbuf_adds(out, "\"requested\":");
	json_port(out, sr, sr->o.port);
	strbuf_adds(out, ",\n\"suggestions\":[");
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(out,
			    "%s\n{\"start\":%u,\"end\":%u,\"offset\":%ld,\"run_start\":%u,"
			    "\"run_end\":%u,\"ports\":[",
			    i ? "," : "", g[i].lo, g[i].hi, g[i].offset, g[i].run_lo, g[i].run_hi);
		for (unsigned p = g[i].lo; p <= g[i].hi; p++) {
			if (p > g[i].lo)
				strbuf_addc(out, ',');
			json_port(out, sr, p);
		}
		strbuf_adds(out, "]}");
	}
	strbuf_adds(out, n ? "\n]}\n" : "]}\n");
}

static void emit_csv(struct strbuf *out, const struct suggest_run *sr, const struct suggestion *g,
		     size_t n)
{
	strbuf_adds(out, "start,end,offset,port");
	for (int c = 0; c < suggest_check_count(&sr->src); c++)
		strbuf_addf(out, ",%s", suggest_check_key((enum suggest_check)c));
	strbuf_addc(out, '\n');
	for (size_t i = 0; i < n; i++)
		for (unsigned p = g[i].lo; p <= g[i].hi; p++) {
			strbuf_addf(out, "%u,%u,%ld,%u", g[i].lo, g[i].hi, g[i].offset, p);
			for (int c = 0; c < suggest_check_count(&sr->src); c++) {
				struct strbuf v = STRBUF_INIT;
				suggest_check_value(&v, &sr->src, &sr->o, p, (enum suggest_check)c,
						    false);
				strbuf_addc(out, ',');
				output_csv_field(out, strbuf_str(&v));
				strbuf_free(&v);
			}
			strbuf_addc(out, '\n');
		}
}

/* Load every source the checks read; -1 with cli->err on a malformed one. */
static int load_sources(struct suggest_run *sr, struct portfacts *pf)
{
	struct suggest_sources *s = &sr->src;
	struct ps_error *err = &sr->cli->err;
	if (!(s->reg = cli_registry(sr->cli)) || !(s->etc = portfacts_etc_services(pf, err)) ||
	    !(s->nmap = portfacts_nmap(pf, err)) || !(s->labels = portfacts_labels(pf, err)) ||
	    !(s->listeners = portfacts_listeners(pf, err)))
		return -1;
	/* a kernel file that cannot be read leaves its check n/a, said once */
	struct ps_error sys_err = PS_ERROR_INIT;
	portfacts_sys(pf, &sys_err);
	if (error_is_set(&sys_err)) {
		error_print(&sys_err, sr->cli->prog, stderr);
		error_clear(&sys_err);
	}
	s->have_ephemeral = portfacts_ephemeral(pf, &s->eph_lo, &s->eph_hi);
	return 0;
}

/* --scan: the asked port and the nearest candidates that pass the local
 * checks, scanned in one nmap run (one per address family); the net
 * check then reads the report's per-port table. 0, or EXIT_TROUBLE once
 * said why. */
static int suggest_scan(struct suggest_run *sr, struct suggest_net *net, uint8_t *scanned)
{
	struct suggest_opts wide = sr->o;
	wide.count = sr->o.count * SUGGEST_SCAN_FACTOR + SUGGEST_SCAN_EXTRA;
	struct suggestion *pool = malloc(wide.count * sizeof(*pool));
	long n = pool ? suggest_find(&sr->src, &wide, pool) : -1;
	if (n < 0) {
		free(pool);
		cli_warn(sr->cli, _("out of memory"));
		return EXIT_TROUBLE;
	}
	scanned[sr->o.port] = 1;
	for (long i = 0; i < n; i++)
		for (unsigned p = pool[i].lo; p <= pool[i].hi; p++)
			scanned[p] = 1;
	free(pool);
	struct strbuf ports = STRBUF_INIT;
	struct nmapxml *x = NULL;
	nmaprun_ports_list(&ports, scanned);
	enum transport t = sr->o.transport == TRANSPORT_UDP ? TRANSPORT_UDP : TRANSPORT_TCP;
	int rc = scan_targets(sr->cli, sr->targets, sr->ntargets, strbuf_str(&ports), t, &x);
	strbuf_free(&ports);
	if (rc == 0 && suggest_net_init(net, x, scanned) < 0) {
		nmapxml_free(x);
		*net = (struct suggest_net){NULL, NULL, NULL};
		cli_warn(sr->cli, _("out of memory"));
		rc = EXIT_TROUBLE;
	}
	if (rc == 0)
		sr->src.net = net;
	return rc;
}

static int suggest_run(struct suggest_run *sr)
{
	struct portfacts *pf = cli_facts(sr->cli);
	struct suggestion *g = malloc(sr->o.count * sizeof(*g));
	uint8_t *scanned = sr->ntargets ? calloc(PORT_COUNT, 1) : NULL;
	struct suggest_net net = {NULL, NULL, NULL};
	long n = -1;
	if (pf && g && (scanned || !sr->ntargets) && load_sources(sr, pf) == 0) {
		if (sr->ntargets && suggest_scan(sr, &net, scanned)) {
			free(g);
			free(scanned);
			return EXIT_TROUBLE;
		}
		n = suggest_find(&sr->src, &sr->o, g);
	} else if (!error_is_set(&sr->cli->err))
		error_set(&sr->cli->err, NULL, 0, _("out of memory"));
	if (n >= 0 && sr->cli->format == FORMAT_JSON)
		emit_json(&sr->cli->out, sr, g, (size_t)n);
	else if (n >= 0 && sr->cli->format == FORMAT_CSV)
		emit_csv(&sr->cli->out, sr, g, (size_t)n);
	else if (n >= 0)
		emit_text(&sr->cli->out, sr, g, (size_t)n);
	free(g);
	free(scanned);
	suggest_net_free(&net);
	nmapxml_free((struct nmapxml *)net.scan);
	if (n < 0)
		return error_is_set(&sr->cli->err) ? cli_data_error(sr->cli) : EXIT_TROUBLE;
	return n ? EXIT_RESULTS : EXIT_NO_RESULTS;
}

int cmd_suggest(struct cli *cli, int argc, char **argv)
{
	unsigned port;
	bool scan = cli->given & OPT_SCAN;
	if (scan && argc < 2)
		return cli_usage_error(
			cli, _("'suggest --scan' takes one PORT, then one TARGET or more"));
	if (!scan && argc != 1)
		return cli_usage_error(cli, _("'suggest' takes one PORT"));
	if (scan && cli->proto != TRANSPORT_ANY && cli->proto != TRANSPORT_TCP &&
	    cli->proto != TRANSPORT_UDP)
		return cli_usage_error(cli, _("nmap scans tcp or udp, not %s"),
				       transport_name(cli->proto));
	if (ports_parse_port(argv[0], &port) < 0)
		return cli_usage_error(cli, _("bad port '%s': expected a number from 0 to 65535"),
				       argv[0]);
	unsigned count = cli->given & OPT_COUNT ? (unsigned)cli->count : SUGGEST_DEFAULT_COUNT;
	unsigned run = cli->given & OPT_RUN ? (unsigned)cli->run : 1;
	struct suggest_run sr = {
		.cli = cli,
		.o = {.port = port,
		      .count = count,
		      .run = run,
		      .transport = cli->proto,
		      .any_range = (cli->given & OPT_ANY_RANGE) != 0,
		      .nmap_max = SUGGEST_NMAP_MAX},
		.targets = scan ? argv + 1 : NULL,
		.ntargets = scan ? (size_t)argc - 1 : 0,
	};
	return suggest_run(&sr);
}
