// SPDX-License-Identifier: GPL-2.0-only
/* A release dropped from the ladder altogether: with exit_fs gone, the fs_struct copy_fs took leaks on both later gotos. */
/* expect-exit: 1 */
/* expect: :26: goto bad_fork_cleanup_fs when copy_sighand fails: fs_struct taken by copy_fs (line 21) is never released */
/* expect: :29: goto bad_fork_cleanup_sighand when signal_pending(current): fs_struct taken by copy_fs (line 21) is never released */

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
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	if (signal_pending(current)) {
		retval = -ERESTARTNOINTR;
		goto bad_fork_cleanup_sighand;
	}
	return p;

bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
