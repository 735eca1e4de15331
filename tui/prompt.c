/* SPDX-License-Identifier: MIT */
/* prompt.c: the line editor in the status bar, for ':' (go to a port
 * number or a service name: ":443", ":ssh") and '/' (search, find.c).
 * Each kind of prompt is a row of hooks. */
#include <config.h>

#include <string.h>
#include <wchar.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/svcname.h"
#include "../src/utf8.h"
#include "bars.h"
#include "tui.h"

/* The most a prompt takes: far past any pattern or name a person types
 * or pastes, and still a bounded buffer. */
#define PROMPT_MAX 65536

unsigned prompt_start(struct app *app, enum prompt_kind kind)
{
	app->prompt_active = true;
	app->prompt_kind = kind;
	app->find.hist_pos = app->find.nhistory;
	app->prompt_full = false;
	strbuf_reset(&app->prompt);
	complete_reset(app);
	return REDRAW_STATUS;
}

/* The first record of the name with a port, preferring the transport
 * filter; -1 when there is none. */
static long prompt_find_name(struct app *app, const char *name, size_t *nrec)
{
	const uint32_t *idx;
	long best = -1;
	*nrec = registry_find_service(app->reg, name, &idx);
	for (size_t i = 0; i < *nrec; i++) {
		const struct record *r = &app->reg->rec[idx[i]];
		if (r->port_lo == PORT_NONE)
			continue;
		if (app->proto == TRANSPORT_ANY || r->transport == app->proto)
			return r->port_lo;
		if (best < 0)
			best = r->port_lo;
	}
	return best;
}

/* A name nothing is registered under: the nearest registered names ("did
 * you mean"), and whether it could be registered (RFC 6335 section 5.1). */
static void prompt_unknown_name(struct app *app, const char *s)
{
	struct strbuf msg = STRBUF_INIT;
	const char *near[5];
	long n = svcname_similar(app->reg, s, near, 5);
	strbuf_addf(&msg, _("no service named '%s'"), s);
	for (long i = 0; i < n; i++)
		/* L10N: before the nearest registered names, comma-separated. */
		strbuf_addf(&msg, "%s%s", i ? ", " : _("; did you mean: "), near[i]);
	size_t bad_at;
	unsigned broken = svcname_check(s, &bad_at);
	for (int r = 0; broken && r < SVCNAME_RULES; r++)
		if (broken & (1u << r)) {
			/* L10N: then the first RFC 6335 rule the name breaks. */
			strbuf_addf(&msg, _("; not a valid name: %s"),
				    _(svcname_rule_text((enum svcname_rule)r)));
			break;
		}
	if (!broken)
		strbuf_adds(&msg, _("; free to register"));
	status_message(app, true, "%s", strbuf_str(&msg));
	strbuf_free(&msg);
}

bool prompt_goto(struct app *app, const char *s)
{
	unsigned port;
	size_t nrec;
	if (ports_parse_port(s, &port) == 0) {
		heatmap_goto(app, port);
		status_message(app, false, "%s", ""); /* the line names the port already */
		return true;
	}
	if (strspn(s, "0123456789") == strlen(s)) {
		status_message(app, true, _("'%s' is not a port number (0-65535)"), s);
		return false;
	}
	long p = prompt_find_name(app, s, &nrec);
	if (p < 0 && nrec) {
		status_message(app, true, _("'%s' is registered without a port number"), s);
		return false;
	}
	if (p < 0) {
		prompt_unknown_name(app, s);
		return false;
	}
	heatmap_goto(app, (unsigned)p);
	status_message(app, false, _("%s: port %ld"), s, p);
	return true;
}

static unsigned prompt_goto_submit(struct app *app, const char *s)
{
	s += strspn(s, " ");
	if (!*s)
		return REDRAW_STATUS;
	if (!prompt_goto(app, s))
		return REDRAW_STATUS;
	return REDRAW_MAP | REDRAW_DETAIL | REDRAW_STATUS;
}

/* Drop the last UTF-8 character typed. */
static void prompt_backspace(struct strbuf *sb)
{
	while (sb->len && ((unsigned char)sb->data[sb->len - 1] & 0xC0) == 0x80)
		sb->len--;
	if (sb->len)
		sb->len--;
	if (sb->data)
		sb->data[sb->len] = '\0';
}

static unsigned prompt_nothing(struct app *app)
{
	(void)app;
	return REDRAW_NONE;
}

static const char *prompt_no_recall(struct app *app, int dir)
{
	(void)app;
	(void)dir;
	return NULL;
}

static void prompt_goto_draw(struct app *app, int y);

