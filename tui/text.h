/* SPDX-License-Identifier: MIT */
/* text.h: lines of styled text built before drawing (detail pane, help,
 * ranges page). Each line starts with a style byte; untrusted text is
 * sanitised when it is added, so drawing never sees raw registry bytes. */
#ifndef PORTSCOPE_TEXT_H
#define PORTSCOPE_TEXT_H

#include "../src/strbuf.h"

enum text_style {
	TEXT_PLAIN = 'p',
	TEXT_HEADING = 'h',
	TEXT_FIELD = 'f', /* a LABEL_WIDTH label, then the value */
	TEXT_KEY = 'k',	  /* a KEY_WIDTH key name, then its help */
	TEXT_NOTE = 'n',  /* something to notice: a record's history */
	TEXT_SPANS = 'c', /* runs of colour roles, switched by text_role() */
};

#define TEXT_LABEL_WIDTH 18
#define TEXT_KEY_WIDTH 14

/* Start a new line of a style. */
void text_line(struct strbuf *t, enum text_style style);
/* Trusted text (our own strings) on the current line. */
void text_add(struct strbuf *t, const char *s);
void text_addf(struct strbuf *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* label fitted to width - 1 columns (cut or padded), then a space: the
 * label column of a TEXT_FIELD or TEXT_KEY line. */
void text_label(struct strbuf *t, const char *label, int width);
/* A label and an untrusted value, wrapped to the screen width under the
 * value column. */
void text_field(struct strbuf *t, const char *label, const char *value);
/* Untrusted text on lines of style, wrapped at spaces to width columns;
 * lines after the first are indented by indent columns. Line feeds in
 * value become spaces. */
void text_wrap(struct strbuf *t, enum text_style style, const char *value, int indent, int width);
/* On a TEXT_SPANS line: what follows is drawn in role's attributes (an
 * enum color_role). Untrusted text can never switch roles: the sanitiser
 * turns the marker byte into an escape. */
void text_role(struct strbuf *t, int role);
/* The lines of more after those of t. */
void text_append(struct strbuf *t, const struct strbuf *more);
/* Two columns side by side: each line of left, padded to width columns,
 * then the line of right beside it, as TEXT_SPANS lines of t. */
void text_columns(struct strbuf *t, const struct strbuf *left, const struct strbuf *right,
		  int width);
/* How many lines t holds. */
size_t text_count(const struct strbuf *t);
/* Draw lines [first, first + h) of t at rows y.. with width w. */
void text_draw(const struct strbuf *t, size_t first, int y, int h, int w);

#endif
