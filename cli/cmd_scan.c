/* SPDX-License-Identifier: MIT */
/* cmd_scan.c: `portscope scan TARGET... [--ports LIST] [--proto tcp|udp]
 * [--timeout S]`: the targets scanned (nmapscan.h: nmap, a run per address
 * family), its XML report read (nmapxml.h), and per host and port the state, nmap's service guess
 * and the registry's name for the port. Exit 0 when a port answered open, 1 when none did, 2 when
 * nmap is missing or fails. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "nmaprun.h"
#include "nmapscan.h"
#include "nmapxml.h"
#include "ports.h"
#include "utf8.h"

/* --ports LIST: RANGEs (LO-HI, N, system, user, dynamic) separated by
 * commas, as nmap's -p list of numbers. */
static int scan_ports(struct cli *cli, const char *spec, struct strbuf *out)
{
	const char *s = spec;
	do {
		size_t n = strcspn(s, ",");
		char *item = strndup(s, n);
		unsigned lo, hi;
		if (!item)
			return cli_usage_error(cli, _("out of memory"));
		int bad = ports_parse_range(item, &lo, &hi) < 0;
		free(item);
		if (bad)
			return cli_usage_error(
				cli,
				_("bad --ports '%s': expected RANGEs (LO-HI, a port, "
				  "system, user or dynamic) separated by commas"),
				spec);
		strbuf_addf(out, "%s%u", out->len ? "," : "", lo);
		if (hi != lo)
			strbuf_addf(out, "-%u", hi);
		s += n;
	} while (*s++ == ',');
	return 0;
}

/* What nmap's stderr said, each line a warning "nmap: ...". */
static void scan_relay(struct cli *cli, const struct strbuf *errors)
{
	const char *s = strbuf_str(errors);
	while (*s) {
		size_t n = strcspn(s, "\n");
		if (n)
			cli_warn(cli, "nmap: %.*s", (int)n, s);
		s += n + (s[n] == '\n');
	}
}

/* A run that could not start, said: not on PATH, or why (cli->err). */
static int scan_refused(struct cli *cli, const char *program, bool missing)
{
	if (!missing)
		return cli_data_error(cli);
	cli_warn(cli, _("%s not found: scanning needs nmap; install it with: %s"), program,
		 NMAPRUN_INSTALL);
	return EXIT_TROUBLE;
}

/* The scan's reason for a failure, to cli->err (printed from there). */
static void scan_take_error(struct cli *cli, struct nmapscan_result *r)
{
	error_clear(&cli->err);
	cli->err = r->err;
	r->err = (struct ps_error)PS_ERROR_INIT;
}

/* The scan's outcome as an exit status, said once: what nmap wrote on
 * standard error, what failed, what the time limit (limit seconds for
 * every run together, as --timeout said) cut. */
static int scan_outcome(struct cli *cli, const char *program, unsigned limit,
			struct nmapscan_result *r)
{
	scan_relay(cli, &r->errors[0]);
	scan_relay(cli, &r->errors[1]);
	if (r->failed == NMAPSCAN_EXIT) {
		cli_warn(cli, _("%s failed (exit status %d)"), program, r->status);
		return EXIT_TROUBLE;
	}
	if (r->cut)
		cli_warn(cli,
			 _("time limit of %u s reached: nmap stopped; only the hosts it had "
			   "reported are shown, the rest of the targets was not scanned"),
			 limit);
	if (r->failed == NMAPSCAN_NMAP) {
		cli_warn(cli, _("nmap failed: %s"), r->err.msg);
		return EXIT_TROUBLE;
	}
	if (r->failed == NMAPSCAN_ERROR) {
		scan_take_error(cli, r);
		return cli_data_error(cli);
	}
	if (r->unscanned == NMAPSCAN_NOT_STARTED) { /* the IPv4 report is not shown alone */
		scan_take_error(cli, r);
		return scan_refused(cli, program, r->missing);
	}
	if (r->unscanned == NMAPSCAN_NO_TIME)
		cli_warn(cli, _("the IPv6 targets were not scanned: no time was left"));
	return 0;
}

/* Every target in nmap's syntax with shell-free characters; else a usage
 * error. */
static int scan_check_targets(struct cli *cli, char *const *targets, size_t n)
{
	struct ps_error err = PS_ERROR_INIT;
	int rc = 0;
	if (nmaprun_check_targets(targets, n, &err) < 0)
		rc = cli_usage_error(cli, "%s", err.msg ? err.msg : _("out of memory"));
	error_clear(&err);
	return rc;
}

/* Validate, scan (nmapscan.h: IPv4 and IPv6 targets take a run each, in
 * one time limit), relay what nmap said, hand over the report. */
