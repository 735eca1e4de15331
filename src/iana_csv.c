/* SPDX-License-Identifier: MIT */
/* iana_csv.c: the IANA registry CSV loader, on libcsv in strict mode.
 * libcsv reports fields and rows but not positions, so the input is fed to
 * it one physical line at a time: every callback then knows its line. */
#include <config.h>

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dynlib.h"
#include "i18n.h"
#include "infile.h"
#include "loader.h"
#include "strbuf.h"
#include "utf8.h"

#ifdef DLOPEN_LIBS
/* libcsv, opened when a CSV is first parsed (dynlib.h) */
/* clang-format off */
#define CSV_FNS(X, T) \
	X(T, csv_init) \
	X(T, csv_set_blk_size) \
	X(T, csv_parse) \
	X(T, csv_fini) \
	X(T, csv_free) \
	X(T, csv_error) \
	X(T, csv_strerror)
/* clang-format on */
#define SLOT(T, f) DYNLIB_SLOT(f)
static struct csv_fns {
	CSV_FNS(SLOT, )
} csvf;
#undef SLOT
static const struct dynlib_fn csv_fn_names[] = {CSV_FNS(DYNLIB_FN, struct csv_fns)};
static struct dynlib csv_lib = DYNLIB_INIT(LIBCSV_SONAME, csv_fn_names, &csvf);
#define csv_init (csvf.csv_init)
#define csv_set_blk_size (csvf.csv_set_blk_size)
#define csv_parse (csvf.csv_parse)
#define csv_fini (csvf.csv_fini)
#define csv_free (csvf.csv_free)
#define csv_error (csvf.csv_error)
#define csv_strerror (csvf.csv_strerror)
#define csvlib_open(err) dynlib_open(&csv_lib, err)
#else
#define csvlib_open(err) ((void)(err), 0)
#endif

struct csv_load {
	struct registry *reg;
	struct ps_error *err;
	const char *file;
	struct csv_parser parser;
	unsigned long line;	/* physical line being fed (1-based) */
	unsigned long rec_line; /* line where the current record starts */
	bool between;		/* no byte of the next record seen yet */
	bool header_done;
	bool first_bytes; /* still at the very start (BOM check) */
	size_t nbom;	  /* bytes of a BOM seen so far, held back */
	bool failed;
	size_t nfields;
	size_t mark;		   /* pool length before the current record */
	bool block_utf8;	   /* the block being fed is all valid UTF-8 */
	bool field_utf8;	   /* so is every block the current field touched */
	uint32_t off[FIELD_COUNT]; /* the current record's fields, in the pool */
	int32_t port_lo, port_hi;  /* the row's Port Number, parsed */
	const char *port_why;	   /* or why it is not a port (NULL: it is) */
	struct strbuf raw_port;	   /* then, the bytes the file has there */
};

/* Error messages quote the file's own bytes (escaped when printed), not
 * their UTF-8-normalised copy: check what can go wrong before interning. */
/* A header column against its expected heading (the header is one row:
 * kept out of line so the per-field path stays lean). */
static __attribute__((noinline, cold)) bool header_field_ok(struct csv_load *st, const char *s,
							    size_t n)
{
	const char *want = field_heading((enum field)st->nfields);
	if (n == strlen(want) && memcmp(s, want, n) == 0)
		return true;
	struct strbuf raw = STRBUF_INIT;
	strbuf_add(&raw, s, n > 80 ? 80 : n);
	error_set(st->err, st->file, st->rec_line,
		  _("not an IANA registry CSV: column %zu of the header is '%s', expected '%s'"),
		  st->nfields + 1, strbuf_str(&raw), want);
	strbuf_free(&raw);
	st->failed = true;
	return false;
}

static bool raw_field_ok(struct csv_load *st, const char *s, size_t n)
{
	if (!st->header_done)
		return header_field_ok(st, s, n);
	/* parsed now; a bad one is reported once the row is whole, so a wrong
	 * field count wins */
	if (st->nfields == FIELD_PORT &&
	    port_parse_field(s, n, &st->port_lo, &st->port_hi, &st->port_why) < 0) {
		strbuf_reset(&st->raw_port);
		strbuf_add(&st->raw_port, s, n);
	}
	return true;
}

