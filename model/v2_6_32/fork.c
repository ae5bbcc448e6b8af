// SPDX-License-Identifier: GPL-2.0-only
/*
 * Model of Linux 2.6.32.69 kernel/fork.c: copy_process() and do_fork(),
 * statement by statement (chenbq83/Linux-2.6.32.69 @
 * 10747e59aa246dfbbf6f3fae64ab76440960bf3f). Lines that only initialise
 * fields nobody checks are elided; the checks, steps, labels and conditional
 * releases are all here, in the kernel's order.
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

	hold_get(&sig->obj, &tsk->obj, HOLD_LIVE);	/* atomic_set(&sig->live, 1) */
	sig->nr_threads = 1;
	sig->flags = 0;
	if (clone_flags & CLONE_NEWPID)
		sig->flags |= SIGNAL_UNKILLABLE;
	sig->rlim[RLIMIT_NPROC].rlim_cur = current->signal->rlim[RLIMIT_NPROC].rlim_cur;
	return 0;
}

static void __cleanup_signal(struct signal_struct *sig, struct kobj *owner)
{
	/* model: the new struct's count and live go with it */
	hold_put(&sig->obj, owner, HOLD_LIVE);
	put_ref(&sig->obj, owner);
	kobj_free(&sig->obj);
}

/* cgroup_fork: the child shares the parent's css_set, with a reference. */
static void cgroup_fork(struct task_struct *child)
{
	child->cgroups = current->cgroups;
	get_css_set(child->cgroups, &child->obj);
}

static void cgroup_exit(struct task_struct *tsk, int run_callbacks)
{
	struct kres *cg = tsk->cgroups;

	(void)run_callbacks;
	tsk->cgroups = NULL;	/* &init_css_set */
	if (cg)
		put_css_set(cg, &tsk->obj);
}

/* model: the /proc mount of a new pid namespace is not tracked; only its failure is */
static int pid_ns_prepare_proc(struct pid_namespace *ns)
{
	(void)ns;
	if (model_fail(SITE_pid_ns_prepare_proc, false))
		return -ENOMEM;
	return 0;
}

