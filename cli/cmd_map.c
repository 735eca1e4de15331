/* SPDX-License-Identifier: MIT */
/* cmd_map.c: `portscope map [--zoom N|fit] [--proto P] [--grep REGEX]
 * [--mark listeners,labels,nmap,ephemeral] [--width PX] --output FILE`:
 * the heat map as a PNG, SVG or PDF picture (by the file's extension),
 * in the TUI's palette (src/palette.h): each cell's colour is its range's
 * shade for the assigned share of its ports, marked cells take the mark's
 * hue, and the boundaries at 1024 and 49152 are drawn. With --by-year,
 * the registrations per year as a bar chart instead. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "palette.h"
#include "picture.h"
#include "ports.h"
#include "search.h"
#include "source.h"
#include "years.h"

#define MAP_WIDTH_DEFAULT 1920
#define MAP_MARGIN 24.0
#define MAP_GUTTER 64.0
#define MAP_TOP 96.0	/* title, subtitle and ruler above the grid */
#define MAP_LEGEND 96.0 /* below it */
#define MAP_INK 236	/* text */
#define MAP_FAINT 244	/* ruler and gutter */
#define MAP_LINE 196	/* the range boundaries */
#define MAP_EPHEMERAL 201

/* What the map shows and how it is laid out. */
struct map {
	struct cli *cli;
	struct picture *pic;
	unsigned per_cell, cols, rows;
	double cell, x0, y0;
	struct search *grep;
	const struct portnames *labels, *nmap;
	const struct listeners *listen;
	bool ephemeral;
	unsigned eph_lo, eph_hi;
};

/* The mark of the cell [lo, hi], or -1: search matches first, then
 * listeners, nmap-frequent ports and labels, as on the TUI's map. */
static int map_mark(const struct map *m, unsigned lo, unsigned hi)
{
	if (m->grep && search_range_matches(m->grep, lo, hi))
		return PALETTE_MATCH;
	for (unsigned p = lo; p <= hi; p++) {
		if (m->listen && listeners_in_use(m->listen, p, m->cli->proto))
			return PALETTE_LISTEN;
		if (m->nmap && portnames_frequency(m->nmap, p, m->cli->proto) >= 0.01)
			return PALETTE_FREQ;
		if (m->labels && portnames_has(m->labels, p, m->cli->proto))
			return PALETTE_LABEL;
	}
	return -1;
}

/* Top left corner of the cell holding port. */
static void map_cell_xy(const struct map *m, unsigned port, double *x, double *y)
{
	unsigned i = port / m->per_cell;
	*x = m->x0 + (i % m->cols) * m->cell;
	*y = m->y0 + (i / m->cols) * m->cell;
}

static void map_cells(struct map *m)
{
	const struct registry *reg = m->cli->reg;
	for (unsigned lo = 0; lo < PORT_COUNT; lo += m->per_cell) {
		unsigned hi = lo + m->per_cell - 1;
		int mark = map_mark(m, lo, hi);
		short c = mark >= 0 ? palette_mark[mark]
				    : palette_solid[port_range_of(lo)]
						   [palette_level(reg, m->cli->proto, lo, hi)];
		double x, y;
		map_cell_xy(m, lo, &x, &y);
		picture_rect(m->pic, x, y, m->cell, m->cell, c);
		if (m->ephemeral && hi >= m->eph_lo && lo <= m->eph_hi)
			picture_rect(m->pic, x, y + m->cell * 0.8, m->cell, m->cell * 0.2,
				     MAP_EPHEMERAL);
	}
}

/* The staircase between the cells before port b and those from it on. */
static void map_boundary(struct map *m, unsigned b)
{
	double x, y, s = m->cell, right = m->x0 + m->cols * s, lw = s < 4 ? 1 : 2;
	map_cell_xy(m, b, &x, &y);
	picture_line(m->pic, x, y, right, y, lw, MAP_LINE);
	picture_line(m->pic, x, y, x, y + s, lw, MAP_LINE);
	picture_line(m->pic, m->x0, y + s, x, y + s, lw, MAP_LINE);
}

/* Row starts in the gutter, column offsets in the ruler, spaced so that
 * labels never touch. */
