/* SPDX-License-Identifier: MIT */
/* update.c: download, validate and atomically install the registry CSV. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch.h"
#include "i18n.h"
#include "infile.h"
#include "loader.h"
#include "update.h"

/* What update_run() works with; freed by update_end(). */
struct update_job {
	const struct update_opts *o;
	const char *url;
	const char *out; /* the file to replace: o->output, links followed */
	mode_t mode;	 /* its mode, when it exists */
	struct strbuf dir, tmp, meta;
	int fd;			    /* the temporary file, or -1 */
	bool existed;		    /* there is a file to replace */
	off_t old_size;		    /* its size if it loaded, else -1 */
	char *etag, *last_modified; /* validators to send */
};

void update_meta_path(struct strbuf *out, const char *file)
{
	strbuf_adds(out, file);
	strbuf_adds(out, ".http");
}

void update_dir_of(struct strbuf *out, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		strbuf_adds(out, ".");
	else if (slash == path)
		strbuf_adds(out, "/");
	else
		strbuf_add(out, path, (size_t)(slash - path));
}

/* mkdir -p dir. */
static int make_dirs(const char *dir, struct ps_error *err)
{
	char *p = strdup(dir);
	if (!p)
		return error_set(err, dir, 0, _("out of memory"));
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		bool end = *s == '\0';
		if (*s != '/' && !end)
			continue;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			rc = error_set(err, p, 0, _("cannot create directory: %s"),
				       strerror(errno));
		if (end)
			break;
		*s = '/';
	}
	free(p);
	return rc;
}

/* What the output path is: absent, or a regular file (through a symlink:
 * its target); anything else is refused before a download starts. */
