/* SPDX-License-Identifier: MIT */
/* iana_csv.c: the IANA registry CSV loader, on libcsv in strict mode.
 * libcsv reports fields and rows but not positions; it is fed whole blocks
 * and the lines are counted from what it reports. Every '\n' of the input
 * is either inside a quoted field (so in that field's text) or ends a row,
 * and with CSV_REPALL_NL every row end is reported, a blank line's too,
 * with the byte that ended it: a record starts on the line after the
 * newlines of the records before it, their fields' and their ends'. */
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
	unsigned long line; /* line where the current record starts (1-based) */
	size_t extra_nl;    /* newlines in its fields past the 12th (not pooled) */
	bool header_done;
	/* FIELD_COUNT while the header is done, nothing failed and the
	 * field's blocks are valid UTF-8 (the short paths), else 0 */
	size_t fast;
	bool first_bytes; /* still at the very start (BOM check) */
	size_t nbom;	  /* bytes of a BOM seen so far, held back */
	bool failed;
	size_t nfields;
	size_t mark;		   /* pool length before the current record */
	bool block_utf8;	   /* the block being fed is all valid UTF-8 */
	bool field_utf8;	   /* so is every block the current field touched */
	uint32_t off[FIELD_COUNT]; /* the current record's fields, in the pool */
	uint32_t len[FIELD_COUNT]; /* and their lengths there */
	int32_t port_lo, port_hi;  /* the row's Port Number, parsed */
	const char *port_why;	   /* or why it is not a port (NULL: it is) */
	bool port_done;		   /* parsed (else: from its copy in the pool) */
	struct strbuf raw_port;	   /* then, the bytes the file has there */
};

/* on_field() and on_record() take their short paths while this holds. */
static void update_fast(struct csv_load *st)
{
	st->fast = st->header_done && !st->failed && st->field_utf8 ? FIELD_COUNT : 0;
}

static void fail(struct csv_load *st)
{
	st->failed = true;
	st->fast = 0;
}

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
	error_set(st->err, st->file, st->line,
		  _("not an IANA registry CSV: column %zu of the header is '%s', expected '%s'"),
		  st->nfields + 1, strbuf_str(&raw), want);
	strbuf_free(&raw);
	fail(st);
	return false;
}

/* The Port Number, parsed now; a bad one is reported once the row is
 * whole, so a wrong field count wins. */
static void port_field(struct csv_load *st, const char *s, size_t n)
{
	if (port_parse_field(s, n, &st->port_lo, &st->port_hi, &st->port_why) < 0) {
		strbuf_reset(&st->raw_port);
		strbuf_add(&st->raw_port, s, n);
	}
	st->port_done = true;
}

/* A Port Number on_field() copied to the pool as it was is parsed from
 * there, when its row is whole (the same bytes, one call fewer for the
 * other eleven fields). */
static void record_port(struct csv_load *st)
{
	if (!st->port_done)
		port_field(st, st->reg->pool + st->off[FIELD_PORT], st->len[FIELD_PORT]);
}

static bool raw_field_ok(struct csv_load *st, const char *s, size_t n)
{
	if (!st->header_done)
		return header_field_ok(st, s, n);
	if (st->nfields == FIELD_PORT)
		port_field(st, s, n);
	return true;
}

/* The row's Port Number, reported with the bytes the file has there. */
static bool raw_port_ok(struct csv_load *st)
{
	if (!st->port_why)
		return true;
	error_set(st->err, st->file, st->line, _("bad port '%s': %s"), strbuf_str(&st->raw_port),
		  _(st->port_why));
	fail(st);
	return false;
}

/* How many '\n' s[0..n) holds. */
static size_t count_newlines(const char *s, size_t n)
{
	if (!n)
		return 0; /* s may be NULL then: libcsv's buffer before any byte */
	size_t k = 0;
	const char *end = s + n;
	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		if (++s == end)
			break;
	}
	return k;
}

/* The newlines of the current record so far: its fields' (in the pool
 * from the mark, or counted past the 12th). */
static size_t record_newlines(const struct csv_load *st)
{
	const struct registry *reg = st->reg;
	return count_newlines(reg->pool + st->mark, reg->pool_len - st->mark) + st->extra_nl;
}

/* The line of the byte libcsv stopped at: the record's start, its
 * newlines so far and those of the field it is inside. */
