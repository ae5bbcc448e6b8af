/* SPDX-License-Identifier: GPL-2.0-only */
/* The steps of other kernel files copy_process() calls, with the kernel's signatures, as the model's world carries them out. */
#ifndef CLONEFUZZ_SHIM_STEPS_H
#define CLONEFUZZ_SHIM_STEPS_H

#include <stdbool.h>

#include "world.h"
#include "shim/cleanup.h"
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
#ifdef CLONEFUZZ_SOURCE
void io_uring_free(struct task_struct *tsk);	/* 7.x */
#endif

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
#define futex_hash_allocate_default()	shim_futex_hash_allocate_default()
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
 * The signal tests: a scenario's signal arrives at recalc_sigpending()
 * and before the fatal-signal test, as in the mirrors. The tests in
 * copy_process() are fault sites through the cut file's model_fail()
 * around their conditions (harness/source/extract.c).
 */
void shim_recalc_sigpending(void);
bool shim_task_sigpending(struct task_struct *t);
bool shim_fatal_signal_pending(struct task_struct *t);

struct kres *shim_mpol_dup(struct kres *pol);
void shim_mpol_put(struct kres *pol);
void shim_mmput(struct mm_struct *mm);
void shim_free_pid(struct pid *pid);
int shim_perf_event_init_task(struct task_struct *child, u64 clone_flags);
int shim_futex_hash_allocate_default(void);

/* 7.x's names for what copy_process() undoes of the namespaces and credentials. */
#define exit_nsproxy_namespaces(p)	exit_task_namespaces(p)	/* both switch the task to no nsproxy */
/* model: no active count of a user namespace is kept; 6.18's copy_creds takes none, so none is dropped */
static inline void exit_cred_namespaces(struct task_struct *tsk) { (void)tsk; }
#define current_user_ns()		(current->cred->user_ns)
/* model: CONFIG_SCHED_CACHE is off (shim/config.h), so these are the kernel's empty stubs */
static inline void sched_cache_fork(struct task_struct *p) { (void)p; }
static inline void sched_cache_fork_cleanup(struct task_struct *p) { (void)p; }

/* The task: the model's allocation, and the owner of what the shims take next. */
#ifndef SHIM_STEPS_IMPL
#define dup_task_struct(orig, node)	shim_dup_task_struct(orig, node)
#define dup_mm(tsk, oldmm)		shim_dup_mm(tsk, oldmm)
#define mmget(mm)			shim_mmget(mm)
#define copy_fs_struct(fs)		shim_copy_fs_struct(fs)
#define dup_fd(oldf, punch_hole)	shim_dup_fd(oldf, punch_hole)
#define get_seccomp_filter(t)		shim_get_seccomp_filter(t)
#define put_unused_fd(fd)		shim_put_unused_fd(fd)
#define fd_install(fd, file)		shim_fd_install(fd, file)
#define attach_pid(p, type)		shim_attach_pid(p, type)
#define pidfs_alloc_file(pid, flags)	shim_pidfs_alloc_file(pid, flags)
#endif
struct task_struct *shim_dup_task_struct(struct task_struct *orig, int node);
#ifndef SHIM_STEPS_IMPL
#define free_task(tsk)			shim_free_task(tsk)
#endif
/* 5.9+: free_task() drops no seccomp filter (release_task() does), unlike the model's older one. */
void shim_free_task(struct task_struct *tsk);
/* model: free_task drops the stack; its accounting has nothing to undo */
static inline void put_task_stack(struct task_struct *tsk) { (void)tsk; }
static inline void exit_task_stack_account(struct task_struct *tsk) { (void)tsk; }

/* The address space and the file tables. */
struct mm_struct *shim_dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
void shim_mmget(struct mm_struct *mm);
/* 7.x: the mm's flags are set through their accessor. */
#define mm_flags_set(flag, mm)		set_bit(flag, &(mm)->flags)
/*
 * model: mm_count is not kept; only free_signal_struct()'s oom_mm, which
 * the model never sets, would drop it. Reaching it is a shim_gap.
 */
void __mmdrop(struct mm_struct *mm);
struct fs_struct *shim_copy_fs_struct(struct fs_struct *old);
struct fd_range;
struct files_struct *shim_dup_fd(struct files_struct *oldf, struct fd_range *punch_hole);

/* seccomp. model: no task has no_new_privs set, and no syscall work is traced. */
#define task_lock(p)			spin_lock(&(p)->alloc_lock)
#define task_unlock(p)			spin_unlock(&(p)->alloc_lock)
void shim_get_seccomp_filter(struct task_struct *tsk);
static inline bool task_no_new_privs(struct task_struct *p) { (void)p; return false; }
static inline void task_set_no_new_privs(struct task_struct *p) { (void)p; }
enum { SYSCALL_WORK_BIT_SECCOMP, SYSCALL_WORK_BIT_SYSCALL_TRACE };
#define set_task_syscall_work(t, fl)	((void)(t), (void)SYSCALL_WORK_BIT_##fl)
#define clear_task_syscall_work(t, fl)	((void)(t), (void)SYSCALL_WORK_BIT_##fl)