static int check_target(struct update_job *j, struct update_result *res, struct ps_error *err)
{
	const char *out = j->o->output;
	struct stat sb;
	if (lstat(out, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		res->via_link = true;
		res->target = realpath(out, NULL);
		if (!res->target)
			return error_set(err, out, 0, _("is a symbolic link to a missing file: %s"),
					 strerror(errno));
	} else {
		res->target = strdup(out);
	}
	if (!res->target)
		return error_set(err, out, 0, _("out of memory"));
	j->out = res->target;
	if (stat(j->out, &sb) < 0)
		return errno == ENOENT ? 0 : error_set(err, j->out, 0, "%s", strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return error_set(err, j->out, 0,
				 S_ISDIR(sb.st_mode)
					 ? _("is a directory: update replaces only a regular file")
					 : _("is not a regular file (a FIFO, socket or device): "
					     "update replaces only a regular file"));
	j->existed = true;
	j->mode = sb.st_mode & 07777;
	return 0;
}

/* The target's directory must exist, unless it may be created. */
static int check_dir(struct update_job *j, struct ps_error *err)
{
	struct stat sb;
	if (j->o->create_dirs)
		return make_dirs(strbuf_str(&j->dir), err);
	if (stat(strbuf_str(&j->dir), &sb) < 0)
		return error_set(err, strbuf_str(&j->dir), 0,
				 _("the directory for the output does not exist: %s"),
				 strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return error_set(err, strbuf_str(&j->dir), 0, _("is not a directory"));
	return 0;
}

/* Load path strictly as an IANA CSV (never the services(5) fallback). */
static struct registry *load_strict(const char *path, struct ps_error *err)
{
	struct registry *reg = registry_new();
	if (!reg || !(reg->source = strdup(path))) {
		registry_free(reg);
		error_set(err, path, 0, _("out of memory"));
		return NULL;
	}
	if (iana_csv_loader.load(reg, path, err) < 0 || registry_finish(reg, err) < 0) {
		registry_free(reg);
		return NULL;
	}
	return reg;
}

/* Read the "url U", "size N", "etag V", "last-modified V" lines. The
 * validators count only for the same URL (another URL's Last-Modified says
 * nothing about this one) and if the size still matches the file (it was
 * not replaced by hand). */
static void meta_read(struct update_job *j)
{
	struct strbuf data = STRBUF_INIT;
	struct ps_error ignored = PS_ERROR_INIT; /* no metadata: download it all */
	FILE *fp = NULL;
	if (infile_slurp(strbuf_str(&j->meta), INFILE_META, &data, &ignored) == 0 && data.len)
		fp = fmemopen(data.data, data.len, "r");
	error_clear(&ignored);
	if (!fp) {
		strbuf_free(&data);
		return;
	}
	char *line = NULL, *url = NULL, *val[2] = {NULL, NULL};
	static const char *const keys[2] = {"etag ", "last-modified "};
	size_t cap = 0;
	long long size = -1;
	ssize_t n;
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (strncmp(line, "size ", 5) == 0)
			size = strtoll(line + 5, NULL, 10);
		else if (strncmp(line, "url ", 4) == 0 && !url)
			url = fetch_clean_value(line + 4, (size_t)n - 4);
		for (int k = 0; k < 2; k++) {
			size_t kl = strlen(keys[k]);
			if (strncmp(line, keys[k], kl) == 0 && !val[k])
				val[k] = fetch_clean_value(line + kl, (size_t)n - kl);
		}
	}
	free(line);
	fclose(fp);
	strbuf_free(&data);
	if (j->old_size >= 0 && size == (long long)j->old_size && url && strcmp(url, j->url) == 0) {
		j->etag = val[0], j->last_modified = val[1];
	} else {
		free(val[0]), free(val[1]);
	}
	free(url);
}

/* fsync a directory so a rename in it is durable. */
static int sync_dir(const char *dir, struct ps_error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return error_set(err, dir, 0, _("cannot sync the directory: %s"), strerror(e));
	}
	close(fd);
	return 0;
}

/* Write text to a temporary file beside path, then rename it over path. */
static int write_atomic(const char *path, const char *dir, const struct strbuf *text,
			struct ps_error *err)
{
	struct strbuf tmp = STRBUF_INIT;
	strbuf_addf(&tmp, "%s.XXXXXX", path);
	int fd = tmp.failed ? -1 : mkstemp(tmp.data);
	bool ok =
		fd >= 0 && write(fd, text->data, text->len) == (ssize_t)text->len && fsync(fd) == 0;
	int e = errno;
	if (fd >= 0 && close(fd) < 0 && ok)
		ok = false, e = errno;
	if (ok && rename(tmp.data, path) < 0)
		ok = false, e = errno;
	int rc = 0;
	if (!ok) {
		rc = error_set(err, path, 0, "%s", strerror(e));
		if (fd >= 0)
			unlink(tmp.data);
	}
	strbuf_free(&tmp);
	return rc < 0 ? rc : sync_dir(dir, err);
}

static int meta_write(const struct update_job *j, const struct fetch_response *rs,
		      const char *output)
{
	struct stat sb;
	if (stat(output, &sb) < 0)
		return -1;
	struct strbuf text = STRBUF_INIT;
	strbuf_addf(&text, "url %s\nsize %lld\n", j->url, (long long)sb.st_size);
	if (rs->etag)
		strbuf_addf(&text, "etag %s\n", rs->etag);
	if (rs->last_modified)
		strbuf_addf(&text, "last-modified %s\n", rs->last_modified);
	struct ps_error ignored = PS_ERROR_INIT;
	int rc = text.failed
			 ? -1
			 : write_atomic(strbuf_str(&j->meta), strbuf_str(&j->dir), &text, &ignored);
	error_clear(&ignored);
	strbuf_free(&text);
	return rc;
}

/* Create the temporary file that receives the body, mode 0666 & ~umask. */
static int open_temp(struct update_job *j, struct ps_error *err)
{
	const char *base = strrchr(j->out, '/');
	base = base ? base + 1 : j->out;
	strbuf_addf(&j->tmp, "%s/.%s.XXXXXX", strbuf_str(&j->dir), base);
	if (j->tmp.failed)
		return error_set(err, NULL, 0, _("out of memory"));
	j->fd = mkstemp(j->tmp.data);
	if (j->fd < 0)
		return error_set(err, strbuf_str(&j->dir), 0,
				 _("cannot create a temporary file: %s"), strerror(errno));
	mode_t mask = umask(0);
	umask(mask);
	fchmod(j->fd, j->existed ? j->mode : 0666 & ~mask);
	return 0;
}

/* The server's answer is acceptable: 200, or 304 to our conditional GET. */
static int check_status(const struct update_job *j, const struct fetch_response *rs,
			struct ps_error *err)
{
	if (rs->status == 200)
		return 0;
	if (rs->status == 304 && (j->etag || j->last_modified))
		return 0;
	return error_set(err, NULL, 0, _("%s: the server answered HTTP %ld, not 200"), j->url,
			 rs->status);
}

/* Flush the body to disk and check it is a registry worth installing. */
static struct registry *validate(struct update_job *j, const struct registry *old,
				 struct ps_error *err)
{
	int e = fsync(j->fd) < 0 ? errno : 0;
	if (close(j->fd) < 0 && !e)
		e = errno;
	j->fd = -1;
	if (e) {
		error_set(err, strbuf_str(&j->tmp), 0, "%s", strerror(e));
		return NULL;
	}
	struct registry *reg = load_strict(strbuf_str(&j->tmp), err);
	if (!reg) {
		char *msg = strdup(err->msg ? err->msg : "");
		error_set(err, j->url, err->line,
			  _("%s (the download is not a valid registry CSV)"), msg ? msg : "");
		free(msg);
		return NULL;
	}
	size_t n = reg->nrec, was = old ? old->nrec : 0;
	bool small = n < UPDATE_MIN_RECORDS;
	bool shrunk = n * 100 < was * (100 - UPDATE_MAX_SHRINK_PERCENT);
	if (small)
		error_set(err, j->url, 0,
			  P_("only %zu record, fewer than %d: not the full registry",
			     "only %zu records, fewer than %d: not the full registry", n),
			  n, UPDATE_MIN_RECORDS);
	else if (shrunk)
		error_set(err, j->url, 0,
			  _("%zu records where the current file has %zu: refusing a registry over "
			    "%d%% smaller"),
			  n, was, UPDATE_MAX_SHRINK_PERCENT);
	if (small || shrunk) {
		registry_free(reg);
		return NULL;
	}
	return reg;
}

/* Move the validated file into place. */
static int install(struct update_job *j, struct registry *reg, struct ps_error *err)
{
	if (rename(strbuf_str(&j->tmp), j->out) < 0)
		return error_set(err, j->out, 0, _("cannot replace the file: %s"), strerror(errno));
	strbuf_reset(&j->tmp); /* nothing left to clean up */
	char *src = strdup(j->out);
	if (src) {
		free(reg->source);
		reg->source = src;
	}
	/* The file is replaced whatever happens now: a failed directory sync
	 * is not reported as a failed update. */
	struct ps_error ignored = PS_ERROR_INIT;
	sync_dir(strbuf_str(&j->dir), &ignored);
	error_clear(&ignored);
	return 0;
}

static void update_end(struct update_job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	if (j->tmp.len)
		unlink(strbuf_str(&j->tmp));
	strbuf_free(&j->dir);
	strbuf_free(&j->tmp);
	strbuf_free(&j->meta);
	free(j->etag);
	free(j->last_modified);
}

/* Load the file being replaced, for the size check and the caller's diff;
 * a missing or unreadable one is not an error (update repairs it). */
static void load_old(struct update_job *j, struct update_result *res)
{
	struct stat sb;
	if (!j->existed || stat(j->out, &sb) < 0)
		return;
	struct ps_error ignored = PS_ERROR_INIT;
	res->old = load_strict(j->out, &ignored);
	error_clear(&ignored);
	if (res->old)
		j->old_size = sb.st_size;
	meta_read(j);
}

static int fetch_into_temp(struct update_job *j, struct fetch_response *rs, struct ps_error *err)
{
	struct fetch_request rq = {
		.url = j->url,
		.ca_file = j->o->ca_file,
		.etag = j->etag,
		.last_modified = j->last_modified,
		.fd = j->fd,
		.connect_timeout = UPDATE_CONNECT_TIMEOUT,
		.total_timeout = UPDATE_TOTAL_TIMEOUT,
		.low_speed = UPDATE_LOW_SPEED,
		.low_speed_time = UPDATE_LOW_SPEED_TIME,
		.cancel = j->o->cancel,
		.max_bytes = UPDATE_MAX_BYTES,
		.progress = j->o->progress,
		.progress_ctx = j->o->progress_ctx,
	};
	if (fetch_run(&rq, rs, err) < 0 || check_status(j, rs, err) < 0)
		return -1;
	return 0;
}

/* The steps after the target's directory exists. */
static int update_steps(struct update_job *j, struct update_result *res, struct fetch_response *rs,
			struct ps_error *err)
{
	load_old(j, res);
	if (open_temp(j, err) < 0 || fetch_into_temp(j, rs, err) < 0)
		return -1;
	res->bytes = rs->bytes;
	if (rs->status == 304) {
		res->outcome = UPDATE_NOT_MODIFIED;
		return 0;
	}
	if (!(res->new = validate(j, res->old, err)) || install(j, res->new, err) < 0)
		return -1;
	res->outcome = j->existed ? UPDATE_REPLACED : UPDATE_CREATED;
	res->meta_failed = meta_write(j, rs, j->out) < 0;
	return 0;
}

int update_run(const struct update_opts *o, struct update_result *res, struct ps_error *err)
{
	memset(res, 0, sizeof(*res));
	struct update_job j = {.o = o,
			       .url = o->url ? o->url : UPDATE_DEFAULT_URL,
			       .fd = -1,
			       .old_size = -1,
			       .dir = STRBUF_INIT,
			       .tmp = STRBUF_INIT,
			       .meta = STRBUF_INIT};
	struct fetch_response rs = {0};
	int rc = check_target(&j, res, err);
	if (rc == 0) {
		update_dir_of(&j.dir, j.out);
		update_meta_path(&j.meta, j.out);
		rc = check_dir(&j, err);
	}
	if (rc == 0)
		rc = update_steps(&j, res, &rs, err);
	if (rc < 0 && res->new) {
		registry_free(res->new);
		res->new = NULL;
	}
	fetch_response_free(&rs);
	update_end(&j);
	return rc;
}

void update_result_free(struct update_result *res)
{
	free(res->target);
	res->target = NULL;
	registry_free(res->old);
	registry_free(res->new);
	res->old = res->new = NULL;
}
