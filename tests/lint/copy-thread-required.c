// SPDX-License-Identifier: GPL-2.0-only
/* A required resource: copy_thread's io_bitmap has no exit_thread anywhere, so every goto after it leaks it (the copy_thread failure itself does not). */
/* expect-exit: 1 */
/* expect: :31: goto bad_fork_cleanup_io when alloc_pid fails: io_bitmap taken by copy_thread (line 23) is never released (B3: before 4.7 nothing undid copy_thread) */
/* expect: :38: goto bad_fork_free_pid when signal_pending(current): io_bitmap taken by copy_thread (line 23) is never released (B3: before 4.7 nothing undid copy_thread) */

static struct task_struct *copy_process(unsigned long clone_flags,
					unsigned long stack_start,
					unsigned long stack_size,
					int __user *child_tidptr,
					struct pid *pid, int trace)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;
	retval = copy_io(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_thread(clone_flags, stack_start, stack_size, p);
	if (retval)
		goto bad_fork_cleanup_io;

	if (pid != &init_struct_pid) {
		retval = -ENOMEM;
		pid = alloc_pid(p->nsproxy->pid_ns);
		if (!pid)
			goto bad_fork_cleanup_io;
	}

	write_lock_irq(&tasklist_lock);
	if (signal_pending(current)) {
		write_unlock_irq(&tasklist_lock);
		retval = -ERESTARTNOINTR;
		goto bad_fork_free_pid;
	}
	attach_pid(p, PIDTYPE_PID, pid);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_free_pid:
	if (pid != &init_struct_pid)
		free_pid(pid);
bad_fork_cleanup_io:
	if (p->io_context)
		exit_io_context(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
