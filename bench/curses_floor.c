/* SPDX-License-Identifier: MIT */
/* curses_floor.c: what ncurses alone takes to repaint a whole screen, the
 * floor under any TUI's full redraw (bench/tui.sh). Headless like
 * portscope's test mode (the terminal is /dev/null), it fills COLSxROWS
 * with map-like cells (full block, middle dot, shade) whose colour pair
 * changes every RUN cells, then repaints the terminal (clearok + refresh,
 * as Ctrl-L does) N times.
 *   curses_floor COLS ROWS RUN N    prints: milliseconds per repaint */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <wchar.h>

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: curses_floor COLS ROWS RUN N\n");
		return 2;
	}
	int cols = atoi(argv[1]), rows = atoi(argv[2]), run = atoi(argv[3]), n = atoi(argv[4]);
	if (cols < 1 || cols > 1000 || rows < 1 || run < 1 || n < 1)
		return 2;
	setlocale(LC_ALL, "");
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *s = out && in ? newterm(NULL, out, in) : NULL;
	if (!s)
		return 2;
	set_term(s);
	resizeterm(rows, cols);
	start_color();
	for (short i = 1; i < 64; i++)
		init_pair(i, (short)(COLORS > 16 ? 16 + i * 3 : i % 8), COLOR_BLACK);
	const wchar_t glyph[3] = {L'\u2588', L'\u00b7', L'\u2592'};
	cchar_t *cc = calloc((size_t)cols, sizeof(*cc));
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int k = 0; k < n; k++) {
		for (int y = 0; y < rows; y++) {
			for (int x = 0; x < cols; x++) {
				wchar_t w[2] = {glyph[(x / run + y) % 3], 0};
				setcchar(&cc[x], w, 0, (short)(1 + (x / run + y) % 63), NULL);
			}
			mvadd_wchnstr(y, 0, cc, cols);
		}
		clearok(curscr, TRUE);
		refresh();
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	endwin();
	delscreen(s);
	free(cc);
	printf("%.3f\n",
	       ((double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6) / n);
	return 0;
}
