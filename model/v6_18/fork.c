// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model of Linux 6.18 kernel/fork.c: copy_process(), kernel_clone() and the
 * clone()/clone3() entries, statement by statement, read from CachyOS/linux
 * @ 0801e7ef5c6f67eeb9a3b9608bf5636a3ba6e2ff (6.18.30; its distribution-only
 * unprivileged_userns_clone check is left out, as mainline has none). The
 * reading, line by line, and the neighbouring files used are in
 * docs/kernel-6.18.md. Lines that only initialise fields nobody checks are
 * elided; the checks, steps, labels and conditional releases are all here,
 * in the kernel's order.
 * model: no keyrings, kernel threads, sched_ext scheduler or CET shadow
 * stacks; no tracer is attached.
 */
#include <string.h>

#include "../bug.h"
#include "../fault.h"
#include "../helpers.h"
#include "../kargs.h"
#include "../kernel.h"
#include "../nsproxy.h"
#include "../pid.h"
#include "../profile.h"


static unsigned int current_euid(void)
{
	return current->cred->euid;
}

#include "cred.c"
#include "namespaces.c"
#include "pid.c"
#include "cgroup.c"
#include "callees.c"

static int copy_files(u64 clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf, *newf;

	/*
	 * The caller may have no file table at all: nothing to copy then.
	 */
	oldf = current->files;
	if (!oldf)
		return 0;

	if (clone_flags & CLONE_FILES) {
		get_ref(&oldf->obj, &tsk->obj);
		return 0;
	}

	newf = dup_fd(oldf, tsk);
	if (IS_ERR(newf))
		return PTR_ERR(newf);
	tsk->files = newf;
	return 0;
}

static int copy_signal(u64 clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;

	sig = NULL;
	if (!model_fail(SITE_copy_signal, false))
		sig = obj_new(KIND_signal_struct, sizeof(*sig), &tsk->obj);
	tsk->signal = sig;
	if (!sig)
		return -ENOMEM;

	sig->nr_threads = 1;
	hold_get(&sig->obj, &tsk->obj, HOLD_LIVE);	/* atomic_set(&sig->live, 1) */
	sig->rlim[RLIMIT_NPROC].rlim_cur = current->signal->rlim[RLIMIT_NPROC].rlim_cur;	/* copied under task_lock */
	sig->rlim[RLIMIT_NOFILE].rlim_cur = current->signal->rlim[RLIMIT_NOFILE].rlim_cur;
	return 0;
}

static void free_signal_struct(struct signal_struct *sig, struct kobj *owner)
{
	/* model: the new struct's sigcnt and live go with it */
	hold_put(&sig->obj, owner, HOLD_LIVE);
	put_ref(&sig->obj, owner);
	kobj_free(&sig->obj);
}

/* copy_seccomp: the child runs under its parent's filter, with a reference. */
static void copy_seccomp(struct task_struct *p)
{
	p->seccomp.filter = current->seccomp.filter;
	if (p->seccomp.filter)
		get_ref(&p->seccomp.filter->obj, &p->obj);	/* get_seccomp_filter */
}

static bool task_sigpending(struct task_struct *t)
{
	return t->pending.signal.sig[0] != 0;
}

static bool fatal_signal_pending(struct task_struct *t)
{
	return t->pending.signal.sig[0] & (1UL << (SIGKILL - 1));
}

static void mm_clear_owner(struct mm_struct *mm, struct task_struct *p)
{
	if (mm->owner == p)
		mm->owner = NULL;
}

/*
 * copy_process: builds the child from the caller, copying or sharing each
 * part as the clone flags say, and returns it without starting it; that is
 * kernel_clone's job.
 */
