/* SPDX-License-Identifier: MIT */
/* test_listeners.c: the /proc/net line parser and the reader on fixture
 * /proc trees (tests/fixtures/sysroot-*). */
#include <config.h>

#include <stdlib.h>

#include "listeners.h"
#include "testutil.h"

#define TAIL " 00000000:00000000 00:00000000 00000000     0        0 "

static int parse(const char *line, bool v6, struct listeners_line *l, const char **why)
{
	*why = NULL;
	return listeners_parse_line(line, strlen(line), v6, l, why);
}

START_TEST(ipv4_line)
{
	struct listeners_line l;
	const char *why;
	ck_assert_int_eq(parse("   0: 0100007F:1F90 00000000:0000 0A" TAIL "636 1 0 100 0 0 10 0",
			       false, &l, &why),
			 0);
	ck_assert_str_eq(l.addr, "127.0.0.1");
	ck_assert_uint_eq(l.port, 8080);
	ck_assert_uint_eq(l.state, 0x0A);
	ck_assert_uint_eq(l.inode, 636);
	/* the inode is the 10th field; nothing after it is needed */
	ck_assert_int_eq(parse("0: 00000000:0016 00000000:0000 07" TAIL "9", false, &l, &why), 0);
	ck_assert_str_eq(l.addr, "0.0.0.0");
	ck_assert_uint_eq(l.port, 22);
	ck_assert_uint_eq(l.state, 7);
}
END_TEST

START_TEST(ipv6_lines)
{
	struct listeners_line l;
	const char *why;
	const char *z = " 00000000000000000000000000000000:0000 0A" TAIL "5";
	char line[256];
	snprintf(line, sizeof(line), "0: 00000000000000000000000001000000:1F91%s", z);
	ck_assert_int_eq(parse(line, true, &l, &why), 0);
	ck_assert_str_eq(l.addr, "::1");
	snprintf(line, sizeof(line), "0: 0000000000000000FFFF00000100007F:1F92%s", z);
	ck_assert_int_eq(parse(line, true, &l, &why), 0);
	ck_assert_str_eq(l.addr, "::ffff:127.0.0.1");
	snprintf(line, sizeof(line), "0: B80D0120000000000000000001000000:01BB%s", z);
	ck_assert_int_eq(parse(line, true, &l, &why), 0);
	ck_assert_str_eq(l.addr, "2001:db8::1");
	ck_assert_uint_eq(l.port, 443);
	snprintf(line, sizeof(line), "0: 000080FE00000000FFD21502A5C61F00:0016%s", z);
	ck_assert_int_eq(parse(line, true, &l, &why), 0);
	ck_assert_str_eq(l.addr, "fe80::215:d2ff:1f:c6a5");
}
END_TEST

START_TEST(malformed_lines)
{
	struct listeners_line l;
	const char *why;
	static const char *const bad[] = {
		"",
		"   1: 0100007F:1F91",
		"0: 0100007G:1F90 00000000:0000 0A" TAIL "1",			 /* not hex */
		"0: 0100007F:1F9 00000000:0000 0A" TAIL "1",			 /* 3-digit port */
		"0: 0100007F1F90 00000000:0000 0A" TAIL "1",			 /* no colon */
		"0: 0100007F:1F90 00000000:0000 A" TAIL "1",			 /* 1-digit state */
		"0: 0100007F:1F90 00000000:0000 0A" TAIL "12x",			 /* bad inode */
		"0: 0100007F:1F90 00000000:0000 0A" TAIL "99999999999999999999", /* overflow */
		"x 0100007F:1F90 00000000:0000 0A" TAIL "1",			 /* no "N:" */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(parse(bad[i], false, &l, &why) < 0, "accepted: %s", bad[i]);
		ck_assert_ptr_nonnull(why);
	}
	/* an IPv4 address in a v6 file is malformed, and the reverse */
	ck_assert_int_lt(parse("0: 0100007F:1F90 00000000:0000 0A" TAIL "1", true, &l, &why), 0);
	/* the length given is respected: no reading past it */
	const char *line = "0: 0100007F:1F90 00000000:0000 0A" TAIL "636";
	ck_assert_int_lt(listeners_parse_line(line, strlen(line) - 4, false, &l, &why), 0);
}
END_TEST

static char scratch[64];

/* Read a fixture tree; with links, a copy whose /proc/PID/fd links are made
 * by tests/mkproc.sh (git and make dist do not keep dangling symlinks). */
