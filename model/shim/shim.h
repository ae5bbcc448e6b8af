/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a source profile's extracted kernel/fork.c sees in place of the
 * kernel's headers: the model's structs under their kernel names, and the
 * kernel's types, macros and functions mapped onto the model's world.
 * `clonefuzz source` compiles the extracted file with this header forced
 * in (-include), and lists whatever the file names that is not here.
 * Config choices: shim/config.h.
 *
 * The type headers (compiler.h, consts.h, sync.h, signal.h, task.h) take
 * or drop no reference, lock or allocation: lock and counter types are
 * plain storage, their initialisers write it, and what acquires or
 * releases goes through the ledger.
 * model: one CPU and one thread, so the barriers, the RCU grace periods
 * and the atomicity of the kernel's primitives have nothing to order.
 */
#ifndef CLONEFUZZ_SHIM_H
#define CLONEFUZZ_SHIM_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "shim/config.h"
#include "fault.h"
#include "kernel.h"
#include "ledger.h"
#include "world.h"
#include "shim/task.h"
#include "shim/ops.h"
#include "shim/hooks.h"
#include "shim/slab.h"
#include "shim/steps.h"
#include "shim/task_state.h"

/* Types. */
typedef uint8_t u8;
typedef uint16_t u16;
typedef int32_t s32;
typedef int64_t s64;
typedef int pid_t;

/* Annotations that mean nothing in user space. */
#define __user
#define __rcu
#define __init
#define __weak		__attribute__((weak))
#define __latent_entropy
#ifndef __always_inline
#define __always_inline	inline __attribute__((always_inline))
#endif
#define __must_check	__attribute__((warn_unused_result))
#define __cacheline_aligned
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)

/* Errors the kernel has and user space does not. */
#define ERESTARTNOINTR	513

/* The kernel's signal set under its own name, past every C library header. */
#define sigset_t	kernel_sigset_t

#endif
