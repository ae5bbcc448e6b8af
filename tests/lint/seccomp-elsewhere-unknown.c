// SPDX-License-Identifier: GPL-2.0-only
/* copy_seccomp before the last checks, free_task not in the file and nothing saying 5.9 or later: whether it drops the filter is unknown, not a leak. */
/* expect-exit: 0 */
/* expect: :27: goto bad_fork_unlock when !(ns_of_pid(pid)->pid_allocated&PIDNS_ADDING): seccomp_filter taken by copy_seccomp (line 24) is released only if free_task (line 43, not defined in this file) does, as it does in 3.5 to 5.8; this file reads as 5.3 to today (unknown, not counted) */
/* expect: :31: goto bad_fork_unlock when fatal_signal_pending(current): seccomp_filter taken by copy_seccomp (line 24) is released only if free_task (line 43, not defined in this file) does, as it does in 3.5 to 5.8; this file reads as 5.3 to today (unknown, not counted) */

static struct task_struct *copy_process(struct pid *pid, int trace,
					int node, struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
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
