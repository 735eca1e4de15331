/* SPDX-License-Identifier: MIT */
/* output.h: records and values rendered as text, JSON or CSV. Text goes
 * through the sanitiser; JSON is escaped per RFC 8259; CSV fields are
 * quoted when needed and sanitised except for line feeds. */
#ifndef PORTSCOPE_OUTPUT_H
#define PORTSCOPE_OUTPUT_H

#include <stdio.h>

#include "registry.h"
#include "strbuf.h"

enum format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_CSV,
};

int output_parse_format(const char *s);
/* Untrusted text for a terminal. */
void output_text(struct strbuf *out, const char *s);
/* A JSON string literal, quotes included. */
void output_json_string(struct strbuf *out, const char *s);
/* One CSV field (no separator). */
void output_csv_field(struct strbuf *out, const char *s);
/* A record's range: system, user, dynamic, mixed, or NULL without a port. */
const char *output_record_range(const struct record *r);
void output_record_json(struct strbuf *out, const struct registry *reg, const struct record *r);
void output_record_csv_header(struct strbuf *out);
void output_record_csv(struct strbuf *out, const struct registry *reg, const struct record *r);
/* "443/tcp  https": port ("-" if none), "/transport" if any, name. */
void output_record_label(struct strbuf *out, const struct registry *reg, const struct record *r);
/* A readable block: "443/tcp  https  (assigned, system)" then fields. */
void output_record_text(struct strbuf *out, const struct registry *reg, const struct record *r);
/* Record number i (from 0) of a list in format: JSON array items after a
 * "[" the caller wrote, CSV rows after the header, text blocks each after
 * a blank line. */
void output_record_item(struct strbuf *out, enum format format, const struct registry *reg,
			const struct record *r, size_t i);
/* Write out to fp and empty it; -1 on a write error. */
int output_flush(struct strbuf *out, FILE *fp);

#endif
