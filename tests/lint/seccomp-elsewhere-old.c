// SPDX-License-Identifier: GPL-2.0-only
/* copy_seccomp before the last checks, free_task not in the file, a 3.17-5.2 signature: free_task drops the filter then: clean. */
/* expect-exit: 0 */

static struct task_struct *copy_process(unsigned long clone_flags,
					unsigned long stack_start, unsigned long stack_size,
					int __user *child_tidptr, struct pid *pid, int trace)
{
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
