// SPDX-License-Identifier: GPL-2.0-only
/* Namespace lifetimes shared by the modelled versions (kernel/nsproxy.c, pid_namespace.c, user_namespace.c, user.c). */
#include "nsproxy.h"
#include "world.h"

void get_user_ns(struct user_namespace *ns, struct kobj *owner)
{
	get_ref(&ns->obj, owner);
}

void put_user_ns(struct user_namespace *ns, struct kobj *owner)
{
	while (ns && put_ref(&ns->obj, owner)) {
		struct user_namespace *parent = ns->parent;

		if (ns->creator)
			free_uid(ns->creator, &ns->obj);
		dec_ucount(ns->ucounts, UCOUNT_USER_NAMESPACES, &ns->obj);
		owner = &ns->obj;
		kobj_free(&ns->obj);
		ns = parent;
	}
}

void free_uid(struct user_struct *up, struct kobj *owner)
{
	if (!put_ref(&up->obj, owner))
		return;
	if (up->user_ns)
		put_user_ns(up->user_ns, &up->obj);
	kobj_free(&up->obj);
}

void get_nsproxy(struct nsproxy *ns, struct kobj *owner)
{
	get_ref(&ns->obj, owner);
}

struct ns_common *new_ns_common(enum kind kind, struct user_namespace *user_ns,
				struct kobj *owner)
{
	struct ns_common *ns = obj_new(kind, sizeof(*ns), owner);

	ns->user_ns = user_ns;
	if (user_ns)
		get_user_ns(user_ns, &ns->obj);
	return ns;
}

void put_ns_common(struct ns_common *ns, struct kobj *owner)
{
	if (!put_ref(&ns->obj, owner))
		return;
	dec_ucount(ns->ucounts, ns->ucount_type, &ns->obj);
	if (ns->user_ns)
		put_user_ns(ns->user_ns, &ns->obj);
	kobj_free(&ns->obj);
}

void get_pid_ns(struct pid_namespace *ns, struct kobj *owner)
{
	get_ref(&ns->obj, owner);
}

void put_pid_ns(struct pid_namespace *ns, struct kobj *owner)
{
	while (ns && put_ref(&ns->obj, owner)) {
		struct pid_namespace *parent = ns->parent;

		owner = &ns->obj;
		dec_ucount(ns->ucounts, UCOUNT_PID_NAMESPACES, &ns->obj);
		if (ns->user_ns)
			put_user_ns(ns->user_ns, &ns->obj);
		kobj_free(&ns->obj);
		ns = parent;
	}
}

/* free_nsproxy: the members in the kernel's order */
static void free_nsproxy(struct nsproxy *ns)
{
	if (ns->mnt_ns)
		put_ns_common(ns->mnt_ns, &ns->obj);
	if (ns->uts_ns)
		put_ns_common(ns->uts_ns, &ns->obj);
	if (ns->ipc_ns)
		put_ns_common(ns->ipc_ns, &ns->obj);
	if (ns->pid_ns_for_children)
		put_pid_ns(ns->pid_ns_for_children, &ns->obj);
	if (ns->cgroup_ns)
		put_ns_common(ns->cgroup_ns, &ns->obj);
	put_ns_common(ns->net_ns, &ns->obj);
	if (ns->time_ns)
		put_ns_common(ns->time_ns, &ns->obj);
	if (ns->time_ns_for_children)
		put_ns_common(ns->time_ns_for_children, &ns->obj);
	kobj_free(&ns->obj);
}

void put_nsproxy(struct nsproxy *ns, struct kobj *owner)
{
	if (put_ref(&ns->obj, owner))
		free_nsproxy(ns);
}

void exit_task_namespaces(struct task_struct *p)
{
	struct nsproxy *ns = p->nsproxy;

	p->nsproxy = NULL;	/* switch_task_namespaces(p, NULL) */
	if (ns)
		put_nsproxy(ns, &p->obj);
}
