/* SPDX-License-Identifier: MIT */
/* app.c: the TUI's entry, terminal set-up and tear-down, the main loop.
 * The loop is the only place that draws and the only place that handles a
 * resize; signal handlers only set flags. */
#include <config.h>

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "../src/i18n.h"
#include "../src/ports.h"
#include "../src/source.h"
#include "../src/utf8.h"
#include "actions.h"
#include "app.h"
#include "script.h"
#include "text.h"

/* How long a search step may run before the keyboard is polled again. */
#define FIND_STEP_USEC 10000
/* How long the rest of a multibyte character may take to arrive. */
#define MB_REST_MSEC 100

static volatile sig_atomic_t app_winch, app_stop;

static void app_on_winch(int sig)
{
	(void)sig;
	app_winch = 1;
}

static void app_on_stop(int sig)
{
	(void)sig;
	app_stop = 1;
}

/* Handlers without SA_RESTART, so a blocked read returns to the loop. */
static void app_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = app_on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = app_on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	strbuf_reset(&app->status);
	va_start(ap, fmt);
	strbuf_vaddf(&app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
	app->status_fresh = true;
}

uint64_t app_clock_ms(const struct app *app)
{
	struct timespec ts;
	if (app->headless || clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return app->script_ms;
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void app_goto(struct app *app, unsigned port)
{
	app->cursor = port;
	app->view = VIEW_MAP;
	app->detail_scroll = 0;
	heatmap_center(app);
}

/* The status line, or the prompt in its place. */
static void app_draw_status(struct app *app)
{
	if (app->prompt_active)
		prompt_draw(app);
	else
		bars_status_draw(app);
}

void app_status_now(struct app *app)
{
	if (app->lay.too_small)
		return;
	app_draw_status(app);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Help and ranges: a full-screen text between title and status. */
static void app_draw_page(struct app *app)
{
	struct strbuf t = STRBUF_INIT;
	if (app->view == VIEW_HELP)
		keymap_help(app, &t);
	else if (app->view == VIEW_CHANGES)
		changes_text(app, &t);
	else if (app->view == VIEW_SUGGEST)
		pick_text(app, &t);
	else
		teach_text(app, &t);
	app->page_lines = text_count(&t);
	int h = app->lay.rows - 2;
	if (app->page_scroll > 0 && (size_t)app->page_scroll + (size_t)h > app->page_lines)
		app->page_scroll =
			app->page_lines > (size_t)h ? (int)(app->page_lines - (size_t)h) : 0;
	text_draw(&t, (size_t)app->page_scroll, 1, h, COLS);
	strbuf_free(&t);
}

static void app_draw(struct app *app, unsigned react)
{
	if (app->lay.too_small) {
		draw_too_small(app);
	} else if (app->view != VIEW_MAP) {
		bars_title_draw(app);
		app_draw_page(app);
		app_draw_status(app);
	} else {
		heatmap_fit(app);
		if (react & REDRAW_TITLE) {
			bars_title_draw(app);
			changes_draw_banner(app);
		}
		if (react & REDRAW_MAP) {
			cells_draw(app);
			legend_draw(app);
		}
		if (react & REDRAW_DETAIL)
			detail_draw(app);
		if (react & REDRAW_STATUS)
			app_draw_status(app);
	}
	curs_set(app->prompt_active && !app->lay.too_small ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* A key from the terminal or the script; prompts take characters first. */
static unsigned app_key(struct app *app, int key)
{
	bool is_char = !(key & KEYMAP_CODE);
	if (app->lay.too_small)
		return (key == 'q' || key == 'Q') ? REACT_QUIT : REDRAW_NONE;
	if (app->prompt_active)
		return prompt_key(app, key & ~KEYMAP_CODE, is_char);
	app->find.jump = false; /* a key typed while a search runs wins over its jump */
	unsigned cursor = app->cursor;
	enum view view = app->view;
	app->status_fresh = false;
	unsigned picked = app->view == VIEW_SUGGEST ? pick_key(app, key) : PICK_PASS;
	unsigned react = picked != PICK_PASS ? picked : keymap_dispatch(app, key);
	/* a message about where the cursor was, or about the suggestions
	   page, goes when the cursor or the page is left */
	bool left = app->cursor != cursor || (view == VIEW_SUGGEST && app->view != view);
	if (left && !app->status_fresh) {
		strbuf_reset(&app->status);
		app->status_error = false;
		react |= REDRAW_STATUS;
	}
	return react;
}

/* Resize: the one place. Size from the script, or from the tty. */
static void app_resize(struct app *app, int cols, int rows)
{
	if (cols <= 0) {
		struct winsize ws;
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row)
			return;
		cols = ws.ws_col;
		rows = ws.ws_row;
	}
	resizeterm(rows, cols);
	clearok(curscr, TRUE);
	heatmap_layout(app);
	erase();
}

/* The tty's size differs from curses' idea of it. A key can be read
 * before the SIGWINCH of the resize that came first is delivered, so keys
 * check too. */
static bool app_tty_resized(void)
{
	struct winsize ws;
	return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row &&
	       (ws.ws_col != COLS || ws.ws_row != LINES);
}

/* Apply a pending resize (real terminals only). */
static unsigned app_check_winch(struct app *app, const struct script *in, bool key_came)
{
	if (in || !(app_winch || (key_came && app_tty_resized())))
		return REDRAW_NONE;
	app_winch = 0;
	app_resize(app, 0, 0);
	return REDRAW_LAYOUT;
}

/* The character that starts with byte first, its other bytes read here:
 * an invalid sequence is one U+FFFD, and the byte that broke it is read
 * again. (wget_wch keeps every byte after an invalid one until it has
 * MB_LEN_MAX of them, so a stray byte would eat the keys typed after it,
 * q included.) */
static int app_read_char(int first)
{
	mbstate_t st;
	wchar_t wc = 0;
	char b = (char)first;
	memset(&st, 0, sizeof(st));
	size_t k = mbrtowc(&wc, &b, 1, &st);
	wtimeout(stdscr, MB_REST_MSEC); /* the main loop sets its own again */
	while (k == (size_t)-2) {
		int c = wgetch(stdscr);
		b = (char)c;
		k = c == ERR || c >= KEY_MIN ? (size_t)-1 : mbrtowc(&wc, &b, 1, &st);
		if (k == (size_t)-1 && c != ERR)
			ungetch(c);
	}
	return k == (size_t)-1 ? 0xFFFD : (int)wc;
}

/* Read one key from the terminal; 0 when none came (timeout, signal). */
static int app_read_key(struct app *app)
{
	int c = wgetch(stdscr);
	if (c == ERR)
		return 0;
	if (c >= KEY_MIN) {
		if (c == KEY_MOUSE && getmouse(&app->mouse) != OK)
			return 0;
		return KEYMAP_CODE | c;
	}
	return app_read_char(c);
}

/* Lay out again if the detail pane now needs another height; true when
 * it moved. */
static bool app_detail_moved(struct app *app)
{
	int detail_y = app->lay.detail_y;
	if (app->lay.too_small || app->zoom == ZOOM_FIT)
		return false;
	bool centred = heatmap_centred(app);
	heatmap_layout(app);
	if (centred) /* a map centred on the cursor (a jump) stays so */
		heatmap_center(app);
	return app->lay.detail_y != detail_y;
}

/* Draw what react asks for. */
static unsigned app_redraw(struct app *app, unsigned react)
{
	if (react & REDRAW_LAYOUT) {
		heatmap_layout(app);
		heatmap_center(app); /* zooms and resizes keep the cursor in view, mid-map */
		erase();
		react |= REDRAW_ALL;
	} else if ((react & REDRAW_DETAIL) && app->view == VIEW_MAP && app_detail_moved(app)) {
		erase(); /* the pane took more or fewer lines: the map the rest */
		react |= REDRAW_ALL;
	}
	if (react & REDRAW_ALL)
		app_draw(app, react);
	return REDRAW_NONE;
}

/* The next key from the script, handling its other events on the way:
 * 0 after a non-key event, -1 at its end, -2 on a bad line. */
static int app_script_event(struct app *app, struct script *in, struct ps_error *err,
			    unsigned *react)
{
	switch ((in->event = script_next(in, err))) {
	case SCRIPT_END:
		return -1;
	case SCRIPT_KEY:
		app->mouse = in->mouse;
		return in->key;
	case SCRIPT_DUMP:
	case SCRIPT_ATTRS:
	case SCRIPT_STYLES: /* a dump sees the search finished */
		*react = app_redraw(app, *react | find_finish(app));
		draw_dump(stdout, in->label,
			  in->event == SCRIPT_ATTRS    ? DRAW_DUMP_ATTRS
			  : in->event == SCRIPT_STYLES ? DRAW_DUMP_STYLES
						       : DRAW_DUMP_TEXT);
		return 0;
	case SCRIPT_RESIZE:
		app_resize(app, in->cols, in->rows);
		*react |= REDRAW_LAYOUT;
		return 0;
	case SCRIPT_SLEEP:
		app->script_ms += in->ms;
		return 0;
	case SCRIPT_WAIT:
		return script_wait(in, in->label, err) < 0 ? -2 : 0;
	default:
		return -2;
	}
}

/* The loop. in is NULL for a real terminal. A search in progress runs a
 * step of FIND_STEP_USEC whenever no key is waiting (after each script
 * event in a test); the listeners are read again when due (marks_tick). */
static int app_loop(struct app *app, struct script *in, struct ps_error *err)
{
	unsigned react = REDRAW_LAYOUT;
	while (!app_stop) {
		react |= app_check_winch(app, in, false);
		react |= marks_tick(app);
		react = app_redraw(app, react);
		unsigned loaded = marks_preload(app);
		if (loaded != REDRAW_NONE) {
			react |= loaded; /* the first frame is up: load the sources, draw again */
			continue;
		}
		if (!in) /* wake for the next listeners refresh, else each second */
			wtimeout(stdscr, find_busy(app) ? 0 : marks_timeout(app, 1000));
		int key = in ? app_script_event(app, in, err, &react) : app_read_key(app);
		if (key < 0)
			return key == -1 ? 0 : -1;
		/* a key sees the size it was typed at */
		react |= app_check_winch(app, in, key != 0);
		if (key == (KEYMAP_CODE | KEY_RESIZE))
			react |= REDRAW_LAYOUT;
		else if (key)
			react |= app_key(app, key);
		if (react & REACT_QUIT)
			return 0;
		if (in || !key) /* keys already typed come first */
			react |= find_step(app, FIND_STEP_USEC);
	}
	return 0;
}

/* Can term address the cursor? Asked of terminfo before newterm(), so a
 * refused terminal never half-starts curses. 0 yes, -1 unknown, -2 no. */
static int app_term_usable(const char *term, FILE *out)
{
	int errret = 0;
	if (setupterm(term, fileno(out), &errret) != OK)
		return -1;
	char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	return ok ? 0 : -2;
}

/* Refuse terminals that cannot draw the map, with a message. */
static SCREEN *app_newterm(struct cli *cli, const char *term, FILE *out, FILE *in)
{
	if (!term || !*term) {
		cli_warn(cli, _("TERM is not set: set it to your terminal type "
				"(for example TERM=xterm-256color)"));
		return NULL;
	}
	int usable = app_term_usable(term, out);
	if (usable == -1)
		cli_warn(cli,
			 _("unknown terminal type '%s' (no terminfo entry): "
			   "set TERM to your terminal type"),
			 term);
	else if (usable == -2)
		cli_warn(cli,
			 _("terminal type '%s' cannot move the cursor, which the TUI "
			   "needs; use the commands instead (portscope --help)"),
			 term);
	SCREEN *scr = usable == 0 ? newterm(term, out, in) : NULL;
	if (usable == 0 && !scr)
		cli_warn(cli, _("cannot start curses on terminal type '%s'"), term);
	return scr;
}

static void app_curses_modes(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, 1000);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		  ,
		  NULL);
	curs_set(0);
}

static void app_free(struct app *app)
{
	strbuf_free(&app->status);
	strbuf_free(&app->prompt);
	find_free(app);
	changes_free(app);
	marks_free(app);
}

/* The first message: an old registry's note, else where it came from. A
 * degraded source is said once, by the banner above the map. */
static void app_first_message(struct app *app)
{
	long age;
	if (!app->reg->degraded && source_is_stale(app->reg, &age)) {
		struct strbuf note = STRBUF_INIT;
		source_stale_note(app->reg, age, "U", &note);
		app_message(app, false, "%s", strbuf_str(&note));
		strbuf_free(&note);
	} else {
		app_message(app, false, _("%s: press ? for help"), app->reg->source);
	}
}

/* Set up the state; false (message printed) when initial is unknown. */
static bool app_init(struct app *app, struct cli *cli, const char *initial)
{
	struct ps_error err = PS_ERROR_INIT;
	memset(app, 0, sizeof(*app));
	app->cli = cli;
	app->reg = cli->reg;
	app->proto = cli->proto;
	app->gap.name = N_("free gap");
	/* L10N: short form of the legend word above, for a narrow line. */
	app->gap.short_name = N_("gap");
	app->gap.glyph_utf8 = "─";
	app->gap.glyph_ascii = '_';
	app->gap.role = ROLE_OV_GAP;
	find_init(app);
	changes_init(app);
	overlay_add(&app->overlays, &app->find.overlay);
	overlay_add(&app->overlays, &app->changed);
	overlay_add(&app->overlays, &app->gap);
	marks_init(app);
	app->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (cli->field && !(app->find.fields = search_parse_fields(cli->field))) {
		cli_usage_error(cli,
				_("--field takes name, description, assignee, contact, "
				  "reference, notes or all, not '%s'"),
				cli->field);
		app_free(app);
		return false;
	}
	app_first_message(app);
	/* one read of the kernel's facts, shared with the suggest checks */
	static const struct sysinfo_ports unknown;
	struct portfacts *pf = cli_facts(cli);
	app->sys = pf ? portfacts_sys(pf, &err) : &unknown;
	if (error_is_set(&err)) {
		app_message(app, true, "%s:%lu: %s", err.file ? err.file : "", err.line,
			    err.msg ? err.msg : "");
		error_clear(&err);
	}
	if (initial && !prompt_goto(app, initial)) {
		cli_usage_error(cli, "%s", strbuf_str(&app->status));
		app_free(app);
		return false;
	}
	return true;
}

/* Headless: newterm on /dev/null at the scripted size. */
static int app_headless(struct app *app, const char *path)
{
	struct ps_error err = PS_ERROR_INIT;
	struct script s;
	int cols = 80, rows = 24, rc = 0;
	const char *size = getenv("PORTSCOPE_TEST_SIZE");
	if (size && script_parse_size(size, &cols, &rows) < 0)
		return cli_usage_error(app->cli, _("PORTSCOPE_TEST_SIZE takes COLSxROWS, not '%s'"),
				       size);
	if (script_open(&s, path, &err) < 0) {
		error_print(&err, app->cli->prog, stderr);
		error_clear(&err);
		return EXIT_TROUBLE;
	}
	app->headless = true;
	FILE *null = fopen("/dev/null", "r+");
	SCREEN *scr = null ? app_newterm(app->cli, getenv("TERM"), null, null) : NULL;
	if (scr) {
		app_curses_modes();
		app->color_mode = colors_init();
		resizeterm(rows, cols);
		if (app_loop(app, &s, &err) < 0)
			rc = EXIT_TROUBLE;
		endwin();
		delscreen(scr);
	} else {
		rc = EXIT_TROUBLE;
	}
	if (null)
		fclose(null);
	script_close(&s);
	if (rc && error_is_set(&err))
		error_print(&err, app->cli->prog, stderr);
	error_clear(&err);
	return rc;
}

static int app_interactive(struct app *app)
{
	struct ps_error err = PS_ERROR_INIT;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_usage_error(app->cli,
				       _("the TUI needs a terminal on standard input and output"));
	app_signals(); /* before newterm(), so curses leaves SIGWINCH to us */
	SCREEN *scr = app_newterm(app->cli, getenv("TERM"), stdout, stdin);
	if (!scr)
		return EXIT_TROUBLE;
	app_curses_modes();
	app->color_mode = colors_init();
	app_loop(app, NULL, &err);
	endwin();
	delscreen(scr);
	error_clear(&err);
	return EXIT_RESULTS;
}

int app_main(struct cli *cli, const char *initial)
{
	struct app app;
	if (!cli_registry(cli))
		return cli_data_error(cli);
	if (!app_init(&app, cli, initial))
		return EXIT_TROUBLE;
	const char *script = getenv("PORTSCOPE_TEST_SCRIPT");
	int rc = script && *script ? app_headless(&app, script) : app_interactive(&app);
	app_free(&app);
	return rc;
}