static void map_axes(struct map *m)
{
	char buf[32];
	unsigned every = 1;
	while (every * m->cell < 14)
		every *= 2;
	for (unsigned r = 0; r < m->rows; r += every) {
		snprintf(buf, sizeof(buf), "%u", r * m->cols * m->per_cell);
		picture_text(m->pic, m->x0 - 6, m->y0 + r * m->cell + m->cell / 2 + 4, 11, false, 1,
			     MAP_FAINT, buf);
	}
	unsigned step = 1;
	while (step * m->cell < 40)
		step *= 2;
	for (unsigned c = 0; c < m->cols; c += step) {
		snprintf(buf, sizeof(buf), "+%u", c * m->per_cell);
		picture_text(m->pic, m->x0 + c * m->cell, m->y0 - 6, 11, false, 0, MAP_FAINT, buf);
	}
}

/* A swatch and its words; returns the x after them. */
static double map_swatch(struct map *m, double x, double y, short color, const char *text)
{
	picture_rect(m->pic, x, y - 12, 14, 14, color);
	picture_text(m->pic, x + 20, y, 13, false, 0, MAP_INK, text);
	return x + 28 + 7.5 * (double)strlen(text);
}

static void map_legend(struct map *m)
{
	static const char *const state[3] = {N_("free"), N_("reserved"), N_("assigned")};
	double y = m->y0 + m->rows * m->cell + 34, x = MAP_MARGIN;
	for (int r = 0; r < RANGE_COUNT; r++) {
		picture_text(m->pic, x, y, 13, true, 0, MAP_INK,
			     _(range_title((enum port_range)r)));
		x += 70;
		for (int s = 0; s < 3; s++)
			x = map_swatch(m, x, y, palette_solid[r][s * 2], _(state[s]));
		x += 16;
	}
	x = MAP_MARGIN, y += 28;
	static const char *const marks[PALETTE_MARKS] = {N_("search match"), N_("listening here"),
							 N_("nmap: often open"), N_("your label")};
	bool shown[PALETTE_MARKS] = {m->grep != NULL, m->listen != NULL, m->nmap != NULL,
				     m->labels != NULL};
	for (int k = 0; k < PALETTE_MARKS; k++)
		if (shown[k])
			x = map_swatch(m, x, y, palette_mark[k], _(marks[k]));
	if (m->ephemeral)
		x = map_swatch(m, x, y, MAP_EPHEMERAL, _("the kernel's ephemeral range"));
	picture_text(m->pic, x, y, 13, false, 0, MAP_LINE, _("- boundaries at 1024 and 49152"));
}

/* The heading, and under it the source, the transport and what (the
 * zoom, or the undated records). */
static void map_title(struct map *m, const char *heading, const char *what)
{
	struct strbuf t = STRBUF_INIT;
	source_describe(m->cli->reg, &t);
	strbuf_addf(&t, ", %s", transport_name(m->cli->proto));
	if (what)
		strbuf_addf(&t, ", %s", what);
	picture_text(m->pic, MAP_MARGIN, 36, 24, true, 0, MAP_INK, heading);
	picture_text(m->pic, MAP_MARGIN, 60, 14, false, 0, MAP_FAINT, strbuf_str(&t));
	strbuf_free(&t);
}

/* Cells per row and ports per cell: "fit" picks the zoom whose grid is
 * nearest a 16:9 slide (2 ports a cell, 256 cells a row). */
static int map_layout(struct map *m, const char *zoom, int width)
{
	long z = 2;
	if (zoom && strcmp(zoom, "fit") != 0) {
		char *end;
		z = strtol(zoom, &end, 10);
		if (*end || z < 1 || z > 4096 || (z & (z - 1)))
			return cli_usage_error(
				m->cli,
				_("--zoom takes fit or a power of two from 1 to 4096, not '%s'"),
				zoom);
	}
	m->per_cell = (unsigned)z;
	unsigned cells = PORT_COUNT / m->per_cell;
	m->cols = cells < 256 ? cells : 256;
	m->rows = cells / m->cols;
	m->x0 = MAP_MARGIN + MAP_GUTTER;
	m->y0 = MAP_TOP;
	/* whole pixels: cells meet without anti-aliased seams */
	m->cell = (double)(long)((width - m->x0 - MAP_MARGIN) / m->cols);
	return m->cell >= 1 ? 0
			    : cli_usage_error(m->cli, _("--width %d is too narrow for this zoom"),
					      width);
}

