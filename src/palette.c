/* SPDX-License-Identifier: MIT */
/* palette.c: the heat map's colours and shade levels (palette.h). The
 * ranges differ along the blue-yellow axis plus a neutral grey (System
 * blue, User amber, Dynamic grey), which protanopes and deuteranopes
 * keep. */
#include <config.h>

#include "palette.h"

const short palette_solid[RANGE_COUNT][PALETTE_SHADES] = {
	[RANGE_SYSTEM] = {18, 25, 32, 33, 39},
	[RANGE_USER] = {58, 136, 172, 178, 214},
	[RANGE_DYNAMIC] = {237, 241, 244, 247, 250},
};

const short palette_mark[PALETTE_MARKS] = {
	[PALETTE_MATCH] = 213,
	[PALETTE_LISTEN] = 196,
	[PALETTE_FREQ] = 120,
	[PALETTE_LABEL] = 51,
};

void palette_rgb(short index, unsigned char rgb[3])
{
	static const unsigned char base[16][3] = {
		{0, 0, 0},	 {128, 0, 0},	{0, 128, 0},   {128, 128, 0},
		{0, 0, 128},	 {128, 0, 128}, {0, 128, 128}, {192, 192, 192},
		{128, 128, 128}, {255, 0, 0},	{0, 255, 0},   {255, 255, 0},
		{0, 0, 255},	 {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
	};
	static const unsigned char cube[6] = {0, 95, 135, 175, 215, 255};
	if (index < 0 || index > 255)
		index = 0;
	if (index < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = base[index][i];
	} else if (index < 232) {
		int v = index - 16;
		rgb[0] = cube[v / 36], rgb[1] = cube[v / 6 % 6], rgb[2] = cube[v % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (index - 232));
	}
}

int palette_level(const struct registry *reg, enum transport t, unsigned lo, unsigned hi)
{
	const uint8_t *st = reg->state[t];
	if (hi > PORT_MAX)
		hi = PORT_MAX;
	if (lo == hi)
		return st[lo] == STATE_ASSIGNED ? 4 : st[lo] == STATE_RESERVED ? 2 : 0;
	unsigned assigned = 0, n = hi - lo + 1;
	for (unsigned p = lo; p <= hi; p++)
		assigned += st[p] == STATE_ASSIGNED;
	if (!assigned)
		return 0;
	return assigned * 4 <= n ? 1 : assigned * 2 <= n ? 2 : assigned * 4 <= n * 3 ? 3 : 4;
}
