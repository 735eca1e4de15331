/* SPDX-License-Identifier: MIT */
/* picture.c: pictures through cairo, opened at run time (picture.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "palette.h"
#include "picture.h"

int picture_format_of(const char *path)
{
	static const struct {
		const char *ext;
		enum picture_format f;
	} ext[] = {{".png", PICTURE_PNG}, {".svg", PICTURE_SVG}, {".pdf", PICTURE_PDF}};
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (n > 4 && strcasecmp(path + n - 4, ext[i].ext) == 0)
			return (int)ext[i].f;
	return -1;
}

#ifndef HAVE_CAIRO

bool picture_available(void)
{
	return false;
}

struct picture *picture_new(const char *path, enum picture_format f, int width, int height,
			    struct ps_error *err)
{
	(void)path, (void)f, (void)width, (void)height;
	error_set(err, NULL, 0, _("this portscope was built without cairo (libcairo2-dev)"));
	return NULL;
}

void picture_rect(struct picture *p, double x, double y, double w, double h, short color)
{
	(void)p, (void)x, (void)y, (void)w, (void)h, (void)color;
}

void picture_line(struct picture *p, double x0, double y0, double x1, double y1, double lw,
		  short color)
{
	(void)p, (void)x0, (void)y0, (void)x1, (void)y1, (void)lw, (void)color;
}

void picture_text(struct picture *p, double x, double y, double size, bool bold, int align,
		  short color, const char *utf8)
{
	(void)p, (void)x, (void)y, (void)size, (void)bold, (void)align, (void)color, (void)utf8;
}

int picture_finish(struct picture *p, struct ps_error *err)
{
	(void)p;
	return error_set(err, NULL, 0, _("this portscope was built without cairo (libcairo2-dev)"));
}

#else

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include "dynlib.h"

#define LIBCAIRO_SONAME "libcairo.so.2"

/* The cairo functions used here, resolved at first use. */
static struct cairo_fns {
	cairo_surface_t *(*image_create)(cairo_format_t, int, int);
	cairo_surface_t *(*svg_create)(const char *, double, double);
	cairo_surface_t *(*pdf_create)(const char *, double, double);
	cairo_t *(*create)(cairo_surface_t *);
	void (*set_source_rgb)(cairo_t *, double, double, double);
	void (*rectangle)(cairo_t *, double, double, double, double);
	void (*fill)(cairo_t *);
	void (*move_to)(cairo_t *, double, double);
	void (*line_to)(cairo_t *, double, double);
	void (*set_line_width)(cairo_t *, double);
	void (*stroke)(cairo_t *);
	void (*select_font_face)(cairo_t *, const char *, cairo_font_slant_t, cairo_font_weight_t);
	void (*set_font_size)(cairo_t *, double);
	void (*text_extents)(cairo_t *, const char *, cairo_text_extents_t *);
	void (*show_text)(cairo_t *, const char *);
	cairo_status_t (*status)(cairo_t *);
	cairo_status_t (*surface_status)(cairo_surface_t *);
	cairo_status_t (*write_to_png)(cairo_surface_t *, const char *);
	void (*surface_finish)(cairo_surface_t *);
	void (*destroy)(cairo_t *);
	void (*surface_destroy)(cairo_surface_t *);
	const char *(*status_to_string)(cairo_status_t);
} lc;

