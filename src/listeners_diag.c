/* SPDX-License-Identifier: MIT */
/* listeners_diag.c: the listening sockets of one table (TCP or UDP, IPv4
 * or IPv6) from the kernel's NETLINK_SOCK_DIAG interface, the way `ss`
 * asks for them: the kernel filters by state and sends binary records, so
 * nothing is formatted as text and parsed back. */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "listeners.h"

/* The kernel's socket states (include/net/tcp_states.h). */
#define DIAG_TCP_LISTEN 10
#define DIAG_TCP_CLOSE 7 /* UDP: bound, no peer */

/* Ask for every socket of family and protocol in state. */
static int diag_request(int fd, int family, int protocol, unsigned state)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} msg;
	memset(&msg, 0, sizeof(msg));
	msg.nlh.nlmsg_len = sizeof(msg);
	msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	msg.nlh.nlmsg_seq = 1;
	msg.req.sdiag_family = (uint8_t)family;
	msg.req.sdiag_protocol = (uint8_t)protocol;
	msg.req.idiag_states = 1u << state;
	struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
	struct iovec iov = {&msg, sizeof(msg)};
	struct msghdr mh = {.msg_name = &kernel,
			    .msg_namelen = sizeof(kernel),
			    .msg_iov = &iov,
			    .msg_iovlen = 1};
	return sendmsg(fd, &mh, 0) == (ssize_t)sizeof(msg) ? 0 : -1;
}

/* One inet_diag_msg as the /proc reader would have seen its line. */
static int diag_one(struct listeners *ls, const struct inet_diag_msg *m, enum transport t, bool v6,
		    unsigned state)
{
	if (m->idiag_state != state)
		return 0;
	struct listeners_line l;
	memset(&l, 0, sizeof(l));
	l.state = state;
	l.port = ntohs(m->id.idiag_sport);
	l.inode = m->idiag_inode;
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, m->id.idiag_src, l.addr, sizeof(l.addr)))
		return 0;
	return listeners_add(ls, t, v6, &l);
}

/* The messages of one datagram; 1 at the end of the dump, -1 on error
 * (errno: the kernel's, or ENOMEM), 0 to read on. */
static int diag_messages(struct listeners *ls, const char *buf, size_t len, enum transport t,
			 bool v6, unsigned state)
{
	for (const struct nlmsghdr *h = (const void *)buf; NLMSG_OK(h, len);
	     h = NLMSG_NEXT(h, len)) {
		if (h->nlmsg_type == NLMSG_DONE)
			return 1;
		if (h->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(h);
			errno = h->nlmsg_len >= NLMSG_LENGTH(sizeof(*e)) && e->error ? -e->error
										     : EIO;
			return -1;
		}
		if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(struct inet_diag_msg)))
			continue;
		if (diag_one(ls, NLMSG_DATA(h), t, v6, state) < 0) {
			errno = ENOMEM;
			return -1;
		}
	}
	return 0;
}

int listeners_diag_table(struct listeners *ls, enum transport t, bool v6)
{
	unsigned state = t == TRANSPORT_TCP ? DIAG_TCP_LISTEN : DIAG_TCP_CLOSE;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return -1;
	size_t before = ls->n;
	int rc = diag_request(fd, v6 ? AF_INET6 : AF_INET,
			      t == TRANSPORT_TCP ? IPPROTO_TCP : IPPROTO_UDP, state);
	static char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO * 2)));
	while (rc == 0) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		rc = n <= 0 ? -1 : diag_messages(ls, buf, (size_t)n, t, v6, state);
	}
	int e = errno;
	close(fd);
	if (rc < 0)
		listeners_drop_from(ls, before); /* the caller reads /proc instead */
	errno = e;
	return rc < 0 ? -1 : 0;
}
