/* SPDX-License-Identifier: MIT */
/* dynlib.c: libraries opened on first use (dynlib.h). */
#include <config.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"
#include "i18n.h"

bool dynlib_available(struct dynlib *lib)
{
	if (lib->state == 0) {
		void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		const char *why = h ? NULL : dlerror();
		bool ok = h != NULL;
		for (size_t i = 0; ok && i < lib->nfns; i++) {
			void *f = dlsym(h, lib->fns[i].name);
			if (!(ok = f != NULL))
				why = dlerror();
			else /* POSIX: a function pointer can go through void * */
				memcpy((char *)lib->table + lib->fns[i].off, &f, sizeof(f));
		}
		lib->state = ok ? 1 : -1;
		if (ok) {
			lib->handle = h;
		} else {
			size_t n = strlen(lib->soname); /* dlerror() names it too */
			if (!why)
				why = "?";
			else if (strncmp(why, lib->soname, n) == 0 &&
				 strncmp(why + n, ": ", 2) == 0)
				why += n + 2;
			snprintf(lib->why, sizeof(lib->why), "%s", why);
			if (h)
				dlclose(h);
		}
	}
	return lib->state > 0;
}

int dynlib_open(struct dynlib *lib, struct ps_error *err)
{
	if (!dynlib_available(lib))
		return error_set(err, NULL, 0, _("cannot load %s: %s"), lib->soname, lib->why);
	return 0;
}
