// SPDX-License-Identifier: GPL-2.0-only
/* A release made only inside a same-file helper still counts: a copy_files failure jumps onto the rung whose helper runs exit_files. */
/* expect-exit: 1 */
/* expect: :28: goto bad_fork_cleanup_tables when copy_files fails: exit_files (line 35) releases files_struct, which is not held there */

static void drop_child_tables(struct task_struct *tsk)
{
	exit_fs(tsk);
	exit_files(tsk);
}

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
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_tables;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_tables;
	return p;

bad_fork_cleanup_tables:
	drop_child_tables(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
