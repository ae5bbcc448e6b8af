/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel's own members of the model's structs, present only where a source profile's fork.c is compiled (CLONEFUZZ_SOURCE). */
#ifndef CLONEFUZZ_SHIM_MEMBERS_H
#define CLONEFUZZ_SHIM_MEMBERS_H

/*
 * A kernel fork.c compiled against the shims builds the model's own
 * structs, so they carry the members it touches under the kernel's names
 * and types. Most it only initialises; the counters and locks among them
 * hold nothing themselves: the shims' operations on them reach the ledger
 * by their address (shim/ops.h), and counters.def says which hold each
 * counter stands for. The mirrors never touch them, and their builds
 * leave them out: each object stays as small as the mirrors need. A build
 * with a source profile defines CLONEFUZZ_SOURCE for every file, so that
 * all of them see one layout.
 * 7.2's exec_state and io_uring restriction are ledger objects
 * (shim/task_state.h); its proxy-execution members are plain storage.
 */
#ifdef CLONEFUZZ_SOURCE

#include "shim/acct.h"
#include "shim/consts.h"
#include "shim/signal.h"
#include "shim/sync.h"

struct completion;
struct callback_head;
struct task_exec_state;
struct io_uring_task;
struct kres;
struct tty_struct;
struct mm_struct;
struct pid;

#define SHIM_TASK_MEMBERS						\
	spinlock_t alloc_lock;						\
	raw_spinlock_t pi_lock;						\
	kernel_sigset_t blocked;					\
	struct list_head children, sibling, tasks, thread_node;		\
	struct list_head thread_group;					\
	struct hlist_node pid_links[PIDTYPE_MAX];			\
	int *set_child_tid, *clear_child_tid;				\
	char comm[TASK_COMM_LEN];					\
	u64 utime, stime, gtime;					\
	struct prev_cputime prev_cputime;				\
	unsigned long nvcsw, nivcsw, min_flt, maj_flt;			\
	u64 start_time, start_boottime;					\
	struct posix_cputimers posix_cputimers;				\
	struct task_io_accounting ioac;					\
	u64 timer_slack_ns, default_timer_slack_ns;			\
	int nr_dirtied, nr_dirtied_pause;				\
	unsigned long dirty_paused_when;				\
	int pagefault_disabled;						\
	int pdeath_signal;						\
	u64 parent_exec_id, self_exec_id;				\
	struct completion *vfork_done;					\
	struct callback_head *task_works;				\
	struct callback_head rcu;					\
	struct task_exec_state *exec_state;	/* 7.x: holds a ref */	\
	struct io_uring_task *io_uring;		/* model: never set */	\
	struct kres *io_uring_restrict;		/* 7.x: the task's own */ \
	raw_spinlock_t blocked_lock;					\
	struct mutex *blocked_on;					\
	struct task_struct *blocked_donor;

#define SHIM_SIGNAL_MEMBERS						\
	refcount_t sigcnt;						\
	atomic_t live;							\
	int quick_threads;						\
	struct list_head thread_head;					\
	wait_queue_head_t wait_chldexit;				\
	struct task_struct *curr_target;				\
	struct sigpending shared_pending;				\
	struct hlist_head multiprocess;					\
	struct pid *pids[PIDTYPE_MAX];					\
	struct prev_cputime prev_cputime;				\
	struct posix_cputimers posix_cputimers;				\
	seqlock_t stats_lock;						\
	struct tty_struct *tty;						\
	struct mm_struct *oom_mm;					\
	short oom_score_adj, oom_score_adj_min;				\
	unsigned int is_child_subreaper, has_child_subreaper;		\
	struct mutex cred_guard_mutex;					\
	struct rw_semaphore exec_update_lock;				\
	struct rw_semaphore cgroup_threadgroup_rwsem;			\
	unsigned int autoreap;	/* 7.x: CLONE_AUTOREAP's group */

#define SHIM_SIGHAND_MEMBERS						\
	refcount_t count;						\
	spinlock_t siglock;						\
	struct k_sigaction action[_NSIG];

/* model: fs_struct.users is a plain int in the kernel, read back at spin_unlock(&fs->lock) */
#define SHIM_FS_MEMBERS							\
	int users;							\
	spinlock_t lock;						\
	seqlock_t seq;

#define SHIM_FILES_MEMBERS						\
	atomic_t count;

/* model: mm_count is never taken; only oom_mm, which stays NULL, would drop it */
#define SHIM_MM_MEMBERS							\
	unsigned long flags;						\
	atomic_t mm_count;						\
	struct work_struct async_put_work;

#define SHIM_PID_MEMBERS						\
	wait_queue_head_t wait_pidfd;

#define SHIM_FILE_MEMBERS						\
	unsigned int f_flags;						\
	void *private_data;	/* 6.1's anon_inode pidfd: its pid */

/* 7.x's exec state of a task, on a ledger object: count is the object's reference count. */
struct user_namespace;
struct task_exec_state {
	struct kobj obj;
	refcount_t count;
	int dumpable;
	struct user_namespace *user_ns;	/* holds a ref */
	struct callback_head rcu;
};

/* A world lock object (tasklist_lock's, oom_adj_mutex's) with the kernel's lock inside it. */
struct shim_lock_obj {
	struct kobj obj;
	rwlock_t rw;
	struct mutex mutex;
};
#define SHIM_LOCK_OBJ_SIZE	sizeof(struct shim_lock_obj)

#else

#define SHIM_TASK_MEMBERS
#define SHIM_SIGNAL_MEMBERS
#define SHIM_SIGHAND_MEMBERS
#define SHIM_FS_MEMBERS
#define SHIM_FILES_MEMBERS
#define SHIM_MM_MEMBERS
#define SHIM_PID_MEMBERS
#define SHIM_FILE_MEMBERS
#define SHIM_LOCK_OBJ_SIZE	sizeof(struct kobj)

#endif

#endif
