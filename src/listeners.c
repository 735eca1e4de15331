/* SPDX-License-Identifier: MIT */
/* listeners.c: listening sockets from netlink (listeners_diag.c) or
 * /proc/net and their owners from /proc/PID/fd, the way `ss -ltunp` finds
 * them. */
#include <config.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "listeners.h"
#include "infile.h"
#include "source.h"
#include "strbuf.h"
#include "tokens.h"

/* The kernel's socket states we keep (include/net/tcp_states.h). */
#define TCP_LISTEN_STATE 0x0A
#define UDP_UNCONNECTED_STATE 0x07 /* TCP_CLOSE: bound, no peer */

static const struct proc_net_file {
	const char *path;
	enum transport transport;
	bool v6;
	unsigned state;
} proc_net_files[] = {
	{"/proc/net/tcp", TRANSPORT_TCP, false, TCP_LISTEN_STATE},
	{"/proc/net/tcp6", TRANSPORT_TCP, true, TCP_LISTEN_STATE},
	{"/proc/net/udp", TRANSPORT_UDP, false, UDP_UNCONNECTED_STATE},
	{"/proc/net/udp6", TRANSPORT_UDP, true, UDP_UNCONNECTED_STATE},
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Exactly n (<= 8) hex digits as a number; false if any is not hex. */
static bool hex_word(const char *s, size_t n, uint32_t *v)
{
	uint32_t x = 0;
	for (size_t i = 0; i < n; i++) {
		int d = hex_digit(s[i]);
		if (d < 0)
			return false;
		x = x << 4 | (uint32_t)d;
	}
	*v = x;
	return true;
}

/* "ADDR:PORT" where ADDR is 8 (v4) or 32 (v6) hex digits. The kernel prints
 * each 32-bit word of the address as a host-order number (%08X of the raw
 * word), so storing the parsed number back into memory natively restores
 * the network-order bytes on either endianness. */
static int parse_endpoint(const char *s, size_t n, bool v6, char *addr, unsigned *port,
			  const char **why)
{
	size_t alen = v6 ? 32 : 8;
	uint32_t words[4], p;
	if (n != alen + 5 || s[alen] != ':') {
		*why = v6 ? N_("expected a 32-digit hex address and a 4-digit hex port")
			  : N_("expected an 8-digit hex address and a 4-digit hex port");
		return -1;
	}
	for (size_t i = 0; i < alen / 8; i++)
		if (!hex_word(s + 8 * i, 8, &words[i])) {
			*why = N_("address is not hexadecimal");
			return -1;
		}
	if (!hex_word(s + alen + 1, 4, &p)) {
		*why = N_("port is not hexadecimal");
		return -1;
	}
	unsigned char raw[16];
	memcpy(raw, words, alen / 2);
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, raw, addr, LISTENERS_ADDR_MAX)) {
		*why = N_("address cannot be rendered");
		return -1;
	}
	*port = p;
	return 0;
}

