// SPDX-License-Identifier: GPL-2.0-only
/* The baseline world every scenario starts from: init, the caller, their namespaces, creds and cgroups. */
#include <string.h>

#include "fault.h"
#include "helpers.h"
#include "nsproxy.h"
#include "pid.h"
#include "profile.h"
#include "world.h"
#include "setup.h"

static struct user_namespace *new_user_ns(struct user_namespace *parent,
					  unsigned int owner, bool mapped)
{
	struct user_namespace *ns;

	ns = obj_new(KIND_user_ns, sizeof(*ns), &holder_outside->obj);
	ns->parent = parent;
	ns->level = parent ? parent->level + 1 : 0;
	ns->owner = owner;
	ns->mapped = mapped;
	/* 3.8+ holds its parent; 2.6.x reaches it through a creator nobody models here */
	if (parent && profile->kv >= KV(3, 8, 0))
		get_user_ns(parent, &ns->obj);
	return ns;
}

static struct pid_namespace *new_pid_ns(struct pid_namespace *parent)
{
	struct pid_namespace *ns;

	ns = obj_new(KIND_pid_ns, sizeof(*ns), &holder_outside->obj);
	ns->parent = parent;
	ns->level = parent ? parent->level + 1 : 0;
	ns->pid_max = world.cfg.pid_max;
	ns->pid_allocated = PIDNS_ADDING;
	if (parent)
		get_pid_ns(parent, &ns->obj);
	return ns;
}

/* A struct pid for a baseline task: no fault gates, every level numbered. */
static struct pid *baseline_pid(struct pid_namespace *ns, struct kobj *owner)
{
	struct pid *pid = obj_new(KIND_pid, sizeof(*pid), owner);
	struct pid_namespace *tmp = ns;
	int i;

	pid->level = ns->level;
	for (i = ns->level; i >= 0; i--) {
		pid->numbers[i].nr = alloc_pidmap(tmp);
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}
	get_pid_ns(ns, &pid->obj);
	return pid;
}

static struct user_struct *new_user(unsigned int uid)
{
	struct user_struct *u = obj_new(KIND_user_struct, sizeof(*u),
					&holder_outside->obj);

	u->uid = uid;
	return u;
}

static struct task_struct *baseline_task(const struct world_config *c,
					 struct cred *cred,
					 struct nsproxy *nsp,
					 struct pid_namespace *pidns,
					 struct task_struct *parent,
					 struct kres *cset)
{
	struct task_struct *t = kobj_alloc(KIND_task_struct, sizeof(*t));
	struct kobj *o = &t->obj;

	t->__state = TASK_RUNNING;
	t->scn_id = -1;
	t->stack = obj_new(KIND_thread_info, sizeof(struct kres), o);
	t->cred = t->real_cred = cred;
	get_ref(&cred->obj, o);
	get_ref(&cred->obj, o);
	hold_get(nproc_counter(cred), o, HOLD_PROCESSES);
	t->files = obj_new(KIND_files_struct, sizeof(*t->files), o);
	fdt_init(t->files, c->open_fds);
	t->fs = obj_new(KIND_fs_struct, sizeof(*t->fs), o);
	t->sighand = obj_new(KIND_sighand_struct, sizeof(*t->sighand), o);
	t->signal = obj_new(KIND_signal_struct, sizeof(*t->signal), o);
	hold_get(&t->signal->obj, o, HOLD_LIVE);
	t->signal->nr_threads = 1;
	t->signal->rlim[RLIMIT_NPROC].rlim_cur = c->rlimit_nproc;
	t->signal->rlim[RLIMIT_NOFILE].rlim_cur = c->nofile;
	t->nsproxy = nsp;
	get_nsproxy(nsp, o);
	t->thread_pid = baseline_pid(pidns, o);
	t->pid = t->tgid = pid_nr(t->thread_pid);
	t->delays = obj_new(KIND_delays, sizeof(struct kres), o);
#ifdef CLONEFUZZ_SOURCE
	t->exec_state = alloc_task_exec_state(cred->user_ns, o);	/* 7.x: every task has one */
#endif
	if (profile->kv < KV(4, 1, 0)) {	/* exec domains went in 4.1 */
		t->exec_domain_module = default_exec_domain;
		get_ref(&default_exec_domain->obj, o);
	}
	t->cgroups = cset;
	get_css_set(cset, o);
	t->real_parent = t->parent = parent;
	t->group_leader = t;
	t->exit_signal = SIGCHLD;
	world_attach(t);
	nr_threads++;
	nr_processes++;
	return t;
}

static struct cgroup *cgroup_root;

static struct cgroup *new_cgroup(long pids_max)
{
	struct cgroup *cg = obj_new(KIND_cgroup, sizeof(*cg), &holder_outside->obj);

	cg->cset = obj_new(KIND_css_set, sizeof(struct kres), &cg->obj);
	cg->pids_max = pids_max;
	cg->writable = true;
	return cg;
}

