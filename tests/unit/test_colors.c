/* SPDX-License-Identifier: MIT */
/* test_colors.c: the heat map's range colours (tui/colors.c) stay apart
 * for the common colour-vision deficiencies. Each of the 15 solid colours
 * (3 ranges x 5 shades, the half cells of the fit zoom; the tints and the
 * glyph colours of the other zooms) is run through the Machado, Oliveira
 * and Fernandes (2009) simulation of protanopia and deuteranopia (severity
 * 1) in linear sRGB, and the CIEDE2000 difference between two ranges at
 * the same shade must stay at least MIN_DE2000. */
#include <config.h>

#include <math.h>

#include "../../tui/colors.h"
#include "palette.h"
#include "testutil.h"

#define MIN_DE2000 20.0

static const double cvd[3][3][3] = {
	{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	{{0.152286, 1.052583, -0.204868},
	 {0.114503, 0.786281, 0.099216},
	 {-0.003882, -0.048116, 1.051998}},
	{{0.367322, 0.860646, -0.227968},
	 {0.280085, 0.672501, 0.047413},
	 {-0.011820, 0.042940, 0.968881}},
};
static const char *const cvd_name[3] = {"normal vision", "protanopia", "deuteranopia"};

static double linear(unsigned char c)
{
	double v = c / 255.0;
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double lab_f(double t)
{
	return t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116;
}

/* A 256-colour index as CIELAB (D65) after simulation m. */
static void to_lab(short index, const double m[3][3], double lab[3])
{
	unsigned char rgb[3];
	double l[3], s[3];
	palette_rgb(index, rgb);
	for (int i = 0; i < 3; i++)
		l[i] = linear(rgb[i]);
	for (int i = 0; i < 3; i++) {
		s[i] = m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2];
		s[i] = s[i] < 0 ? 0 : s[i] > 1 ? 1 : s[i];
	}
	double x = (0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2]) / 0.95047;
	double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
	double z = (0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2]) / 1.08883;
	lab[0] = 116 * lab_f(y) - 16;
	lab[1] = 500 * (lab_f(x) - lab_f(y));
	lab[2] = 200 * (lab_f(y) - lab_f(z));
}

static double rad(double deg)
{
	return deg * M_PI / 180;
}

/* The mean hue of two, for CIEDE2000. */
static double mean_hue(double h1, double h2, double c)
{
	if (c == 0)
		return h1 + h2;
	if (fabs(h1 - h2) <= 180)
		return (h1 + h2) / 2;
	return h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
}

/* CIEDE2000 (Sharma, Wu and Dalal's formulation). */
static double de2000(const double p[3], const double q[3])
{
	double c1 = hypot(p[1], p[2]), c2 = hypot(q[1], q[2]), cb = (c1 + c2) / 2;
	double g = 0.5 * (1 - sqrt(pow(cb, 7) / (pow(cb, 7) + pow(25, 7))));
	double a1 = (1 + g) * p[1], a2 = (1 + g) * q[1];
	double c1p = hypot(a1, p[2]), c2p = hypot(a2, q[2]);
	double h1 = fmod(atan2(p[2], a1) * 180 / M_PI + 360, 360);
	double h2 = fmod(atan2(q[2], a2) * 180 / M_PI + 360, 360);
	double dh = c1p * c2p == 0 ? 0 : h2 - h1;
	dh = dh > 180 ? dh - 360 : dh < -180 ? dh + 360 : dh;
	double dL = q[0] - p[0], dC = c2p - c1p, dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2));
	double lb = (p[0] + q[0]) / 2, cbp = (c1p + c2p) / 2, hb = mean_hue(h1, h2, c1p * c2p);
	double t = 1 - 0.17 * cos(rad(hb - 30)) + 0.24 * cos(rad(2 * hb)) +
		   0.32 * cos(rad(3 * hb + 6)) - 0.20 * cos(rad(4 * hb - 63));
	double sl = 1 + 0.015 * (lb - 50) * (lb - 50) / sqrt(20 + (lb - 50) * (lb - 50));
	double sc = 1 + 0.045 * cbp, sh = 1 + 0.015 * cbp * t;
	double rt = -sin(rad(60 * exp(-pow((hb - 275) / 25, 2)))) * 2 *
		    sqrt(pow(cbp, 7) / (pow(cbp, 7) + pow(25, 7)));
	return sqrt(pow(dL / sl, 2) + pow(dC / sc, 2) + pow(dH / sh, 2) +
		    rt * (dC / sc) * (dH / sh));
}

START_TEST(cie_reference)
{
	/* pair 1 of Sharma, Wu and Dalal's test data: 2.0425 */
	const double p[3] = {50.0, 2.6772, -79.7751}, q[3] = {50.0, 0.0, -82.7485};
	ck_assert(fabs(de2000(p, q) - 2.0425) < 0.0001);
	unsigned char rgb[3];
	palette_rgb(67, rgb); /* the cube's #5f87af */
	ck_assert(rgb[0] == 95 && rgb[1] == 135 && rgb[2] == 175);
	palette_rgb(244, rgb);
	ck_assert(rgb[0] == 128 && rgb[1] == 128 && rgb[2] == 128);
}
END_TEST

START_TEST(ranges_apart)
{
	for (int m = 0; m < 3; m++) {
		double least = 1e9;
		for (int level = 0; level < SHADES; level++)
			for (int a = 0; a < RANGES; a++)
				for (int b = a + 1; b < RANGES; b++) {
					double la[3], lb[3];
					to_lab(colors_solid256(a, level), cvd[m], la);
					to_lab(colors_solid256(b, level), cvd[m], lb);
					double d = de2000(la, lb);
					least = d < least ? d : least;
					ck_assert_msg(d >= MIN_DE2000,
						      "%s: ranges %d and %d at shade %d: %.1f",
						      cvd_name[m], a, b, level, d);
				}
		printf("# %s: the least CIEDE2000 between two ranges is %.1f\n", cvd_name[m],
		       least);
	}
}
END_TEST

START_TEST(shades_apart)
{
	/* within a range, each shade is never darker than the one before and
	   plainly different from it */
	for (int r = 0; r < RANGES; r++)
		for (int level = 1; level < SHADES; level++) {
			double a[3], b[3];
			to_lab(colors_solid256(r, level - 1), cvd[0], a);
			to_lab(colors_solid256(r, level), cvd[0], b);
			ck_assert_msg(b[0] >= a[0] && de2000(a, b) >= 5,
				      "range %d shade %d: L* %.1f after %.1f, CIEDE2000 %.1f", r,
				      level, b[0], a[0], de2000(a, b));
		}
}
END_TEST

static Suite *colors_suite(void)
{
	Suite *s = suite_create("colors");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, cie_reference);
	tcase_add_test(tc, ranges_apart);
	tcase_add_test(tc, shades_apart);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(colors_suite)
