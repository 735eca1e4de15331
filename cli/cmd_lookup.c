/* SPDX-License-Identifier: MIT */
/* cmd_lookup.c: `portscope lookup PORT|NAME ...`. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "lookup_names.h"
#include "ports.h"
#include "source.h"

static bool wanted(const struct cli *cli, const struct record *r)
{
	return cli->proto == TRANSPORT_ANY || r->transport == cli->proto;
}

/* "port 443: assigned (tcp assigned, udp assigned, ...), system range" */
static void port_summary(struct strbuf *out, const struct registry *reg, unsigned port)
{
	/* L10N: "port 443: assigned (tcp assigned, udp assigned, ...), system
	   range": the start, up to the list of transports... */
	strbuf_addf(out, _("port %u: %s ("), port,
		    _(state_name(registry_state(reg, port, TRANSPORT_ANY))));
	for (int t = 0; t < TRANSPORT_REAL; t++)
		strbuf_addf(out, "%s%s %s", t ? ", " : "", transport_name((enum transport)t),
			    _(state_name(registry_state(reg, port, (enum transport)t))));
	/* L10N: ...and the end; %s is system, user or dynamic. */
	strbuf_addf(out, _("), %s range\n"), _(range_name(port_range_of(port))));
}

/* A source that fails to load is named in a warning and left out. */
static const struct portnames *optional_names(struct cli *cli, const struct portnames *pn)
{
	if (!pn) {
		error_print(&cli->err, cli->prog, stderr);
		error_clear(&cli->err);
	}
	return pn && pn->present ? pn : NULL;
}

/* The "names differ" block for port, in cli->out, when they differ. */
static void names_text(struct cli *cli, unsigned port)
{
	struct portfacts *pf = cli_facts(cli);
	if (!pf)
		return;
	struct strbuf block = STRBUF_INIT;
	bool etc_ok = optional_names(cli, portfacts_etc_services(pf, &cli->err)) != NULL;
	bool nmap_ok = optional_names(cli, portfacts_nmap(pf, &cli->err)) != NULL;
	/* a lazy image checked for this port, or parsed again in its place */
	if (portfacts_prepare_port(pf, port, &cli->err) < 0) {
		error_print(&cli->err, cli->prog, stderr);
		error_clear(&cli->err);
		return;
	}
	const struct portnames *etc =
		etc_ok ? optional_names(cli, portfacts_etc_services(pf, &cli->err)) : NULL;
	const struct portnames *nmap =
		nmap_ok ? optional_names(cli, portfacts_nmap(pf, &cli->err)) : NULL;
	if (lookup_names_block(&block, cli->reg, etc, nmap, port)) {
		strbuf_adds(&cli->out, _("names differ between sources:\n"));
		strbuf_add(&cli->out, block.data, block.len);
	}
	strbuf_free(&block);
}

static void emit(struct cli *cli, const struct record *r, size_t *emitted)
{
	output_record_item(&cli->out, cli->format, cli->reg, r, (*emitted)++);
}

/* The records of a name argument, found by prepare(). */
struct found {
	const uint32_t *idx;
	size_t n;
};

/* Check the pages of a lazy registry every argument reads, and find the
 * records of each name (one search, checked as it goes); false when the
 * image fails a check (nothing is shown from it then). */
static bool prepare(struct registry *reg, int argc, char **argv, struct found *found)
{
	for (int i = 0; i < argc; i++) {
		unsigned port;
		if (ports_parse_port(argv[i], &port) == 0
			    ? registry_prepare_port(reg, port) < 0
			    : registry_lookup_name(reg, argv[i], &found[i].idx, &found[i].n) < 0)
			return false;
	}
	return true;
}

/* One argument: a port number or a service name (its records in *found).
 * Returns records shown. */
static size_t lookup_one(struct cli *cli, const char *arg, const struct found *found,
			 size_t *emitted)
{
	struct registry *reg = cli->reg;
	const uint32_t *idx;
	size_t n, shown = 0;
	unsigned port;
	bool is_port = ports_parse_port(arg, &port) == 0;
	if (is_port) {
		n = registry_records_at(reg, port, &idx);
		if (cli->format == FORMAT_TEXT) {
			port_summary(&cli->out, reg, port);
			names_text(cli, port); /* names per source, when they differ */
		}
	} else {
		idx = found->idx;
		n = found->n;
	}
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		if (wanted(cli, r)) {
			emit(cli, r, emitted);
			shown++;
		}
	}
	if (!shown)
		cli_warn(cli, is_port ? _("no record for port '%s'") : _("no record for '%s'"),
			 arg);
	return shown;
}

int cmd_lookup(struct cli *cli, int argc, char **argv)
{
	if (argc < 1)
		return cli_usage_error(cli, _("'lookup' needs a PORT or NAME"));
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		unsigned dummy;
		if (a[0] >= '0' && a[0] <= '9' && strspn(a, "0123456789") == strlen(a) &&
		    ports_parse_port(a, &dummy) < 0)
			return cli_usage_error(cli, _("bad port '%s': out of range 0-65535"), a);
	}
	source_lazy(true); /* only the pages of the ports and names asked for */
	portnames_lazy(true);
	if (!cli_registry(cli))
		return cli_data_error(cli);
	struct found *found = calloc((size_t)argc, sizeof(*found));
	if (!found) {
		error_set(&cli->err, NULL, 0, _("out of memory"));
		return cli_data_error(cli);
	}
	/* a parsed registry, the image's replacement, cannot fail a check */
	if (!prepare(cli->reg, argc, argv, found) &&
	    (!(cli->reg = source_reparse(cli->reg, &cli->err)) ||
	     !prepare(cli->reg, argc, argv, found))) {
		free(found);
		return cli_data_error(cli);
	}
	size_t emitted = 0, total = 0;
	if (cli->format == FORMAT_JSON)
		strbuf_addc(&cli->out, '[');
	else if (cli->format == FORMAT_CSV)
		output_record_csv_header(&cli->out);
	for (int i = 0; i < argc; i++) {
		if (cli->format == FORMAT_TEXT && i)
			strbuf_addc(&cli->out, '\n');
		total += lookup_one(cli, argv[i], &found[i], &emitted);
	}
	free(found);
	if (cli->format == FORMAT_JSON)
		strbuf_adds(&cli->out, emitted ? "\n]\n" : "]\n");
	return total ? EXIT_RESULTS : EXIT_NO_RESULTS;
}
