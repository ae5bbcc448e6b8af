// SPDX-License-Identifier: GPL-2.0-only
/* A goto one rung too low: a failing copy_sighand jumps past exit_fs, leaking the fs_struct copy_fs took. */
/* expect-exit: 1 */
/* expect: :25: goto bad_fork_cleanup_files when copy_sighand fails: fs_struct taken by copy_fs (line 20) is never released */

struct task_struct *copy_process(unsigned long clone_flags, unsigned long stack_start,
				 struct pt_regs *regs, int node)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
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
		goto bad_fork_cleanup_files;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;

	if (sibling_limit_reached(current)) {
		retval = -EAGAIN;
		goto bad_fork_cleanup_mm;
	}
	return p;

bad_fork_cleanup_mm:
	mmput(p->mm);
bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		free_signal_struct(p->signal);
bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
