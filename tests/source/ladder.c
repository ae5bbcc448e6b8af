// SPDX-License-Identifier: GPL-2.0-only
/* A fork.c-shaped copy_process() whose steps the shims all carry: it compiles, and its table takes the v6.18 callees' sites at its own labels; its pidfd is reserved in a CLASS() scope and a guard() holds a lock for one block. */
/* expect-exit: 0 */
/* expect: compiles against the shims */
/* expect-table: CHECK_ROW(pidfd_parent_settid, EINVAL, none, */
/* expect-table: CHECK_ROW(thread_without_sighand, EINVAL, none, "line 49: */
/* expect-table: SITE_ROW(dup_task_struct, ENOMEM, fork_out) */
/* expect-table: SITE_ROW(userns_depth, ENOSPC, bad_fork_free) */
/* expect-table: SITE_ROW(max_threads, EAGAIN, bad_fork_cleanup_count) */
/* expect-table: SITE_ROW(set_tid_taken, EEXIST, bad_fork_cleanup_io) */
/* expect-table: SITE_ROW(fatal_signal, EINTR, bad_fork_put_pidfd) */
/* expect-table: SITE_ROW(pidfd_file, ENOMEM, bad_fork_free_pid) */
/* expect-table: SIGNAL_ROW(fatal_signal) */
/* expect-table: REL_ROW(bad_fork_cleanup_io, io_context, PRESENT, "exit_io_context") */
/* expect-table: REL_ROW(bad_fork_cleanup_count, ucounts, ALWAYS, */
/* expect-not-table: SIGNAL_ROW(signal_pending) */
/* expect-not-table: futex_hash */
#include <linux/sched/task.h>

/* The descriptor goes back by itself on every early return; take_fd() keeps it. */
static int pidfd_prepare(struct pid *pid, unsigned int flags, struct file **filep)
{
	struct file *file;

	if (!(flags & PIDFD_STALE)) {
		guard(spinlock_irq)(&pid->wait_pidfd.lock);
		if (!pid_has_task(pid, PIDTYPE_PID))
			return -ESRCH;
	}
	CLASS(get_unused_fd, fd)(O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = pidfs_alloc_file(pid, flags | O_RDWR);
	if (IS_ERR(file))
		return PTR_ERR(file);
	*filep = file;
	return take_fd(fd);
}

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	struct file *pidfile = NULL;
	int retval, pidfd = -1;

	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);

	{
		guard(spinlock_irq)(&current->sighand->siglock);
		current->flags &= ~PF_NPROC_EXCEEDED;
	}

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;
	retval = -EAGAIN;
	if (data_race(nr_threads >= max_threads))
		goto bad_fork_cleanup_count;
	retval = copy_io(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, args->set_tid_size);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_io;
	}
	if (clone_flags & CLONE_PIDFD) {
		retval = pidfd_prepare(pid, PIDFD_STALE, &pidfile);
		if (retval < 0)
			goto bad_fork_free_pid;
		pidfd = retval;
		retval = put_user(pidfd, args->pidfd);
		if (retval)
			goto bad_fork_put_pidfd;
	}
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_put_pidfd;
	}
	if (pidfile)
		fd_install(pidfd, pidfile);
	return p;

bad_fork_put_pidfd:
	if (clone_flags & CLONE_PIDFD) {
		fput(pidfile);
		put_unused_fd(pidfd);
	}
bad_fork_free_pid:
	free_pid(pid);
bad_fork_cleanup_io:
	if (p->io_context)
		exit_io_context(p);
bad_fork_cleanup_count:
	dec_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
	exit_creds(p);
bad_fork_free:
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
