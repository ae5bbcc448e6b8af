// SPDX-License-Identifier: GPL-2.0-only
/* An early return with a lock held: the dead-parent bail-out undoes everything by hand but leaves tasklist_lock taken. */
/* expect-exit: 1 */
/* expect: :31: return with tasklist_lock held (taken by write_lock_irq, line 26) */

struct task_struct *copy_process(unsigned long clone_flags, int node,
				 struct kernel_clone_args *args)
{
	struct task_struct *p;
	struct pid *pid;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, 1);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_files;
	}

	write_lock_irq(&tasklist_lock);
	if (unlikely(current->flags & PF_EXITING)) {
		free_pid(pid);
		exit_files(p);
		free_task(p);
		return ERR_PTR(-EINTR);
	}
	adopt_child(p, pid);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_cleanup_files:
	exit_files(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
