// SPDX-License-Identifier: GPL-2.0-only
/* An unconditional release made conditional: copy_mm always takes an mm, but the ladder puts it only under CLONE_VM. */
/* expect-exit: 1 */
/* expect: :24: goto bad_fork_cleanup_mm when alloc_pid fails: mm_struct taken by copy_mm (line 18) */
/* expect: :28: goto bad_fork_free_pid when fatal_signal_pending(current): mm_struct taken by copy_mm (line 18) */

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
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, 1);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_mm;
	}
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_free_pid;
	}
	return p;

bad_fork_free_pid:
	free_pid(pid);
bad_fork_cleanup_mm:
	if (clone_flags & CLONE_VM)
		mmput(p->mm);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
