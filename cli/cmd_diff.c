/* SPDX-License-Identifier: MIT */
/* cmd_diff.c: `portscope diff OLD.csv NEW.csv`: records added, removed and
 * changed between two snapshots, as text, JSON or CSV. */
#include <config.h>

#include "cli.h"
#include "diff.h"
#include "i18n.h"
#include "source.h"

static void text_changed_fields(struct strbuf *o, const struct diff *d, const struct diff_entry *e)
{
	const struct record *ro = &d->old->rec[e->old_idx], *rn = &d->new->rec[e->new_idx];
	for (int f = 0; f < FIELD_COUNT; f++) {
		if (!(e->fields & (1u << f)))
			continue;
		strbuf_addf(o, "    - %s: ", field_key((enum field)f));
		output_text(o, registry_field(d->old, ro, (enum field)f));
		strbuf_addf(o, "\n    + %s: ", field_key((enum field)f));
		output_text(o, registry_field(d->new, rn, (enum field)f));
		strbuf_addc(o, '\n');
	}
}

static void text_side(struct strbuf *o, const char *label, const struct registry *reg)
{
	strbuf_addf(o, "%-4s ", label);
	output_text(o, reg->source);
	strbuf_addf(o, P_("  (%s, %'zu record)\n", "  (%s, %'zu records)\n", reg->nrec),
		    *reg->date ? reg->date : _("no date"), reg->nrec);
}

static void diff_text(struct strbuf *o, const struct diff *d)
{
	static const char sign[DIFF_KINDS] = {'+', '-', '~'};
	text_side(o, _("old:"), d->old);
	text_side(o, _("new:"), d->new);
	/* L10N: record counts: added, removed, changed, of those changed only
	   in whitespace. */
	strbuf_addf(o, _("%'zu added, %'zu removed, %'zu changed (%'zu only in spacing); "),
		    d->count[DIFF_ADDED], d->count[DIFF_REMOVED], d->count[DIFF_CHANGED],
		    d->whitespace_only);
	strbuf_addf(o,
		    P_("%'zu port touched (%'zu beyond spacing)\n",
		       "%'zu ports touched (%'zu beyond spacing)\n", d->ports_changed),
		    d->ports_changed, d->ports_content);
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_entry *e = &d->entry[i];
		const struct registry *reg;
		const struct record *r = diff_entry_record(d, e, &reg);
		strbuf_addf(o, "%c ", sign[e->kind]);
		output_record_label(o, reg, r);
		if (e->kind != DIFF_CHANGED) {
			strbuf_adds(o, "  ");
			output_text(o, registry_field(reg, r, FIELD_DESCRIPTION));
			strbuf_addc(o, '\n');
			continue;
		}
		strbuf_adds(o, e->whitespace_only ? _("  (only spacing changed)\n") : "\n");
		text_changed_fields(o, d, e);
	}
}

static void json_side(struct strbuf *o, const char *key, const struct registry *reg)
{
	strbuf_addf(o, "\"%s\":{\"path\":", key);
	output_json_string(o, reg->source);
	strbuf_adds(o, ",\"date\":");
	if (*reg->date)
		output_json_string(o, reg->date);
	else
		strbuf_adds(o, "null");
	strbuf_addf(o, ",\"records\":%zu}", reg->nrec);
}

static void json_changed(struct strbuf *o, const struct diff *d, const struct diff_entry *e)
{
	const struct record *rn = &d->new->rec[e->new_idx];
	strbuf_adds(o, "{\"service\":");
	output_json_string(o, registry_field(d->new, rn, FIELD_SERVICE));
	strbuf_adds(o, ",\"port\":");
	output_json_string(o, registry_field(d->new, rn, FIELD_PORT));
	strbuf_adds(o, ",\"transport\":");
	output_json_string(o, registry_field(d->new, rn, FIELD_TRANSPORT));
	strbuf_adds(o, ",\"fields\":[");
	for (int f = 0, n = 0; f < FIELD_COUNT; f++)
		if (e->fields & (1u << f))
			strbuf_addf(o, "%s\"%s\"", n++ ? "," : "", field_key((enum field)f));
	strbuf_addf(o, "],\"whitespace_only\":%s,\"old\":", e->whitespace_only ? "true" : "false");
	output_record_json(o, d->old, &d->old->rec[e->old_idx]);
	strbuf_adds(o, ",\"new\":");
	output_record_json(o, d->new, rn);
	strbuf_addc(o, '}');
}

