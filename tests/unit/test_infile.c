/* SPDX-License-Identifier: MIT */
/* test_infile.c: the one opener (infile.h), as a property over every kind
 * of file and every kind of input: a regular file reads whole up to its
 * kind's cap and never past it; a directory, device or socket is refused;
 * a FIFO is refused except as a registry, and then waits at most 5 s for
 * a writer; a symlink is judged by what it points to. Every case runs under
 * an alarm, so a block fails the test instead of hanging it. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "infile.h"
#include "testutil.h"

static char dir[] = "/tmp/portscope-infile-XXXXXX";

/* A path in the scratch directory. */
static const char *at(const char *name)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static void write_file(const char *name, size_t bytes)
{
	FILE *fp = fopen(at(name), "w");
	ck_assert_ptr_nonnull(fp);
	for (size_t i = 0; i < bytes; i++)
		fputc(i % 64 == 63 ? '\n' : 'a', fp);
	ck_assert_int_eq(fclose(fp), 0);
}

static int count_bytes(void *ctx, const char *buf, size_t len)
{
	(void)buf;
	*(size_t *)ctx += len;
	return 0;
}

/* Read name as kind under an 8 s alarm: 0, or -1 with errno. */
static int read_as(const char *name, enum infile_kind kind, size_t *got)
{
	struct ps_error err = PS_ERROR_INIT;
	*got = 0;
	alarm(8);
	int rc = infile_read(at(name), kind, &err, count_bytes, got);
	int e = errno;
	alarm(0);
	if (rc < 0) {
		ck_assert_msg(error_is_set(&err), "%s: -1 without a message", name);
		ck_assert_str_eq(err.file, at(name));
	}
	error_clear(&err);
	errno = e;
	return rc;
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file("small", 1000);
	write_file("empty", 0);
	ck_assert_int_eq(mkdir(at("dir"), 0700), 0);
	ck_assert_int_eq(mkfifo(at("fifo"), 0600), 0);
	ck_assert_int_eq(symlink("small", at("link-small")), 0);
	ck_assert_int_eq(symlink("/dev/zero", at("link-zero")), 0);
	ck_assert_int_eq(symlink("fifo", at("link-fifo")), 0);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	const char *sock = at("sock");
	ck_assert_uint_lt(strlen(sock), sizeof(sa.sun_path));
	memcpy(sa.sun_path, sock, strlen(sock) + 1);
	ck_assert_int_eq(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	close(s);
}

static void teardown(void)
{
	static const char *const names[] = {"small",	 "empty",     "dir",  "fifo", "link-small",
					    "link-zero", "link-fifo", "sock", "big"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		remove(at(names[i]));
	rmdir(dir);
}

/* Every kind against every type of file. */
START_TEST(types_by_kind)
{
	enum infile_kind k = (enum infile_kind)_i;
	size_t got;
	ck_assert_int_eq(read_as("small", k, &got), 0);
	ck_assert_uint_eq(got, 1000);
	ck_assert_int_eq(read_as("empty", k, &got), 0);
	ck_assert_uint_eq(got, 0);
	ck_assert_int_eq(read_as("link-small", k, &got), 0);
	ck_assert_uint_eq(got, 1000);
	ck_assert_int_eq(read_as("missing", k, &got), -1);
	ck_assert_int_eq(errno, ENOENT);
	static const char *const refused[] = {"dir", "link-zero", "sock"};
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(read_as(refused[i], k, &got), -1);
		ck_assert_int_eq(errno, EINVAL);
		ck_assert_uint_eq(got, 0);
	}
	/* a FIFO with no writer: every kind refuses it, the registry after
	 * waiting 5 s for a writer, the others at once */
	for (int i = 0; i < 2; i++) {
		const char *name = i ? "link-fifo" : "fifo";
		ck_assert_int_eq(read_as(name, k, &got), -1);
		ck_assert_int_eq(errno, EINVAL);
	}
}
END_TEST

/* A file of exactly the cap reads; one byte more stops with EFBIG, and
 * never more than the cap reaches the reader. */
START_TEST(caps)
{
	static const enum infile_kind small[] = {INFILE_VALUE, INFILE_META, INFILE_CONFIG};
	for (size_t i = 0; i < 3; i++) {
		size_t cap = infile_cap(small[i]), got;
		write_file("big", cap);
		ck_assert_int_eq(read_as("big", small[i], &got), 0);
		ck_assert_uint_eq(got, cap);
		write_file("big", cap + 1);
		ck_assert_int_eq(read_as("big", small[i], &got), -1);
		ck_assert_int_eq(errno, EFBIG);
		ck_assert_uint_le(got, cap);
	}
	/* the large caps, on a sparse file (no disk used) */
	static const enum infile_kind large[] = {INFILE_SERVICES, INFILE_PROC_TABLE};
	for (size_t i = 0; i < 2; i++) {
		size_t cap = infile_cap(large[i]), got;
		int fd = open(at("big"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(ftruncate(fd, (off_t)cap + 1), 0);
		close(fd);
		ck_assert_int_eq(read_as("big", large[i], &got), -1);
		ck_assert_int_eq(errno, EFBIG);
		ck_assert_uint_le(got, cap);
	}
}
END_TEST

/* A FIFO with a writer, as the registry: the whole stream is read. */
START_TEST(registry_from_a_writer)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open(at("fifo"), O_WRONLY);
		char buf[4096];
		memset(buf, 'x', sizeof(buf));
		for (int i = 0; i < 100; i++)
			if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
				_exit(1);
		_exit(0);
	}
	/* the writer comes after the reader: the reader waits for it */
	size_t got;
	ck_assert_int_eq(read_as("fifo", INFILE_REGISTRY, &got), 0);
	ck_assert_uint_eq(got, 409600);
	int status;
	waitpid(pid, &status, 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

/* infile_slurp appends the whole file. */
START_TEST(slurp)
{
	struct strbuf sb = STRBUF_INIT;
	struct ps_error err = PS_ERROR_INIT;
	strbuf_adds(&sb, "head:");
	ck_assert_int_eq(infile_slurp(at("small"), INFILE_VALUE, &sb, &err), 0);
	ck_assert_uint_eq(sb.len, 1005);
	ck_assert_int_eq(memcmp(sb.data, "head:aaa", 8), 0);
	ck_assert_int_eq(infile_slurp(at("dir"), INFILE_VALUE, &sb, &err), -1);
	ck_assert_str_eq(err.msg, "is a directory, not a file");
	error_clear(&err);
	strbuf_free(&sb);
}
END_TEST

static Suite *infile_suite(void)
{
	Suite *s = suite_create("infile");
	TCase *tc = tcase_create("opener");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, types_by_kind, 0, INFILE_KINDS);
	tcase_add_test(tc, caps);
	tcase_add_test(tc, registry_from_a_writer);
	tcase_add_test(tc, slurp);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(infile_suite)
