// SPDX-License-Identifier: GPL-2.0-only
/* A release dropped from a label: bad_fork_unlock forgets the siglock, so both gotos under the locks leak it. */
/* expect-exit: 1 */
/* expect: :30: goto bad_fork_unlock when !(task_active_pid_ns(current)->flags&PIDNS_LIVE): siglock taken by spin_lock (line 27) is never released */
/* expect: :34: goto bad_fork_unlock when signal_pending_fatal(current): siglock taken by spin_lock (line 27) is never released */

struct task_struct *copy_process(struct pid *pid, int trace, int node,
				 struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval = -ENOMEM;

	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	retval = copy_files(clone_flags, p, false);
	if (retval)
		goto bad_fork_free;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, NULL, 0);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_files;
	}

	write_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	if (!(task_active_pid_ns(current)->flags & PIDNS_LIVE)) {
		retval = -ENOMEM;
		goto bad_fork_unlock;
	}
	if (signal_pending_fatal(current)) {
		retval = -EINTR;
		goto bad_fork_unlock;
	}
	hook_up_child(p, pid);
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_unlock:
	write_unlock_irq(&tasklist_lock);
bad_fork_free_pid:
	free_pid(pid);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
