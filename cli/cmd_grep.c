/* SPDX-License-Identifier: MIT */
/* cmd_grep.c: `portscope grep REGEX [--field F] [--proto P]
 * [--ignore-case|--case-sensitive]`, exit 0 match, 1 none, 2 error
 * (including any field whose match stopped on a limit). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "sanitize.h"
#include "search.h"

/* Columns a terminal needs for s: one per code point (wide characters
 * are rare in patterns and only shift the caret). */
static size_t grep_columns(const char *s, size_t n)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i++)
		cols += ((unsigned char)s[i] & 0xC0) != 0x80;
	return cols;
}

/* "bad pattern: MESSAGE at offset N", the pattern and a caret under N;
 * only the message when the pattern is not at fault. */
static int grep_pattern_error(struct cli *cli, const char *pattern, const struct search_error *err)
{
	if (err->offset == SEARCH_NOT_PATTERN) {
		cli_warn(cli, "%s", err->message ? err->message : _("out of memory"));
		return EXIT_TROUBLE;
	}
	size_t len = strlen(pattern), off = err->offset < len ? err->offset : len;
	struct strbuf shown = STRBUF_INIT, before = STRBUF_INIT;
	sanitize_append(&shown, pattern, len);
	sanitize_append(&before, pattern, off);
	cli_warn(cli, _("bad pattern: %s at offset %zu"),
		 err->message ? err->message : _("out of memory"), err->offset);
	fprintf(stderr, "  %s\n  %*s^\n", strbuf_str(&shown),
		(int)grep_columns(strbuf_str(&before), before.len), "");
	strbuf_free(&shown);
	strbuf_free(&before);
	return EXIT_TROUBLE;
}

/* The search options from the command line. */
static int grep_options(struct cli *cli, struct search_options *opt)
{
	static const enum search_case modes[] = {
		SEARCH_CASE_IGNORE,
		SEARCH_CASE_SMART,
		SEARCH_CASE_SENSITIVE,
	};
	opt->case_mode = modes[cli->case_mode + 1];
	opt->proto = cli->proto;
	if (cli->field && !(opt->fields = search_parse_fields(cli->field)))
		return cli_usage_error(cli,
				       _("--field takes name, description, assignee, contact, "
					 "reference, notes or all, not '%s'"),
				       cli->field);
	return 0;
}

/* "N ports (M records)": the text output's first line. */
static void grep_summary(struct strbuf *out, const struct search *s)
{
	const uint32_t *idx;
	size_t ports = search_port_count(s), recs = search_records(s, &idx);
	strbuf_addf(out, P_("%'zu port", "%'zu ports", ports), ports);
	strbuf_addf(out, P_(" (%'zu record)\n", " (%'zu records)\n", recs), recs);
}

static void grep_emit(struct cli *cli, const struct search *s)
{
	const uint32_t *idx;
	size_t n = search_records(s, &idx);
	struct strbuf *out = &cli->out;
	if (cli->format == FORMAT_JSON)
		strbuf_addc(out, '[');
	else if (cli->format == FORMAT_CSV)
		output_record_csv_header(out);
	else if (n)
		grep_summary(out, s);
	for (size_t i = 0; i < n; i++)
		output_record_item(out, cli->format, cli->reg, &cli->reg->rec[idx[i]], i);
	if (cli->format == FORMAT_JSON)
		strbuf_adds(out, n ? "\n]\n" : "]\n");
}

int cmd_grep(struct cli *cli, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(cli, _("'grep' takes one REGEX"));
	struct search_options opt = SEARCH_OPTIONS_INIT;
	if (grep_options(cli, &opt))
		return EXIT_TROUBLE;
	if (!cli_registry(cli))
		return cli_data_error(cli);
	struct search_error err = SEARCH_ERROR_INIT;
	struct search *s = search_new(cli->reg, argv[0], strlen(argv[0]), &opt, &err);
	if (!s) {
		int rc = grep_pattern_error(cli, argv[0], &err);
		search_error_clear(&err);
		return rc;
	}
	search_run(s);
	grep_emit(cli, s);
	const uint32_t *idx;
	int rc = search_records(s, &idx) ? EXIT_RESULTS : EXIT_NO_RESULTS;
	size_t stops = search_limit_hits(s), searched, total;
	if (search_was_cut(s, &searched)) {
		search_progress(s, &total);
		cli_warn(cli,
			 _("the search stopped on its time budget after %'zu of %'zu records: "
			   "matches may be missing"),
			 searched, total);
		stops--;
	}
	if (stops) {
		cli_warn(cli,
			 P_("%zu field hit a limit (%s): matches may be missing",
			    "%zu fields hit a limit (%s): matches may be missing", stops),
			 stops, search_limit_message(s));
		rc = EXIT_TROUBLE;
	}
	search_free(s);
	return rc;
}
