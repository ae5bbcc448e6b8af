// SPDX-License-Identifier: GPL-2.0-only
/* The ledger: object lifetimes, owned holds and the violation list the oracles read. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "mutant.h"

struct ledger ledger;

const char *const hold_names[NR_HOLDS] = {
	[HOLD_REF] = "ref",
	[HOLD_PROCESSES] = "processes",
	[HOLD_LIVE] = "live",
	[HOLD_LOCK] = "lock",
};

const char *const vtype_names[NR_VTYPES] = {
#define VIOLATION(n, d) [V_##n] = #n,
#include "violations.def"
#undef VIOLATION
};

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap ? *cap : 64;

	if (need <= *cap)
		return p;
	while (ncap < need)
		ncap *= 2;
	p = realloc(p, ncap * elem);
	if (!p) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	*cap = ncap;
	return p;
}

/*
 * Storage. Every scenario starts from the same capacities (fuzzers measure
 * that it takes the same paths each time): what a scenario grew beyond them
 * is given back when it ends. Objects come from one zeroed arena, in
 * creation order, and past its end from calloc(). Under ASan the arena is
 * poisoned but for the live objects, each followed by a poisoned redzone,
 * so an access past an object or to one of a finished scenario is reported
 * as with calloc() (which would also send every scenario's objects through
 * the quarantine to fresh pages); under MSan objects come from calloc().
 */
#define LEDGER_OBJS	1024
#define LEDGER_HOLDS	4096
#define LEDGER_INDEX	16384	/* a power of two, over twice LEDGER_HOLDS */
#define LEDGER_EVENTS	8192
#define LEDGER_SCRATCH	(64 << 10)

#if defined(__SANITIZE_ADDRESS__)
#define LEDGER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEDGER_ASAN 1
#elif __has_feature(memory_sanitizer)
#define LEDGER_NO_ARENA 1
#endif
#endif
#ifdef LEDGER_NO_ARENA
#define LEDGER_ARENA	0
#else
#define LEDGER_ARENA	(1 << 20)
#endif

#ifdef LEDGER_ASAN
#include <sanitizer/asan_interface.h>
#define LEDGER_REDZONE	16
#define arena_poison(p, n)	__asan_poison_memory_region(p, n)
#define arena_unpoison(p, n)	__asan_unpoison_memory_region(p, n)
#else
#define LEDGER_REDZONE	0
#define arena_poison(p, n)	((void)(p), (void)(n))
#define arena_unpoison(p, n)	((void)(p), (void)(n))
#endif

static void *xmalloc(size_t size)
{
	void *p = malloc(size);

	if (!p) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	return p;
}

/* @p at exactly @def elements of @elem bytes, whatever it grew to. */
static void *at_default(void *p, size_t *cap, size_t def, size_t elem)
{
	if (*cap == def)
		return p;
	free(p);
	*cap = def;
	return xmalloc(def * elem);
}

static bool in_arena(const void *o)
{
	return LEDGER_ARENA > 0 && (const char *)o >= ledger.arena &&
	       (const char *)o < ledger.arena + LEDGER_ARENA;
}

static void index_clear(void);

#define LEDGER_V_START	offsetof(struct ledger, v)
#define LEDGER_V_END	(LEDGER_V_START + sizeof(ledger.v))

