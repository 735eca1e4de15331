/* SPDX-License-Identifier: MIT */
/* listen_helper.c: a test and benchmark helper that holds listening sockets
 * open on loopback ephemeral ports (bind to port 0) until killed.
 *   listen_helper [-n COUNT] [-4] [-6] [-u] [-p PORT]
 * -4 / -6: 127.0.0.1 / ::1 (default both); -n sockets per family and
 * transport (default 1); -u adds unconnected UDP sockets; -p binds PORT
 * instead of an ephemeral one (exit 1 when it is taken). Prints one line
 * "tcp4|tcp6|udp4|udp6 PORT" per socket for the first 16 of each kind,
 * then "ready", and waits (at most 10 minutes). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

/* -p: the port to bind, 0 for an ephemeral one. */
static unsigned short fixed_port;

/* Bind (and for TCP listen on) one socket; its port, or -1. */
static int open_one(int family, int type)
{
	int fd = socket(family, type, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof(ss));
	socklen_t len;
	if (family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		a->sin_port = htons(fixed_port);
		len = sizeof(*a);
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		a->sin6_port = htons(fixed_port);
		len = sizeof(*a);
	}
	if (bind(fd, (struct sockaddr *)&ss, len) < 0 ||
	    (type == SOCK_STREAM && listen(fd, 16) < 0) ||
	    getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	return ntohs(family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port
				       : ((struct sockaddr_in6 *)&ss)->sin6_port);
}

static void raise_fd_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int main(int argc, char **argv)
{
	long n = 1;
	int v4 = 0, v6 = 0, udp = 0, c;
	while ((c = getopt(argc, argv, "n:46up:")) != -1) {
		if (c == 'p')
			fixed_port = (unsigned short)strtol(optarg, NULL, 10);
		else if (c == 'n')
			n = strtol(optarg, NULL, 10);
		else if (c == '4')
			v4 = 1;
		else if (c == '6')
			v6 = 1;
		else if (c == 'u')
			udp = 1;
		else
			return 2;
	}
	if (!v4 && !v6)
		v4 = v6 = 1;
	raise_fd_limit();
	const struct {
		const char *name;
		int family, type, on;
	} kinds[] = {
		{"tcp4", AF_INET, SOCK_STREAM, v4},
		{"tcp6", AF_INET6, SOCK_STREAM, v6},
		{"udp4", AF_INET, SOCK_DGRAM, v4 && udp},
		{"udp6", AF_INET6, SOCK_DGRAM, v6 && udp},
	};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (long i = 0; kinds[k].on && i < n; i++) {
			int port = open_one(kinds[k].family, kinds[k].type);
			if (port < 0) {
				perror(kinds[k].name);
				return 1;
			}
			if (i < 16)
				printf("%s %d\n", kinds[k].name, port);
		}
	printf("ready\n");
	fflush(stdout);
	alarm(600);
	for (;;)
		pause();
}
