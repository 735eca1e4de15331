/* SPDX-License-Identifier: MIT */
/* paths.h: where the program's own files are. An installed binary uses the
 * directories it was configured with; the binary of a build tree (the
 * one `./quickstart` runs) uses the source tree's data/ and the build's
 * compiled catalogues, so it runs as if installed without an environment
 * variable (doc/HACKING.md, "Which registry"). */
#ifndef PORTSCOPE_PATHS_H
#define PORTSCOPE_PATHS_H

#include <stdbool.h>

/* Is the running program one of the build tree's own (portscope or
 * portscope-tui)? */
bool paths_in_build_tree(void);
/* The bundled registry snapshot's directory: $(pkgdatadir), or data/. */
const char *paths_pkgdatadir(void);
/* The message catalogues' root: $(localedir), or the build's locale/. */
const char *paths_localedir(void);
/* The TUI's program, which the tui and pick commands exec:
 * $(pkglibexecdir)/portscope-tui, or the one built beside portscope. */
const char *paths_tui_program(void);

#endif
