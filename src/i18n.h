/* SPDX-License-Identifier: MIT */
/* i18n.h: the one place that maps translatable strings to gettext. */
#ifndef PORTSCOPE_I18N_H
#define PORTSCOPE_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
