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

const char *nmaprun_program(void)
{
	const char *p = getenv("PORTSCOPE_NMAP");
	return p && *p ? p : "nmap";
}

/* An executable at dir/name (dir of n bytes; none: the current directory). */
static bool nmaprun_executable(const char *dir, size_t n, const char *name)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%.*s%s%s", (int)n, dir, n ? "/" : "", name);
	bool ok = !path.failed && access(strbuf_str(&path), X_OK) == 0;
	strbuf_free(&path);
	return ok;
}

bool nmaprun_available(const char *program)
{
	if (strchr(program, '/'))
		return access(program, X_OK) == 0;
	const char *dirs = getenv("PATH");
	if (!dirs)
		dirs = "/bin:/usr/bin";
	for (const char *d = dirs;; d++) {
		size_t n = strcspn(d, ":");
		if (nmaprun_executable(d, n, program))
			return true;
		d += n;
		if (!*d)
			return false;
	}
}

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

int nmaprun_check_targets(char *const *t, size_t n, struct ps_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!nmaprun_target_ok(t[i]))
			return error_set(err, NULL, 0,
					 _("bad target '%s': letters, digits and . : / - , [ ] "
					   "only, not starting with '-'"),
					 t[i]);
	return 0;
}

size_t nmaprun_families(char *const *t, size_t n, char **fam)
{
	size_t n4 = 0, n6 = 0;
	for (size_t i = 0; i < n; i++) /* IPv4 from the start, IPv6 from the end */
		if (!nmaprun_target_ipv6(t[i]))
			fam[n4++] = t[i];
	for (size_t i = n; i-- > 0;)
		if (nmaprun_target_ipv6(t[i]))
			fam[n - ++n6] = t[i];
	return n4;
}

unsigned nmaprun_ports_list(struct strbuf *out, const uint8_t *want)
{
	unsigned n = 0;
	for (unsigned p = 0; p < PORT_COUNT; p++) {
		if (!want[p])
			continue;
		unsigned q = p;
		while (q + 1 < PORT_COUNT && want[q + 1])
			q++;
		strbuf_addf(out, q > p ? "%s%u-%u" : "%s%u", out->len ? "," : "", p, q);
		n += q - p + 1;
		p = q;
	}
	return n;
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
 * standard output and error, in a process group of its own when detach;
 * errno's value on failure, else 0. */
static int nmaprun_spawn(const struct nmaprun_opts *o, char **argv, const int out[2],
			 const int errp[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int rc = posix_spawn_file_actions_init(&fa);
	if (rc)
		return rc;
	if ((rc = posix_spawnattr_init(&attr))) {
		posix_spawn_file_actions_destroy(&fa);
		return rc;
	}
	if (o->detach && !(rc = posix_spawnattr_setpgroup(&attr, 0)))
		rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	if (!rc && !(rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, errp[1], 2)))
		rc = posix_spawnp(pid, o->program, &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* Read what is there on fd (non-blocking) into sb, up to cap: until the
 * pipe is empty, or 1 MiB a call so a caller's loop (the TUI's) is not
 * held; false at end of file. One read a call would take in only 64 KiB a
 * poll, and a large report would then be cut by the time limit because
 * it was read slowly. */
static bool nmaprun_drain(int fd, struct strbuf *sb, size_t cap, bool *over)
{
	char buf[65536];
	for (int i = 0; i < 16 && !*over; i++) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0)
			return errno == EINTR || errno == EAGAIN;
		if (n == 0)
			return false;
		size_t room = sb->len < cap ? cap - sb->len : 0;
		strbuf_add(sb, buf, (size_t)n < room ? (size_t)n : room);
		if ((size_t)n > room)
			*over = true;
	}
	return true;
}

/* Stop pid (its group when detached): SIGTERM, a second to go, then
 * SIGKILL; its wait status. */
