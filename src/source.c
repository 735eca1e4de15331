/* SPDX-License-Identifier: MIT */
/* source.c: finding the registry to load, and loading it. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "loader.h"
#include "source.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/portscope"
#endif

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

bool source_warning(const struct registry *reg, struct strbuf *out)
{
	if (!reg->utf8_fixed)
		return false;
	strbuf_addf(out,
		    P_("%s:%lu: warning: %zu byte of invalid UTF-8 replaced with U+FFFD",
		       "%s:%lu: warning: %zu bytes of invalid UTF-8 replaced with U+FFFD",
		       reg->utf8_fixed),
		    reg->source, reg->utf8_first_line, reg->utf8_fixed);
	return true;
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
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return 0;
	char head[16] = { 0 };
	size_t got = fread(head, 1, sizeof(head) - 1, fp);
	fclose(fp);
	const char *h = head;
	if (got >= 3 && memcmp(h, "\xEF\xBB\xBF", 3) == 0)
		h += 3;
	return strncmp(h, "Service Name,", 13) == 0;
}

static struct registry *load_with(const struct loader *ld, const char *path,
				  const char *label, struct ps_error *err)
{
	struct registry *reg = registry_new();
	if (!reg) {
		error_set(err, path, 0, _("out of memory"));
		return NULL;
	}
	reg->source = strdup(path);
	reg->kind = ld->kind;
	reg->source_label = label;
	reg->degraded = ld->kind != SOURCE_IANA_CSV;
	if (!reg->source || ld->load(reg, path, err) < 0 || registry_finish(reg, err) < 0) {
		if (!error_is_set(err))
			error_set(err, path, 0, _("out of memory"));
		registry_free(reg);
		return NULL;
	}
	return reg;
}

struct registry *source_load_file(const char *path, struct ps_error *err)
{
	if (looks_like_csv(path))
		return load_with(&iana_csv_loader, path, N_("IANA registry"), err);
	return load_with(&services_loader, path, N_("services file"), err);
}

struct candidate {
	const char *path;
	const struct loader *loader;
	const char *label;
};

struct registry *source_open(const char *explicit_path, struct ps_error *err)
{
	if (!explicit_path || !*explicit_path)
		explicit_path = getenv("PORTSCOPE_REGISTRY");
	if (explicit_path && *explicit_path)
		return source_load_file(explicit_path, err);

	struct strbuf user = STRBUF_INIT, pkg = STRBUF_INIT, ws = STRBUF_INIT, etc = STRBUF_INIT;
	source_user_registry_path(&user);
	source_system_path(&pkg, PKGDATADIR "/" REGISTRY_FILENAME);
	source_system_path(&ws, "/usr/share/wireshark/services");
	source_system_path(&etc, "/etc/services");
	const struct candidate cand[] = {
		{ strbuf_str(&user), &iana_csv_loader, N_("IANA registry") },
		{ strbuf_str(&pkg), &iana_csv_loader, N_("IANA registry") },
		{ strbuf_str(&ws), &services_loader, N_("Wireshark services (IANA-derived)") },
		{ strbuf_str(&etc), &services_loader, N_("/etc/services") },
	};
	struct registry *reg = NULL;
	size_t i;
	for (i = 0; i < sizeof(cand) / sizeof(cand[0]); i++)
		if (access(cand[i].path, R_OK) == 0)
			break;
	if (i < sizeof(cand) / sizeof(cand[0]))
		reg = load_with(cand[i].loader, cand[i].path, cand[i].label, err);
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