/* The optional sources --mark names (listeners, labels, nmap, ephemeral). */
static int map_marks(struct map *m, const char *spec)
{
	struct portfacts *pf = cli_facts(m->cli);
	struct ps_error *err = &m->cli->err;
	char *copy = spec ? strdup(spec) : NULL, *save = NULL;
	int rc = 0;
	for (char *w = copy ? strtok_r(copy, ",", &save) : NULL; w && rc == 0;
	     w = strtok_r(NULL, ",", &save)) {
		if (strcmp(w, "listeners") == 0)
			rc = (m->listen = portfacts_listeners(pf, err)) ? 0
									: cli_data_error(m->cli);
		else if (strcmp(w, "labels") == 0)
			rc = (m->labels = portfacts_labels(pf, err)) ? 0 : cli_data_error(m->cli);
		else if (strcmp(w, "nmap") == 0)
			rc = (m->nmap = portfacts_nmap(pf, err)) ? 0 : cli_data_error(m->cli);
		else if (strcmp(w, "ephemeral") == 0)
			m->ephemeral = portfacts_ephemeral(pf, &m->eph_lo, &m->eph_hi);
		else
			rc = cli_usage_error(
				m->cli,
				_("--mark takes listeners, labels, nmap or ephemeral, not '%s'"),
				w);
	}
	free(copy);
	return rc;
}

/* --grep REGEX over the names and descriptions, as the TUI's search. */
static int map_grep(struct map *m, const char *pattern)
{
	if (!pattern)
		return 0;
	struct search_options opt = SEARCH_OPTIONS_INIT;
	struct search_error se = SEARCH_ERROR_INIT;
	opt.proto = m->cli->proto;
	m->grep = search_new(m->cli->reg, pattern, strlen(pattern), &opt, &se);
	if (!m->grep) {
		int rc = cli_usage_error(m->cli, _("--grep: %s at offset %zu"),
					 se.message ? se.message : "", se.offset);
		search_error_clear(&se);
		return rc;
	}
	search_run(m->grep);
	return 0;
}

/* The heat map picture. */
static int map_draw(struct map *m, const char *path, enum picture_format f, int width)
{
	char what[64];
	double height = MAP_TOP + m->rows * m->cell + MAP_LEGEND;
	m->pic = picture_new(path, f, width, (int)(height + 0.5), &m->cli->err);
	if (!m->pic)
		return cli_data_error(m->cli);
	snprintf(what, sizeof(what), P_("%u port per cell", "%u ports per cell", m->per_cell),
		 m->per_cell);
	map_title(m, _("The port space"), what);
	map_axes(m);
	map_cells(m);
	map_boundary(m, 1024);
	map_boundary(m, 49152);
	map_legend(m);
	return picture_finish(m->pic, &m->cli->err) < 0 ? cli_data_error(m->cli) : 0;
}

