/* SPDX-License-Identifier: MIT */
/* portfacts.c: lazily loaded optional sources about ports. */
#include <config.h>

#include <stdlib.h>

#include "portfacts.h"
#include "source.h"
#include "sysinfo.h"

struct portfacts *portfacts_new(void)
{
	return calloc(1, sizeof(struct portfacts));
}

void portfacts_free(struct portfacts *pf)
{
	if (!pf)
		return;
	portnames_free(pf->etc);
	portnames_free(pf->nmap);
	portnames_free(pf->labels);
	listeners_free(pf->listeners);
	free(pf);
}

void portfacts_labels_path(struct strbuf *out)
{
	source_xdg_path(out, "XDG_CONFIG_HOME", "/.config", "/portscope/labels");
}

/* Load *slot from path once. */
static const struct portnames *load_once(struct portnames **slot, struct strbuf *path,
					 struct ps_error *err)
{
	if (!*slot)
		*slot = portnames_load(strbuf_str(path), err);
	strbuf_free(path);
	return *slot;
}

const struct portnames *portfacts_etc_services(struct portfacts *pf, struct ps_error *err)
{
	struct strbuf path = STRBUF_INIT;
	if (!pf->etc)
		source_system_path(&path, PORTFACTS_ETC_SERVICES);
	return load_once(&pf->etc, &path, err);
}

const struct portnames *portfacts_nmap(struct portfacts *pf, struct ps_error *err)
{
	struct strbuf path = STRBUF_INIT;
	if (!pf->nmap)
		source_system_path(&path, PORTFACTS_NMAP_SERVICES);
	return load_once(&pf->nmap, &path, err);
}

/* Make *slot ready for port, parsing it again if its image fails. */
static int prepare_one(struct portnames **slot, unsigned port, struct ps_error *err)
{
	if (!*slot || portnames_prepare_port(*slot, port) == 0)
		return 0;
	*slot = portnames_reparse(*slot, err);
	return *slot ? 0 : -1;
}

int portfacts_prepare_port(struct portfacts *pf, unsigned port, struct ps_error *err)
{
	int rc = prepare_one(&pf->etc, port, err);
	return prepare_one(&pf->nmap, port, err) < 0 ? -1 : rc;
}

const struct portnames *portfacts_labels(struct portfacts *pf, struct ps_error *err)
{
	struct strbuf path = STRBUF_INIT;
	if (!pf->labels)
		portfacts_labels_path(&path);
	return load_once(&pf->labels, &path, err);
}

const struct listeners *portfacts_listeners(struct portfacts *pf, struct ps_error *err)
{
	if (!pf->listeners)
		pf->listeners = listeners_read(err);
	return pf->listeners;
}

const struct listeners *portfacts_listeners_rescan(struct portfacts *pf, struct ps_error *err)
{
	struct listeners *ls = listeners_read(err);
	if (!ls)
		return NULL;
	listeners_free(pf->listeners);
	pf->listeners = ls;
	return ls;
}

const struct sysinfo_ports *portfacts_sys(struct portfacts *pf, struct ps_error *err)
{
	if (!pf->sys_read) {
		sysinfo_read(&pf->sys, err);
		pf->sys_read = true;
	}
	return &pf->sys;
}

bool portfacts_ephemeral(struct portfacts *pf, unsigned *lo, unsigned *hi)
{
	const struct sysinfo_ports *s = portfacts_sys(pf, NULL);
	*lo = s->ephemeral_lo;
	*hi = s->ephemeral_hi;
	return s->have_ephemeral;
}
