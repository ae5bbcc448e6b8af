/* SPDX-License-Identifier: GPL-2.0-only */
/* struct kernel_clone_args, as Linux 6.12 to 6.18 lay it out: what clone()/clone3() hand kernel_clone() and copy_process(). */
#ifndef CLONEFUZZ_KARGS_H
#define CLONEFUZZ_KARGS_H

#include <stddef.h>
#include <stdint.h>

#include "kernel.h"

struct cgroup;
struct kres;

/*
 * The v6.18 mirror and the source profiles' kernel code share it.
 * model: cgroup keeps clone3's 64 bits (the kernel narrows it to an int
 * after its INT_MAX check, which a seeded bug removes); a css_set is a
 * kres, as task_struct.cgroups; cset_cgrp is the model's own.
 */
struct kernel_clone_args {
	u64 flags;
	int *pidfd;			/* user pointers */
	int *child_tid;
	int *parent_tid;
	const char *name;
	int exit_signal;
	u32 kthread:1;
	u32 io_thread:1;
	u32 user_worker:1;
	u32 no_files:1;
	unsigned long stack;
	unsigned long stack_size;
	unsigned long tls;
	int *set_tid;
	size_t set_tid_size;		/* how many entries set_tid has */
	u64 cgroup;
	int idle;
	int (*fn)(void *);
	void *fn_arg;
	struct cgroup *cgrp;		/* CLONE_INTO_CGROUP: the target, with a reference */
	struct kres *cset;		/* the css_set the child will join, with a reference */
	struct cgroup *cset_cgrp;	/* the cgroup of that css_set */
};

/* A user address from clone3's 64-bit fields, as the kernel's u64_to_user_ptr(). */
#define u64_to_user_ptr(x)	((void *)(uintptr_t)(x))
/* And back, for the model's user_access_ok(). */
#define user_ptr_addr(p)	((unsigned long long)(uintptr_t)(p))

#endif