/* The per-year bar chart: registrations stacked by range. */
static int map_years(struct map *m, const char *path, enum picture_format f, int width)
{
	struct years y;
	if (years_compute(m->cli->reg, m->cli->proto, &y, &m->cli->err) < 0)
		return cli_data_error(m->cli);
	int height = width * 9 / 16;
	double x0 = MAP_MARGIN + MAP_GUTTER, y1 = height - 70.0, top = MAP_TOP;
	size_t n = y.n - 1; /* dated years */
	unsigned max = 1;
	for (size_t i = 0; i < n; i++)
		max = y.row[i].all.registered > max ? y.row[i].all.registered : max;
	m->pic = picture_new(path, f, width, height, &m->cli->err);
	if (!m->pic) {
		years_free(&y);
		return cli_data_error(m->cli);
	}
	char buf[64];
	snprintf(buf, sizeof(buf), _("%u records without a Registration Date"),
		 y.row[n].all.registered);
	map_title(m, _("Registrations per year"), buf);
	double bw = n ? (width - x0 - MAP_MARGIN) / (double)n : 1, scale = (y1 - top) / max;
	for (size_t i = 0; i < n; i++) {
		double h0 = y1;
		for (int r = 0; r < RANGE_COUNT; r++) {
			double h = y.row[i].range[r].registered * scale;
			picture_rect(m->pic, x0 + i * bw + 1, h0 - h, bw - 2, h,
				     palette_solid[r][4]);
			h0 -= h;
		}
		if (y.row[i].year % 5 == 0 || n < 12) {
			snprintf(buf, sizeof(buf), "%d", y.row[i].year);
			picture_text(m->pic, x0 + i * bw + bw / 2, y1 + 18, 12, false, 2, MAP_INK,
				     buf);
		}
	}
	picture_line(m->pic, x0, y1, width - MAP_MARGIN, y1, 1, MAP_INK);
	snprintf(buf, sizeof(buf), "%u", max);
	picture_text(m->pic, x0 - 6, top + 4, 12, false, 1, MAP_FAINT, buf);
	picture_text(m->pic, x0 - 6, y1, 12, false, 1, MAP_FAINT, "0");
	double x = MAP_MARGIN;
	for (int r = 0; r < RANGE_COUNT; r++)
		x = map_swatch(m, x, height - 22.0, palette_solid[r][4],
			       _(range_title((enum port_range)r)));
	years_free(&y);
	return picture_finish(m->pic, &m->cli->err) < 0 ? cli_data_error(m->cli) : 0;
}

/* The output must be absent or a regular file, in an existing directory;
 * the picture goes to a temporary file beside it, renamed over it. */
static int map_temp(struct cli *cli, const char *out, struct strbuf *tmp)
{
	struct stat sb;
	if (stat(out, &sb) == 0 && !S_ISREG(sb.st_mode))
		return cli_usage_error(cli, _("%s: not a regular file: map writes only a file"),
				       out);
	const char *slash = strrchr(out, '/');
	if (slash)
		strbuf_add(tmp, out, (size_t)(slash - out + 1));
	strbuf_addf(tmp, ".%s.XXXXXX", slash ? slash + 1 : out);
	int fd = tmp->failed ? -1 : mkstemp(tmp->data);
	if (fd < 0) {
		cli_warn(cli, _("%s: cannot create a temporary file: %s"), out, strerror(errno));
		return EXIT_TROUBLE;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask); /* a picture to share, not a secret */
	close(fd);
	return 0;
}

int cmd_map(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc)
		return cli_usage_error(cli, _("'map' takes no arguments (use --output FILE)"));
	int f = cli->output ? picture_format_of(cli->output) : -1;
	if (f < 0)
		return cli_usage_error(cli,
				       _("'map' needs --output FILE ending in .png, .svg or .pdf"));
	if (!picture_available()) {
		cli_warn(cli, _("this portscope cannot draw pictures: it needs cairo (sudo apt-get "
				"install "
				"libcairo2, and libcairo2-dev to build with it)"));
		return EXIT_TROUBLE;
	}
	int width = cli->map_width ? (int)cli->map_width : MAP_WIDTH_DEFAULT;
	struct map m = {.cli = cli};
	struct strbuf tmp = STRBUF_INIT;
	int rc = cli_registry(cli) ? 0 : cli_data_error(cli);
	if (!rc && !(cli->given & OPT_BY_YEAR))
		rc = map_layout(&m, cli->zoom, width);
	if (!rc)
		rc = map_marks(&m, cli->mark);
	if (!rc)
		rc = map_grep(&m, cli->grep);
	if (!rc)
		rc = map_temp(cli, cli->output, &tmp);
	if (!rc)
		rc = cli->given & OPT_BY_YEAR
			     ? map_years(&m, tmp.data, (enum picture_format)f, width)
			     : map_draw(&m, tmp.data, (enum picture_format)f, width);
	if (!rc && rename(tmp.data, cli->output) < 0) {
		cli_warn(cli, _("%s: cannot replace the file: %s"), cli->output, strerror(errno));
		rc = EXIT_TROUBLE;
	}
	if (rc && tmp.len)
		unlink(tmp.data);
	else if (!rc)
		strbuf_addf(&cli->out, _("wrote %s\n"), cli->output);
	search_free(m.grep);
	strbuf_free(&tmp);
	return rc;
}
