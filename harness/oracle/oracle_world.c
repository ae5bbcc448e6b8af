// SPDX-License-Identifier: GPL-2.0-only
/* The world oracles: every holder's references recounted from its pointers, and the global and per-object counters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "oracle_holds.h"
#include "world.h"

#define MAX_FIELDS 64	/* MAX_MODEL_FDS: a files_struct's slots are its fields */

/*
 * A holder's fields as its rule reads them: one pointer per field, NULL
 * where it points at nothing, and the hold each non-NULL one stands for.
 */
struct fields {
	int nr;
	const unsigned char *type;	/* per field, enum hold_type */
	const void *p[MAX_FIELDS];
};

/*
 * The oracles' storage for one scenario, indexed by object id: made at the
 * same capacities for every scenario (what one grew is given back when the
 * ledger's epoch moves), so every input takes the same paths whatever ran
 * before it.
 */
struct holder_memo {
	unsigned int gen;	/* the owner's owned_gen when it last passed */
	unsigned int img;	/* its fields then, in wc.imgs */
	unsigned short nr, cap;
	bool valid;
	unsigned int listed;	/* the incremental recount that last listed it */
};

#define WC_IDS	1024	/* as the ledger's first objects */
#define WC_IMGS	16384
#define WC_ORDER 256

static struct {
	unsigned long epoch;
	size_t nr_ids;			/* ids the arrays below cover, + 1 */
	size_t hi;			/* ids used this scenario, + 1 */
	int *tally;			/* per (id, hold type): zero between uses */
	int *users;			/* per id: the counters' recount, zero between uses */
	struct holder_memo *memo;
	const void **imgs;
	size_t nr_imgs, cap_imgs;
	const struct hold **order;	/* check_holder's walk, oldest entry first */
	size_t cap_order;
	unsigned int *ids;		/* the incremental recount's holders, by id */
	size_t cap_ids;
	unsigned int *again;		/* holders to compare at the next recount whatever happens */
	size_t nr_again, cap_again;
	unsigned int nr_recounts;	/* incremental recounts this scenario */
	size_t id_mark, event_mark;	/* what the last recount had seen */
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

/* Room for @need elements at @p, doubling @cap; what is added is zeroed. */
static void *wc_reserve(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap;

	if (need <= n)
		return p;
	while (n < need)
		n *= 2;
	p = wc_grow(p, *cap, n, elem);
	*cap = n;
	return p;
}

/* @p at @def zeroed elements, given back if it grew. */
static void *wc_default(void *p, size_t *cap, size_t def, size_t elem)
{
	if (*cap == def)
		return p;
	free(p);
	p = wc_grow(NULL, 0, def, elem);
	*cap = def;
	return p;
}

/* A new scenario: the default capacities, every memo forgotten. */
static void wc_restart(void)
{
	size_t ids = wc.nr_ids;

	wc.tally = wc_default(wc.tally, &ids, WC_IDS, NR_HOLDS * sizeof(*wc.tally));
	ids = wc.nr_ids;
	wc.users = wc_default(wc.users, &ids, WC_IDS, sizeof(*wc.users));
	ids = wc.nr_ids;
	if (ids == WC_IDS)
		memset(wc.memo, 0, wc.hi * sizeof(*wc.memo));
	wc.memo = wc_default(wc.memo, &ids, WC_IDS, sizeof(*wc.memo));
	wc.nr_ids = WC_IDS;
	wc.imgs = wc_default(wc.imgs, &wc.cap_imgs, WC_IMGS, sizeof(*wc.imgs));
	wc.order = wc_default(wc.order, &wc.cap_order, WC_ORDER, sizeof(*wc.order));
	wc.ids = wc_default(wc.ids, &wc.cap_ids, WC_IDS, sizeof(*wc.ids));
	wc.again = wc_default(wc.again, &wc.cap_again, WC_IDS, sizeof(*wc.again));
	wc.nr_again = 0;
	wc.nr_recounts = 0;
	wc.id_mark = wc.event_mark = 0;
	wc.nr_imgs = 0;
	wc.hi = 0;
	wc.epoch = ledger.epoch;
}

/* Storage for every id the ledger has handed out. */
static void wc_sync(void)
{
	size_t need = ledger.nr_objs + 1, n;

	if (wc.epoch != ledger.epoch)
		wc_restart();
	if (need > wc.hi)
		wc.hi = need;
	if (need <= wc.nr_ids)
		return;
	/* three arrays indexed by id share one capacity */
	n = wc.nr_ids;
	wc.memo = wc_reserve(wc.memo, &n, need, sizeof(*wc.memo));
	wc.tally = wc_grow(wc.tally, wc.nr_ids * NR_HOLDS, n * NR_HOLDS, sizeof(*wc.tally));
	wc.users = wc_grow(wc.users, wc.nr_ids, n, sizeof(*wc.users));
	wc.nr_ids = n;
}

static int *tally_of(const struct kobj *o, int type)
{
	return &wc.tally[(size_t)o->id * NR_HOLDS + type];
}

#define R HOLD_REF
#define P HOLD_PROCESSES

/* The kernel's ownership rules: what a live task's fields hold. */
static const unsigned char task_types[] = {
	R, R, R, P, R, R, R, R, HOLD_LIVE, R, R, R, R, R, R, R, R, R, R, R, R, R, R, P,
#ifdef CLONEFUZZ_SOURCE
	R, R,	/* 7.x: exec_state, io_uring_restrict */
#endif
};

static void task_fields(const struct task_struct *t, struct fields *f)
{
	const void **p = f->p;

	*p++ = t->stack;
	*p++ = t->real_cred;
	*p++ = t->cred;
	*p++ = t->real_cred ? nproc_counter(t->real_cred) : NULL;
	*p++ = t->files;
	*p++ = t->fs;
	*p++ = t->sighand;
	*p++ = t->signal;
	*p++ = t->signal;
	*p++ = t->mm;
	*p++ = t->nsproxy;
	*p++ = t->io_context;
	*p++ = t->sysvsem_undo_list;
	*p++ = t->thread_pid;
	*p++ = t->mempolicy;
	*p++ = t->perf_event_ctxp;
	*p++ = t->audit_context;
	*p++ = t->delays;
	*p++ = t->io_bitmap_ptr;
	*p++ = t->cgroups;
	*p++ = t->exec_domain_module;
	*p++ = t->security;
	*p++ = t->seccomp.filter;
	*p++ = t->cgroup;
#ifdef CLONEFUZZ_SOURCE
	*p++ = t->exec_state;
	*p++ = t->io_uring_restrict;
#endif
	f->nr = (int)(p - f->p);
	f->type = task_types;
}

static const unsigned char all_refs[MAX_FIELDS] = { 0 };	/* HOLD_REF is 0 */

_Static_assert(HOLD_REF == 0, "all_refs relies on HOLD_REF being 0");
#ifdef CLONEFUZZ_SOURCE
_Static_assert(sizeof(task_types) == 26, "one type per field task_fields() reads");
#else
_Static_assert(sizeof(task_types) == 24, "one type per field task_fields() reads");
#endif

/* Up to eight reference fields. */
static void ref_fields(struct fields *f, int nr, const void *a, const void *b, const void *c,
		 const void *d, const void *e, const void *g, const void *h, const void *i)
{
	const void *all[8] = { a, b, c, d, e, g, h, i };

	memcpy(f->p, all, sizeof(all));
	f->nr = nr;
	f->type = all_refs;
}

#undef R
#undef P

/*
 * The holds @o's fields stand for, one per field that points at something
 * (a shared object once per field). Returns false for a kind that holds
 * nothing the model tracks.
 */
static bool holder_fields(const struct kobj *o, struct fields *f)
{
	int i;

	switch (o->kind) {
	case KIND_task_struct:
		task_fields((const struct task_struct *)o, f);
		return true;
	case KIND_cred: {
		const struct cred *c = (const void *)o;

		ref_fields(f, 3, c->user, c->user_ns, c->ucounts, 0, 0, 0, 0, 0);
		return true;
	}
	case KIND_user_ns: {
		const struct user_namespace *ns = (const void *)o;

		ref_fields(f, 3, profile->kv >= KV(3, 8, 0) ? ns->parent : NULL, ns->creator,
		     ns->ucounts, 0, 0, 0, 0, 0);
		return true;
	}
	case KIND_user_struct:
		ref_fields(f, 1, ((const struct user_struct *)o)->user_ns, 0, 0, 0, 0, 0, 0, 0);
		return true;
	case KIND_nsproxy: {
		const struct nsproxy *n = (const void *)o;

		ref_fields(f, 8, n->uts_ns, n->ipc_ns, n->mnt_ns, n->net_ns, n->pid_ns_for_children,
		     n->cgroup_ns, n->time_ns, n->time_ns_for_children);
		return true;
	}
	case KIND_uts_ns: case KIND_ipc_ns: case KIND_mnt_ns: case KIND_net_ns:
	case KIND_cgroup_ns: case KIND_time_ns: {
		const struct ns_common *ns = (const void *)o;

		ref_fields(f, 2, ns->user_ns, ns->ucounts, 0, 0, 0, 0, 0, 0);
		return true;
	}
	case KIND_pid_ns: {
		const struct pid_namespace *ns = (const void *)o;

		ref_fields(f, 3, ns->parent, ns->user_ns, ns->ucounts, 0, 0, 0, 0, 0);
		return true;
	}
	case KIND_pid:
		ref_fields(f, 1, ns_of_pid((struct pid *)o), 0, 0, 0, 0, 0, 0, 0);
		return true;
	case KIND_files_struct: {
		const struct files_struct *fs = (const void *)o;

		f->nr = fs->nr_fd < MAX_FIELDS ? fs->nr_fd : MAX_FIELDS;
		for (i = 0; i < f->nr; i++)
			f->p[i] = fs->fd[i];
		f->type = all_refs;
		return true;
	}
	case KIND_fd:
		ref_fields(f, 1, ((const struct fd_slot *)o)->file, 0, 0, 0, 0, 0, 0, 0);
		return true;
	case KIND_file:
		ref_fields(f, 1, ((const struct pidfd_file *)o)->pid, 0, 0, 0, 0, 0, 0, 0);
		return true;
	case KIND_mm_struct:
		ref_fields(f, 1, ((const struct mm_struct *)o)->futex_hash, 0, 0, 0, 0, 0, 0, 0);
		return true;
	case KIND_cgroup:
		ref_fields(f, 1, ((const struct cgroup *)o)->cset, 0, 0, 0, 0, 0, 0, 0);
		return true;
#ifdef CLONEFUZZ_SOURCE
	case KIND_exec_state:
		ref_fields(f, 1, ((const struct task_exec_state *)o)->user_ns, 0, 0, 0, 0, 0, 0, 0);
		return true;
#endif
	default:
		return false;
	}
}

/*
 * Compare @owner's live holds, @nh of them at @hold, with its fields @f:
 * every hold explained with its count, every field backed by one. @shape
 * words it as the child-shape oracle, otherwise as the recount. Returns the
 * violations reported.
 */
static int compare_holds(const struct kobj *owner, const struct hold *const *hold, int nh,
			 const struct fields *f, int vtype, bool shape)
{
	char a[48], b[48];
	int i, found = 0, *t;

	for (i = 0; i < f->nr; i++)
		if (f->p[i])
			(*tally_of(f->p[i], f->type[i]))++;
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
		*t = 0;	/* explained: its fields are not reported below */
	}
	/* what is left counted is a field no hold backs; zeroed, it is reported once */
	for (i = 0; i < f->nr; i++) {
		const struct kobj *o = f->p[i];

		if (!o)
			continue;
		t = tally_of(o, f->type[i]);
		if (*t > 0) {
			found++;
			ledger_violation(vtype, o->kind, "%s points at %s but holds no %s on it",
					 kobj_str(owner, a, sizeof(a)), kobj_str(o, b, sizeof(b)),
					 hold_names[f->type[i]]);
		}
		*t = 0;
	}
	/* every tally this touched is zero again: a hold's above, a field's here */
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
		wc.order = wc_reserve(wc.order, &wc.cap_order, n + 1, sizeof(*wc.order));
		wc.order[n++] = h;
	}
	for (i = 0; oldest_first && i < n / 2; i++) {
		h = wc.order[i];
		wc.order[i] = wc.order[n - 1 - i];
		wc.order[n - 1 - i] = h;
	}
	return (int)n;
}

