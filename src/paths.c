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

bool paths_in_build_tree(void)
{
#if defined(BUILD_PROGRAM) && defined(BUILD_SRCDIR)
	static int known = -1;
	if (known < 0) {
		char exe[PATH_MAX], built[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		known = 0;
		if (n > 0 && realpath(BUILD_PROGRAM, built)) {
			exe[n] = '\0';
			known = strcmp(exe, built) == 0;
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
