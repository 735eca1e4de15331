/* SPDX-License-Identifier: MIT */
/* ranges.c: the ranges page (key r): RFC 6335's three ranges on one page,
 * what each is for and who assigns it, live counts from the loaded
 * registry, and this machine's kernel settings beside IANA's. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "text.h"
#include "tui.h"

struct ranges_info {
	enum port_range range;
	const char *title;
	const char *purpose;
	const char *assigner;
};

static const struct ranges_info ranges_table[RANGE_COUNT] = {
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

/* One row of the counts table: cells fitted to their columns by display
 * width (translations differ in length), numbers right-aligned. */
static void ranges_row(struct strbuf *t, enum text_style style, const char *const cell[5],
		       const int width[5])
{
	struct strbuf line = STRBUF_INIT;
	utf8_row(&line, cell, width, 5, 2);
	text_line(t, style);
	text_add(t, strbuf_str(&line));
	strbuf_free(&line);
}

/* The counts table: one row per range. */
static void ranges_counts(struct strbuf *t, const struct app *app)
{
	/* L10N: column headings of the ranges page; short (9, 9 and 11
	   columns for the last three; longer ones widen the table). */
	const char *const head[5] = {_("Range"), _("ports"), _("assigned"), _("reserved"),
				     _("unassigned")};
	int width[5] = {22, 12, 9, 9, 11};
	utf8_widen(width, head, 5);
	ranges_row(t, TEXT_HEADING, head, width);
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi, c[STATE_COUNT];
		char span[16], n[3][16];
		range_bounds(ranges_table[r].range, &lo, &hi);
		ports_count(app->reg, app->proto, lo, hi, c);
		snprintf(span, sizeof(span), "%u-%u", lo, hi);
		snprintf(n[0], sizeof(n[0]), "%'u", c[STATE_ASSIGNED]);
		snprintf(n[1], sizeof(n[1]), "%'u", c[STATE_RESERVED]);
		snprintf(n[2], sizeof(n[2]), "%'u", c[STATE_UNASSIGNED]);
		const char *const row[5] = {_(ranges_table[r].title), span, n[0], n[1], n[2]};
		ranges_row(t, TEXT_PLAIN, row, width);
	}
}

static void ranges_section(struct strbuf *t, const struct ranges_info *tr)
{
	unsigned lo, hi;
	range_bounds(tr->range, &lo, &hi);
	text_line(t, TEXT_HEADING);
	/* L10N: a range's title, its first and last port, how many ports. */
	text_addf(t, P_("%s ports %u-%u (%'u port)", "%s ports %u-%u (%'u ports)", hi - lo + 1),
		  _(tr->title), lo, hi, hi - lo + 1);
	text_field(t, _("  What for"), _(tr->purpose));
	text_field(t, _("  Who assigns"), _(tr->assigner));
}

/* The kernel's ephemeral range and privileged boundary beside IANA's. */
static void ranges_machine(struct strbuf *t, const struct app *app)
{
	const struct sysinfo_ports *s = app->sys;
	struct strbuf v = STRBUF_INIT;
	text_line(t, TEXT_HEADING);
	text_add(t, _("This machine (Linux /proc/sys/net/ipv4) beside IANA"));
	if (s->have_ephemeral)
		strbuf_addf(&v, _("%u-%u here; IANA suggests 49152-65535"), s->ephemeral_lo,
			    s->ephemeral_hi);
	else
		strbuf_adds(&v, _("unknown here; IANA suggests 49152-65535"));
	text_field(t, _("  Ephemeral"), strbuf_str(&v));
	if (s->have_ephemeral && s->ephemeral_lo < 49152) {
		unsigned top = s->ephemeral_hi < 49151 ? s->ephemeral_hi : 49151;
		strbuf_reset(&v);
		strbuf_addf(&v,
			    P_("(%'u User port is handed out as an ephemeral port here)",
			       "(%'u User ports are handed out as ephemeral ports here)",
			       top - s->ephemeral_lo + 1),
			    top - s->ephemeral_lo + 1);
		text_field(t, "", strbuf_str(&v));
	}
	strbuf_reset(&v);
	if (s->have_unprivileged)
		strbuf_addf(&v, _("ports below %u here; IANA's System range ends at 1023"),
			    s->unprivileged_start);
	else
		strbuf_adds(&v, _("unknown here; IANA's System range ends at 1023"));
	text_field(t, _("  Privileged"), strbuf_str(&v));
	strbuf_free(&v);
}

/* The page: the counts, each range explained, this machine beside IANA. */
static void ranges_text(struct app *app, struct strbuf *t)
{
	struct strbuf intro = STRBUF_INIT;
	strbuf_addf(&intro, _("RFC 6335 port ranges in the %s of %s, transport %s"),
		    _(app->reg->source_label), *app->reg->date ? app->reg->date : _("unknown date"),
		    transport_name(app->proto));
	text_wrap(t, TEXT_PLAIN, strbuf_str(&intro), 0, COLS);
	strbuf_free(&intro);
	ranges_counts(t, app);
	text_line(t, TEXT_PLAIN);
	for (int r = 0; r < RANGE_COUNT; r++)
		ranges_section(t, &ranges_table[r]);
	text_line(t, TEXT_PLAIN);
	ranges_machine(t, app);
	text_line(t, TEXT_PLAIN);
	text_add(t, _("t changes the transport counted; q, Esc or r returns to the map."));
}

const struct page_ops ranges_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("RANGES"),
	.text = ranges_text,
};
