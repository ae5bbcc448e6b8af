// SPDX-License-Identifier: GPL-2.0-only
/* The shims' steps: the kernel's signatures for a source profile's fork.c, carried out by the model's helpers for the task being built. */
#define SHIM_STEPS_IMPL	/* the model's own names, not the cut file's */

#include "helpers.h"
#include "pid.h"
#include "shim/ops.h"
#include "shim/steps.h"

static struct kobj *builder(void)
{
	return shim_child ? &shim_child->obj : NULL;
}

struct kres *shim_mpol_dup(struct kres *pol)
{
	return mpol_dup(pol, shim_child);
}

void shim_mpol_put(struct kres *pol)
{
	mpol_put(pol, builder());
}

void shim_mmput(struct mm_struct *mm)
{
	mmput(mm, builder());
}

void shim_free_pid(struct pid *pid)
{
	free_pid(pid, builder());
}

int shim_perf_event_init_task(struct task_struct *child, u64 clone_flags)
{
	(void)clone_flags;	/* model: no perf event is a per-thread one */
	return perf_event_init_task(child);
}

unsigned long rlimit(unsigned int limit)
{
	return current->signal->rlim[limit].rlim_cur;
}

/* model: only RLIMIT_NPROC is counted; the other rlimit counts stay at zero. */
bool is_rlimit_overlimit(struct ucounts *ucounts, enum rlimit_type type, unsigned long rlimit)
{
	return type == UCOUNT_RLIMIT_NPROC &&
	       (unsigned long)ucounts->obj.cnt[HOLD_PROCESSES] > rlimit;
}

bool dec_rlimit_ucounts(struct ucounts *ucounts, enum rlimit_type type, long v)
{
	bool zero = false;

	while (type == UCOUNT_RLIMIT_NPROC && v-- > 0)
		zero = hold_put(&ucounts->obj, builder(), HOLD_PROCESSES);
	return zero;
}
