// SPDX-License-Identifier: GPL-2.0-only
/* perf_event_init_task failing into the label that runs perf_event_free_task: a partial step, so the release may run; clean. */
/* expect-exit: 0 */

struct task_struct *copy_process(unsigned long clone_flags, unsigned long stack_start,
				 unsigned long stack_size, int __user *child_tidptr,
				 struct pid *pid, int trace)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	/* a half-inherited context is torn down by the same rung */
	retval = perf_event_init_task(p);
	if (retval)
		goto bad_fork_cleanup_perf;
	retval = audit_alloc(p);
	if (retval)
		goto bad_fork_cleanup_perf;
	retval = security_task_alloc(p, clone_flags);
	if (retval)
		goto bad_fork_cleanup_audit;
	return p;

bad_fork_cleanup_audit:
	audit_free(p);
bad_fork_cleanup_perf:
	perf_event_free_task(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
