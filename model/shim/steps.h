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
#define mpol_dup(pol)			shim_mpol_dup(pol)
#define mpol_put(pol)			shim_mpol_put(pol)
#define mmput(mm)			shim_mmput(mm)
#define free_pid(pid)			shim_free_pid(pid)
#define perf_event_init_task(t, f)	shim_perf_event_init_task(t, f)
#endif
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
