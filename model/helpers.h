/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel helpers shared by the modelled versions (kernel/fork.c, cred.c, ipc/sem.c and the others copy_process calls). */
#ifndef CLONEFUZZ_HELPERS_H
#define CLONEFUZZ_HELPERS_H

#include "world.h"

/*
 * model: kernel release functions that take no task get the owner of the
 * reference as an extra argument, so the ledger can tell who let go.
 */
struct task_struct *dup_task_struct(struct task_struct *orig);
void free_task(struct task_struct *tsk);

struct cred *prepare_creds(struct task_struct *owner);
void put_cred(const struct cred *cred, struct kobj *owner);
void exit_creds(struct task_struct *tsk);

int copy_semundo(unsigned long clone_flags, struct task_struct *tsk);
void exit_sem(struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
void close_files(struct files_struct *files);
void fput_pidfd(struct pidfd_file *f, struct kobj *owner);
struct fs_struct *copy_fs_struct(struct fs_struct *old, struct task_struct *owner);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
int copy_sighand(unsigned long clone_flags, struct task_struct *tsk);
void __cleanup_sighand(struct sighand_struct *sighand, struct kobj *owner);
struct mm_struct *dup_mm(struct task_struct *tsk);
int copy_mm(unsigned long clone_flags, struct task_struct *tsk);
void mmput(struct mm_struct *mm, struct kobj *owner);
int copy_io(unsigned long clone_flags, struct task_struct *tsk);
void exit_io_context(struct task_struct *tsk);
void exit_thread(struct task_struct *tsk);

struct kres *mpol_dup(struct kres *old, struct task_struct *owner);
void mpol_put(struct kres *pol, struct kobj *owner);
int perf_event_init_task(struct task_struct *child);
void perf_event_free_task(struct task_struct *task);
int audit_alloc(struct task_struct *tsk);
void audit_free(struct task_struct *tsk);
void delayacct_tsk_init(struct task_struct *tsk);
void delayacct_tsk_free(struct task_struct *tsk);
bool try_module_get(struct kres *module, struct kobj *owner);
void module_put(struct kres *module, struct kobj *owner);
void get_css_set(struct kres *cset, struct kobj *owner);
void put_css_set(struct kres *cset, struct kobj *owner);

#ifdef CLONEFUZZ_SOURCE
/* 7.x: a task's exec_state of @user_ns, held by @owner; the last put frees it with its user_ns reference. */
struct task_exec_state *alloc_task_exec_state(struct user_namespace *user_ns, struct kobj *owner);
void put_task_exec_state(struct task_exec_state *es, struct kobj *owner);
/* 7.x: the io_uring restriction io_uring_fork gave @tsk, freed (on a failed fork and at the last put of the task). */
void io_uring_free(struct task_struct *tsk);
#endif

#endif
