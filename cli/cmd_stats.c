/* SPDX-License-Identifier: MIT */
/* cmd_stats.c: `portscope stats`: counts per range x state, assigned ports
 * per transport, records, source and date. */
#include <config.h>

#include "cli.h"
#include "i18n.h"
#include "ports.h"
#include "source.h"
#include "utf8.h"
#include "years.h"

struct stats {
	unsigned range[RANGE_COUNT][STATE_COUNT];
	unsigned assigned[TRANSPORT_REAL];
};

static void stats_compute(const struct registry *reg, enum transport t, struct stats *s)
{
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi;
		range_bounds((enum port_range)r, &lo, &hi);
		ports_count(reg, t, lo, hi, s->range[r]);
	}
	for (int tr = 0; tr < TRANSPORT_REAL; tr++) {
		unsigned c[STATE_COUNT];
		ports_count(reg, (enum transport)tr, 0, PORT_MAX, c);
		s->assigned[tr] = c[STATE_ASSIGNED];
	}
}

static void stats_json(struct cli *cli, const struct registry *reg, const struct stats *s)
{
	struct strbuf *o = &cli->out;
	strbuf_adds(o, "{\"source\":{\"path\":");
	output_json_string(o, reg->source);
	strbuf_adds(o, ",\"label\":");
	output_json_string(o, reg->source_label);
	strbuf_addf(o, ",\"kind\":\"%s\",\"degraded\":%s,\"bundled\":%s,\"date\":",
		    reg->kind == SOURCE_IANA_CSV ? "iana-csv" : "services",
		    reg->degraded ? "true" : "false", reg->bundled ? "true" : "false");
	if (*reg->date)
		output_json_string(o, reg->date);
	else
		strbuf_adds(o, "null");
	strbuf_addf(o, "},\n\"records\":%zu,\n\"transport\":\"%s\",\n\"ranges\":{", reg->nrec,
		    transport_name(cli->proto));
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi;
		range_bounds((enum port_range)r, &lo, &hi);
		strbuf_addf(o,
			    "%s\"%s\":{\"low\":%u,\"high\":%u,\"assigned\":%u,\"reserved\":%u,"
			    "\"unassigned\":%u}",
			    r ? "," : "", range_name((enum port_range)r), lo, hi,
			    s->range[r][STATE_ASSIGNED], s->range[r][STATE_RESERVED],
			    s->range[r][STATE_UNASSIGNED]);
	}
	strbuf_adds(o, "},\n\"transport_assigned_ports\":{");
	for (int t = 0; t < TRANSPORT_REAL; t++)
		strbuf_addf(o, "%s\"%s\":%u", t ? "," : "", transport_name((enum transport)t),
			    s->assigned[t]);
	strbuf_adds(o, "}}\n");
}

static void stats_csv(struct cli *cli, const struct stats *s)
{
	strbuf_adds(&cli->out, "range,assigned,reserved,unassigned\n");
	for (int r = 0; r < RANGE_COUNT; r++)
		strbuf_addf(&cli->out, "%s,%u,%u,%u\n", range_name((enum port_range)r),
			    s->range[r][STATE_ASSIGNED], s->range[r][STATE_RESERVED],
			    s->range[r][STATE_UNASSIGNED]);
}

/* "label:    value": the label column is 10 columns wide. */
static void stats_label(struct strbuf *o, const char *label)
{
	utf8_pad(o, label, 10, 0);
	strbuf_addc(o, ' ');
}