/* A decimal inode number, all digits, no overflow. */
static bool parse_inode(const char *s, size_t n, unsigned long *inode)
{
	unsigned long v = 0;
	if (n == 0 || n > 19)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		unsigned long d = (unsigned long)(s[i] - '0');
		if (v > (~0UL - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*inode = v;
	return true;
}

int listeners_parse_line(const char *s, size_t n, bool v6, struct listeners_line *out,
			 const char **why)
{
	const char *p = s, *end = s + n, *t[10];
	size_t tn[10];
	for (int i = 0; i < 10; i++)
		if (!tokens_next(&p, end, &t[i], &tn[i])) {
			*why = N_("too few fields (expected at least 10)");
			return -1;
		}
	if (tn[0] < 2 || t[0][tn[0] - 1] != ':') {
		*why = N_("expected 'N:' as the first field");
		return -1;
	}
	if (parse_endpoint(t[1], tn[1], v6, out->addr, &out->port, why) < 0)
		return -1;
	uint32_t st;
	if (tn[3] != 2 || !hex_word(t[3], 2, &st)) {
		*why = N_("expected a 2-digit hex socket state");
		return -1;
	}
	if (!parse_inode(t[9], tn[9], &out->inode)) {
		*why = N_("inode is not a decimal number");
		return -1;
	}
	out->state = st;
	return 0;
}

int listeners_add(struct listeners *ls, enum transport t, bool v6, const struct listeners_line *l)
{
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? ls->cap * 2 : 64;
		struct listener *v = realloc(ls->v, cap * sizeof(*v));
		if (!v)
			return -1;
		ls->v = v;
		ls->cap = cap;
	}
	struct listener *e = &ls->v[ls->n++];
	*e = (struct listener){
		.transport = t, .v6 = v6, .port = l->port, .inode = l->inode, .pid = -1};
	memcpy(e->addr, l->addr, sizeof(e->addr));
	return 0;
}

void listeners_drop_from(struct listeners *ls, size_t n)
{
	while (ls->n > n)
		free(ls->v[--ls->n].process);
}

static void note_malformed(struct listeners *ls, const char *path, unsigned long line,
			   const char *why)
{
	if (ls->malformed++ == 0) {
		ls->malformed_file = strdup(path);
		ls->malformed_line = line;
		ls->malformed_why = why;
	}
}

/* Longer /proc/net lines are malformed (the kernel's are ~150 bytes). */
#define NET_LINE_MAX 4096

/* One /proc/net file, read as a stream of lines. */
struct net_reader {
	struct listeners *ls;
	const struct proc_net_file *f;
	const char *path;
	unsigned long line;
	struct strbuf partial; /* a line split across blocks */
	bool overlong;	       /* skipping the rest of a too long line */
	bool oom;
};

/* One line (no newline); line 1 is the header. */
static int net_line(struct net_reader *r, const char *s, size_t n)
{
	struct listeners_line l;
	const char *why = NULL;
	if (++r->line == 1 || (n == 0 && !r->overlong))
		return 0;
	if (r->overlong) {
		note_malformed(r->ls, r->path, r->line, N_("line too long"));
		return 0;
	}
	if (listeners_parse_line(s, n, r->f->v6, &l, &why) < 0) {
		note_malformed(r->ls, r->path, r->line, why);
		return 0;
	}
	if (l.state == r->f->state && listeners_add(r->ls, r->f->transport, r->f->v6, &l) < 0)
		return (r->oom = true, -1);
	return 0;
}

/* Keep the unfinished end of a block, up to NET_LINE_MAX bytes. */
static int net_keep(struct net_reader *r, const char *s, size_t n)
{
	if (r->overlong || r->partial.len + n > NET_LINE_MAX) {
		r->overlong = true;
		strbuf_reset(&r->partial);
		return 0;
	}
	strbuf_add(&r->partial, s, n);
	return r->partial.failed ? (r->oom = true, -1) : 0;
}

static int net_feed(void *ctx, const char *buf, size_t len)
{
	struct net_reader *r = ctx;
	const char *end = buf + len;
	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		if (net_keep(r, buf, (size_t)((nl ? nl : end) - buf)) < 0)
			return -1;
		if (!nl)
			return 0;
		int rc = net_line(r, r->partial.data ? r->partial.data : "", r->partial.len);
		strbuf_reset(&r->partial);
		r->overlong = false;
		if (rc < 0)
			return -1;
		buf = nl + 1;
	}
	return 0;
}

/* Does the line end inside the 10 fields we parse (nothing after the inode)? */
static bool ends_in_parsed_fields(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *t;
	size_t tn;
	for (int i = 0; i < 10; i++)
		if (!tokens_next(&p, end, &t, &tn))
			return true;
	return p == end;
}

/* The end of a file that lacks its last newline. The kernel ends every
 * line, so the read was cut short; cut inside the inode, the line would
 * still parse, as another socket ("3011" read as "30") that some process
 * may hold. Such a line is malformed unless something follows the inode. */
static void net_last_line(struct net_reader *r, const char *s, size_t n)
{
	if (r->line > 0 && !r->overlong && ends_in_parsed_fields(s, n))
		note_malformed(r->ls, r->path, ++r->line,
			       N_("line cut short (no newline at the end)"));
	else
		net_line(r, s, n);
}

/* One /proc/net file; a missing or unreadable one is simply skipped. */
static int read_proc_net(struct listeners *ls, const struct proc_net_file *f)
{
	struct strbuf path = STRBUF_INIT;
	struct ps_error ignored = PS_ERROR_INIT;
	source_system_path(&path, f->path);
	struct net_reader r = {ls, f, strbuf_str(&path), 0, STRBUF_INIT, false, path.failed};
	int rc = r.oom ? -1 : infile_read(r.path, INFILE_PROC_TABLE, &ignored, net_feed, &r);
	if (rc == 0 && (r.partial.len || r.overlong))
		net_last_line(&r, r.partial.data ? r.partial.data : "", r.partial.len);
	/* absent or unreadable: skipped; anything else is not the kernel's */
	if (rc < 0 && !r.oom && (errno == EINVAL || errno == EFBIG) && !error_is_set(&ls->refused))
		ls->refused = ignored;
	else
		error_clear(&ignored);
	strbuf_free(&r.partial);
	strbuf_free(&path);
	return r.oom ? -1 : 0;
}

