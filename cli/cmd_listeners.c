/* SPDX-License-Identifier: MIT */
/* cmd_listeners.c: `portscope listeners`: local listening sockets, each
 * annotated with the registry's service for its port and flags:
 *   system         the port is in the System range (0-1023)
 *   other-service  the registry assigns the port to a service whose name
 *                  is not the process's (neither is a prefix of the other:
 *                  sshd on ssh is fine; python3 on http-alt is not)
 *   ephemeral      inside the kernel's ephemeral range */
#include <config.h>

#include <strings.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "portfacts.h"

enum { FLAG_SYSTEM = 1, FLAG_OTHER = 2, FLAG_EPHEMERAL = 4 };
static const char *const flag_names[] = {"system", "other-service", "ephemeral"};
#define FLAG_KINDS 3

struct row {
	const struct listener *l;
	const char *service; /* NULL when the registry names none */
	unsigned flags;
};

static bool names_agree(const char *service, const char *process)
{
	size_t a = strlen(service), b = strlen(process), n = a < b ? a : b;
	return n && strncasecmp(service, process, n) == 0;
}

static struct row annotate(const struct registry *reg, struct portfacts *pf,
			   const struct listener *l)
{
	struct row r = {l, registry_assigned_name(reg, l->port, l->transport), 0};
	unsigned lo, hi;
	if (port_range_of(l->port) == RANGE_SYSTEM)
		r.flags |= FLAG_SYSTEM;
	if (r.service && l->process && *l->process && !names_agree(r.service, l->process))
		r.flags |= FLAG_OTHER;
	if (portfacts_ephemeral(pf, &lo, &hi) && l->port >= lo && l->port <= hi)
		r.flags |= FLAG_EPHEMERAL;
	return r;
}

static void flags_text(struct strbuf *out, unsigned flags, char sep)
{
	bool first = true;
	for (int i = 0; i < FLAG_KINDS; i++)
		if (flags & (1u << i)) {
			if (!first)
				strbuf_addc(out, sep);
			strbuf_adds(out, flag_names[i]);
			first = false;
		}
}

static void row_text(struct strbuf *out, const struct row *r, int addr_width)
{
	const struct listener *l = r->l;
	struct strbuf pid = STRBUF_INIT, proc = STRBUF_INIT, svc = STRBUF_INIT;
	if (l->pid >= 0)
		strbuf_addf(&pid, "%ld", l->pid);
	output_text(&proc, l->process && *l->process ? l->process : "-"); /* never a blank column */
	output_text(&svc, r->service ? r->service : "-");
	strbuf_addf(out, "%-5s %-*s %5u %7s %-15s %-15s ", transport_name(l->transport), addr_width,
		    l->addr, l->port, l->pid >= 0 ? strbuf_str(&pid) : "-", strbuf_str(&proc),
		    strbuf_str(&svc));
	flags_text(out, r->flags, ',');
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	strbuf_addc(out, '\n');
	strbuf_free(&pid);
	strbuf_free(&proc);
	strbuf_free(&svc);
}

static void json_or_null(struct strbuf *out, const char *s)
{
	if (s)
		output_json_string(out, s);
	else
		strbuf_adds(out, "null");
}

static void row_json(struct strbuf *out, const struct row *r, bool first)
{
	const struct listener *l = r->l;
	strbuf_addf(out, "%s{\"transport\":\"%s\",\"address\":\"%s\",\"port\":%u,\"pid\":",
		    first ? "\n" : ",\n", transport_name(l->transport), l->addr, l->port);
	if (l->pid >= 0)
		strbuf_addf(out, "%ld", l->pid);
	else
		strbuf_adds(out, "null");
	strbuf_adds(out, ",\"process\":");
	json_or_null(out, l->process);
	strbuf_adds(out, ",\"service\":");
	json_or_null(out, r->service);
	strbuf_adds(out, ",\"flags\":[");
	for (int i = 0, n = 0; i < FLAG_KINDS; i++)
		if (r->flags & (1u << i))
			strbuf_addf(out, "%s\"%s\"", n++ ? "," : "", flag_names[i]);
	strbuf_adds(out, "]}");
}

static void row_csv(struct strbuf *out, const struct row *r)
{
	const struct listener *l = r->l;
	strbuf_addf(out, "%s,%s,%u,", transport_name(l->transport), l->addr, l->port);
	if (l->pid >= 0)
		strbuf_addf(out, "%ld", l->pid);
	strbuf_addc(out, ',');
	output_csv_field(out, l->process ? l->process : "");
	strbuf_addc(out, ',');
	output_csv_field(out, r->service ? r->service : "");
	strbuf_addc(out, ',');
	flags_text(out, r->flags, ' ');
	strbuf_addc(out, '\n');
}

/* What could not be read goes to stderr; the listing still stands. */
static void warn_partial(struct cli *cli, const struct listeners *ls)
{
	if (error_is_set(&ls->refused))
		error_print(&ls->refused, cli->prog, stderr);
	if (ls->malformed)
		cli_warn(cli,
			 P_("%s:%lu: warning: %zu malformed line skipped (first: %s)",
			    "%s:%lu: warning: %zu malformed lines skipped (first: %s)",
			    ls->malformed),
			 ls->malformed_file ? ls->malformed_file : "/proc/net", ls->malformed_line,
			 ls->malformed, _(ls->malformed_why));
	if (ls->unreadable)
		cli_warn(cli,
			 P_("warning: the sockets of %zu process could not be read (not root?): "
			    "their pid and process show as -",
			    "warning: the sockets of %zu processes could not be read (not root?): "
			    "their pid and process show as -",
			    ls->unreadable),
			 ls->unreadable);
}

static void emit(struct cli *cli, const struct listeners *ls, const struct registry *reg,
		 struct portfacts *pf)
{
	struct strbuf *out = &cli->out;
	int addr_width = 7;
	for (size_t i = 0; i < ls->n; i++)
		if ((int)strlen(ls->v[i].addr) > addr_width)
			addr_width = (int)strlen(ls->v[i].addr);
	if (cli->format == FORMAT_JSON)
		strbuf_addc(out, '[');
	else if (cli->format == FORMAT_CSV)
		strbuf_adds(out, "transport,address,port,pid,process,service,flags\n");
	else
		strbuf_addf(out, "%-5s %-*s %5s %7s %-15s %-15s %s\n", _("PROTO"), addr_width,
			    _("ADDRESS"), _("PORT"), _("PID"), _("PROCESS"), _("SERVICE"),
			    _("FLAGS"));
	for (size_t i = 0; i < ls->n; i++) {
		struct row r = annotate(reg, pf, &ls->v[i]);
		if (cli->format == FORMAT_JSON)
			row_json(out, &r, i == 0);
		else if (cli->format == FORMAT_CSV)
			row_csv(out, &r);
		else
			row_text(out, &r, addr_width);
	}
	if (cli->format == FORMAT_JSON)
		strbuf_adds(out, ls->n ? "\n]\n" : "]\n");
}

int cmd_listeners(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc)
		return cli_usage_error(cli, _("'listeners' takes no arguments"));
	struct registry *reg = cli_registry(cli);
	if (!reg)
		return cli_data_error(cli);
	struct portfacts *pf = cli_facts(cli);
	const struct listeners *ls = pf ? portfacts_listeners(pf, &cli->err) : NULL;
	if (!ls)
		return cli_data_error(cli);
	warn_partial(cli, ls);
	emit(cli, ls, reg, pf);
	return ls->n ? EXIT_RESULTS : EXIT_NO_RESULTS;
}
