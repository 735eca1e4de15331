/* SPDX-License-Identifier: MIT */
/* cmd_name.c: `portscope name NAME...`: for each name, valid or not under
 * RFC 6335 section 5.1 (every rule it breaks), registered or not (unique
 * ignoring case, as IANA keeps them), the registered names like it, and
 * its use in /etc/services and nmap-services. Exit 0 when every name is
 * valid and free, 1 when one is taken, 2 when one is invalid. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "cli.h"
#include "i18n.h"
#include "svcname.h"
#include "utf8.h"

#define SIMILAR_MAX 12

/* Names of the rules in JSON and CSV, by enum svcname_rule. */
static const char *const rule_key[SVCNAME_RULES] = {
	[SVCNAME_EMPTY] = "empty",
	[SVCNAME_TOO_LONG] = "too-long",
	[SVCNAME_BAD_CHAR] = "bad-character",
	[SVCNAME_NO_LETTER] = "no-letter",
	[SVCNAME_HYPHEN_EDGE] = "hyphen-at-edge",
	[SVCNAME_HYPHEN_DOUBLE] = "double-hyphen",
};

/* What is known of one name. */
struct name_facts {
	const char *name;
	unsigned broken;
	size_t bad_at;
	const uint32_t *recs;
	size_t nrecs;
	const char *similar[SIMILAR_MAX];
	long nsimilar;
};

/* The rules broken, in words, "; " between them. */
static void rules_text(struct strbuf *o, const struct name_facts *nf)
{
	const char *sep = "";
	for (int r = 0; r < SVCNAME_RULES; r++) {
		if (!(nf->broken & (1u << r)))
			continue;
		strbuf_adds(o, sep);
		strbuf_adds(o, _(svcname_rule_text((enum svcname_rule)r)));
		if (r == SVCNAME_BAD_CHAR) {
			/* L10N: after the rule: the first character that breaks it and
			   its position, counted from 1. */
			strbuf_adds(o, _(" (first: '"));
			output_text(o, (char[]){nf->name[nf->bad_at], '\0'});
			strbuf_addf(o, _("' at position %zu)"), nf->bad_at + 1);
		}
		sep = "; ";
	}
}

/* "80/tcp 80/udp" for the records holding the name. */
static void records_text(struct strbuf *o, const struct registry *reg, const struct name_facts *nf)
{
	for (size_t i = 0; i < nf->nrecs; i++) {
		const struct record *r = &reg->rec[nf->recs[i]];
		const char *port = registry_field(reg, r, FIELD_PORT);
		const char *tr = registry_field(reg, r, FIELD_TRANSPORT);
		strbuf_adds(o, i ? " " : "");
		output_text(o, *port ? port : "-");
		strbuf_addc(o, '/');
		output_text(o, *tr ? tr : "-");
	}
}

static size_t pn_count(const struct portnames *pn)
{
	return pn ? pn->n : 0;
}

/* The first entry from index i on whose name is name (ignoring case), or
 * pn_count(pn) when none is. */
static size_t next_use(const struct portnames *pn, const char *name, size_t i)
{
	while (i < pn_count(pn) && strcasecmp(portnames_str(pn, &pn->e[i]), name) != 0)
		i++;
	return i;
}

/* The entries of a services-format source named like nf (ignoring case). */
static void source_uses(struct strbuf *o, const struct portnames *pn, const char *name,
			bool frequency)
{
	size_t shown = 0;
	for (size_t i = next_use(pn, name, 0); i < pn_count(pn); i = next_use(pn, name, i + 1)) {
		const struct portname *e = &pn->e[i];
		strbuf_addf(o, "%s%u/%s", shown++ ? " " : "", e->port,
			    transport_name((enum transport)e->transport));
		if (frequency && e->frequency >= 0)
			strbuf_addf(o, " (%.6f)", e->frequency);
	}
	if (!shown)
		strbuf_adds(o, pn && pn->present ? _("not used") : _("n/a (no such file)"));
}

/* A labelled line of the text output: "  registered   ...". */
static void label(struct strbuf *o, const char *text)
{
	strbuf_adds(o, "  ");
	utf8_pad(o, text, 15, 0);
}

static void name_text(struct cli *cli, const struct name_facts *nf, const struct portnames *etc,
		      const struct portnames *nmap)
{
	struct strbuf *o = &cli->out;
	output_text(o, nf->name);
	strbuf_addc(o, '\n');
	/* L10N: labels of `portscope name`, 15 columns at most. */
	label(o, _("rules"));
	if (nf->broken) {
		strbuf_adds(o, _("invalid: "));
		rules_text(o, nf);
	} else {
		strbuf_adds(o, _("valid (RFC 6335 section 5.1)"));
	}
	strbuf_addc(o, '\n');
	label(o, _("registered"));
	if (nf->nrecs) {
		strbuf_addf(o,
			    P_("yes, taken: %zu record: ", "yes, taken: %zu records: ", nf->nrecs),
			    nf->nrecs);
		records_text(o, cli->reg, nf);
	} else {
		strbuf_adds(o, _("no (free)"));
	}
	strbuf_addc(o, '\n');
	label(o, _("similar"));
	for (long i = 0; i < nf->nsimilar; i++) {
		strbuf_adds(o, i ? " " : "");
		output_text(o, nf->similar[i]);
	}
	strbuf_adds(o, nf->nsimilar ? "\n" : _("none registered\n"));
	label(o, "/etc/services");
	source_uses(o, etc, nf->name, false);
	strbuf_addc(o, '\n');
	label(o, "nmap-services");
	source_uses(o, nmap, nf->name, true);
	strbuf_addc(o, '\n');
}

