// SPDX-License-Identifier: GPL-2.0-only
/* A conditional release made unconditional: the pidfd is taken only under CLONE_PIDFD but its label puts it on every fork. */
/* expect-exit: 1 */
/* expect: :37: goto bad_fork_put_pidfd when fatal_signal_pending(current): fput (line 42) releases file */
/* expect: :37: goto bad_fork_put_pidfd when fatal_signal_pending(current): put_unused_fd (line 43) releases fd */

static struct task_struct *copy_process(struct pid *pid, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct file *pidfile = NULL;
	struct task_struct *p;
	int pidfd = -1, retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, NULL, 0);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_free;
	}
	if (clone_flags & CLONE_PIDFD) {
		retval = get_unused_fd_flags(O_RDWR | O_CLOEXEC);
		if (retval < 0)
			goto bad_fork_free_pid;
		pidfd = retval;
		pidfile = anon_inode_getfile("[pidfd]", &pidfd_fops, pid, O_RDWR);
		if (IS_ERR(pidfile)) {
			put_unused_fd(pidfd);
			retval = PTR_ERR(pidfile);
			goto bad_fork_free_pid;
		}
	}
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_put_pidfd;
	}
	return p;

bad_fork_put_pidfd:
	fput(pidfile);
	put_unused_fd(pidfd);
bad_fork_free_pid:
	free_pid(pid);
bad_fork_free:
	free_task(p);
	return ERR_PTR(retval);
}
