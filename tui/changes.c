/* SPDX-License-Identifier: MIT */
/* changes.c: keeping the registry current from the TUI. When only a
 * degraded source is loaded a banner offers U; U runs `portscope update`'s
 * engine (download, validate, atomic replace of the per-user registry)
 * with its progress in the status line, then loads the new registry in
 * place. When the download replaced an older file, what changed is a page
 * (c) and an overlay of the ports it touches. The download blocks the
 * loop (its progress callback draws the status line and lets Esc cancel);
 * $PORTSCOPE_UPDATE_URL replaces the official URL (tests use a loopback
 * server). */
#include <config.h>

#include <stdlib.h>

#include "../src/diff.h"
#include "../src/fetch.h"
#include "../src/i18n.h"
#include "../src/source.h"
#include "../src/update.h"
#include "text.h"
#include "tui.h"

/* What the last update changed: the page's and the overlay's state. */
static struct {
	struct diff diff; /* (valid when have_diff) */
	bool have_diff;
	bool armed;		  /* U was pressed once with a --registry FILE */
	unsigned long armed_at;	  /* at this key */
	struct registry *old_reg; /* the registry it replaced, which diff points into */
	struct overlay changed;	  /* the ports the diff touches */
} changes;

void changes_init(struct app *app)
{
	/* L10N: short form of the legend word before it, for a narrow line. */
	overlay_define(&app->overlays, &changes.changed, N_("changed"), N_("chg"), "◇", '~',
		       ROLE_OV_CHANGED);
}

static void changes_forget(void)
{
	if (changes.have_diff)
		diff_free(&changes.diff);
	changes.have_diff = false;
	registry_free(changes.old_reg);
	changes.old_reg = NULL;
	overlay_clear(&changes.changed);
	changes.changed.enabled = false;
}

void changes_free(struct app *app)
{
	(void)app;
	changes_forget();
}

struct changes_progress {
	struct app *app;
	bool cancelled; /* by Esc */
};

/* The download's progress in the status line; Esc cancels it. */
static int changes_progress(void *ctx, uint64_t now, uint64_t total)
{
	struct changes_progress *pr = ctx;
	struct app *app = pr->app;
	if (total)
		status_message(
			app, false,
			_("downloading the IANA registry: %'llu of %'llu KiB (%d%%), Esc cancels"),
			(unsigned long long)(now >> 10), (unsigned long long)(total >> 10),
			(int)(now * 100 / total));
	else
		status_message(app, false,
			       _("downloading the IANA registry: %'llu KiB, Esc cancels"),
			       (unsigned long long)(now >> 10));
	status_now(app);
	wtimeout(stdscr, 0);
	int c = wgetch(stdscr); /* bytes: the loop decodes characters */
	if (c == ERR)
		return 0;
	if (c == 27)
		return pr->cancelled = true;
	ungetch(c); /* any other key waits for the loop */
	return 0;
}

/* Diff what the update replaced against what it installed, and mark the
 * ports it touches. Takes over res->old. */
static void changes_compute(struct app *app, struct update_result *res)
{
	struct ps_error err = PS_ERROR_INIT;
	changes.old_reg = res->old;
	res->old = NULL;
	if (!changes.old_reg || diff_compute(&changes.diff, changes.old_reg, app->reg, &err) < 0) {
		error_clear(&err);
		return;
	}
	changes.have_diff = true;
	for (unsigned p = 0; p <= PORT_MAX; p++)
		if (diff_port_changed(&changes.diff, p, true))
			overlay_set_port(&changes.changed, p);
	changes.changed.enabled = true;
}

/* Show the installed registry in place of the loaded one. */
static void changes_install(struct app *app, struct update_result *res, const char *path)
{
	struct registry *gone = app->reg;
	changes_forget();
	app->reg = res->new;
	res->new = NULL;
	find_refresh(app); /* the search ran over the old registry: again, on the new */
	registry_free(gone);
	changes_compute(app, res);
	app->gap.enabled = false;
	if (changes.have_diff)
		status_message(
			app, false,
			_("updated: %'zu added, %'zu removed, %'zu changed (c lists them); %s"),
			changes.diff.count[DIFF_ADDED], changes.diff.count[DIFF_REMOVED],
			changes.diff.count[DIFF_CHANGED], path);
	else
		status_message(app, false, _("installed: %'zu records in %s"), app->reg->nrec,
			       path);
}

/* Download into the per-user registry path and load the result. */
static unsigned changes_run(struct app *app)
{
	struct strbuf path = STRBUF_INIT;
	struct ps_error err = PS_ERROR_INIT;
	struct update_result res;
	source_user_registry_path(&path);
	struct changes_progress pr = {app, false};
	struct update_opts o = {.url = getenv("PORTSCOPE_UPDATE_URL"),
				.output = strbuf_str(&path),
				.create_dirs = true, /* the per-user path */
				.progress = changes_progress,
				.progress_ctx = &pr};
	if (o.url && !*o.url)
		o.url = NULL;
	status_message(app, false, _("connecting to %s"), o.url ? o.url : UPDATE_DEFAULT_URL);
	status_now(app);
	int failed = update_run(&o, &res, &err);
	if (failed && pr.cancelled)
		status_message(app, false, _("update cancelled: nothing replaced"));
	else if (failed)
		status_message(app, true, _("update failed, nothing replaced: %s%s%s"),
			       err.file ? err.file : "", err.file ? ": " : "",
			       err.msg ? err.msg : "");
	else if (res.outcome == UPDATE_NOT_MODIFIED)
		status_message(app, false, _("up to date (the server reports no change): %s"),
			       strbuf_str(&path));
	else
		changes_install(app, &res, strbuf_str(&path));
	update_result_free(&res);
	error_clear(&err);
	strbuf_free(&path);
	return REDRAW_LAYOUT;
}

