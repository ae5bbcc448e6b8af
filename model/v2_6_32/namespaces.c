// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 2.6.32.69 kernel/nsproxy.c copy_namespaces()/create_new_namespaces(),
 * kernel/pid_namespace.c copy_pid_ns(), kernel/user_namespace.c
 * create_user_ns() and kernel/pid.c alloc_pid(). Included by v2_6_32/fork.c.
 */

static struct pid_namespace *create_pid_namespace(struct pid_namespace *parent_pid_ns,
						  struct kobj *owner)
{
	struct pid_namespace *ns;
	unsigned int level = parent_pid_ns->level + 1;

	/* model: 2.6.32 has no depth limit; deeper than the model holds fails as an allocation */
	if (model_fail(SITE_copy_pid_ns, level >= MODEL_PID_LEVELS))
		return ERR_PTR(-ENOMEM);
	ns = obj_new(KIND_pid_ns, sizeof(*ns), owner);
	ns->level = level;
	ns->parent = parent_pid_ns;
	get_pid_ns(parent_pid_ns, &ns->obj);
	ns->pid_max = parent_pid_ns->pid_max;
	ns->pid_allocated = PIDNS_ADDING;
	return ns;
}

static struct pid_namespace *copy_pid_ns(unsigned long flags,
					 struct pid_namespace *old_ns,
					 struct kobj *owner)
{
	struct pid_namespace *new_ns;

	get_pid_ns(old_ns, owner);
	new_ns = old_ns;
	if (!(flags & CLONE_NEWPID))
		goto out;

	new_ns = ERR_PTR(-EINVAL);
	if (model_fail(SITE_pidns_thread, flags & CLONE_THREAD))
		goto out_put;

	new_ns = create_pid_namespace(old_ns, owner);

out_put:
	put_pid_ns(old_ns, owner);
out:
	return new_ns;
}

static struct ns_common *copy_simple_ns(unsigned long flags, unsigned long flag,
					int site, enum kind kind,
					struct ns_common *old, struct kobj *owner)
{
	if (!(flags & flag)) {
		get_ref(&old->obj, owner);
		return old;
	}
	if (model_fail(site, false))
		return ERR_PTR(-ENOMEM);
	return new_ns_common(kind, NULL, owner);
}

static struct nsproxy *create_new_namespaces(unsigned long flags,
					     struct task_struct *tsk)
{
	struct nsproxy *new_nsp;
	struct kobj *o;
	int err;

	if (model_fail(SITE_create_nsproxy, false))
		return ERR_PTR(-ENOMEM);
	new_nsp = obj_new(KIND_nsproxy, sizeof(*new_nsp), &tsk->obj);
	o = &new_nsp->obj;

	new_nsp->mnt_ns = copy_simple_ns(flags, CLONE_NEWNS, SITE_copy_mnt_ns,
					 KIND_mnt_ns, tsk->nsproxy->mnt_ns, o);
	if (IS_ERR(new_nsp->mnt_ns)) {
		err = PTR_ERR(new_nsp->mnt_ns);
		new_nsp->mnt_ns = NULL;
		goto out_ns;
	}

	new_nsp->uts_ns = copy_simple_ns(flags, CLONE_NEWUTS, SITE_copy_utsname,
					 KIND_uts_ns, tsk->nsproxy->uts_ns, o);
	if (IS_ERR(new_nsp->uts_ns)) {
		err = PTR_ERR(new_nsp->uts_ns);
		goto out_uts;
	}

	new_nsp->ipc_ns = copy_simple_ns(flags, CLONE_NEWIPC, SITE_copy_ipcs,
					 KIND_ipc_ns, tsk->nsproxy->ipc_ns, o);
	if (IS_ERR(new_nsp->ipc_ns)) {
		err = PTR_ERR(new_nsp->ipc_ns);
		goto out_ipc;
	}

	new_nsp->pid_ns_for_children = copy_pid_ns(flags, task_active_pid_ns(tsk), o);
	if (IS_ERR(new_nsp->pid_ns_for_children)) {
		err = PTR_ERR(new_nsp->pid_ns_for_children);
		goto out_pid;
	}

	new_nsp->net_ns = copy_simple_ns(flags, CLONE_NEWNET, SITE_copy_net_ns,
					 KIND_net_ns, tsk->nsproxy->net_ns, o);
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
	struct nsproxy *new_ns;
	int err = 0;

	if (!old_ns)
		return 0;

	get_nsproxy(old_ns, &tsk->obj);

	if (!(flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
		       CLONE_NEWPID | CLONE_NEWNET)))
		return 0;

	if (model_fail(SITE_ns_capable, !capable(CAP_SYS_ADMIN))) {
		err = -EPERM;
		goto out;
	}

	/*
	 * CLONE_SYSVSEM shares the parent's semaphore undo list, but the
	 * arrays it refers to are out of reach from a new ipc namespace:
	 * the two flags together are refused.
	 */
	if (model_fail(SITE_newipc_sysvsem,
		       (flags & CLONE_NEWIPC) && (flags & CLONE_SYSVSEM))) {
		err = -EINVAL;
		goto out;
	}

	new_ns = create_new_namespaces(flags, tsk);
	if (IS_ERR(new_ns)) {
		err = PTR_ERR(new_ns);
		goto out;
	}

	tsk->nsproxy = new_ns;

out:
	put_nsproxy(old_ns, &tsk->obj);
	return err;
}

/* The new namespace gets its own root user; the cred's old user becomes its creator. */
static int create_user_ns(struct cred *new)
{
	struct user_namespace *ns;
	struct user_struct *root_user;

	if (model_fail(SITE_create_user_ns, false))
		return -ENOMEM;
	ns = kobj_alloc(KIND_user_ns, sizeof(*ns));
	get_ref(&ns->obj, &new->obj);	/* kref_init; model: this is the reference the root user keeps */
	ns->level = 1;
	ns->mapped = true;

	/* alloc_uid(ns, 0): the namespace's root user */
	if (model_fail(SITE_create_user_ns, false)) {
		put_ref(&ns->obj, &new->obj);
		kobj_free(&ns->obj);
		return -ENOMEM;
	}
	root_user = obj_new(KIND_user_struct, sizeof(*root_user), &new->obj);
	root_user->uid = 0;
	root_user->user_ns = ns;
	hold_move(&ns->obj, &new->obj, &root_user->obj, HOLD_REF);

	/* the cred being built switches over to that root user */
	ns->creator = new->user;
	hold_move(&new->user->obj, &new->obj, &ns->obj, HOLD_REF);
	new->user = root_user;
	new->uid = new->euid = new->egid = 0;
	return 0;
}

static struct pid *alloc_pid(struct pid_namespace *ns, struct task_struct *owner)
{
	struct pid *pid;
	int i, nr;
	struct pid_namespace *tmp;

	if (model_fail(SITE_alloc_pid, false))
		return NULL;
	pid = kobj_alloc(KIND_pid, sizeof(*pid));

	tmp = ns;
	for (i = ns->level; i >= 0; i--) {
		/* an injected failure takes the place of the allocation */
		if (model_fail(SITE_alloc_pid, pidmap_full(tmp)))
			goto out_free;
		nr = alloc_pidmap(tmp);

		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}

	get_pid_ns(ns, &pid->obj);
	pid->level = ns->level;
	get_ref(&pid->obj, &owner->obj);	/* atomic_set(&pid->count, 1) */
	return pid;

out_free:
	while (++i <= ns->level)
		free_pidmap(pid->numbers + i);

	kobj_free(&pid->obj);
	return NULL;
}