static struct listeners *read_fixture(const char *tree, bool links)
{
	char root[4096];
	const char *fx = getenv("FIXTURES"), *tests = getenv("TESTS_DIR");
	ck_assert_msg(fx && *fx && tests && *tests, "FIXTURES or TESTS_DIR is not set");
	snprintf(root, sizeof(root), "%s/%s", fx, tree);
	if (links) {
		char cmd[8400];
		snprintf(scratch, sizeof(scratch), "/tmp/portscope-proc-XXXXXX");
		ck_assert_ptr_nonnull(mkdtemp(scratch));
		snprintf(cmd, sizeof(cmd), "'%s/mkproc.sh' '%s' '%s'", tests, root, scratch);
		ck_assert_int_eq(system(cmd), 0);
		snprintf(root, sizeof(root), "%s", scratch);
	}
	setenv("PORTSCOPE_SYSROOT", root, 1);
	struct ps_error err = PS_ERROR_INIT;
	struct listeners *ls = listeners_read(&err);
	ck_assert_ptr_nonnull(ls);
	if (links) {
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
		ck_assert_int_eq(system(cmd), 0);
	}
	return ls;
}

START_TEST(fixture_tree)
{
	struct listeners *ls = read_fixture("sysroot-listeners", true);
	ck_assert_uint_eq(ls->n, 8);
	ck_assert_uint_eq(ls->malformed, 0);
	ck_assert_uint_eq(ls->unreadable, 1); /* /proc/300/fd is not a directory */
	const struct listener *l;
	ck_assert_uint_eq(listeners_at(ls, 22, &l), 1);
	ck_assert_int_eq(l->pid, 42); /* shared with pid 250: the lowest wins */
	ck_assert_str_eq(l->process, "sshd");
	ck_assert_uint_eq(listeners_at(ls, 53, &l), 1);
	ck_assert_int_eq(l->transport, TRANSPORT_UDP);
	ck_assert_int_eq(l->pid, -1); /* held by the unreadable process */
	ck_assert_ptr_null(l->process);
	ck_assert_uint_eq(listeners_at(ls, 8082, &l), 1);
	ck_assert_str_eq(l->addr, "::ffff:127.0.0.1");
	ck_assert(l->v6);
	ck_assert_uint_eq(listeners_at(ls, 80, &l), 0); /* TIME_WAIT is not listening */
	ck_assert(listeners_in_use(ls, 8080, TRANSPORT_TCP));
	ck_assert(!listeners_in_use(ls, 8080, TRANSPORT_UDP));
	ck_assert(listeners_in_use(ls, 5353, TRANSPORT_ANY));
	ck_assert(!listeners_in_use(ls, 40960, TRANSPORT_ANY)); /* connected UDP */
	listeners_free(ls);
}
END_TEST

START_TEST(fixture_malformed)
{
	struct listeners *ls = read_fixture("sysroot-malformed", false);
	ck_assert_uint_eq(ls->n, 2);
	ck_assert_uint_eq(ls->malformed, 5);
	ck_assert_uint_eq(ls->malformed_line, 3);
	ck_assert_ptr_nonnull(strstr(ls->malformed_file, "sysroot-malformed/proc/net/tcp"));
	listeners_free(ls);
}
END_TEST

/* Write text to root/rel (the directories must exist). */
static void put(const char *root, const char *rel, const char *text)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

#define HEAD "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when\n"

/* Races frozen: a socket listed twice (/proc/net reads repeat one when
 * another closes), and a last line cut inside its inode ("3011" as "30")
 * while pid 9 holds a socket 30. */
START_TEST(fixture_races)
{
	char root[] = "/tmp/portscope-races-XXXXXX", cmd[128];
	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/proc/net' '%s/proc/9/fd'", root, root);
	ck_assert_int_eq(system(cmd), 0);
	put(root, "proc/net/tcp",
	    HEAD "0: 0100007F:1B59 00000000:0000 0A" TAIL "3001 1 0\n"
		 "1: 0100007F:1B59 00000000:0000 0A" TAIL "3001 1 0\n");
	put(root, "proc/net/udp", HEAD "0: 0100007F:1B63 00000000:0000 07" TAIL "30");
	put(root, "proc/9/comm", "holder\n");
	snprintf(cmd, sizeof(cmd), "ln -s 'socket:[30]' '%s/proc/9/fd/3'", root);
	ck_assert_int_eq(system(cmd), 0);
	setenv("PORTSCOPE_SYSROOT", root, 1);
	struct ps_error err = PS_ERROR_INIT;
	struct listeners *ls = listeners_read(&err);
	ck_assert_ptr_nonnull(ls);
	ck_assert_uint_eq(ls->n, 1);
	ck_assert_uint_eq(ls->v[0].port, 7001);
	ck_assert_int_eq(ls->v[0].pid, -1);
	ck_assert_uint_eq(ls->malformed, 1);
	ck_assert_uint_eq(ls->malformed_line, 2);
	ck_assert_str_eq(ls->malformed_why, "line cut short (no newline at the end)");
	listeners_free(ls);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *listeners_suite(void)
{
	Suite *s = suite_create("listeners");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, ipv4_line);
	tcase_add_test(tc, ipv6_lines);
	tcase_add_test(tc, malformed_lines);
	tcase_add_test(tc, fixture_tree);
	tcase_add_test(tc, fixture_malformed);
	tcase_add_test(tc, fixture_races);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(listeners_suite)
