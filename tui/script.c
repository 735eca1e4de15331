/* SPDX-License-Identifier: MIT */
/* script.c: reading key scripts for the headless test mode. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/i18n.h"
#include "../src/utf8.h"
#include "actions.h"
#include "script.h"

struct script_key_name {
	const char *name;
	int key;
};

/* clang-format off */
static const struct script_key_name script_keys[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "BTab", K(KEY_BTAB) }, { "BS", K(KEY_BACKSPACE) },
	{ "Left", K(KEY_LEFT) }, { "Right", K(KEY_RIGHT) },
	{ "Up", K(KEY_UP) }, { "Down", K(KEY_DOWN) },
	{ "PgUp", K(KEY_PPAGE) }, { "PgDn", K(KEY_NPAGE) },
	{ "Home", K(KEY_HOME) }, { "End", K(KEY_END) },
	{ "F1", K(KEY_F(1)) }, { "C-l", 12 }, { "lt", '<' },
};
/* clang-format on */

int script_parse_size(const char *s, int *cols, int *rows)
{
	char *end;
	long c = strtol(s, &end, 10);
	if (end == s || *end != 'x')
		return -1;
	const char *r0 = end + 1;
	long r = strtol(r0, &end, 10);
	if (end == r0 || *end || c < 1 || r < 1 || c > 1000 || r > 1000)
		return -1;
	*cols = (int)c;
	*rows = (int)r;
	return 0;
}

/* "MS" for @sleep: 0 to a day; -1 when malformed. */
static int script_parse_ms(const char *s, unsigned long *ms)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (end == s || *end || *s == '-' || v > 86400000UL)
		return -1;
	*ms = v;
	return 0;
}

int script_wait(struct script *s, const char *path, struct ps_error *err)
{
	const struct timespec tick = {0, 10 * 1000 * 1000};
	for (int i = 0; i < 1000; i++) {
		if (access(path, F_OK) == 0)
			return 0;
		nanosleep(&tick, NULL);
	}
	return error_set(err, s->path, s->lineno, _("@wait: the file did not appear in 10 s"));
}

int script_open(struct script *s, const char *path, struct ps_error *err)
{
	memset(s, 0, sizeof(*s));
	s->fp = fopen(path, "r");
	s->path = strdup(path);
	if (!s->fp || !s->path) {
		error_set(err, path, 0, _("cannot read the key script"));
		script_close(s);
		return -1;
	}
	return 0;
}

void script_close(struct script *s)
{
	if (s->fp)
		fclose(s->fp);
	free(s->path);
	strbuf_free(&s->line);
	s->fp = NULL;
	s->path = NULL;
}

/* Read the next line into s->line (without its newline); false at EOF. */
static bool script_read_line(struct script *s)
{
	int c;
	strbuf_reset(&s->line);
	if (feof(s->fp))
		return false;
	while ((c = getc(s->fp)) != EOF && c != '\n')
		strbuf_addc(&s->line, (char)c);
	s->lineno++;
	return c != EOF || s->line.len;
}

/* A mouse token "<Click X,Y>": fill s->mouse. */
static int script_mouse(struct script *s, const char *args, mmask_t bstate)
{
	int x, y;
	if (sscanf(args, "%d,%d", &x, &y) != 2)
		return -1;
	memset(&s->mouse, 0, sizeof(s->mouse));
	s->mouse.x = x;
	s->mouse.y = y;
	s->mouse.bstate = bstate;
	s->key = K(KEY_MOUSE);
	return 0;
}

/* A "<...>" token of n bytes at tok (without the brackets). */
static int script_token(struct script *s, const char *tok, size_t n)
{
	for (size_t i = 0; i < sizeof(script_keys) / sizeof(script_keys[0]); i++)
		if (strlen(script_keys[i].name) == n && strncmp(tok, script_keys[i].name, n) == 0) {
			s->key = script_keys[i].key;
			return 0;
		}
	if (n > 6 && strncmp(tok, "Click ", 6) == 0)
		return script_mouse(s, tok + 6, BUTTON1_CLICKED);
	if (n > 8 && strncmp(tok, "WheelUp ", 8) == 0)
		return script_mouse(s, tok + 8, BUTTON4_PRESSED);
	if (n > 10 && strncmp(tok, "WheelDown ", 10) == 0)
		return script_mouse(s, tok + 10, BUTTON5_PRESSED);
	return -1;
}

/* The next key on the current line; false when the line is used up. */
static int script_key(struct script *s, struct ps_error *err)
{
	const char *p = s->line.data + s->pos;
	size_t left = s->line.len - s->pos;
	uint32_t cp;
	if (*p == '<') {
		const char *close = memchr(p, '>', left);
		if (!close || script_token(s, p + 1, (size_t)(close - p - 1)) < 0)
			return error_set(err, s->path, s->lineno, _("bad key token"));
		s->pos += (size_t)(close - p) + 1;
		return 0;
	}
	size_t k = utf8_decode((const unsigned char *)p, left, &cp);
	if (!k)
		return error_set(err, s->path, s->lineno, _("invalid UTF-8"));
	s->key = (int)cp;
	s->pos += k;
	return 0;
}

/* A line starting with '@'. */
static int script_command(struct script *s, struct ps_error *err)
{
	const char *l = strbuf_str(&s->line) + 1;
	size_t n = strcspn(l, " ");
	const char *arg = l[n] ? l + n + 1 : "";
	s->label = arg;
	if (n == 4 && strncmp(l, "dump", 4) == 0)
		return SCRIPT_DUMP;
	if (n == 5 && strncmp(l, "attrs", 5) == 0)
		return SCRIPT_ATTRS;
	if (n == 6 && strncmp(l, "styles", 6) == 0)
		return SCRIPT_STYLES;
	if (n == 6 && strncmp(l, "resize", 6) == 0 &&
	    script_parse_size(arg, &s->cols, &s->rows) == 0)
		return SCRIPT_RESIZE;
	if (n == 5 && strncmp(l, "sleep", 5) == 0 && script_parse_ms(arg, &s->ms) == 0)
		return SCRIPT_SLEEP;
	if (n == 4 && strncmp(l, "wait", 4) == 0 && *arg)
		return SCRIPT_WAIT;
	if (n == 7 && strncmp(l, "scanned", 7) == 0)
		return SCRIPT_SCANNED;
	return error_set(err, s->path, s->lineno, _("unknown script command"));
}

int script_next(struct script *s, struct ps_error *err)
{
	while (!s->in_keys || s->pos >= s->line.len) {
		s->in_keys = false;
		if (!script_read_line(s))
			return SCRIPT_END;
		if (!s->line.len || s->line.data[0] == '#')
			continue;
		if (s->line.data[0] == '@')
			return script_command(s, err);
		s->in_keys = true;
		s->pos = 0;
	}
	return script_key(s, err) < 0 ? -1 : SCRIPT_KEY;
}

uint64_t script_clock_ms(const struct app *app)
{
	struct timespec ts;
	if (app->headless || clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return app->script_ms;
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}
