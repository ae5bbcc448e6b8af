// SPDX-License-Identifier: GPL-2.0-only
/* ladder.c with the max_threads failure aimed one label low (bad_fork_free): the profile leaks the creds and the NPROC charge. */
/* expect-exit: 0 */
/* expect: compiles against the shims */
#include <linux/sched/task.h>

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;
	retval = -EAGAIN;
	if (data_race(nr_threads >= max_threads))
		goto bad_fork_free;
	retval = copy_io(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, args->set_tid_size);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_io;
	}
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_free_pid;
	}
	return p;

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
