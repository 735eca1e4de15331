/* SPDX-License-Identifier: MIT */
/* history.h: a record's history, for the detail pane: its registration
 * and modification dates, reported unauthorized use, and what its
 * Description or Assignment Notes say about removal, de-registration or
 * deprecation. The phrases come from the real registry: "Removed",
 * "This entry has been removed on 2017-05-18", "(Removed 2004-2-6)",
 * "De-registered", "De-assigned on 2025-02-13, previously compressnet by
 * [Bernie_Volz]", "assignment withdrawn", "Deprecated June 2004",
 * "(historic)", "This entry is now historic", "not recommended". */
#ifndef PORTSCOPE_HISTORY_H
#define PORTSCOPE_HISTORY_H

#include "registry.h"

enum history_flag {
	HISTORY_REMOVED = 1 << 0,      /* removed, or being removed */
	HISTORY_DEREGISTERED = 1 << 1, /* de-registered, de-assigned, withdrawn */
	HISTORY_DEPRECATED = 1 << 2,   /* deprecated, historic, not recommended */
	HISTORY_PREVIOUS = 1 << 3,     /* the text tells of an earlier assignment */
	HISTORY_UNAUTHORIZED = 1 << 4, /* unauthorized use was reported */
};
#define HISTORY_FLAGS 5

struct history {
	const char *registered;	  /* Registration Date as in the file, "" if none */
	const char *modified;	  /* Modification Date, "" if none */
	const char *unauthorized; /* Unauthorized Use Reported, "" if none */
	unsigned flags;		  /* enum history_flag bits */
	/* The text that tells of removal, de-registration or deprecation: the
	 * Assignment Notes if they do, else the Description; NULL if neither. */
	const char *note;
	enum field note_field;
	char event_date[11]; /* first date in that text as YYYY-MM-DD, or "" */
};

/* Fill h for record r of reg; the strings point into reg. */
void history_of(const struct registry *reg, const struct record *r, struct history *h);
/* Untranslated name of one flag ("removed", "de-registered", ...); use
 * _() on it for display. */
const char *history_flag_name(enum history_flag f);

#endif
