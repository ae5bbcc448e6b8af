/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel idioms the model's mirrored code uses: error pointers, likely/unlikely. */
#ifndef CLONEFUZZ_KERNEL_H
#define CLONEFUZZ_KERNEL_H

#include <limits.h>
#include <stdint.h>

#include "vocab.h"

#define MAX_ERRNO	4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline int IS_ERR(const void *ptr)
{
	return (uintptr_t)ptr >= (uintptr_t)-MAX_ERRNO;
}

typedef uint64_t u64;
typedef uint32_t u32;

#define CLONE_LEGACY_FLAGS	0xffffffffULL

/*
 * 7.x clone3() flags (Debian 7.2.13's uapi sched.h). No mirror accepts
 * them, so they are no flags.def rows; a source profile's copy_process()
 * and the argument spec's rules for its checks name them.
 */
#define CLONE_AUTOREAP		(1ULL << 34)	/* the child is reaped on exit, without a wait */
#define CLONE_NNP		(1ULL << 35)	/* the child starts with no_new_privs */
#define CLONE_PIDFD_AUTOKILL	(1ULL << 36)	/* closing the clone's pidfd kills the child */

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#endif
