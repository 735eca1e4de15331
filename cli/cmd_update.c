/* SPDX-License-Identifier: MIT */
/* cmd_update.c: `portscope update [--url URL] [--output FILE]`: fetch the
 * official registry and install it (update.h says how). Exit 0 when a new
 * file was installed, 1 when the server reports no change, 2 on failure
 * (the old file is then untouched). */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diff.h"
#include "fetch.h"
#include "i18n.h"
#include "sanitize.h"
#include "source.h"
#include "update.h"

#define BAR_WIDTH 30

/* The signal that interrupted the download (INT, TERM, HUP), or 0. */
static volatile sig_atomic_t update_signal;

static void update_on_signal(int sig)
{
	update_signal = sig;
}

/* Catch INT, TERM and HUP while the download runs, so the temporary file
 * is removed before the program leaves; old holds what was there. */
static void update_catch(struct sigaction old[3], bool on)
{
	static const int sigs[3] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = update_on_signal; /* no SA_RESTART: a blocked call returns */
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], on ? &sa : &old[i], on ? &old[i] : NULL);
}

struct progress {
	int last; /* last thing drawn: percent, or KiB when the size is unknown */
	bool drawn;
};

/* "[=========>      ]  45%  512/1119 KiB" on stderr, redrawn in place. */
static int progress_draw(void *ctx, uint64_t now, uint64_t total)
{
	struct progress *p = ctx;
	int mark = total ? (int)(now * 100 / total) : (int)(now >> 10);
	if (p->drawn && mark == p->last)
		return 0;
	p->last = mark;
	p->drawn = true;
	if (!total) {
		fputc('\r', stderr);
		fprintf(stderr, _("downloading: %llu KiB"), (unsigned long long)(now >> 10));
		return 0;
	}
	char bar[BAR_WIDTH + 1];
	int fill = mark * BAR_WIDTH / 100;
	for (int i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < fill ? '=' : i == fill ? '>' : ' ';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] %3d%%  %llu/%llu KiB", bar, mark, (unsigned long long)(now >> 10),
		(unsigned long long)(total >> 10));
	return 0;
}

/* Without libcurl: say how to do by hand what update would have done. */
static int update_by_hand(struct cli *cli, const char *output)
{
	cli_warn(cli,
		 _("this portscope was built without libcurl, so it cannot download the registry"));
	struct strbuf dir = STRBUF_INIT, text = STRBUF_INIT, clean = STRBUF_INIT;
	update_dir_of(&dir, output);
	strbuf_addf(&text,
		    _("Fetch it by hand with curl or wget, into the file portscope reads:\n"
		      "  mkdir -p '%s'\n"
		      "  curl -fL -o '%s' '%s'\n"
		      "  wget -O '%s' '%s'\n"),
		    strbuf_str(&dir), output, UPDATE_DEFAULT_URL, output, UPDATE_DEFAULT_URL);
	sanitize_append_lines(&clean, strbuf_str(&text), text.len);
	fputs(strbuf_str(&clean), stderr);
	strbuf_free(&dir);
	strbuf_free(&text);
	strbuf_free(&clean);
	return EXIT_TROUBLE;
}

/* "43 added, 16 removed, 208 changed" between the old and new files. */
static void report_changes(struct cli *cli, const struct update_result *res)
{
	struct diff d;
	if (!res->old || diff_compute(&d, res->old, res->new, &cli->err) < 0) {
		error_clear(&cli->err);
		return;
	}
	strbuf_addf(&cli->out, _("changes: %zu added, %zu removed, %zu changed\n"),
		    d.count[DIFF_ADDED], d.count[DIFF_REMOVED], d.count[DIFF_CHANGED]);
	diff_free(&d);
}

static int report(struct cli *cli, const struct update_result *res, const char *output)
{
	struct strbuf *o = &cli->out;
	if (res->outcome == UPDATE_NOT_MODIFIED) {
		output_text(o, output);
		strbuf_adds(o, _(": up to date (the server reports no change)\n"));
		return EXIT_NO_RESULTS;
	}
	strbuf_adds(o, res->outcome == UPDATE_CREATED ? _("installed ") : _("updated "));
	output_text(o, output);
	strbuf_addf(o,
		    P_(": %'zu record, registry date %s", ": %'zu records, registry date %s",
		       res->new->nrec),
		    res->new->nrec, *res->new->date ? res->new->date : _("unknown"));
	if (res->old)
		strbuf_addf(o,
			    P_(" (was %'zu record, %s)", " (was %'zu records, %s)", res->old->nrec),
			    res->old->nrec, *res->old->date ? res->old->date : _("unknown"));
	strbuf_addc(o, '\n');
	report_changes(cli, res);
	if (res->meta_failed)
		cli_warn(cli, _("could not save the download's ETag/Last-Modified beside it; "
				"the next update downloads it again"));
	return EXIT_RESULTS;
}

/* --ca-file names a readable regular file: said before anything is
 * downloaded, as libcurl would only say "bad file" after connecting. */
static int check_ca_file(struct cli *cli)
{
	struct stat sb;
	if (!cli->ca_file)
		return 0;
	if (stat(cli->ca_file, &sb) < 0)
		return cli_usage_error(cli, _("%s: cannot read the certificate file: %s"),
				       cli->ca_file, strerror(errno));
	if (!S_ISREG(sb.st_mode) || access(cli->ca_file, R_OK) < 0)
		return cli_usage_error(cli,
				       _("%s: cannot read the certificate file: not a readable "
					 "regular file"),
				       cli->ca_file);
	return 0;
}

int cmd_update(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc)
		return cli_usage_error(cli,
				       _("'update' takes no arguments (use --url and --output)"));
	if (check_ca_file(cli))
		return EXIT_TROUBLE;
	struct strbuf def = STRBUF_INIT;
	if (!cli->output)
		source_user_registry_path(&def);
	const char *output = cli->output ? cli->output : strbuf_str(&def);
	int rc;
	if (!fetch_available()) {
		rc = update_by_hand(cli, output);
	} else {
		struct progress bar = {0};
		struct update_opts o = {.url = cli->url,
					.ca_file = cli->ca_file,
					.output = output,
					.create_dirs = !cli->output,
					.cancel = &update_signal};
		if (isatty(STDERR_FILENO))
			o.progress = progress_draw, o.progress_ctx = &bar;
		struct update_result res;
		struct sigaction old[3];
		update_catch(old, true);
		int failed = update_run(&o, &res, &cli->err);
		update_catch(old, false);
		if (bar.drawn)
			fputc('\n', stderr);
		if (res.via_link && !failed)
			cli_warn(cli, _("%s is a symbolic link: replaced its target %s"), output,
				 res.target);
		struct stat sb;
		if (!failed) {
			rc = report(cli, &res, output);
		} else if (update_signal) {
			cli_warn(cli, _("interrupted: %s left unchanged, nothing left behind"),
				 output);
			rc = EXIT_TROUBLE;
		} else {
			rc = cli_data_error(cli);
			cli_warn(cli,
				 stat(output, &sb) == 0 ? _("%s left unchanged")
							: _("nothing written to %s"),
				 output);
		}
		if (update_signal)
			rc = 128 + update_signal;
		update_result_free(&res);
	}
	strbuf_free(&def);
	return rc;
}