/* With the registry named by --registry FILE, U downloads to the per-user
 * path, never FILE: say so and where, and go on only when U comes again
 * as the very next key. */
static bool changes_confirmed(struct app *app)
{
	if (changes.armed && changes.armed_at + 1 == app->keys) {
		changes.armed = false;
		return true;
	}
	struct strbuf path = STRBUF_INIT;
	source_user_registry_path(&path);
	status_message(app, false,
		       _("U again: download the official registry to %s and show it instead of "
			 "%s (which stays as it is); any other key: no"),
		       strbuf_str(&path), app->reg->source);
	strbuf_free(&path);
	changes.armed = true;
	changes.armed_at = app->keys;
	return false;
}

unsigned changes_update(struct app *app)
{
	if (!fetch_available()) {
		status_message(
			app, true,
			_("this portscope was built without libcurl: fetch the registry with "
			  "'curl -fL -o FILE %s'"),
			UPDATE_DEFAULT_URL);
		return REDRAW_STATUS;
	}
	if (app->registry_given && !changes_confirmed(app))
		return REDRAW_STATUS;
	return changes_run(app);
}

/* c opens the page only when there is something to show. */
static bool changes_open(struct app *app)
{
	if (!changes.have_diff)
		status_message(
			app, true,
			_("no changes to show: U downloads the registry and lists what changed"));
	return changes.have_diff;
}

/* "old: FILE (DATE, N records)" */
static void changes_side(struct strbuf *t, const char *label, const struct registry *reg)
{
	text_line(t, TEXT_PLAIN);
	text_addf(t, P_("%s %s (%s, %'zu record)", "%s %s (%s, %'zu records)", reg->nrec), label,
		  reg->source, *reg->date ? reg->date : _("no date"), reg->nrec);
}

/* One entry: "changed  80/tcp  http: description, modified". */
static void changes_entry(struct strbuf *t, const struct diff *d, const struct diff_entry *e)
{
	const struct registry *reg;
	const struct record *r = diff_entry_record(d, e, &reg);
	const char *tr = registry_field(reg, r, FIELD_TRANSPORT);
	const char *svc = registry_field(reg, r, FIELD_SERVICE);
	struct strbuf line = STRBUF_INIT;
	text_label(&line, _(diff_kind_name((enum diff_kind)e->kind)), TEXT_KEY_WIDTH);
	strbuf_addf(&line, "%s/%s  %s",
		    *registry_field(reg, r, FIELD_PORT) ? registry_field(reg, r, FIELD_PORT) : "-",
		    *tr ? tr : "-", *svc ? svc : _("(no service name)"));
	if (e->kind != DIFF_CHANGED) {
		strbuf_addf(&line, "  %s", registry_field(reg, r, FIELD_DESCRIPTION));
	} else if (e->whitespace_only) {
		strbuf_adds(&line, _(": only spacing"));
	} else {
		const char *sep = ": ";
		for (int f = 0; f < FIELD_COUNT; f++)
			if (e->fields & (1u << f)) {
				strbuf_addf(&line, "%s%s", sep, field_key((enum field)f));
				sep = ", ";
			}
	}
	text_wrap(t, TEXT_KEY, strbuf_str(&line), TEXT_KEY_WIDTH, COLS);
	strbuf_free(&line);
}

/* The page: both registries, the counts, an entry per change. */
static void changes_text(struct app *app, struct strbuf *t)
{
	const struct diff *d = &changes.diff;
	(void)app;
	text_wrap(t, TEXT_HEADING, _("What the update changed"), 0, COLS);
	changes_side(t, _("before:"), d->old);
	changes_side(t, _("after: "), d->new);
	text_line(t, TEXT_PLAIN);
	text_addf(t, _("%'zu added, %'zu removed, %'zu changed (%'zu only in spacing)"),
		  d->count[DIFF_ADDED], d->count[DIFF_REMOVED], d->count[DIFF_CHANGED],
		  d->whitespace_only);
	text_line(t, TEXT_PLAIN);
	text_addf(t,
		  _("%'zu ports touched; the %'zu whose records changed beyond spacing are marked "
		    "on the map"),
		  d->ports_changed, d->ports_content);
	text_line(t, TEXT_PLAIN);
	for (size_t i = 0; i < d->n; i++)
		changes_entry(t, d, &d->entry[i]);
}

const struct page_ops changes_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("CHANGES"),
	.open = changes_open,
	.text = changes_text,
};

void changes_draw_banner(struct app *app)
{
	int y = app->lay.banner_y;
	attr_t a = colors_attr(ROLE_STATUS_ERROR);
	if (y < 0)
		return;
	draw_fill(y, 0, COLS, a);
	draw_text(y, 0, COLS, _(" Not the official registry: press U to download it from IANA"), a);
}