int scan_targets(struct cli *cli, char *const *targets, size_t n, const char *ports,
		 enum transport t, struct nmapxml **out)
{
	unsigned limit = cli->given & OPT_TIMEOUT ? (unsigned)cli->timeout : NMAPRUN_TIME_LIMIT_S;
	struct nmapscan_opts o = {
		.program = nmaprun_program(),
		.targets = targets,
		.ntargets = n,
		.ports = ports,
		.transport = t,
		.time_limit_s = limit,
	};
	struct nmapscan s;
	struct nmapscan_result r;
	*out = NULL;
	if (scan_check_targets(cli, targets, n))
		return EXIT_TROUBLE;
	if (nmapscan_start(&s, &o, &cli->err) < 0)
		return scan_refused(cli, o.program, s.missing);
	while (!nmapscan_poll(&s, -1))
		;
	nmapscan_finish(&s, &r);
	int rc = scan_outcome(cli, o.program, limit, &r);
	if (rc == 0) {
		*out = r.x;
		r.x = NULL;
	}
	nmapscan_result_free(&r);
	return rc;
}

/* One row's cells: host, address, port/transport, state, nmap's guess,
 * the registry's name; raw (the caller sanitises). */
struct scan_row {
	const char *host, *address, *state, *service, *registry;
	char port[24];
	const char *transport;
	unsigned portnum;
	bool has_port;
};

static struct scan_row scan_row_of(const struct registry *reg, const struct nmapxml *x,
				   const struct nmap_port *p)
{
	const struct nmap_host *h = &x->hosts[p->host];
	struct scan_row r = {h->name, h->address, p->state, p->service, NULL,
			     "",      "",	  p->port,  true};
	r.transport = p->transport < TRANSPORT_REAL ? transport_name(p->transport) : "other";
	r.registry = p->transport < TRANSPORT_REAL
			     ? registry_assigned_name(reg, p->port, p->transport)
			     : NULL;
	snprintf(r.port, sizeof(r.port), "%u/%s", p->port, r.transport);
	return r;
}

/* A host without a port entry: its status stands in the state column. */
static struct scan_row scan_host_row(const struct nmap_host *h)
{
	struct scan_row r = {h->name, h->address, h->status, "", NULL, "-", "", 0, false};
	if (h->timedout)
		r.state = _("timed out");
	return r;
}

enum { COL_HOST, COL_ADDRESS, COL_PORT, COL_STATE, COL_SERVICE, COL_REGISTRY, COLS };

/* A row's cells, sanitised for the terminal. */
static void scan_cells(const struct scan_row *r, struct strbuf cell[COLS])
{
	const char *raw[COLS] = {*r->host ? r->host : "-",
				 *r->address ? r->address : "-",
				 r->port,
				 *r->state ? r->state : "-",
				 *r->service ? r->service : "-",
				 r->registry ? r->registry : "-"};
	for (int c = 0; c < COLS; c++)
		output_text(&cell[c], raw[c]);
}

/* How many entries from ports[p] on are one run of consecutive ports of
 * one host, transport and state that nmap did not list (its extraports). */
static size_t scan_extra_run(const struct nmapxml *x, size_t p)
{
	const struct nmap_port *a = &x->ports[p];
	size_t k = 1;
	while (p + k < x->nports && a->extra && x->ports[p + k].extra &&
	       x->ports[p + k].host == a->host && x->ports[p + k].transport == a->transport &&
	       x->ports[p + k].port == a->port + k && strcmp(x->ports[p + k].state, a->state) == 0)
		k++;
	return k;
}

/* Every row in the report's order, hosts without ports in their place;
 * with group, a run of ports nmap only counted is one row ("8000-8079/tcp
 * closed"), as nmap's own "Not shown: 80 closed ports". */
static size_t scan_rows(const struct registry *reg, const struct nmapxml *x, struct scan_row *rows,
			bool group)
{
	size_t n = 0, p = 0;
	for (size_t h = 0; h < x->nhosts; h++) {
		size_t first = n;
		for (size_t k; p < x->nports && x->ports[p].host == h; p += k) {
			k = group ? scan_extra_run(x, p) : 1;
			rows[n] = scan_row_of(reg, x, &x->ports[p]);
			if (k > 1) {
				const struct nmap_port *last = &x->ports[p + k - 1];
				snprintf(rows[n].port, sizeof(rows[n].port), "%u-%u/%s",
					 rows[n].portnum, last->port, rows[n].transport);
				rows[n].registry = NULL;
			}
			n++;
		}
		if (n == first)
			rows[n++] = scan_host_row(&x->hosts[h]);
	}
	return n;
}

/* The table: headings, then one line per row, columns fitted. */
static void scan_text(struct strbuf *out, const struct scan_row *rows, size_t n)
{
	const char *heads[COLS] = {_("HOST"),  _("ADDRESS"), _("PORT"),
				   _("STATE"), _("NMAP"),    _("REGISTRY")};
	int w[COLS];
	for (int c = 0; c < COLS; c++)
		w[c] = utf8_width(heads[c]);
	for (size_t i = 0; i <= n; i++) {
		struct strbuf cell[COLS] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT,
					    STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
		if (i < n)
			scan_cells(&rows[i], cell);
		for (int c = 0; c < COLS; c++) {
			int cw = utf8_width(strbuf_str(&cell[c]));
			w[c] = cw > w[c] ? cw : w[c];
			strbuf_free(&cell[c]);
		}
	}
	for (size_t i = 0; i <= n; i++) {
		struct strbuf cell[COLS] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT,
					    STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
		if (i > 0)
			scan_cells(&rows[i - 1], cell);
		for (int c = 0; c < COLS; c++) {
			const char *v = i ? strbuf_str(&cell[c]) : heads[c];
			if (c < COLS - 1)
				utf8_pad(out, v, w[c] + 2, 0);
			else
				strbuf_adds(out, v);
			strbuf_free(&cell[c]);
		}
		strbuf_addc(out, '\n');
	}
}

