/* SPDX-License-Identifier: MIT */
/* ranges.c: the ranges page (key r): RFC 6335's three ranges on one page,
 * what each is for and who assigns it, live counts from the loaded
 * registry, and this machine's kernel settings beside IANA's. */
#include <config.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/utf8.h"
#include "actions.h"
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

/* The counts table's columns: range, ports, share of the space,
 * assigned, reserved, unassigned. */
#define RANGES_COLUMNS 6

/* One row of the counts table: cells fitted to their columns by display
 * width (translations differ in length), numbers right-aligned; the
 * range's name (the first cell) in role, its map colour. */
static void ranges_row(struct strbuf *t, int role, const char *const cell[RANGES_COLUMNS],
		       const int width[RANGES_COLUMNS])
{
	text_line(t, TEXT_SPANS);
	text_role(t, role);
	utf8_pad(t, cell[0], width[0], 0);
	text_role(t, role == ROLE_HEADING ? ROLE_HEADING : ROLE_NORMAL);
	strbuf_addc(t, ' ');
	utf8_row(t, cell + 1, width + 1, RANGES_COLUMNS - 1, 1);
}

/* The role of range r's cells on the map: its fully assigned shade. */
static int ranges_role(int r)
{
	return (int)colors_shade(r, SHADES - 1);
}

/* The counts table: one row per range. */
static void ranges_counts(struct strbuf *t, const struct app *app)
{
	/* L10N: column headings of the ranges page; short (6, 9, 9 and 11
	   columns for the last four; longer ones widen the table). */
	const char *const head[RANGES_COLUMNS] = {_("Range"),	 _("ports"),	_("share"),
						  _("assigned"), _("reserved"), _("unassigned")};
	int width[RANGES_COLUMNS] = {20, 11, 6, 9, 9, 11};
	utf8_widen(width, head, RANGES_COLUMNS);
	for (int r = 0; r < RANGE_COUNT; r++) { /* the titles, whatever their translation */
		int w = utf8_width(_(ranges_table[r].title));
		width[0] = w > width[0] ? w : width[0];
	}
	ranges_row(t, ROLE_HEADING, head, width);
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi, c[STATE_COUNT];
		char span[16], share[16], n[3][16];
		range_bounds(ranges_table[r].range, &lo, &hi);
		ports_count(app->reg, app->proto, lo, hi, c);
		snprintf(span, sizeof(span), "%u-%u", lo, hi);
		snprintf(share, sizeof(share), "%.1f%%", (hi - lo + 1) * 100.0 / PORT_COUNT);
		snprintf(n[0], sizeof(n[0]), "%'u", c[STATE_ASSIGNED]);
		snprintf(n[1], sizeof(n[1]), "%'u", c[STATE_RESERVED]);
		snprintf(n[2], sizeof(n[2]), "%'u", c[STATE_UNASSIGNED]);
		const char *const row[RANGES_COLUMNS] = {
			_(ranges_table[r].title), span, share, n[0], n[1], n[2]};
		ranges_row(t, ranges_role(r), row, width);
	}
}

/* The bar's column of port p (0..PORT_COUNT, the end): proportional,
 * rounded, width columns for the whole space; the System range keeps
 * one column however narrow the bar. */
static int ranges_column(unsigned p, int width)
{
	int x = (int)(((unsigned long)p * (unsigned)width + PORT_COUNT / 2) / PORT_COUNT);
	return p > 0 && x < 1 ? 1 : x;
}

/* The whole port space as one bar, each range in its map colour and as
 * long as its share of the 65,536 ports, from column 1 to COLS - 2. */
static void ranges_bar(struct strbuf *t, const struct app *app, int width)
{
	text_line(t, TEXT_SPANS);
	strbuf_addc(t, ' ');
	for (int r = 0; r < RANGE_COUNT; r++) {
		unsigned lo, hi;
		range_bounds(ranges_table[r].range, &lo, &hi);
		text_role(t, ranges_role(r));
		for (int x = ranges_column(lo, width); x < ranges_column(hi + 1, width); x++)
			if (app->utf8)
				strbuf_adds(t, cells_shade_utf8[SHADES - 1]);
			else
				strbuf_addc(t, cells_shade_ascii[SHADES - 1]);
	}
}

