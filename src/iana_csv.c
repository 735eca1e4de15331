/* iana_csv.c: the IANA registry CSV loader, on libcsv in strict mode.
 * libcsv reports fields and rows but not positions, so the input is fed to
 * it one physical line at a time: every callback then knows its line. */
#include <config.h>

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "loader.h"
#include "strbuf.h"

struct csv_load {
	struct registry *reg;
	struct ps_error *err;
	const char *file;
	struct csv_parser parser;
	unsigned long line;      /* physical line being fed (1-based) */
	unsigned long rec_line;  /* line where the current record starts */
	bool between;            /* no byte of the next record seen yet */
	bool header_done;
	bool first_bytes;        /* still at the very start (BOM check) */
	size_t nbom;             /* bytes of a BOM seen so far, held back */
	bool failed;
	size_t nfields;
	struct strbuf scratch;   /* the current record's field bytes */
	size_t off[FIELD_COUNT], len[FIELD_COUNT];
};

/* libcsv callback: one field complete. */
static void on_field(void *s, size_t n, void *data)
{
	struct csv_load *st = data;
	if (st->failed)
		return;
	if (st->nfields < FIELD_COUNT) {
		if (n > FIELD_MAX) {
			error_set(st->err, st->file, st->rec_line,
				  _("field %zu (%s) is %zu bytes, over the %d-byte limit"),
				  st->nfields + 1, field_heading((enum field)st->nfields), n, FIELD_MAX);
			st->failed = true;
			return;
		}
		st->off[st->nfields] = st->scratch.len;
		st->len[st->nfields] = n;
		strbuf_add(&st->scratch, s, n);
	}
	st->nfields++;
}

static void check_header(struct csv_load *st)
{
	size_t n = st->nfields < FIELD_COUNT ? st->nfields : FIELD_COUNT;
	for (size_t i = 0; i < n; i++) {
		const char *want = field_heading((enum field)i);
		const char *got = st->scratch.data + st->off[i];
		if (st->len[i] != strlen(want) || memcmp(got, want, st->len[i]) != 0) {
			struct strbuf g = STRBUF_INIT;
			strbuf_add(&g, got, st->len[i] > 80 ? 80 : st->len[i]);
			error_set(st->err, st->file, st->rec_line,
				  _("not an IANA registry CSV: column %zu of the header is '%s', expected '%s'"),
				  i + 1, strbuf_str(&g), want);
			strbuf_free(&g);
			st->failed = true;
			return;
		}
	}
	if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->rec_line,
			  _("not an IANA registry CSV: the header has %zu columns, expected %d"),
			  st->nfields, FIELD_COUNT);
		st->failed = true;
		return;
	}
	st->header_done = true;
}

/* libcsv callback: one record complete. */
static void on_record(int c, void *data)
{
	(void)c;
	struct csv_load *st = data;
	if (st->failed)
		return;
	if (st->scratch.failed) {
		error_set(st->err, st->file, st->rec_line, _("out of memory"));
		st->failed = true;
	} else if (!st->header_done) {
		check_header(st);
	} else if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->rec_line,
			  _("expected %d fields, found %zu"), FIELD_COUNT, st->nfields);
		st->failed = true;
	} else {
		struct record_fields f;
		for (int i = 0; i < FIELD_COUNT; i++) {
			f.s[i] = st->scratch.data + st->off[i];
			f.n[i] = st->len[i];
		}
		if (registry_add(st->reg, &f, st->file, st->rec_line, st->err) < 0)
			st->failed = true;
	}
	st->nfields = 0;
	strbuf_reset(&st->scratch);
	st->between = true;
}

static bool is_blank_line(const char *s, size_t n)
{
	return (n == 1 && s[0] == '\n') || (n == 2 && s[0] == '\r' && s[1] == '\n');
}

