// SPDX-License-Identifier: GPL-2.0-only
/* The world oracles: every holder's references recounted from its pointers, and the global and per-object counters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "oracle_holds.h"
#include "world.h"

#define MAX_EXPECT 64

/* One reference a holder's field stands for. */
struct expect {
	struct kobj *obj;
	int type;
	int n;
};

/*
 * The oracles' storage for one scenario, indexed by object id. Like the
 * ledger's, it is freed when the ledger starts a new scenario (its epoch
 * moves): every input grows it from none, and takes the same paths
 * whatever ran before it.
 */
struct holder_memo {
	unsigned int gen;	/* the owner's owned_gen when it last passed */
	unsigned int img;	/* its field list then, in wc.imgs */
	unsigned short nr, cap;
	bool valid;
};

static struct {
	unsigned long epoch;
	size_t nr_ids;			/* ids the arrays below cover, + 1 */
	int *tally;			/* per (id, hold type): zero between uses */
	int *users;			/* per id: the counters' recount, zero between uses */
	struct holder_memo *memo;
	struct expect *imgs;
	size_t nr_imgs, cap_imgs;
	const struct hold **order;	/* check_holder's walk, oldest entry first */
	size_t cap_order;
} wc;

static bool paranoid;
static int paranoid_set;

void oracle_set_paranoid(bool on)
{
	paranoid = on;
	paranoid_set = 1;
}

static bool oracle_paranoid(void)
{
	if (!paranoid_set) {
		const char *v = getenv("CLONEFUZZ_PARANOID");

		paranoid = v && *v && strcmp(v, "0");
		paranoid_set = 1;
	}
	return paranoid;
}

static void *wc_grow(void *p, size_t old, size_t new, size_t elem)
{
	p = realloc(p, new * elem);
	if (!p) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	memset((char *)p + old * elem, 0, (new - old) * elem);
	return p;
}

/* Storage for every id the ledger has handed out, empty at a new scenario. */
static void wc_sync(void)
{
	size_t need = ledger.nr_objs + 1, n;

	if (wc.epoch != ledger.epoch) {
		free(wc.tally);
		free(wc.users);
		free(wc.memo);
		free(wc.imgs);
		free(wc.order);
		memset(&wc, 0, sizeof(wc));
		wc.epoch = ledger.epoch;
	}
	if (need <= wc.nr_ids)
		return;
	n = wc.nr_ids ? wc.nr_ids : 64;
	while (n < need)
		n *= 2;
	wc.tally = wc_grow(wc.tally, wc.nr_ids * NR_HOLDS, n * NR_HOLDS, sizeof(*wc.tally));
	wc.users = wc_grow(wc.users, wc.nr_ids, n, sizeof(*wc.users));
	wc.memo = wc_grow(wc.memo, wc.nr_ids, n, sizeof(*wc.memo));
	wc.nr_ids = n;
}

static int *tally_of(const struct kobj *o, int type)
{
	return &wc.tally[(size_t)o->id * NR_HOLDS + type];
}

static void ref_add(struct expect *ex, int *nr, const void *obj, int type)
{
	if (!obj || *nr == MAX_EXPECT)
		return;
	ex[*nr].obj = (struct kobj *)obj;
	ex[*nr].type = type;
	ex[*nr].n = 1;
	(*nr)++;
}

/* The references a live task's fields stand for: the kernel's ownership rules. */
static int task_refs(const struct task_struct *t, struct expect *ex)
{
	int nr = 0;

	ref_add(ex, &nr, t->stack, HOLD_REF);
	ref_add(ex, &nr, t->real_cred, HOLD_REF);
	ref_add(ex, &nr, t->cred, HOLD_REF);
	ref_add(ex, &nr, t->real_cred ? nproc_counter(t->real_cred) : NULL, HOLD_PROCESSES);
	ref_add(ex, &nr, t->files, HOLD_REF);
	ref_add(ex, &nr, t->fs, HOLD_REF);
	ref_add(ex, &nr, t->sighand, HOLD_REF);
	ref_add(ex, &nr, t->signal, HOLD_REF);
	ref_add(ex, &nr, t->signal, HOLD_LIVE);
	ref_add(ex, &nr, t->mm, HOLD_REF);
	ref_add(ex, &nr, t->nsproxy, HOLD_REF);
	ref_add(ex, &nr, t->io_context, HOLD_REF);
	ref_add(ex, &nr, t->sysvsem_undo_list, HOLD_REF);
	ref_add(ex, &nr, t->thread_pid, HOLD_REF);
	ref_add(ex, &nr, t->mempolicy, HOLD_REF);
	ref_add(ex, &nr, t->perf_event_ctxp, HOLD_REF);
	ref_add(ex, &nr, t->audit_context, HOLD_REF);
	ref_add(ex, &nr, t->delays, HOLD_REF);
	ref_add(ex, &nr, t->io_bitmap_ptr, HOLD_REF);
	ref_add(ex, &nr, t->cgroups, HOLD_REF);
	ref_add(ex, &nr, t->exec_domain_module, HOLD_REF);
	ref_add(ex, &nr, t->security, HOLD_REF);
	ref_add(ex, &nr, t->seccomp_filter, HOLD_REF);
	ref_add(ex, &nr, t->cgroup, HOLD_PROCESSES);
	return nr;
}

