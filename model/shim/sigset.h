/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel's signal set and pending list, as the model's task_struct holds them; named apart from the C library's sigset_t. */
#ifndef CLONEFUZZ_SHIM_SIGSET_H
#define CLONEFUZZ_SHIM_SIGSET_H

#include "shim/consts.h"
#include "shim/sync.h"

/*
 * x86-64 has 64 signals, one word (_NSIG is consts.h's). The C library's
 * <sys/select.h> has a sigset_t of its own, so the kernel's is
 * kernel_sigset_t here, and sigset_t only where shim.h renames it for a
 * source profile's fork.c.
 */
#define _NSIG_BPW		64
#define _NSIG_WORDS		(_NSIG / _NSIG_BPW)

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} kernel_sigset_t;

struct sigpending {
	struct list_head list;
	kernel_sigset_t signal;
};

#endif
