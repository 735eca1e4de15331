/* teach.c: the ranges screen (key r): RFC 6335's three ranges on one page,
 * what each is for and who assigns it, live counts from the loaded
 * registry, and this machine's kernel settings beside IANA's. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "text.h"
#include "tui.h"

struct teach_range {
	enum port_range range;
	const char *title;
	const char *purpose;
	const char *assigner;
};

static const struct teach_range teach_ranges[RANGE_COUNT] = {
	{RANGE_SYSTEM, N_("System (well-known)"),
	 N_("Core services: ssh 22, http 80, https 443. Privileged to bind."),
	 N_("IANA, by IETF Review or IESG Approval (RFC 6335 8.1.2).")},
	{RANGE_USER, N_("User (registered)"),
	 N_("Services of vendors and projects; any user may bind them."),
	 N_("IANA, on request, by Expert Review (RFC 6335 8.1.1).")},
	{RANGE_DYNAMIC, N_("Dynamic (private)"),
	 N_("Ephemeral client ports and private use; never registered."),
	 N_("Nobody: IANA never assigns them (RFC 6335 6).")},
};

/* The counts table: one row per range. */
static void teach_counts(struct strbuf *t, const struct app *app)
{
	text_line(t, TEXT_HEADING);
	text_addf(t, "%-22s %-12s %9s %9s %11s", _("Range"), _("ports"), _("assigned"),
		  _("reserved"), _("unassigned"));
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi, c[STATE_COUNT];
		struct strbuf span = STRBUF_INIT;
		range_bounds(teach_ranges[r].range, &lo, &hi);
		ports_count(app->reg, app->proto, lo, hi, c);
		strbuf_addf(&span, "%u-%u", lo, hi);
		text_line(t, TEXT_PLAIN);
		text_addf(t, "%-22s %-12s %9u %9u %11u", _(teach_ranges[r].title),
			  strbuf_str(&span), c[STATE_ASSIGNED], c[STATE_RESERVED],
			  c[STATE_UNASSIGNED]);
		strbuf_free(&span);
	}
}

static void teach_range(struct strbuf *t, const struct teach_range *tr)
{
	unsigned lo, hi;
	range_bounds(tr->range, &lo, &hi);
	text_line(t, TEXT_HEADING);
	text_addf(t, _("%s ports %u-%u (%u ports)"), _(tr->title), lo, hi, hi - lo + 1);
	text_field(t, _("  What for"), _(tr->purpose));
	text_field(t, _("  Who assigns"), _(tr->assigner));
}

/* The kernel's ephemeral range and privileged boundary beside IANA's. */
static void teach_machine(struct strbuf *t, const struct app *app)
{
	const struct sysinfo_ports *s = &app->sys;
	text_line(t, TEXT_HEADING);
	text_add(t, _("This machine (Linux /proc/sys/net/ipv4) beside IANA"));
	text_line(t, TEXT_FIELD);
	text_addf(t, "%-*s", TEXT_LABEL_WIDTH, _("  Ephemeral"));
	if (s->have_ephemeral)
		text_addf(t, _("%u-%u here; IANA suggests 49152-65535"), s->ephemeral_lo,
			  s->ephemeral_hi);
	else
		text_add(t, _("unknown here; IANA suggests 49152-65535"));
	if (s->have_ephemeral && s->ephemeral_lo < 49152) {
		unsigned top = s->ephemeral_hi < 49151 ? s->ephemeral_hi : 49151;
		text_line(t, TEXT_FIELD);
		text_addf(t, "%-*s", TEXT_LABEL_WIDTH, "");
		text_addf(t, _("(%u User ports are handed out as ephemeral ports here)"),
			  top - s->ephemeral_lo + 1);
	}
	text_line(t, TEXT_FIELD);
	text_addf(t, "%-*s", TEXT_LABEL_WIDTH, _("  Privileged"));
	if (s->have_unprivileged)
		text_addf(t, _("ports below %u here; IANA's System range ends at 1023"),
			  s->unprivileged_start);
	else
		text_add(t, _("unknown here; IANA's System range ends at 1023"));
}

void teach_text(struct app *app, struct strbuf *t)
{
	struct strbuf intro = STRBUF_INIT;
	strbuf_addf(&intro, _("RFC 6335 port ranges in the %s of %s, transport %s"),
		    _(app->reg->source_label), *app->reg->date ? app->reg->date : _("unknown date"),
		    transport_name(app->proto));
	text_wrap(t, TEXT_PLAIN, strbuf_str(&intro), 0, COLS);
	strbuf_free(&intro);
	teach_counts(t, app);
	text_line(t, TEXT_PLAIN);
	for (int r = 0; r < RANGE_COUNT; r++)
		teach_range(t, &teach_ranges[r]);
	text_line(t, TEXT_PLAIN);
	teach_machine(t, app);
	text_line(t, TEXT_PLAIN);
	text_add(t, _("t changes the transport counted; q, Esc or r returns to the map."));
}
