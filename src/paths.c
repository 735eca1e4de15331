/* SPDX-License-Identifier: MIT */
/* paths.c: installed or build-tree files (paths.h). The build tree is
 * recognised by the program's own path (/proc/self/exe), never by the
 * working directory or an environment variable, so an installed copy of
 * the same binary can never pick up a source tree's files. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/portscope"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR "/usr/local/libexec/portscope"
#endif

#if defined(BUILD_PROGRAM) && defined(BUILD_TUI_PROGRAM) && defined(BUILD_SRCDIR)
/* Is exe (a resolved path) the program built at path? */
static bool paths_is(const char *exe, const char *path)
{
	char built[PATH_MAX];
	return realpath(path, built) && strcmp(exe, built) == 0;
}
#endif

bool paths_in_build_tree(void)
{
#if defined(BUILD_PROGRAM) && defined(BUILD_TUI_PROGRAM) && defined(BUILD_SRCDIR)
	static int known = -1;
	if (known < 0) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		known = 0;
		if (n > 0) {
			exe[n] = '\0';
			known = paths_is(exe, BUILD_PROGRAM) || paths_is(exe, BUILD_TUI_PROGRAM);
		}
	}
	return known == 1;
#else
	return false;
#endif
}

const char *paths_pkgdatadir(void)
{
#ifdef BUILD_SRCDIR
	static char data[PATH_MAX];
	if (paths_in_build_tree() && (*data || realpath(BUILD_SRCDIR "/data", data)))
		return data;
#endif
	return PKGDATADIR;
}

const char *paths_localedir(void)
{
#ifdef BUILD_LOCALEDIR
	if (paths_in_build_tree())
		return BUILD_LOCALEDIR;
#endif
	return LOCALEDIR;
}

const char *paths_tui_program(void)
{
#ifdef BUILD_TUI_PROGRAM
	if (paths_in_build_tree())
		return BUILD_TUI_PROGRAM;
#endif
	return PKGLIBEXECDIR "/portscope-tui";
}
