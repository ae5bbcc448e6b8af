// SPDX-License-Identifier: GPL-2.0-only
/* The same late copy_seccomp, but free_task, a helper in this file, puts the filter, so the ladder releases it: clean. */
/* expect-exit: 0 */

void free_task(struct task_struct *tsk)
{
	release_thread_stack(tsk);
	put_seccomp_filter(tsk);
	drop_task_struct(tsk);
}

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
