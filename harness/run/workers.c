// SPDX-License-Identifier: GPL-2.0-only
/* Forked workers for independent jobs: the sweep of each version runs on its own core. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "workers.h"

int online_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

static int collect(int fd, pid_t pid, char *dst, size_t size)
{
	size_t done = 0;
	ssize_t r;
	int status;

	while (done < size && (r = read(fd, dst + done, size - done)) > 0)
		done += (size_t)r;
	close(fd);
	waitpid(pid, &status, 0);
	return done == size && WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : 1;
}

int run_workers(int n, void (*fn)(int i, void *result), void *out, size_t size, int jobs)
{
	int fds[64], pids[64], next = 0, lost = 0, first, k;

	if (jobs < 1)
		jobs = 1;
	if (jobs > 64)
		jobs = 64;
	while (next < n) {
		first = next;
		for (k = 0; k < jobs && next < n; k++, next++) {
			int p[2];

			fds[k] = -1;
			if (pipe(p)) {
				lost++;
				continue;
			}
			pids[k] = fork();
			if (pids[k] < 0) {
				close(p[0]);
				close(p[1]);
				lost++;
				continue;
			}
			if (pids[k] == 0) {
				char *res = (char *)out + (size_t)next * size;
				size_t done = 0;
				ssize_t w;

				close(p[0]);
				fn(next, res);
				while (done < size && (w = write(p[1], res + done, size - done)) > 0)
					done += (size_t)w;
				_exit(done == size ? 0 : 3);
			}
			close(p[1]);
			fds[k] = p[0];
		}
		for (k = 0; first + k < next; k++)
			if (fds[k] >= 0)
				lost += collect(fds[k], pids[k],
						(char *)out + (size_t)(first + k) * size, size);
	}
	return lost;
}
