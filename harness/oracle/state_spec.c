// SPDX-License-Identifier: GPL-2.0-only
/*
 * The refusals that depend on the world rather than on the arguments, and the
 * steps a call's arguments can reach at all, as data. Written from the
 * documents (kernel-spec.md §5, §8; docs/kernel-6.18.md §5), never from
 * the model's step code: a successful call must pass every refusal, and a
 * call must not run a step its arguments cannot reach.
 */
#include <stddef.h>

#include "state_spec.h"

#define CLONE_NEW_ANY	(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
			 CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME)

void state_spec_view(const struct task_struct *caller, struct state_view *v)
{
	int fd;

	*v = (struct state_view){ .valid = caller && caller->cred && caller->real_cred };
	if (!v->valid)
		return;
	v->caps = caller->cred->cap_effective;
	v->caps_in_init_userns = caller->cred->user_ns == init_user_ns;
	v->root_user = caller->real_cred->user == root_user;
	v->nproc = nproc_counter(caller->real_cred)->cnt[HOLD_PROCESSES];
	v->rlimit_nproc = caller->signal ? caller->signal->rlim[RLIMIT_NPROC].rlim_cur : ~0UL;
	v->chrooted = caller_chrooted;
	/* a cgroup directory installed in the caller's table before the call */
	for (fd = CGROUP_FD_FIRST; fd <= CGROUP_FD_LAST; fd++) {
		const struct cgroup *c = cgroup_fds[fd];

		if (!c || !caller->files || fdt_state(caller->files, fd) != FD_CGROUP)
			continue;
		v->cgroup_fd[fd].present = true;
		v->cgroup_fd[fd].dir = *c;
	}
}

static bool has(const struct spec_args *a, unsigned long long flags)
{
	return a->flags & flags;
}

/* capable(): the effective set, counted in the initial user ns from 3.8 on */
static bool capable_any(const struct state_view *v, int kv, unsigned long long caps)
{
	return (v->caps & caps) && (kv < KV(3, 8, 0) || v->caps_in_init_userns);
}

/*
 * RLIMIT_NPROC: a user at its limit gets no new task, unless it is root's
 * user or holds CAP_SYS_RESOURCE or CAP_SYS_ADMIN. Up to 5.13 the count is
 * read before the child is counted (>= limit); from 5.14 after copy_creds
 * counted it (> limit, B17), the same bound. With CLONE_NEWUSER the 5.14+
 * count is the new namespace's, which the rule leaves alone.
 */
static int rlimit_nproc(const struct spec_args *a, const struct state_view *v, int kv)
{
	if (kv >= KV(5, 14, 0) && has(a, CLONE_NEWUSER))
		return SITE_none;
	return (unsigned long)v->nproc >= v->rlimit_nproc && !v->root_user &&
	       !capable_any(v, kv, (1ULL << CAP_SYS_RESOURCE) | (1ULL << CAP_SYS_ADMIN)) ?
	       SITE_rlimit_nproc : SITE_none;
}

/* create_user_ns: a chrooted caller creates no user namespace (3.9+, B2). */
static int userns_chroot(const struct spec_args *a, const struct state_view *v, int kv)
{
	(void)kv;
	return has(a, CLONE_NEWUSER) && v->chrooted ? SITE_userns_chroot : SITE_none;
}

/*
 * CLONE_INTO_CGROUP: the fd must name a live cgroup v2 directory the caller
 * may write, a valid domain with no controllers enabled for its children
 * (B12: a v1 directory is EBADF).
 */
static int into_cgroup(const struct spec_args *a, const struct state_view *v, int kv)
{
	const struct cgroup *c;

	(void)kv;
	if (!has(a, CLONE_INTO_CGROUP))
		return SITE_none;
	if (a->cgroup < CGROUP_FD_FIRST || a->cgroup > CGROUP_FD_LAST ||
	    !v->cgroup_fd[a->cgroup].present)
		return SITE_cgroup_fd;
	c = &v->cgroup_fd[a->cgroup].dir;
	if (c->removed)
		return SITE_cgroup_removed;
	if (c->v1)
		return SITE_cgroup_v1;
	if (!c->writable)
		return SITE_cgroup_perm;
	if (c->domain_invalid)
		return SITE_cgroup_domain;
	if (c->subtree_control)
		return SITE_cgroup_busy;
	return SITE_none;
}

#define KS "kernel-spec.md "
#define K618 "docs/kernel-6.18.md "

static const struct state_rule state_rules[] = {
	{ "RLIMIT_NPROC", 0, 0, rlimit_nproc, KS "§5 B17, §8 NPROC_CHECK_BEFORE_CREDS" },
	{ "create_user_ns: chroot", KV(3, 9, 0), 0, userns_chroot, KS "§5 B2" },
	{ "CLONE_INTO_CGROUP target", KV(5, 7, 0), 0, into_cgroup, K618 "§5.6.5, " KS "§5 B12" },
};

const struct state_rule *state_spec_refusal(const struct profile *p, const struct spec_args *a,
					    const struct state_view *v, int *site)
{
	size_t i;

	if (!v->valid)
		return NULL;
	for (i = 0; i < sizeof(state_rules) / sizeof(state_rules[0]); i++) {
		const struct state_rule *r = &state_rules[i];

		if (p->kv < r->min_kv || (r->max_kv && p->kv >= r->max_kv))
			continue;
		*site = r->refuses(a, v, p->kv);
		if (*site != SITE_none)
			return r;
	}
	return NULL;
}

