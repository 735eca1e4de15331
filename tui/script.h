/* SPDX-License-Identifier: MIT */
/* script.h: the headless test mode (the tig approach). A key script
 * drives the TUI on an off-screen terminal and asks for text dumps:
 *   # comment
 *   @dump [LABEL]        the screen as text, to standard output
 *   @attrs [LABEL]       each cell's colour pair as a letter ('.' none)
 *   @styles [LABEL]      each cell's look (colour pair and attributes) as
 *                        a symbol, then a line per symbol:
 *                        "= SYMBOL fg N bg N [bold] [dim] [reverse] ..."
 *   @resize COLSxROWS    resize the off-screen terminal
 *   @sleep MS            let MS milliseconds pass on the TUI's clock, which
 *                        in this mode moves only so (periodic refreshes
 *                        happen on time, whatever the machine's speed)
 *   @wait PATH           wait until PATH exists (at most 10 s): the test
 *                        changes files after a dump, then creates PATH
 *   @scanned             wait until the network scan (S) has ended (at
 *                        most 10 s)
 *   anything else        keys: characters, and <Enter> <Esc> <Tab> <BS>
 *                        <Left> <Right> <Up> <Down> <PgUp> <PgDn> <Home>
 *                        <End> <F1> <C-l> <lt> (a '<'), <Click X,Y>,
 *                        <WheelUp X,Y>, <WheelDown X,Y>
 * Used when $PORTSCOPE_TEST_SCRIPT names a file; $PORTSCOPE_TEST_SIZE
 * (COLSxROWS, default 80x24) sets the first size. */
#ifndef PORTSCOPE_SCRIPT_H
#define PORTSCOPE_SCRIPT_H

#include <stdint.h>
#include <stdio.h>

#include <curses.h>

#include "../src/error.h"
#include "../src/strbuf.h"

struct app;

enum script_event {
	SCRIPT_END,
	SCRIPT_KEY,
	SCRIPT_DUMP,
	SCRIPT_ATTRS,
	SCRIPT_STYLES,
	SCRIPT_RESIZE,
	SCRIPT_SLEEP,
	SCRIPT_WAIT,
	SCRIPT_SCANNED,
};

struct script {
	FILE *fp;
	char *path;
	unsigned long lineno;
	struct strbuf line;
	size_t pos; /* next key on line */
	bool in_keys;
	/* results of the last event */
	int event; /* enum script_event, or -1 */
	int key;   /* with KEYMAP_CODE for curses codes */
	MEVENT mouse;
	int cols, rows;
	unsigned long ms;  /* @sleep */
	const char *label; /* @dump, @attrs; @wait's path */
};

int script_open(struct script *s, const char *path, struct ps_error *err);
void script_close(struct script *s);
/* The next event; SCRIPT_END at the end, or -1 with err on a bad line. */
int script_next(struct script *s, struct ps_error *err);
/* Block until path exists; -1 with err after 10 s. */
int script_wait(struct script *s, const char *path, struct ps_error *err);
/* Parse "COLSxROWS"; -1 when malformed. */
int script_parse_size(const char *s, int *cols, int *rows);
/* Milliseconds on a monotonic clock; when headless, the script's clock,
 * which only @sleep moves. */
uint64_t script_clock_ms(const struct app *app);

#endif
