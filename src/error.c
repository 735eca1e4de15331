/* SPDX-License-Identifier: MIT */
/* error.c: errors that carry their context (file, line) up to one printer. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "sanitize.h"
#include "strbuf.h"

int error_set(struct ps_error *err, const char *file, unsigned long line, const char *fmt, ...)
{
	if (!err)
		return -1;
	error_clear(err);
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	err->msg = sb.failed ? NULL : sb.data;
	if (!err->msg) {
		strbuf_free(&sb);
		err->msg = strdup(_("out of memory"));
	}
	err->file = file ? strdup(file) : NULL;
	err->line = line;
	return -1;
}

int error_is_set(const struct ps_error *err)
{
	return err && err->msg;
}

void error_clear(struct ps_error *err)
{
	free(err->file);
	free(err->msg);
	*err = (struct ps_error)PS_ERROR_INIT;
}

void error_print(const struct ps_error *err, const char *prog, FILE *fp)
{
	struct strbuf sb = STRBUF_INIT;
	if (err->file) {
		sanitize_append(&sb, err->file, strlen(err->file));
		if (err->line)
			strbuf_addf(&sb, ":%lu", err->line);
	} else {
		strbuf_adds(&sb, prog);
	}
	strbuf_adds(&sb, ": ");
	const char *msg = err->msg ? err->msg : _("unknown error");
	sanitize_append(&sb, msg, strlen(msg));
	fprintf(fp, "%s\n", strbuf_str(&sb));
	strbuf_free(&sb);
}

void skips_note(struct ps_skips *s, unsigned long line, const char *fmt, ...)
{
	if (s->n++)
		return;
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	s->line = line;
	s->why = sb.failed ? NULL : sb.data;
	if (!s->why)
		strbuf_free(&sb);
}

void skips_clear(struct ps_skips *s)
{
	free(s->why);
	*s = (struct ps_skips)PS_SKIPS_INIT;
}

void skips_print(const struct ps_skips *s, const char *file, const char *prog, FILE *fp)
{
	if (!s->n)
		return;
	struct strbuf msg = STRBUF_INIT;
	/* L10N: after "FILE:LINE: warning: REASON": how many lines were left out. */
	strbuf_addf(&msg,
		    P_("%s (%zu malformed line skipped)",
		       "%s (first of %zu malformed lines skipped)", s->n),
		    s->why ? s->why : _("out of memory"), s->n);
	struct ps_error e = {(char *)file, s->line, NULL};
	struct strbuf full = STRBUF_INIT;
	strbuf_addf(&full, _("warning: %s"), strbuf_str(&msg));
	e.msg = (char *)strbuf_str(&full);
	error_print(&e, prog, fp);
	strbuf_free(&msg);
	strbuf_free(&full);
}
