// SPDX-License-Identifier: GPL-2.0-only
/* A goto to a label the ladder lacks: the copy_signal failure still aims at a removed bad_fork_cleanup_sighand. */
/* expect-exit: 1 */
/* expect: :22: goto bad_fork_cleanup_sighand when copy_signal fails: no such label below the success return */

struct task_struct *copy_process(unsigned long clone_flags, unsigned long stack_start,
				 unsigned long stack_size, int __user *child_tidptr,
				 struct pid *pid, int trace)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	return p;

bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		free_signal_struct(p->signal);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
