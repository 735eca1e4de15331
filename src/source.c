/* SPDX-License-Identifier: MIT */
/* source.c: finding the registry to load, and loading it. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <time.h>

#include "i18n.h"
#include "infile.h"
#include "loader.h"
#include "paths.h"
#include "regimage.h"
#include "source.h"

void source_system_path(struct strbuf *out, const char *abs_path)
{
	const char *root = getenv("PORTSCOPE_SYSROOT");
	if (root && *root)
		strbuf_adds(out, root);
	strbuf_adds(out, abs_path);
}

void source_xdg_path(struct strbuf *out, const char *var, const char *home_default,
		     const char *suffix)
{
	const char *xdg = getenv(var);
	if (xdg && *xdg == '/') {
		strbuf_adds(out, xdg);
	} else {
		const char *home = getenv("HOME");
		strbuf_adds(out, home ? home : "");
		strbuf_adds(out, home_default);
	}
	strbuf_adds(out, suffix);
}

void source_user_registry_path(struct strbuf *out)
{
	source_xdg_path(out, "XDG_DATA_HOME", "/.local/share", "/portscope/" REGISTRY_FILENAME);
}

bool source_warning(const struct registry *reg, int i, struct strbuf *out)
{
	if (reg->utf8_fixed && i-- == 0) {
		strbuf_addf(out,
			    P_("%s:%lu: warning: %zu byte of invalid UTF-8 replaced with U+FFFD",
			       "%s:%lu: warning: %zu bytes of invalid UTF-8 replaced with U+FFFD",
			       reg->utf8_fixed),
			    reg->source, reg->utf8_first_line, reg->utf8_fixed);
		return true;
	}
	if (reg->hidden_names && i-- == 0) {
		strbuf_addf(out,
			    P_("%s:%lu: warning: %zu service name holds invisible or bidirectional "
			       "characters (shown escaped)",
			       "%s:%lu: warning: %zu service names hold invisible or bidirectional "
			       "characters (shown escaped)",
			       reg->hidden_names),
			    reg->source, reg->hidden_first_line, reg->hidden_names);
		return true;
	}
	return false;
}

const char *source_degraded_hint(void)
{
	return _("not the official IANA registry: run 'portscope update' to fetch it");
}

/* Is this file an IANA CSV (by its name or first bytes) rather than
 * services(5)? Only a regular file is sniffed: reading the head of a pipe,
 * FIFO or device would consume it (and make a FIFO's writer die of
 * SIGPIPE), so those are taken as the CSV, the format of record. */
static int looks_like_csv(const char *path)
{
	size_t n = strlen(path);
	if (n >= 4 && strcmp(path + n - 4, ".csv") == 0)
		return 1;
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))
		return 1;
	/* a regular file only: if it became a FIFO since stat, the services
	 * loader refuses it with a message */
	struct ps_error ignored = PS_ERROR_INIT;
	int fd = infile_open(path, INFILE_SERVICES, &ignored);
	error_clear(&ignored);
	if (fd < 0)
		return 0;
	char head[16] = {0};
	ssize_t got = read(fd, head, sizeof(head) - 1);
	close(fd);
	const char *h = head;
	if (got >= 3 && memcmp(h, "\xEF\xBB\xBF", 3) == 0)
		h += 3;
	return strncmp(h, "Service Name,", 13) == 0;
}

static enum regimage_mode source_mode = REGIMAGE_WHOLE;

void source_counts_only(bool on)
{
	source_mode = on ? REGIMAGE_COUNTS : REGIMAGE_WHOLE;
}

void source_lazy(bool on)
{
	source_mode = on ? REGIMAGE_LAZY : REGIMAGE_WHOLE;
}

/* Fill in where reg came from. */
static int set_provenance(struct registry *reg, const struct loader *ld, const char *path,
			  const char *label)
{
	reg->source = strdup(path);
	reg->kind = ld->kind;
	reg->source_label = label;
	reg->degraded = ld->kind != SOURCE_IANA_CSV;
	return reg->source ? 0 : -1;
}

/* Parse path with ld, as if there were no compiled image; with
 * states_only, index only the ports' states (registry_finish_states()). */
static struct registry *parse_with(const struct loader *ld, const char *path, const char *label,
				   bool states_only, struct ps_error *err)
{
	struct registry *reg = registry_new();
	if (!reg) {
		error_set(err, path, 0, _("out of memory"));
		return NULL;
	}
	if (set_provenance(reg, ld, path, label) < 0 || ld->load(reg, path, err) < 0 ||
	    (states_only ? registry_finish_states(reg, err) : registry_finish(reg, err)) < 0) {
		if (!error_is_set(err))
			error_set(err, path, 0, _("out of memory"));
		registry_free(reg);
		return NULL;
	}
	return reg;
}

/* What image_load() is given: the loader and the provenance to set. */
struct source_load {
	const struct loader *ld;
	const char *path, *label;
};

static void *source_adopt(struct image *img, void *ctx)
{
	const struct source_load *sl = ctx;
	struct registry *reg = regimage_adopt(img, sl->ld->kind, source_mode);
	if (reg && set_provenance(reg, sl->ld, sl->path, sl->label) < 0) {
		registry_free(reg);
		reg = NULL;
	}
	return reg;
}

static void *source_parse(void *ctx, const char *src, bool for_image, struct ps_error *err)
{
	const struct source_load *sl = ctx;
	/* a registry read for its counts needs no cover index, unless it is
	 * written to an image for the runs after this one */
	return parse_with(sl->ld, src, sl->label, source_mode == REGIMAGE_COUNTS && !for_image,
			  err);
}

