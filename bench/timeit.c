/* SPDX-License-Identifier: MIT */
/* timeit.c: whole-process wall-clock timing, medians.
 *   timeit N CMD [ARGS...]                 run CMD N times
 *   timeit N CMD1 [ARGS...] -- CMD2 [...]  alternate the two, N times each,
 *                                          so load on a shared machine hits
 *                                          both alike; prints both lines
 * Each line: median min max, in milliseconds. stdout goes to /dev/null;
 * an exit status above 1 (0 and 1 are results) is a failure. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Run argv once; its wall time in ms, or -1 on failure. */
static double run_once(char **argv)
{
	double start = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	double t = now_ms() - start;
	return WIFEXITED(status) && WEXITSTATUS(status) <= 1 ? t : -1;
}

static void report(double *t, int n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp);
	double med = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	printf("%.3f %.3f %.3f\n", med, t[0], t[n - 1]);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: timeit N CMD [ARGS...] [-- CMD2 [ARGS...]]\n");
		return 2;
	}
	int n = atoi(argv[1]);
	if (n < 1)
		return 2;
	char **cmd[2] = {argv + 2, NULL};
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			cmd[1] = argv + i + 1;
		}
	int ncmd = cmd[1] && cmd[1][0] ? 2 : 1;
	double *t[2] = {calloc((size_t)n, sizeof(double)), calloc((size_t)n, sizeof(double))};
	for (int i = 0; i < n; i++)
		for (int c = 0; c < ncmd; c++)
			if ((t[c][i] = run_once(cmd[c])) < 0) {
				fprintf(stderr, "timeit: %s failed\n", cmd[c][0]);
				return 2;
			}
	for (int c = 0; c < ncmd; c++)
		report(t[c], n);
	return 0;
}
