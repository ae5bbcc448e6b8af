// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/fork.c kernel_clone(): the step between the clone()
 * and clone3() entries and copy_process(). Included by v6_18/fork.c after
 * its copy_process(), and by a source profile after the kernel's own.
 */

/*
 * kernel_clone: copy_process(), then for a new child its pid number for the
 * caller and its start. The caller vouches for args->exit_signal.
 */
static long kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int trace = 0;
	long nr;

	/*
	 * CLONE_PIDFD and CLONE_PARENT_SETTID cannot write to one address.
	 * clone() always passes both through parent_tid, so there the two
	 * flags never go together; clone3() has a pidfd field of its own,
	 * which must still differ from parent_tid. One check here serves
	 * both entries.
	 */
	if (model_check(CHECK_pidfd_parent_settid, (clone_flags & CLONE_PIDFD) &&
			(clone_flags & CLONE_PARENT_SETTID) &&
			(args->pidfd == args->parent_tid)))
		return -EINVAL;

	/* model: no tracer is attached, so the ptrace event is always dropped */

	p = copy_process(NULL, trace, -1, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	/* model: neither an error nor a task (bug positive_retval): what the caller got */
	if ((unsigned long)p < 4096)
		return (long)p;

	/*
	 * The pid number is read before the child runs: a child that exits
	 * at once could take p with it.
	 */
	nr = pid_nr_ns(p->thread_pid, task_active_pid_ns(current));	/* pid_vnr */

	/* model: CLONE_PARENT_SETTID's put_user ignores faults, like the kernel */
	model_trace.child = p;
	/* model: CLONE_VFORK's wait ends at once: the child exits or execs later */
	p->__state = TASK_RUNNING;	/* wake_up_new_task(p) */
	return nr;
}
