/* SPDX-License-Identifier: GPL-2.0-only */
/* Running independent jobs in forked workers, their results copied back through pipes. */
#ifndef CLONEFUZZ_WORKERS_H
#define CLONEFUZZ_WORKERS_H

#include <stddef.h>

/*
 * run_workers - job i (0 <= i < @n) runs fn(i, out + i * size) in a child,
 * at most @jobs at once, and its @size result bytes come back into @out.
 * Returns the number of jobs that did not finish.
 */
int run_workers(int n, void (*fn)(int i, void *result), void *out, size_t size, int jobs);

/* The number of online cores. */
int online_cores(void);

#endif
