/* SPDX-License-Identifier: MIT */
/* portinfo.h: the cursor port's facts from every source (the listeners,
 * /etc/services, nmap-services, the labels, the browsers' bad ports), for
 * the detail pane. */
#ifndef PORTSCOPE_PORTINFO_H
#define PORTSCOPE_PORTINFO_H

#include "../src/strbuf.h"

struct app;

/* The facts of port, a section of the pane. */
void portinfo_text(struct app *app, struct strbuf *t, unsigned port);
/* The same in a line or two, for the top of the pane. */
void portinfo_summary(struct app *app, struct strbuf *t, unsigned port);

#endif
