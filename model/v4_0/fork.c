// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model of Linux 4.0.5 kernel/fork.c: copy_process() and do_fork(), statement
 * by statement (zhanglin496/linux-4.0.5 @ af04eec3d8939c984de4f0f8d3cacca0d771f290,
 * which matches the copy_process of the 3.19/4.0 era). Lines that only
 * initialise fields nobody checks are elided; the checks, steps, labels and
 * conditional releases are all here, in the kernel's order.
 */
#include "../bug.h"
#include "../fault.h"
#include "../helpers.h"
#include "../kernel.h"
#include "../legacy.h"
#include "../nsproxy.h"
#include "../pid.h"
#include "../profile.h"

#include "namespaces.c"

static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
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
	sig->rlim[RLIMIT_NPROC].rlim_cur = current->signal->rlim[RLIMIT_NPROC].rlim_cur;
	return 0;
}

static void free_signal_struct(struct signal_struct *sig, struct kobj *owner)
{
	/* model: the new struct's sigcnt and live go with it */
	hold_put(&sig->obj, owner, HOLD_LIVE);
	put_ref(&sig->obj, owner);
	kobj_free(&sig->obj);
}

/* cgroup_fork: the child starts on init_css_set, without a reference. */
static void cgroup_fork(struct task_struct *child)
{
	child->cgroups = NULL;
}

static void cgroup_post_fork(struct task_struct *child)
{
	child->cgroups = current->cgroups;
	get_css_set(child->cgroups, &child->obj);
}

static void threadgroup_change_begin(struct task_struct *tsk)
{
	lock_take(&tsk->signal->obj, &tsk->obj);	/* group_rwsem, read */
}

static void threadgroup_change_end(struct task_struct *tsk)
{
	lock_drop(&tsk->signal->obj, &tsk->obj);
}

static int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	(void)clone_flags;
	/* kernel/sched/core.c sched_fork: a SCHED_DEADLINE task cannot fork */
	if (model_fail(SITE_sched_fork, p->prio_deadline))
		return -EAGAIN;
	p->__state = TASK_NEW;	/* TASK_RUNNING in 4.0: not yet on a runqueue */
	return 0;
}

static bool signal_pending(struct task_struct *t)
{
	return t->pending.signal.sig[0] != 0;
}

static void recalc_sigpending(void)
{
	model_signal_point(SITE_signal_pending);
}

