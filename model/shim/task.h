/* SPDX-License-Identifier: GPL-2.0-only */
/* What kernel_clone() hands copy_process(), strings, clocks, and the model's world under the kernel's names, for a source profile's fork.c. */
#ifndef CLONEFUZZ_SHIM_TASK_H
#define CLONEFUZZ_SHIM_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "kargs.h"
#include "world.h"
#include "shim/compiler.h"
#include "shim/signal.h"
#include "shim/acct.h"


/* Strings: strscpy() and strscpy_pad(), with the size or sizeof the array. */
static inline long shim_strscpy(char *dst, const char *src, size_t size, bool pad)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len);
	memset(dst + len, 0, pad ? size - len : 1);
	return (long)len;
}

#define shim_size_or_sizeof(dummy, size, ...)	size
#define strscpy(dst, src, ...) \
	shim_strscpy(dst, src, shim_size_or_sizeof(0, ##__VA_ARGS__, sizeof(dst)), false)
#define strscpy_pad(dst, src, ...) \
	shim_strscpy(dst, src, shim_size_or_sizeof(0, ##__VA_ARGS__, sizeof(dst)), true)

/* Clocks. model: no clock; every task starts at time 0, so runs repeat exactly. */
typedef int64_t ktime_t;

static inline u64 ktime_get_ns(void)
{
	return 0;
}

static inline u64 ktime_get_boottime_ns(void)
{
	return 0;
}

/* The model's world under the kernel's names. */
#define INIT_USER		root_user	/* model: world.h's root_user is already a pointer */

static inline struct ucounts *task_ucounts(struct task_struct *task)
{
	return rcu_dereference(task->real_cred)->ucounts;
}

/* Whether @pid is the init of the namespace it was made in. */
static inline bool is_child_reaper(struct pid *pid)
{
	return pid->numbers[pid->level].nr == 1;
}

#endif
