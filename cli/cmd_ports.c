/* SPDX-License-Identifier: MIT */
/* cmd_ports.c: `portscope free RANGE` and `portscope gaps RANGE`. */
#include <config.h>

#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "ports.h"
#include "source.h"

/* The one RANGE argument both commands take, then the registry; NULL
 * after printing the error. */
static struct registry *range_arg(struct cli *cli, const char *cmd, int argc, char **argv,
				  unsigned *lo, unsigned *hi)
{
	if (argc != 1) {
		cli_usage_error(cli,
				_("'%s' takes one RANGE (LO-HI, a port, system, user or dynamic)"),
				cmd);
		return NULL;
	}
	if (ports_parse_range(argv[0], lo, hi) < 0) {
		cli_usage_error(cli,
				_("bad range '%s': expected LO-HI (0-65535, LO <= HI), a port, or "
				  "system, user or dynamic"),
				argv[0]);
		return NULL;
	}
	source_counts_only(true); /* free and gaps read only the port states */
	struct registry *reg = cli_registry(cli);
	if (!reg)
		cli_data_error(cli);
	return reg;
}

/* A port's decimal text kept as it counts up by one, followed by a
 * newline: free prints its ports in order (42,657 of them for the user
 * range), and carrying a digit costs less than writing each number anew. */
struct port_text {
	char s[8]; /* the digits (at most 6, for 65536) and '\n' */
	unsigned len;
};

static void port_text_set(struct port_text *t, unsigned v)
{
	char d[8];
	unsigned n = 0;
	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	memset(t->s, 0, sizeof(t->s));
	for (t->len = 0; t->len < n; t->len++)
		t->s[t->len] = d[n - 1 - t->len];
	t->s[t->len] = '\n';
}

/* The carry of port_text_next(): a 9 at the end. */
static __attribute__((noinline)) void port_text_carry(struct port_text *t)
{
	unsigned i = t->len;
	while (i > 0 && t->s[i - 1] == '9')
		t->s[--i] = '0';
	if (i > 0) {
		t->s[i - 1]++;
		return;
	}
	memmove(t->s + 1, t->s, t->len); /* 99 -> 100 */
	t->s[0] = '1';
	t->s[++t->len] = '\n';
}

static inline void port_text_next(struct port_text *t)
{
	char *last = &t->s[t->len - 1];
	if (*last != '9')
		++*last;
	else
		port_text_carry(t);
}

int cmd_free(struct cli *cli, int argc, char **argv)
{
	unsigned lo, hi;
	struct registry *reg = range_arg(cli, "free", argc, argv, &lo, &hi);
	if (!reg)
		return EXIT_TROUBLE;
	struct strbuf *out = &cli->out;
	bool json = cli->format == FORMAT_JSON;
	size_t n = 0;
	if (json)
		strbuf_addc(out, '[');
	else if (cli->format == FORMAT_CSV)
		strbuf_adds(out, "port\n");
	/* one transport's states, read straight (registry_is_free()) */
	const uint8_t *state = reg->state[cli->proto];
	unsigned sep = 0, nl = !json; /* JSON: a comma before all but the first */
	struct port_text t;
	port_text_set(&t, lo);
	for (unsigned p = lo; p <= hi; p++, port_text_next(&t)) {
		if (state[p] != STATE_UNASSIGNED)
			continue;
		/* a run of free ports, up to 2,048 at a time, with room made once */
		if (!strbuf_room(out, 2048 * (1 + sizeof(t.s))))
			break;
		char *w = out->data + out->len;
		for (unsigned k = 0;; k++, p++, port_text_next(&t)) {
			*w = ',';
			w += sep;
			memcpy(w, t.s, sizeof(t.s)); /* one fixed-size store */
			w += t.len + nl;
			sep = json;
			n++;
			if (p == hi || k == 2047 || state[p + 1] != STATE_UNASSIGNED)
				break;
		}
		*w = '\0';
		out->len = (size_t)(w - out->data);
		if (out->len > 16384)
			output_flush(out, stdout);
	}
	if (json)
		strbuf_adds(out, "]\n");
	return n ? EXIT_RESULTS : EXIT_NO_RESULTS;
}

struct gaps_out {
	struct cli *cli;
	size_t n;
};

static int print_gap(void *ctx, const struct gap *g)
{
	struct gaps_out *go = ctx;
	struct strbuf *out = &go->cli->out;
	unsigned len = g->hi - g->lo + 1;
	if (go->cli->format == FORMAT_JSON)
		strbuf_addf(out, "%s{\"start\":%u,\"end\":%u,\"length\":%u}", go->n ? ",\n" : "\n",
			    g->lo, g->hi, len);
	else if (go->cli->format == FORMAT_CSV)
		strbuf_addf(out, "%u,%u,%u\n", g->lo, g->hi, len);
	else
		strbuf_addf(out, "%u-%u\t%u\n", g->lo, g->hi, len);
	go->n++;
	if (out->len > 65536)
		output_flush(out, stdout);
	return 0;
}

int cmd_gaps(struct cli *cli, int argc, char **argv)
{
	unsigned lo, hi;
	struct registry *reg = range_arg(cli, "gaps", argc, argv, &lo, &hi);
	if (!reg)
		return EXIT_TROUBLE;
	struct gaps_out go = {cli, 0};
	if (cli->format == FORMAT_JSON)
		strbuf_addc(&cli->out, '[');
	else if (cli->format == FORMAT_CSV)
		strbuf_adds(&cli->out, "start,end,length\n");
	ports_gaps(reg, cli->proto, lo, hi, cli->given & OPT_MIN ? (unsigned)cli->min : 1,
		   print_gap, &go);
	if (cli->format == FORMAT_JSON)
		strbuf_adds(&cli->out, go.n ? "\n]\n" : "]\n");
	return go.n ? EXIT_RESULTS : EXIT_NO_RESULTS;
}