/* Back to an empty ledger at the default capacities; ids start again. */
void ledger_reset(void)
{
	unsigned long epoch = ledger.epoch + 1;
	bool new_index = ledger.cap_index != LEDGER_INDEX;
	struct ledger keep;
	size_t i;

	if (!new_index)
		index_clear();	/* before the objects it hashes go */
	for (i = 0; i < ledger.nr_objs; i++)
		if (!in_arena(ledger.objs[i]))
			free(ledger.objs[i]);
	/* every field but the violations' text, which nr_v bounds: 3 KiB a scenario spared */
	memcpy(&keep, &ledger, LEDGER_V_START);
	memcpy((char *)&keep + LEDGER_V_END, (char *)&ledger + LEDGER_V_END,
	       sizeof(ledger) - LEDGER_V_END);
	memset(&ledger, 0, LEDGER_V_START);
	memset((char *)&ledger + LEDGER_V_END, 0, sizeof(ledger) - LEDGER_V_END);
	ledger.objs = at_default(keep.objs, &keep.cap_objs, LEDGER_OBJS, sizeof(*ledger.objs));
	ledger.holds = at_default(keep.holds, &keep.cap_holds, LEDGER_HOLDS, sizeof(*ledger.holds));
	ledger.index = at_default(keep.index, &keep.cap_index, LEDGER_INDEX, sizeof(*ledger.index));
	ledger.events = at_default(keep.events, &keep.cap_events, LEDGER_EVENTS,
				   sizeof(*ledger.events));
	ledger.scratch = at_default(keep.scratch, &keep.cap_scratch, LEDGER_SCRATCH, 1);
	ledger.counts = at_default(keep.counts, &keep.cap_counts, LEDGER_HOLDS,
				   sizeof(*ledger.counts));
	ledger.cap_objs = LEDGER_OBJS;
	ledger.cap_holds = LEDGER_HOLDS;
	ledger.cap_index = LEDGER_INDEX;
	ledger.index_shift = 64 - (unsigned int)__builtin_ctzll(LEDGER_INDEX);
	ledger.cap_events = LEDGER_EVENTS;
	ledger.cap_scratch = LEDGER_SCRATCH;
	ledger.cap_counts = LEDGER_HOLDS;
	if (new_index)
		memset(ledger.index, 0, LEDGER_INDEX * sizeof(*ledger.index));
	ledger.arena = keep.arena;
	if (LEDGER_ARENA > 0 && !ledger.arena) {
		ledger.arena = xmalloc(LEDGER_ARENA);
		arena_poison(ledger.arena, LEDGER_ARENA);
	} else if (ledger.arena) {
		arena_poison(ledger.arena, keep.arena_used);	/* the rest still is */
	}
	ledger.cur_label = L_none;
	ledger.epoch = epoch;
}

static __attribute__((noinline)) void events_grow(void)
{
	ledger.events = grow(ledger.events, &ledger.cap_events, ledger.nr_events + 1,
			     sizeof(*ledger.events));
}

static inline struct ledger_event *log_event_from(enum ledger_op op, struct kobj *o,
						  struct kobj *from, struct kobj *owner,
						  enum hold_type t)
{
	struct ledger_event *e;

	if (ledger.nr_events == ledger.cap_events)
		events_grow();
	e = &ledger.events[ledger.nr_events++];
	*e = (struct ledger_event){
		.op = op, .type = t, .label = ledger.cur_label, .site = ledger.cur_site,
		.obj = o, .from = from, .owner = owner, .n = 1,
	};
	return e;
}

static inline struct ledger_event *log_event(enum ledger_op op, struct kobj *o,
				      struct kobj *owner, enum hold_type t)
{
	return log_event_from(op, o, NULL, owner, t);
}

const char *kobj_str(const struct kobj *o, char *buf, size_t len)
{
	if (!o)
		snprintf(buf, len, "(null)");
	else
		snprintf(buf, len, "%s#%u", kind_names[o->kind], o->id);
	return buf;
}

void ledger_violation(enum vtype t, int kind, const char *fmt, ...)
{
	struct violation *v;
	va_list ap;

	if (ledger.nr_v++ >= MAX_VIOLATIONS)
		return;
	v = &ledger.v[ledger.nr_v - 1];
	v->type = t;
	v->kind = kind;
	v->label = ledger.cur_label;
	v->site = ledger.failed_site;
	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof(v->msg), fmt, ap);
	va_end(ap);
}

void *kobj_alloc(enum kind kind, size_t size)
{
	size_t at = (ledger.arena_used + 15) & ~(size_t)15;
	struct kobj *o;

	if (at + size + LEDGER_REDZONE <= LEDGER_ARENA) {
		o = (struct kobj *)(ledger.arena + at);
		arena_unpoison(o, size);
		memset(o, 0, size);
		ledger.arena_used = at + size + LEDGER_REDZONE;
	} else {
		o = calloc(1, size);
		if (!o) {
			fprintf(stderr, "clonefuzz: out of memory\n");
			abort();
		}
	}
	ledger.objs = grow(ledger.objs, &ledger.cap_objs, ledger.nr_objs + 1,
			   sizeof(*ledger.objs));
	ledger.objs[ledger.nr_objs++] = o;
	o->id = ledger.nr_objs;
	o->kind = kind;
	o->size = (unsigned int)size;
	o->prev_of_kind = ledger.newest_of_kind[kind];
	ledger.newest_of_kind[kind] = o->id;
	ledger.live[kind]++;
	log_event(LOP_ALLOC, o, NULL, HOLD_REF);
	return o;
}

