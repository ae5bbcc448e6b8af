// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/nsproxy.c copy_namespaces()/create_new_namespaces()
 * and kernel/pid_namespace.c copy_pid_ns(). Included by v6_18/fork.c.
 */

static struct pid_namespace *create_pid_namespace(struct user_namespace *user_ns,
						  struct pid_namespace *parent_pid_ns,
						  struct kobj *owner)
{
	struct pid_namespace *ns;
	unsigned int level = parent_pid_ns->level + 1;
	struct ucounts *ucounts;

	/*
	 * model: in_userns(parent_pid_ns->user_ns, user_ns) holds: the
	 * caller's user namespace always descends from its pid namespace's.
	 */
	if (model_fail(SITE_pidns_depth, level > MAX_PID_NS_LEVEL))
		return ERR_PTR(-ENOSPC);
	ucounts = inc_ucount(user_ns, current_euid(), UCOUNT_PID_NAMESPACES, owner);
	if (model_fail(SITE_ns_ucount, !ucounts)) {
		if (ucounts)
			dec_ucount(ucounts, UCOUNT_PID_NAMESPACES, owner);
		return ERR_PTR(-ENOSPC);
	}
	if (model_fail(SITE_copy_pid_ns, false)) {
		dec_ucount(ucounts, UCOUNT_PID_NAMESPACES, owner);
		return ERR_PTR(-ENOMEM);
	}
	ns = obj_new(KIND_pid_ns, sizeof(*ns), owner);
	ns->level = level;
	ns->parent = parent_pid_ns;
	get_pid_ns(parent_pid_ns, &ns->obj);
	ns->user_ns = user_ns;
	get_user_ns(user_ns, &ns->obj);
	ns->ucounts = ucounts;
	hold_move(&ucounts->obj, owner, &ns->obj, HOLD_REF);
	ns->pid_max = PID_MAX_LIMIT;
	ns->pid_allocated = PIDNS_ADDING;
	return ns;
}

static struct pid_namespace *copy_pid_ns(u64 flags, struct user_namespace *user_ns,
					 struct pid_namespace *old_ns, struct kobj *owner)
{
	if (!(flags & CLONE_NEWPID)) {
		get_pid_ns(old_ns, owner);
		return old_ns;
	}
	if (model_fail(SITE_pidns_not_active, task_active_pid_ns(current) != old_ns))
		return ERR_PTR(-EINVAL);
	return create_pid_namespace(user_ns, old_ns, owner);
}

/* copy_mnt_ns, copy_utsname, copy_ipcs, copy_cgroup_ns, copy_net_ns, copy_time_ns. */
static struct ns_common *copy_simple_ns(u64 flags, u64 flag, int site, enum kind kind,
					int type, struct user_namespace *user_ns,
					struct ns_common *old, struct kobj *owner)
{
	struct ucounts *ucounts;
	struct ns_common *ns;

	if (!(flags & flag)) {
		get_ref(&old->obj, owner);
		return old;
	}
	ucounts = inc_ucount(user_ns, current_euid(), type, owner);
	if (model_fail(SITE_ns_ucount, !ucounts)) {
		if (ucounts)
			dec_ucount(ucounts, type, owner);
		return ERR_PTR(-ENOSPC);
	}
	if (model_fail(site, false)) {
		dec_ucount(ucounts, type, owner);
		return ERR_PTR(-ENOMEM);
	}
	ns = new_ns_common(kind, user_ns, owner);
	ns->ucounts = ucounts;
	ns->ucount_type = type;
	hold_move(&ucounts->obj, owner, &ns->obj, HOLD_REF);
	return ns;
}

static struct nsproxy *create_new_namespaces(u64 flags, struct task_struct *tsk,
					     struct user_namespace *user_ns)
{
	struct nsproxy *old = tsk->nsproxy, *new_nsp;
	struct kobj *o;
	int err;

	if (model_fail(SITE_create_nsproxy, false))
		return ERR_PTR(-ENOMEM);
	new_nsp = obj_new(KIND_nsproxy, sizeof(*new_nsp), &tsk->obj);
	o = &new_nsp->obj;

