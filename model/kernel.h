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

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#endif
