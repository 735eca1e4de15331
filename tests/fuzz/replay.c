/* SPDX-License-Identifier: MIT */
/* replay.c: a standalone main for the fuzz targets, so `make check` replays
 * every corpus file through them with the normal compiler (no libFuzzer).
 * Usage: replay FILE|DIR...; prints one TAP line per file. A broken
 * invariant aborts, which the TAP driver reports as a failure. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

static int replay_count;

/* Read a whole file into memory; NULL when it cannot be read. */
static char *replay_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char block[4096];
	size_t n;
	while ((n = fread(block, 1, sizeof(block), fp)) > 0)
		strbuf_add(&sb, block, n);
	int bad = ferror(fp) || sb.failed;
	fclose(fp);
	if (bad) {
		strbuf_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb.data ? sb.data : calloc(1, 1);
}

static int replay_file(const char *path)
{
	size_t len = 0;
	char *buf = replay_slurp(path, &len);
	replay_count++;
	if (!buf) {
		printf("not ok %d - %s: cannot read it\n", replay_count, path);
		return 1;
	}
	/* a copy of exactly len bytes, so ASan sees any read past the end */
	char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(buf);
		printf("not ok %d - %s: out of memory\n", replay_count, path);
		return 1;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
	free(exact);
	printf("ok %d - %s\n", replay_count, path);
	fflush(stdout);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_dir(const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, by_name);
	if (n < 0)
		return replay_file(dir);
	int failed = 0;
	for (int i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.') {
			struct strbuf path = STRBUF_INIT;
			strbuf_addf(&path, "%s/%s", dir, ents[i]->d_name);
			failed |= path.failed ? 1 : replay_file(path.data);
			strbuf_free(&path);
		}
		free(ents[i]);
	}
	free(ents);
	return failed;
}

int main(int argc, char **argv)
{
	int failed = 0;
	for (int i = 1; i < argc; i++)
		failed |= replay_dir(argv[i]);
	printf("1..%d\n", replay_count);
	return failed || replay_count == 0;
}