static void stats_text(struct cli *cli, const struct registry *reg, const struct stats *s)
{
	struct strbuf *o = &cli->out;
	/* L10N: labels of `portscope stats`, 10 columns at most. */
	stats_label(o, _("source:"));
	if (reg->bundled) { /* "IANA registry 2025-03-28 (bundled)", its path below */
		struct strbuf what = STRBUF_INIT;
		source_describe(reg, &what);
		output_text(o, strbuf_str(&what));
		strbuf_addc(o, '\n');
		stats_label(o, "");
		output_text(o, reg->source);
		strbuf_addc(o, '\n');
		strbuf_free(&what);
	} else {
		output_text(o, _(reg->source_label));
		strbuf_adds(o, " (");
		output_text(o, reg->source);
		strbuf_adds(o, ")\n");
	}
	if (reg->degraded) {
		stats_label(o, "");
		strbuf_addf(o, "%s\n", source_degraded_hint());
	}
	stats_label(o, _("date:"));
	strbuf_addf(o, "%s\n", *reg->date ? reg->date : _("unknown"));
	long days;
	if (source_is_stale(reg, &days)) {
		stats_label(o, "");
		source_stale_note(reg, days, "'portscope update'", o);
		strbuf_addc(o, '\n');
	}
	stats_label(o, _("records:"));
	strbuf_addf(o, "%'zu\n", reg->nrec);
	stats_label(o, _("transport:"));
	strbuf_addf(o, "%s\n\n", transport_name(cli->proto));
	/* L10N: column headings of `portscope stats`: 10, 12, 8, 10, 10
	   columns (longer ones widen the table). */
	const char *const head[5] = {_("range"), _("ports"), _("assigned"), _("reserved"),
				     _("unassigned")};
	int width[5] = {10, 12, 8, 10, 10};
	utf8_widen(width, head, 5);
	utf8_row(o, head, width, 5, 1);
	strbuf_addc(o, '\n');
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi;
		range_bounds((enum port_range)r, &lo, &hi);
		char n[4][16];
		snprintf(n[0], sizeof(n[0]), "%u-%u", lo, hi);
		for (int st = 0; st < 3; st++)
			snprintf(n[st + 1], sizeof(n[st + 1]), "%'u",
				 s->range[r][(int)STATE_ASSIGNED - st]);
		const char *const row[5] = {_(range_name((enum port_range)r)), n[0], n[1], n[2],
					    n[3]};
		utf8_row(o, row, width, 5, 1);
		strbuf_addc(o, '\n');
	}
	strbuf_addf(o, "\n%s\n", _("assigned port numbers per transport:"));
	for (int t = 0; t < TRANSPORT_REAL; t++)
		strbuf_addf(o, "  %-5s %'6u\n", transport_name((enum transport)t), s->assigned[t]);
}

/* The transports of the per-year counts, by their index in years_row. */
static const char *const years_transport[TRANSPORT_REAL + 1] = {"tcp", "udp", "sctp", "dccp",
								"other"};
static const char *const years_range[RANGE_COUNT + 1] = {"system", "user", "dynamic", "none"};

static void years_json_counts(struct strbuf *o, const char *const *key,
			      const struct years_counts *c, int n)
{
	strbuf_addc(o, '{');
	for (int i = 0; i < n; i++)
		strbuf_addf(o, "%s\"%s\":{\"registered\":%u,\"modified\":%u}", i ? "," : "", key[i],
			    c[i].registered, c[i].modified);
	strbuf_addc(o, '}');
}

static void years_json(struct strbuf *o, const struct years *y)
{
	strbuf_adds(o, "[\n");
	for (size_t i = 0; i < y->n; i++) {
		const struct years_row *r = &y->row[i];
		if (r->year == YEARS_UNDATED)
			strbuf_adds(o, "{\"year\":null");
		else
			strbuf_addf(o, "{\"year\":%d", r->year);
		strbuf_addf(o, ",\"registered\":%u,\"modified\":%u,\"ranges\":", r->all.registered,
			    r->all.modified);
		years_json_counts(o, years_range, r->range, RANGE_COUNT + 1);
		strbuf_adds(o, ",\"transports\":");
		years_json_counts(o, years_transport, r->transport, TRANSPORT_REAL + 1);
		strbuf_adds(o, i + 1 < y->n ? "},\n" : "}\n");
	}
	strbuf_adds(o, "]\n");
}

