// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/cgroup/cgroup.c fork hooks (cgroup_css_set_fork,
 * cgroup_can_fork, cgroup_cancel_fork, cgroup_post_fork) with the pids
 * controller, and kernel/futex/core.c's default private hash. Included by
 * v6_18/fork.c.
 * model: cgroups are the scenario's fixed set (world.h); each has one
 * css_set; pids.max is checked on the cgroup the child joins (its parent
 * is the unlimited root).
 */

static void cgroup_threadgroup_change_begin(void)
{
	lock_take(&cgroup_threadgroup_rwsem->obj, &current->obj);	/* read side */
}

static void cgroup_threadgroup_change_end(void)
{
	lock_drop(&cgroup_threadgroup_rwsem->obj, &current->obj);
}

/*
 * cgroup_get_from_file through fget_raw: the directory an fd names, with a
 * reference. A descriptor that is free, or only reserved (the pidfd of this
 * very call, whose file comes after the point of no return), has no file:
 * EBADF, as has a file that is no cgroup directory.
 */
static struct cgroup *cgroup_get_from_fd(u64 fd, struct kobj *owner)
{
	struct cgroup *cgrp;

	if (model_fail(SITE_cgroup_fd, fd < CGROUP_FD_FIRST || fd > CGROUP_FD_LAST ||
		       fdt_state(current->files, (long long)fd) != FD_CGROUP || !cgroup_fds[fd]))
		return ERR_PTR(-EBADF);
	cgrp = cgroup_fds[fd];
	/* css_tryget_online_from_dir: the directory's cgroup is gone */
	if (model_fail(SITE_cgroup_removed, cgrp->removed))
		return ERR_PTR(-ENOENT);
	if (model_fail(SITE_cgroup_v1, cgrp->v1 && !bug_on(BUG_cgroup_v1_accepted)))
		return ERR_PTR(-EBADF);
	get_ref(&cgrp->obj, owner);
	return cgrp;
}

static void cgroup_css_set_put_fork(struct kernel_clone_args *kargs, struct kobj *owner)
{
	struct cgroup *cgrp = kargs->cgrp;
	struct kres *cset = kargs->cset;

	cgroup_threadgroup_change_end();

	if (cset && (!bug_on(BUG_css_set_not_put) || (kargs->flags & CLONE_INTO_CGROUP))) {
		put_css_set(cset, owner);
		kargs->cset = NULL;
	}

	if (kargs->flags & CLONE_INTO_CGROUP) {
		lock_drop(&cgroup_mutex->obj, &current->obj);
		if (cgrp) {
			put_ref(&cgrp->obj, owner);	/* cgroup_put */
			kargs->cgrp = NULL;
		}
	}
}

static int cgroup_css_set_fork(struct kernel_clone_args *kargs, struct kobj *owner)
{
	struct cgroup *dst_cgrp = NULL;
	struct kres *cset;
	int ret;

	if (kargs->flags & CLONE_INTO_CGROUP)
		lock_take(&cgroup_mutex->obj, &current->obj);

	cgroup_threadgroup_change_begin();

	cset = current->cgroups;	/* task_css_set(current) */
	get_css_set(cset, owner);

	if (!(kargs->flags & CLONE_INTO_CGROUP)) {
		kargs->cset = cset;
		kargs->cset_cgrp = current->cgroup;
		return 0;
	}

	dst_cgrp = cgroup_get_from_fd(kargs->cgroup, owner);
	if (IS_ERR(dst_cgrp)) {
		ret = PTR_ERR(dst_cgrp);
		dst_cgrp = NULL;
		goto err;
	}

	/* cgroup_is_dead: only an rmdir racing with the lookup gets here */
	ret = -ENODEV;
	if (model_fail(SITE_cgroup_dead, false))
		goto err;

	/*
	 * Write access to the target cgroup is checked here by hand: no VFS
	 * write of cgroup.procs does it for CLONE_INTO_CGROUP.
	 */
	ret = -EACCES;
	if (model_fail(SITE_cgroup_perm, !dst_cgrp->writable))
		goto err;

	/* cgroup_attach_permissions: cgroup_migrate_vet_dst */
	ret = -EOPNOTSUPP;
	if (model_fail(SITE_cgroup_domain, dst_cgrp->domain_invalid))
		goto err;
	ret = -EBUSY;
	if (model_fail(SITE_cgroup_busy, dst_cgrp->subtree_control))
		goto err;
	/* a thread joins only a cgroup of its thread group's domain */
	ret = -EOPNOTSUPP;
	if (model_fail(SITE_cgroup_thread_domain, (kargs->flags & CLONE_THREAD) &&
		       dst_cgrp != current->cgroup))
		goto err;

	ret = -ENOMEM;
	if (model_fail(SITE_find_css_set, false))
		goto err;
	kargs->cset = dst_cgrp->cset;	/* find_css_set(cset, dst_cgrp) */
	get_css_set(kargs->cset, owner);
	kargs->cset_cgrp = dst_cgrp;

	put_css_set(cset, owner);
	kargs->cgrp = dst_cgrp;
	return 0;

err:
	cgroup_threadgroup_change_end();
	lock_drop(&cgroup_mutex->obj, &current->obj);
	if (dst_cgrp)
		put_ref(&dst_cgrp->obj, owner);
	put_css_set(cset, owner);
	if (kargs->cset)
		put_css_set(kargs->cset, owner);
	return ret;
}