/* One port entry as a JSON object. */
static void scan_json_row(struct strbuf *out, const struct scan_row *r)
{
	strbuf_adds(out, "{\"host\":");
	output_json_string(out, r->host);
	strbuf_adds(out, ",\"address\":");
	output_json_string(out, r->address);
	strbuf_addf(out, ",\"transport\":\"%s\",\"port\":%u,\"state\":", r->transport, r->portnum);
	output_json_string(out, r->state);
	strbuf_adds(out, ",\"nmap_service\":");
	output_json_string(out, r->service);
	strbuf_adds(out, ",\"registry_name\":");
	if (r->registry)
		output_json_string(out, r->registry);
	else
		strbuf_adds(out, "null");
	strbuf_addc(out, '}');
}

/* The JSON array of port entries (hosts without ports left out). */
static void scan_json(struct strbuf *out, const struct scan_row *rows, size_t n)
{
	size_t k = 0;
	strbuf_addc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].has_port)
			continue;
		strbuf_adds(out, k++ ? ",\n" : "\n");
		scan_json_row(out, &rows[i]);
	}
	strbuf_adds(out, k ? "\n]\n" : "]\n");
}

/* CSV: a header and one line per port entry. */
static void scan_csv(struct strbuf *out, const struct scan_row *rows, size_t n)
{
	strbuf_adds(out, "host,address,transport,port,state,nmap_service,registry_name\n");
	for (size_t i = 0; i < n; i++) {
		const struct scan_row *r = &rows[i];
		if (!r->has_port)
			continue;
		output_csv_field(out, r->host);
		strbuf_addc(out, ',');
		output_csv_field(out, r->address);
		strbuf_addf(out, ",%s,%u,", r->transport, r->portnum);
		output_csv_field(out, r->state);
		strbuf_addc(out, ',');
		output_csv_field(out, r->service);
		strbuf_addc(out, ',');
		output_csv_field(out, r->registry ? r->registry : "");
		strbuf_addc(out, '\n');
	}
}

/* Render the report in cli's format; exit 0 when a port is open, else 1. */
static int scan_emit(struct cli *cli, const struct registry *reg, const struct nmapxml *x)
{
	struct scan_row *rows = calloc(x->nports + x->nhosts + 1, sizeof(*rows));
	if (!rows) {
		cli_warn(cli, _("out of memory"));
		return EXIT_TROUBLE;
	}
	size_t n = scan_rows(reg, x, rows, cli->format == FORMAT_TEXT), open = 0;
	for (size_t i = 0; i < x->nports; i++)
		open += strcmp(x->ports[i].state, "open") == 0;
	if (cli->format == FORMAT_JSON)
		scan_json(&cli->out, rows, n);
	else if (cli->format == FORMAT_CSV)
		scan_csv(&cli->out, rows, n);
	else if (n)
		scan_text(&cli->out, rows, n);
	else
		strbuf_adds(&cli->out, _("no host answered\n"));
	free(rows);
	/* a scan cut short cannot say that nothing answered */
	return open ? EXIT_RESULTS : x->finished ? EXIT_NO_RESULTS : EXIT_TROUBLE;
}

/* --proto for a scan: tcp (the default) or udp. */
static int scan_transport(struct cli *cli, enum transport *t)
{
	*t = cli->proto == TRANSPORT_ANY ? TRANSPORT_TCP : cli->proto;
	if (*t != TRANSPORT_TCP && *t != TRANSPORT_UDP)
		return cli_usage_error(cli, _("nmap scans tcp or udp, not %s"), transport_name(*t));
	return 0;
}

/* The command: options checked, nmap run, the report rendered. */
int cmd_scan(struct cli *cli, int argc, char **argv)
{
	struct strbuf ports = STRBUF_INIT;
	struct nmapxml *x = NULL;
	enum transport t;
	if (argc < 1)
		return cli_usage_error(cli, _("'scan' takes one TARGET or more"));
	if (scan_transport(cli, &t) || (cli->ports && scan_ports(cli, cli->ports, &ports))) {
		strbuf_free(&ports);
		return EXIT_TROUBLE;
	}
	const struct registry *reg = cli_registry(cli);
	int rc = reg ? scan_targets(cli, argv, (size_t)argc, cli->ports ? strbuf_str(&ports) : NULL,
				    t, &x)
		     : cli_data_error(cli);
	strbuf_free(&ports);
	if (rc)
		return rc;
	rc = scan_emit(cli, reg, x);
	nmapxml_free(x);
	return rc;
}
