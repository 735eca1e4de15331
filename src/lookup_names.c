/* SPDX-License-Identifier: MIT */
/* lookup_names.c: where the registry, /etc/services and nmap-services name
 * a port differently (or only the others name it), list every name with its
 * source. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "lookup_names.h"
#include "sanitize.h"

/* "name/transport" pairs, one source at a time. */
struct names {
	struct strbuf line;
	const char *first; /* the first name seen in any source */
	bool differ;
	bool any;
};

static void names_add(struct names *nm, const char *name, enum transport t)
{
	if (!*name)
		return;
	if (!nm->first)
		nm->first = name;
	else if (strcasecmp(nm->first, name) != 0)
		nm->differ = true;
	strbuf_addc(&nm->line, ' ');
	sanitize_append(&nm->line, name, strlen(name));
	strbuf_addf(&nm->line, "/%s", transport_name(t));
	nm->any = true;
}

static void from_registry(struct names *nm, const struct registry *reg, unsigned port)
{
	const uint32_t *idx;
	size_t n = registry_records_at(reg, port, &idx);
	for (size_t i = 0; i < n; i++) {
		const struct record *r = &reg->rec[idx[i]];
		if (r->state == STATE_ASSIGNED && r->transport < TRANSPORT_REAL)
			names_add(nm, registry_field(reg, r, FIELD_SERVICE),
				  (enum transport)r->transport);
	}
}

static void from_portnames(struct names *nm, const struct portnames *pn, unsigned port)
{
	const struct portname *e;
	size_t n = portnames_at(pn, port, &e);
	for (size_t i = 0; i < n; i++)
		if (e[i].transport < TRANSPORT_REAL)
			names_add(nm, portnames_str(pn, &e[i]), (enum transport)e[i].transport);
}

/* One "  SOURCE  name/tcp name/udp" line, kept in out when non-empty. */
static void source_line(struct strbuf *out, struct names *nm, const char *label)
{
	if (nm->any) {
		strbuf_addf(out, "  %-15s", label);
		strbuf_add(out, nm->line.data, nm->line.len);
		strbuf_addc(out, '\n');
	}
	strbuf_reset(&nm->line);
	nm->any = false;
}

bool lookup_names_block(struct strbuf *block, const struct registry *reg,
			const struct portnames *etc, const struct portnames *nmap, unsigned port)
{
	struct names nm = {STRBUF_INIT, NULL, false, false};
	size_t before = block->len;
	from_registry(&nm, reg, port);
	bool registry_named = nm.first != NULL;
	source_line(block, &nm, _(reg->source_label));
	if (etc)
		from_portnames(&nm, etc, port);
	source_line(block, &nm, "/etc/services");
	if (nmap)
		from_portnames(&nm, nmap, port);
	source_line(block, &nm, "nmap-services");
	strbuf_free(&nm.line);
	/* a name only other sources give is a disagreement too (squatting) */
	bool differ = nm.differ || (!registry_named && nm.first);
	if (!differ && block->len > before) {
		block->len = before;
		block->data[before] = '\0';
	}
	return differ;
}