/* A JSON array of strings from the list of entries of a source. */
static void source_json(struct strbuf *o, const struct portnames *pn, const char *name)
{
	strbuf_addc(o, '[');
	size_t shown = 0;
	for (size_t i = next_use(pn, name, 0); i < pn_count(pn); i = next_use(pn, name, i + 1)) {
		const struct portname *e = &pn->e[i];
		strbuf_addf(o, "%s{\"port\":%u,\"transport\":\"%s\"", shown++ ? "," : "", e->port,
			    transport_name((enum transport)e->transport));
		if (e->frequency >= 0)
			strbuf_addf(o, ",\"frequency\":%.6f", e->frequency);
		strbuf_addc(o, '}');
	}
	strbuf_addc(o, ']');
}

static void name_json(struct cli *cli, const struct name_facts *nf, const struct portnames *etc,
		      const struct portnames *nmap, size_t k)
{
	struct strbuf *o = &cli->out;
	strbuf_adds(o, k ? ",\n{\"name\":" : "[\n{\"name\":");
	output_json_string(o, nf->name);
	strbuf_addf(o, ",\"valid\":%s,\"broken\":[", nf->broken ? "false" : "true");
	const char *sep = "";
	for (int r = 0; r < SVCNAME_RULES; r++)
		if (nf->broken & (1u << r)) {
			strbuf_addf(o, "%s\"%s\"", sep, rule_key[r]);
			sep = ",";
		}
	strbuf_addf(o, "],\"registered\":%s,\"records\":[", nf->nrecs ? "true" : "false");
	for (size_t i = 0; i < nf->nrecs; i++) {
		strbuf_adds(o, i ? "," : "");
		output_record_json(o, cli->reg, &cli->reg->rec[nf->recs[i]]);
	}
	strbuf_adds(o, "],\"similar\":[");
	for (long i = 0; i < nf->nsimilar; i++) {
		strbuf_adds(o, i ? "," : "");
		output_json_string(o, nf->similar[i]);
	}
	strbuf_adds(o, "],\"etc_services\":");
	source_json(o, etc, nf->name);
	strbuf_adds(o, ",\"nmap\":");
	source_json(o, nmap, nf->name);
	strbuf_addc(o, '}');
}

static void name_csv(struct cli *cli, const struct name_facts *nf, const struct portnames *etc,
		     const struct portnames *nmap, size_t k)
{
	struct strbuf *o = &cli->out, f = STRBUF_INIT;
	if (!k)
		strbuf_adds(o, "name,valid,broken,registered,ports,similar,etc_services,nmap\n");
	output_csv_field(o, nf->name);
	strbuf_addf(o, ",%s,", nf->broken ? "no" : "yes");
	for (int r = 0, n = 0; r < SVCNAME_RULES; r++)
		if (nf->broken & (1u << r))
			strbuf_addf(&f, "%s%s", n++ ? " " : "", rule_key[r]);
	output_csv_field(o, strbuf_str(&f));
	strbuf_reset(&f);
	strbuf_addf(o, ",%s,", nf->nrecs ? "yes" : "no");
	records_text(&f, cli->reg, nf);
	output_csv_field(o, strbuf_str(&f));
	strbuf_reset(&f);
	for (long i = 0; i < nf->nsimilar; i++)
		strbuf_addf(&f, "%s%s", i ? " " : "", nf->similar[i]);
	strbuf_addc(o, ',');
	output_csv_field(o, strbuf_str(&f));
	strbuf_reset(&f);
	source_uses(&f, etc, nf->name, false);
	strbuf_addc(o, ',');
	output_csv_field(o, strbuf_str(&f));
	strbuf_reset(&f);
	source_uses(&f, nmap, nf->name, true);
	strbuf_addc(o, ',');
	output_csv_field(o, strbuf_str(&f));
	strbuf_addc(o, '\n');
	strbuf_free(&f);
}

/* An optional source, or NULL (its load error said as a warning). */
static const struct portnames *name_source(struct cli *cli, const struct portnames *pn)
{
	if (!pn) {
		error_print(&cli->err, cli->prog, stderr);
		error_clear(&cli->err);
	}
	return pn;
}

int cmd_name(struct cli *cli, int argc, char **argv)
{
	if (!argc)
		return cli_usage_error(cli, _("'name' takes one or more service names"));
	if (!cli_registry(cli))
		return cli_data_error(cli);
	struct portfacts *pf = cli_facts(cli);
	const struct portnames *etc =
		pf ? name_source(cli, portfacts_etc_services(pf, &cli->err)) : NULL;
	const struct portnames *nmap = pf ? name_source(cli, portfacts_nmap(pf, &cli->err)) : NULL;
	int rc = EXIT_RESULTS;
	for (int i = 0; i < argc; i++) {
		struct name_facts nf = {.name = argv[i]};
		nf.broken = svcname_check(argv[i], &nf.bad_at);
		nf.nrecs = registry_find_service(cli->reg, argv[i], &nf.recs);
		nf.nsimilar = svcname_similar(cli->reg, argv[i], nf.similar, SIMILAR_MAX);
		if (nf.nsimilar < 0) {
			cli_warn(cli, _("out of memory"));
			return EXIT_TROUBLE;
		}
		if (cli->format == FORMAT_JSON)
			name_json(cli, &nf, etc, nmap, (size_t)i);
		else if (cli->format == FORMAT_CSV)
			name_csv(cli, &nf, etc, nmap, (size_t)i);
		else
			name_text(cli, &nf, etc, nmap);
		if (nf.broken)
			rc = EXIT_TROUBLE;
		else if (nf.nrecs && rc == EXIT_RESULTS)
			rc = EXIT_NO_RESULTS;
	}
	if (cli->format == FORMAT_JSON)
		strbuf_adds(&cli->out, "\n]\n");
	return rc;
}