/* Did @o pass with exactly these fields and these holds before? */
static bool memo_same(const struct kobj *o, const struct fields *f)
{
	const struct holder_memo *m = &wc.memo[o->id];
	const void *const *img = &wc.imgs[m->img];
	int i;

	if (!m->valid || m->gen != o->owned_gen || m->nr != f->nr)
		return false;
	/* a few pointers each: a loop, not a call to memcmp */
	for (i = 0; i < f->nr; i++)
		if (img[i] != f->p[i])
			return false;
	return true;
}

static void memo_keep(const struct kobj *o, const struct fields *f)
{
	struct holder_memo *m = &wc.memo[o->id];
	size_t nr = (size_t)f->nr;

	if (m->cap < nr) {
		/* a longer list than its region holds: a new region, the old one idles */
		wc.imgs = wc_reserve(wc.imgs, &wc.cap_imgs, wc.nr_imgs + nr, sizeof(*wc.imgs));
		m->img = (unsigned int)wc.nr_imgs;
		m->cap = (unsigned short)nr;
		wc.nr_imgs += nr;
	}
	if (nr)
		memcpy(&wc.imgs[m->img], f->p, nr * sizeof(*f->p));
	m->nr = (unsigned short)nr;
	m->gen = o->owned_gen;
	m->valid = true;
}

