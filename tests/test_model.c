// SPDX-License-Identifier: GPL-2.0-only
/*
 * The model against its tables: a failure at every site for every combination
 * of the flags the steps read; every site and label reached; what each label
 * releases matches the table's rows; share/copy semantics per flag.
 */
#include <string.h>

#include "check.h"
#include "fault.h"
#include "helpers.h"
#include "oracle.h"
#include "profile.h"

int check_failures;
int check_count;

static const unsigned long sweep_flags[] = {
	CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD,
	CLONE_SYSVSEM, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_IO,
	CLONE_SETTLS, CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC,
};
#define NR_SWEEP_FLAGS (sizeof(sweep_flags) / sizeof(sweep_flags[0]))

static void rich_world(struct world_config *c)
{
	world_config_default(c);
	c->uid = 0;
	c->caps = CAP_FULL_SET;
	c->ioprio = true;
	c->io_bitmap = true;
	c->perf = true;
	c->audit = true;
	c->mempolicy = true;
}

static int unknown_violations(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
	int c = (int)(ledger.nr_v - n);

	for (i = 0; i < n; i++)
		if (!oracle_known_defect(profile, &ledger.v[i])) {
			fprintf(stderr, "  %s: %s\n", vtype_names[ledger.v[i].type],
				ledger.v[i].msg);
			c++;
		}
	return c;
}

static bool rel_row_for(int label, int kind)
{
	size_t i;

	for (i = 0; i < profile->nr_rels; i++)
		if (profile->rels[i].label == label && profile->rels[i].kind == kind)
			return true;
	return false;
}

/* Every release a label makes is in its table rows, and every row that must run did. */
static int check_label_releases(const struct snapshot *s, unsigned long flags)
{
	bool seen[NR_LABELS][NR_KINDS];
	const struct kobj *child = NULL;
	int bad = 0, i;
	size_t e, r;

	/* The failed child: the task_struct the call created. */
	for (e = s->id_mark; e < ledger.nr_objs && !child; e++)
		if (ledger.objs[e]->kind == KIND_task_struct)
			child = ledger.objs[e];
	memset(seen, 0, sizeof(seen));
	for (e = s->event_mark; e < ledger.nr_events; e++) {
		const struct ledger_event *ev = &ledger.events[e];

		if (ev->op != LOP_PUT || ev->label == L_none)
			continue;
		if (ev->owner != child && ev->type != HOLD_LOCK)
			continue;
		seen[ev->label][ev->obj->kind] = true;
		if (!rel_row_for(ev->label, ev->obj->kind)) {
			fprintf(stderr, "  %s released %s, not in its table rows\n",
				label_names[ev->label], kind_names[ev->obj->kind]);
			bad++;
		}
	}
	for (i = 0; i < model_trace.nr_labels; i++) {
		int label = model_trace.labels[i];

		for (r = 0; r < profile->nr_rels; r++) {
			const struct rel_row *row = &profile->rels[r];
			bool must = row->cond == RC_ALWAYS || row->cond == RC_NOT_INIT_PID ||
				    (row->cond == RC_THREAD && (flags & CLONE_THREAD)) ||
				    (row->cond == RC_NOT_THREAD && !(flags & CLONE_THREAD)) ||
				    (row->cond == RC_PIDFD && (flags & CLONE_PIDFD));

			if (row->label != label || !must || row->kind == KIND_task_struct)
				continue;
			if (!seen[label][row->kind]) {
				fprintf(stderr, "  %s did not release %s (%s)\n",
					label_names[label], kind_names[row->kind], row->call);
				bad++;
			}
		}
	}
	return bad;
}

/*
 * The clone3() form of a sweep call: a pidfd, CLONE_INTO_CGROUP the live
 * cgroup at fd 3, a set_tid of a free pid (not with CLONE_NEWPID, whose
 * first pid must be 1) and the namespaces only clone3 or 4.6+ can ask for.
 */
static void clone3_form(struct clone_call *c, unsigned long flags)
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
static long sweep_world(const struct world_config *c, size_t nflags, bool *site_hit,
			bool *label_hit, long *runs)
{
	unsigned long combo;
	size_t i, s;
	long bad = 0;

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
			struct fault_plan plan = { 0 };
			struct clone_call call;
			struct oracle_mark m;
			long ret;

			if (form3 && !profile->has_clone3)
				break;
			plan.site = site ? profile->sites[site - 1].site : SITE_none;
			world_setup(c);
			current = world.scn[0];
			oracle_mark(&m);
			trace_begin(&plan);
			if (form3)
				clone3_form(&call, flags);
			else
				clone_call_legacy(&call, flags,
						  flags & CLONE_SETTLS ? 0x1000 : 0);
			oracle_unwind_begin(&m, &call);
			ret = profile->sys_clone(&call);
			oracle_unwind_end();
			oracle_after_clone(&m, ret);
			if (model_trace.failed_site == plan.site && plan.site)
				site_hit[plan.site] = true;
			for (i = 0; i < (size_t)model_trace.nr_labels; i++)
				label_hit[model_trace.labels[i]] = true;
			if (ret < 0 && !model_trace.failed_check)
				bad += check_label_releases(&m.snap, call.flags);
			if (ret >= 0)
				do_exit_and_reap(model_trace.child);
			bad += unknown_violations();
			oracle_release(&m);
			(*runs)++;
		}
	}
	return bad;
}

