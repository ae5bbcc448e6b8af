// SPDX-License-Identifier: GPL-2.0-only
/* The world oracles: every holder's references recounted from its pointers, and the global and per-object counters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "oracle_holds.h"
#include "world.h"

static void expect_add(struct expect *ex, int *nr, const void *obj, int type)
{
	int i;

	if (!obj)
		return;
	for (i = 0; i < *nr; i++) {
		if (ex[i].obj == obj && ex[i].type == type) {
			ex[i].n++;
			return;
		}
	}
	if (*nr == MAX_EXPECT)
		return;
	ex[*nr].obj = (struct kobj *)obj;
	ex[*nr].type = type;
	ex[*nr].n = 1;
	(*nr)++;
}

/* The references a live task's fields stand for: the kernel's ownership rules. */
static int task_expected(const struct task_struct *t, struct expect *ex)
{
	int nr = 0;

	expect_add(ex, &nr, t->stack, HOLD_REF);
	expect_add(ex, &nr, t->real_cred, HOLD_REF);
	expect_add(ex, &nr, t->cred, HOLD_REF);
	expect_add(ex, &nr, t->real_cred ? nproc_counter(t->real_cred) : NULL, HOLD_PROCESSES);
	expect_add(ex, &nr, t->files, HOLD_REF);
	expect_add(ex, &nr, t->fs, HOLD_REF);
	expect_add(ex, &nr, t->sighand, HOLD_REF);
	expect_add(ex, &nr, t->signal, HOLD_REF);
	expect_add(ex, &nr, t->signal, HOLD_LIVE);
	expect_add(ex, &nr, t->mm, HOLD_REF);
	expect_add(ex, &nr, t->nsproxy, HOLD_REF);
	expect_add(ex, &nr, t->io_context, HOLD_REF);
	expect_add(ex, &nr, t->sysvsem_undo_list, HOLD_REF);
	expect_add(ex, &nr, t->thread_pid, HOLD_REF);
	expect_add(ex, &nr, t->mempolicy, HOLD_REF);
	expect_add(ex, &nr, t->perf_event_ctxp, HOLD_REF);
	expect_add(ex, &nr, t->audit_context, HOLD_REF);
	expect_add(ex, &nr, t->delays, HOLD_REF);
	expect_add(ex, &nr, t->io_bitmap_ptr, HOLD_REF);
	expect_add(ex, &nr, t->cgroups, HOLD_REF);
	expect_add(ex, &nr, t->exec_domain_module, HOLD_REF);
	expect_add(ex, &nr, t->security, HOLD_REF);
	expect_add(ex, &nr, t->seccomp_filter, HOLD_REF);
	expect_add(ex, &nr, t->cgroup, HOLD_PROCESSES);
	return nr;
}