static void years_csv(struct strbuf *o, const struct years *y)
{
	strbuf_adds(o, "year,registered,modified");
	for (int k = 0; k <= RANGE_COUNT; k++)
		strbuf_addf(o, ",%s_registered,%s_modified", years_range[k], years_range[k]);
	for (int k = 0; k <= TRANSPORT_REAL; k++)
		strbuf_addf(o, ",%s_registered,%s_modified", years_transport[k],
			    years_transport[k]);
	strbuf_addc(o, '\n');
	for (size_t i = 0; i < y->n; i++) {
		const struct years_row *r = &y->row[i];
		if (r->year != YEARS_UNDATED)
			strbuf_addf(o, "%d", r->year);
		strbuf_addf(o, ",%u,%u", r->all.registered, r->all.modified);
		for (int k = 0; k <= RANGE_COUNT; k++)
			strbuf_addf(o, ",%u,%u", r->range[k].registered, r->range[k].modified);
		for (int k = 0; k <= TRANSPORT_REAL; k++)
			strbuf_addf(o, ",%u,%u", r->transport[k].registered,
				    r->transport[k].modified);
		strbuf_addc(o, '\n');
	}
}

/* One row of the text table: right-aligned numbers after the year. */
static void years_text_row(struct strbuf *o, const char *year, const unsigned *v, int n)
{
	utf8_pad(o, year, 8, 0);
	for (int i = 0; i < n; i++)
		strbuf_addf(o, " %'10u", v[i]);
	strbuf_addc(o, '\n');
}

static void years_text(struct strbuf *o, const struct years *y)
{
	/* L10N: headings of `stats --by-year`; the ranges and transports count
	   registrations. Keep them short: 10 columns. */
	const char *const head[] = {_("year"), _("registered"), _("modified"), _("system"),
				    _("user"), _("dynamic"),	"tcp",	       "udp",
				    "sctp",    "dccp"};
	utf8_pad(o, head[0], 8, 0);
	for (int i = 1; i < 10; i++) {
		strbuf_addc(o, ' ');
		utf8_pad(o, head[i], 10, 1);
	}
	strbuf_addc(o, '\n');
	for (size_t i = 0; i < y->n; i++) {
		const struct years_row *r = &y->row[i];
		unsigned v[9] = {r->all.registered, r->all.modified};
		for (int k = 0; k < RANGE_COUNT; k++)
			v[2 + k] = r->range[k].registered;
		for (int k = 0; k < TRANSPORT_REAL; k++)
			v[5 + k] = r->transport[k].registered;
		char year[16];
		snprintf(year, sizeof(year), "%d", r->year);
		years_text_row(o, r->year == YEARS_UNDATED ? _("undated") : year, v, 9);
	}
}

/* stats --by-year */
static int stats_by_year(struct cli *cli, const struct registry *reg)
{
	struct years y;
	if (years_compute(reg, cli->proto, &y, &cli->err) < 0)
		return cli_data_error(cli);
	if (cli->format == FORMAT_JSON)
		years_json(&cli->out, &y);
	else if (cli->format == FORMAT_CSV)
		years_csv(&cli->out, &y);
	else
		years_text(&cli->out, &y);
	years_free(&y);
	return EXIT_RESULTS;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc)
		return cli_usage_error(cli, _("'stats' takes no arguments"));
	/* counts, states and provenance need no record; the years do */
	source_counts_only(!(cli->given & OPT_BY_YEAR));
	struct registry *reg = cli_registry(cli);
	if (!reg)
		return cli_data_error(cli);
	if (cli->given & OPT_BY_YEAR)
		return stats_by_year(cli, reg);
	struct stats s;
	stats_compute(reg, cli->proto, &s);
	if (cli->format == FORMAT_JSON)
		stats_json(cli, reg, &s);
	else if (cli->format == FORMAT_CSV)
		stats_csv(cli, &s);
	else
		stats_text(cli, reg, &s);
	return EXIT_RESULTS;
}