bool picture_available(void)
{
	static const struct dynlib_fn fns[] = {
#define FN(field, name)                                                                            \
	{                                                                                          \
		name, offsetof(struct cairo_fns, field)                                            \
	}
		FN(image_create, "cairo_image_surface_create"),
		FN(svg_create, "cairo_svg_surface_create"),
		FN(pdf_create, "cairo_pdf_surface_create"),
		FN(create, "cairo_create"),
		FN(set_source_rgb, "cairo_set_source_rgb"),
		FN(rectangle, "cairo_rectangle"),
		FN(fill, "cairo_fill"),
		FN(move_to, "cairo_move_to"),
		FN(line_to, "cairo_line_to"),
		FN(set_line_width, "cairo_set_line_width"),
		FN(stroke, "cairo_stroke"),
		FN(select_font_face, "cairo_select_font_face"),
		FN(set_font_size, "cairo_set_font_size"),
		FN(text_extents, "cairo_text_extents"),
		FN(show_text, "cairo_show_text"),
		FN(status, "cairo_status"),
		FN(surface_status, "cairo_surface_status"),
		FN(write_to_png, "cairo_surface_write_to_png"),
		FN(surface_finish, "cairo_surface_finish"),
		FN(destroy, "cairo_destroy"),
		FN(surface_destroy, "cairo_surface_destroy"),
		FN(status_to_string, "cairo_status_to_string"),
#undef FN
	};
	static struct dynlib lib = DYNLIB_INIT(LIBCAIRO_SONAME, fns, &lc);
	return dynlib_available(&lib);
}

struct picture {
	cairo_surface_t *s;
	cairo_t *c;
	enum picture_format f;
	char *path;
};

struct picture *picture_new(const char *path, enum picture_format f, int width, int height,
			    struct ps_error *err)
{
	if (!picture_available()) {
		error_set(err, NULL, 0, _("cannot load %s: install libcairo2"), LIBCAIRO_SONAME);
		return NULL;
	}
	struct picture *p = calloc(1, sizeof(*p));
	if (!p || !(p->path = strdup(path))) {
		free(p);
		error_set(err, NULL, 0, _("out of memory"));
		return NULL;
	}
	p->f = f;
	p->s = f == PICTURE_PNG	  ? lc.image_create(CAIRO_FORMAT_RGB24, width, height)
	       : f == PICTURE_SVG ? lc.svg_create(path, width, height)
				  : lc.pdf_create(path, width, height);
	p->c = lc.create(p->s);
	if (lc.status(p->c) != CAIRO_STATUS_SUCCESS) {
		error_set(err, path, 0, "%s", lc.status_to_string(lc.status(p->c)));
		lc.destroy(p->c);
		lc.surface_destroy(p->s);
		free(p->path);
		free(p);
		return NULL;
	}
	picture_rect(p, 0, 0, width, height, 231); /* a white page */
	return p;
}

static void picture_color(struct picture *p, short color)
{
	unsigned char rgb[3];
	palette_rgb(color, rgb);
	lc.set_source_rgb(p->c, rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
}

void picture_rect(struct picture *p, double x, double y, double w, double h, short color)
{
	picture_color(p, color);
	lc.rectangle(p->c, x, y, w, h);
	lc.fill(p->c);
}

void picture_line(struct picture *p, double x0, double y0, double x1, double y1, double lw,
		  short color)
{
	picture_color(p, color);
	lc.set_line_width(p->c, lw);
	lc.move_to(p->c, x0, y0);
	lc.line_to(p->c, x1, y1);
	lc.stroke(p->c);
}

void picture_text(struct picture *p, double x, double y, double size, bool bold, int align,
		  short color, const char *utf8)
{
	cairo_text_extents_t te;
	picture_color(p, color);
	lc.select_font_face(p->c, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
			    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	lc.set_font_size(p->c, size);
	lc.text_extents(p->c, utf8, &te);
	double w = te.x_advance;
	lc.move_to(p->c, align == 1 ? x - w : align == 2 ? x - w / 2 : x, y);
	lc.show_text(p->c, utf8);
}

int picture_finish(struct picture *p, struct ps_error *err)
{
	cairo_status_t st = lc.status(p->c);
	if (st == CAIRO_STATUS_SUCCESS && p->f == PICTURE_PNG)
		st = lc.write_to_png(p->s, p->path);
	lc.destroy(p->c);
	lc.surface_finish(p->s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = lc.surface_status(p->s);
	lc.surface_destroy(p->s);
	int rc = st == CAIRO_STATUS_SUCCESS
			 ? 0
			 : error_set(err, p->path, 0, "%s", lc.status_to_string(st));
	free(p->path);
	free(p);
	return rc;
}

#endif
