/* SPDX-License-Identifier: MIT */
/* badports.c: the WHATWG Fetch Standard's bad ports.
 *
 * Source: Fetch Standard, section "Port blocking", definition "bad port"
 * (https://fetch.spec.whatwg.org/#bad-port), as mirrored by the
 * web-platform-tests list fetch/api/request/request-bad-port.any.js. A
 * browser blocks fetches (http, https, WebSocket) to these ports, so a web
 * service placed on one is unreachable from browsers. Keep ascending. */
#include <config.h>

#include <stdlib.h>

#include "badports.h"

static const unsigned short bad_ports[] = {
	0,    1,    7,	  9,	11,   13,   15,	  17,	19,   20,   21,	  22,	23,    25,
	37,   42,   43,	  53,	69,   77,   79,	  87,	95,   101,  102,  103,	104,   109,
	110,  111,  113,  115,	117,  119,  123,  135,	137,  139,  143,  161,	179,   389,
	427,  465,  512,  513,	514,  515,  526,  530,	531,  532,  540,  548,	554,   556,
	563,  587,  601,  636,	989,  990,  993,  995,	1719, 1720, 1723, 2049, 3659,  4045,
	4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
};

static int cmp_port(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned short *)b;
	return (x > y) - (x < y);
}

bool badports_is_blocked(unsigned port)
{
	return bsearch(&port, bad_ports, badports_count(), sizeof(bad_ports[0]), cmp_port) != NULL;
}

size_t badports_count(void)
{
	return sizeof(bad_ports) / sizeof(bad_ports[0]);
}
