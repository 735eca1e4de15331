/* SPDX-License-Identifier: MIT */
/* draw.c: putting text on stdscr within a width, the screen dump of the
 * headless test mode, and the "terminal too small" screen. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../src/i18n.h"
#include "../src/sanitize.h"
#include "../src/utf8.h"
#include "tui.h"

/* Add one character of width w at (y, x) if it fits in the line. */
static void draw_wchar(int y, int x, wchar_t wc, attr_t attr)
{
	cchar_t cc;
	wchar_t s[2] = {wc, L'\0'};
	if (setcchar(&cc, s, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == OK)
		mvadd_wch(y, x, &cc);
}

int draw_text(int y, int x, int width, const char *s, attr_t attr)
{
	mbstate_t st;
	int used = 0;
	size_t n = strlen(s);
	memset(&st, 0, sizeof(st));
	if (y < 0 || y >= LINES || x < 0)
		return 0;
	if (width > COLS - x)
		width = COLS - x;
	while (n && used < width) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof(st));
			wc = L'?';
			k = 1;
		}
		int w = wcwidth(wc);
		if (w < 0)
			wc = L'?', w = 1;
		if (used + w > width)
			break;
		if (w > 0)
			draw_wchar(y, x + used, wc, attr);
		used += w;
		s += k;
		n -= k;
	}
	return used;
}

int draw_untrusted(int y, int x, int width, const char *s, attr_t attr)
{
	struct strbuf clean = STRBUF_INIT;
	sanitize_append(&clean, s, strlen(s));
	int used = draw_text(y, x, width, strbuf_str(&clean), attr);
	strbuf_free(&clean);
	return used;
}

void draw_fill(int y, int x, int width, attr_t attr)
{
	if (y < 0 || y >= LINES)
		return;
	for (int i = 0; i < width && x + i < COLS; i++)
		mvaddch(y, x + i, ' ' | attr);
}

/* One screen cell as UTF-8 (a space for the right half of a wide char). */
static void draw_dump_cell(struct strbuf *line, int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR || !wc[0]) {
		strbuf_addc(line, ' ');
		return;
	}
	char mb[MB_LEN_MAX * (CCHARW_MAX + 1) + 1];
	size_t k = wcstombs(mb, wc, sizeof(mb));
	if (k == (size_t)-1)
		strbuf_addc(line, '?');
	else
		strbuf_add(line, mb, k);
}

#define DRAW_STYLES_MAX 254

/* One cell's colour pair as a letter: '.' for none. */
static char draw_dump_attr(int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair = 0;
	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR)
		return '?';
	if (pair <= 0)
		return (a & (A_REVERSE | A_STANDOUT)) ? 'R' : '.';
	return pair < 27 ? (char)('a' + pair - 1) : (char)('A' + (pair - 27) % 26);
}

/* The looks met so far in a styles dump: a colour pair and attributes. */
struct draw_styles {
	short pair[DRAW_STYLES_MAX];
	attr_t attr[DRAW_STYLES_MAX];
	int n;
};

/* The symbol of style i: ASCII letters and digits, then Latin letters. */
static void draw_style_symbol(struct strbuf *out, int i)
{
	static const char ascii[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char mb[8];
	if (i < (int)sizeof(ascii) - 1)
		strbuf_addc(out, ascii[i]);
	else
		strbuf_add(out, mb, utf8_encode((uint32_t)(0xC0 + i - (int)sizeof(ascii) + 1), mb));
}

/* One cell's style symbol, adding the style when new. */
static void draw_dump_style(struct strbuf *line, struct draw_styles *st, int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a = 0;
	short pair = 0;
	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR) {
		strbuf_addc(line, '?');
		return;
	}
	a &= A_ATTRIBUTES & ~A_COLOR;
	int i = 0;
	while (i < st->n && (st->pair[i] != pair || st->attr[i] != a))
		i++;
	if (i == st->n && st->n < DRAW_STYLES_MAX) {
		st->pair[i] = pair;
		st->attr[i] = a;
		st->n++;
	}
	draw_style_symbol(line, i);
}

/* The styles of a dump, after its rows: "= SYMBOL fg F bg B ATTRS". */
static void draw_dump_legend(FILE *fp, const struct draw_styles *st)
{
	static const struct {
		attr_t bit;
		const char *name;
	} names[] = {{A_BOLD, "bold"},		 {A_DIM, "dim"},	   {A_REVERSE, "reverse"},
		     {A_UNDERLINE, "underline"}, {A_STANDOUT, "standout"}, {A_BLINK, "blink"}};
	for (int i = 0; i < st->n; i++) {
		struct strbuf sym = STRBUF_INIT;
		short fg = -1, bg = -1;
		if (st->pair[i] > 0)
			pair_content(st->pair[i], &fg, &bg);
		draw_style_symbol(&sym, i);
		fprintf(fp, "= %s fg %d bg %d", strbuf_str(&sym), fg, bg);
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (st->attr[i] & names[k].bit)
				fprintf(fp, " %s", names[k].name);
		fputc('\n', fp);
		strbuf_free(&sym);
	}
}

void draw_dump(FILE *fp, const char *label, enum draw_dump_kind kind)
{
	static const char *const kinds[] = {"", "attrs ", "styles "};
	struct draw_styles st = {.n = 0};
	fprintf(fp, "--- %s%s %dx%d\n", kinds[kind], label ? label : "", COLS, LINES);
	for (int y = 0; y < LINES; y++) {
		struct strbuf line = STRBUF_INIT;
		for (int x = 0; x < COLS; x++) {
			if (kind == DRAW_DUMP_ATTRS)
				strbuf_addc(&line, draw_dump_attr(y, x));
			else if (kind == DRAW_DUMP_STYLES)
				draw_dump_style(&line, &st, y, x);
			else
				draw_dump_cell(&line, y, x);
		}
		size_t n = line.len;
		while (kind == DRAW_DUMP_TEXT && n && line.data[n - 1] == ' ')
			n--;
		fprintf(fp, "%.*s\n", (int)n, n ? line.data : "");
		strbuf_free(&line);
	}
	if (kind == DRAW_DUMP_STYLES)
		draw_dump_legend(fp, &st);
	fflush(fp);
}

void draw_too_small(const struct app *app)
{
	struct strbuf size = STRBUF_INIT;
	const char *lines[4];
	erase();
	strbuf_addf(&size, _("%dx%d, need %dx%d"), app->lay.cols, app->lay.rows, MIN_COLS,
		    MIN_ROWS);
	lines[0] = _("Terminal too small");
	lines[1] = strbuf_str(&size);
	lines[2] = _("Enlarge it,");
	lines[3] = _("or press q to quit.");
	int y = LINES > 4 ? (LINES - 4) / 2 : 0;
	for (int i = 0; i < 4 && y + i < LINES; i++)
		draw_text(y + i, 0, COLS, lines[i], i == 0 ? A_BOLD : A_NORMAL);
	strbuf_free(&size);
}
