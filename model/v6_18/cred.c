// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/cred.c copy_creds()/set_cred_ucounts(), kernel/ucount.c
 * and kernel/user_namespace.c create_user_ns(). Included by v6_18/fork.c.
 * model: no keyrings (a thread shares its parent's cred) and namespace
 * counts are charged at one level, the creator's (user namespace, uid).
 */

/* inc_ucount: charge a namespace of @type to (@ns, @uid), or NULL at the limit. */
static struct ucounts *inc_ucount(struct user_namespace *ns, unsigned int uid,
				  int type, struct kobj *owner)
{
	struct ucounts *uc = find_or_alloc_ucounts(ns, uid, owner);

	if (uc->ucount[type] >= world.cfg.max_namespaces) {
		put_ucounts(uc, owner);
		return NULL;
	}
	uc->ucount[type]++;
	return uc;
}

static int create_user_ns(struct cred *new)
{
	struct user_namespace *ns, *parent_ns = new->user_ns;
	unsigned int owner = new->euid;
	struct ucounts *ucounts;
	int ret;

	ret = -ENOSPC;
	if (model_fail(SITE_userns_depth, parent_ns->level > 32))
		goto fail;

	ucounts = inc_ucount(parent_ns, owner, UCOUNT_USER_NAMESPACES, &new->obj);
	if (model_fail(SITE_userns_ucount, !ucounts)) {
		if (ucounts)
			dec_ucount(ucounts, UCOUNT_USER_NAMESPACES, &new->obj);
		goto fail;
	}

	/*
	 * A chrooted caller (its root is not the root of its mount
	 * namespace) may not create one: the new namespace's capabilities
	 * could be used to get out of the chroot.
	 */
	ret = -EPERM;
	if (model_fail(SITE_userns_chroot, caller_chrooted && !bug_on(BUG_userns_from_chroot)))
		goto fail_dec;

	/*
	 * The creator's ids must be mapped in the parent namespace, or the
	 * owner of the new one could not be reported to user space.
	 */
	if (model_fail(SITE_userns_unmapped, !parent_ns->mapped))
		goto fail_dec;

	/* model: security_create_user_ns allows */

	ret = -ENOMEM;
	if (model_fail(SITE_create_user_ns, false))
		goto fail_dec;
	ns = kobj_alloc(KIND_user_ns, sizeof(*ns));
	ns->level = parent_ns->level + 1;
	ns->owner = owner;
	ns->mapped = false;
	ns->ucounts = ucounts;
	hold_move(&ucounts->obj, &new->obj, &ns->obj, HOLD_REF);

	/* set_cred_user_ns: the cred's reference on the parent passes to ns */
	ns->parent = parent_ns;
	hold_move(&parent_ns->obj, &new->obj, &ns->obj, HOLD_REF);
	new->user_ns = ns;
	get_ref(&ns->obj, &new->obj);
	new->cap_effective = CAP_FULL_SET;
	return 0;

fail_dec:
	dec_ucount(ucounts, UCOUNT_USER_NAMESPACES, &new->obj);
fail:
	return ret;
}

/* set_cred_ucounts: the cred counts under (its user namespace, euid). */
static int set_cred_ucounts(struct cred *new)
{
	struct ucounts *old = new->ucounts, *uc;

	if (old && old->ns == new->user_ns && old->uid == new->euid)
		return 0;
	if (model_fail(SITE_set_cred_ucounts, false))
		return -EAGAIN;
	uc = find_or_alloc_ucounts(new->user_ns, new->euid, &new->obj);
	new->ucounts = uc;
	put_ucounts(old, &new->obj);
	return 0;
}

static int copy_creds(struct task_struct *p, u64 clone_flags)
{
	struct cred *new;
	int ret;

	if (clone_flags & CLONE_THREAD) {
		p->real_cred = p->cred;
		get_ref(&((struct cred *)p->cred)->obj, &p->obj);	/* get_cred_many(, 2) */
		get_ref(&((struct cred *)p->cred)->obj, &p->obj);
		hold_get(nproc_counter(p->cred), &p->obj, HOLD_PROCESSES);
		return 0;
	}

	new = prepare_creds(p);
	if (!new)
		return -ENOMEM;

	if (clone_flags & CLONE_NEWUSER) {
		ret = create_user_ns(new);
		if (ret < 0)
			goto error_put;
		ret = set_cred_ucounts(new);
		if (ret < 0 && bug_on(BUG_copy_creds_success_after_put)) {
			put_cred(new, &p->obj);
			return 0;
		}
		if (ret < 0)
			goto error_put;
	}

	p->cred = p->real_cred = new;
	get_ref(&new->obj, &p->obj);	/* get_cred(new): both pointers hold one */
	hold_get(nproc_counter(new), &p->obj, HOLD_PROCESSES);	/* inc_rlimit_ucounts */
	return 0;

error_put:
	put_cred(new, &p->obj);
	return ret;
}
