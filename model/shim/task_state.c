// SPDX-License-Identifier: GPL-2.0-only
/* 7.x's exec_state and io_uring restriction copies of the task being built, through the ledger behind their fault sites. */
#include <errno.h>

#include "fault.h"
#include "helpers.h"
#include "world.h"
#include "shim/task_state.h"

#ifdef CLONEFUZZ_SOURCE

int task_exec_state_copy(struct task_struct *tsk)
{
	struct task_exec_state *src = current->exec_state, *dst;

	if (model_fail(SITE_copy_exec_state, false))
		return -ENOMEM;
	dst = alloc_task_exec_state(src->user_ns, &tsk->obj);
	dst->dumpable = src->dumpable;
	tsk->exec_state = dst;
	return 0;
}

/*
 * model: the kernel finds the parent's restriction in the child, where
 * dup_task_struct copied it, and replaces it; the model's dup_task_struct
 * leaves the child none (the 6.x profiles have no restriction), so the
 * parent's is read from current. The restriction's BPF filters are not
 * modelled: the copy takes nothing else.
 */
int io_uring_fork(struct task_struct *tsk)
{
	tsk->io_uring_restrict = NULL;	/* never left pointing at the parent's */
	if (!current->io_uring_restrict)
		return 0;
	if (model_fail(SITE_io_uring_fork, false))
		return -ENOMEM;
	tsk->io_uring_restrict = obj_new(KIND_io_uring_restrict, sizeof(struct kres), &tsk->obj);
	return 0;
}

#endif
