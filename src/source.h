/* SPDX-License-Identifier: MIT */
/* source.h: which registry is loaded (doc/HACKING.md, "Which registry"):
 *   --registry FILE > $PORTSCOPE_REGISTRY
 *   > ${XDG_DATA_HOME:-~/.local/share}/portscope/service-names-port-numbers.csv
 *   > $(pkgdatadir)/service-names-port-numbers.csv
 *   > Wireshark's services file > /etc/services
 * System paths are looked up under $PORTSCOPE_SYSROOT when it is set (tests). */
#ifndef PORTSCOPE_SOURCE_H
#define PORTSCOPE_SOURCE_H

#include "error.h"
#include "registry.h"
#include "strbuf.h"

#define REGISTRY_FILENAME "service-names-port-numbers.csv"

/* Find and load the registry; explicit (a path given by option or
 * environment) is never silently replaced by a fallback. */
struct registry *source_open(const char *explicit_path, struct ps_error *err);
/* Say that the registries loaded from now on are read only for their
 * counts and per-port states (stats, free, gaps): one from a compiled
 * image then leaves out its records, pool and port indexes, whose
 * checksums are never computed (reg->counts_only). A parsed one is whole. */
void source_counts_only(bool on);
/* Say that the registries loaded from now on are read a port or a name at
 * a time (lookup): one from a compiled image then checks only its meta
 * data up front, and the pages each query reads as registry_prepare_port()
 * and registry_prepare_name() reach them (reg->lazy). A parsed one is
 * whole. */
void source_lazy(bool on);
/* reg (freed) loaded again by a parse of its source, as --no-cache would,
 * and a new image written for it: for a lazy registry whose image failed
 * a check. NULL with err when the parse fails. */
struct registry *source_reparse(struct registry *reg, struct ps_error *err);
/* Load one file with the loader its name and content call for. */
struct registry *source_load_file(const char *path, struct ps_error *err);
/* A system path (e.g. "/etc/services") under $PORTSCOPE_SYSROOT. */
void source_system_path(struct strbuf *out, const char *abs_path);
/* ${VAR:-$HOME/home_default}suffix, the XDG base directory rule (VAR is used
 * only when it is an absolute path). */
void source_xdg_path(struct strbuf *out, const char *var, const char *home_default,
		     const char *suffix);
/* The per-user registry path that `portscope update` writes by default. */
void source_user_registry_path(struct strbuf *out);
/* Warning i (from 0) of those a load leaves for the user ("FILE:LINE:
 * warning: N bytes of invalid UTF-8 replaced ..."), appended to out; false
 * when there are no more. The lines a services file skipped are
 * reg->skipped (skips_print). */
bool source_warning(const struct registry *reg, int i, struct strbuf *out);
/* One line saying how to get the full registry, for degraded sources. */
const char *source_degraded_hint(void);

/* A registry whose newest date is older than this is said to be old. */
#define SOURCE_STALE_DAYS 180
/* Days since the registry's newest date (to $PORTSCOPE_TODAY, YYYY-MM-DD,
 * when set: the tests), or -1 when it has no date. */
long source_age_days(const struct registry *reg);
/* Is the registry official but older than SOURCE_STALE_DAYS? */
bool source_is_stale(const struct registry *reg, long *days);
/* The calm line for an old registry: its date, its age in days (from
 * source_is_stale) and how to refresh it ("'portscope update'", "U"). */
void source_stale_note(const struct registry *reg, long days, const char *how, struct strbuf *out);
/* "IANA registry 2025-03-28 (bundled)": name, date and whether bundled. */
void source_describe(const struct registry *reg, struct strbuf *out);

#endif
