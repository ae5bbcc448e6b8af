/* SPDX-License-Identifier: GPL-2.0-only */
/* Plain task bookkeeping a source profile's fork.c only initialises: CPU time, I/O accounting, POSIX CPU timers. */
#ifndef CLONEFUZZ_SHIM_ACCT_H
#define CLONEFUZZ_SHIM_ACCT_H

#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "shim/compiler.h"
#include "shim/sync.h"

/* CPU time bookkeeping the fork only zeroes. */
struct prev_cputime {
	u64 utime;
	u64 stime;
	raw_spinlock_t lock;
};

static inline void prev_cputime_init(struct prev_cputime *prev)
{
	prev->utime = 0;
	prev->stime = 0;
	raw_spin_lock_init(&prev->lock);
}

/* model: the fields of CONFIG_TASK_XACCT and CONFIG_TASK_IO_ACCOUNTING, always there. */
struct task_io_accounting {
	u64 rchar;
	u64 wchar;
	u64 syscr;
	u64 syscw;
	u64 read_bytes;
	u64 write_bytes;
	u64 cancelled_write_bytes;
};

static inline void task_io_accounting_init(struct task_io_accounting *ioac)
{
	memset(ioac, 0, sizeof(*ioac));
}

enum {
	CPUCLOCK_PROF,
	CPUCLOCK_VIRT,
	CPUCLOCK_SCHED,
	CPUCLOCK_MAX,
};

/* model: no timer queue per clock: only the next expiry is kept, no timer is ever queued. */
struct posix_cputimer_base {
	u64 nextevt;
};

struct posix_cputimers {
	struct posix_cputimer_base bases[CPUCLOCK_MAX];
	unsigned int timers_active;
	unsigned int expiry_active;
};

/* model: as under CONFIG_POSIX_TIMERS: every clock's next expiry is "never". */
static inline void posix_cputimers_init(struct posix_cputimers *pct)
{
	int i;

	memset(pct, 0, sizeof(*pct));
	for (i = 0; i < CPUCLOCK_MAX; i++)
		pct->bases[i].nextevt = U64_MAX;
}

/* A new thread group's timers: RLIMIT_CPU, when set, arms the profiling clock. */
static inline void posix_cputimers_group_init(struct posix_cputimers *pct, u64 cpu_limit)
{
	posix_cputimers_init(pct);
	if (cpu_limit != RLIM_INFINITY) {
		pct->bases[CPUCLOCK_PROF].nextevt = cpu_limit * NSEC_PER_SEC;
		pct->timers_active = true;
	}
}

#endif
