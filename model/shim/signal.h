/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel's signal sets, sigaction and pending lists for a source profile (x86-64 layout; <signal.h> is never included). */
#ifndef CLONEFUZZ_SHIM_SIGNAL_H
#define CLONEFUZZ_SHIM_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "shim/compiler.h"
#include "shim/sigset.h"
#include "shim/sync.h"

#define sigmask(sig)		(1UL << ((sig) - 1))

static inline void siginitset(kernel_sigset_t *set, unsigned long mask)
{
	size_t i;

	set->sig[0] = mask;
	for (i = 1; i < _NSIG_WORDS; i++)
		set->sig[i] = 0;
}

static inline void siginitsetinv(kernel_sigset_t *set, unsigned long mask)
{
	size_t i;

	set->sig[0] = ~mask;
	for (i = 1; i < _NSIG_WORDS; i++)
		set->sig[i] = ~0UL;
}

static inline void sigemptyset(kernel_sigset_t *set)
{
	siginitset(set, 0);
}

static inline void sigfillset(kernel_sigset_t *set)
{
	siginitsetinv(set, 0);
}

static inline void sigaddset(kernel_sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] |= 1UL << ((sig - 1) % _NSIG_BPW);
}

static inline void sigdelset(kernel_sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] &= ~(1UL << ((sig - 1) % _NSIG_BPW));
}

static inline bool sigismember(const kernel_sigset_t *set, int sig)
{
	return (set->sig[(sig - 1) / _NSIG_BPW] >> ((sig - 1) % _NSIG_BPW)) & 1;
}

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);

#ifndef SIG_DFL
#define SIG_DFL			((__sighandler_t)0)
#define SIG_IGN			((__sighandler_t)1)
#define SIG_ERR			((__sighandler_t)-1)
#endif

/* The kernel's sigaction, x86-64 layout (with sa_restorer); <signal.h> is not included. */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	kernel_sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/* Signals for more than one process that arrive during a fork, kept aside. */
struct multiprocess_signals {
	kernel_sigset_t signal;
	struct hlist_node node;
};

static inline void init_sigpending(struct sigpending *sig)
{
	sigemptyset(&sig->signal);
	INIT_LIST_HEAD(&sig->list);
}

#endif
