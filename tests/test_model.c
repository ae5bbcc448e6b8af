// SPDX-License-Identifier: GPL-2.0-only
/*
 * The model against its tables: a failure at every site for every combination
 * of the flags the steps read; every site and label reached; what each label
 * releases matches the table's rows; share/copy semantics per flag.
 */
#include <string.h>

#include "check.h"
#include "fault.h"
#include "oracle/oracle.h"
#include "profile.h"
#include "run/sweep.h"
#include "world.h"
#include "setup.h"

int check_failures;
int check_count;

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

/* After each sweep run: no unknown violation, and a failed call's releases match the table. */
static void check_run(const struct sweep_run *r, void *arg)
{
	long *bad = arg;

	if (r->ret < 0 && !model_trace.failed_check)
		*bad += check_label_releases(&r->mark->snap, r->call.flags);
	*bad += unknown_violations();
}

static void sweep(const char *name)
{
	struct sweep_stats st;
	long bad = 0;
	size_t s;

	sweep_profile(profile_find(name), check_run, &bad, &st);
	TEST_CHECK(bad == 0, "%s: %ld runs, %ld problems", name, st.runs, bad);
	for (s = 0; s < profile->nr_sites; s++)
		TEST_CHECK(st.site_hit[profile->sites[s].site], "%s: site %s reached",
		      name, site_names[profile->sites[s].site]);
	for (s = 0; s < profile->nr_labels; s++)
		TEST_CHECK(st.label_hit[profile->labels[s]], "%s: label %s run", name,
		      label_names[profile->labels[s]]);
	printf("%s: %ld single-call scenarios in %d worlds; %zu sites, %zu labels\n",
	       name, st.runs, SWEEP_WORLDS, profile->nr_sites, profile->nr_labels);
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
	sweep_world_config(0, &c);
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
