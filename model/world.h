/* SPDX-License-Identifier: GPL-2.0-only */
/* The simulated kernel world: task_struct and the objects it points at, globals, allocation, ucounts, capability checks, setup/reset. */
#ifndef CLONEFUZZ_WORLD_H
#define CLONEFUZZ_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "ledger.h"
#include "shim/consts.h"
#include "shim/members.h"
#include "shim/sigset.h"
#include "shim/sync.h"

#define MAX_PID_NS_LEVEL	32
#define MODEL_PID_LEVELS	64	/* model: pid levels a struct pid can hold */
#define MAX_TASKS		256
#define PIDNS_SLOTS		512	/* a power of two; numbers in use stay below 3/4 */
#define CAP_FULL_SET		0x1ffffffffffULL	/* through CAP_CHECKPOINT_RESTORE */
#define TASK_SIZE_MAX		0x00007ffffffff000UL	/* x86-64, 4-level paging */
#define PF_STARTING		0x00000002
#define PID_MAX_LIMIT		4194304
#define RESERVED_PIDS		300

/* task_struct.__state, with the kernel's values (TASK_STOPPED is TASK_WAKEKILL | __TASK_STOPPED). */
enum task_state {
	TASK_RUNNING = 0x0000,
	TASK_DEAD = 0x0080,
	TASK_STOPPED = 0x0104,
	TASK_NEW = 0x0800,
};

/* An object the model tracks for its lifetime and references only. */
struct kres {
	struct kobj obj;
};

/* A new object of @kind with one reference, held by @owner. */
void *obj_new(enum kind kind, size_t size, struct kobj *owner);
void kres_put(struct kres *r, struct kobj *owner);

/* A cgroup v2 directory (or a v1 one), as CLONE_INTO_CGROUP sees it. */
struct cgroup {
	struct kobj obj;		/* pids.current as HOLD_PROCESSES, one per task */
	struct kres *cset;		/* model: the one css_set of this cgroup */
	long pids_max;
	bool v1, removed, writable, domain_invalid, subtree_control;
};

/* The namespace types a user's ucounts limit (UCOUNT_*_NAMESPACES). */
enum ucount_type {
	UCOUNT_USER_NAMESPACES, UCOUNT_PID_NAMESPACES, UCOUNT_UTS_NAMESPACES,
	UCOUNT_IPC_NAMESPACES, UCOUNT_NET_NAMESPACES, UCOUNT_MNT_NAMESPACES,
	UCOUNT_CGROUP_NAMESPACES, UCOUNT_TIME_NAMESPACES, NR_UCOUNT_TYPES
};

struct user_namespace;

/* 5.14+: per-(user namespace, uid) counts. */
struct ucounts {
	struct kobj obj;		/* count; RLIMIT_NPROC as HOLD_PROCESSES */
	struct user_namespace *ns;	/* model: no reference, it outlives us */
	unsigned int uid;
	int ucount[NR_UCOUNT_TYPES];	/* namespaces charged to this user */
};

struct user_namespace {
	struct kobj obj;		/* count */
	struct user_namespace *parent;	/* holds a ref (3.8+) */
	struct user_struct *creator;	/* holds a ref (2.6.x) */
	int level;
	unsigned int owner;		/* euid of the creator */
	bool mapped;			/* the caller's ids map into it */
	struct ucounts *ucounts;	/* 5.14+: charged in the parent, holds a ref */
};

struct user_struct {
	struct kobj obj;		/* __count; processes as HOLD_PROCESSES */
	unsigned int uid;
	struct user_namespace *user_ns;	/* holds a ref (2.6.x alloc_uid) */
};

struct cred {
	struct kobj obj;		/* usage */
	unsigned int uid, euid, egid;
	unsigned long long cap_effective;
	struct user_struct *user;	/* holds a ref */
	struct user_namespace *user_ns;	/* holds a ref */
	struct ucounts *ucounts;	/* 5.14+: holds a ref */
};

#define MAX_MODEL_FDS	64

struct pid;

/* A pidfs file: the file behind a pidfd (holds a reference on its pid). */
struct pidfd_file {
	struct kobj obj;		/* f_count */
	struct pid *pid;
	SHIM_FILE_MEMBERS
};

/* A file descriptor number: reserved (get_unused_fd), then installed. */
struct fd_slot {
	struct kobj obj;		/* owned by the files_struct */
	int fd;				/* its number in the table */
	struct pidfd_file *file;	/* installed file, owned by the slot */
};