void check_holder(const struct kobj *owner, int vtype)
{
	struct fields f;
	int nh;

	if (!holder_fields(owner, &f))
		f.nr = 0;
	wc_sync();
	nh = owned_holds(owner, true);
	/* passing here, it passes the recount too: the same comparison, worded otherwise */
	if (!compare_holds(owner, wc.order, nh, &f, vtype, true))
		memo_keep(owner, &f);
}

/* @o is compared at the next incremental recount, events or none. */
static void recount_again(const struct kobj *o)
{
	wc.again = wc_reserve(wc.again, &wc.cap_again, wc.nr_again + 1, sizeof(*wc.again));
	wc.again[wc.nr_again++] = o->id;
}

/* Compare @o if it is a live holder with a rule, unless it passed unchanged before. */
static void recount_one(const struct kobj *o, const struct kobj *skip, bool full)
{
	struct fields f;
	int nh;

	if (o == skip && !full) {
		/* compared by its caller this time; again next time unless it passed */
		if (!holder_fields(o, &f) || !memo_same(o, &f))
			recount_again(o);
		return;
	}
	if (o->freed || o == skip || o->reported)
		return;
	if (o->kind == KIND_task_struct && !((const struct task_struct *)o)->attached)
		return;
	if (!holder_fields(o, &f))
		return;
	if (!full && memo_same(o, &f))
		return;
	nh = owned_holds(o, false);
	if (compare_holds(o, wc.order, nh, &f, V_recount, false)) {
		/* as the full recount does, it is reported again after every operation */
		wc.memo[o->id].valid = false;
		if (!full)
			recount_again(o);
	} else {
		memo_keep(o, &f);
	}
}

