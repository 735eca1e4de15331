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

#include "../src/error.h"
#include "../src/i18n.h"
#include "../src/nmaprun.h"
#include "../src/portfacts.h"
#include "../src/ports.h"
#include "../src/sanitize.h"
#include "../src/source.h"
#include "../src/userconf.h"
#include "../src/utf8.h"
#include "actions.h"
#include "app.h"
#include "bars.h"
#include "netscan.h"
#include "script.h"
#include "text.h"

/* How long a search step may run before the keyboard is polled again. */
#define FIND_STEP_USEC 10000
/* How long the rest of a multibyte character may take to arrive. */
#define MB_REST_MSEC 100

static volatile sig_atomic_t app_winch, app_stop;
/* The terminal curses draws on: standard output, or /dev/tty under pick. */
static int app_tty_fd = STDOUT_FILENO;

static void app_on_winch(int sig)
{
	(void)sig;
	app_winch = 1;
}

/* INT, TERM, HUP, QUIT: leave the loop, restore the terminal, then exit
 * 128+sig as a shell reports a program the signal ended. */
static void app_on_stop(int sig)
{
	app_stop = sig;
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
	sigaction(SIGQUIT, &sa, NULL); /* would dump core with the terminal left raw */
}

/* The title bar's fields, what goes first: the records count, the
 * program's name, the date, then the source; transport and zoom, which
 * change the map, stay. */
static void app_draw_title(struct app *app)
{
	const struct registry *reg = app->reg;
	struct bars b = {.n = 0};
	struct strbuf *s;
	attr_t a = colors_attr(ROLE_TITLE);
	if ((s = bars_add(&b, "", 2)))
		strbuf_adds(s, app->pick ? "portscope pick" : "portscope");
	bars_untrusted(bars_add(&b, " | ", 5), _(reg->source_label));
	if ((s = bars_add(&b, " ", 3))) {
		sanitize_append(s, *reg->date ? reg->date : _("undated"),
				strlen(*reg->date ? reg->date : _("undated")));
		strbuf_adds(s, reg->bundled ? _(" (bundled)") : "");
	}
	if ((s = bars_add(&b, " | ", 1)))
		strbuf_addf(s, P_("%'zu record", "%'zu records", reg->nrec), reg->nrec);
	if ((s = bars_add(&b, " | ", 6)))
		strbuf_adds(s, transport_name(app->proto));
	if ((s = bars_add(&b, " | ", 7))) {
		if (app->zoom == ZOOM_FIT)
			/* L10N: the title bar's zoom at fit: the whole space on screen. */
			strbuf_addf(s, _("fit %u ports/cell"), heatmap_zoom_size(app));
		else
			/* L10N: the zoom in the title bar: how many ports one map cell is. */
			strbuf_addf(s, P_("%u port/cell", "%u ports/cell", heatmap_zoom_size(app)),
				    heatmap_zoom_size(app));
	}
	draw_fill(0, 0, COLS, a);
	bars_draw(&b, 0, 1, COLS - 2, a, app->utf8);
	bars_free(&b);
}

/* The foot line: the prompt while one is open, else the status line. */
static void app_draw_status(struct app *app)
{
	if (app->prompt_active)
		prompt_draw(app);
	else
		status_draw(app);
}

/* The pages (page.h), by the keys' names for them (keymap.c). */
static const struct page_ops *const app_pages[PAGE_COUNT] = {
	[PAGE_HELP] = &help_page,
	[PAGE_RANGES] = &ranges_page,
	[PAGE_YEARS] = &years_page,
	[PAGE_CHANGES] = &changes_page,
	[PAGE_SUGGESTIONS] = &suggestions_page,
};

/* Close the open page, if any: back to the map. */
static unsigned app_close(struct app *app)
{
	const struct page_ops *p = app_pages[app->view];
	if (p && p->close)
		p->close(app);
	app->view = PAGE_MAP;
	app->status.mode = NULL;
	return REDRAW_ALL;
}

/* A page's key: open the page, or close it when it is the one open. One
 * that refuses to open (its open hook says why) leaves things as they are. */
static unsigned app_toggle(struct app *app, enum page_id id)
{
	const struct page_ops *p = app_pages[id];
	if (app->view == id)
		return app_close(app);
	if (p->open && !p->open(app))
		return REDRAW_STATUS;
	app_close(app);
	app->view = id;
	app->status.mode = p->mode;
	page_top();
	return REDRAW_ALL;
}

