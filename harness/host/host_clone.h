/* SPDX-License-Identifier: GPL-2.0-only */
/* The host side of host-diff: plain types only, so it builds apart from the model's vocabulary. */
#ifndef CLONEFUZZ_HOST_CLONE_H
#define CLONEFUZZ_HOST_CLONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Symbolic pointers: the model and the host each give them their own address. */
enum { HP_NULL, HP_VALID, HP_BAD, HP_SAME_AS_PARENT_TID };

struct host_case {
	bool clone3;
	bool drop_caps;		/* the helper clears its effective capabilities first */
	unsigned long long flags, exit_signal, stack, stack_size, tls;
	unsigned long long size, set_tid_size, cgroup;
	int pidfd, child_tid, parent_tid, set_tid, args;	/* HP_* */
	bool tail_nonzero;
	int set_tid_vals[4];
};

struct host_limits {
	unsigned long long caps;
	int pid_max, nofile;
	unsigned long nproc;
};

/*
 * The helper's descriptor table when it makes the call: 0-2, the cgroup fds
 * 3-5 (host_setup), nothing from HOST_OPEN_FDS up but the result pipe at
 * HOST_RESULT_FD. A pidfd takes HOST_OPEN_FDS.
 */
#define HOST_OPEN_FDS	6
#define HOST_RESULT_FD	100

/* 0 when this is root on Linux x86-64 running 6.18, else -1 and why. */
int host_check(char *why, size_t len);
/* fds 3 (a live cgroup v2 directory), 4 (a removed one), 5 (a cgroup v1 directory) */
int host_setup(void);
void host_cleanup(void);
void host_subreaper(void);
void host_limits(struct host_limits *l);
/* Run @h in a disposable process: 0 and its result, or -1 when it was lost. */
int host_run(const struct host_case *h, long *ret);

#endif