int holder_expected(const struct kobj *o, struct expect *ex)
{
	int nr = 0, i;

	switch (o->kind) {
	case KIND_task_struct:
		return task_expected((const struct task_struct *)o, ex);
	case KIND_cred: {
		const struct cred *c = (const void *)o;

		expect_add(ex, &nr, c->user, HOLD_REF);
		expect_add(ex, &nr, c->user_ns, HOLD_REF);
		expect_add(ex, &nr, c->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_user_ns: {
		const struct user_namespace *ns = (const void *)o;

		if (profile->kv >= KV(3, 8, 0))
			expect_add(ex, &nr, ns->parent, HOLD_REF);
		expect_add(ex, &nr, ns->creator, HOLD_REF);
		expect_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_user_struct:
		expect_add(ex, &nr, ((const struct user_struct *)o)->user_ns, HOLD_REF);
		return nr;
	case KIND_nsproxy: {
		const struct nsproxy *n = (const void *)o;

		expect_add(ex, &nr, n->uts_ns, HOLD_REF);
		expect_add(ex, &nr, n->ipc_ns, HOLD_REF);
		expect_add(ex, &nr, n->mnt_ns, HOLD_REF);
		expect_add(ex, &nr, n->net_ns, HOLD_REF);
		expect_add(ex, &nr, n->pid_ns, HOLD_REF);
		expect_add(ex, &nr, n->cgroup_ns, HOLD_REF);
		expect_add(ex, &nr, n->time_ns, HOLD_REF);
		expect_add(ex, &nr, n->time_ns_for_children, HOLD_REF);
		return nr;
	}
	case KIND_uts_ns: case KIND_ipc_ns: case KIND_mnt_ns: case KIND_net_ns:
	case KIND_cgroup_ns: case KIND_time_ns: {
		const struct ns_common *ns = (const void *)o;

		expect_add(ex, &nr, ns->user_ns, HOLD_REF);
		expect_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_pid_ns: {
		const struct pid_namespace *ns = (const void *)o;

		expect_add(ex, &nr, ns->parent, HOLD_REF);
		expect_add(ex, &nr, ns->user_ns, HOLD_REF);
		expect_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_pid:
		expect_add(ex, &nr, ns_of_pid((struct pid *)o), HOLD_REF);
		return nr;
	case KIND_files_struct: {
		const struct files_struct *f = (const void *)o;

		for (i = 0; i < f->nr_fd; i++)
			expect_add(ex, &nr, f->fd[i], HOLD_REF);
		return nr;
	}
	case KIND_fd:
		expect_add(ex, &nr, ((const struct fd_slot *)o)->file, HOLD_REF);
		return nr;
	case KIND_file:
		expect_add(ex, &nr, ((const struct pidfd_file *)o)->pid, HOLD_REF);
		return nr;
	case KIND_mm_struct:
		expect_add(ex, &nr, ((const struct mm_struct *)o)->futex_hash, HOLD_REF);
		return nr;
	case KIND_cgroup:
		expect_add(ex, &nr, ((const struct cgroup *)o)->cset, HOLD_REF);
		return nr;
	default:
		return -1;
	}
}

void check_holder(const struct kobj *owner, struct expect *ex, int nr, int vtype)
{
	char a[48], b[48];
	size_t j;
	int i;

	for (j = 0; j < ledger.nr_holds; j++) {
		const struct hold *h = &ledger.holds[j];

		if (!h->n || h->owner != owner || h->type == HOLD_LOCK)
			continue;
		for (i = 0; i < nr; i++)
			if (ex[i].obj == h->obj && ex[i].type == h->type)
				break;
		if (i == nr) {
			ledger_violation(vtype, h->obj->kind,
					 "%s holds %d %s on %s that none of its fields explains",
					 kobj_str(owner, a, sizeof(a)), h->n, hold_names[h->type],
					 kobj_str(h->obj, b, sizeof(b)));
			continue;
		}
		if (ex[i].n != h->n)
			ledger_violation(vtype, h->obj->kind,
					 "%s holds %d %s on %s, its fields imply %d",
					 kobj_str(owner, a, sizeof(a)), h->n, hold_names[h->type],
					 kobj_str(h->obj, b, sizeof(b)), ex[i].n);
		ex[i].n = -1;
	}
	for (i = 0; i < nr; i++)
		if (ex[i].n > 0)
			ledger_violation(vtype, ex[i].obj->kind,
					 "%s points at %s but holds no %s on it",
					 kobj_str(owner, a, sizeof(a)),
					 kobj_str(ex[i].obj, b, sizeof(b)),
					 hold_names[ex[i].type]);
}

/* Recount every live holder with a rule, one pass over the holds grouped by owner. */
static void recount_holders(const struct kobj *skip)
{
	/* the ledger's working storage: no allocation per call */
	size_t n = ledger.nr_objs, j;
	int *first = ledger_scratch((n + 1 + ledger.nr_holds + 1) * sizeof(int));
	int *next = first + n + 1;
	struct expect ex[MAX_EXPECT];
	char a[48], b[48];

	for (j = 0; j <= n; j++)
		first[j] = -1;
	for (j = 0; j < ledger.nr_holds; j++) {
		const struct hold *h = &ledger.holds[j];

		next[j] = -1;
		if (!h->n || !h->owner || h->type == HOLD_LOCK)
			continue;
		next[j] = first[h->owner->id];
		first[h->owner->id] = (int)j;
	}
	for (j = 0; j < n; j++) {
		const struct kobj *o = ledger.objs[j];
		int nr, i, k;

		if (o->freed || o == skip || o->reported)
			continue;
		if (o->kind == KIND_task_struct && !((const struct task_struct *)o)->attached)
			continue;
		nr = holder_expected(o, ex);
		if (nr < 0)
			continue;
		for (k = first[o->id]; k >= 0; k = next[k]) {
			const struct hold *h = &ledger.holds[k];

			for (i = 0; i < nr; i++)
				if (ex[i].obj == h->obj && ex[i].type == h->type)
					break;
			if (i == nr || ex[i].n != h->n)
				ledger_violation(V_recount, h->obj->kind,
						 "%s holds %d %s on %s, its fields imply %d",
						 kobj_str(o, a, sizeof(a)), h->n, hold_names[h->type],
						 kobj_str(h->obj, b, sizeof(b)), i == nr ? 0 : ex[i].n);
			if (i < nr)
				ex[i].n = -1;
		}
		for (i = 0; i < nr; i++)
			if (ex[i].n > 0)
				ledger_violation(V_recount, ex[i].obj->kind,
						 "%s points at %s but holds no %s on it",
						 kobj_str(o, a, sizeof(a)),
						 kobj_str(ex[i].obj, b, sizeof(b)),
						 hold_names[ex[i].type]);
	}
}

/* nr_threads, process counts, thread groups, NPROC counts, pid numbers and pids charges. */
static void recount_counters(void)
{
	int threads = 0, leaders = 0, i;
	size_t j;
	char b[48];

	for (i = 0; i < world.nr_tasks; i++) {
		threads++;
		leaders += thread_group_leader(world.tasks[i]);
	}
	if (nr_threads != world.cfg.nr_threads_extra + threads)
		ledger_violation(V_counter, NR_KINDS,
				 "nr_threads is %d, the world has %d tasks (+%d outside)",
				 nr_threads, threads, world.cfg.nr_threads_extra);
	if (nr_processes != leaders)
		ledger_violation(V_counter, NR_KINDS,
				 "the process count is %d, the world has %d group leaders",
				 nr_processes, leaders);

	for (j = 0; j < ledger.nr_objs; j++) {
		struct kobj *o = ledger.objs[j];
		int users = 0, outside;

		if (o->freed)
			continue;
		switch (o->kind) {
		case KIND_signal_struct:
			for (i = 0; i < world.nr_tasks; i++)
				users += &world.tasks[i]->signal->obj == o;
			if (users && (((struct signal_struct *)o)->nr_threads != users ||
				      o->cnt[HOLD_LIVE] != users))
				ledger_violation(V_counter, o->kind,
						 "%s: nr_threads %d and live %d, %d tasks share it",
						 kobj_str(o, b, sizeof(b)),
						 ((struct signal_struct *)o)->nr_threads,
						 o->cnt[HOLD_LIVE], users);
			break;
		case KIND_user_struct:
		case KIND_ucounts:
			for (i = 0; i < world.nr_tasks; i++)
				users += nproc_counter(world.tasks[i]->real_cred) == o;
			outside = hold_count(o, &holder_outside->obj, HOLD_PROCESSES);
			if (o->cnt[HOLD_PROCESSES] != users + outside)
				ledger_violation(V_counter, o->kind,
						 "%s counts %d processes, the world has %d (+%d outside)",
						 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES],
						 users, outside);
			break;
		case KIND_pid_ns: {
			struct pid_namespace *ns = (struct pid_namespace *)o;
			size_t k;

			for (k = 0; k < ledger.nr_objs; k++) {
				struct pid *pid = (struct pid *)ledger.objs[k];

				if (pid->obj.kind == KIND_pid && !pid->obj.freed &&
				    pid->level >= ns->level &&
				    pid->numbers[ns->level].ns == ns &&
				    pid->numbers[ns->level].nr)
					users++;
			}
			if (ns->nr_allocated != users)
				ledger_violation(V_counter, o->kind,
						 "%s: pid_allocated %d, %d pids are numbered in it",
						 kobj_str(o, b, sizeof(b)), ns->nr_allocated, users);
			break;
		}
		case KIND_cgroup:
			for (i = 0; i < world.nr_tasks; i++)
				users += &world.tasks[i]->cgroup->obj == o;
			if (o->cnt[HOLD_PROCESSES] != users)
				ledger_violation(V_counter, o->kind,
						 "%s: pids.current %d, %d tasks are in it",
						 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES],
						 users);
			break;
		default:
			break;
		}
	}
}

void oracle_world_check(const struct kobj *skip)
{
	recount_holders(skip);
	recount_counters();
}