/* ---- Which steps the arguments reach ---- */

static bool newuser(const struct spec_args *a) { return has(a, CLONE_NEWUSER); }
static bool newpid(const struct spec_args *a) { return has(a, CLONE_NEWPID); }
static bool newns(const struct spec_args *a) { return has(a, CLONE_NEWNS); }
static bool newuts(const struct spec_args *a) { return has(a, CLONE_NEWUTS); }
static bool newipc(const struct spec_args *a) { return has(a, CLONE_NEWIPC); }
static bool newnet(const struct spec_args *a) { return has(a, CLONE_NEWNET); }
static bool newcgroup(const struct spec_args *a) { return has(a, CLONE_NEWCGROUP); }
static bool newtime(const struct spec_args *a) { return has(a, CLONE_NEWTIME); }
static bool new_any(const struct spec_args *a) { return has(a, CLONE_NEW_ANY); }
static bool pidfd(const struct spec_args *a) { return has(a, CLONE_PIDFD); }
static bool set_tid(const struct spec_args *a) { return a->set_tid_size > 0; }
static bool into_cgroup_flag(const struct spec_args *a) { return has(a, CLONE_INTO_CGROUP); }

/*
 * copy_namespaces builds a new nsproxy for a CLONE_NEW* flag, and (5.6+) for
 * a fork without CLONE_VM while a time namespace is pending, with no
 * capability check on that path (kernel-6.18.md §5.6.3, 1).
 */
static bool new_nsproxy(const struct spec_args *a)
{
	return has(a, CLONE_NEW_ANY) || (a->caller->timens_pending && !has(a, CLONE_VM));
}

static const struct reach_rule reach_rules[] = {
	{ SITE_userns_depth, newuser, "CLONE_NEWUSER" },
	{ SITE_userns_ucount, newuser, "CLONE_NEWUSER" },
	{ SITE_userns_chroot, newuser, "CLONE_NEWUSER" },
	{ SITE_userns_unmapped, newuser, "CLONE_NEWUSER" },
	{ SITE_create_user_ns, newuser, "CLONE_NEWUSER" },
	{ SITE_ns_capable, new_any, "a CLONE_NEW* flag" },
	{ SITE_newipc_sysvsem, new_nsproxy,
	  "a CLONE_NEW* flag, or a pending time namespace without CLONE_VM" },
	{ SITE_copy_mnt_ns, newns, "CLONE_NEWNS" },
	{ SITE_copy_utsname, newuts, "CLONE_NEWUTS" },
	{ SITE_copy_ipcs, newipc, "CLONE_NEWIPC" },
	{ SITE_copy_pid_ns, newpid, "CLONE_NEWPID" },
	{ SITE_pidns_depth, newpid, "CLONE_NEWPID" },
	{ SITE_copy_cgroup_ns, newcgroup, "CLONE_NEWCGROUP" },
	{ SITE_copy_net_ns, newnet, "CLONE_NEWNET" },
	{ SITE_copy_time_ns, newtime, "CLONE_NEWTIME" },
	{ SITE_pidfd_fd, pidfd, "CLONE_PIDFD" },
	{ SITE_pidfd_file, pidfd, "CLONE_PIDFD" },
	{ SITE_pidfd_put_user, pidfd, "CLONE_PIDFD" },
	{ SITE_set_tid_range, set_tid, "clone3 with set_tid_size > 0" },
	{ SITE_set_tid_no_reaper, set_tid, "clone3 with set_tid_size > 0" },
	{ SITE_set_tid_perm, set_tid, "clone3 with set_tid_size > 0" },
	{ SITE_set_tid_taken, set_tid, "clone3 with set_tid_size > 0" },
	{ SITE_cgroup_fd, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_removed, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_v1, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_dead, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_perm, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_domain, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_busy, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_cgroup_thread_domain, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
	{ SITE_find_css_set, into_cgroup_flag, "clone3 with CLONE_INTO_CGROUP" },
};

const struct reach_rule *state_spec_unreachable(const struct profile *p, const struct spec_args *a,
						const struct fork_trace *t)
{
	/* the sites some rule names, a bit each: most calls reach none of them */
	static unsigned char ruled[sizeof(t->reached)];
	static bool ruled_ready;
	unsigned char any = 0;
	size_t i;

	(void)p;
	if (!ruled_ready) {
		for (i = 0; i < sizeof(reach_rules) / sizeof(reach_rules[0]); i++)
			ruled[reach_rules[i].site / 8] |= (unsigned char)(1U << (reach_rules[i].site % 8));
		ruled_ready = true;
	}
	for (i = 0; i < sizeof(ruled); i++)
		any |= t->reached[i] & ruled[i];
	if (!any)
		return NULL;
	for (i = 0; i < sizeof(reach_rules) / sizeof(reach_rules[0]); i++) {
		const struct reach_rule *r = &reach_rules[i];

		if ((t->reached[r->site / 8] & (1U << (r->site % 8))) && !r->reachable(a))
			return r;
	}
	return NULL;
}
