// SPDX-License-Identifier: GPL-2.0-only
/* The child's shape per flag: what a successful child shares with its parent, copies, joins and is. */
#include <stdio.h>

#include "oracle.h"
#include "world.h"

static void shape(bool ok, const char *what, unsigned long long flag_set)
{
	if (!ok)
		ledger_violation(V_child_shape, NR_KINDS, "the child %s (%s)", what,
				 flag_set ? "flag set" : "flag clear");
}

/* shares what the parent points at exactly when @flag is set (@set_shares) or clear */
static void share_rule(const void *child, const void *parent, unsigned long long flags,
		       unsigned long long flag, bool set_shares, const char *name)
{
	bool want = !!(flags & flag) == set_shares;
	char what[64];

	if (!parent || (want ? child == parent : child != parent))
		return;
	snprintf(what, sizeof(what), "%s the parent's %s",
		 want ? "does not share" : "shares", name);
	shape(false, what, flags & flag);
}

static void shares(const void *child, const void *parent, unsigned long long flags,
		   unsigned long long flag, const char *name)
{
	share_rule(child, parent, flags, flag, true, name);
}

/* a CLONE_NEW* flag: a new namespace when set, the parent's when clear */
static void new_ns(const void *child, const void *parent, unsigned long long flags,
		   unsigned long long flag, const char *name)
{
	share_rule(child, parent, flags, flag, false, name);
}

void check_child_flags(const struct task_struct *child, const struct task_struct *parent,
		       const struct clone_call *c)
{
	bool modern = profile->kv >= KV(5, 3, 0);
	unsigned long long flags = c->flags;
	int exit_signal = (int)(c->flags & CSIGNAL), pidfds = 0, i;
	const struct nsproxy *cn = child->nsproxy, *pn = parent->nsproxy;
	const struct task_struct *want_parent;

	if (c->entry == ENTRY_clone3) {
		exit_signal = (int)c->exit_signal;
	} else if (modern) {
		flags = (unsigned int)c->flags & ~(unsigned long long)CSIGNAL;
		exit_signal = (int)((unsigned int)c->flags & CSIGNAL);
	}

	shares(child->files, parent->files, flags, CLONE_FILES, "files");
	shares(child->fs, parent->fs, flags, CLONE_FS, "fs_struct");
	shares(child->sighand, parent->sighand, flags, CLONE_SIGHAND, "sighand");
	shares(child->signal, parent->signal, flags, CLONE_THREAD, "signal_struct");
	shares(child->mm, parent->mm, flags, CLONE_VM, "mm");
	if (parent->io_context)
		shares(child->io_context, parent->io_context, flags, CLONE_IO, "io_context");
	if (flags & CLONE_SYSVSEM)
		shape(child->sysvsem_undo_list && child->sysvsem_undo_list ==
		      parent->sysvsem_undo_list, "does not share the parent's undo list",
		      CLONE_SYSVSEM);
	else
		shape(!child->sysvsem_undo_list, "has an undo list", 0);

	new_ns(cn->uts_ns, pn->uts_ns, flags, CLONE_NEWUTS, "UTS namespace");
	new_ns(cn->ipc_ns, pn->ipc_ns, flags, CLONE_NEWIPC, "IPC namespace");
	new_ns(cn->mnt_ns, pn->mnt_ns, flags, CLONE_NEWNS, "mount namespace");
	new_ns(cn->net_ns, pn->net_ns, flags, CLONE_NEWNET, "network namespace");
	new_ns(cn->pid_ns_for_children, pn->pid_ns_for_children, flags, CLONE_NEWPID, "pid namespace for children");
	if (profile->kv >= KV(4, 6, 0))
		new_ns(cn->cgroup_ns, pn->cgroup_ns, flags, CLONE_NEWCGROUP, "cgroup namespace");
	if (profile->kv >= KV(5, 6, 0))
		new_ns(cn->time_ns_for_children, pn->time_ns_for_children, flags,
		       CLONE_NEWTIME, "time namespace for children");
	if (profile->kv < KV(3, 8, 0)) {
		/* 2.6.x: the namespace is the user's, a new root user created by the parent's */
		const struct user_namespace *ns = child->cred->user->user_ns;

		if (flags & CLONE_NEWUSER)
			shape(ns && ns->creator == parent->cred->user,
			      "is not root of a user namespace the parent's user created",
			      CLONE_NEWUSER);
		else
			shape(child->cred->user == parent->cred->user,
			      "runs as another user than the parent", 0);
	} else if (flags & CLONE_NEWUSER) {
		shape(child->cred->user_ns != parent->cred->user_ns &&
		      child->cred->user_ns->parent == parent->cred->user_ns,
		      "is not in a new user namespace below the parent's", CLONE_NEWUSER);
	} else {
		shape(child->cred->user_ns == parent->cred->user_ns,
		      "is in another user namespace than the parent", 0);
	}

	/* thread group, parent, exit signal */
	if (flags & CLONE_THREAD)
		shape(child->group_leader == parent->group_leader &&
		      child->tgid == parent->tgid, "is not in the parent's thread group",
		      CLONE_THREAD);
	else
		shape(child->group_leader == child && child->tgid == child->pid,
		      "does not lead its own thread group", 0);
	want_parent = flags & (CLONE_PARENT | CLONE_THREAD) ? parent->real_parent : parent;
	shape(child->real_parent == want_parent, "has the wrong real_parent",
	      flags & (CLONE_PARENT | CLONE_THREAD));
	if (flags & CLONE_THREAD)
		exit_signal = -1;
	else if ((flags & CLONE_PARENT) && profile->kv >= KV(3, 0, 0))
		exit_signal = parent->group_leader->exit_signal;
	shape(child->exit_signal == exit_signal, "has the wrong exit signal",
	      flags & (CLONE_PARENT | CLONE_THREAD));

	/* pid: numbered in the namespace it lives in, at that depth */
	shape(ns_of_pid(child->thread_pid) == cn->pid_ns_for_children &&
	      child->thread_pid->level == cn->pid_ns_for_children->level,
	      "is not numbered in its pid namespace", flags & CLONE_NEWPID);

	/* the pidfd is installed in the caller's table, one for this child, only with CLONE_PIDFD */
	if (profile->has_clone3 && parent->files) {
		for (i = 0; i < parent->files->nr_fd; i++) {
			const struct fd_slot *fd = (const void *)parent->files->fd[i];

			pidfds += fd->file && fd->file->pid == child->thread_pid;
		}
		shape(pidfds == ((flags & CLONE_PIDFD) ? 1 : 0),
		      "has not exactly one pidfd installed", flags & CLONE_PIDFD);
	}

	/* 2.6.32 CLONE_STOPPED: the child waits for SIGCONT */
	if (profile->kv < KV(2, 6, 38) && (flags & CLONE_STOPPED))
		shape(child->__state == TASK_STOPPED, "is not stopped", CLONE_STOPPED);
}