static unsigned long line_here(const struct csv_load *st)
{
	return st->line + record_newlines(st) +
	       count_newlines((const char *)st->parser.entry_buf, st->parser.entry_pos);
}

/* Fed a line at a time (as this loader once was), libcsv's buffer was
 * checked against FIELD_MAX at each line's end: a field with a newline
 * past FIELD_MAX bytes was refused there, before anything after it. The
 * same order and words, fed blocks: is s[0..n) such a field? */
static bool over_at_a_line_end(const char *s, size_t n)
{
	return n > FIELD_MAX && memchr(s + FIELD_MAX, '\n', n - FIELD_MAX) != NULL;
}

/* The error for a field caught while still growing. */
static void field_over(struct csv_load *st)
{
	error_set(st->err, st->file, st->line, _("field %zu (%s) is over the %d-byte limit"),
		  st->nfields + 1,
		  st->nfields < FIELD_COUNT ? field_heading((enum field)st->nfields) : "?",
		  FIELD_MAX);
	fail(st);
}

/* on_field() for the header, a field past the 12th or over FIELD_MAX, a
 * block with invalid UTF-8, a full pool, or after a failure. */
static __attribute__((noinline)) void on_field_slow(struct csv_load *st, const char *s, size_t n)
{
	if (st->failed)
		return;
	if (st->nfields < FIELD_COUNT) {
		if (n > FIELD_MAX) {
			if (over_at_a_line_end(s, n)) {
				field_over(st);
				return;
			}
			error_set(st->err, st->file, st->line,
				  _("field %zu (%s) is %zu bytes, over the %d-byte limit"),
				  st->nfields + 1, field_heading((enum field)st->nfields), n,
				  FIELD_MAX);
			fail(st);
			return;
		}
		if (!raw_field_ok(st, s, n))
			return;
		/* a field of blocks already found valid needs no second look */
		uint32_t off = st->field_utf8 && st->block_utf8
				       ? registry_intern_utf8(st->reg, s, n)
				       : registry_intern(st->reg, s, n, st->line);
		if (off == UINT32_MAX) {
			error_set(st->err, st->file, st->line, _("out of memory"));
			fail(st);
			return;
		}
		st->off[st->nfields] = off;
		/* interned at the pool's end, perhaps normalised (longer) */
		st->len[st->nfields] = off ? (uint32_t)(st->reg->pool_len - off - 1) : 0;
	} else if (over_at_a_line_end(s, n)) {
		field_over(st);
		return;
	} else {
		st->extra_nl += count_newlines(s, n); /* not pooled, still lines */
	}
	st->nfields++;
	st->field_utf8 = st->block_utf8; /* the next field starts in this block */
	update_fast(st);
}

/* memcpy(d, s, n), most fields being short: one or two overlapping moves
 * of 8, 4 or 1 byte(s) for up to 16 bytes, a tail call beyond. */
static inline void copy_field(char *d, const char *s, size_t n)
{
	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		uint64_t a, b;
		memcpy(&a, s, 8), memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8), memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4), memcpy(&b, s + n - 4, 4);
		memcpy(d, &a, 4), memcpy(d + n - 4, &b, 4);
	} else {
		d[0] = s[0], d[n / 2] = s[n / 2], d[n - 1] = s[n - 1];
	}
}

/* libcsv callback: one field complete. It runs for every field of the
 * file, so the usual one (valid UTF-8 that fits the pool) is copied in
 * here and everything else is left to on_field_slow(). */
static void on_field(void *s, size_t n, void *data)
{
	struct csv_load *st = data;
	size_t k = st->nfields;
	if (k < st->fast) {
		struct registry *reg = st->reg;
		if (!n) { /* half the fields: the empty string, offset 0 */
			st->nfields = k + 1;
			st->off[k] = st->len[k] = 0;
			return;
		}
		if (n < reg->pool_cap - reg->pool_len && n <= FIELD_MAX) {
			st->nfields = k + 1;
			st->len[k] = (uint32_t)n;
			char *d = reg->pool + reg->pool_len;
			st->off[k] = (uint32_t)reg->pool_len;
			reg->pool_len += n + 1;
			d[n] = '\0';
			copy_field(d, s, n);
			return;
		}
	}
	on_field_slow(st, s, n);
}

