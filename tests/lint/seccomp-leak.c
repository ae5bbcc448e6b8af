// SPDX-License-Identifier: GPL-2.0-only
/* copy_seccomp before the last checks in a 5.14+ copy_process (sched_core_fork), whose free_task keeps the filter: both late gotos leak it. */
/* expect-exit: 1 */
/* expect: :28: goto bad_fork_unlock when !(ns_of_pid(pid)->pid_allocated&PIDNS_ADDING): seccomp_filter taken by copy_seccomp (line 25) is never released (B15: 5.9 to 6.1 took it before the last failure checks) */
/* expect: :32: goto bad_fork_unlock when fatal_signal_pending(current): seccomp_filter taken by copy_seccomp (line 25) is never released (B15: 5.9 to 6.1 took it before the last failure checks) */

static struct task_struct *copy_process(struct pid *pid, int trace,
					int node, struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
	sched_core_fork(p);
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;

	write_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	/* the filter is copied while the parent cannot change it */
	copy_seccomp(p);
	if (!(ns_of_pid(pid)->pid_allocated & PIDNS_ADDING)) {
		retval = -ENOMEM;
		goto bad_fork_unlock;
	}
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_unlock;
	}
	attach_new_child(p);
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_unlock:
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	exit_files(p);
bad_fork_free:
	free_task(p);
	return ERR_PTR(retval);
}
