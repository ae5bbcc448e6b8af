// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 4.0.5 kernel/nsproxy.c copy_namespaces()/create_new_namespaces(),
 * kernel/pid_namespace.c copy_pid_ns(), kernel/user_namespace.c
 * create_user_ns() and kernel/pid.c alloc_pid(). Included by v4_0/fork.c.
 */

static struct pid_namespace *create_pid_namespace(struct user_namespace *user_ns,
						  struct pid_namespace *parent_pid_ns,
						  struct kobj *owner)
{
	struct pid_namespace *ns;
	unsigned int level = parent_pid_ns->level + 1;

	if (model_fail(SITE_pidns_depth, level > MAX_PID_NS_LEVEL))
		return ERR_PTR(-EINVAL);
	if (model_fail(SITE_copy_pid_ns, false))
		return ERR_PTR(-ENOMEM);
	ns = obj_new(KIND_pid_ns, sizeof(*ns), owner);
	ns->level = level;
	ns->parent = parent_pid_ns;
	get_pid_ns(parent_pid_ns, &ns->obj);
	ns->user_ns = user_ns;
	get_user_ns(user_ns, &ns->obj);
	ns->pid_max = parent_pid_ns->pid_max;
	ns->pid_allocated = PIDNS_ADDING;	/* PIDNS_HASH_ADDING */
	return ns;
}

static struct pid_namespace *copy_pid_ns(unsigned long flags,
					 struct user_namespace *user_ns,
					 struct pid_namespace *old_ns,
					 struct kobj *owner)
{
	if (!(flags & CLONE_NEWPID)) {
		get_pid_ns(old_ns, owner);
		return old_ns;
	}
	if (model_fail(SITE_pidns_not_active,
		       task_active_pid_ns(current) != old_ns))
		return ERR_PTR(-EINVAL);
	return create_pid_namespace(user_ns, old_ns, owner);
}

/* copy_mnt_ns, copy_utsname, copy_ipcs, copy_net_ns: share or make new. */
static struct ns_common *copy_simple_ns(unsigned long flags, unsigned long flag,
					int site, enum kind kind,
					struct user_namespace *user_ns,
					struct ns_common *old, struct kobj *owner)
{
	if (!(flags & flag)) {
		get_ref(&old->obj, owner);
		return old;
	}
	if (model_fail(site, false))
		return ERR_PTR(-ENOMEM);
	return new_ns_common(kind, user_ns, owner);
}

static struct nsproxy *create_new_namespaces(unsigned long flags,
					     struct task_struct *tsk,
					     struct user_namespace *user_ns)
{
	struct nsproxy *new_nsp;
	struct kobj *o;
	int err;

	if (model_fail(SITE_create_nsproxy, false))
		return ERR_PTR(-ENOMEM);
	new_nsp = obj_new(KIND_nsproxy, sizeof(*new_nsp), &tsk->obj);
	o = &new_nsp->obj;

	new_nsp->mnt_ns = copy_simple_ns(flags, CLONE_NEWNS, SITE_copy_mnt_ns,
					 KIND_mnt_ns, user_ns,
					 tsk->nsproxy->mnt_ns, o);
	if (IS_ERR(new_nsp->mnt_ns)) {
		err = PTR_ERR(new_nsp->mnt_ns);
		goto out_ns;
	}

	new_nsp->uts_ns = copy_simple_ns(flags, CLONE_NEWUTS, SITE_copy_utsname,
					 KIND_uts_ns, user_ns,
					 tsk->nsproxy->uts_ns, o);
	if (IS_ERR(new_nsp->uts_ns)) {
		err = PTR_ERR(new_nsp->uts_ns);
		goto out_uts;
	}

	new_nsp->ipc_ns = copy_simple_ns(flags, CLONE_NEWIPC, SITE_copy_ipcs,
					 KIND_ipc_ns, user_ns,
					 tsk->nsproxy->ipc_ns, o);
	if (IS_ERR(new_nsp->ipc_ns)) {
		err = PTR_ERR(new_nsp->ipc_ns);
		goto out_ipc;
	}

	new_nsp->pid_ns_for_children = copy_pid_ns(flags, user_ns, tsk->nsproxy->pid_ns_for_children, o);
	if (IS_ERR(new_nsp->pid_ns_for_children)) {
		err = PTR_ERR(new_nsp->pid_ns_for_children);
		goto out_pid;
	}

	new_nsp->net_ns = copy_simple_ns(flags, CLONE_NEWNET, SITE_copy_net_ns,
					 KIND_net_ns, user_ns,
					 tsk->nsproxy->net_ns, o);
	if (IS_ERR(new_nsp->net_ns)) {
		err = PTR_ERR(new_nsp->net_ns);
		goto out_net;
	}

