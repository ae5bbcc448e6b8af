/* SPDX-License-Identifier: GPL-2.0-only */
/* Tracing, debugging and accounting hooks copy_process() calls that take, drop or fail nothing the model tracks (shim/config.h). */
#ifndef CLONEFUZZ_SHIM_HOOKS_H
#define CLONEFUZZ_SHIM_HOOKS_H

#include <stdbool.h>
#include <stddef.h>

#include "kernel.h"
#include "world.h"
#include "shim/compiler.h"
#include "shim/signal.h"

/*
 * Each hook has the kernel's 6.x signature. A clone_flags argument is
 * unsigned long, as in 6.1 and 6.12; the later kernels' u64 (7.2) has the
 * same width on x86-64, so one definition serves both. A hook whose work
 * lives in members the model's structs lack does nothing, under a
 * model: comment; the hooks that write a member the model has write it.
 */

struct audit_context;
struct tty_struct;

/* A hook with nothing behind it in the model: a static inline function of the kernel's signature, its argument unused. */
#define SHIM_HOOK(name, type)						\
	static inline void name(type arg)				\
	{								\
		(void)arg;						\
	}

/* The same for a hook that takes the new task and the clone flags. */
#define SHIM_FORK_HOOK(name)						\
	static inline void name(struct task_struct *t, unsigned long clone_flags) \
	{								\
		(void)t;						\
		(void)clone_flags;					\
	}

/*
 * The hooks of one argument, in the order tracing, debugging, hardening,
 * accounting and scheduling, audit, task state, signals.
 */
/* The function-graph tracer's return stack of the new task. */
SHIM_HOOK(ftrace_graph_init_task, struct task_struct *)
/* The syscall tracepoints' work flag, copied from the parent. model: no tracepoint is ever on. */
SHIM_HOOK(syscall_tracepoint_update, struct task_struct *)
/* The netlink process-events connector's fork message. */
SHIM_HOOK(proc_fork_connector, struct task_struct *)
/* model: perf's fork and namespace records; no listener exists, and the contexts are perf_event_init_task's. */
SHIM_HOOK(perf_event_fork, struct task_struct *)
/* The latency-top records of the new task. */
SHIM_HOOK(clear_tsk_latency_tracing, struct task_struct *)
/* Hardware single-step for the child. model: no task is ever traced. */
SHIM_HOOK(user_disable_single_step, struct task_struct *)
/* Lockdep's held-lock stack of the new task (7.2 calls it outside CONFIG_LOCKDEP). */
SHIM_HOOK(lockdep_init_task, struct task_struct *)
/* Lockdep's per-task teardown on the error path. */
SHIM_HOOK(lockdep_free_task, struct task_struct *)
/* Livepatch's patch state, inherited from the parent. */
SHIM_HOOK(klp_copy_process, struct task_struct *)
/* 7.x: the deferred user-stack unwinder's per-task state. */
SHIM_HOOK(unwind_task_init, struct task_struct *)
/* The per-task kernel stack offset seed. model: no stack offset randomisation. */
SHIM_HOOK(random_kstack_task_init, struct task_struct *)
/* The stack-erasing plugin's lowest-stack mark. model: no stackleak. */
SHIM_HOOK(stackleak_task_init, struct task_struct *)
/* The extended accounting's memory integrals. model: their members are not in the model's task. */
SHIM_HOOK(acct_clear_integrals, struct task_struct *)
/* NO_HZ_FULL's tick dependency mask. */
SHIM_HOOK(tick_dep_init_task, struct task_struct *)
/* The POSIX CPU timers' task work. model: it is not in the model's task. */
SHIM_HOOK(clear_posix_cputimers_work, struct task_struct *)
/* The thread group's taskstats buffer, freed with the signal struct. model: no taskstats, so never a buffer. */
SHIM_HOOK(taskstats_tgid_free, struct signal_struct *)
/* The new thread group's autogroup: the parent's. model: no autogroups, so no reference to take. */
SHIM_HOOK(sched_autogroup_fork, struct signal_struct *)
/* The autogroup reference sched_autogroup_fork() took. model: none was taken. */
SHIM_HOOK(sched_autogroup_exit, struct signal_struct *)
/* 6.4+: the memory-map concurrency id of the new task. */
SHIM_HOOK(sched_mm_cid_fork, struct task_struct *)
/* The utilisation clamps of the new task, once its cgroup is known. model: no uclamp. */
SHIM_HOOK(sched_post_fork, struct task_struct *)
/* The TTY audit setting of the new thread group. model: TTY input auditing is never on. */
SHIM_HOOK(tty_audit_fork, struct signal_struct *)
/* The robust-futex lists and PI state of the new task. model: they are not in the model's task. */
SHIM_HOOK(futex_init_task, struct task_struct *)
/* The SysV shared-memory segments the task created. model: no SysV shm list in the model's task. */
SHIM_HOOK(shm_init_task, struct task_struct *)
/* The alternate signal stack, for a child that does not share the mm. model: no sigaltstack. */
SHIM_HOOK(sas_ss_reset, struct task_struct *)
/* A new thread joins the group stop in progress. model: no group stop is ever in progress. */
SHIM_HOOK(task_join_group_stop, struct task_struct *)
/* signalfd readers polling the old sighand are woken. model: no signalfd. */
SHIM_HOOK(signalfd_cleanup, struct sighand_struct *)

/* The hooks that take the clone flags too. */
/* The task_newtask tracepoint. */
SHIM_FORK_HOOK(trace_task_newtask)
/* Uprobes' per-task state (and its return-probe copy for CLONE_VM). */
SHIM_FORK_HOOK(uprobe_copy_process)
/* 6.4+: user_events' per-mm registrations, shared or duplicated. */
SHIM_FORK_HOOK(user_events_fork)
/* Rseq registration: kept for CLONE_VM, dropped otherwise. model: no task registers an rseq area. */
SHIM_FORK_HOOK(rseq_fork)

/* KCSAN: no concurrent writer of @var. model: no KCSAN; only the expression is type-checked. */
#define ASSERT_EXCLUSIVE_WRITER(var)	do { (void)sizeof(var); } while (0)

/* model: the task's audit context is the kres audit_alloc() makes (world.h), stored as given; no hold moves. */
static inline void audit_set_context(struct task_struct *task, struct audit_context *ctx)
{
	task->audit_context = (struct kres *)(void *)ctx;
}

/* model: TTYs are not tracked, so the controlling TTY is shared with no reference taken. */
static inline struct tty_struct *tty_kref_get(struct tty_struct *tty)
{
	return tty;
}

/* model: no kernel threads, so this is never reached; were it, the kthread struct would not be missed. */
static inline bool set_kthread_struct(struct task_struct *p)
{
	(void)p;
	return true;
}

/* model: no task is traced, so the child's parent is its real parent and no tracer link (or its cred) is made. */
static inline void ptrace_init_task(struct task_struct *child, bool ptrace)
{
	(void)ptrace;
	child->parent = child->real_parent;
}

#ifdef CLONEFUZZ_SOURCE
/* Every action back to SIG_DFL (an ignored one too if @force_default), with no flags, restorer or mask. */
static inline void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct k_sigaction *action = t->sighand->action;
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct sigaction *sa = &action[i].sa;

		if (sa->sa_handler != SIG_IGN || force_default)
			sa->sa_handler = SIG_DFL;
		sa->sa_flags = 0;
		sa->sa_restorer = NULL;		/* x86-64 has SA_RESTORER */
		sigemptyset(&sa->sa_mask);
	}
}
#endif

#endif