static void cgroup_attach_baseline(struct task_struct *t, struct cgroup *cg)
{
	t->cgroup = cg;
	hold_get(&cg->obj, &t->obj, HOLD_PROCESSES);	/* pids.current */
}

/* The 5.14+ world: cgroups and the fds that name them, the cgroup locks. */
static void modern_setup(const struct world_config *c)
{
	int fd;

	cgroup_threadgroup_rwsem = kobj_alloc(KIND_lock, sizeof(struct kres));
	cgroup_mutex = kobj_alloc(KIND_lock, sizeof(struct kres));
	cgroup_root = new_cgroup(1L << 40);
	caller_cgroup = new_cgroup(c->pids_max);
	for (fd = 0; fd < CGROUP_FD_FIRST; fd++)
		cgroup_fds[fd] = NULL;
	for (fd = CGROUP_FD_FIRST; fd <= CGROUP_FD_LAST; fd++)
		cgroup_fds[fd] = new_cgroup(1L << 40);
	cgroup_fds[3]->pids_max = c->target_pids_max;
	cgroup_fds[4]->removed = true;
	cgroup_fds[5]->v1 = true;
	cgroup_fds[6]->writable = false;
	cgroup_fds[7]->domain_invalid = true;
	cgroup_fds[8]->subtree_control = true;
}

