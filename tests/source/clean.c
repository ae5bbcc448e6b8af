// SPDX-License-Identifier: GPL-2.0-only
/* A fork.c-shaped file whose every name the shims know: a helper it reaches, one it does not, a counter the shims provide, tests made fault sites. */
/* expect-exit: 0 */
/* expect: copy_process() and 1 same-file functions it reaches */
/* expect: compiles against the shims */
/* expect-file: fork_out: ladder_label(L_fork_out); */
/* expect-file: static void helper_reached(struct task_struct *p) */
/* expect-not-file: helper_unreached */
/* expect-not-file: int nr_threads; */
/* expect-not-file: #include */
/* expect-file: if (model_fail(SITE_max_threads, (nr_threads >= max_threads))) */
/* expect-file: if (model_fault_guard(SITE_rlimit_nproc, (is_rlimit_overlimit(task_ucounts(p), UCOUNT_RLIMIT_NPROC, rlimit(RLIMIT_NPROC))))) { */
/* expect-file: if (model_fail(SITE_rlimit_nproc, (!capable(CAP_SYS_RESOURCE)))) */
#include <linux/sched.h>

int nr_threads;		/* the world's counter: the shims provide it, the file's copy goes */

static int helper_unreached(void)
{
	return undefined_anywhere(42);
}

static void helper_reached(struct task_struct *p)
{
	p->exit_signal = 0;
}

static struct task_struct *copy_process(u64 clone_flags, struct task_struct *p)
{
	int retval;

	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	retval = -EAGAIN;
	if (nr_threads >= max_threads)
		goto fork_out;
	if (is_rlimit_overlimit(task_ucounts(p), UCOUNT_RLIMIT_NPROC, rlimit(RLIMIT_NPROC))) {
		if (!capable(CAP_SYS_RESOURCE))
			goto fork_out;
	}
	helper_reached(p);
	return p;

fork_out:
	return ERR_PTR(retval);
}