/* World states that change a step's path: privilege, nesting, init, limits reached. */
static void other_worlds(struct world_config *w, int n)
{
	world_config_default(w);
	switch (n) {
	case 0:		/* unprivileged, with the optional resources */
		w->ioprio = w->mempolicy = w->perf = w->audit = w->io_bitmap = true;
		break;
	case 1:		/* root nested in user and pid namespaces, undo list, seccomp */
		w->uid = 0;
		w->caps = CAP_FULL_SET;
		w->userns_depth = 2;
		w->pidns_depth = 2;
		w->sem_undo = w->seccomp = true;
		break;
	case 2:		/* the global init */
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

static void sweep(const char *name)
{
	bool site_hit[NR_SITES] = { 0 }, label_hit[NR_LABELS] = { 0 };
	struct world_config c;
	long runs = 0, bad = 0, wruns = 0;
	size_t s;
	int w;

	profile = profile_find(name);
	rich_world(&c);
	bad += sweep_world(&c, NR_SWEEP_FLAGS, site_hit, label_hit, &runs);
	for (w = 0; w < 4; w++) {
		other_worlds(&c, w);
		bad += sweep_world(&c, 8, site_hit, label_hit, &wruns);
	}
	TEST_CHECK(bad == 0, "%s: %ld runs, %ld problems", name, runs + wruns, bad);
	for (s = 0; s < profile->nr_sites; s++)
		TEST_CHECK(site_hit[profile->sites[s].site], "%s: site %s reached",
		      name, site_names[profile->sites[s].site]);
	for (s = 0; s < profile->nr_labels; s++)
		TEST_CHECK(label_hit[profile->labels[s]], "%s: label %s run", name,
		      label_names[profile->labels[s]]);
	printf("%s: %ld scenarios in the rich world (12 flags), %ld in 4 other worlds (8 flags); %zu sites, %zu labels\n",
	       name, runs, wruns, profile->nr_sites, profile->nr_labels);
}

/* The child that leaves nothing to chance: share iff the flag, else a new object. */
static void share_semantics(const char *name)
{
	static const struct {
		unsigned long flags;
		const char *what;
		size_t off;
	} rows[] = {
		{ CLONE_FILES, "files", offsetof(struct task_struct, files) },
		{ CLONE_FS, "fs", offsetof(struct task_struct, fs) },
		{ CLONE_SIGHAND | CLONE_VM, "sighand", offsetof(struct task_struct, sighand) },
		{ CLONE_VM, "mm", offsetof(struct task_struct, mm) },
		{ CLONE_IO, "io_context", offsetof(struct task_struct, io_context) },
		{ CLONE_SYSVSEM, "undo list", offsetof(struct task_struct, sysvsem_undo_list) },
		{ CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, "signal", offsetof(struct task_struct, signal) },
		{ CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, "cred", offsetof(struct task_struct, cred) },
	};
	struct world_config c;
	size_t i;
	int shared;

	profile = profile_find(name);
	rich_world(&c);
	c.sem_undo = true;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		for (shared = 0; shared <= 1; shared++) {
			struct fault_plan none = { 0 };
			struct kobj *parent_obj, *child_obj;
			struct clone_call call;
			int before;
			long ret;
			unsigned long flags = shared ? rows[i].flags : SIGCHLD;

			world_setup(&c);
			current = world.scn[0];
			parent_obj = *(struct kobj **)((char *)current + rows[i].off);
			before = parent_obj ? parent_obj->cnt[HOLD_REF] : 0;
			trace_begin(&none);
			clone_call_legacy(&call, flags, 0);
			ret = profile->sys_clone(&call);
			TEST_CHECK(ret > 0, "%s: clone for %s", name, rows[i].what);
			if (ret <= 0)
				continue;
			child_obj = *(struct kobj **)((char *)model_trace.child + rows[i].off);
			if (shared) {
				TEST_CHECK(child_obj == parent_obj &&
				      parent_obj->cnt[HOLD_REF] == before +
				      (rows[i].off == offsetof(struct task_struct, cred) ? 2 : 1),
				      "%s: %s shared with one more reference", name, rows[i].what);
			} else if (rows[i].off == offsetof(struct task_struct, sysvsem_undo_list)) {
				TEST_CHECK(!child_obj, "%s: no undo list without CLONE_SYSVSEM", name);
			} else {
				TEST_CHECK(child_obj && child_obj != parent_obj &&
				      child_obj->cnt[HOLD_REF] ==
				      (rows[i].off == offsetof(struct task_struct, cred) ? 2 : 1) &&
				      (!parent_obj || parent_obj->cnt[HOLD_REF] == before),
				      "%s: %s copied into a new object", name, rows[i].what);
			}
		}
	}
}

/* test_model [PROFILE]: every profile, or the one named (ctest runs them in parallel). */
int main(int argc, char **argv)
{
	size_t i;

	if (argc > 1 && !profile_find(argv[1])) {
		fprintf(stderr, "test_model: unknown profile '%s'\n", argv[1]);
		return 2;
	}
	for (i = 0; i < nr_profiles; i++) {
		const char *name = profiles[i]->name;

		if (argc > 1 && strcmp(argv[1], name))
			continue;
		sweep(name);
		share_semantics(name);
	}
	return check_report("test_model");
}