/* The row's Port Number, reported with the bytes the file has there. */
static bool raw_port_ok(struct csv_load *st)
{
	if (!st->port_why)
		return true;
	error_set(st->err, st->file, st->rec_line, _("bad port '%s': %s"),
		  strbuf_str(&st->raw_port), _(st->port_why));
	st->failed = true;
	return false;
}

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
				  st->nfields + 1, field_heading((enum field)st->nfields), n,
				  FIELD_MAX);
			st->failed = true;
			return;
		}
		if (!raw_field_ok(st, s, n))
			return;
		/* a field of blocks already found valid needs no second look */
		uint32_t off = st->field_utf8 && st->block_utf8
				       ? registry_intern_utf8(st->reg, s, n)
				       : registry_intern(st->reg, s, n, st->rec_line);
		if (off == UINT32_MAX) {
			error_set(st->err, st->file, st->rec_line, _("out of memory"));
			st->failed = true;
			return;
		}
		st->off[st->nfields] = off;
	}
	st->nfields++;
	st->field_utf8 = st->block_utf8; /* the next field starts in this block */
}

/* The header's columns were checked one by one (raw_field_ok); now their
 * number. */
static void check_header(struct csv_load *st)
{
	if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->rec_line,
			  P_("not an IANA registry CSV: the header has %zu column, expected %d",
			     "not an IANA registry CSV: the header has %zu columns, expected %d",
			     st->nfields),
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
	if (!st->header_done) {
		check_header(st);
		registry_pool_rewind(st->reg, st->mark); /* the header is not data */
	} else if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->rec_line, _("expected %d fields, found %zu"),
			  FIELD_COUNT, st->nfields);
		st->failed = true;
	} else if (raw_port_ok(st) &&
		   registry_add_interned(st->reg, st->off, st->port_lo, st->port_hi, st->file,
					 st->rec_line, st->err) < 0) {
		st->failed = true;
	}
	st->nfields = 0;
	st->mark = registry_pool_mark(st->reg);
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
				  _("malformed CSV: a quote inside an unquoted field, or text "
				    "after a closing quote"));
		else
			error_set(st->err, st->file, st->line, _("CSV parser: %s"),
				  csv_strerror(e));
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
	/* One validation per block: most blocks are clean, and then no field
	 * in them is checked again (a character split across two blocks makes
	 * both look unclean, which only costs the per-field check). */
	st->block_utf8 = utf8_valid_prefix(buf, len) == len;
	st->field_utf8 = st->field_utf8 && st->block_utf8;
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

static void csv_load_init(struct csv_load *st, struct registry *reg, const char *file,
			  struct ps_error *err)
{
	memset(st, 0, sizeof(*st));
	st->reg = reg;
	st->err = err;
	st->file = file;
	st->line = 1;
	st->rec_line = 1;
	st->between = true;
	st->first_bytes = true;
	st->mark = registry_pool_mark(reg);
	st->field_utf8 = true;
	st->raw_port = (struct strbuf)STRBUF_INIT;
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
		rc = error_set(st->err, st->file, 1,
			       _("empty file: expected the IANA registry CSV header"));
	if (rc == 0 && st->reg->nrec == 0)
		rc = error_set(st->err, st->file, st->line, _("no records after the header"));
	csv_free(&st->parser);
	strbuf_free(&st->raw_port);
	return rc;
}

static int run(struct registry *reg, const char *path, const char *buf, size_t len,
	       const char *name, struct ps_error *err)
{
	struct csv_load st;
	if (csvlib_open(err) < 0)
		return -1;
	csv_load_init(&st, reg, name, err);
	if (csv_init(&st.parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return error_set(err, name, 0, _("out of memory"));
	/* libcsv grows its field buffer by this much at a time */
	csv_set_blk_size(&st.parser, 4096);
	int rc = 0;
	if (path) {
		rc = infile_read(path, INFILE_REGISTRY, err, feed_block, &st);
	} else {
		for (size_t off = 0; rc == 0 && off < len; off += LOADER_BLOCK)
			rc = feed_block(&st, buf + off,
					len - off < LOADER_BLOCK ? len - off : LOADER_BLOCK);
	}
	return csv_load_finish(&st, rc);
}

static int iana_csv_load(struct registry *reg, const char *path, struct ps_error *err)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    registry_reserve(reg, (size_t)sb.st_size) < 0)
		return error_set(err, path, 0, _("out of memory"));
	return run(reg, path, NULL, 0, path, err);
}

static int iana_csv_load_mem(struct registry *reg, const char *buf, size_t len, const char *name,
			     struct ps_error *err)
{
	return run(reg, NULL, buf, len, name, err);
}

const struct loader iana_csv_loader = {
	.name = "IANA CSV",
	.kind = SOURCE_IANA_CSV,
	.load = iana_csv_load,
	.load_mem = iana_csv_load_mem,
};
