// SPDX-License-Identifier: GPL-2.0-only
/* Unbalanced braces: the CLONE_PIDFD block is never closed, so the body cannot be followed (exit 2). */
/* expect-exit: 2 */
/* expect-stderr: unbalanced braces */

struct task_struct *copy_process(unsigned long clone_flags, int node,
				 struct kernel_clone_args *args)
{
	struct task_struct *p;
	int pidfd, retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
	if (clone_flags & CLONE_PIDFD) {
		retval = get_unused_fd_flags(O_RDWR | O_CLOEXEC);
		if (retval < 0)
			goto bad_fork_free;
		pidfd = retval;
	return p;

bad_fork_free:
	free_task(p);
	return ERR_PTR(retval);
}