/* One JSON list: every entry of one kind. */
static void json_list(struct strbuf *o, const struct diff *d, enum diff_kind k)
{
	strbuf_addf(o, ",\n\"%s\":[", diff_kind_name(k));
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_entry *e = &d->entry[i];
		if (e->kind != k)
			continue;
		strbuf_adds(o, n++ ? ",\n" : "\n");
		const struct registry *reg;
		const struct record *r = diff_entry_record(d, e, &reg);
		if (k == DIFF_CHANGED)
			json_changed(o, d, e);
		else
			output_record_json(o, reg, r);
	}
	strbuf_adds(o, n ? "\n]" : "]");
}

static void diff_json(struct strbuf *o, const struct diff *d)
{
	strbuf_addc(o, '{');
	json_side(o, "old", d->old);
	strbuf_addc(o, ',');
	json_side(o, "new", d->new);
	strbuf_addf(o,
		    ",\n\"summary\":{\"added\":%zu,\"removed\":%zu,\"changed\":%zu,"
		    "\"whitespace_only\":%zu,\"ports_changed\":%zu,\"ports_content_changed\":%zu}",
		    d->count[DIFF_ADDED], d->count[DIFF_REMOVED], d->count[DIFF_CHANGED],
		    d->whitespace_only, d->ports_changed, d->ports_content);
	for (int k = 0; k < DIFF_KINDS; k++)
		json_list(o, d, (enum diff_kind)k);
	strbuf_adds(o, "}\n");
}

/* change,service,port,transport,fields,whitespace_only */
static void diff_csv(struct strbuf *o, const struct diff *d)
{
	strbuf_adds(o, "change,service,port,transport,fields,whitespace_only\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_entry *e = &d->entry[i];
		const struct registry *reg;
		const struct record *r = diff_entry_record(d, e, &reg);
		strbuf_addf(o, "%s,", diff_kind_name((enum diff_kind)e->kind));
		for (int f = FIELD_SERVICE; f <= FIELD_TRANSPORT; f++) {
			output_csv_field(o, registry_field(reg, r, (enum field)f));
			strbuf_addc(o, ',');
		}
		for (int f = 0, n = 0; f < FIELD_COUNT; f++)
			if (e->fields & (1u << f))
				strbuf_addf(o, "%s%s", n++ ? " " : "", field_key((enum field)f));
		strbuf_addf(o, ",%s\n",
			    e->kind != DIFF_CHANGED ? ""
			    : e->whitespace_only    ? "true"
						    : "false");
	}
}

static void diff_render(struct cli *cli, const struct diff *d)
{
	if (cli->format == FORMAT_JSON)
		diff_json(&cli->out, d);
	else if (cli->format == FORMAT_CSV)
		diff_csv(&cli->out, d);
	else
		diff_text(&cli->out, d);
}

int cmd_diff(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error(cli, _("'diff' needs two registry files: OLD.csv NEW.csv"));
	struct registry *old = source_load_file(argv[0], &cli->err);
	struct registry *new = old ? source_load_file(argv[1], &cli->err) : NULL;
	if (!new) {
		registry_free(old);
		return cli_data_error(cli);
	}
	struct diff d;
	int rc = EXIT_TROUBLE;
	if (diff_compute(&d, old, new, &cli->err) < 0) {
		cli_data_error(cli);
	} else {
		diff_render(cli, &d);
		rc = d.n ? EXIT_RESULTS : EXIT_NO_RESULTS;
		diff_free(&d);
	}
	registry_free(old);
	registry_free(new);
	return rc;
}