/* Under the bar, the first port of each range at its column (pushed right
 * of the one before when they would touch), 65535 at the end. */
static void ranges_scale(struct strbuf *t, int width)
{
	struct strbuf line = STRBUF_INIT;
	int x = 0; /* columns used */
	for (int r = 0; r <= RANGE_COUNT; r++) {
		unsigned lo = PORT_MAX, hi;
		if (r < RANGE_COUNT)
			range_bounds(ranges_table[r].range, &lo, &hi);
		char num[8];
		int n = snprintf(num, sizeof(num), "%u", lo);
		int at = r < RANGE_COUNT ? 1 + ranges_column(lo, width) : 1 + width - n;
		if (x && at < x + 1)
			at = x + 1;
		if (at + n > 1 + width)
			break;
		strbuf_addf(&line, "%*s%s", at - x, "", num);
		x = at + n;
	}
	text_line(t, TEXT_PLAIN);
	text_add(t, strbuf_str(&line));
	strbuf_free(&line);
}

/* n columns of a bracket "└───┘": with its left end when left, its right
 * end when right; an arrow for a bracket of one column. */
static void ranges_bracket(struct strbuf *t, const struct app *app, int n, bool left, bool right)
{
	if (n == 1 && left && right) {
		strbuf_adds(t, app->utf8 ? "↑" : "^");
		return;
	}
	for (int i = 0; i < n; i++)
		if ((i == 0 && left) || (i == n - 1 && right))
			strbuf_adds(t, app->utf8 ? (i == 0 && left ? "└" : "┘") : "|");
		else
			strbuf_adds(t, app->utf8 ? "─" : "-");
}

/* The kernel's ephemeral range as a bracket under its columns of the bar,
 * its words inside when they fit, else after it, before it, or under it. */
static void ranges_ephemeral(struct strbuf *t, const struct app *app, int width)
{
	const struct sysinfo_ports *s = app->sys;
	if (!s->have_ephemeral)
		return;
	struct strbuf label = STRBUF_INIT;
	/* L10N: under the ranges page's bar, below the ephemeral range. */
	strbuf_addf(&label, _("ephemeral %u-%u here"), s->ephemeral_lo, s->ephemeral_hi);
	int x0 = 1 + ranges_column(s->ephemeral_lo, width);
	int x1 = 1 + ranges_column(s->ephemeral_hi + 1, width);
	int n = x1 - x0 < 1 ? 1 : x1 - x0, lw = utf8_width(strbuf_str(&label));
	text_line(t, TEXT_SPANS);
	if (n >= lw + 4) { /* └── words ──┘ */
		int left = (n - lw - 2) / 2;
		strbuf_addf(t, "%*s", x0, "");
		text_role(t, ROLE_MARK);
		ranges_bracket(t, app, left, true, false);
		strbuf_addf(t, " %s ", strbuf_str(&label));
		ranges_bracket(t, app, n - left - lw - 2, false, true);
	} else if (x1 + 1 + lw <= COLS) {
		strbuf_addf(t, "%*s", x0, "");
		text_role(t, ROLE_MARK);
		ranges_bracket(t, app, n, true, true);
		strbuf_addf(t, " %s", strbuf_str(&label));
	} else if (lw + 1 <= x0) {
		strbuf_addf(t, "%*s", x0 - lw - 1, "");
		text_role(t, ROLE_MARK);
		strbuf_addf(t, "%s ", strbuf_str(&label));
		ranges_bracket(t, app, n, true, true);
	} else {
		strbuf_addf(t, "%*s", x0, "");
		text_role(t, ROLE_MARK);
		ranges_bracket(t, app, n, true, true);
		text_line(t, TEXT_SPANS);
		text_role(t, ROLE_MARK);
		text_add(t, strbuf_str(&label));
	}
	strbuf_free(&label);
}