void world_setup(const struct world_config *c)
{
	struct user_namespace *uns;
	struct pid_namespace *pidns, *for_children;
	struct nsproxy *init_nsproxy, *nsp;
	struct cred *root_cred, *cred;
	struct user_struct *user;
	struct kres *cset;
	struct task_struct *t;
	struct fault_plan none = { 0 };
	bool modern;
	int i;

	ledger_reset();
	cgroup_threadgroup_rwsem = cgroup_mutex = NULL;
	caller_cgroup = cgroup_root = NULL;
	memset(cgroup_fds, 0, sizeof(cgroup_fds));
	memset(&world, 0, sizeof(world));
	world.cfg = *c;
	trace_begin(&none);
	current = NULL;
	nr_threads = c->nr_threads_extra;
	max_threads = c->max_threads;
	total_forks = 0;
	nr_processes = 0;
	exec_domain_going = c->exec_domain_gone;
	clone_stopped_warnings = 100;
	security_task_create_ret = c->lsm_ret;
	caller_chrooted = c->chrooted;
	audit_enabled = c->audit;

	holder_outside = kobj_alloc(KIND_holder, sizeof(struct kres));
	tasklist_lock_obj = kobj_alloc(KIND_lock, SHIM_LOCK_OBJ_SIZE);
#ifdef CLONEFUZZ_SOURCE
	oom_adj_mutex_obj = kobj_alloc(KIND_lock, SHIM_LOCK_OBJ_SIZE);
#endif
	default_exec_domain = obj_new(KIND_module, sizeof(struct kres),
				      &holder_outside->obj);
	cset = obj_new(KIND_css_set, sizeof(struct kres), &holder_outside->obj);

	init_user_ns = new_user_ns(NULL, 0, true);
	root_user = new_user(0);
	modern = profile->kv >= KV(5, 14, 0);
	if (modern)
		modern_setup(c);
	init_pid_ns = new_pid_ns(NULL);
	init_nsproxy = obj_new(KIND_nsproxy, sizeof(*init_nsproxy),
			       &holder_outside->obj);
	init_nsproxy->uts_ns = new_ns_common(KIND_uts_ns, NULL, &init_nsproxy->obj);
	init_nsproxy->ipc_ns = new_ns_common(KIND_ipc_ns, NULL, &init_nsproxy->obj);
	init_nsproxy->mnt_ns = new_ns_common(KIND_mnt_ns, NULL, &init_nsproxy->obj);
	init_nsproxy->net_ns = new_ns_common(KIND_net_ns, NULL, &init_nsproxy->obj);
	init_nsproxy->pid_ns_for_children = init_pid_ns;
	get_pid_ns(init_pid_ns, &init_nsproxy->obj);
	if (modern) {
		init_nsproxy->cgroup_ns = new_ns_common(KIND_cgroup_ns, NULL,
							&init_nsproxy->obj);
		init_nsproxy->time_ns = new_ns_common(KIND_time_ns, NULL,
						      &init_nsproxy->obj);
		init_nsproxy->time_ns_for_children = init_nsproxy->time_ns;
		get_ref(&init_nsproxy->time_ns->obj, &init_nsproxy->obj);
	}

	root_cred = obj_new(KIND_cred, sizeof(*root_cred), &holder_outside->obj);
	root_cred->cap_effective = CAP_FULL_SET;
	root_cred->user = root_user;
	get_ref(&root_user->obj, &root_cred->obj);
	root_cred->user_ns = init_user_ns;
	get_user_ns(init_user_ns, &root_cred->obj);
	if (modern)
		root_cred->ucounts = find_or_alloc_ucounts(init_user_ns, 0,
							   &root_cred->obj);

	t = baseline_task(c, root_cred, init_nsproxy, init_pid_ns, NULL,
			  modern ? cgroup_root->cset : cset);
	if (modern)
		cgroup_attach_baseline(t, cgroup_root);
	t->signal->flags |= SIGNAL_UNKILLABLE;
	t->mm = t->active_mm = obj_new(KIND_mm_struct, sizeof(*t->mm), &t->obj);
	t->mm->owner = t;
	init_pid_ns->child_reaper = t;
	world.init = t;

	if (c->caller_is_init) {
		current = t;
		goto caller;
	}

	/* The caller's user: its namespaces, its user_struct, its cred. */
	uns = init_user_ns;
	for (i = 0; i < c->userns_depth; i++)
		uns = new_user_ns(uns, c->uid, true);
	uns->mapped = !c->unmapped;
	user = c->uid ? new_user(c->uid) : root_user;

	cred = obj_new(KIND_cred, sizeof(*cred), &holder_outside->obj);
	cred->uid = cred->euid = c->uid;
	cred->egid = c->uid;
	cred->cap_effective = c->caps;
	cred->user = user;
	get_ref(&user->obj, &cred->obj);
	cred->user_ns = uns;
	get_user_ns(uns, &cred->obj);
	if (modern)
		cred->ucounts = find_or_alloc_ucounts(uns, c->uid, &cred->obj);
	hold_get_many(nproc_counter(cred), &holder_outside->obj, HOLD_PROCESSES, c->nproc);

	/* The caller's pid namespaces; number 1 of each is a reaper outside the model. */
	pidns = init_pid_ns;
	for (i = 0; i < c->pidns_depth; i++) {
		pidns = new_pid_ns(pidns);
		pidns->child_reaper = world.init;
		baseline_pid(pidns, &holder_outside->obj);
	}
	for_children = pidns;
	if (c->pidns_mismatch)
		for_children = new_pid_ns(pidns);

	nsp = init_nsproxy;
	if (for_children != init_pid_ns || (modern && c->timens_pending)) {
		struct kobj hdr;

		nsp = obj_new(KIND_nsproxy, sizeof(*nsp), &holder_outside->obj);
		hdr = nsp->obj;
		*nsp = *init_nsproxy;
		nsp->obj = hdr;
		get_ref(&nsp->uts_ns->obj, &nsp->obj);
		get_ref(&nsp->ipc_ns->obj, &nsp->obj);
		get_ref(&nsp->mnt_ns->obj, &nsp->obj);
		get_ref(&nsp->net_ns->obj, &nsp->obj);
		if (modern) {
			get_ref(&nsp->cgroup_ns->obj, &nsp->obj);
			get_ref(&nsp->time_ns->obj, &nsp->obj);
			get_ref(&nsp->time_ns_for_children->obj, &nsp->obj);
		}
		nsp->pid_ns_for_children = for_children;
		get_pid_ns(for_children, &nsp->obj);
		if (modern && c->timens_pending) {
			/* unshare(CLONE_NEWTIME): children get a new time ns */
			put_ns_common(nsp->time_ns_for_children, &nsp->obj);
			nsp->time_ns_for_children = new_ns_common(KIND_time_ns, uns,
								  &nsp->obj);
		}
	}

	t = baseline_task(c, cred, nsp, pidns, world.init,
			  modern ? caller_cgroup->cset : cset);
	if (modern)
		cgroup_attach_baseline(t, caller_cgroup);
	if (!c->kthread) {
		t->mm = t->active_mm = obj_new(KIND_mm_struct, sizeof(*t->mm),
					       &t->obj);
		t->mm->owner = t;
	}
	current = t;

caller:
	t->fs->in_exec = c->in_exec;
	if (modern && c->seccomp)	/* model: seccomp filters only for 5.14+ */
		t->seccomp.filter = obj_new(KIND_seccomp_filter, sizeof(struct kres),
					    &t->obj);
	t->prio_deadline = c->sched_deadline;
	if (c->io_context || c->ioprio) {
		t->io_context = obj_new(KIND_io_context, sizeof(*t->io_context),
					&t->obj);
		t->io_context->ioprio_valid = c->ioprio;
	}
	if (c->io_bitmap)
		t->io_bitmap_ptr = obj_new(KIND_io_bitmap, sizeof(struct kres),
					   &t->obj);
	if (c->sem_undo)
		t->sysvsem_undo_list = obj_new(KIND_sem_undo_list,
					       sizeof(struct kres), &t->obj);
	if (c->mempolicy)
		t->mempolicy = obj_new(KIND_mempolicy, sizeof(struct kres),
				       &t->obj);
#ifdef CLONEFUZZ_SOURCE
	if (c->io_uring_restrict)
		t->io_uring_restrict = obj_new(KIND_io_uring_restrict, sizeof(struct kres),
					       &t->obj);
#endif
	if (c->perf)
		t->perf_event_ctxp = obj_new(KIND_perf_context,
					     sizeof(struct kres), &t->obj);
	if (c->audit)
		t->audit_context = obj_new(KIND_audit_context,
					   sizeof(struct kres), &t->obj);
	t->scn_id = 0;
	world.scn[0] = t;
	world.nr_scn = 1;
}