	new_nsp->mnt_ns = copy_simple_ns(flags, CLONE_NEWNS, SITE_copy_mnt_ns, KIND_mnt_ns,
					 UCOUNT_MNT_NAMESPACES, user_ns, old->mnt_ns, o);
	if (IS_ERR(new_nsp->mnt_ns)) {
		err = PTR_ERR(new_nsp->mnt_ns);
		goto out_ns;
	}

	new_nsp->uts_ns = copy_simple_ns(flags, CLONE_NEWUTS, SITE_copy_utsname, KIND_uts_ns,
					 UCOUNT_UTS_NAMESPACES, user_ns, old->uts_ns, o);
	if (IS_ERR(new_nsp->uts_ns)) {
		err = PTR_ERR(new_nsp->uts_ns);
		goto out_uts;
	}

	new_nsp->ipc_ns = copy_simple_ns(flags, CLONE_NEWIPC, SITE_copy_ipcs, KIND_ipc_ns,
					 UCOUNT_IPC_NAMESPACES, user_ns, old->ipc_ns, o);
	if (IS_ERR(new_nsp->ipc_ns)) {
		err = PTR_ERR(new_nsp->ipc_ns);
		goto out_ipc;
	}

	new_nsp->pid_ns_for_children = copy_pid_ns(flags, user_ns, old->pid_ns_for_children, o);
	if (IS_ERR(new_nsp->pid_ns_for_children)) {
		err = PTR_ERR(new_nsp->pid_ns_for_children);
		goto out_pid;
	}

	new_nsp->cgroup_ns = copy_simple_ns(flags, CLONE_NEWCGROUP, SITE_copy_cgroup_ns,
					    KIND_cgroup_ns, UCOUNT_CGROUP_NAMESPACES,
					    user_ns, old->cgroup_ns, o);
	if (IS_ERR(new_nsp->cgroup_ns)) {
		err = PTR_ERR(new_nsp->cgroup_ns);
		goto out_cgroup;
	}

	new_nsp->net_ns = copy_simple_ns(flags, CLONE_NEWNET, SITE_copy_net_ns, KIND_net_ns,
					 UCOUNT_NET_NAMESPACES, user_ns, old->net_ns, o);
	if (IS_ERR(new_nsp->net_ns)) {
		err = PTR_ERR(new_nsp->net_ns);
		goto out_net;
	}

	new_nsp->time_ns_for_children =
		copy_simple_ns(flags, CLONE_NEWTIME, SITE_copy_time_ns, KIND_time_ns,
			       UCOUNT_TIME_NAMESPACES, user_ns, old->time_ns_for_children, o);
	if (IS_ERR(new_nsp->time_ns_for_children)) {
		err = PTR_ERR(new_nsp->time_ns_for_children);
		goto out_time;
	}
	new_nsp->time_ns = old->time_ns;
	get_ref(&new_nsp->time_ns->obj, o);	/* get_time_ns */

	return new_nsp;

out_time:
	put_ns_common(new_nsp->net_ns, o);
out_net:
	put_ns_common(new_nsp->cgroup_ns, o);
out_cgroup:
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

/* timens_on_fork: without CLONE_VM the child enters time_ns_for_children now. */
static void timens_on_fork(struct nsproxy *nsproxy)
{
	struct ns_common *ns = nsproxy->time_ns_for_children;

	if (nsproxy->time_ns == ns)
		return;
	get_ref(&ns->obj, &nsproxy->obj);
	put_ns_common(nsproxy->time_ns, &nsproxy->obj);
	nsproxy->time_ns = ns;
}

static int copy_namespaces(u64 flags, struct task_struct *tsk)
{
	struct nsproxy *old_ns = tsk->nsproxy;
	struct user_namespace *user_ns = tsk->cred->user_ns;
	struct nsproxy *new_ns;

	if (likely(!(flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
			      CLONE_NEWPID | CLONE_NEWNET |
			      CLONE_NEWCGROUP | CLONE_NEWTIME)))) {
		if ((flags & CLONE_VM) ||
		    likely(old_ns->time_ns_for_children == old_ns->time_ns)) {
			get_nsproxy(old_ns, &tsk->obj);
			return 0;
		}
	} else if (model_fail(SITE_ns_capable, !ns_capable(user_ns, CAP_SYS_ADMIN))) {
		return -EPERM;
	}

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

	if ((flags & CLONE_VM) == 0)
		timens_on_fork(new_ns);

	tsk->nsproxy = new_ns;
	return 0;
}
