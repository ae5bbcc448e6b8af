/* SPDX-License-Identifier: GPL-2.0-only */
/* The steps of other kernel files copy_process() calls, with the kernel's signatures, as the model's world carries them out. */
#ifndef CLONEFUZZ_SHIM_STEPS_H
#define CLONEFUZZ_SHIM_STEPS_H

#include <stdbool.h>

#include "world.h"
#include "shim/consts.h"

/*
 * The model's own, with the kernel's signature already (model/helpers.c):
 * each acts for the task it is given, as in the v6.18 mirror.
 */
int copy_semundo(unsigned long clone_flags, struct task_struct *tsk);
int copy_io(unsigned long clone_flags, struct task_struct *tsk);
int audit_alloc(struct task_struct *tsk);
void audit_free(struct task_struct *tsk);
void delayacct_tsk_init(struct task_struct *tsk);
void delayacct_tsk_free(struct task_struct *tsk);
void exit_sem(struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
void exit_io_context(struct task_struct *tsk);
void exit_thread(struct task_struct *tsk);
void exit_task_namespaces(struct task_struct *p);
void exit_creds(struct task_struct *tsk);
void perf_event_free_task(struct task_struct *task);

/*
 * The model's, whose signature differs: the kernel's releases take no
 * owner, the model's do (the task being built). Renamed for the cut file
 * (steps.c, which calls the model's, defines SHIM_STEPS_IMPL).
 */
#ifndef SHIM_STEPS_IMPL
#define copy_creds(p, f)		shim_copy_creds(p, f)
#define copy_namespaces(f, p)		shim_copy_namespaces(f, p)
#define alloc_pid(ns, tid, n)		shim_alloc_pid(ns, tid, n)
#define cgroup_fork(p)			shim_cgroup_fork(p)
#define cgroup_can_fork(p, a)		shim_cgroup_can_fork(p, a)
#define cgroup_cancel_fork(p, a)	shim_cgroup_cancel_fork(p, a)
#define cgroup_post_fork(p, a)		shim_cgroup_post_fork(p, a)
#define sched_fork(f, p)		shim_sched_fork(f, p)
#define sched_cgroup_fork(p, a)		shim_sched_cgroup_fork(p, a)
#define security_task_alloc(t, f)	shim_security_task_alloc(t, f)
#define security_task_free(t)		shim_security_task_free(t)
#define copy_thread(p, a)		shim_copy_thread(p, a)
#define recalc_sigpending()		shim_recalc_sigpending()
#define task_sigpending(t)		shim_task_sigpending(t)
#define fatal_signal_pending(t)		shim_fatal_signal_pending(t)
#define mpol_dup(pol)			shim_mpol_dup(pol)
#define mpol_put(pol)			shim_mpol_put(pol)
#define mmput(mm)			shim_mmput(mm)
#define free_pid(pid)			shim_free_pid(pid)
#define perf_event_init_task(t, f)	shim_perf_event_init_task(t, f)
#endif
/* Linux 6.18's, from the v6.18 mirror's files (model/v6_18/). */
struct kernel_clone_args;
int shim_copy_creds(struct task_struct *p, unsigned long clone_flags);
int shim_copy_namespaces(unsigned long flags, struct task_struct *tsk);
struct pid *shim_alloc_pid(struct pid_namespace *ns, int *set_tid, size_t set_tid_size);
void shim_cgroup_fork(struct task_struct *p);
int shim_cgroup_can_fork(struct task_struct *p, struct kernel_clone_args *kargs);
void shim_cgroup_cancel_fork(struct task_struct *p, struct kernel_clone_args *kargs);
void shim_cgroup_post_fork(struct task_struct *p, struct kernel_clone_args *kargs);
int shim_sched_fork(unsigned long clone_flags, struct task_struct *p);
int shim_sched_cgroup_fork(struct task_struct *p, struct kernel_clone_args *kargs);
int shim_security_task_alloc(struct task_struct *task, unsigned long clone_flags);
void shim_security_task_free(struct task_struct *task);
int shim_copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

/*
 * copy_process()'s signal tests: a scenario's signal arrives at
 * recalc_sigpending() and before the fatal-signal test, and each test is
 * that step's fault site, so a failure there can be injected as in the
 * mirrors. model: copy_process() is their only caller in the cut file.
 */
void shim_recalc_sigpending(void);
bool shim_task_sigpending(struct task_struct *t);
bool shim_fatal_signal_pending(struct task_struct *t);

struct kres *shim_mpol_dup(struct kres *pol);
void shim_mpol_put(struct kres *pol);
void shim_mmput(struct mm_struct *mm);
void shim_free_pid(struct pid *pid);
int shim_perf_event_init_task(struct task_struct *child, u64 clone_flags);

/* RLIMIT_NPROC: the user's process count is the ucounts' HOLD_PROCESSES (5.14+). */
unsigned long rlimit(unsigned int limit);
bool is_rlimit_overlimit(struct ucounts *ucounts, enum rlimit_type type, unsigned long rlimit);
bool dec_rlimit_ucounts(struct ucounts *ucounts, enum rlimit_type type, long v);

#endif