static struct task_struct *copy_process(unsigned long clone_flags,
					unsigned long stack_start,
					unsigned long stack_size,
					unsigned long child_tidptr,
					struct pid *pid,
					int trace,
					unsigned long tls)
{
	int retval;
	struct task_struct *p;

	(void)child_tidptr;
	(void)trace;

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
	 * A child that shares the signal handlers, as every thread does,
	 * stays in the caller's pid and user namespaces: no CLONE_NEWUSER
	 * or CLONE_NEWPID, and no other pid namespace pending for children
	 * after setns() or unshare().
	 */
	if (clone_flags & CLONE_SIGHAND) {
		if (model_check(CHECK_sighand_newns_pidns,
				(clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)) ||
				(task_active_pid_ns(current) !=
				 current->nsproxy->pid_ns_for_children)))
			return ERR_PTR(-EINVAL);
	}

	retval = security_task_create_ret;	/* security_task_create(clone_flags) */
	if (model_check(CHECK_security_task_create, retval))
		goto fork_out;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	/* model: elided ftrace_graph_init_task, rt_mutex_init_task */

	retval = -EAGAIN;
	if (model_fail(SITE_rlimit_nproc,
		       p->real_cred->user->obj.cnt[HOLD_PROCESSES] >=
		       (long)p->signal->rlim[RLIMIT_NPROC].rlim_cur &&
		       p->real_cred->user != root_user &&
		       !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN)))
		goto bad_fork_free;
	current->flags &= ~PF_NPROC_EXCEEDED;

	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;

	/*
	 * A guard against fork bombs only: concurrent forks can all pass it
	 * before nr_threads counts any of them, and that is acceptable.
	 */
	retval = -EAGAIN;
	if (model_fail(SITE_max_threads, nr_threads >= max_threads))
		goto bad_fork_cleanup_count;

	if (!try_module_get(p->exec_domain_module, &p->obj))
		goto bad_fork_cleanup_count;

	delayacct_tsk_init(p);	/* only once dup_task_struct() has run */
	p->flags &= ~(PF_SUPERPRIV);
	p->flags |= PF_FORKNOEXEC;
	/* model: elided list, lock, time and accounting initialisation */

	p->io_context = NULL;
	p->audit_context = NULL;
	if (clone_flags & CLONE_THREAD)
		threadgroup_change_begin(current);
	cgroup_fork(p);
	p->mempolicy = mpol_dup(p->mempolicy, p);
	if (IS_ERR(p->mempolicy)) {
		retval = PTR_ERR(p->mempolicy);
		p->mempolicy = NULL;
		goto bad_fork_cleanup_threadgroup_lock;
	}

	/* Scheduler state for the child, and a CPU to run on. */
	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_policy;

	retval = perf_event_init_task(p);
	if (retval)
		goto bad_fork_cleanup_policy;
	retval = audit_alloc(p);
	if (retval)
		goto bad_fork_cleanup_perf;
	/* each resource the child copies or shares, in turn */
	retval = copy_semundo(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_audit;
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
	retval = copy_thread(clone_flags, stack_start, stack_size, p, tls);
	if (retval)
		goto bad_fork_cleanup_io;

	if (pid != &init_struct_pid) {
		retval = -ENOMEM;
		pid = alloc_pid(p->nsproxy->pid_ns_for_children, p);
		if (!pid)
			goto bad_fork_cleanup_io;
	}

	/* model: elided child_tid pointers, futex lists, single-step clearing */

	/* every resource of the child is in place */
	p->pid = pid_nr(pid);
	if (clone_flags & CLONE_THREAD) {
		p->exit_signal = -1;
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	} else {
		if (clone_flags & CLONE_PARENT)
			p->exit_signal = current->group_leader->exit_signal;
		else
			p->exit_signal = (clone_flags & CSIGNAL);
		p->group_leader = p;
		p->tgid = p->pid;
	}

	/*
	 * Under tasklist_lock the child gets its parent and becomes visible
	 * to others; do_fork wakes it up later.
	 */
	lock_take(&tasklist_lock_obj->obj, &current->obj);

	/* CLONE_PARENT and threads take the caller's parent */
	if (clone_flags & (CLONE_PARENT|CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;

	lock_take(&current->sighand->obj, &current->obj);

	/* model: no seccomp filters, so copy_seccomp(p) has nothing to copy */

	/*
	 * A signal for the process group or session that came in meanwhile
	 * must reach either the parent alone, as if sent first, or both: the
	 * fork restarts when one is pending now. A fatal signal also stops
	 * it, as the caller is about to exit and the child must not escape
	 * an OOM kill or SIGKILL.
	 */
	recalc_sigpending();
	if (model_fail(SITE_signal_pending, signal_pending(current))) {
		lock_drop(&current->sighand->obj, &current->obj);
		lock_drop(&tasklist_lock_obj->obj, &current->obj);
		retval = -ERESTARTNOINTR;
		goto bad_fork_free_pid;
	}

	if (likely(p->pid)) {
		p->thread_pid = pid;	/* init_task_pid(p, PIDTYPE_PID, pid) */
		if (thread_group_leader(p)) {
			if (pid_nr_ns(pid, ns_of_pid(pid)) == 1) {	/* is_child_reaper */
				ns_of_pid(pid)->child_reaper = p;
				p->signal->flags |= SIGNAL_UNKILLABLE;
			}
			world_attach(p);	/* sibling and tasks lists */
			nr_processes++;		/* __this_cpu_inc(process_counts) */
		} else {
			current->signal->nr_threads++;
			hold_get(&current->signal->obj, &p->obj, HOLD_LIVE);
			get_ref(&current->signal->obj, &p->obj);	/* sigcnt */
			world_attach(p);	/* thread_group and thread_node lists */
		}
		if (!bug_on(BUG_nr_threads_not_counted))
			nr_threads++;
	}

	total_forks++;
	lock_drop(&current->sighand->obj, &current->obj);
	lock_drop(&tasklist_lock_obj->obj, &current->obj);

	cgroup_post_fork(p);
	if (clone_flags & CLONE_THREAD)
		threadgroup_change_end(current);

	return p;

bad_fork_free_pid:
	ladder_label(L_bad_fork_free_pid);
	if (pid != &init_struct_pid && !bug_on(BUG_pid_not_freed))
		free_pid(pid, &p->obj);
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
	if (p->mm && (!bug_on(BUG_mm_put_only_without_vm) || !(clone_flags & CLONE_VM)))
		mmput(p->mm, &p->obj);
bad_fork_cleanup_signal:
	ladder_label(L_bad_fork_cleanup_signal);
	if (!(clone_flags & CLONE_THREAD) || bug_on(BUG_signal_freed_for_threads))
		free_signal_struct(p->signal, &p->obj);
bad_fork_cleanup_sighand:
	ladder_label(L_bad_fork_cleanup_sighand);
	__cleanup_sighand(p->sighand, &p->obj);
bad_fork_cleanup_fs:
	ladder_label(L_bad_fork_cleanup_fs);
	exit_fs(p); /* may sleep */
bad_fork_cleanup_files:
	ladder_label(L_bad_fork_cleanup_files);
	if (!bug_on(BUG_files_release_dropped))
		exit_files(p); /* may sleep */
bad_fork_cleanup_semundo:
	ladder_label(L_bad_fork_cleanup_semundo);
	exit_sem(p);
bad_fork_cleanup_audit:
	ladder_label(L_bad_fork_cleanup_audit);
	audit_free(p);
bad_fork_cleanup_perf:
	ladder_label(L_bad_fork_cleanup_perf);
	perf_event_free_task(p);
bad_fork_cleanup_policy:
	ladder_label(L_bad_fork_cleanup_policy);
	mpol_put(p->mempolicy, &p->obj);
bad_fork_cleanup_threadgroup_lock:
	ladder_label(L_bad_fork_cleanup_threadgroup_lock);
	if (clone_flags & CLONE_THREAD)
		threadgroup_change_end(current);
	delayacct_tsk_free(p);
	module_put(p->exec_domain_module, &p->obj);
bad_fork_cleanup_count:
	ladder_label(L_bad_fork_cleanup_count);
	hold_put(&p->cred->user->obj, &p->obj, HOLD_PROCESSES);
	exit_creds(p);
bad_fork_free:
	ladder_label(L_bad_fork_free);
	free_task(p);
fork_out:
	ladder_label(L_fork_out);
	return ERR_PTR(retval);
}

/*
 * do_fork: copy_process(), then for a new child its pid number for the
 * caller and its start.
 */
static long do_fork(unsigned long clone_flags, unsigned long stack_start,
		    unsigned long stack_size, unsigned long parent_tidptr,
		    unsigned long child_tidptr, unsigned long tls)
{
	struct task_struct *p;
	int trace = 0;
	long nr;

	(void)parent_tidptr;
	/* model: no tracer is attached, so the ptrace event is always dropped */

	p = copy_process(clone_flags, stack_start, stack_size,
			 child_tidptr, NULL, trace, tls);
	/*
	 * The pid number is read before the child runs: a child that exits
	 * at once could take p with it.
	 */
	if (!IS_ERR(p)) {
		nr = pid_nr_ns(p->thread_pid, task_active_pid_ns(current));
		/* model: CLONE_PARENT_SETTID's put_user ignores faults, like the kernel */
		model_trace.child = p;
		p->__state = TASK_RUNNING;	/* wake_up_new_task(p) */
		/* model: CLONE_VFORK's wait ends at once: the child exits or execs later */
	} else {
		nr = PTR_ERR(p);
	}
	return nr;
}

/* x86-64 sys_clone: flags, newsp, parent_tidptr, child_tidptr, tls. */
static long sys_clone(const struct clone_call *c)
{
	return do_fork(c->flags, c->stack, 0, c->parent_tid, c->child_tid, c->tls);
}

#define PROFILE_TABLE "v4_0/table.def"
#include "../profile_expand.h"

const struct profile profile_v4_0 = {
	.name = "v4.0",
	.kv = KV(4, 0, 5),
	.source = "Linux 4.0.5 kernel/fork.c (zhanglin496/linux-4.0.5 @ af04eec3d893)",
	PROFILE_TABLES,
	.sys_clone = sys_clone,
	.create_user_ns = create_user_ns,
};