struct kobj *ledger_obj_at(const void *addr)
{
	const char *a = addr;
	size_t i;

	/* model: newest first, one by one; only source profiles ask */
	for (i = ledger.nr_objs; i-- > 0;) {
		const char *o = (const char *)ledger.objs[i];

		if (a >= o && a < o + ledger.objs[i]->size)
			return ledger.objs[i];
	}
	return NULL;
}

/*
 * The ledger's complaints, out of line and cold: the paths that take and
 * drop holds run for every event, and stay small without the names'
 * buffers and the formatting.
 */
static __attribute__((noinline, cold)) void freed_badly(const struct kobj *o)
{
	char b[48];
	int t;

	if (o->freed) {
		ledger_violation(V_double_free, o->kind, "%s freed twice",
				 kobj_str(o, b, sizeof(b)));
		return;
	}
	for (t = 0; t < NR_HOLDS; t++)
		if (o->cnt[t])
			ledger_violation(V_free_referenced, o->kind,
					 "%s freed with %d %s hold(s) left",
					 kobj_str(o, b, sizeof(b)), o->cnt[t],
					 hold_names[t]);
}

static __attribute__((noinline, cold)) void taken_on_freed(const struct kobj *o,
							    const struct kobj *owner,
							    enum hold_type t)
{
	char b[48], c[48];

	ledger_violation(V_use_after_free, o->kind,
			 "%s taken on freed %s by %s", hold_names[t],
			 kobj_str(o, b, sizeof(b)), kobj_str(owner, c, sizeof(c)));
}

static __attribute__((noinline, cold)) void put_not_held(const struct kobj *o,
							  const struct kobj *owner,
							  enum hold_type t)
{
	char b[48], c[48];

	ledger_violation(t == HOLD_LOCK ? V_unlock_not_held : V_put_without_get, o->kind,
			 "%s %s of %s by %s, which holds none%s",
			 t == HOLD_LOCK ? "release" : "put",
			 hold_names[t], kobj_str(o, b, sizeof(b)),
			 kobj_str(owner, c, sizeof(c)),
			 o->freed ? " (object already freed)" : "");
}

static __attribute__((noinline, cold)) void moved_not_held(const struct kobj *o,
							    const struct kobj *from,
							    enum hold_type t)
{
	char b[48], c[48];

	ledger_violation(V_put_without_get, o->kind,
			 "%s of %s handed on by %s, which holds none",
			 hold_names[t], kobj_str(o, b, sizeof(b)),
			 kobj_str(from, c, sizeof(c)));
}

void kobj_free(struct kobj *o)
{
	int t, left = 0;

	if (mutant_drops_release(o->kind))
		return;
	for (t = 0; t < NR_HOLDS; t++)
		left |= o->cnt[t];
	if (o->freed || left) {
		freed_badly(o);
		if (o->freed)
			return;
	}
	o->freed = true;
	ledger.live[o->kind]--;
	log_event(LOP_FREE, o, NULL, HOLD_REF);
}

/* (object id, owner id, type) as one number: ids stay far below 2^29 */
static inline uint64_t hold_key_of(const struct kobj *o, const struct kobj *owner, int t)
{
	return (uint64_t)o->id << 34 | (uint64_t)(owner ? owner->id : 0) << 4 | (uint64_t)t;
}

/*
 * Holds are found through an open-addressing index keyed by (object, owner,
 * type). An entry whose count drops to zero stays, with n == 0, until the
 * ledger is reset: iterations over ledger.holds skip those. Nothing leaves
 * the index before the reset, so each hold keeps the slot it was put in
 * until the index grows.
 */
static size_t hold_slot(const struct kobj *o, const struct kobj *owner, int t)
{
	/* ids, not addresses: the same scenario probes the same slots every run */
	return (size_t)((hold_key_of(o, owner, t) * 0x9e3779b97f4a7c15ULL) >> ledger.index_shift);
}

static void index_insert(size_t i)
{
	struct hold *h = &ledger.holds[i];
	size_t s = hold_slot(h->obj, h->owner, h->type);

	while (ledger.index[s])
		s = (s + 1) & (ledger.cap_index - 1);
	ledger.index[s] = (unsigned int)i + 1;
	h->slot = (unsigned int)s;
}