static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	int pidfd = -1, retval;
	struct task_struct *p;
	const u64 clone_flags = args->flags;
	struct nsproxy *nsp = current->nsproxy;
	struct fd_slot *pidfd_slot = NULL;
	struct pidfd_file *pidfile = NULL;

	(void)trace;
	(void)node;

	/* bug newuser_fs_before_newns_fs: the next check first */
	if (bug_on(BUG_newuser_fs_before_newns_fs) &&
	    model_check(CHECK_newuser_fs, (clone_flags & (CLONE_NEWUSER|CLONE_FS)) ==
					  (CLONE_NEWUSER|CLONE_FS)))
		return ERR_PTR(-EINVAL);

	/*
	 * CLONE_FS with CLONE_NEWNS would share one root and working
	 * directory across two mount namespaces.
	 */
	if (model_check(CHECK_newns_fs, (clone_flags & (CLONE_NEWNS|CLONE_FS)) ==
					(CLONE_NEWNS|CLONE_FS)))
		return ERR_PTR(-EINVAL);

	if (!bug_on(BUG_newuser_fs_allowed) &&
	    model_check(CHECK_newuser_fs, (clone_flags & (CLONE_NEWUSER|CLONE_FS)) ==
					  (CLONE_NEWUSER|CLONE_FS)))
		return ERR_PTR(-EINVAL);

	/*
	 * A thread (CLONE_THREAD) must come with CLONE_SIGHAND: all the
	 * threads of a group share one set of signal handlers.
	 */
	if (!bug_on(BUG_thread_without_sighand_allowed) &&
	    model_check(CHECK_thread_without_sighand,
			(clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND)))
		return ERR_PTR(-EINVAL);

	/*
	 * Shared handlers need a shared address space, and so, after the
	 * check above, does a thread; refusing the other combinations keeps
	 * the signal code simple.
	 */
	if (model_check(CHECK_sighand_without_vm,
			(clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM)))
		return ERR_PTR(-EINVAL);

	/*
	 * No init, global or of a pid namespace, may make siblings with
	 * CLONE_PARENT: the idle task, global init's parent, would never
	 * reap them, and a container's process tree would get two roots.
	 */
	if (model_check(CHECK_parent_from_init, (clone_flags & CLONE_PARENT) &&
			current->signal->flags & SIGNAL_UNKILLABLE))
		return ERR_PTR(-EINVAL);

	/*
	 * A thread stays in the caller's pid and user namespaces: no
	 * CLONE_NEWUSER or CLONE_NEWPID, and no other pid namespace pending
	 * for children after setns() or unshare().
	 */
	if (clone_flags & CLONE_THREAD) {
		if (model_check(CHECK_thread_newns_pidns,
				(clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)) ||
				(task_active_pid_ns(current) != nsp->pid_ns_for_children)))
			return ERR_PTR(-EINVAL);
	}

	if (clone_flags & CLONE_PIDFD) {
		/*
		 * CLONE_DETACHED is refused alongside CLONE_PIDFD, which keeps
		 * that old bit free for a later meaning.
		 */
		if (model_check(CHECK_pidfd_detached, clone_flags & CLONE_DETACHED))
			return ERR_PTR(-EINVAL);
	}

	/*
	 * A signal already pending is handled first (the fork restarts);
	 * one sent to many processes while the fork runs is held back on
	 * the multiprocess list and counts as arriving after it.
	 * model: the delayed record is list linkage only, nothing to release
	 */
	model_signal_point(SITE_signal_pending);	/* recalc_sigpending */
	retval = -ERESTARTNOINTR;
	if (model_fail(SITE_signal_pending, task_sigpending(current)))
		goto fork_out;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;
	p->security = NULL;
	p->cgroup = NULL;
	/* model: elided PF_KTHREAD/PF_USER_WORKER flags, comm, child_tid pointers, ftrace, rt_mutex */

	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;

	retval = -EAGAIN;
	if (model_fail(SITE_rlimit_nproc,
		       nproc_counter(p->real_cred)->cnt[HOLD_PROCESSES] -
		       (bug_on(BUG_rlimit_nproc_plus_one) ? 1 : 0) >
		       (long)p->signal->rlim[RLIMIT_NPROC].rlim_cur &&
		       p->real_cred->user != root_user &&
		       !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN)))
		goto bad_fork_cleanup_count;
	current->flags &= ~PF_NPROC_EXCEEDED;

	/*
	 * A guard against fork bombs only: concurrent forks can all pass it
	 * before nr_threads counts any of them, and that is acceptable.
	 */
	retval = -EAGAIN;
	if (model_fail(SITE_max_threads, nr_threads >= max_threads))
		goto bad_fork_cleanup_count;

	delayacct_tsk_init(p);	/* only once dup_task_struct() has run */
	p->flags &= ~PF_SUPERPRIV;
	p->flags |= PF_FORKNOEXEC;
	/* model: elided list, lock, time and accounting initialisation */

	p->io_context = NULL;
	p->audit_context = NULL;
	cgroup_fork(p);
	/* model: no kernel threads, so no set_kthread_struct */
	p->mempolicy = mpol_dup(p->mempolicy, p);
	if (IS_ERR(p->mempolicy)) {
		retval = PTR_ERR(p->mempolicy);
		p->mempolicy = NULL;
		goto bad_fork_cleanup_delayacct;
	}

	/* Scheduler state for the child, and a CPU to run on. */
	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_policy;

	retval = perf_event_init_task(p);
	if (retval)
		goto bad_fork_sched_cancel_fork;
	retval = audit_alloc(p);
	if (retval)
		goto bad_fork_cleanup_perf;
	/* each resource the child copies or shares, in turn */
	retval = security_task_alloc(p);
	if (retval)
		goto bad_fork_cleanup_audit;
	retval = copy_semundo(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_security;
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_semundo;
	retval = copy_fs(clone_flags, p);
	if (retval) {
		/* bugs: the goto one rung too high, or one too low */
		if (bug_on(BUG_fs_goto_one_high))
			goto bad_fork_cleanup_fs;
		if (bug_on(BUG_fs_goto_one_low))
			goto bad_fork_cleanup_semundo;
		goto bad_fork_cleanup_files;
	}
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_namespaces(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_mm;
	retval = copy_io(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_namespaces;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_io;

	if (pid != &init_struct_pid) {
		pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid,
				args->set_tid_size, p);
		if (IS_ERR(pid)) {
			retval = PTR_ERR(pid);
			goto bad_fork_cleanup_thread;
		}
	}

	/*
	 * The pidfd is reserved only now, after copy_files, so that a child
	 * with a table of its own does not get a copy of it.
	 */
	if (clone_flags & CLONE_PIDFD) {
		pidfd_slot = pidfd_prepare(pid, &pidfile, p);
		if (IS_ERR(pidfd_slot)) {
			retval = PTR_ERR(pidfd_slot);
			pidfd_slot = NULL;
			/* bug positive_retval: the descriptor number stays in retval */
			if (bug_on(BUG_positive_retval) && retval == -ENOMEM)
				retval = fdt_lowest_free(current->files);
			/* bug pidfd_unlock_not_taken: the label of the cgroup steps */
			if (bug_on(BUG_pidfd_unlock_not_taken))
				goto bad_fork_cancel_cgroup;
			goto bad_fork_free_pid;
		}
		pidfd = pidfd_slot->fd;
		/* bug pidfd_installed_early: visible before the point of no return */
		if (bug_on(BUG_pidfd_installed_early))
			fd_install(pidfd_slot, pidfile, &p->obj);

		retval = -EFAULT;
		if (model_fail(SITE_pidfd_put_user, !user_access_ok(user_ptr_addr(args->pidfd), sizeof(int))))
			goto bad_fork_put_pidfd;
	}

	/* model: elided futex lists, sigaltstack, single-step clearing */

	/* every resource of the child is in place */
	p->pid = pid_nr(pid);
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
	}

	/*
	 * cgroup_can_fork: the cgroup controllers (here pids.max) may refuse
	 * the child. Until cgroup_post_fork() a migration in progress can
	 * still change the css_set it will join.
	 */
	retval = cgroup_can_fork(p, args);
	if (retval)
		goto bad_fork_put_pidfd;

	/*
	 * sched_cgroup_fork: with the cgroups pinned, the child takes its
	 * scheduler group from them and is placed on a runqueue, while it is
	 * still invisible. It is not a ->can_fork() hook because the runqueue
	 * placement is needed whatever the cgroup setup.
	 */
	retval = -ENOMEM;
	if (model_fail(SITE_sched_cgroup_fork, false))
		goto bad_fork_cancel_cgroup;

	/*
	 * A new thread sizes the process's private futex hash to the number
	 * of threads (kernel/futex/core.c futex_hash_allocate_default).
	 */
	if (need_futex_hash_allocate_default(clone_flags)) {
		retval = futex_hash_allocate_default();
		if (retval && bug_on(BUG_futex_core_free))
			goto bad_fork_core_free;
		if (retval)
			goto bad_fork_cancel_cgroup;
		/*
		 * A later failure keeps the hash: another thread is expected
		 * to use it, and it goes away with the mm.
		 */
	}

	/*
	 * Under tasklist_lock the child gets its parent and becomes visible
	 * to others; kernel_clone wakes it up later.
	 */
	lock_take(&tasklist_lock_obj->obj, &current->obj);

	/* CLONE_PARENT and threads take the caller's parent */
	if (clone_flags & (CLONE_PARENT|CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		if (clone_flags & CLONE_THREAD)
			p->exit_signal = -1;
		else
			p->exit_signal = current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
		p->exit_signal = args->exit_signal;
	}
	p->parent = p->real_parent;

	lock_take(&current->sighand->obj, &current->obj);

	/* bug seccomp_before_last_check: the reference before the last failures */
	if (bug_on(BUG_seccomp_before_last_check))
		copy_seccomp(p);

	/*
	 * A pid namespace that is shutting down takes no new children.
	 * model: the pid namespace lost PIDNS_ADDING only by an outside race
	 */
	retval = -ENOMEM;
	if (model_fail(SITE_pidns_dead, !(ns_of_pid(pid)->pid_allocated & PIDNS_ADDING)))
		goto bad_fork_core_free;

	/* a fatal signal for the caller aborts the fork here */
	model_signal_point(SITE_fatal_signal);
	retval = -EINTR;
	if (model_fail(SITE_fatal_signal, fatal_signal_pending(current)))
		goto bad_fork_core_free;

	/* from here on nothing can fail */

	/*
	 * The seccomp filter is taken only now, under the sighand lock, so a
	 * filter the caller installed meanwhile is not missed.
	 */
	if (!bug_on(BUG_seccomp_before_last_check))
		copy_seccomp(p);
	if (likely(p->pid)) {
		p->thread_pid = pid;	/* init_task_pid(p, PIDTYPE_PID, pid) */
		if (thread_group_leader(p)) {
			if (pid_nr_ns(pid, ns_of_pid(pid)) == 1) {	/* is_child_reaper */
				ns_of_pid(pid)->child_reaper = p;
				p->signal->flags |= SIGNAL_UNKILLABLE;
			}
			world_attach(p);	/* children and tasks lists */
			nr_processes++;		/* __this_cpu_inc(process_counts) */
		} else {
			current->signal->nr_threads++;
			hold_get(&current->signal->obj, &p->obj, HOLD_LIVE);
			get_ref(&current->signal->obj, &p->obj);	/* sigcnt */
			world_attach(p);	/* thread_node list */
		}
		if (!bug_on(BUG_nr_threads_not_counted))
			nr_threads++;
	}
	total_forks++;
	lock_drop(&current->sighand->obj, &current->obj);
	lock_drop(&tasklist_lock_obj->obj, &current->obj);

	if (pidfile && !bug_on(BUG_pidfd_installed_early))
		fd_install(pidfd_slot, pidfile, &p->obj);

	cgroup_post_fork(p, args);
	(void)pidfd;
	return p;

bad_fork_core_free:
	ladder_label(L_bad_fork_core_free);
	/* model: sched_core_free has no cookie to drop */
	lock_drop(&current->sighand->obj, &current->obj);
	lock_drop(&tasklist_lock_obj->obj, &current->obj);
bad_fork_cancel_cgroup:
	ladder_label(L_bad_fork_cancel_cgroup);
	cgroup_cancel_fork(p, args);
bad_fork_put_pidfd:
	ladder_label(L_bad_fork_put_pidfd);
	if (clone_flags & CLONE_PIDFD && pidfile && bug_on(BUG_pidfd_installed_early)) {
		close_installed_fd(pidfd_slot);	/* ksys_close() of the early install */
	} else if ((clone_flags & CLONE_PIDFD) && pidfile) {
		/* model: pidfile is set before any jump here; a bug could jump earlier */
		fput_pidfd(pidfile, &p->obj);
		put_unused_fd(pidfd_slot, &p->obj);
		if (bug_on(BUG_extra_put_pid))
			put_pid(pid, &p->obj);
	}
bad_fork_free_pid:
	ladder_label(L_bad_fork_free_pid);
	if (pid != &init_struct_pid && !bug_on(BUG_pid_not_freed))
		free_pid(pid, &p->obj);
bad_fork_cleanup_thread:
	ladder_label(L_bad_fork_cleanup_thread);
	if (!bug_on(BUG_no_exit_thread))
		exit_thread(p);
bad_fork_cleanup_io:
	ladder_label(L_bad_fork_cleanup_io);
	if (p->io_context)
		exit_io_context(p);
bad_fork_cleanup_namespaces:
	ladder_label(L_bad_fork_cleanup_namespaces);
	if (!bug_on(BUG_namespaces_release_dropped))
		exit_task_namespaces(p);
bad_fork_cleanup_mm:
	ladder_label(L_bad_fork_cleanup_mm);
	if (p->mm && (!bug_on(BUG_mm_put_only_without_vm) || !(clone_flags & CLONE_VM))) {
		mm_clear_owner(p->mm, p);
		mmput(p->mm, &p->obj);
	}
bad_fork_cleanup_signal:
	ladder_label(L_bad_fork_cleanup_signal);
	if (!(clone_flags & CLONE_THREAD) || bug_on(BUG_signal_freed_for_threads))
		free_signal_struct(p->signal, &p->obj);
bad_fork_cleanup_sighand:
	ladder_label(L_bad_fork_cleanup_sighand);
	__cleanup_sighand(p->sighand, &p->obj);
bad_fork_cleanup_fs:
	ladder_label(L_bad_fork_cleanup_fs);
	if (bug_on(BUG_fs_files_labels_swapped))
		exit_files(p);
	else
		exit_fs(p); /* may sleep */
bad_fork_cleanup_files:
	ladder_label(L_bad_fork_cleanup_files);
	if (bug_on(BUG_fs_files_labels_swapped))
		exit_fs(p);
	else if (!bug_on(BUG_files_release_dropped))
		exit_files(p); /* may sleep */
bad_fork_cleanup_semundo:
	ladder_label(L_bad_fork_cleanup_semundo);
	exit_sem(p);
bad_fork_cleanup_security:
	ladder_label(L_bad_fork_cleanup_security);
	security_task_free(p);
bad_fork_cleanup_audit:
	ladder_label(L_bad_fork_cleanup_audit);
	audit_free(p);
bad_fork_cleanup_perf:
	ladder_label(L_bad_fork_cleanup_perf);
	perf_event_free_task(p);
bad_fork_sched_cancel_fork:
	ladder_label(L_bad_fork_sched_cancel_fork);
	/* model: sched_cancel_fork has nothing to undo without sched_ext */
bad_fork_cleanup_policy:
	ladder_label(L_bad_fork_cleanup_policy);
	mpol_put(p->mempolicy, &p->obj);
bad_fork_cleanup_delayacct:
	ladder_label(L_bad_fork_cleanup_delayacct);
	delayacct_tsk_free(p);
bad_fork_cleanup_count:
	ladder_label(L_bad_fork_cleanup_count);
	if (!bug_on(BUG_nproc_not_restored))
		hold_put(nproc_counter(p->cred), &p->obj, HOLD_PROCESSES);	/* dec_rlimit_ucounts */
	exit_creds(p);
bad_fork_free:
	ladder_label(L_bad_fork_free);
	p->__state = TASK_DEAD;
	/* bug seccomp_before_last_check: free_task then had no put for the filter */
	if (bug_on(BUG_seccomp_before_last_check))
		p->seccomp.filter = NULL;
	/* model: exit_task_stack_account, put_task_stack and the RCU-delayed free at once */
	free_task(p);
fork_out:
	ladder_label(L_fork_out);
	/* spin_lock_irq(siglock); hlist_del_init(&delayed.node): nothing held */
	return ERR_PTR(retval);
}

#include "kernel_clone.c"
#include "clone3.c"

#define PROFILE_TABLE "v6_18/table.def"
#include "../profile_expand.h"

const struct profile profile_v6_18 = {
	.name = "v6.18",
	.kv = KV(6, 18, 30),
	.source = "Linux 6.18.30 kernel/fork.c (CachyOS/linux @ 0801e7ef5c6f, mainline parts only)",
	PROFILE_TABLES,
	.sys_clone = sys_clone_entry,
	.has_clone3 = true,
	.create_user_ns = create_user_ns,
};
