// SPDX-License-Identifier: GPL-2.0-only
/* The world: kernel globals, allocation, ucounts, capability checks and the task list. */
#include <string.h>

#include "profile.h"
#include "world.h"

struct task_struct *current;
int nr_threads;
int max_threads;
unsigned long total_forks;
int nr_processes;
struct kres *tasklist_lock_obj;
#ifdef CLONEFUZZ_SOURCE
struct kres *oom_adj_mutex_obj;
#endif
struct pid init_struct_pid;
struct user_struct *root_user;
struct user_namespace *init_user_ns;
struct pid_namespace *init_pid_ns;
struct kres *holder_outside;
struct kres *default_exec_domain;
bool exec_domain_going;
struct kres *cgroup_threadgroup_rwsem;
struct kres *cgroup_mutex;
struct cgroup *caller_cgroup;
struct cgroup *cgroup_fds[CGROUP_FD_LAST + 1];
int clone_stopped_warnings;
int security_task_create_ret;
bool caller_chrooted;
bool audit_enabled;
struct world world;

void world_config_default(struct world_config *c)
{
	memset(c, 0, sizeof(*c));
	c->uid = 1000;
	c->caps = 0;
	c->rlimit_nproc = 4096;
	c->max_threads = 4096;
	c->pid_max = 32768;
	c->nofile = 1024;
	c->open_fds = CGROUP_FD_LAST + 1;
	c->nr_open = 1048576;
	c->max_namespaces = 1 << 20;
	c->pids_max = 1 << 30;
	c->target_pids_max = 1 << 30;
}

/*
 * A world the kernel version can be in: the baseline's own pids need room
 * (init, the caller and one init per nested pid namespace, at the root
 * level), and before 3.8 no task could have unshared its pid namespace.
 */
const char *world_config_invalid(const struct profile *p, const struct world_config *c)
{
	if (c->pid_max < c->pidns_depth + 3)
		return "pid_max leaves no pid numbers for the baseline's own tasks (need pidns_depth + 3)";
	if (c->pidns_mismatch && p->kv < KV(3, 8, 0))
		return "pidns_mismatch needs unshare(CLONE_NEWPID), which came in 3.8";
	if (c->lsm_ret > 0 && p->kv < KV(5, 7, 0))
		return "a positive lsm_task_create needs a BPF LSM program, which came in 5.7";
	return NULL;
}

void world_config_fixup(const struct profile *p, struct world_config *c)
{
	if (c->pid_max < c->pidns_depth + 3)
		c->pid_max = c->pidns_depth + 3;
	if (p->kv < KV(3, 8, 0))
		c->pidns_mismatch = false;
	if (c->lsm_ret > 0 && p->kv < KV(5, 7, 0))
		c->lsm_ret = 0;
}

void *obj_new(enum kind kind, size_t size, struct kobj *owner)
{
	struct kobj *o = kobj_alloc(kind, size);

	get_ref(o, owner);
	return o;
}

void kres_put(struct kres *r, struct kobj *owner)
{
	if (put_ref(&r->obj, owner))
		kobj_free(&r->obj);
}

/* kernel/ucount.c alloc_ucounts without its failure: find (ns, uid) or make it. */
struct ucounts *find_or_alloc_ucounts(struct user_namespace *ns, unsigned int uid,
				      struct kobj *owner)
{
	struct ucounts *uc;
	struct kobj *o;

	/* at most one live entry per (ns, uid): the search order does not matter */
	for (o = ledger_kind_first(KIND_ucounts); o; o = ledger_kind_next(o)) {
		uc = (struct ucounts *)o;
		if (!o->freed && uc->ns == ns && uc->uid == uid) {
			get_ref(&uc->obj, owner);
			return uc;
		}
	}
	uc = obj_new(KIND_ucounts, sizeof(*uc), owner);
	uc->ns = ns;
	uc->uid = uid;
	return uc;
}

void put_ucounts(struct ucounts *uc, struct kobj *owner)
{
	if (uc && put_ref(&uc->obj, owner))
		kobj_free(&uc->obj);
}