/* Empty every slot the holds use: cheaper than clearing the whole index. */
static void index_clear(void)
{
	size_t i;

	for (i = 0; i < ledger.nr_holds; i++)
		ledger.index[ledger.holds[i].slot] = 0;
}

static void index_grow(void)
{
	size_t i;

	free(ledger.index);
	ledger.cap_index *= 2;
	ledger.index_shift--;
	ledger.index = calloc(ledger.cap_index, sizeof(*ledger.index));
	if (!ledger.index) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	for (i = 0; i < ledger.nr_holds; i++)
		index_insert(i);
}

static struct hold *find_hold(const struct kobj *o, const struct kobj *owner,
			      enum hold_type t)
{
	size_t s;

	for (s = hold_slot(o, owner, t); ledger.index[s];
	     s = (s + 1) & (ledger.cap_index - 1)) {
		struct hold *h = &ledger.holds[ledger.index[s] - 1];

		if (h->obj == o && h->owner == owner && h->type == t)
			return h->n ? h : NULL;
	}
	return NULL;
}

int hold_count(const struct kobj *o, const struct kobj *owner, enum hold_type t)
{
	const struct hold *h = find_hold(o, owner, t);

	return h ? h->n : 0;
}

static unsigned int add_hold(struct kobj *o, struct kobj *owner, enum hold_type t, int n)
{
	struct hold *h;
	size_t s;

	for (s = hold_slot(o, owner, t); ledger.index[s];
	     s = (s + 1) & (ledger.cap_index - 1)) {
		h = &ledger.holds[ledger.index[s] - 1];
		if (h->obj == o && h->owner == owner && h->type == t) {
			h->n += n;
			return ledger.index[s] - 1;
		}
	}
	ledger.holds = grow(ledger.holds, &ledger.cap_holds,
			    ledger.nr_holds + 1, sizeof(*ledger.holds));
	h = &ledger.holds[ledger.nr_holds++];
	h->obj = o;
	h->owner = owner;
	h->type = t;
	h->n = n;
	h->next_owned = 0;
	h->diff_no = 0;
	h->diff_sum = 0;
	if (owner) {
		h->next_owned = owner->owned;
		owner->owned = (unsigned int)ledger.nr_holds;
	}
	if (2 * ledger.nr_holds > ledger.cap_index) {
		index_grow();
	} else {
		/* the probe above ended on the empty slot it belongs in */
		ledger.index[s] = (unsigned int)ledger.nr_holds;
		h->slot = (unsigned int)s;
	}
	return (unsigned int)ledger.nr_holds - 1;
}

/* Every change of a hold passes here or through add_hold: the owner's generation moves. */
static void touch_owner(struct kobj *owner, enum hold_type t, int delta)
{
	if (owner)
		owner->owned_gen++;
	if (t == HOLD_LOCK)
		ledger.nr_locks += delta;
}

static void remove_hold(struct hold *h)
{
	h->n--;
	touch_owner(h->owner, (enum hold_type)h->type, -1);
}

void hold_get_many(struct kobj *o, struct kobj *owner, enum hold_type t, int n)
{
	struct ledger_event *e;

	if (n <= 0)
		return;
	if (o->freed) {
		taken_on_freed(o, owner, t);
		return;
	}
	o->cnt[t] += n;
	e = log_event(LOP_GET, o, owner, t);
	e->n = n;
	e->hold = add_hold(o, owner, t, n);
	touch_owner(owner, t, n);
}

void hold_get(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	hold_get_many(o, owner, t, 1);
}

bool hold_put(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	struct hold *h;

	if (t != HOLD_LOCK && mutant_drops_release(o->kind))
		return false;
	h = find_hold(o, owner, t);
	if (!h) {
		put_not_held(o, owner, t);
		return false;
	}
	o->cnt[t]--;
	remove_hold(h);
	log_event(LOP_PUT, o, owner, t)->hold = (unsigned int)(h - ledger.holds);
	return o->cnt[t] == 0;
}

void hold_move(struct kobj *o, struct kobj *from, struct kobj *to,
	       enum hold_type t)
{
	struct hold *h = find_hold(o, from, t);
	struct ledger_event *e;

	if (!h) {
		moved_not_held(o, from, t);
		return;
	}
	remove_hold(h);
	e = log_event_from(LOP_MOVE, o, from, to, t);
	e->from_hold = (unsigned int)(h - ledger.holds);
	e->hold = add_hold(o, to, t, 1);
	touch_owner(to, t, 1);
}

