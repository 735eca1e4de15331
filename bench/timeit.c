/* timeit.c: run a command N times (stdout to /dev/null) and print the
 * median, min and max wall-clock time in milliseconds. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: timeit N COMMAND [ARGS...]\n");
		return 2;
	}
	int n = atoi(argv[1]);
	if (n < 1)
		return 2;
	double *t = calloc((size_t)n, sizeof(*t));
	for (int i = 0; i < n; i++) {
		double start = now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);
			dup2(fd, 1);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int status;
		waitpid(pid, &status, 0);
		t[i] = now_ms() - start;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			fprintf(stderr, "timeit: %s failed\n", argv[2]);
			return 2;
		}
	}
	qsort(t, (size_t)n, sizeof(*t), cmp);
	printf("%.3f %.3f %.3f\n", n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2, t[0], t[n - 1]);
	return 0;
}