/*
 * The holds @o's fields stand for, one entry per field that points at
 * something (n = 1 each, a shared object once per field); -1 for a kind
 * that holds nothing the model tracks.
 */
static int holder_refs(const struct kobj *o, struct expect *ex)
{
	int nr = 0, i;

	switch (o->kind) {
	case KIND_task_struct:
		return task_refs((const struct task_struct *)o, ex);
	case KIND_cred: {
		const struct cred *c = (const void *)o;

		ref_add(ex, &nr, c->user, HOLD_REF);
		ref_add(ex, &nr, c->user_ns, HOLD_REF);
		ref_add(ex, &nr, c->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_user_ns: {
		const struct user_namespace *ns = (const void *)o;

		if (profile->kv >= KV(3, 8, 0))
			ref_add(ex, &nr, ns->parent, HOLD_REF);
		ref_add(ex, &nr, ns->creator, HOLD_REF);
		ref_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_user_struct:
		ref_add(ex, &nr, ((const struct user_struct *)o)->user_ns, HOLD_REF);
		return nr;
	case KIND_nsproxy: {
		const struct nsproxy *n = (const void *)o;

		ref_add(ex, &nr, n->uts_ns, HOLD_REF);
		ref_add(ex, &nr, n->ipc_ns, HOLD_REF);
		ref_add(ex, &nr, n->mnt_ns, HOLD_REF);
		ref_add(ex, &nr, n->net_ns, HOLD_REF);
		ref_add(ex, &nr, n->pid_ns, HOLD_REF);
		ref_add(ex, &nr, n->cgroup_ns, HOLD_REF);
		ref_add(ex, &nr, n->time_ns, HOLD_REF);
		ref_add(ex, &nr, n->time_ns_for_children, HOLD_REF);
		return nr;
	}
	case KIND_uts_ns: case KIND_ipc_ns: case KIND_mnt_ns: case KIND_net_ns:
	case KIND_cgroup_ns: case KIND_time_ns: {
		const struct ns_common *ns = (const void *)o;

		ref_add(ex, &nr, ns->user_ns, HOLD_REF);
		ref_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_pid_ns: {
		const struct pid_namespace *ns = (const void *)o;

		ref_add(ex, &nr, ns->parent, HOLD_REF);
		ref_add(ex, &nr, ns->user_ns, HOLD_REF);
		ref_add(ex, &nr, ns->ucounts, HOLD_REF);
		return nr;
	}
	case KIND_pid:
		ref_add(ex, &nr, ns_of_pid((struct pid *)o), HOLD_REF);
		return nr;
	case KIND_files_struct: {
		const struct files_struct *f = (const void *)o;

		for (i = 0; i < f->nr_fd; i++)
			ref_add(ex, &nr, f->fd[i], HOLD_REF);
		return nr;
	}
	case KIND_fd:
		ref_add(ex, &nr, ((const struct fd_slot *)o)->file, HOLD_REF);
		return nr;
	case KIND_file:
		ref_add(ex, &nr, ((const struct pidfd_file *)o)->pid, HOLD_REF);
		return nr;
	case KIND_mm_struct:
		ref_add(ex, &nr, ((const struct mm_struct *)o)->futex_hash, HOLD_REF);
		return nr;
	case KIND_cgroup:
		ref_add(ex, &nr, ((const struct cgroup *)o)->cset, HOLD_REF);
		return nr;
	default:
		return -1;
	}
}

/*
 * Compare @owner's live holds, @nr of them at @hold, with the field list
 * @refs: every hold explained with its count, every field backed by one.
 * @shape words it as the child-shape oracle, otherwise as the recount.
 * Returns the violations reported.
 */
static int compare_holds(const struct kobj *owner, const struct hold *const *hold, int nh,
			 const struct expect *refs, int nr, int vtype, bool shape)
{
	char a[48], b[48];
	int i, found = 0, *t;

	for (i = 0; i < nr; i++)
		(*tally_of(refs[i].obj, refs[i].type))++;
	for (i = 0; i < nh; i++) {
		const struct hold *h = hold[i];

		t = tally_of(h->obj, h->type);
		if (shape && *t <= 0) {
			found++;
			ledger_violation(vtype, h->obj->kind,
					 "%s holds %d %s on %s that none of its fields explains",
					 kobj_str(owner, a, sizeof(a)), h->n, hold_names[h->type],
					 kobj_str(h->obj, b, sizeof(b)));
			continue;
		}
		if (*t != h->n) {
			found++;
			ledger_violation(vtype, h->obj->kind,
					 "%s holds %d %s on %s, its fields imply %d",
					 kobj_str(owner, a, sizeof(a)), h->n, hold_names[h->type],
					 kobj_str(h->obj, b, sizeof(b)), *t > 0 ? *t : 0);
		}
		*t = -1;
	}
	for (i = 0; i < nr; i++) {
		t = tally_of(refs[i].obj, refs[i].type);
		if (*t > 0) {
			found++;
			ledger_violation(vtype, refs[i].obj->kind,
					 "%s points at %s but holds no %s on it",
					 kobj_str(owner, a, sizeof(a)),
					 kobj_str(refs[i].obj, b, sizeof(b)),
					 hold_names[refs[i].type]);
		}
		*t = -1;
	}
	for (i = 0; i < nr; i++)
		*tally_of(refs[i].obj, refs[i].type) = 0;
	for (i = 0; i < nh; i++)
		*tally_of(hold[i]->obj, hold[i]->type) = 0;
	return found;
}

/* @owner's live holds other than locks into wc.order, oldest entry first if @oldest_first. */
static int owned_holds(const struct kobj *owner, bool oldest_first)
{
	const struct hold *h;
	size_t n = 0, i;

	for (h = owned_first(owner); h; h = owned_next(h)) {
		if (!h->n || h->type == HOLD_LOCK)
			continue;
		if (n == wc.cap_order) {
			wc.order = wc_grow(wc.order, wc.cap_order,
					   wc.cap_order ? 2 * wc.cap_order : 64,
					   sizeof(*wc.order));
			wc.cap_order = wc.cap_order ? 2 * wc.cap_order : 64;
		}
		wc.order[n++] = h;
	}
	for (i = 0; oldest_first && i < n / 2; i++) {
		h = wc.order[i];
		wc.order[i] = wc.order[n - 1 - i];
		wc.order[n - 1 - i] = h;
	}
	return (int)n;
}

void check_holder(const struct kobj *owner, int vtype)
{
	struct expect refs[MAX_EXPECT];
	int nr = holder_refs(owner, refs), nh;

	wc_sync();
	nh = owned_holds(owner, true);
	compare_holds(owner, wc.order, nh, refs, nr < 0 ? 0 : nr, vtype, true);
}

/* Did @o pass with exactly these fields and these holds before? */
static bool memo_same(const struct kobj *o, const struct expect *refs, int nr)
{
	const struct holder_memo *m = &wc.memo[o->id];

	return m->valid && m->gen == o->owned_gen && m->nr == nr &&
	       (!nr || !memcmp(&wc.imgs[m->img], refs, (size_t)nr * sizeof(*refs)));
}

static void memo_keep(const struct kobj *o, const struct expect *refs, int nr)
{
	struct holder_memo *m = &wc.memo[o->id];

	if (m->cap < nr) {
		/* a longer list than its region holds: a new region, the old one idles */
		if (wc.nr_imgs + (size_t)nr > wc.cap_imgs) {
			size_t n = wc.cap_imgs ? wc.cap_imgs : 1024;

			while (n < wc.nr_imgs + (size_t)nr)
				n *= 2;
			wc.imgs = wc_grow(wc.imgs, wc.cap_imgs, n, sizeof(*wc.imgs));
			wc.cap_imgs = n;
		}
		m->img = (unsigned int)wc.nr_imgs;
		m->cap = (unsigned short)nr;
		wc.nr_imgs += (size_t)nr;
	}
	if (nr)
		memcpy(&wc.imgs[m->img], refs, (size_t)nr * sizeof(*refs));
	m->nr = (unsigned short)nr;
	m->gen = o->owned_gen;
	m->valid = true;
}

/*
 * Recount every live holder with a rule. A holder whose fields (as the
 * rule reads them) and whose holds are what they were when it last passed
 * passes again, so only what an operation changed is compared; the
 * paranoid switch compares every holder every time.
 */
static void recount_holders(const struct kobj *skip, bool full)
{
	struct expect refs[MAX_EXPECT];
	size_t j;

	wc_sync();
	for (j = 0; j < ledger.nr_objs; j++) {
		const struct kobj *o = ledger.objs[j];
		int nr, nh;

		if (o->freed || o == skip || o->reported)
			continue;
		if (o->kind == KIND_task_struct && !((const struct task_struct *)o)->attached)
			continue;
		nr = holder_refs(o, refs);
		if (nr < 0)
			continue;
		if (!full && memo_same(o, refs, nr))
			continue;
		nh = owned_holds(o, false);
		if (compare_holds(o, wc.order, nh, refs, nr, V_recount, false))
			wc.memo[o->id].valid = false;
		else
			memo_keep(o, refs, nr);
	}
}

/* nr_threads, process counts, thread groups, NPROC counts, pid numbers and pids charges. */
static void recount_counters(void)
{
	int threads = 0, leaders = 0, i, l, *users;
	const struct kobj *o;
	size_t j;
	char b[48];

	wc_sync();
	users = wc.users;
	for (i = 0; i < world.nr_tasks; i++) {
		const struct task_struct *t = world.tasks[i];
		const struct kobj *nproc = nproc_counter(t->real_cred);

		threads++;
		leaders += thread_group_leader(t);
		/* each counted object is of one kind: one tally per id serves them all */
		if (t->signal)
			users[t->signal->obj.id]++;
		if (nproc)
			users[nproc->id]++;
		if (t->cgroup)
			users[t->cgroup->obj.id]++;
	}
	for (o = ledger_kind_first(KIND_pid); o; o = ledger_kind_next(o)) {
		const struct pid *pid = (const struct pid *)o;

		if (o->freed)
			continue;
		for (l = 0; l <= pid->level; l++)
			if (pid->numbers[l].nr && pid->numbers[l].ns &&
			    pid->numbers[l].ns->level == l)
				users[pid->numbers[l].ns->obj.id]++;
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
		int outside;

		o = ledger.objs[j];
		if (o->freed)
			continue;
		switch (o->kind) {
		case KIND_signal_struct:
			if (users[o->id] &&
			    (((struct signal_struct *)o)->nr_threads != users[o->id] ||
			     o->cnt[HOLD_LIVE] != users[o->id]))
				ledger_violation(V_counter, o->kind,
						 "%s: nr_threads %d and live %d, %d tasks share it",
						 kobj_str(o, b, sizeof(b)),
						 ((struct signal_struct *)o)->nr_threads,
						 o->cnt[HOLD_LIVE], users[o->id]);
			break;
		case KIND_user_struct:
		case KIND_ucounts:
			outside = hold_count(o, &holder_outside->obj, HOLD_PROCESSES);
			if (o->cnt[HOLD_PROCESSES] != users[o->id] + outside)
				ledger_violation(V_counter, o->kind,
						 "%s counts %d processes, the world has %d (+%d outside)",
						 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES],
						 users[o->id], outside);
			break;
		case KIND_pid_ns:
			if (((struct pid_namespace *)o)->nr_allocated != users[o->id])
				ledger_violation(V_counter, o->kind,
						 "%s: pid_allocated %d, %d pids are numbered in it",
						 kobj_str(o, b, sizeof(b)),
						 ((struct pid_namespace *)o)->nr_allocated,
						 users[o->id]);
			break;
		case KIND_cgroup:
			if (o->cnt[HOLD_PROCESSES] != users[o->id])
				ledger_violation(V_counter, o->kind,
						 "%s: pids.current %d, %d tasks are in it",
						 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES],
						 users[o->id]);
			break;
		default:
			break;
		}
	}
	memset(users, 0, (ledger.nr_objs + 1) * sizeof(*users));
}

void oracle_world_check(const struct kobj *skip)
{
	recount_holders(skip, oracle_paranoid());
	recount_counters();
}

void oracle_world_check_full(void)
{
	recount_holders(NULL, true);
	recount_counters();
}