static inline void list_id(const struct kobj *o, size_t *n)
{
	struct holder_memo *m;

	if (!o)
		return;
	m = &wc.memo[o->id];
	if (m->listed == wc.nr_recounts)
		return;
	m->listed = wc.nr_recounts;
	wc.ids = wc_reserve(wc.ids, &wc.cap_ids, *n + 1, sizeof(*wc.ids));
	wc.ids[(*n)++] = o->id;
}

/* Insertion sort: the holders an operation touched are a few dozen at most. */
static void sort_ids(unsigned int *ids, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		unsigned int v = ids[i];

		for (j = i; j > 0 && ids[j - 1] > v; j--)
			ids[j] = ids[j - 1];
		ids[j] = v;
	}
}

/*
 * Recount the live holders with a rule. Incrementally, those the ledger's
 * events since the last recount name as owners, and those created since:
 * a holder's holds change only through such events, and in a model that
 * keeps its rules, so do the fields that stand for them. A field changed
 * with no event on its holder is what the full recount, at the end of every
 * scenario (or after every operation with the paranoid switch), is there
 * for. Either way in id order, and a holder that passed with the same
 * fields and holds before is not compared again.
 */
static void recount_holders(const struct kobj *skip, bool full)
{
	const struct kobj *last = NULL;
	size_t j, n = 0;

	wc_sync();
	if (full) {
		for (j = 0; j < ledger.nr_objs; j++)
			recount_one(ledger.objs[j], skip, true);
		return;
	}
	wc.nr_recounts++;
	for (j = 0; j < wc.nr_again; j++)
		list_id(ledger.objs[wc.again[j] - 1], &n);
	wc.nr_again = 0;
	for (j = wc.event_mark; j < ledger.nr_events; j++) {
		const struct ledger_event *e = &ledger.events[j];

		/* runs of events by one owner are the rule: list it once a run */
		if (e->owner != last) {
			list_id(e->owner, &n);
			last = e->owner;
		}
		if (e->from)
			list_id(e->from, &n);
	}
	sort_ids(wc.ids, n);
	/* the objects created since are next in id order already */
	for (j = 0; j < n && wc.ids[j] <= wc.id_mark; j++)
		recount_one(ledger.objs[wc.ids[j] - 1], skip, false);
	for (j = wc.id_mark; j < ledger.nr_objs; j++)
		recount_one(ledger.objs[j], skip, false);
	wc.id_mark = ledger.nr_objs;
	wc.event_mark = ledger.nr_events;
}

