// SPDX-License-Identifier: GPL-2.0-only
/* The shims' steps: the kernel's signatures for a source profile's fork.c, carried out by the model's helpers for the task being built. */
#define SHIM_STEPS_IMPL	/* the model's own names, not the cut file's */

#include <string.h>

#include "bug.h"
#include "fault.h"
#include "helpers.h"
#include "kernel.h"
#include "nsproxy.h"
#include "pid.h"
#include "profile.h"
#include "shim/ops.h"
#include "shim/steps.h"
#include "shim/task.h"

static unsigned int current_euid(void)
{
	return current->cred->euid;
}

/*
 * The v6.18 mirror's other files, as its fork.c includes them; their
 * statics the source profiles do not call are left unused here.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "../v6_18/cred.c"
#include "../v6_18/namespaces.c"
#include "../v6_18/pid.c"
#include "../v6_18/cgroup.c"
#include "../v6_18/callees.c"
#pragma GCC diagnostic pop

/*
 * Debian's kernel.unprivileged_userns_clone sysctl, which its fork.c
 * declares and user_namespace.c defines. model: at Debian's default, 1
 * (CachyOS's fork.c defines its own, static).
 */
int unprivileged_userns_clone = 1;

static struct kobj *builder(void)
{
	return shim_child ? &shim_child->obj : NULL;
}

int shim_create_user_ns(struct cred *new)
{
	return create_user_ns(new);
}

int shim_copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	return copy_creds(p, clone_flags);
}

int shim_copy_namespaces(unsigned long flags, struct task_struct *tsk)
{
	return copy_namespaces(flags, tsk);
}

struct pid *shim_alloc_pid(struct pid_namespace *ns, int *set_tid, size_t set_tid_size)
{
	return alloc_pid(ns, set_tid, set_tid_size, shim_child);
}

void shim_cgroup_fork(struct task_struct *p)
{
	cgroup_fork(p);
}

int shim_cgroup_can_fork(struct task_struct *p, struct kernel_clone_args *kargs)
{
	return cgroup_can_fork(p, kargs);
}

void shim_cgroup_cancel_fork(struct task_struct *p, struct kernel_clone_args *kargs)
{
	cgroup_cancel_fork(p, kargs);
}

void shim_cgroup_post_fork(struct task_struct *p, struct kernel_clone_args *kargs)
{
	cgroup_post_fork(p, kargs);
}

int shim_sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	return sched_fork(clone_flags, p);
}

/* model: the runqueue placement fails only where the fault plan says */
int shim_sched_cgroup_fork(struct task_struct *p, struct kernel_clone_args *kargs)
{
	(void)p;
	(void)kargs;
	return model_fail(SITE_sched_cgroup_fork, false) ? -ENOMEM : 0;
}

int shim_security_task_alloc(struct task_struct *task, unsigned long clone_flags)
{
	(void)clone_flags;
	return security_task_alloc(task);
}

void shim_security_task_free(struct task_struct *task)
{
	security_task_free(task);
}

int shim_copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	return copy_thread(p, args);
}

void shim_recalc_sigpending(void)
{
	model_signal_point(SITE_signal_pending);
}

bool shim_task_sigpending(struct task_struct *t)
{
	return t->pending.signal.sig[0] != 0;
}

bool shim_fatal_signal_pending(struct task_struct *t)
{
	model_signal_point(SITE_fatal_signal);
	return t->pending.signal.sig[0] & (1UL << (SIGKILL - 1));
}

struct task_struct *shim_dup_task_struct(struct task_struct *orig, int node)
{
	(void)node;
	shim_child = dup_task_struct(orig);
	return shim_child;
}

void shim_free_task(struct task_struct *tsk)
{
	tsk->seccomp.filter = NULL;	/* a reference taken here is leaked, as the kernel does */
	free_task(tsk);
}

struct mm_struct *shim_dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	(void)oldmm;
	return dup_mm(tsk);
}

void shim_mmget(struct mm_struct *mm)
{
	get_ref(&mm->obj, builder());
}

void __mmdrop(struct mm_struct *mm)
{
	ledger_violation(V_shim_gap, KIND_mm_struct, "__mmdrop on mm_struct#%u: the model keeps no mm_count",
			 mm->obj.id);
}

struct fs_struct *shim_copy_fs_struct(struct fs_struct *old)
{
	return copy_fs_struct(old, shim_child);
}

struct files_struct *shim_dup_fd(struct files_struct *oldf, struct fd_range *punch_hole)
{
	(void)punch_hole;
	return dup_fd(oldf, shim_child);
}

void shim_get_seccomp_filter(struct task_struct *tsk)
{
	if (tsk->seccomp.filter)
		get_ref(&tsk->seccomp.filter->obj, builder());
}