static void source_write(void *obj, const char *path, const struct image_key *key)
{
	regimage_write(obj, path, key);
}

/* Load path with ld (image_load()); with reparse, parse it whatever image
 * there is. */
static struct registry *load_with(const struct loader *ld, const char *path, const char *label,
				  bool reparse, struct ps_error *err)
{
	const struct image_ops ops = {
		.tag = ld->kind == SOURCE_IANA_CSV ? "registry" : "services-registry",
		.type = IMAGE_REGISTRY,
		.kind = INFILE_REGISTRY,
		.nsect = REGIMAGE_SECTIONS,
		.defer = regimage_defer(source_mode),
		.adopt = source_adopt,
		.parse = source_parse,
		.write = source_write,
	};
	struct source_load sl = {ld, path, label};
	return image_load(&ops, &sl, path, reparse, err);
}

struct registry *source_load_file(const char *path, struct ps_error *err)
{
	if (looks_like_csv(path))
		return load_with(&iana_csv_loader, path, N_("IANA registry"), false, err);
	return load_with(&services_loader, path, N_("services file"), false, err);
}

struct registry *source_reparse(struct registry *reg, struct ps_error *err)
{
	const struct loader *ld =
		reg->kind == SOURCE_IANA_CSV ? &iana_csv_loader : &services_loader;
	struct registry *fresh = load_with(ld, reg->source, reg->source_label, true, err);
	if (fresh)
		fresh->bundled = reg->bundled;
	registry_free(reg);
	return fresh;
}

struct candidate {
	const char *path;
	const struct loader *loader;
	const char *label;
	bool bundled;
};

struct registry *source_open(const char *explicit_path, struct ps_error *err)
{
	if (!explicit_path || !*explicit_path)
		explicit_path = getenv("PORTSCOPE_REGISTRY");
	if (explicit_path && *explicit_path)
		return source_load_file(explicit_path, err);

	struct strbuf user = STRBUF_INIT, pkg = STRBUF_INIT, ws = STRBUF_INIT, etc = STRBUF_INIT;
	source_user_registry_path(&user);
	source_system_path(&pkg, paths_pkgdatadir());
	strbuf_adds(&pkg, "/" REGISTRY_FILENAME);
	source_system_path(&ws, "/usr/share/wireshark/services");
	source_system_path(&etc, "/etc/services");
	const struct candidate cand[] = {
		{strbuf_str(&user), &iana_csv_loader, N_("IANA registry"), false},
		{strbuf_str(&pkg), &iana_csv_loader, N_("IANA registry"), true},
		{strbuf_str(&ws), &services_loader, N_("Wireshark services (IANA-derived)"), false},
		{strbuf_str(&etc), &services_loader, N_("/etc/services"), false},
	};
	struct registry *reg = NULL;
	size_t i;
	for (i = 0; i < sizeof(cand) / sizeof(cand[0]); i++)
		if (access(cand[i].path, R_OK) == 0)
			break;
	if (i < sizeof(cand) / sizeof(cand[0]) &&
	    (reg = load_with(cand[i].loader, cand[i].path, cand[i].label, false, err)))
		reg->bundled = cand[i].bundled;
	else
		error_set(err, NULL, 0,
			  _("no registry found (looked for %s, %s, %s and %s): "
			    "run 'portscope update' or pass --registry FILE"),
			  cand[0].path, cand[1].path, cand[2].path, cand[3].path);
	strbuf_free(&user);
	strbuf_free(&pkg);
	strbuf_free(&ws);
	strbuf_free(&etc);
	return reg;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long source_days(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

/* A YYYY-MM-DD date as days since the epoch; -1 when it is not one. */
static long source_parse_day(const char *s)
{
	int y;
	unsigned m, d;
	char end;
	if (!s || sscanf(s, "%4d-%2u-%2u%c", &y, &m, &d, &end) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return -1;
	return source_days(y, m, d);
}

long source_age_days(const struct registry *reg)
{
	long then = source_parse_day(reg->date);
	if (then < 0)
		return -1;
	const char *today = getenv("PORTSCOPE_TODAY");
	long now = today && *today ? source_parse_day(today) : (long)(time(NULL) / 86400);
	return now < then ? 0 : now - then;
}

bool source_is_stale(const struct registry *reg, long *days)
{
	long age = source_age_days(reg);
	if (days)
		*days = age;
	return !reg->degraded && age > SOURCE_STALE_DAYS;
}

void source_describe(const struct registry *reg, struct strbuf *out)
{
	strbuf_adds(out, _(reg->source_label));
	if (*reg->date) {
		strbuf_addc(out, ' ');
		strbuf_adds(out, reg->date);
	}
	if (reg->bundled)
		/* L10N: after the registry's name and date in the title bar and
		   `stats`: the snapshot shipped with portscope. */
		strbuf_adds(out, _(" (bundled)"));
}

void source_stale_note(const struct registry *reg, long days, const char *how, struct strbuf *out)
{
	long months = days * 100 / 3044; /* 30.44 days a month */
	/* L10N: %s is the registry's date; then its age. */
	strbuf_addf(out, _("registry of %s, "), reg->date);
	if (months >= 2)
		strbuf_addf(out, P_("%'ld month old", "%'ld months old", (unsigned long)months),
			    months);
	else
		strbuf_addf(out, P_("%'ld day old", "%'ld days old", (unsigned long)days), days);
	/* L10N: %s is how to refresh it: a command or a key. */
	strbuf_addf(out, _(": %s fetches the current one"), how);
}