/* dec_ucount: a namespace gives its creator's charge back. */
void dec_ucount(struct ucounts *uc, int type, struct kobj *owner)
{
	if (!uc)
		return;
	uc->ucount[type]--;
	put_ucounts(uc, owner);
}

/* cap_capable(): the caller's caps count in its own user ns; the owner of a child ns has them all there. */
bool ns_capable(struct user_namespace *ns, int cap)
{
	const struct cred *cred = current->cred;

	for (;;) {
		if (ns == cred->user_ns)
			return cred->cap_effective & (1ULL << cap);
		if (ns->level <= cred->user_ns->level)
			return false;
		if (ns->parent == cred->user_ns && ns->owner == cred->euid)
			return true;
		ns = ns->parent;
	}
}

bool capable(int cap)
{
	if (profile->kv < KV(3, 8, 0))
		return task_capable(current, cap);
	return ns_capable(init_user_ns, cap);
}

void world_attach(struct task_struct *p)
{
	if (world.nr_tasks < MAX_TASKS)
		world.tasks[world.nr_tasks++] = p;
	p->attached = true;
}

void world_detach(struct task_struct *p)
{
	int i;

	for (i = 0; i < world.nr_tasks; i++) {
		if (world.tasks[i] == p) {
			memmove(&world.tasks[i], &world.tasks[i + 1],
				(world.nr_tasks - i - 1) * sizeof(p));
			world.nr_tasks--;
			break;
		}
	}
	p->attached = false;
}

void fdt_init(struct files_struct *f, int open)
{
	int fd;

	for (fd = 0; fd < FDT_NAMED; fd++)
		f->state[fd] = fd >= open ? FD_FREE :
			       fd >= CGROUP_FD_FIRST && fd <= CGROUP_FD_LAST ? FD_CGROUP : FD_FILE;
	f->nr_open = open;
	f->reserved_high = -1;
}

/* nr_open back down over the free descriptors at the top of the named ones. */
static void fdt_trim(struct files_struct *f)
{
	while (f->nr_open > 0 && f->nr_open <= FDT_NAMED && f->state[f->nr_open - 1] == FD_FREE)
		f->nr_open--;
}

void fdt_copy(struct files_struct *f, const struct files_struct *old)
{
	int fd;

	for (fd = 0; fd < FDT_NAMED; fd++)
		f->state[fd] = old->state[fd] == FD_RESERVED ? FD_FREE : old->state[fd];
	f->nr_open = old->nr_open;
	f->reserved_high = -1;
	if (old->reserved_high >= 0)
		f->nr_open--;		/* the reserved one is the top */
	fdt_trim(f);
}

int fdt_lowest_free(const struct files_struct *f)
{
	int fd;

	for (fd = 0; fd < FDT_NAMED; fd++)
		if (f->state[fd] == FD_FREE)
			return fd;
	return f->nr_open > FDT_NAMED ? f->nr_open : FDT_NAMED;
}

enum fd_state fdt_state(const struct files_struct *f, long long fd)
{
	if (fd < 0 || fd >= f->nr_open)
		return FD_FREE;
	if (fd < FDT_NAMED)
		return f->state[fd];
	return fd == f->reserved_high ? FD_RESERVED : FD_FILE;
}

void fdt_reserve(struct files_struct *f, int fd)
{
	if (fd < FDT_NAMED)
		f->state[fd] = FD_RESERVED;
	else
		f->reserved_high = fd;
	if (fd >= f->nr_open)
		f->nr_open = fd + 1;
}

void fdt_install(struct files_struct *f, int fd)
{
	if (fd < FDT_NAMED)
		f->state[fd] = FD_FILE;
	else if (fd == f->reserved_high)
		f->reserved_high = -1;
}

void fdt_release(struct files_struct *f, int fd)
{
	if (fd < FDT_NAMED) {
		f->state[fd] = FD_FREE;
	} else {
		if (fd == f->reserved_high)
			f->reserved_high = -1;
		if (fd == f->nr_open - 1)
			f->nr_open--;
	}
	fdt_trim(f);
}
