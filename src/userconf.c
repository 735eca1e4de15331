/* SPDX-License-Identifier: MIT */
/* userconf.c: the user's config file (userconf.h), read whole through the
 * safe opener (infile.h) and parsed line by line. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "userconf.h"
#include "i18n.h"
#include "infile.h"
#include "nmaprun.h"
#include "source.h"

/* The blanks between words ('\r': a file written with CRLF). */
#define USERCONF_BLANKS " \t\r"

void userconf_path(struct strbuf *out)
{
	source_xdg_path(out, "XDG_CONFIG_HOME", "/.config", "/portscope/config");
}

void userconf_free(struct userconf *c)
{
	for (size_t i = 0; i < c->nscan; i++)
		free(c->scan[i]);
	free(c->scan);
	c->scan = NULL;
	c->nscan = 0;
}

/* Append a copy of the n bytes of word to the targets. */
static int userconf_add_target(struct userconf *c, const char *word, size_t n)
{
	char **v = realloc(c->scan, (c->nscan + 1) * sizeof(*v));
	if (!v)
		return -1;
	c->scan = v;
	if (!(v[c->nscan] = strndup(word, n)))
		return -1;
	c->nscan++;
	return 0;
}

/* "scan TARGET...": rest holds the targets. */
static int userconf_scan(struct userconf *c, const char *rest, const char *path, unsigned long line,
			 struct ps_error *err)
{
	size_t first = c->nscan;
	for (rest += strspn(rest, USERCONF_BLANKS); *rest; rest += strspn(rest, USERCONF_BLANKS)) {
		size_t n = strcspn(rest, USERCONF_BLANKS);
		if (userconf_add_target(c, rest, n) < 0)
			return error_set(err, path, line, _("out of memory"));
		rest += n;
	}
	if (c->nscan == first)
		return error_set(err, path, line, _("'scan' takes one TARGET or more"));
	struct ps_error why = PS_ERROR_INIT;
	if (nmaprun_check_targets(c->scan + first, c->nscan - first, &why) < 0) {
		error_set(err, path, line, "%s", why.msg ? why.msg : _("out of memory"));
		error_clear(&why);
		return -1;
	}
	return 0;
}

/* One line (NUL-terminated, no newline). */
static int userconf_line(struct userconf *c, const char *l, const char *path, unsigned long line,
			 struct ps_error *err)
{
	l += strspn(l, USERCONF_BLANKS);
	if (!*l || *l == '#')
		return 0;
	size_t n = strcspn(l, USERCONF_BLANKS);
	if (n == 4 && strncmp(l, "scan", 4) == 0)
		return userconf_scan(c, l + n, path, line, err);
	return error_set(err, path, line, _("unknown key '%.*s' (the keys: scan)"), (int)n, l);
}

int userconf_load(const char *path, struct userconf *c, struct ps_error *err)
{
	struct strbuf text = STRBUF_INIT;
	memset(c, 0, sizeof(*c));
	if (infile_slurp(path, INFILE_CONFIG, &text, err) < 0) {
		int e = errno;
		strbuf_free(&text);
		if (e != ENOENT)
			return -1;
		error_clear(err); /* no file: nothing configured */
		return 0;
	}
	if (text.len && memchr(text.data, '\0', text.len)) {
		strbuf_free(&text);
		return error_set(err, path, 0, _("a NUL byte: not a text file"));
	}
	int rc = 0;
	unsigned long line = 1;
	for (char *l = text.data, *nl; rc == 0 && l && *l; l = nl + 1, line++) {
		if ((nl = strchr(l, '\n')))
			*nl = '\0';
		rc = userconf_line(c, l, path, line, err);
		if (!nl)
			break;
	}
	strbuf_free(&text);
	if (rc < 0)
		userconf_free(c);
	return rc;
}