	return new_nsp;

out_net:
	put_pid_ns(new_nsp->pid_ns_for_children, o);
out_pid:
	put_ns_common(new_nsp->ipc_ns, o);
out_ipc:
	put_ns_common(new_nsp->uts_ns, o);
out_uts:
	put_ns_common(new_nsp->mnt_ns, o);
out_ns:
	put_ref(o, &tsk->obj);
	kobj_free(o);
	return ERR_PTR(err);
}

static int copy_namespaces(unsigned long flags, struct task_struct *tsk)
{
	struct nsproxy *old_ns = tsk->nsproxy;
	struct user_namespace *user_ns = tsk->cred->user_ns;
	struct nsproxy *new_ns;

	if (likely(!(flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
			      CLONE_NEWPID | CLONE_NEWNET)))) {
		get_nsproxy(old_ns, &tsk->obj);
		return 0;
	}

	if (model_fail(SITE_ns_capable, !ns_capable(user_ns, CAP_SYS_ADMIN)))
		return -EPERM;

	/*
	 * CLONE_SYSVSEM shares the parent's semaphore undo list, but the
	 * arrays it refers to are out of reach from a new ipc namespace:
	 * the two flags together are refused.
	 */
	if (model_fail(SITE_newipc_sysvsem,
		       (flags & (CLONE_NEWIPC | CLONE_SYSVSEM)) ==
		       (CLONE_NEWIPC | CLONE_SYSVSEM)))
		return -EINVAL;

	new_ns = create_new_namespaces(flags, tsk, user_ns);
	if (IS_ERR(new_ns))
		return PTR_ERR(new_ns);

	tsk->nsproxy = new_ns;
	return 0;
}

/*
 * ns_capable() above asks about the child's cred: after CLONE_NEWUSER that is
 * the new namespace, where the child holds every capability.
 */
static int create_user_ns(struct cred *new)
{
	struct user_namespace *ns, *parent_ns = new->user_ns;

	if (model_fail(SITE_userns_depth, parent_ns->level > 32))
		return -EUSERS;

	/*
	 * A chrooted caller (its root is not the root of its mount
	 * namespace) may not create one: the new namespace's capabilities
	 * could be used to get out of the chroot.
	 */
	if (model_fail(SITE_userns_chroot, caller_chrooted && !bug_on(BUG_userns_from_chroot)))
		return -EPERM;

	/*
	 * The creator's ids must be mapped in the parent namespace, or the
	 * owner of the new one could not be reported to user space.
	 */
	if (model_fail(SITE_userns_unmapped, !parent_ns->mapped))
		return -EPERM;

	if (model_fail(SITE_create_user_ns, false))
		return -ENOMEM;
	ns = kobj_alloc(KIND_user_ns, sizeof(*ns));
	ns->level = parent_ns->level + 1;
	ns->owner = new->euid;
	ns->mapped = false;

	/* set_cred_user_ns: the cred's reference on the parent passes to ns */
	ns->parent = parent_ns;
	hold_move(&parent_ns->obj, &new->obj, &ns->obj, HOLD_REF);
	new->user_ns = ns;
	get_ref(&ns->obj, &new->obj);
	new->cap_effective = CAP_FULL_SET;
	return 0;
}

static struct pid *alloc_pid(struct pid_namespace *ns, struct task_struct *owner)
{
	struct pid *pid;
	int i, nr;
	struct pid_namespace *tmp;
	struct upid *upid;

	if (model_fail(SITE_alloc_pid, false))
		return NULL;
	pid = kobj_alloc(KIND_pid, sizeof(*pid));

	tmp = ns;
	pid->level = ns->level;
	for (i = ns->level; i >= 0; i--) {
		/* an injected failure takes the place of the allocation */
		if (model_fail(SITE_alloc_pid, pidmap_full(tmp)))
			goto out_free;
		nr = alloc_pidmap(tmp);

		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}

	/* model: pid_ns_prepare_proc for a new namespace's first pid cannot fail */
	get_pid_ns(ns, &pid->obj);
	get_ref(&pid->obj, &owner->obj);	/* atomic_set(&pid->count, 1) */

	upid = pid->numbers + ns->level;
	if (model_fail(SITE_alloc_pid, !(ns->pid_allocated & PIDNS_ADDING)))
		goto out_unlock;
	(void)upid;
	return pid;

out_unlock:
	put_ref(&pid->obj, &owner->obj);
	put_pid_ns(ns, &pid->obj);

out_free:
	while (++i <= ns->level)
		free_pidmap(pid->numbers + i);

	kobj_free(&pid->obj);
	return NULL;
}