#define FDT_NAMED	16	/* model: descriptors with a state of their own */

/* What a descriptor of the table is. */
enum fd_state {
	FD_FREE,
	FD_RESERVED,		/* get_unused_fd_flags: taken, no file yet */
	FD_FILE,		/* fd_install: a file that is no cgroup directory */
	FD_CGROUP,		/* a cgroup directory of the scenario, cgroup_fds[fd] */
};

/*
 * The descriptor table, as one structure for every step that reads or
 * changes it: get_unused_fd_flags takes the lowest free descriptor under
 * RLIMIT_NOFILE, fd_install puts a file there, put_unused_fd and close()
 * give it back, fdget() (CLONE_INTO_CGROUP) finds a file only where one is
 * installed, and dup_fd copies what is installed.
 * model: below FDT_NAMED each descriptor has its state; from FDT_NAMED up
 * the descriptors in use are [FDT_NAMED, nr_open), all installed but for a
 * reserved one at the top (descriptors are taken lowest first and given
 * back in reverse, so no gap opens there).
 */
struct files_struct {
	struct kobj obj;		/* count */
	unsigned char state[FDT_NAMED];	/* enum fd_state */
	int nr_open;			/* one past the highest descriptor in use */
	int reserved_high;		/* a reserved descriptor >= FDT_NAMED, or -1 */
	struct kobj *fd[MAX_MODEL_FDS];	/* installed pidfds, by slot; each owns its file */
	int nr_fd;
	SHIM_FILES_MEMBERS
};

/* The table's baseline: descriptors 0 to @open - 1 installed, CGROUP_FD_FIRST..LAST as cgroup directories. */
void fdt_init(struct files_struct *f, int open);
/* dup_fd's copy: what is installed in @old; reserved descriptors stay behind. */
void fdt_copy(struct files_struct *f, const struct files_struct *old);
/* The descriptor get_unused_fd_flags would take. */
int fdt_lowest_free(const struct files_struct *f);
enum fd_state fdt_state(const struct files_struct *f, long long fd);
void fdt_reserve(struct files_struct *f, int fd);
void fdt_install(struct files_struct *f, int fd);
void fdt_release(struct files_struct *f, int fd);

struct fs_struct {
	struct kobj obj;		/* users */
	bool in_exec;
	SHIM_FS_MEMBERS
};

struct sighand_struct {
	struct kobj obj;		/* count; siglock as HOLD_LOCK */
	SHIM_SIGHAND_MEMBERS
};

struct signal_struct {
	struct kobj obj;		/* sigcnt (count in 2.6.32); live; group_rwsem */
	unsigned int flags;
	int nr_threads;
	struct rlimit rlim[RLIM_NLIMITS];	/* model: only RLIMIT_NPROC and RLIMIT_NOFILE are read */
	int exit_signal_leader;		/* model: the leader's exit_signal */
	SHIM_SIGNAL_MEMBERS
};

struct mm_struct {
	struct kobj obj;		/* mm_users */
	struct task_struct *owner;	/* CONFIG_MEMCG mm->owner */
	struct kres *futex_hash;	/* 6.16+: private futex hash, owned */
	SHIM_MM_MEMBERS
};

/* uts, ipc, mnt and net namespaces: the model only needs their lifetime. */
struct ns_common {
	struct kobj obj;
	struct user_namespace *user_ns;	/* holds a ref (4.0) */
	struct ucounts *ucounts;	/* 5.14+: charged, holds a ref */
	int ucount_type;
};

struct pid_namespace {
	struct kobj obj;		/* kref */
	struct pid_namespace *parent;	/* holds a ref */
	struct user_namespace *user_ns;	/* holds a ref (4.0) */
	int level;
	int last_pid;
	int pid_max;			/* model: pid numbers 1..pid_max - 1 */
	unsigned int pid_allocated;	/* pids in use at this level | PIDNS_ADDING (nr_hashed before 4.15) */
	struct ucounts *ucounts;	/* 5.14+: charged, holds a ref */
	struct task_struct *child_reaper;
	/*
	 * The numbers in use: the kernel's pidmap bitmap (2.6.32, 4.0) or idr
	 * (4.15+). model: an open-addressing set of the numbers (pid.c).
	 */
	int nr_slots_taken;		/* numbers and deleted slots */
	int nr_slot[PIDNS_SLOTS];	/* 0: empty, -1: deleted */
};