/* model: the ns cgroup subsystem is not mounted; only the failure is modelled */
static int ns_cgroup_clone(struct task_struct *tsk, struct pid *pid)
{
	(void)tsk;
	(void)pid;
	if (model_fail(SITE_ns_cgroup_clone, false))
		return -ENOMEM;
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
	int cgroup_callbacks_done = 0;

	(void)child_tidptr;
	(void)trace;

	if (model_check(CHECK_newns_fs, (clone_flags & (CLONE_NEWNS|CLONE_FS)) ==
					(CLONE_NEWNS|CLONE_FS)))
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
		       !capable(CAP_SYS_ADMIN) && !capable(CAP_SYS_RESOURCE) &&
		       p->real_cred->user != root_user))
		goto bad_fork_free;

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
	p->flags &= ~PF_SUPERPRIV;	/* copy_flags(clone_flags, p) */
	p->flags |= PF_FORKNOEXEC | PF_STARTING;
	/* model: elided list, lock, time and accounting initialisation */

	p->io_context = NULL;
	p->audit_context = NULL;
	cgroup_fork(p);
	p->mempolicy = mpol_dup(p->mempolicy, p);
	if (IS_ERR(p->mempolicy)) {
		retval = PTR_ERR(p->mempolicy);
		p->mempolicy = NULL;
		goto bad_fork_cleanup_cgroup;
	}

	/* Scheduler state for the child, and a CPU to run on. */
	p->__state = TASK_NEW;	/* sched_fork(p, clone_flags): cannot fail here */

	retval = perf_event_init_task(p);
	if (retval)
		goto bad_fork_cleanup_policy;

	if ((retval = audit_alloc(p)))
		goto bad_fork_cleanup_policy;
	/* each resource the child copies or shares, in turn */
	if ((retval = copy_semundo(clone_flags, p)))
		goto bad_fork_cleanup_audit;
	if ((retval = copy_files(clone_flags, p)))
		goto bad_fork_cleanup_semundo;
	if ((retval = copy_fs(clone_flags, p))) {
		/* bugs: the goto one rung too high, or one too low */
		if (bug_on(BUG_fs_goto_one_high))
			goto bad_fork_cleanup_fs;
		if (bug_on(BUG_fs_goto_one_low))
			goto bad_fork_cleanup_semundo;
		goto bad_fork_cleanup_files;
	}
	if ((retval = copy_sighand(clone_flags, p)))
		goto bad_fork_cleanup_fs;
	if ((retval = copy_signal(clone_flags, p)))
		goto bad_fork_cleanup_sighand;
	if ((retval = copy_mm(clone_flags, p)))
		goto bad_fork_cleanup_signal;
	if ((retval = copy_namespaces(clone_flags, p)))
		goto bad_fork_cleanup_mm;
	if ((retval = copy_io(clone_flags, p)))
		goto bad_fork_cleanup_namespaces;
	retval = copy_thread(clone_flags, stack_start, stack_size, p, tls);
	if (retval)
		goto bad_fork_cleanup_io;

	if (pid != &init_struct_pid) {
		retval = -ENOMEM;
		pid = alloc_pid(p->nsproxy->pid_ns_for_children, p);
		if (!pid)
			goto bad_fork_cleanup_io;

		if (clone_flags & CLONE_NEWPID) {
			retval = pid_ns_prepare_proc(p->nsproxy->pid_ns_for_children);
			if (retval < 0)
				goto bad_fork_free_pid;
		}
	}

	p->pid = pid_nr(pid);
	p->tgid = p->pid;
	if (clone_flags & CLONE_THREAD)
		p->tgid = current->tgid;

	if (current->nsproxy != p->nsproxy) {
		retval = ns_cgroup_clone(p, pid);
		if (retval)
			goto bad_fork_free_pid;
	}

	/* model: elided child_tid pointers, futex lists, syscall-trace clearing */

	/* every resource of the child is in place */
	p->exit_signal = (clone_flags & CLONE_THREAD) ? -1 : (int)(clone_flags & CSIGNAL);

	/*
	 * From here the child becomes visible to others; do_fork wakes it
	 * up later.
	 */
	p->group_leader = p;

	/*
	 * cgroup_fork_callbacks: the cgroup subsystems see the finished
	 * child while it is still off the task list.
	 */
	cgroup_callbacks_done = 1;	/* cgroup_fork_callbacks(p) */

	/* tasklist_lock: choosing and linking the parent needs it */
	lock_take(&tasklist_lock_obj->obj, &current->obj);

	/* CLONE_PARENT and threads take the caller's parent */
	if (clone_flags & (CLONE_PARENT|CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;

	lock_take(&current->sighand->obj, &current->obj);

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

	if (clone_flags & CLONE_THREAD) {
		get_ref(&current->signal->obj, &p->obj);	/* signal->count */
		hold_get(&current->signal->obj, &p->obj, HOLD_LIVE);
		current->signal->nr_threads++;
		p->group_leader = current->group_leader;
	}

	if (likely(p->pid)) {
		p->thread_pid = pid;	/* attach_pid(p, PIDTYPE_PID, pid) */
		world_attach(p);	/* sibling, thread_group and tasks lists */
		if (thread_group_leader(p)) {
			if (clone_flags & CLONE_NEWPID)
				p->nsproxy->pid_ns_for_children->child_reaper = p;
			nr_processes++;	/* __get_cpu_var(process_counts)++ */
		}
		if (!bug_on(BUG_nr_threads_not_counted))
			nr_threads++;
	}

	total_forks++;
	lock_drop(&current->sighand->obj, &current->obj);
	lock_drop(&tasklist_lock_obj->obj, &current->obj);
	return p;

bad_fork_free_pid:
	ladder_label(L_bad_fork_free_pid);
	if (pid != &init_struct_pid)
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
	if (p->mm)
		mmput(p->mm, &p->obj);
bad_fork_cleanup_signal:
	ladder_label(L_bad_fork_cleanup_signal);
	if (!(clone_flags & CLONE_THREAD))
		__cleanup_signal(p->signal, &p->obj);
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
bad_fork_cleanup_policy:
	ladder_label(L_bad_fork_cleanup_policy);
	perf_event_free_task(p);
	mpol_put(p->mempolicy, &p->obj);
bad_fork_cleanup_cgroup:
	ladder_label(L_bad_fork_cleanup_cgroup);
	cgroup_exit(p, cgroup_callbacks_done);
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
 * do_fork: the CLONE_NEWUSER and CLONE_STOPPED handling, copy_process(),
 * then for a new child its pid number for the caller and its start.
 */
static long do_fork(unsigned long clone_flags, unsigned long stack_start,
		    unsigned long stack_size, unsigned long parent_tidptr,
		    unsigned long child_tidptr, unsigned long tls)
{
	struct task_struct *p;
	int trace = 0;
	long nr;

	(void)parent_tidptr;

	/*
	 * CLONE_NEWUSER is checked here, before copy_process allocates
	 * anything.
	 */
	if (clone_flags & CLONE_NEWUSER) {
		if (model_check(CHECK_newuser_thread, clone_flags & CLONE_THREAD))
			return -EINVAL;
		/*
		 * 2.6.32 lets only a caller with all three capabilities
		 * create a user namespace.
		 */
		if (model_check(CHECK_newuser_caps, !capable(CAP_SYS_ADMIN) ||
				!capable(CAP_SETUID) || !capable(CAP_SETGID)))
			return -EPERM;
	}

	/*
	 * CLONE_STOPPED is deprecated: it earns a rate-limited warning and
	 * still works.
	 */
	if (unlikely(clone_flags & CLONE_STOPPED)) {
		/* printk "used deprecated clone flags", at most 100 times */
		if (clone_stopped_warnings > 0)
			clone_stopped_warnings--;
	}

	/* model: no tracer is attached, so tracehook_prepare_clone reports nothing */

	p = copy_process(clone_flags, stack_start, stack_size,
			 child_tidptr, NULL, trace, tls);
	/*
	 * The pid number is read before the child runs: a child that exits
	 * at once could take p with it.
	 */
	if (!IS_ERR(p)) {
		nr = pid_nr_ns(p->thread_pid, task_active_pid_ns(current));
		model_trace.child = p;
		/* model: CLONE_PARENT_SETTID's put_user ignores faults, like the kernel */

		p->flags &= ~PF_STARTING;

		if (unlikely(clone_flags & CLONE_STOPPED)) {
			/*
			 * CLONE_STOPPED: the child starts stopped, with SIGSTOP
			 * pending.
			 */
			p->pending.signal.sig[0] |= 1UL << (SIGSTOP - 1);
			p->__state = TASK_STOPPED;
		} else {
			p->__state = TASK_RUNNING;	/* wake_up_new_task */
		}
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

#define PROFILE_TABLE "v2_6_32/table.def"
#include "../profile_expand.h"

const struct profile profile_v2_6_32 = {
	.name = "v2.6.32",
	.kv = KV(2, 6, 32),
	.source = "Linux 2.6.32.69 kernel/fork.c (chenbq83/Linux-2.6.32.69 @ 10747e59aa24)",
	PROFILE_TABLES,
	.sys_clone = sys_clone,
	.create_user_ns = create_user_ns,
};