int get_unused_fd_flags(unsigned int flags)
{
	struct fd_slot *fd;

	(void)flags;
	fd = get_unused_fd(shim_child);
	return IS_ERR(fd) ? (int)PTR_ERR(fd) : fd->fd;
}

/* The reserved descriptor @fd: a live fd_slot of that number with no file yet. */
static struct fd_slot *reserved_slot(unsigned int fd)
{
	struct kobj *o;

	for (o = ledger_kind_first(KIND_fd); o; o = ledger_kind_next(o)) {
		struct fd_slot *slot = (struct fd_slot *)o;

		if (!o->freed && !slot->file && slot->fd == (int)fd)
			return slot;
	}
	ledger_violation(V_shim_gap, KIND_fd, "descriptor %u is not a reserved one", fd);
	return NULL;
}

struct file *shim_pidfs_alloc_file(struct pid *pid, unsigned int flags)
{
	struct pidfd_file *f;

	(void)flags;
	f = pidfs_alloc_file(pid, shim_child);
	return IS_ERR(f) ? ERR_PTR(PTR_ERR(f)) : (struct file *)f;
}

struct file *shim_anon_inode_getfile(const char *name, const struct file_operations *fops,
				     void *priv, int flags)
{
	struct pidfd_file *f;

	(void)name, (void)fops, (void)flags;
	if (model_fail(SITE_pidfd_file, false))
		return ERR_PTR(-ENOMEM);
	f = obj_new(KIND_file, sizeof(*f), builder());
	f->pid = priv;
#ifdef CLONEFUZZ_SOURCE
	f->private_data = priv;
#endif
	return (struct file *)f;
}

/* get_pid(): the newest pidfd file of @pid that holds none yet takes it, else the task being built. */
struct pid *shim_get_pid(struct pid *pid)
{
	struct kobj *o, *owner = builder();

	for (o = ledger_kind_first(KIND_file); o; o = ledger_kind_next(o))
		if (!o->freed && ((struct pidfd_file *)o)->pid == pid &&
		    !hold_count(&pid->obj, o, HOLD_REF)) {
			owner = o;
			break;
		}
	get_ref(&pid->obj, owner);
	return pid;
}

void shim_put_pid(struct pid *pid)
{
	put_pid(pid, builder());
}

void shim_put_unused_fd(unsigned int fd)
{
	struct fd_slot *slot = reserved_slot(fd);

	if (slot)
		put_unused_fd(slot, builder());
}

void shim_fd_install(unsigned int fd, struct file *file)
{
	struct fd_slot *slot = reserved_slot(fd);

	if (slot)
		fd_install(slot, &file->f, builder());
}

void fput(struct file *file)
{
	fput_pidfd(&file->f, builder());
}

bool pid_has_task(struct pid *pid, enum pid_type type)
{
	int i;

	for (i = 0; i < world.nr_tasks; i++) {
		struct task_struct *t = world.tasks[i];

		if (t->attached && t->thread_pid == pid &&
		    (type == PIDTYPE_PID || t->group_leader == t))
			return true;
	}
	return false;
}

int shim_put_user_ok(unsigned long addr, unsigned long size)
{
	return model_fail(SITE_pidfd_put_user, !user_access_ok(addr, size)) ? -EFAULT : 0;
}

void shim_attach_pid(struct task_struct *p, enum pid_type type)
{
	if (type == PIDTYPE_PID)
		world_attach(p);
}

struct kres *shim_mpol_dup(struct kres *pol)
{
	return mpol_dup(pol, shim_child);
}

void shim_mpol_put(struct kres *pol)
{
	mpol_put(pol, builder());
}

void shim_mmput(struct mm_struct *mm)
{
	mmput(mm, builder());
}

void shim_free_pid(struct pid *pid)
{
	free_pid(pid, builder());
}

int shim_perf_event_init_task(struct task_struct *child, u64 clone_flags)
{
	(void)clone_flags;	/* model: no perf event is a per-thread one */
	return perf_event_init_task(child);
}

int shim_futex_hash_allocate_default(void)
{
	return futex_hash_allocate_default();
}

unsigned long rlimit(unsigned int limit)
{
	return current->signal->rlim[limit].rlim_cur;
}

/* model: only RLIMIT_NPROC is counted; the other rlimit counts stay at zero. */
bool is_rlimit_overlimit(struct ucounts *ucounts, enum rlimit_type type, unsigned long rlimit)
{
	return type == UCOUNT_RLIMIT_NPROC &&
	       (unsigned long)ucounts->obj.cnt[HOLD_PROCESSES] > rlimit;
}

bool dec_rlimit_ucounts(struct ucounts *ucounts, enum rlimit_type type, long v)
{
	bool zero = false;

	while (type == UCOUNT_RLIMIT_NPROC && v-- > 0)
		zero = hold_put(&ucounts->obj, builder(), HOLD_PROCESSES);
	return zero;
}
