/* SPDX-License-Identifier: MIT */
/* test_services.c: the services(5) parser and loader. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "services.h"
#include "testutil.h"

struct seen {
	int n;
	struct services_entry last;
	char name[64];
};

static int collect(void *ctx, const struct services_entry *e, struct ps_error *err)
{
	(void)err;
	struct seen *s = ctx;
	s->n++;
	s->last = *e;
	snprintf(s->name, sizeof(s->name), "%.*s", (int)e->name_len, e->name);
	return 0;
}

START_TEST(etc_services_lines)
{
	struct ps_error err = PS_ERROR_INIT;
	struct registry *reg = load_mem(&services_loader,
					"# comment\n"
					"\n"
					"tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer\n"
					"discard\t\t9/udp\t\tsink null\n"
					"discard\t\t9/tcp/udp/sctp/dccp\t# Discard\n"
					"x11\t6000-6063/tcp\n",
					&err);
	ck_assert_msg(reg != NULL, "%s", err.msg);
	ck_assert_uint_eq(reg->nrec, 7);
	ck_assert_str_eq(registry_field(reg, &reg->rec[0], FIELD_DESCRIPTION),
			 "TCP port service multiplexer");
	ck_assert_str_eq(registry_field(reg, &reg->rec[1], FIELD_NOTES), "sink null");
	ck_assert_uint_eq(reg->rec[1].line, 4);
	ck_assert_int_eq(reg->rec[5].transport, TRANSPORT_DCCP);
	ck_assert_int_eq(reg->rec[6].port_hi, 6063);
	ck_assert_int_eq(registry_state(reg, 9, TRANSPORT_SCTP), STATE_ASSIGNED);
	ck_assert_int_eq(registry_state(reg, 2, TRANSPORT_ANY), STATE_UNASSIGNED);
	registry_free(reg);
}
END_TEST

START_TEST(nmap_frequency)
{
	struct ps_error err = PS_ERROR_INIT;
	struct seen s = {0};
	const char *t = "tcpmux\t1/tcp\t0.001995\t# TCP Port Service Multiplexer [rfc-1078]\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "nmap", collect, &s, NULL, &err), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert_str_eq(s.name, "tcpmux");
	ck_assert(s.last.frequency > 0.00199 && s.last.frequency < 0.002);
	ck_assert_uint_eq(s.last.aliases_len, 0);
}
END_TEST

/* The frequency is "0.123", in any locale; other numbers stay aliases. */
START_TEST(frequency_locale_and_aliases)
{
	struct ps_error err = PS_ERROR_INIT;
	struct seen s = {0};
	/* de_DE.utf8 is a comma locale (where strtod stopped at the '.');
	 * without it the test runs in C and must pass all the same */
	char *old = strdup(setlocale(LC_NUMERIC, NULL));
	setlocale(LC_NUMERIC, "de_DE.utf8");
	const char *t = "http\t80/tcp\t0.484143\t# World Wide Web HTTP\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "nmap", collect, &s, NULL, &err), 0);
	ck_assert(s.last.frequency > 0.484142 && s.last.frequency < 0.484144);
	ck_assert_uint_eq(s.last.aliases_len, 0);
	setlocale(LC_NUMERIC, old);
	free(old);
	static const char *const aliases[] = {"0x10", "1e5", "2", "3com-tsmux", "1.", "1.5x", ".5"};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		char line[64];
		snprintf(line, sizeof(line), "svc 5/tcp %s\n", aliases[i]);
		ck_assert_int_eq(
			services_parse_mem(line, strlen(line), "svc", collect, &s, NULL, &err), 0);
		ck_assert_msg(s.last.frequency == -1, "'%s' taken as a frequency", aliases[i]);
		ck_assert_uint_eq(s.last.aliases_len, strlen(aliases[i]));
	}
	t = "x 9/udp 7.25 alias\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "svc", collect, &s, NULL, &err), 0);
	ck_assert(s.last.frequency == 7.25);
	ck_assert_uint_eq(s.last.aliases_len, 5);
}
END_TEST

