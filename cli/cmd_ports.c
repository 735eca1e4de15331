/* SPDX-License-Identifier: MIT */
/* cmd_ports.c: `portscope free RANGE` and `portscope gaps RANGE`. */
#include <config.h>

#include <stdint.h>
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

/* A port's decimal text and a newline, kept as it counts up by one: free
 * prints its ports in order (42,657 of them for the user range), and
 * adding one to the last digit costs less than writing the number anew.
 * The eight bytes live in a register, character i in bits 8i to 8i+7,
 * and go out in one store: kept in memory, a byte changed and then read
 * back as eight made the processor wait at every port. */
struct port_text {
	uint64_t w;   /* the digits (at most 5) and '\n' */
	unsigned len; /* the digits' */
};

/* The text of v, written anew (at the start and after a 9). */
static __attribute__((noinline)) struct port_text port_text_of(unsigned v)
{
	char d[8];
	unsigned n = 0;
	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	struct port_text t = {.w = 0, .len = n};
	for (unsigned i = 0; i < n; i++)
		t.w |= (uint64_t)(unsigned char)d[n - 1 - i] << (8 * i);
	t.w |= (uint64_t)'\n' << (8 * n);
	return t;
}

/* The text of the port after t's, which is next. */
static inline struct port_text port_text_next(struct port_text t, unsigned next)
{
	unsigned shift = 8 * (t.len - 1);
	if (((t.w >> shift) & 0xff) == '9')
		return port_text_of(next);
	t.w += (uint64_t)1 << shift;
	return t;
}

/* Store t's eight bytes at w, in memory order. */
static inline void port_text_put(char *w, struct port_text t)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	t.w = __builtin_bswap64(t.w);
#endif
	memcpy(w, &t.w, sizeof(t.w));
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
	struct port_text t = port_text_of(lo);
	for (unsigned p = lo; p <= hi; p++, t = port_text_next(t, p)) {
		if (state[p] != STATE_UNASSIGNED)
			continue;
		/* a run of free ports, up to 2,048 at a time, with room made once */
		if (!strbuf_room(out, 2048 * (1 + sizeof(t.w))))
			break;
		char *w = out->data + out->len;
		for (unsigned k = 0;; k++, p++, t = port_text_next(t, p)) {
			*w = ',';
			w += sep;
			port_text_put(w, t);
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