/* The page's keys, under the bar, the ranges' names in their colours:
 * "1 System 0  2 User 1024  3 Dynamic 49152: the map's cursor to the
 * range's start" on one line when it fits, else a line each. */
static void ranges_keys_line(struct strbuf *t)
{
	/* L10N: after "1 System 0  2 User 1024  3 Dynamic 49152" on the
	   ranges page: what those keys do. */
	const char *what = _("the map's cursor to the range's start");
	unsigned lo[RANGE_COUNT], hi;
	int w = 2 + utf8_width(what);
	for (int r = 0; r < RANGE_COUNT; r++) {
		char num[8];
		range_bounds(ranges_table[r].range, &lo[r], &hi);
		/* " 1 " or "  2 ", the name, " " and the port */
		w += (r ? 4 : 3) + utf8_width(_(range_title((enum port_range)r))) + 1 +
		     snprintf(num, sizeof(num), "%u", lo[r]);
	}
	bool one_line = w <= COLS;
	for (int r = 0; r < RANGE_COUNT; r++) {
		if (r == 0 || !one_line)
			text_line(t, TEXT_SPANS);
		text_role(t, ROLE_KEY);
		strbuf_addf(t, "%s%d ", r && one_line ? "  " : " ", r + 1);
		text_role(t, ranges_role(r));
		strbuf_adds(t, _(range_title((enum port_range)r)));
		text_role(t, ROLE_NORMAL);
		strbuf_addf(t, " %u", lo[r]);
	}
	if (one_line)
		strbuf_addf(t, ": %s", what);
	else
		text_wrap(t, TEXT_PLAIN, what, 0, COLS);
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
	int width = COLS - 2;
	ranges_bar(t, app, width);
	ranges_scale(t, width);
	ranges_ephemeral(t, app, width);
	ranges_keys_line(t);
	text_line(t, TEXT_PLAIN);
	ranges_counts(t, app);
	text_line(t, TEXT_PLAIN);
	for (int r = 0; r < RANGE_COUNT; r++)
		ranges_section(t, &ranges_table[r]);
	text_line(t, TEXT_PLAIN);
	ranges_machine(t, app);
	text_wrap(t, TEXT_PLAIN,
		  _("t changes the transport counted; q, Esc or r returns to the map."), 0, COLS);
}

/* Keys 1, 2, 3: back to the map, its cursor on the first port of range r. */
static unsigned ranges_go(struct app *app, int r)
{
	unsigned lo, hi;
	range_bounds(ranges_table[r].range, &lo, &hi);
	heatmap_goto(app, lo);
	/* L10N: %s is a range's short name: System, User, Dynamic. */
	status_message(app, false, _("start of the %s range (%u-%u)"),
		       _(range_title((enum port_range)r)), lo, hi);
	return REACT_CLOSE | REDRAW_ALL;
}

static unsigned ranges_system(struct app *app)
{
	return ranges_go(app, 0);
}
static unsigned ranges_user(struct app *app)
{
	return ranges_go(app, 1);
}
static unsigned ranges_dynamic(struct app *app)
{
	return ranges_go(app, 2);
}

/* clang-format off */
static const struct binding ranges_keys[] = {
	{ { '1' }, "1", ranges_system, .help = N_("the map's cursor to port 0, the System range's start") },
	{ { '2' }, "2", ranges_user, .help = N_("the map's cursor to port 1024, the User range's start") },
	{ { '3' }, "3", ranges_dynamic, .help = N_("the map's cursor to port 49152, the Dynamic range's start") },
};
/* clang-format on */

#define RANGES_KEYS_N (sizeof(ranges_keys) / sizeof(ranges_keys[0]))

static unsigned ranges_key(struct app *app, int key)
{
	return keymap_page_key(app, ranges_keys, RANGES_KEYS_N, key);
}

void ranges_help(struct strbuf *t, int width)
{
	keymap_help_lines(t, _("On the ranges page (r):"), ranges_keys, RANGES_KEYS_N, width);
}

const struct page_ops ranges_page = {
	/* L10N: a mode at the start of the status line, in brackets. */
	.mode = N_("RANGES"),
	.text = ranges_text,
	.key = ranges_key,
};