static int cmp_inode(const void *a, const void *b, void *ctx)
{
	const struct listener *v = ctx;
	unsigned long x = v[*(const uint32_t *)a].inode, y = v[*(const uint32_t *)b].inode;
	return (x > y) - (x < y);
}

/* Index of listeners sorted by inode, for the /proc/PID/fd walk. */
struct by_inode {
	const struct listeners *ls;
	uint32_t *idx;
};

static bool by_inode_build(struct by_inode *bi, const struct listeners *ls)
{
	bi->ls = ls;
	bi->idx = malloc((ls->n ? ls->n : 1) * sizeof(*bi->idx));
	if (!bi->idx)
		return false;
	for (size_t i = 0; i < ls->n; i++)
		bi->idx[i] = (uint32_t)i;
	qsort_r(bi->idx, ls->n, sizeof(*bi->idx), cmp_inode, ls->v);
	return true;
}

/* The range [*lo, *hi) of listeners with this inode (usually one). */
static void by_inode_find(const struct by_inode *bi, unsigned long inode, size_t *lo, size_t *hi)
{
	size_t a = 0, b = bi->ls->n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (bi->ls->v[bi->idx[m]].inode < inode)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	while (b < bi->ls->n && bi->ls->v[bi->idx[b]].inode == inode)
		b++;
	*hi = b;
}

/* "socket:[12345]" -> 12345; false for anything else. */
static bool socket_inode(const char *link, size_t n, unsigned long *inode)
{
	if (n < 10 || memcmp(link, "socket:[", 8) != 0 || link[n - 1] != ']')
		return false;
	return parse_inode(link + 8, n - 9, inode);
}

/* /proc/PID/comm without its newline, or NULL when unreadable. */
static char *read_comm(const char *proc, const char *pid)
{
	struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
	struct ps_error ignored = PS_ERROR_INIT;
	strbuf_addf(&path, "%s/%s/comm", proc, pid);
	char *comm = NULL;
	if (!path.failed && infile_slurp(strbuf_str(&path), INFILE_VALUE, &data, &ignored) == 0) {
		size_t n = data.len;
		if (n && data.data[n - 1] == '\n')
			n--;
		comm = strndup(data.data ? data.data : "", n);
	}
	error_clear(&ignored);
	strbuf_free(&path);
	strbuf_free(&data);
	return comm;
}

/* Give the listener pid and comm unless a lower pid already holds it;
 * *unowned counts the listeners no process has claimed yet. */
static int claim(struct listener *l, long pid, const char *comm, size_t *unowned)
{
	if (l->pid >= 0 && l->pid <= pid)
		return 0;
	char *c = comm ? strdup(comm) : NULL;
	if (comm && !c)
		return -1;
	if (l->pid < 0)
		(*unowned)--;
	free(l->process);
	l->pid = pid;
	l->process = c;
	return 0;
}

/* Match every socket fd of one process against the listeners. */
static int scan_fds(struct listeners *ls, const struct by_inode *bi, const char *proc,
		    const char *pidname, size_t *unowned)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/%s/fd", proc, pidname);
	DIR *d = path.failed ? NULL : opendir(strbuf_str(&path));
	strbuf_free(&path);
	if (!d) {
		if (errno != ENOENT) /* gone meanwhile is not "unreadable" */
			ls->unreadable++;
		return 0;
	}
	long pid = strtol(pidname, NULL, 10);
	char *comm = NULL;
	bool comm_read = false;
	int rc = 0;
	struct dirent *de;
	while (rc == 0 && (de = readdir(d))) {
		char link[64];
		unsigned long inode;
		size_t lo, hi;
		ssize_t n = readlinkat(dirfd(d), de->d_name, link, sizeof(link));
		if (n <= 0 || (size_t)n == sizeof(link) || !socket_inode(link, (size_t)n, &inode))
			continue;
		by_inode_find(bi, inode, &lo, &hi);
		if (lo < hi && !comm_read) {
			comm = read_comm(proc, pidname);
			comm_read = true;
		}
		for (size_t i = lo; rc == 0 && i < hi; i++)
			rc = claim(&ls->v[bi->idx[i]], pid, comm, unowned);
	}
	closedir(d);
	free(comm);
	return rc;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Walk /proc/PID/fd for every process, like ss -p, until every socket
 * has its owner when ascending says the directory lists processes in
 * ascending pid order: the kernel's /proc does (proc_pid_readdir walks
 * the pids upwards), so no later process can be a lower pid holding one
 * of them. A fixture tree under $PORTSCOPE_SYSROOT has no such order. */
