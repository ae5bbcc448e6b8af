// SPDX-License-Identifier: GPL-2.0-only
/* Symmetric, with its checks out of the model's order and one no pairs.def row names (for --against). */
/* expect-exit: 0 */

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int pidfd = -1;
	int retval;

	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & (CLONE_NEWNS|CLONE_FS)) == (CLONE_NEWNS|CLONE_FS))
		return ERR_PTR(-EINVAL);
	if (clone_flags & CLONE_UNTRACED)
		return ERR_PTR(-EINVAL);

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	if (data_race(nr_threads >= max_threads)) {
		retval = -EAGAIN;
		goto bad_fork_free;
	}
	return p;

bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