/*
 * The pidfd: a descriptor number (the model's fd_slot of that number) and
 * a file. model: a file is the model's pidfs file, its first member.
 */
struct file {
	struct pidfd_file f;
};
#ifndef SHIM_STEPS_IMPL
#define f_flags		f.f_flags
#define private_data	f.private_data
#endif

/*
 * Before pidfs (6.1): the pidfd is an anon_inode file whose private_data
 * is the pid, the reference taken by get_pid() just after it is made.
 * model: the file is the model's pidfs file; get_pid() of its pid is its
 * reference; it is never polled and never released through its fops
 * (fput() is the model's).
 */
typedef unsigned int __poll_t;
#define EPOLLIN		0x00000001
#define EPOLLRDNORM	0x00000040
struct inode;
struct poll_table_struct;
struct seq_file;
struct file_operations {
	int (*release)(struct inode *inode, struct file *file);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pts);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
};
static inline void poll_wait(struct file *f, wait_queue_head_t *q, struct poll_table_struct *p)
{
	(void)f, (void)q, (void)p;
}
static inline bool thread_group_exited(struct pid *pid) { (void)pid; return false; }
#ifndef SHIM_STEPS_IMPL
#define anon_inode_getfile(name, fops, priv, flags)	shim_anon_inode_getfile(name, fops, priv, flags)
#define get_pid(pid)			shim_get_pid(pid)
#define put_pid(pid)			shim_put_pid(pid)
#endif
struct file *shim_anon_inode_getfile(const char *name, const struct file_operations *fops,
				     void *priv, int flags);
struct pid *shim_get_pid(struct pid *pid);
void shim_put_pid(struct pid *pid);
int get_unused_fd_flags(unsigned int flags);
/* Whether a task is attached to @pid as @type. model: an attached world task whose thread_pid it is (a group leader for PIDTYPE_TGID). */
bool pid_has_task(struct pid *pid, enum pid_type type);
struct file *shim_pidfs_alloc_file(struct pid *pid, unsigned int flags);
void shim_put_unused_fd(unsigned int fd);
void shim_fd_install(unsigned int fd, struct file *file);
void fput(struct file *file);
/* model: copy_process()'s one put_user() is the pidfd's, its pidfd_put_user site */
#define put_user(x, ptr)		shim_put_user_ok((unsigned long)(ptr), sizeof(*(ptr)))
int shim_put_user_ok(unsigned long addr, unsigned long size);
#ifndef SHIM_STEPS_IMPL
/* 6.13+: a reserved descriptor put back when its scope ends, unless take_fd() took it. */
DEFINE_CLASS(get_unused_fd, int, if (_T >= 0) put_unused_fd(_T), get_unused_fd_flags(flags),
	     unsigned int flags)
#endif

/* Deferred work runs at once. model: no grace period, no workqueue. */
static inline void call_rcu(struct callback_head *head, void (*func)(struct callback_head *))
{
	func(head);
}

static inline bool schedule_work(struct work_struct *work)
{
	work->func(work);
	return true;
}

/* Core scheduling and sched_ext: nothing to set up or undo in the model (as the v6.18 mirror). */
static inline void sched_core_fork(struct task_struct *p) { (void)p; }
static inline void sched_core_free(struct task_struct *p) { (void)p; }
static inline void sched_cancel_fork(struct task_struct *p) { (void)p; }

/* The world's locks and counters under the kernel's names. */
#define tasklist_lock	(((struct shim_lock_obj *)tasklist_lock_obj)->rw)
#define oom_adj_mutex	(((struct shim_lock_obj *)oom_adj_mutex_obj)->mutex)
#define process_counts	nr_processes
/*
 * model: no process groups or sessions, and no walk of the task list: the
 * caller's pid stands for its group's and session's, and the caller's
 * task list for init_task's.
 */
#define task_pgrp(t)	((t)->thread_pid)
#define task_session(t)	((t)->thread_pid)
#define init_task	(*current)
/* The child becomes visible when its PIDTYPE_PID is attached: world_attach(). */
void shim_attach_pid(struct task_struct *p, enum pid_type type);

/* The pid number in a namespace (model/pid.c), and v6.18's create_user_ns() for the profile. */
int pid_nr_ns(struct pid *pid, struct pid_namespace *ns);
int shim_create_user_ns(struct cred *new);
#define NUMA_NO_NODE	(-1)

/* RLIMIT_NPROC: the user's process count is the ucounts' HOLD_PROCESSES (5.14+). */
unsigned long rlimit(unsigned int limit);
bool is_rlimit_overlimit(struct ucounts *ucounts, enum rlimit_type type, unsigned long rlimit);
bool dec_rlimit_ucounts(struct ucounts *ucounts, enum rlimit_type type, long v);

#endif
