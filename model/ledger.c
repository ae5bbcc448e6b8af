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
 * Back to an empty ledger with no storage at all, so that every scenario
 * runs the same code from the same state (fuzzers measure that).
 */
void ledger_reset(void)
{
	unsigned long epoch = ledger.epoch + 1;
	size_t i;

	for (i = 0; i < ledger.nr_objs; i++)
		free(ledger.objs[i]);
	free(ledger.objs);
	free(ledger.holds);
	free(ledger.index);
	free(ledger.events);
	free(ledger.scratch);
	memset(&ledger, 0, sizeof(ledger));
	ledger.cur_label = L_none;
	ledger.epoch = epoch;
}

static struct ledger_event *log_event_from(enum ledger_op op, struct kobj *o,
					   struct kobj *from, struct kobj *owner,
					   enum hold_type t)
{
	struct ledger_event *e;

	ledger.events = grow(ledger.events, &ledger.cap_events,
			     ledger.nr_events + 1, sizeof(*ledger.events));
	e = &ledger.events[ledger.nr_events++];
	e->op = op;
	e->type = t;
	e->label = ledger.cur_label;
	e->site = ledger.cur_site;
	e->obj = o;
	e->from = from;
	e->owner = owner;
	e->hold = e->from_hold = 0;
	return e;
}

static struct ledger_event *log_event(enum ledger_op op, struct kobj *o,
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
	struct kobj *o = calloc(1, size);

	if (!o) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	ledger.objs = grow(ledger.objs, &ledger.cap_objs, ledger.nr_objs + 1,
			   sizeof(*ledger.objs));
	ledger.objs[ledger.nr_objs++] = o;
	o->id = ledger.nr_objs;
	o->kind = kind;
	o->prev_of_kind = ledger.newest_of_kind[kind];
	ledger.newest_of_kind[kind] = o->id;
	ledger.live[kind]++;
	log_event(LOP_ALLOC, o, NULL, HOLD_REF);
	return o;
}

void kobj_free(struct kobj *o)
{
	char b[48];
	int t;

	if (mutant_drops_release(o->kind))
		return;
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
	o->freed = true;
	ledger.live[o->kind]--;
	log_event(LOP_FREE, o, NULL, HOLD_REF);
}

/*
 * Holds are found through an open-addressing index keyed by (object, owner,
 * type). An entry whose count drops to zero stays, with n == 0, until the
 * ledger is reset: iterations over ledger.holds skip those.
 */
static size_t hold_slot(const struct kobj *o, const struct kobj *owner, int t)
{
	/* ids, not addresses: the same scenario probes the same slots every run */
	uint64_t k = (uint64_t)o->id * 0x9e3779b97f4a7c15ULL ^
		     (uint64_t)(owner ? owner->id : 0) * 0xc2b2ae3d27d4eb4fULL ^
		     (uint64_t)t;

	return (size_t)(k ^ k >> 29) & (ledger.cap_index - 1);
}

static void index_insert(size_t i)
{
	const struct hold *h = &ledger.holds[i];
	size_t s = hold_slot(h->obj, h->owner, h->type);

	while (ledger.index[s])
		s = (s + 1) & (ledger.cap_index - 1);
	ledger.index[s] = (unsigned int)i + 1;
}