/* Feed one physical line (or the piece of it in this block). */
static int feed_line(struct csv_load *st, const char *s, size_t n)
{
	if (st->between && !is_blank_line(s, n)) {
		st->rec_line = st->line;
		st->between = false;
	}
	if (csv_parse(&st->parser, s, n, on_field, on_record, st) != n && !st->failed) {
		int e = csv_error(&st->parser);
		if (e == CSV_EPARSE)
			error_set(st->err, st->file, st->line,
				  _("malformed CSV: a quote inside an unquoted field, or text after a closing quote"));
		else
			error_set(st->err, st->file, st->line, _("CSV parser: %s"), csv_strerror(e));
		st->failed = true;
	}
	if (!st->failed && st->parser.entry_pos > FIELD_MAX) {
		/* caught while the field is still growing, so a huge one is never
		 * buffered whole */
		error_set(st->err, st->file, st->rec_line,
			  _("field %zu (%s) is over the %d-byte limit"), st->nfields + 1,
			  st->nfields < FIELD_COUNT ? field_heading((enum field)st->nfields) : "?",
			  FIELD_MAX);
		st->failed = true;
	}
	return st->failed ? -1 : 0;
}

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* Feed data: split it into lines and count them. */
static int feed_data(struct csv_load *st, const char *buf, size_t len)
{
	const char *nul = memchr(buf, '\0', len);
	const char *end = buf + len;
	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		const char *stop = nl ? nl + 1 : end;
		if (nul && nul < stop)
			return error_set(st->err, st->file, st->line,
					 _("NUL byte in the data: not a text file"));
		if (feed_line(st, buf, (size_t)(stop - buf)) < 0)
			return -1;
		if (nl)
			st->line++;
		buf = stop;
	}
	return 0;
}

/* Feed a block read from the file, dropping a leading UTF-8 byte order
 * mark even when a slow pipe hands it over one byte at a time. */
static int feed_block(void *ctx, const char *buf, size_t len)
{
	struct csv_load *st = ctx;
	if (st->first_bytes) {
		while (len && st->nbom < 3 && *buf == utf8_bom[st->nbom])
			st->nbom++, buf++, len--;
		if (st->nbom < 3 && !len)
			return 0; /* all a BOM so far: wait for more */
		st->first_bytes = false;
		/* not a BOM after all: the bytes held back are data */
		if (st->nbom < 3 && st->nbom && feed_data(st, utf8_bom, st->nbom) < 0)
			return -1;
	}
	return feed_data(st, buf, len);
}

static void csv_load_init(struct csv_load *st, struct registry *reg,
			  const char *file, struct ps_error *err)
{
	memset(st, 0, sizeof(*st));
	st->reg = reg;
	st->err = err;
	st->file = file;
	st->line = 1;
	st->rec_line = 1;
	st->between = true;
	st->first_bytes = true;
	st->scratch = (struct strbuf)STRBUF_INIT;
}

static int csv_load_finish(struct csv_load *st, int rc)
{
	if (rc == 0 && st->first_bytes && st->nbom)
		rc = feed_data(st, utf8_bom, st->nbom); /* a file of "\xEF" or "\xEF\xBB" */
	if (rc == 0 && csv_fini(&st->parser, on_field, on_record, st) != 0 && !st->failed) {
		error_set(st->err, st->file, st->rec_line,
			  _("unterminated quoted field (the file ends inside quotes)"));
		rc = -1;
	}
	if (st->failed)
		rc = -1;
	if (rc == 0 && !st->header_done)
		rc = error_set(st->err, st->file, 1, _("empty file: expected the IANA registry CSV header"));
	if (rc == 0 && st->reg->nrec == 0)
		rc = error_set(st->err, st->file, st->line, _("no records after the header"));
	csv_free(&st->parser);
	strbuf_free(&st->scratch);
	return rc;
}

static int run(struct registry *reg, const char *path, const char *buf,
	       size_t len, const char *name, struct ps_error *err)
{
	struct csv_load st;
	csv_load_init(&st, reg, name, err);
	if (csv_init(&st.parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return error_set(err, name, 0, _("out of memory"));
	/* libcsv grows its field buffer by this much at a time */
	csv_set_blk_size(&st.parser, 4096);
	int rc = 0;
	if (path) {
		rc = loader_read_file(path, err, feed_block, &st);
	} else {
		for (size_t off = 0; rc == 0 && off < len; off += LOADER_BLOCK)
			rc = feed_block(&st, buf + off, len - off < LOADER_BLOCK ? len - off : LOADER_BLOCK);
	}
	return csv_load_finish(&st, rc);
}

static int iana_csv_load(struct registry *reg, const char *path, struct ps_error *err)
{
	return run(reg, path, NULL, 0, path, err);
}

static int iana_csv_load_mem(struct registry *reg, const char *buf, size_t len,
			     const char *name, struct ps_error *err)
{
	return run(reg, NULL, buf, len, name, err);
}

const struct loader iana_csv_loader = {
	.name = "IANA CSV",
	.kind = SOURCE_IANA_CSV,
	.load = iana_csv_load,
	.load_mem = iana_csv_load_mem,
};
