/* SPDX-License-Identifier: MIT */
/* fuzz_listeners.c: libFuzzer target for the /proc/net line parser
 * (listeners_parse_line). Each input line is parsed as an IPv4 line
 * (tcp, udp) and as an IPv6 one (tcp6, udp6), each from an exact-size copy
 * so ASan sees any read past its end. A reference parser written here from
 * the kernel's format (net/ipv4/tcp_ipv4.c get_tcp4_sock, tcp6 likewise)
 * says whether the line is well formed and what it holds; the parser under
 * test must agree on both. */
#include <config.h>

#include <arpa/inet.h>

#include "fuzz_check.h"
#include "listeners.h"

#define REF_FIELDS 10

struct ref_line {
	const char *tok[REF_FIELDS];
	size_t len[REF_FIELDS];
};

FUZZ_CHECKER bool ref_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The first ten blank-separated fields; false when there are fewer. */
FUZZ_CHECKER bool ref_split(const char *s, size_t n, struct ref_line *l)
{
	size_t i = 0;
	for (int f = 0; f < REF_FIELDS; f++) {
		while (i < n && ref_blank(s[i]))
			i++;
		if (i == n)
			return false;
		l->tok[f] = s + i;
		while (i < n && !ref_blank(s[i]))
			i++;
		l->len[f] = (size_t)(s + i - l->tok[f]);
	}
	return true;
}

/* Exactly n hex digits as a number (n <= 8), or -1. */
FUZZ_CHECKER long long ref_hex(const char *s, size_t n)
{
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		const char *digits = "0123456789abcdef", *d;
		char c = s[i] >= 'A' && s[i] <= 'F' ? (char)(s[i] - 'A' + 'a') : s[i];
		if (!c || !(d = strchr(digits, c)))
			return -1;
		v = v * 16 + (unsigned long long)(d - digits);
	}
	return (long long)v;
}

/* The kernel prints each 32-bit word of the address with %08X of the word
 * as it lies in memory, so on a little-endian machine the first byte of
 * the address is the word's lowest. */
FUZZ_CHECKER bool ref_address(const char *s, size_t words, unsigned char *raw)
{
	const union {
		uint32_t word;
		unsigned char byte[4];
	} probe = {1};
	for (size_t w = 0; w < words; w++) {
		long long v = ref_hex(s + 8 * w, 8);
		if (v < 0)
			return false;
		for (int b = 0; b < 4; b++) {
			int shift = probe.byte[0] ? 8 * b : 24 - 8 * b;
			raw[4 * w + (size_t)b] = (unsigned char)((unsigned long long)v >> shift);
		}
	}
	return true;
}

/* A decimal inode of 1 to 19 digits (below 10^19, so no 64-bit overflow)
 * that fits an unsigned long. */
FUZZ_CHECKER bool ref_inode(const char *s, size_t n, unsigned long *inode)
{
	if (n == 0 || n > 19)
		return false;
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v > ~0UL)
		return false;
	*inode = (unsigned long)v;
	return true;
}

/* What the line must parse to, or false when it must be refused. */
FUZZ_CHECKER bool ref_parse(const char *s, size_t n, bool v6, unsigned char *raw, unsigned *port,
			    unsigned *state, unsigned long *inode)
{
	struct ref_line l;
	size_t alen = v6 ? 32 : 8;
	long long p, st;
	if (!ref_split(s, n, &l) || l.len[0] < 2 || l.tok[0][l.len[0] - 1] != ':')
		return false;
	if (l.len[1] != alen + 5 || l.tok[1][alen] != ':' || !ref_address(l.tok[1], alen / 8, raw))
		return false;
	if ((p = ref_hex(l.tok[1] + alen + 1, 4)) < 0)
		return false;
	if (l.len[3] != 2 || (st = ref_hex(l.tok[3], 2)) < 0)
		return false;
	if (!ref_inode(l.tok[9], l.len[9], inode))
		return false;
	*port = (unsigned)p;
	*state = (unsigned)st;
	return true;
}

static void check_line(const char *s, size_t n, bool v6)
{
	struct listeners_line got;
	const char *why = NULL;
	unsigned char raw[16], back[16];
	unsigned port = 0, state = 0;
	unsigned long inode = 0;
	memset(&got, 0x5A, sizeof(got));
	int rc = listeners_parse_line(s, n, v6, &got, &why);
	bool ok = ref_parse(s, n, v6, raw, &port, &state, &inode);
	FUZZ_ASSERT((rc == 0) == ok, "the parser and the reference disagree on a line");
	if (rc < 0) {
		FUZZ_ASSERT(why && *why, "a refused line has no reason");
		return;
	}
	FUZZ_ASSERT(got.port == port && port <= PORT_MAX, "wrong port");
	FUZZ_ASSERT(got.state == state, "wrong socket state");
	FUZZ_ASSERT(got.inode == inode, "wrong inode");
	FUZZ_ASSERT(memchr(got.addr, '\0', sizeof(got.addr)) != NULL, "address not terminated");
	FUZZ_ASSERT(inet_pton(v6 ? AF_INET6 : AF_INET, got.addr, back) == 1,
		    "address text does not parse back");
	FUZZ_ASSERT(memcmp(back, raw, v6 ? 16 : 4) == 0, "wrong address");
	fuzz_check_terminal_safe(got.addr, strlen(got.addr), false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size;
	while (s <= end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl : end) - s);
		char *copy = malloc(n ? n : 1);
		if (!copy)
			return 0;
		memcpy(copy, s, n);
		check_line(copy, n, false);
		check_line(copy, n, true);
		free(copy);
		if (!nl)
			break;
		s = nl + 1;
	}
	return 0;
}
