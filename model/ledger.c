// SPDX-License-Identifier: GPL-2.0-only
/* The ledger: object lifetimes, owned holds and the violation list the oracles read. */
#include <stdarg.h>
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

void ledger_reset(void)
{
	size_t i;

	for (i = 0; i < ledger.nr_objs; i++)
		free(ledger.objs[i]);
	ledger.nr_objs = 0;
	ledger.nr_holds = 0;
	ledger.nr_events = 0;
	ledger.nr_v = 0;
	ledger.cur_label = L_none;
	memset(ledger.live, 0, sizeof(ledger.live));
}

static void log_event(enum ledger_op op, struct kobj *o, struct kobj *owner,
		      enum hold_type t)
{
	struct ledger_event *e;

	ledger.events = grow(ledger.events, &ledger.cap_events,
			     ledger.nr_events + 1, sizeof(*ledger.events));
	e = &ledger.events[ledger.nr_events++];
	e->op = op;
	e->type = t;
	e->label = ledger.cur_label;
	e->obj = o;
	e->owner = owner;
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

static struct hold *find_hold(const struct kobj *o, const struct kobj *owner,
			      enum hold_type t)
{
	size_t i;

	for (i = 0; i < ledger.nr_holds; i++) {
		struct hold *h = &ledger.holds[i];

		if (h->obj == o && h->owner == owner && h->type == t)
			return h;
	}
	return NULL;
}

int hold_count(const struct kobj *o, const struct kobj *owner, enum hold_type t)
{
	const struct hold *h = find_hold(o, owner, t);

	return h ? h->n : 0;
}

static void add_hold(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	struct hold *h = find_hold(o, owner, t);

	if (!h) {
		ledger.holds = grow(ledger.holds, &ledger.cap_holds,
				    ledger.nr_holds + 1, sizeof(*ledger.holds));
		h = &ledger.holds[ledger.nr_holds++];
		h->obj = o;
		h->owner = owner;
		h->type = t;
		h->n = 0;
	}
	h->n++;
}

static void remove_hold(struct hold *h)
{
	if (--h->n)
		return;
	*h = ledger.holds[--ledger.nr_holds];
}

void hold_get(struct kobj *o, struct kobj *owner, enum hold_type t)
{
	char b[48], c[48];

	if (o->freed) {
		ledger_violation(V_use_after_free, o->kind,
				 "%s taken on freed %s by %s", hold_names[t],
				 kobj_str(o, b, sizeof(b)),
				 kobj_str(owner, c, sizeof(c)));
		return;
	}
	o->cnt[t]++;
	add_hold(o, owner, t);
	log_event(LOP_GET, o, owner, t);
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
	log_event(LOP_PUT, o, owner, t);
	return o->cnt[t] == 0;
}

void hold_move(struct kobj *o, struct kobj *from, struct kobj *to,
	       enum hold_type t)
{
	struct hold *h = find_hold(o, from, t);
	char b[48], c[48];

	if (!h) {
		ledger_violation(V_put_without_get, o->kind,
				 "%s of %s handed on by %s, which holds none",
				 hold_names[t], kobj_str(o, b, sizeof(b)),
				 kobj_str(from, c, sizeof(c)));
		return;
	}
	remove_hold(h);
	add_hold(o, to, t);
	log_event(LOP_MOVE, o, to, t);
}

static int cmp_hold(const void *a, const void *b)
{
	const struct hold *x = a, *y = b;

	if (x->obj->id != y->obj->id)
		return x->obj->id < y->obj->id ? -1 : 1;
	if (x->owner != y->owner) {
		unsigned int xi = x->owner ? x->owner->id : 0;
		unsigned int yi = y->owner ? y->owner->id : 0;

		return xi < yi ? -1 : 1;
	}
	return (int)x->type - (int)y->type;
}

void snapshot_take(struct snapshot *s)
{
	s->nr_holds = ledger.nr_holds;
	s->holds = malloc((ledger.nr_holds + 1) * sizeof(*s->holds));
	if (!s->holds) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		abort();
	}
	memcpy(s->holds, ledger.holds, ledger.nr_holds * sizeof(*s->holds));
	qsort(s->holds, s->nr_holds, sizeof(*s->holds), cmp_hold);
	s->id_mark = ledger.nr_objs;
	s->event_mark = ledger.nr_events;
}

void snapshot_free(struct snapshot *s)
{
	free(s->holds);
	s->holds = NULL;
	s->nr_holds = 0;
}

void snapshot_diff(const struct snapshot *before, hold_diff_fn fn, void *arg)
{
	struct snapshot now;
	size_t i = 0, j = 0;

	snapshot_take(&now);
	while (i < before->nr_holds || j < now.nr_holds) {
		const struct hold *a = i < before->nr_holds ? &before->holds[i] : NULL;
		const struct hold *b = j < now.nr_holds ? &now.holds[j] : NULL;
		int c = !a ? 1 : !b ? -1 : cmp_hold(a, b);

		if (c < 0) {
			fn(a, -a->n, arg);
			i++;
		} else if (c > 0) {
			fn(b, b->n, arg);
			j++;
		} else {
			if (a->n != b->n)
				fn(b, b->n - a->n, arg);
			i++;
			j++;
		}
	}
	snapshot_free(&now);
}
