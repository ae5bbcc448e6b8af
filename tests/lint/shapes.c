// SPDX-License-Identifier: GPL-2.0-only
/* The failing step holds nothing, in the `if (!f())` and IS_ERR shapes: each goto to its own release's rung puts what it never got. */
/* expect-exit: 1 */
/* expect: :20: goto bad_fork_put_domain when try_module_get fails: module_put (line 40) releases module, which is not held there */
/* expect: :28: goto bad_fork_free_pid when alloc_pid fails: free_pid (line 37) releases pid, which is not held there */

struct task_struct *copy_process(unsigned long clone_flags, unsigned long stack_start,
				 int __user *child_tidptr, struct pid *pid, int trace)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	retval = -EAGAIN;
	if (!try_module_get(task_thread_info(p)->exec_domain->module))
		goto bad_fork_put_domain;
	retval = copy_semundo(clone_flags, p);
	if (retval)
		goto bad_fork_put_domain;

	pid = alloc_pid(p->nsproxy->pid_ns_for_children);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_free_pid;
	}
	if (signal_pending(current)) {
		retval = -ERESTARTNOINTR;
		goto bad_fork_free_pid;
	}
	return p;

bad_fork_free_pid:
	free_pid(pid);
	exit_sem(p);
bad_fork_put_domain:
	module_put(task_thread_info(p)->exec_domain->module);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