static int map_owners(struct listeners *ls, bool ascending)
{
	if (ls->n == 0)
		return 0;
	struct by_inode bi;
	if (!by_inode_build(&bi, ls))
		return -1;
	struct strbuf proc = STRBUF_INIT;
	source_system_path(&proc, "/proc");
	DIR *d = proc.failed ? NULL : opendir(strbuf_str(&proc));
	int rc = proc.failed ? -1 : 0;
	size_t unowned = ls->n;
	struct dirent *de;
	while (d && rc == 0 && (unowned || !ascending) && (de = readdir(d)))
		if (all_digits(de->d_name))
			rc = scan_fds(ls, &bi, strbuf_str(&proc), de->d_name, &unowned);
	if (d)
		closedir(d);
	strbuf_free(&proc);
	free(bi.idx);
	return rc;
}

static int cmp_listener(const void *a, const void *b)
{
	const struct listener *x = a, *y = b;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	if (x->transport != y->transport)
		return x->transport < y->transport ? -1 : 1;
	if (x->v6 != y->v6)
		return x->v6 ? 1 : -1;
	int c = strcmp(x->addr, y->addr);
	if (c)
		return c;
	return (x->inode > y->inode) - (x->inode < y->inode);
}

/* One socket listed twice. A /proc/net read resumes each block at a
 * position in the kernel's hash table, so a socket closing meanwhile shifts
 * the rest and the next block repeats one (and one opening skips one). */
static bool same_socket(const struct listener *a, const struct listener *b)
{
	return a->inode && cmp_listener(a, b) == 0;
}

/* Drop the repeats of the sorted list, where they are neighbours. */
static void drop_repeats(struct listeners *ls)
{
	size_t k = 0;
	for (size_t i = 0; i < ls->n; i++) {
		if (k && same_socket(&ls->v[k - 1], &ls->v[i]))
			free(ls->v[i].process);
		else
			ls->v[k++] = ls->v[i];
	}
	ls->n = k;
}

static void index_ports(struct listeners *ls)
{
	if (ls->n)
		qsort(ls->v, ls->n, sizeof(*ls->v), cmp_listener);
	drop_repeats(ls);
	for (size_t i = 0; i < ls->n; i++)
		portbits_set(&ls->in_use, ls->v[i].transport, ls->v[i].port);
}

struct listeners *listeners_read(struct ps_error *err)
{
	struct listeners *ls = calloc(1, sizeof(*ls));
	int rc = ls ? 0 : -1;
	/* the kernel's own tables over netlink, each falling back to its
	 * /proc/net file; a fixture tree is only ever read as files */
	const char *root = getenv("PORTSCOPE_SYSROOT");
	bool live = !root || !*root;
	for (size_t i = 0; rc == 0 && i < sizeof(proc_net_files) / sizeof(proc_net_files[0]); i++) {
		const struct proc_net_file *f = &proc_net_files[i];
		if (!live || listeners_diag_table(ls, f->transport, f->v6) < 0)
			rc = read_proc_net(ls, f);
	}
	if (rc == 0)
		rc = map_owners(ls, live);
	if (rc < 0) {
		listeners_free(ls);
		error_set(err, NULL, 0, _("out of memory"));
		return NULL;
	}
	index_ports(ls);
	return ls;
}

void listeners_free(struct listeners *ls)
{
	if (!ls)
		return;
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].process);
	free(ls->v);
	free(ls->malformed_file);
	error_clear(&ls->refused);
	free(ls);
}

bool listeners_in_use(const struct listeners *ls, unsigned port, enum transport t)
{
	return portbits_test(&ls->in_use, port, t);
}

static unsigned port_of(const void *elem)
{
	return ((const struct listener *)elem)->port;
}

size_t listeners_at(const struct listeners *ls, unsigned port, const struct listener **first)
{
	size_t at, n = portbits_sorted_at(ls->v, ls->n, sizeof(*ls->v), port_of, port, &at, NULL,
					  NULL);
	*first = n ? ls->v + at : NULL;
	return n;
}
