/* SPDX-License-Identifier: MIT */
/* suggestions.h: the suggestions page (suggestions.c, key s), seen from
 * outside: its keys, for the help page. The page itself is
 * suggestions_page (page.h). */
#ifndef PORTSCOPE_SUGGESTIONS_H
#define PORTSCOPE_SUGGESTIONS_H

#include "../src/strbuf.h"

/* The page's own keys, as lines of the help page wrapped to width, under
 * a heading. */
void suggestions_help(struct strbuf *t, int width);

#endif
