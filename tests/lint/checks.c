// SPDX-License-Identifier: GPL-2.0-only
/* Symmetric, with its checks out of the model's order and one no pairs.def row names (for --against). */
/* expect-exit: 0 */

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct file *pidfile = NULL;
	struct task_struct *p;
	int pidfd = -1, retval;

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
	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;
	if (data_race(nr_threads >= max_threads)) {
		retval = -EAGAIN;
		goto bad_fork_cleanup_count;
	}
	retval = copy_files(clone_flags, p, args->no_files);
	if (retval)
		goto bad_fork_cleanup_count;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, 1);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_files;
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
		retval = put_user(pidfd, args->pidfd);
		if (retval)
			goto bad_fork_put_pidfd;
	}
	write_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_unlock;
	}
	link_new_task(p, pid);
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_unlock:
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
bad_fork_put_pidfd:
	if (clone_flags & CLONE_PIDFD) {
		fput(pidfile);
		put_unused_fd(pidfd);
	}
bad_fork_free_pid:
	free_pid(pid);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_count:
	dec_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
	exit_creds(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