static int nmaprun_stop(pid_t pid, bool group)
{
	int ws = 0;
	kill(group ? -pid : pid, SIGTERM);
	bool reaped = false;
	for (int i = 0; i < 20 && !reaped; i++) {
		reaped = waitpid(pid, &ws, WNOHANG) == pid;
		struct timespec ts = {0, 50 * 1000 * 1000};
		if (!reaped)
			nanosleep(&ts, NULL);
	}
	if (!reaped)
		kill(pid, SIGKILL);
	while (!reaped && waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (group) /* what it left behind in its group (a wrapper's child) */
		kill(-pid, SIGKILL);
	return ws;
}

/* Close an open descriptor and mark it closed. */
static void nmaprun_close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Close the open ends of a pipe. */
static void nmaprun_close(int fds[2])
{
	nmaprun_close_fd(&fds[0]);
	nmaprun_close_fd(&fds[1]);
}

int nmaprun_start(const struct nmaprun_opts *o, struct nmaprun_job *j, struct ps_error *err)
{
	int out[2] = {-1, -1}, errp[2] = {-1, -1};
	char **argv = nmaprun_argv(o);
	memset(j, 0, sizeof(*j));
	j->out = j->err = -1;
	j->program = o->program;
	j->detach = o->detach;
	j->start = nmaprun_now();
	j->deadline = j->start + o->time_limit_s;
	if (!argv || pipe2(out, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		free(argv);
		nmaprun_close(out);
		return error_set(err, NULL, 0, _("cannot start %s: %s"), o->program,
				 strerror(errno));
	}
	int rc = nmaprun_spawn(o, argv, out, errp, &j->pid);
	free(argv);
	nmaprun_close_fd(&out[1]);
	nmaprun_close_fd(&errp[1]);
	if (rc) {
		nmaprun_close(out);
		nmaprun_close(errp);
		j->r.missing = rc == ENOENT;
		return error_set(err, NULL, 0, _("cannot run %s: %s"), o->program, strerror(rc));
	}
	j->out = out[0];
	j->err = errp[0];
	fcntl(j->out, F_SETFL, fcntl(j->out, F_GETFL) | O_NONBLOCK);
	fcntl(j->err, F_SETFL, fcntl(j->err, F_GETFL) | O_NONBLOCK);
	j->running = true;
	return 0;
}

/* Whether it has exited (then reaped, its status in j->ws). */
static bool nmaprun_exited(struct nmaprun_job *j)
{
	if (!j->reaped)
		j->reaped = waitpid(j->pid, &j->ws, WNOHANG) == j->pid;
	return j->reaped;
}

bool nmaprun_poll(struct nmaprun_job *j, int timeout_ms)
{
	struct pollfd pf[2] = {{j->out, POLLIN, 0}, {j->err, POLLIN, 0}};
	bool junk = false;
	if (j->out < 0 && j->err < 0 && nmaprun_exited(j))
		return true;
	double left = j->deadline - nmaprun_now();
	if (left <= 0) {
		j->r.cut = true;
		return true;
	}
	if (timeout_ms < 0 || timeout_ms > left * 1000)
		timeout_ms = (int)(left * 1000) + 1;
	if (j->out < 0 && j->err < 0) { /* its output closed, it still runs: wait a little */
		poll(NULL, 0, timeout_ms < 10 ? timeout_ms : 10);
		return nmaprun_exited(j);
	}
	int n = poll(pf, 2, timeout_ms);
	if (n < 0 && errno != EINTR)
		return true;
	if (n > 0 && pf[0].revents && !nmaprun_drain(j->out, &j->r.xml, NMAPRUN_XML_CAP, &j->over))
		nmaprun_close_fd(&j->out);
	if (n > 0 && pf[1].revents && !nmaprun_drain(j->err, &j->r.errors, NMAPRUN_ERR_CAP, &junk))
		nmaprun_close_fd(&j->err);
	return j->over || (j->out < 0 && j->err < 0 && nmaprun_exited(j));
}

double nmaprun_elapsed(const struct nmaprun_job *j)
{
	return nmaprun_now() - j->start;
}

int nmaprun_finish(struct nmaprun_job *j, struct nmaprun_result *r, struct ps_error *err)
{
	int ws = 0;
	nmaprun_close_fd(&j->out);
	nmaprun_close_fd(&j->err);
	if (j->reaped)
		ws = j->ws;
	else if (j->r.cut || j->over)
		ws = nmaprun_stop(j->pid, j->detach);
	else
		while (waitpid(j->pid, &ws, 0) < 0 && errno == EINTR)
			;
	j->running = false;
	*r = j->r;
	memset(&j->r, 0, sizeof(j->r));
	r->seconds = nmaprun_elapsed(j);
	r->status = WIFEXITED(ws) && !r->cut && !j->over ? WEXITSTATUS(ws) : -1;
	if (j->over)
		return error_set(err, NULL, 0, _("%s wrote more than %zu MiB: stopped"), j->program,
				 NMAPRUN_XML_CAP >> 20);
	return 0;
}

void nmaprun_cancel(struct nmaprun_job *j)
{
	if (!j->running)
		return;
	nmaprun_close_fd(&j->out);
	nmaprun_close_fd(&j->err);
	if (!j->reaped) /* a reaped pid may be another process's by now */
		nmaprun_stop(j->pid, j->detach);
	j->running = false;
	nmaprun_result_free(&j->r);
}

/* Free what a run collected. */
void nmaprun_result_free(struct nmaprun_result *r)
{
	strbuf_free(&r->xml);
	strbuf_free(&r->errors);
}
