/* SPDX-License-Identifier: MIT */
/* picture.h: a PNG, SVG or PDF file drawn through cairo, which is opened
 * with dlopen() only when `portscope map` runs, so no other command pays
 * for loading it. A picture is drawn in pixels from its top left corner. */
#ifndef PORTSCOPE_PICTURE_H
#define PORTSCOPE_PICTURE_H

#include <stdbool.h>

#include "error.h"

struct picture;

enum picture_format {
	PICTURE_PNG,
	PICTURE_SVG,
	PICTURE_PDF,
};

/* The format a file name's extension asks for; -1 when none. */
int picture_format_of(const char *path);
/* Was portscope built with cairo's header, and can libcairo be loaded? */
bool picture_available(void);
/* A picture of width x height pixels that will be written to path; NULL
 * with err set. */
struct picture *picture_new(const char *path, enum picture_format f, int width, int height,
			    struct ps_error *err);
/* Fill a rectangle with an xterm 256-colour index. */
void picture_rect(struct picture *p, double x, double y, double w, double h, short color);
/* A straight line of width lw. */
void picture_line(struct picture *p, double x0, double y0, double x1, double y1, double lw,
		  short color);
/* Text with its baseline at y, from x (align 0) or ending at x (align 1),
 * or centred on x (align 2). */
void picture_text(struct picture *p, double x, double y, double size, bool bold, int align,
		  short color, const char *utf8);
/* Finish and write the file; frees p. -1 with err set. */
int picture_finish(struct picture *p, struct ps_error *err);

#endif