static uint64_t hold_key(const struct hold *h)
{
	return hold_key_of(h->obj, h->owner, h->type);
}

/*
 * Insertion sort by hold_key(), each key made once: a call changes a few
 * dozen entries at most. @keys has room for @n.
 */
static void sort_holds(unsigned int *idx, uint64_t *keys, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		keys[i] = hold_key(&ledger.holds[idx[i]]);
	for (i = 1; i < n; i++) {
		unsigned int v = idx[i];
		uint64_t k = keys[i];

		for (j = i; j > 0 && keys[j - 1] > k; j--) {
			keys[j] = keys[j - 1];
			idx[j] = idx[j - 1];
		}
		keys[j] = k;
		idx[j] = v;
	}
}

void snapshot_take(struct snapshot *s)
{
	s->id_mark = ledger.nr_objs;
	s->event_mark = ledger.nr_events;
	s->hold_mark = 0;
	s->counts_no = 0;
}

void snapshot_take_counts(struct snapshot *s)
{
	size_t i;

	snapshot_take(s);
	ledger.counts = grow(ledger.counts, &ledger.cap_counts, ledger.nr_holds,
			     sizeof(*ledger.counts));
	for (i = 0; i < ledger.nr_holds; i++)
		ledger.counts[i] = ledger.holds[i].n;
	s->hold_mark = ledger.nr_holds;
	s->counts_no = ++ledger.nr_counts;
}

void snapshot_free(struct snapshot *s)
{
	(void)s;
}

/* Add @delta to entry @i's net change, listing it the first time this call touches it. */
static void diff_add(unsigned int i, int delta, unsigned int *touched, size_t *nt)
{
	struct hold *h = &ledger.holds[i];

	if (h->diff_no != ledger.nr_diffs) {
		h->diff_no = ledger.nr_diffs;
		h->diff_sum = 0;
		touched[(*nt)++] = i;
	}
	h->diff_sum += delta;
}

/*
 * Every change of a holding goes through hold_get, hold_put or hold_move,
 * each logged with its hold entry: the net change since @before is the sum
 * of the events after its mark per entry, or, where @before kept the counts,
 * each entry's count now less its count then (0 for an entry made since).
 * Reported in (object, owner, type) order.
 */
void snapshot_diff(const struct snapshot *before, hold_keep_fn keep, hold_diff_fn fn,
		   void *arg)
{
	bool counts = before->counts_no && before->counts_no == ledger.nr_counts;
	size_t i, n = 0, nt = 0;
	size_t ne = counts ? ledger.nr_holds + 1 :
		    2 * (ledger.nr_events - before->event_mark) + 1;
	const struct ledger_event *e;
	unsigned int *touched;
	uint64_t *keys;

	/* one entry per touch at most, then a key each; storage kept, as the ledger's */
	ledger.scratch = grow(ledger.scratch, &ledger.cap_scratch,
			      ne * (sizeof(*touched) + sizeof(*keys)), 1);
	keys = ledger.scratch;
	touched = (unsigned int *)(keys + ne);
	ledger.nr_diffs++;
	for (i = 0; counts && i < ledger.nr_holds; i++) {
		struct hold *h = &ledger.holds[i];
		int delta = h->n - (i < before->hold_mark ? ledger.counts[i] : 0);

		if (!delta)
			continue;
		h->diff_no = ledger.nr_diffs;
		h->diff_sum = delta;
		touched[nt++] = (unsigned int)i;
	}
	for (i = before->event_mark; !counts && i < ledger.nr_events; i++) {
		e = &ledger.events[i];
		if (e->op == LOP_GET) {
			diff_add(e->hold, e->n, touched, &nt);
		} else if (e->op == LOP_PUT) {
			diff_add(e->hold, -1, touched, &nt);
		} else if (e->op == LOP_MOVE) {
			diff_add(e->from_hold, -1, touched, &nt);
			diff_add(e->hold, 1, touched, &nt);
		}
	}
	/* each entry with a net change that @keep takes once, in (object, owner, type) order */
	for (i = 0; i < nt; i++) {
		const struct hold *h = &ledger.holds[touched[i]];

		if (h->diff_sum && (!keep || keep(h, h->diff_sum, arg)))
			touched[n++] = touched[i];
	}
	sort_holds(touched, keys, n);
	for (i = 0; i < n; i++)
		fn(&ledger.holds[touched[i]], ledger.holds[touched[i]].diff_sum, arg);
}