/* The header's columns were checked one by one (raw_field_ok); now their
 * number. */
static void check_header(struct csv_load *st)
{
	if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->line,
			  P_("not an IANA registry CSV: the header has %zu column, expected %d",
			     "not an IANA registry CSV: the header has %zu columns, expected %d",
			     st->nfields),
			  st->nfields, FIELD_COUNT);
		fail(st);
		return;
	}
	st->header_done = true;
	update_fast(st);
}

/* The current record is done (added, refused or the header): the next
 * starts after its newlines and c. */
static void next_record(struct csv_load *st, size_t nl, int c)
{
	st->nfields = 0;
	st->port_done = false;
	st->extra_nl = 0;
	st->mark = registry_pool_mark(st->reg);
	st->line += nl + (c == '\n');
}

/* on_record() for anything but a good data row. */
static __attribute__((noinline)) void on_record_slow(struct csv_load *st, int c)
{
	if (st->failed)
		return;
	if (!st->nfields) { /* a blank line, or the '\n' of a "\r\n" */
		st->line += c == '\n';
		return;
	}
	size_t nl = record_newlines(st);
	if (!st->header_done) {
		check_header(st);
		registry_pool_rewind(st->reg, st->mark); /* the header is not data */
	} else if (st->nfields != FIELD_COUNT) {
		error_set(st->err, st->file, st->line, _("expected %d fields, found %zu"),
			  FIELD_COUNT, st->nfields);
		fail(st);
	} else if ((record_port(st), raw_port_ok(st)) &&
		   registry_add_interned(st->reg, st->off, st->len, st->port_lo, st->port_hi,
					 st->file, st->line, st->err) < 0) {
		fail(st);
	}
	next_record(st, nl, c);
}

/* libcsv callback: a row ended by c ('\n', '\r', or -1 at the end of the
 * data); a blank one has no fields. */
static void on_record(int c, void *data)
{
	struct csv_load *st = data;
	if (st->nfields == st->fast && st->fast && (record_port(st), !st->port_why)) {
		/* its fields are all in the pool: mostly one line, one memchr */
		size_t nl = record_newlines(st);
		if (registry_add_interned(st->reg, st->off, st->len, st->port_lo, st->port_hi,
					  st->file, st->line, st->err) < 0)
			fail(st);
		next_record(st, nl, c);
		return;
	}
	on_record_slow(st, c);
}

/* Parse n bytes of a block. */
static int parse(struct csv_load *st, const char *s, size_t n)
{
	if (n && csv_parse(&st->parser, s, n, on_field, on_record, st) != n && !st->failed) {
		int e = csv_error(&st->parser);
		if (e == CSV_EPARSE &&
		    over_at_a_line_end((const char *)st->parser.entry_buf, st->parser.entry_pos))
			field_over(st);
		else if (e == CSV_EPARSE)
			error_set(st->err, st->file, line_here(st),
				  _("malformed CSV: a quote inside an unquoted field, or text "
				    "after a closing quote"));
		else
			error_set(st->err, st->file, line_here(st), _("CSV parser: %s"),
				  csv_strerror(e));
		fail(st);
	}
	/* caught while the field is still growing, so a huge one is never
	 * buffered whole */
	if (!st->failed && st->parser.entry_pos > FIELD_MAX)
		field_over(st);
	return st->failed ? -1 : 0;
}

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* Feed a block of data. */
static int feed_data(struct csv_load *st, const char *buf, size_t len)
{
	/* One validation per block: most blocks are clean, and then no field
	 * in them is checked again (a character split across two blocks makes
	 * both look unclean, which only costs the per-field check). */
	st->block_utf8 = utf8_valid_prefix(buf, len) == len;
	st->field_utf8 = st->field_utf8 && st->block_utf8;
	update_fast(st);
	const char *nul = memchr(buf, '\0', len);
	if (!nul)
		return parse(st, buf, len);
	/* the lines before the one with the NUL are data */
	const char *nl = memrchr(buf, '\n', (size_t)(nul - buf));
	if (parse(st, buf, nl ? (size_t)(nl + 1 - buf) : 0) < 0)
		return -1;
	return error_set(st->err, st->file, line_here(st),
			 _("NUL byte in the data: not a text file"));
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
		error_set(st->err, st->file, st->line,
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
	if (csv_init(&st.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
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
