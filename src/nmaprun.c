/* SPDX-License-Identifier: MIT */
/* nmaprun.c: nmap as a child process, bounded in time and output. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "nmaprun.h"

extern char **environ;

/* The most of nmap's standard output and error kept. */
#define NMAPRUN_XML_CAP ((size_t)256 << 20)
#define NMAPRUN_ERR_CAP ((size_t)64 << 10)

/* Shell-free characters only, and no option in disguise. */
bool nmaprun_target_ok(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr(".:/-,[]", *s)))
			return false;
	return true;
}

bool nmaprun_target_ipv6(const char *s)
{
	return strchr(s, ':') != NULL;
}

/* nmap's arguments: options, "--", then the targets. */
char **nmaprun_argv(const struct nmaprun_opts *o)
{
	static const char *const head[] = {
		/* -n: no reverse DNS, no traffic but the scan */
		"-oX",
		"-",
		"-n",
		"-T4",
		"--max-retries",
		"1",
		"--host-timeout",
		NMAPRUN_HOST_TIMEOUT,
	};
	size_t nh = sizeof(head) / sizeof(head[0]), n = 0;
	char **v = malloc((nh + 8 + o->ntargets) * sizeof(*v));
	if (!v)
		return NULL;
	v[n++] = (char *)o->program;
	for (size_t i = 0; i < nh; i++)
		v[n++] = (char *)head[i];
	v[n++] = (char *)(o->transport == TRANSPORT_UDP ? "-sU" : "-sT");
	if (o->ipv6)
		v[n++] = (char *)"-6";
	if (o->ports) {
		v[n++] = (char *)"-p";
		v[n++] = (char *)o->ports;
	}
	v[n++] = (char *)"--";
	for (size_t i = 0; i < o->ntargets; i++)
		v[n++] = o->targets[i];
	v[n] = NULL;
	return v;
}

/* Monotonic seconds. */
static double nmaprun_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Start the program with stdin from /dev/null and out[1], err[1] as its
 * standard output and error; errno's value on failure, else 0. */
static int nmaprun_spawn(const struct nmaprun_opts *o, char **argv, const int out[2],
			 const int errp[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	int rc = posix_spawn_file_actions_init(&fa);
	if (rc)
		return rc;
	if (!(rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, errp[1], 2)))
		rc = posix_spawnp(pid, o->program, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* Read what is there on fd into sb (up to cap); false at end of file. */
static bool nmaprun_drain(int fd, struct strbuf *sb, size_t cap, bool *over)
{
	char buf[65536];
	ssize_t n = read(fd, buf, sizeof(buf));
	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return false;
	size_t room = sb->len < cap ? cap - sb->len : 0;
	strbuf_add(sb, buf, (size_t)n < room ? (size_t)n : room);
	if ((size_t)n > room)
		*over = true;
	return true;
}

/* Collect both streams until they end or the deadline passes (then
 * r->cut). over: the report outgrew its cap. */
static void nmaprun_collect(int out, int errfd, double deadline, struct nmaprun_result *r,
			    bool *over)
{
	struct pollfd pf[2] = {{out, POLLIN, 0}, {errfd, POLLIN, 0}};
	bool junk = false;
	while ((pf[0].fd >= 0 || pf[1].fd >= 0) && !*over) {
		double left = deadline - nmaprun_now();
		if (left <= 0) {
			r->cut = true;
			return;
		}
		int n = poll(pf, 2, (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR)
			return;
		if (n > 0 && pf[0].revents && !nmaprun_drain(out, &r->xml, NMAPRUN_XML_CAP, over))
			pf[0].fd = -1;
		if (n > 0 && pf[1].revents &&
		    !nmaprun_drain(errfd, &r->errors, NMAPRUN_ERR_CAP, &junk))
			pf[1].fd = -1;
	}
}

/* Stop pid: SIGTERM, a second to go, then SIGKILL; its wait status. */
static int nmaprun_stop(pid_t pid)
{
	int ws = 0;
	kill(pid, SIGTERM);
	for (int i = 0; i < 20; i++) {
		if (waitpid(pid, &ws, WNOHANG) == pid)
			return ws;
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	return ws;
}

/* Close the open ends of a pipe. */
static void nmaprun_close(int fds[2])
{
	for (int i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

/* Spawn, collect, bound in time, reap. */
int nmaprun_run(const struct nmaprun_opts *o, struct nmaprun_result *r, struct ps_error *err)
{
	int out[2] = {-1, -1}, errp[2] = {-1, -1}, ws = 0;
	char **argv = nmaprun_argv(o);
	double start = nmaprun_now();
	pid_t pid;
	bool over = false;
	memset(r, 0, sizeof(*r));
	if (!argv || pipe2(out, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		free(argv);
		nmaprun_close(out);
		return error_set(err, NULL, 0, _("cannot start %s: %s"), o->program,
				 strerror(errno));
	}
	int rc = nmaprun_spawn(o, argv, out, errp, &pid);
	free(argv);
	close(out[1]);
	close(errp[1]);
	if (rc) {
		close(out[0]);
		close(errp[0]);
		r->missing = rc == ENOENT;
		return error_set(err, NULL, 0, _("cannot run %s: %s"), o->program, strerror(rc));
	}
	nmaprun_collect(out[0], errp[0], start + o->time_limit_s, r, &over);
	close(out[0]);
	close(errp[0]);
	if (r->cut || over)
		ws = nmaprun_stop(pid);
	else
		while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
			;
	r->seconds = nmaprun_now() - start;
	r->status = WIFEXITED(ws) && !r->cut && !over ? WEXITSTATUS(ws) : -1;
	if (over)
		return error_set(err, NULL, 0, _("%s wrote more than %zu MiB: stopped"), o->program,
				 NMAPRUN_XML_CAP >> 20);
	return 0;
}

/* Free what a run collected. */
void nmaprun_result_free(struct nmaprun_result *r)
{
	strbuf_free(&r->xml);
	strbuf_free(&r->errors);
}