static void app_draw(struct app *app, unsigned react)
{
	if (app->lay.too_small) {
		draw_too_small(app);
	} else if (app->view != PAGE_MAP) {
		app_draw_title(app);
		page_draw(app, app_pages[app->view]);
		app_draw_status(app);
	} else {
		heatmap_fit(app);
		if (react & REDRAW_TITLE) {
			app_draw_title(app);
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

/* A key of the map's table: on a page, what its on_page column says; a
 * page's key opens or closes it; the rest run their action. */
static unsigned app_binding(struct app *app, int key)
{
	const struct binding *b = keymap_binding(key);
	enum page_use use = b && app->view != PAGE_MAP ? b->on_page : PAGE_USE_RUN;
	unsigned react = REDRAW_NONE;
	if (use == PAGE_USE_LEAVE)
		react = app_close(app);
	else if (use != PAGE_USE_RUN)
		return page_use(app, use);
	if (b && b->page != PAGE_MAP)
		return react | app_toggle(app, b->page);
	return react | keymap_dispatch(app, key);
}

/* A key from the terminal or the script: a prompt takes characters first,
 * then the open page, then the map's table. */
static unsigned app_key(struct app *app, int key)
{
	bool is_char = !(key & KEYMAP_CODE);
	if (app->lay.too_small)
		return (key == 'q' || key == 'Q') ? REACT_QUIT : REDRAW_NONE;
	if (app->prompt_active)
		return prompt_key(app, key & ~KEYMAP_CODE, is_char);
	unsigned scan = netscan_key(app, key); /* the scan's question, Esc stopping it */
	if (scan != PAGE_PASS)
		return scan;
	app->find.jump = false; /* a key typed while a search runs wins over its jump */
	unsigned cursor = app->cursor;
	enum page_id view = app->view;
	app->status.fresh = false;
	const struct page_ops *p = app_pages[app->view];
	unsigned react = p && p->key ? p->key(app, key) : PAGE_PASS;
	if (react == PAGE_PASS)
		react = app_binding(app, key);
	if (react & REACT_CLOSE)
		react |= app_close(app);
	/* a message about where the cursor was, or about the suggestions
	   page, goes when the cursor or the page is left */
	bool left = app->cursor != cursor || (view == PAGE_SUGGESTIONS && app->view != view);
	if (left && !app->status.fresh) {
		strbuf_reset(&app->status.text);
		app->status.error = false;
		react |= REDRAW_STATUS;
	}
	return react;
}

/* Lay out the screen for the lines the detail pane needs now. */
static void app_layout(struct app *app)
{
	app->detail_need = detail_measure(app);
	heatmap_layout(app);
}

/* Resize: the one place. Size from the script, or from the tty. */
static void app_resize(struct app *app, int cols, int rows)
{
	if (cols <= 0) {
		struct winsize ws;
		if (ioctl(app_tty_fd, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row)
			return;
		cols = ws.ws_col;
		rows = ws.ws_row;
	}
	resizeterm(rows, cols);
	clearok(curscr, TRUE);
	app_layout(app);
	erase();
}

/* The tty's size differs from curses' idea of it. A key can be read
 * before the SIGWINCH of the resize that came first is delivered, so keys
 * check too. */
static bool app_tty_resized(void)
{
	struct winsize ws;
	return ioctl(app_tty_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row &&
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
		return K(c);
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
	app_layout(app);
	if (centred) /* a map centred on the cursor (a jump) stays so */
		heatmap_center(app);
	return app->lay.detail_y != detail_y;
}

/* Draw what react asks for. */
static unsigned app_redraw(struct app *app, unsigned react)
{
	if (react & REDRAW_LAYOUT) {
		app_layout(app);
		heatmap_center(app); /* zooms and resizes keep the cursor in view, mid-map */
		erase();
		react |= REDRAW_ALL;
	} else if ((react & REDRAW_DETAIL) && app->view == PAGE_MAP && app_detail_moved(app)) {
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
	case SCRIPT_SCANNED:
		*react |= REDRAW_ALL;
		if (netscan_wait(app, 10000))
			return 0;
		error_set(err, in->path, in->lineno, _("@scanned: the scan did not end in 10 s"));
		return -2;
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
		react |= netscan_tick(app);
		react = app_redraw(app, react);
		unsigned loaded = marks_preload(app);
		if (loaded != REDRAW_NONE) {
			react |= loaded; /* the first frame is up: load the sources, draw again */
			continue;
		}
		if (!in) /* wake for the next listeners refresh, else each second */
			wtimeout(stdscr, find_busy(app)
						 ? 0
						 : netscan_timeout(app, marks_timeout(app, 1000)));
		int key = in ? app_script_event(app, in, err, &react) : app_read_key(app);
		if (key < 0)
			return key == -1 ? 0 : -1;
		/* a key sees the size it was typed at */
		react |= app_check_winch(app, in, key != 0);
		if (key == K(KEY_RESIZE))
			react |= REDRAW_LAYOUT;
		else if (key) {
			app->keys++;
			react |= app_key(app, key);
		}
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

/* Say what went wrong, before curses starts or after it ended:
 * "portscope: MESSAGE" on standard error (sanitised); with usage, where
 * to read how the program is used. Returns EXIT_TROUBLE. */
static __attribute__((format(printf, 3, 4))) int app_say(const struct app *app, bool usage,
							 const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	struct ps_error err = PS_ERROR_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_set(&err, NULL, 0, "%s", strbuf_str(&msg));
	error_print(&err, app->prog, stderr);
	if (usage)
		fprintf(stderr, _("Try '%s --help' for more information.\n"), app->prog);
	error_clear(&err);
	strbuf_free(&msg);
	return EXIT_TROUBLE;
}

/* Refuse terminals that cannot draw the map, with a message. */
static SCREEN *app_newterm(const struct app *app, const char *term, FILE *out, FILE *in)
{
	if (!term || !*term) {
		app_say(app, false,
			_("TERM is not set: set it to your terminal type "
			  "(for example TERM=xterm-256color)"));
		return NULL;
	}
	int usable = app_term_usable(term, out);
	if (usable == -1)
		app_say(app, false,
			_("unknown terminal type '%s' (no terminfo entry): "
			  "set TERM to your terminal type"),
			term);
	else if (usable == -2)
		app_say(app, false,
			_("terminal type '%s' cannot move the cursor, which the TUI "
			  "needs; use the commands instead (portscope --help)"),
			term);
	SCREEN *scr = usable == 0 ? newterm(term, out, in) : NULL;
	if (usable == 0 && !scr)
		app_say(app, false, _("cannot start curses on terminal type '%s'"), term);
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
	netscan_free(app);
	status_free(app);
	strbuf_free(&app->prompt);
	complete_free(app);
	find_free(app);
	changes_free(app);
	marks_free(app);
	portfacts_free(app->facts);
	registry_free(app->reg);
}

/* The first message: an old registry's note, else where it came from. A
 * degraded source is said once, by the banner above the map. */
static void app_first_message(struct app *app)
{
	long age;
	if (!app->reg->degraded && source_is_stale(app->reg, &age)) {
		struct strbuf note = STRBUF_INIT;
		source_stale_note(app->reg, age, "U", &note);
		status_message(app, false, "%s", strbuf_str(&note));
		strbuf_free(&note);
	} else {
		status_message(app, false, _("%s: press ? for help"), app->reg->source);
	}
}

/* Load the registry through the core, with its warnings on standard error
 * (before curses starts); false (message printed) when it cannot. */
static bool app_load(struct app *app, const char *path)
{
	struct ps_error err = PS_ERROR_INIT;
	struct strbuf warning = STRBUF_INIT;
	app->reg = source_open(path, &err);
	if (!app->reg)
		error_print(&err, app->prog, stderr);
	for (int i = 0; app->reg && source_warning(app->reg, i, &warning); i++) {
		app_say(app, false, "%s", strbuf_str(&warning));
		strbuf_reset(&warning);
	}
	if (app->reg)
		skips_print(&app->reg->skipped, app->reg->source, app->prog, stderr);
	strbuf_free(&warning);
	error_clear(&err);
	return app->reg != NULL;
}

/* The scan's targets: --scan's, else the config file's scan lines, each
 * checked as `portscope scan` checks them; false (said) when one is bad or
 * the config file is malformed. */
static bool app_scan_targets(struct app *app, const struct app_options *opt)
{
	struct ps_error err = PS_ERROR_INIT;
	struct strbuf path = STRBUF_INIT;
	struct userconf conf;
	bool ok = true;
	userconf_path(&path);
	if (userconf_load(strbuf_str(&path), &conf, &err) < 0) {
		error_print(&err, app->prog, stderr);
		ok = false;
	} else if (opt->nscan && nmaprun_check_targets(opt->scan, opt->nscan, &err) < 0) {
		app_say(app, true, "%s", err.msg ? err.msg : _("out of memory"));
		ok = false;
	} else if (opt->nscan) {
		netscan_init(app, opt->scan, opt->nscan);
	} else {
		netscan_init(app, conf.scan, conf.nscan);
	}
	userconf_free(&conf);
	strbuf_free(&path);
	error_clear(&err);
	return ok;
}

/* Set up the state; false (message printed) when the registry does not
 * load, or opt names an unknown field or initial port. */
static bool app_init(struct app *app, const struct app_options *opt)
{
	struct ps_error err = PS_ERROR_INIT;
	memset(app, 0, sizeof(*app));
	app->prog = opt->prog;
	if (!app_load(app, opt->registry_path))
		return false;
	const char *env = getenv("PORTSCOPE_REGISTRY");
	app->registry_given = (opt->registry_path && *opt->registry_path) || (env && *env);
	app->proto = opt->proto;
	find_init(app); /* the overlays, in the order they cover each other */
	changes_init(app);
	/* L10N: short form of the legend word before it, for a narrow line. */
	overlay_define(&app->overlays, &app->gap, N_("free gap"), N_("gap"), "─", '_', ROLE_OV_GAP);
	marks_init(app);
	app->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (opt->field && !(app->find.fields = search_parse_fields(opt->field))) {
		app_say(app, true,
			_("--field takes name, description, assignee, contact, "
			  "reference, notes or all, not '%s'"),
			opt->field);
		return false;
	}
	if (!app_scan_targets(app, opt))
		return false;
	app_first_message(app);
	/* the command line's port first, so an error reading the facts below
	 * is what the status line says */
	if (opt->initial && !prompt_goto(app, opt->initial)) {
		app_say(app, true, "%s", strbuf_str(&app->status.text));
		return false;
	}
	/* one read of the kernel's facts, shared with the suggest checks */
	static const struct sysinfo_ports unknown;
	app->facts = portfacts_new();
	app->sys = app->facts ? portfacts_sys(app->facts, &err) : &unknown;
	if (error_is_set(&err)) {
		status_message(app, true, "%s:%lu: %s", err.file ? err.file : "", err.line,
			       err.msg ? err.msg : "");
		error_clear(&err);
	}
	app->pick = opt->pick;
	app->picked = -1;
	if (app->pick && !app->status.error) /* the hint says how it ends; an error stays */
		strbuf_reset(&app->status.text);
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
		return app_say(app, true, _("PORTSCOPE_TEST_SIZE takes COLSxROWS, not '%s'"), size);
	if (script_open(&s, path, &err) < 0) {
		error_print(&err, app->prog, stderr);
		error_clear(&err);
		return EXIT_TROUBLE;
	}
	app->headless = true;
	FILE *null = fopen("/dev/null", "r+");
	SCREEN *scr = null ? app_newterm(app, getenv("TERM"), null, null) : NULL;
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
		error_print(&err, app->prog, stderr);
	error_clear(&err);
	return rc;
}

/* The terminal: standard input and output, or under pick /dev/tty (in
 * *tty), so that they can be a pipe, as $(portscope pick) makes stdout;
 * NULL (message printed) when there is none. */
static SCREEN *app_open_terminal(struct app *app, FILE **tty)
{
	*tty = NULL;
	if (app->pick) {
		if (!(*tty = fopen("/dev/tty", "r+"))) {
			app_say(app, false, _("pick needs a terminal: cannot open /dev/tty: %s"),
				strerror(errno));
			return NULL;
		}
		app_tty_fd = fileno(*tty);
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		app_say(app, true, _("the TUI needs a terminal on standard input and output"));
		return NULL;
	}
	app_signals(); /* before newterm(), so curses leaves SIGWINCH to us */
	SCREEN *scr = app_newterm(app, getenv("TERM"), *tty ? *tty : stdout, *tty ? *tty : stdin);
	if (!scr && *tty) {
		fclose(*tty);
		*tty = NULL;
	}
	return scr;
}

static int app_interactive(struct app *app)
{
	struct ps_error err = PS_ERROR_INIT;
	FILE *tty;
	SCREEN *scr = app_open_terminal(app, &tty);
	if (!scr)
		return EXIT_TROUBLE;
	app_curses_modes();
	app->color_mode = colors_init();
	app_loop(app, NULL, &err);
	endwin();
	delscreen(scr);
	if (tty)
		fclose(tty);
	error_clear(&err);
	return app_stop ? 128 + app_stop : EXIT_RESULTS;
}

/* Under pick, after the terminal is restored: the port picked on
 * standard output (the status then), or nothing (1). */
static int app_pick_result(struct app *app, int rc)
{
	if (!app->pick || rc != EXIT_RESULTS)
		return rc;
	if (app->picked < 0)
		return EXIT_NO_RESULTS;
	if (printf("%ld\n", app->picked) < 0 || fflush(stdout) != 0) {
		if (errno != EPIPE)
			app_say(app, false, _("error writing output: %s"), strerror(errno));
		return EXIT_TROUBLE;
	}
	return EXIT_RESULTS;
}

int app_main(const struct app_options *opt)
{
	struct app app;
	int rc = EXIT_TROUBLE;
	if (app_init(&app, opt)) {
		const char *script = getenv("PORTSCOPE_TEST_SCRIPT");
		rc = script && *script ? app_headless(&app, script) : app_interactive(&app);
		rc = app_pick_result(&app, rc);
	}
	app_free(&app);
	return rc;
}