START_TEST(bad_lines)
{
	struct ps_error err = PS_ERROR_INIT;
	struct seen s = {0};
	const char *t = "ok 1/tcp\nbroken\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "svc", collect, &s, NULL, &err), -1);
	ck_assert_uint_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "expected 'port/protocol' after the service name");
	t = "a 1/tcp\nb 2/tcp\nc 70000/udp\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "svc", collect, &s, NULL, &err), -1);
	ck_assert_uint_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "bad port '70000': port out of range 0-65535");
	t = "a x/tcp\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "svc", collect, &s, NULL, &err), -1);
	ck_assert_str_eq(err.msg, "bad port 'x': not a port number or range");
	/* a NUL byte is reported on its own line, not the block's first */
	static const char nul[] = "a 1/tcp\nb 2/tcp\nc\0 3/tcp\n";
	ck_assert_int_eq(services_parse_mem(nul, sizeof(nul) - 1, "svc", collect, &s, NULL, &err),
			 -1);
	ck_assert_uint_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "NUL byte in the data: not a text file");
	ck_assert_int_eq(services_parse_mem("\0", 1, "svc", collect, &s, NULL, &err), -1);
	ck_assert_uint_eq(err.line, 1);
	error_clear(&err);
}
END_TEST

/* The loaders skip a malformed line, count it, keep the first's place and
 * reason, and keep every other line. */
START_TEST(bad_lines_skipped)
{
	struct ps_error err = PS_ERROR_INIT;
	struct ps_skips sk = PS_SKIPS_INIT;
	struct seen s = {0};
	const char *t = "a 1/tcp\nx 99999/tcp\nnoport\nb 0x50/tcp\nc 3/udp\n";
	ck_assert_int_eq(services_parse_mem(t, strlen(t), "svc", collect, &s, &sk, &err), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.name, "c");
	ck_assert_uint_eq(sk.n, 3);
	ck_assert_uint_eq(sk.line, 2);
	ck_assert_str_eq(sk.why, "bad port '99999': port out of range 0-65535");
	skips_clear(&sk);
	/* a line longer than FIELD_MAX, split across blocks, is one skip */
	struct strbuf big = STRBUF_INIT;
	strbuf_adds(&big, "a 1/tcp\nlong ");
	for (int i = 0; i < FIELD_MAX / 8 + 10; i++)
		strbuf_adds(&big, "xxxxxxxx");
	strbuf_adds(&big, " 2/tcp\nb 3/tcp\n");
	char path[] = "/tmp/portscope-services-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, big.data, big.len), (ssize_t)big.len);
	close(fd);
	s.n = 0;
	ck_assert_int_eq(services_parse_file(path, collect, &s, &sk, &err), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.name, "b");
	ck_assert_uint_eq(sk.n, 1);
	ck_assert_uint_eq(sk.line, 2);
	ck_assert_str_eq(sk.why, "line longer than 65536 bytes");
	skips_clear(&sk);
	/* strict: the same file is an error at that line */
	ck_assert_int_eq(services_parse_file(path, collect, &s, NULL, &err), -1);
	ck_assert_uint_eq(err.line, 2);
	unlink(path);
	strbuf_free(&big);
	/* a NUL byte still stops the file: it is not text */
	static const char nul[] = "a 1/tcp\nb\0 2/tcp\n";
	ck_assert_int_eq(services_parse_mem(nul, sizeof(nul) - 1, "svc", collect, &s, &sk, &err),
			 -1);
	skips_clear(&sk);
	error_clear(&err);
}
END_TEST

START_TEST(wireshark_file_if_present)
{
	/* quickstart installs libwireshark-data; the file is IANA-derived */
	struct registry *reg = load_or_fail("/usr/share/wireshark/services");
	ck_assert(reg->degraded);
	ck_assert_uint_gt(reg->nrec, 5000);
	const uint32_t *idx;
	size_t n = registry_find_service(reg, "https", &idx);
	ck_assert_uint_ge(n, 2);
	ck_assert_int_eq(registry_state(reg, 443, TRANSPORT_TCP), STATE_ASSIGNED);
	registry_free(reg);
}
END_TEST

static Suite *services_suite(void)
{
	Suite *s = suite_create("services");
	TCase *tc = tcase_create("parser");
	tcase_add_test(tc, etc_services_lines);
	tcase_add_test(tc, nmap_frequency);
	tcase_add_test(tc, frequency_locale_and_aliases);
	tcase_add_test(tc, bad_lines);
	tcase_add_test(tc, bad_lines_skipped);
	tcase_add_test(tc, wireshark_file_if_present);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(services_suite)