/* One counted object against the world's recount @users. */
static void check_count(const struct kobj *o, int users)
{
	char b[48];
	int outside;

	switch (o->kind) {
	case KIND_signal_struct:
		if (users && (((const struct signal_struct *)o)->nr_threads != users ||
			      o->cnt[HOLD_LIVE] != users))
			ledger_violation(V_counter, o->kind,
					 "%s: nr_threads %d and live %d, %d tasks share it",
					 kobj_str(o, b, sizeof(b)),
					 ((const struct signal_struct *)o)->nr_threads,
					 o->cnt[HOLD_LIVE], users);
		break;
	case KIND_user_struct:
	case KIND_ucounts:
		outside = hold_count(o, &holder_outside->obj, HOLD_PROCESSES);
		if (o->cnt[HOLD_PROCESSES] != users + outside)
			ledger_violation(V_counter, o->kind,
					 "%s counts %d processes, the world has %d (+%d outside)",
					 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES],
					 users, outside);
		break;
	case KIND_pid_ns:
		if (pidns_count((const struct pid_namespace *)o) != users)
			ledger_violation(V_counter, o->kind,
					 "%s: pid_allocated %d, %d pids are numbered in it",
					 kobj_str(o, b, sizeof(b)),
					 pidns_count((const struct pid_namespace *)o), users);
		break;
	case KIND_cgroup:
		if (o->cnt[HOLD_PROCESSES] != users)
			ledger_violation(V_counter, o->kind,
					 "%s: pids.current %d, %d tasks are in it",
					 kobj_str(o, b, sizeof(b)), o->cnt[HOLD_PROCESSES], users);
		break;
	default:
		break;
	}
}

/* The kinds whose counters the world implies, each checked in turn. */
static const enum kind counted[] = {
	KIND_signal_struct, KIND_user_struct, KIND_ucounts, KIND_pid_ns, KIND_cgroup,
};

/* nr_threads, process counts, thread groups, NPROC counts, pid numbers and pids charges. */
static void recount_counters(void)
{
	int threads = 0, leaders = 0, i, l, *users;
	const struct kobj *o;
	size_t k;

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

	for (k = 0; k < sizeof(counted) / sizeof(counted[0]); k++)
		for (o = ledger_kind_first(counted[k]); o; o = ledger_kind_next(o))
			if (!o->freed)
				check_count(o, users[o->id]);
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
