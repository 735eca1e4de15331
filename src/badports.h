/* SPDX-License-Identifier: MIT */
/* badports.h: the ports web browsers refuse to fetch from, built in from
 * the WHATWG Fetch Standard's "bad port" list. */
#ifndef PORTSCOPE_BADPORTS_H
#define PORTSCOPE_BADPORTS_H

#include <stdbool.h>
#include <stddef.h>

/* Is port on the Fetch Standard's bad port list? */
bool badports_is_blocked(unsigned port);
/* How many ports the list has. */
size_t badports_count(void);

#endif