static void index_grow(void)
{
	size_t i;

	free(ledger.index);
	ledger.cap_index = ledger.cap_index ? ledger.cap_index * 2 : 256;
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

	if (!ledger.cap_index)
		return NULL;
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

static unsigned int add_hold(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	struct hold *h;
	size_t s;

	if (!ledger.cap_index)
		index_grow();
	for (s = hold_slot(o, owner, t); ledger.index[s];
	     s = (s + 1) & (ledger.cap_index - 1)) {
		h = &ledger.holds[ledger.index[s] - 1];
		if (h->obj == o && h->owner == owner && h->type == t) {
			h->n++;
			return ledger.index[s] - 1;
		}
	}
	ledger.holds = grow(ledger.holds, &ledger.cap_holds,
			    ledger.nr_holds + 1, sizeof(*ledger.holds));
	h = &ledger.holds[ledger.nr_holds++];
	h->obj = o;
	h->owner = owner;
	h->type = t;
	h->n = 1;
	h->next_owned = 0;
	if (owner) {
		h->next_owned = owner->owned;
		owner->owned = (unsigned int)ledger.nr_holds;
	}
	if (2 * ledger.nr_holds > ledger.cap_index)
		index_grow();
	else
		index_insert(ledger.nr_holds - 1);
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

void hold_get(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	struct ledger_event *e;
	char b[48], c[48];

	if (o->freed) {
		ledger_violation(V_use_after_free, o->kind,
				 "%s taken on freed %s by %s", hold_names[t],
				 kobj_str(o, b, sizeof(b)),
				 kobj_str(owner, c, sizeof(c)));
		return;
	}
	o->cnt[t]++;
	e = log_event(LOP_GET, o, owner, t);
	e->hold = add_hold(o, owner, t);
	touch_owner(owner, t, 1);
}

bool hold_put(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	struct hold *h;
	char b[48], c[48];

	if (t != HOLD_LOCK && mutant_drops_release(o->kind))
		return false;
	h = find_hold(o, owner, t);
	if (!h) {
		ledger_violation(t == HOLD_LOCK ? V_unlock_not_held :
				 V_put_without_get, o->kind,
				 "%s %s of %s by %s, which holds none%s",
				 t == HOLD_LOCK ? "release" : "put",
				 hold_names[t], kobj_str(o, b, sizeof(b)),
				 kobj_str(owner, c, sizeof(c)),
				 o->freed ? " (object already freed)" : "");
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
	char b[48], c[48];

	if (!h) {
		ledger_violation(V_put_without_get, o->kind,
				 "%s of %s handed on by %s, which holds none",
				 hold_names[t], kobj_str(o, b, sizeof(b)),
				 kobj_str(from, c, sizeof(c)));
		return;
	}
	remove_hold(h);
	e = log_event_from(LOP_MOVE, o, from, to, t);
	e->from_hold = (unsigned int)(h - ledger.holds);
	e->hold = add_hold(o, to, t);
	touch_owner(to, t, 1);
}

static unsigned int owner_id(const struct kobj *o)
{
	return o ? o->id : 0;
}

static int cmp_hold(const void *a, const void *b)
{
	const struct hold *x = &ledger.holds[*(const unsigned int *)a];
	const struct hold *y = &ledger.holds[*(const unsigned int *)b];

	if (x->obj->id != y->obj->id)
		return x->obj->id < y->obj->id ? -1 : 1;
	if (owner_id(x->owner) != owner_id(y->owner))
		return owner_id(x->owner) < owner_id(y->owner) ? -1 : 1;
	return (int)x->type - (int)y->type;
}

void snapshot_take(struct snapshot *s)
{
	s->id_mark = ledger.nr_objs;
	s->event_mark = ledger.nr_events;
}

void snapshot_free(struct snapshot *s)
{
	(void)s;
}

/*
 * Every change of a holding goes through hold_get, hold_put or hold_move,
 * each logged with its hold entry: the net change since @before is the sum
 * of the events after its mark per entry, reported in (object, owner, type)
 * order.
 */
void snapshot_diff(const struct snapshot *before, hold_diff_fn fn, void *arg)
{
	size_t i, n = 0, nt = 0, nr = ledger.nr_holds + 1;
	size_t ne = 2 * (ledger.nr_events - before->event_mark) + 1;
	const struct ledger_event *e;
	unsigned int *touched;
	unsigned char *listed;
	int *acc;

	/* storage kept until the reset: only the entries the events name are touched */
	ledger.scratch = grow(ledger.scratch, &ledger.cap_scratch,
				   nr * sizeof(*acc) + ne * sizeof(*touched) + nr, 1);
	acc = ledger.scratch;
	touched = (unsigned int *)(acc + nr);
	listed = (unsigned char *)(touched + ne);
	for (i = before->event_mark; i < ledger.nr_events; i++) {
		e = &ledger.events[i];
		if (e->op == LOP_GET || e->op == LOP_PUT || e->op == LOP_MOVE) {
			acc[e->hold] = 0;
			listed[e->hold] = 0;
			touched[nt++] = e->hold;
		}
		if (e->op == LOP_MOVE) {
			acc[e->from_hold] = 0;
			listed[e->from_hold] = 0;
			touched[nt++] = e->from_hold;
		}
	}
	for (i = before->event_mark; i < ledger.nr_events; i++) {
		e = &ledger.events[i];
		if (e->op == LOP_GET) {
			acc[e->hold]++;
		} else if (e->op == LOP_PUT) {
			acc[e->hold]--;
		} else if (e->op == LOP_MOVE) {
			acc[e->from_hold]--;
			acc[e->hold]++;
		}
	}
	/* each entry with a net change once, in (object, owner, type) order */
	for (i = 0; i < nt; i++) {
		if (!acc[touched[i]] || listed[touched[i]])
			continue;
		listed[touched[i]] = 1;
		touched[n++] = touched[i];
	}
	qsort(touched, n, sizeof(*touched), cmp_hold);
	for (i = 0; i < n; i++)
		fn(&ledger.holds[touched[i]], acc[touched[i]], arg);
}