/* pids_can_fork: charge the child to the cgroup it joins, within pids.max. */
static int pids_can_fork(struct cgroup *cgrp, struct task_struct *child)
{
	if (model_fail(SITE_pids_max, cgrp->obj.cnt[HOLD_PROCESSES] + 1 > cgrp->pids_max))
		return -EAGAIN;
	hold_get(&cgrp->obj, &child->obj, HOLD_PROCESSES);
	return 0;
}

static void pids_cancel_fork(struct cgroup *cgrp, struct task_struct *child)
{
	hold_put(&cgrp->obj, &child->obj, HOLD_PROCESSES);
}

static int cgroup_can_fork(struct task_struct *child, struct kernel_clone_args *kargs)
{
	int ret;

	ret = cgroup_css_set_fork(kargs, &child->obj);
	if (ret)
		return ret;

	ret = pids_can_fork(kargs->cset_cgrp, child);
	if (ret)
		goto out_revert;
	return 0;

out_revert:
	cgroup_css_set_put_fork(kargs, &child->obj);
	return ret;
}

static void cgroup_cancel_fork(struct task_struct *child, struct kernel_clone_args *kargs)
{
	if (kargs->cset_cgrp)	/* model: nothing charged when can_fork never ran (bugs) */
		pids_cancel_fork(kargs->cset_cgrp, child);
	cgroup_css_set_put_fork(kargs, &child->obj);
}

/* cgroup_post_fork: the child joins kargs->cset, which hands it its reference. */
static void cgroup_post_fork(struct task_struct *child, struct kernel_clone_args *kargs)
{
	child->cgroups = kargs->cset;
	child->cgroup = kargs->cset_cgrp;
	kargs->cset = NULL;
	cgroup_css_set_put_fork(kargs, &child->obj);
}

static bool need_futex_hash_allocate_default(u64 clone_flags)
{
	/*
	 * model: 6.18.30's condition. The 6.18-stable queue of 2026-05-20
	 * (ee9dce44362b) changes it to CLONE_VM without CLONE_VFORK.
	 */
	if ((clone_flags & (CLONE_THREAD | CLONE_VM)) != (CLONE_THREAD | CLONE_VM))
		return false;
	return true;
}

/* futex_hash_allocate_default: the parent's mm gets a private hash, kept on failure. */
static int futex_hash_allocate_default(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm || mm->futex_hash)
		return 0;
	if (model_fail(SITE_futex_hash, false))
		return -ENOMEM;
	mm->futex_hash = obj_new(KIND_futex_hash, sizeof(struct kres), &mm->obj);
	/* model: a documented side effect that outlives a failed fork */
	mm->futex_hash->obj.persistent = true;
	return 0;
}