/* How many pids the namespace numbers, its PIDNS_ADDING bit aside. */
static inline int pidns_count(const struct pid_namespace *ns)
{
	return (int)(ns->pid_allocated & ~PIDNS_ADDING);
}

struct nsproxy {
	struct kobj obj;		/* count */
	struct ns_common *uts_ns, *ipc_ns, *mnt_ns, *net_ns;
	struct ns_common *cgroup_ns, *time_ns, *time_ns_for_children;	/* 4.6+, 5.6+ */
	struct pid_namespace *pid_ns_for_children;	/* pid_ns in 2.6.32 */
};

struct io_context {
	struct kobj obj;		/* refcount (active_ref) */
	bool ioprio_valid;
};

struct upid {
	int nr;
	struct pid_namespace *ns;	/* holds a ref */
};

struct pid {
	struct kobj obj;		/* count */
	int level;
	struct upid numbers[MODEL_PID_LEVELS];
	SHIM_PID_MEMBERS
};

/* The task's seccomp state. model: the filter is a kres. */
struct seccomp {
	int mode;
	atomic_t filter_count;
	struct kres *filter;
};

struct task_struct {
	struct kobj obj;
	unsigned int __state;		/* enum task_state (state before 5.14) */
	unsigned int flags;
	int pid, tgid;
	int exit_signal;
	int prio_deadline;		/* dl_prio(p->prio) */
	struct sigpending pending;	/* model: the set only, bit n-1 of sig[0] for signal n */
	struct kres *stack;		/* thread_info */
	const struct cred *real_cred, *cred;
	struct files_struct *files;
	struct fs_struct *fs;
	struct sighand_struct *sighand;
	struct signal_struct *signal;
	struct mm_struct *mm, *active_mm;
	struct nsproxy *nsproxy;
	struct io_context *io_context;
	struct kres *sysvsem_undo_list;
	struct pid *thread_pid;		/* pids[PIDTYPE_PID].pid */
	struct kres *mempolicy;
	struct kres *perf_event_ctxp;
	struct kres *audit_context;
	struct kres *delays;
	struct kres *io_bitmap_ptr;	/* thread.io_bitmap_ptr */
	struct kres *cgroups;		/* css_set */
	struct cgroup *cgroup;		/* 5.14+ model: the pids.current charge */
	struct kres *security;		/* 4.14+: LSM blob */
	struct seccomp seccomp;		/* .filter holds a ref */
	struct kres *exec_domain_module; /* task_thread_info(p)->exec_domain->module */
	struct task_struct *real_parent, *parent, *group_leader;
	/* Test fields. */
	int scn_id;			/* scenario task number, -1 if none */
	bool attached;			/* on the task list */
	SHIM_TASK_MEMBERS
};

/* What a scenario can set about the world before the first operation. */
struct world_config {
	unsigned int uid;
	unsigned long long caps;
	bool caller_is_init;		/* the caller is the global init */
	bool kthread;			/* the caller has no mm */
	unsigned long rlimit_nproc;
	int nproc;			/* other processes of the caller's user */
	int nr_threads_extra;		/* other threads in the system */
	int max_threads;
	bool in_exec;			/* exec in progress on the caller's fs */
	bool io_context;		/* the caller has an io_context */
	bool ioprio;			/* ... with a valid ioprio */
	bool io_bitmap;			/* x86 TIF_IO_BITMAP */
	bool io_uring_restrict;		/* 7.x: an io_uring restriction (source profiles' worlds only) */
	bool sem_undo;			/* the caller has a SysV undo list */
	bool mempolicy;			/* the caller has a NUMA mempolicy */
	bool perf;			/* the caller has inheritable perf events */
	bool audit;			/* audit is enabled */
	bool sched_deadline;		/* the caller is SCHED_DEADLINE */
	bool chrooted;
	bool unmapped;			/* euid/egid unmapped in its user ns */
	int userns_depth;		/* nesting level of the caller's user ns */
	int pidns_depth;		/* nesting level of the caller's pid ns */
	bool pidns_mismatch;		/* pid_ns_for_children != active pid ns */
	/*
	 * What the LSM hook of the fork (security_task_create, from 4.14
	 * security_task_alloc) returns: 0 allows, -errno refuses, and a
	 * positive value is what a BPF LSM program (5.7+) can return.
	 */
	int lsm_ret;
	bool exec_domain_gone;		/* the exec domain module is unloading */
	int pid_max;			/* pid numbers per namespace level */
	/* 5.14+ (v6.18) */
	int nofile;			/* RLIMIT_NOFILE of the caller */
	int open_fds;			/* descriptors the caller has open */
	int nr_open;			/* sysctl fs.nr_open */
	bool timens_pending;		/* unshare(CLONE_NEWTIME) done, not yet entered */
	bool seccomp;			/* the caller runs under a seccomp filter */
	int max_namespaces;		/* every user.max_*_namespaces */
	int pids_max;			/* pids.max of the caller's cgroup */
	int target_pids_max;		/* pids.max of the cgroup at fd 3 */
};

