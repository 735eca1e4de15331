/* SPDX-License-Identifier: MIT */
/* csv_floor.c: the floor for parsing the registry: read the file and run
 * libcsv over it in strict mode with no-op callbacks. Nothing else. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static void on_field(void *s, size_t n, void *data)
{
	(void)s, (void)n, (void)data;
}

static void on_record(int c, void *data)
{
	(void)c;
	++*(size_t *)data;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: csv_floor FILE.csv\n");
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	if (!fp) {
		perror(argv[1]);
		return 2;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 2;
	static char buf[65536];
	size_t n, records = 0;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, &records) != n)
			return 2;
	if (csv_fini(&p, on_field, on_record, &records) != 0)
		return 2;
	csv_free(&p);
	fclose(fp);
	printf("%zu\n", records);
	return 0;
}