struct prompt_ops {
	unsigned (*submit)(struct app *app, const char *text);
	unsigned (*cancel)(struct app *app);
	unsigned (*edited)(struct app *app); /* after each edit */
	/* Up (-1) / Down (1): the text to edit instead, or NULL */
	const char *(*recall)(struct app *app, int dir);
	void (*draw)(struct app *app, int y);
	/* Tab (1) / Shift-Tab (-1); NULL: the prompt completes nothing */
	unsigned (*complete)(struct app *app, int dir);
};

static const struct prompt_ops prompt_ops[] = {
	[PROMPT_GOTO] = {prompt_goto_submit, prompt_nothing, prompt_nothing, prompt_no_recall,
			 prompt_goto_draw, complete_tab},
	[PROMPT_SEARCH] = {find_submit, find_cancel, find_edited, find_recall, find_draw_prompt,
			   NULL},
};

/* Up or Down: an earlier text in place of what has been typed. */
static unsigned prompt_recall(struct app *app, const struct prompt_ops *ops, int dir)
{
	const char *s = ops->recall(app, dir);
	if (!s)
		return REDRAW_NONE;
	strbuf_reset(&app->prompt);
	strbuf_adds(&app->prompt, s);
	return ops->edited(app);
}

/* Close the prompt and run a hook. */
static unsigned prompt_close(struct app *app, unsigned (*hook)(struct app *app))
{
	app->prompt_active = false;
	return REDRAW_STATUS | hook(app);
}

unsigned prompt_key(struct app *app, int key, bool is_char)
{
	const struct prompt_ops *ops = &prompt_ops[app->prompt_kind];
	bool tab = is_char ? key == '\t' : key == KEY_BTAB;
	if (tab && ops->complete)
		return ops->complete(app, is_char ? 1 : -1);
	complete_reset(app); /* any other key starts the completion over */
	if (is_char ? key == '\n' || key == '\r' : key == KEY_ENTER) {
		app->prompt_active = false;
		return REDRAW_STATUS | ops->submit(app, strbuf_str(&app->prompt));
	}
	if (is_char && key == 27) /* Esc cancels */
		return prompt_close(app, ops->cancel);
	if (!is_char && (key == KEY_UP || key == KEY_DOWN))
		return REDRAW_STATUS | prompt_recall(app, ops, key == KEY_UP ? -1 : 1);
	if ((!is_char && key == KEY_BACKSPACE) || (is_char && (key == 127 || key == 8))) {
		if (!app->prompt.len)
			return prompt_close(app, ops->cancel);
		prompt_backspace(&app->prompt);
		app->prompt_full = false;
		return REDRAW_STATUS | ops->edited(app);
	}
	if (is_char && key >= 32 && key != 127 && app->prompt.len >= PROMPT_MAX) {
		app->prompt_full = true; /* said at the end of the line, not dropped silently */
		return REDRAW_STATUS;
	}
	if (is_char && key >= 32 && key != 127) {
		char buf[4];
		strbuf_add(&app->prompt, buf, utf8_encode((uint32_t)key, buf));
		return REDRAW_STATUS | ops->edited(app);
	}
	return REDRAW_STATUS;
}

void prompt_draw(struct app *app)
{
	int y = app->lay.status_y, cy, cx;
	prompt_ops[app->prompt_kind].draw(app, y);
	if (!app->prompt_full)
		return;
	getyx(stdscr, cy, cx);
	struct strbuf note = STRBUF_INIT;
	strbuf_addf(&note, _(" [full: %d bytes, the rest was not taken] "), PROMPT_MAX);
	int w = utf8_width(strbuf_str(&note));
	if (w < COLS)
		draw_text(y, COLS - w, w, strbuf_str(&note), colors_attr(ROLE_STATUS_ERROR));
	strbuf_free(&note);
	move(cy, cx);
}

/* The prompt, then what Tab found two columns after the text (cut after
 * a word, with an ellipsis, when narrow). */
static void prompt_goto_draw(struct app *app, int y)
{
	attr_t a = colors_attr(ROLE_STATUS);
	struct bars b = {.n = 0};
	struct strbuf *note = bars_add(&b, "", 1);
	bool problem;
	draw_fill(y, 0, COLS, a);
	int x = draw_text(y, 0, COLS, _("Go to port or service: "), a);
	x += draw_untrusted(y, x, COLS - x, strbuf_str(&app->prompt), a);
	if (x + 3 < COLS && complete_note(app, note, COLS - x - 2, &problem))
		bars_draw(&b, y, x + 2, COLS - x - 2,
			  colors_attr(problem ? ROLE_STATUS_ERROR : ROLE_STATUS), app->utf8);
	bars_free(&b);
	move(y, x < COLS ? x : COLS - 1);
}