void world_config_default(struct world_config *c);

struct profile;
/* Why @c is not a world version @p can be in, or NULL; fixup makes it one. */
const char *world_config_invalid(const struct profile *p, const struct world_config *c);
void world_config_fixup(const struct profile *p, struct world_config *c);

/* Kernel globals of the model, reset by world_setup(). */
extern struct task_struct *current;
extern int nr_threads;
extern int max_threads;
extern unsigned long total_forks;
extern int nr_processes;		/* sum of the per-cpu process_counts */
extern struct kres *tasklist_lock_obj;	/* SHIM_LOCK_OBJ_SIZE bytes */
#ifdef CLONEFUZZ_SOURCE
extern struct kres *oom_adj_mutex_obj;	/* kernel/fork.c's oom_adj_mutex */
#endif
extern struct pid init_struct_pid;
extern struct user_struct *root_user;	/* INIT_USER */
extern struct user_namespace *init_user_ns;
extern struct pid_namespace *init_pid_ns;
extern struct kres *holder_outside;	/* owner of references held outside */
extern struct kres *default_exec_domain;
extern bool exec_domain_going;
extern int clone_stopped_warnings;	/* 2.6.32: CLONE_STOPPED printk budget */
extern int security_task_create_ret;	/* world_config.lsm_ret */

/* What an LSM hook row of a table (errno 0) returns: the refusal, or ENOMEM for its blob. */
static inline int lsm_errno(void)
{
	return security_task_create_ret < 0 ? -security_task_create_ret : ENOMEM;
}
extern bool caller_chrooted;
extern bool audit_enabled;
extern struct kres *cgroup_threadgroup_rwsem;	/* 5.14+ */
extern struct kres *cgroup_mutex;

/* 5.14+: a scenario's cgroups. fd 3 is a live v2 cgroup; 4 one removed;
 * 5 a cgroup v1 directory; 6 one the caller may not write; 7 an invalid
 * domain; 8 one with controllers enabled for its children. Fds 0-2 are
 * not cgroup directories. */
#define CGROUP_FD_FIRST	3
#define CGROUP_FD_LAST	8
extern struct cgroup *caller_cgroup;
extern struct cgroup *cgroup_fds[CGROUP_FD_LAST + 1];

/* The task's RLIMIT_NPROC counter: the cred's ucounts (5.14+) or its user. */
static inline struct kobj *nproc_counter(const struct cred *c)
{
	return c->ucounts ? &c->ucounts->obj : &c->user->obj;
}

struct ucounts *find_or_alloc_ucounts(struct user_namespace *ns, unsigned int uid,
				      struct kobj *owner);
void put_ucounts(struct ucounts *uc, struct kobj *owner);
void dec_ucount(struct ucounts *uc, int type, struct kobj *owner);

struct world {
	struct world_config cfg;
	struct task_struct *tasks[MAX_TASKS];	/* attached, in creation order */
	int nr_tasks;
	struct task_struct *scn[MAX_TASKS];	/* by scenario task number */
	int nr_scn;
	struct task_struct *init;		/* the global init (pid 1) */
};

extern struct world world;

void world_attach(struct task_struct *p);
void world_detach(struct task_struct *p);

static inline bool task_capable(const struct task_struct *t, int cap)
{
	return t->cred->cap_effective & (1ULL << cap);
}

bool ns_capable(struct user_namespace *ns, int cap);

/* capable(): 2.6.x asks the cred's caps; 3.8+ asks for them in the initial user namespace. */
bool capable(int cap);

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

static inline struct pid_namespace *ns_of_pid(struct pid *pid)
{
	return pid->numbers[pid->level].ns;
}

static inline struct pid_namespace *task_active_pid_ns(struct task_struct *t)
{
	return ns_of_pid(t->thread_pid);
}

static inline int pid_nr(struct pid *pid)
{
	return pid ? pid->numbers[0].nr : 0;
}

#endif
