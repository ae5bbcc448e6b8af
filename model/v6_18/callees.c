// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18's steps of copy_process() that live in other files:
 * dup_fd() (fs/file.c), cgroup_fork() and sched_fork() (kernel/cgroup,
 * kernel/sched/core.c),
 * security_task_alloc()/security_task_free() (security/security.c) and
 * copy_thread() (arch/x86/kernel/process.c). Included by v6_18/fork.c, and
 * by model/shim/steps.c for the source profiles.
 */

/*
 * dup_fd: a copy of the descriptor table, which alloc_fdtable refuses past
 * sysctl_nr_open entries. model: the copy has the parent's installed
 * descriptors but takes no references on the pidfd files among them.
 */
static struct files_struct *dup_fd(struct files_struct *oldf, struct task_struct *tsk)
{
	struct files_struct *newf;

	if (model_fail(SITE_dup_fd_nr_open, oldf->nr_open > world.cfg.nr_open))
		return ERR_PTR(-EMFILE);
	if (model_fail(SITE_dup_fd, false))
		return ERR_PTR(-ENOMEM);
	newf = obj_new(KIND_files_struct, sizeof(*newf), &tsk->obj);
	fdt_copy(newf, oldf);
	return newf;
}

/* cgroup_fork: the child starts on init_css_set, without a reference. */
static void cgroup_fork(struct task_struct *child)
{
	child->cgroups = NULL;
	child->cgroup = NULL;
}

static int sched_fork(u64 clone_flags, struct task_struct *p)
{
	(void)clone_flags;
	/*
	 * kernel/sched/core.c sched_fork: a SCHED_DEADLINE child is refused,
	 * unless reset-on-fork has already given it a normal policy.
	 */
	if (model_fail(SITE_sched_fork, p->prio_deadline))
		return -EAGAIN;
	p->__state = TASK_NEW;
	return 0;
}

/*
 * security_task_alloc: the LSM blob, then the hooks; what a hook returned
 * (passed on as it is, a positive value too), or ENOMEM for the blob.
 */
static int security_task_alloc(struct task_struct *task)
{
	int rc = security_task_create_ret;

	task->security = NULL;
	if (!model_fail(SITE_security_task_alloc, rc != 0)) {
		task->security = obj_new(KIND_security, sizeof(struct kres), &task->obj);
		return 0;
	}
	return rc ? rc : -ENOMEM;
}

static void security_task_free(struct task_struct *task)
{
	if (task->security) {
		kres_put(task->security, &task->obj);
		task->security = NULL;
	}
}

/* copy_thread (arch/x86/kernel/process.c): the TLS base, then the io bitmap is shared. */
static int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	int ret = 0;

	p->io_bitmap_ptr = NULL;
	/* CLONE_SETTLS: the new TLS base must be a user address */
	if ((clone_flags & CLONE_SETTLS) &&
	    model_fail(SITE_settls, args->tls >= TASK_SIZE_MAX))
		ret = -EPERM;

	if (!ret && unlikely(current->io_bitmap_ptr)) {
		/* io_bitmap_share: a reference on the parent's bitmap */
		p->io_bitmap_ptr = current->io_bitmap_ptr;
		get_ref(&p->io_bitmap_ptr->obj, &p->obj);
	}
	return ret;
}
