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

void draw_dump(FILE *fp, const char *label, bool attrs)
{
	fprintf(fp, "--- %s%s %dx%d\n", attrs ? "attrs " : "", label ? label : "", COLS, LINES);
	for (int y = 0; y < LINES; y++) {
		struct strbuf line = STRBUF_INIT;
		for (int x = 0; x < COLS; x++) {
			if (attrs)
				strbuf_addc(&line, draw_dump_attr(y, x));
			else
				draw_dump_cell(&line, y, x);
		}
		size_t n = line.len;
		while (n && line.data[n - 1] == ' ')
			n--;
		fprintf(fp, "%.*s\n", (int)n, n ? line.data : "");
		strbuf_free(&line);
	}
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
