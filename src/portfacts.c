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

bool portfacts_ephemeral(struct portfacts *pf, unsigned *lo, unsigned *hi)
{
	if (!pf->ephemeral_state)
		pf->ephemeral_state = sysinfo_ephemeral_range(&pf->eph_lo, &pf->eph_hi) ? 1 : -1;
	*lo = pf->eph_lo;
	*hi = pf->eph_hi;
	return pf->ephemeral_state > 0;
}

bool portfacts_unprivileged(struct portfacts *pf, unsigned *port)
{
	if (!pf->unpriv_state)
		pf->unpriv_state = sysinfo_unprivileged_start(&pf->unpriv) ? 1 : -1;
	*port = pf->unpriv;
	return pf->unpriv_state > 0;
}
