// SPDX-License-Identifier: GPL-2.0-only
/* The exhaustive sweep: every site x every flag combination the steps read, in five worlds, under every oracle. */
#include <string.h>

#include "exit.h"
#include "sweep.h"
#include "world.h"
#include "setup.h"

static const unsigned long sweep_flags[] = {
	CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD,
	CLONE_SYSVSEM, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_IO,
	CLONE_SETTLS, CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC,
};
#define NR_SWEEP_FLAGS (sizeof(sweep_flags) / sizeof(sweep_flags[0]))

void sweep_world_config(int n, struct world_config *w)
{
	world_config_default(w);
	switch (n) {
	case 0:		/* root with every optional resource */
		w->uid = 0;
		w->caps = CAP_FULL_SET;
		w->ioprio = w->io_bitmap = w->perf = w->audit = w->mempolicy = true;
		w->io_uring_restrict = true;
		break;
	case 1:		/* unprivileged, with the optional resources */
		w->ioprio = w->mempolicy = w->perf = w->audit = w->io_bitmap = true;
		w->io_uring_restrict = true;
		break;
	case 2:		/* root nested in user and pid namespaces, undo list, seccomp */
		w->uid = 0;
		w->caps = CAP_FULL_SET;
		w->userns_depth = 2;
		w->pidns_depth = 2;
		w->sem_undo = w->seccomp = true;
		break;
	case 3:		/* the global init */
		w->caller_is_init = true;
		break;
	default:	/* limits at their edge */
		w->rlimit_nproc = 2;
		w->max_threads = 3;
		w->pid_max = 8;
		w->nofile = CGROUP_FD_LAST + 2;
		w->pids_max = 2;
		w->max_namespaces = 1;
		break;
	}
}

/*
 * The clone3() form of a sweep call: a pidfd, CLONE_INTO_CGROUP the live
 * cgroup at fd 3, a set_tid of a free pid (not with CLONE_NEWPID, whose
 * first pid must be 1) and the namespaces only clone3 or 4.6+ can ask for.
 */
void sweep_clone3_form(struct clone_call *c, unsigned long flags)
{
	clone_call_clone3(c);
	c->flags = (flags & ~(unsigned long)CSIGNAL) | CLONE_PIDFD | CLONE_INTO_CGROUP;
	if (flags & CLONE_NEWNS)
		c->flags |= CLONE_NEWCGROUP | CLONE_NEWTIME;
	c->exit_signal = flags & CLONE_THREAD ? 0 : SIGCHLD;
	c->pidfd = USER_PTR_VALID + 0x1000;
	c->cgroup = CGROUP_FD_FIRST;
	c->tls = flags & CLONE_SETTLS ? 0x1000 : 0;
	if (!(flags & CLONE_NEWPID)) {
		c->set_tid = USER_PTR_VALID + 0x4000;
		c->set_tid_size = 1;
		c->set_tid_vals[0] = 1000;
	}
}

/* One world, every combination of the first @nflags sweep flags, every site (and none), both entry forms. */
static int unknown_violations(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
	int c = (int)(ledger.nr_v - n);

	for (i = 0; i < n; i++)
		c += !oracle_known_defect(profile, &ledger.v[i]);
	return c;
}

static void sweep_one_world(int wn, size_t nflags, sweep_hook hook, void *arg,
			    struct sweep_stats *st)
{
	struct world_config c;
	unsigned long combo;
	size_t i, s;

	sweep_world_config(wn, &c);
	for (combo = 0; combo < (1UL << nflags); combo++) {
		unsigned long flags = SIGCHLD;

		for (i = 0; i < nflags; i++)
			if (combo & (1UL << i))
				flags |= sweep_flags[i];
		if (flags & CLONE_THREAD)
			flags &= ~CSIGNAL;
		for (s = 0; s <= 2 * profile->nr_sites + 1; s++) {
			bool form3 = s > profile->nr_sites;
			size_t site = form3 ? s - profile->nr_sites - 1 : s;
			struct sweep_run r = { .world = wn, .cfg = &c };
			struct oracle_mark m;

			if (form3 && !profile->has_clone3)
				break;
			r.plan.site = site ? profile->sites[site - 1].site : SITE_none;
			world_setup(&c);
			current = world.scn[0];
			oracle_mark(&m);
			trace_begin(&r.plan);
			if (form3)
				sweep_clone3_form(&r.call, flags);
			else
				clone_call_legacy(&r.call, flags,
						  flags & CLONE_SETTLS ? 0x1000 : 0);
			oracle_unwind_begin(&m, &r.call);
			r.ret = profile->sys_clone(&r.call);
			oracle_unwind_end();
			oracle_after_clone(&m, r.ret);
			if (model_trace.failed_site == r.plan.site && r.plan.site)
				st->site_hit[r.plan.site] = true;
			for (i = 0; i < (size_t)model_trace.nr_labels; i++)
				st->label_hit[model_trace.labels[i]] = true;
			r.mark = &m;
			r.unknown = unknown_violations();
			if (r.unknown)
				st->with_violations++;
			if (hook)
				hook(&r, arg);
			if (r.ret >= 0 && model_trace.child)
				do_exit_and_reap(model_trace.child);
			oracle_release(&m);
			st->runs++;
		}
	}
}

void sweep_profile(const struct profile *p, sweep_hook hook, void *arg, struct sweep_stats *st)
{
	int w;

	memset(st, 0, sizeof(*st));
	profile = p;
	sweep_one_world(0, NR_SWEEP_FLAGS, hook, arg, st);
	for (w = 1; w < SWEEP_WORLDS; w++)
		sweep_one_world(w, 8, hook, arg, st);
}
