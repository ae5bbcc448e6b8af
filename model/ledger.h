/* SPDX-License-Identifier: GPL-2.0-only */
/* The ledger: every object, every reference and lock hold with its owner, and the violations seen. */
#ifndef CLONEFUZZ_LEDGER_H
#define CLONEFUZZ_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "vocab.h"

enum hold_type {
	HOLD_REF,		/* a reference count (usage, count, users, ...) */
	HOLD_PROCESSES,		/* a charge on user_struct->processes */
	HOLD_LIVE,		/* signal_struct->live */
	HOLD_LOCK,		/* a lock (tasklist_lock, siglock, rwsem) */
	NR_HOLDS
};

enum vtype {
#define VIOLATION(n, d) V_##n,
#include "violations.def"
#undef VIOLATION
	NR_VTYPES
};

extern const char *const hold_names[NR_HOLDS];
extern const char *const vtype_names[NR_VTYPES];

/* The header of every object the model allocates. */
struct kobj {
	unsigned int id;	/* creation order, never reused within a scenario */
	unsigned char kind;	/* enum kind */
	bool freed;		/* freed objects stay allocated until reset */
	bool persistent;	/* a documented side effect that outlives a failed call */
	bool reported;		/* an oracle already named it; later checks stay quiet */
	int cnt[NR_HOLDS];	/* the kernel's counters, kept by the ledger */
	unsigned int owned;	/* newest hold entry it owns, index + 1; 0: none */
	unsigned int owned_gen;	/* bumped by every change of a hold it owns */
	unsigned int prev_of_kind;	/* id of the previous object of its kind; 0: none */
	unsigned int size;	/* bytes allocated for it, header included */
};

struct hold {
	struct kobj *obj;
	struct kobj *owner;
	unsigned char type;	/* enum hold_type */
	int n;
	unsigned int next_owned;	/* the owner's previous entry, index + 1; 0: none */
	unsigned int diff_no;	/* snapshot_diff(): the call that last summed it */
	int diff_sum;		/* and the net change it found */
	unsigned int slot;	/* its place in the index, until the index grows */
};

enum ledger_op { LOP_ALLOC, LOP_FREE, LOP_GET, LOP_PUT, LOP_MOVE };

struct ledger_event {
	unsigned char op;	/* enum ledger_op */
	unsigned char type;	/* enum hold_type */
	unsigned char label;	/* enum label_id in force when it happened */
	unsigned char site;	/* the last fallible step passed before it (SITE_*) */
	struct kobj *obj;
	struct kobj *from;	/* LOP_MOVE: the owner it came from */
	struct kobj *owner;	/* the owner after the event */
	unsigned int hold;	/* GET, PUT, MOVE: index of the hold entry changed */
	unsigned int from_hold;	/* MOVE: index of the entry it left */
	int n;			/* GET: how many it took (hold_get_many); else 1 */
};

#define MAX_VIOLATIONS 16

struct violation {
	unsigned char type;	/* enum vtype */
	unsigned char kind;	/* enum kind it concerns, or NR_KINDS */
	unsigned char label;	/* the unwind label in force when it was seen, or L_none */
	unsigned char site;	/* the step that failed in the call, or SITE_none */
	char msg[192];
};

struct ledger {
	struct kobj **objs;	/* every object of the scenario, by id - 1 */
	size_t nr_objs, cap_objs;
	struct hold *holds;	/* entries with n == 0 were released: skip them */
	size_t nr_holds, cap_holds;
	unsigned int *index;	/* hold index + 1 by hash of (obj, owner, type) */
	size_t cap_index;
	unsigned int index_shift;	/* 64 - log2(cap_index): the hash's top bits are the slot */
	struct ledger_event *events;	/* since ledger_mark_events() */
	size_t nr_events, cap_events;
	unsigned char cur_label;
	unsigned char cur_site;	/* the last fallible step passed */
	unsigned char failed_site;	/* the step that failed in this call, or SITE_none */
	struct violation v[MAX_VIOLATIONS];
	size_t nr_v;		/* may exceed MAX_VIOLATIONS: only the first are kept */
	unsigned long live[NR_KINDS];
	unsigned int newest_of_kind[NR_KINDS];	/* id of the last object of each kind; 0: none */
	size_t nr_locks;	/* lock holds taken and not yet dropped */
	unsigned long epoch;	/* counts ledger_reset(): a new scenario, ids start again */
	unsigned int nr_diffs;	/* snapshot_diff() calls this scenario */
	void *scratch;		/* snapshot_diff()'s working storage */
	int *counts;		/* snapshot_take_counts(): each entry's count then */
	size_t cap_counts;
	unsigned int nr_counts;	/* snapshot_take_counts() calls this scenario */
	size_t cap_scratch;
	char *arena;		/* objects, in creation order; kept from one scenario to the next */
	size_t arena_used;
};

extern struct ledger ledger;

/* Empty the ledger; also makes its storage, before the first scenario. */
void ledger_reset(void);

void *kobj_alloc(enum kind kind, size_t size);
/*
 * The object whose allocation holds @addr (a member's address), or NULL:
 * how kernel code compiled against the shims, which names a counter or a
 * lock by its address, reaches the ledger.
 */
struct kobj *ledger_obj_at(const void *addr);
void kobj_free(struct kobj *o);
void hold_get(struct kobj *o, struct kobj *owner, enum hold_type t);
/* @n holds at once, one event: charges taken in bulk (the world's outside processes). */
void hold_get_many(struct kobj *o, struct kobj *owner, enum hold_type t, int n);
bool hold_put(struct kobj *o, struct kobj *owner, enum hold_type t);
void hold_move(struct kobj *o, struct kobj *from, struct kobj *to, enum hold_type t);
int hold_count(const struct kobj *o, const struct kobj *owner, enum hold_type t);
void ledger_violation(enum vtype t, int kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *kobj_str(const struct kobj *o, char *buf, size_t len);

/* A frozen copy of the ledger, to compare a call's effect. */
struct snapshot {
	unsigned int id_mark;	/* objects with a larger id were created later */
	size_t event_mark;	/* ledger events after this index came later */
	size_t hold_mark;	/* snapshot_take_counts(): the hold entries then */
	unsigned int counts_no;	/* and which copy of their counts is its; 0: none */
};

void snapshot_take(struct snapshot *s);
/*
 * snapshot_take(), and every hold entry's count as it stands, so that the
 * diff against it walks the entries rather than the events since: for the
 * long stretch of a whole scenario. The ledger keeps one such copy: a diff
 * against an older one walks the events, as after snapshot_take().
 */
void snapshot_take_counts(struct snapshot *s);
void snapshot_free(struct snapshot *s);

/*
 * Holdings differing between @before and now: @fn per difference that
 * @keep takes (every one if @keep is NULL), in (object, owner, type) order.
 * Only what @keep takes is sorted: a filter that says which differences
 * would be reported spares the sort when none would.
 */
typedef void (*hold_diff_fn)(const struct hold *h, int delta, void *arg);
typedef bool (*hold_keep_fn)(const struct hold *h, int delta, void *arg);
void snapshot_diff(const struct snapshot *before, hold_keep_fn keep, hold_diff_fn fn,
		   void *arg);

/* The hold entries @owner has ever had, newest first (n == 0: released since). */
static inline const struct hold *owned_first(const struct kobj *owner)
{
	return owner->owned ? &ledger.holds[owner->owned - 1] : NULL;
}

static inline const struct hold *owned_next(const struct hold *h)
{
	return h->next_owned ? &ledger.holds[h->next_owned - 1] : NULL;
}

/* The objects of @kind, newest first, freed ones included: ledger_kind_first(KIND_pid) ... */
static inline struct kobj *ledger_kind_first(enum kind kind)
{
	unsigned int id = ledger.newest_of_kind[kind];

	return id ? ledger.objs[id - 1] : NULL;
}

static inline struct kobj *ledger_kind_next(const struct kobj *o)
{
	return o->prev_of_kind ? ledger.objs[o->prev_of_kind - 1] : NULL;
}

static inline void get_ref(struct kobj *o, struct kobj *owner)
{
	hold_get(o, owner, HOLD_REF);
}

static inline bool put_ref(struct kobj *o, struct kobj *owner)
{
	return hold_put(o, owner, HOLD_REF);
}

static inline void lock_take(struct kobj *o, struct kobj *owner)
{
	hold_get(o, owner, HOLD_LOCK);
}

static inline void lock_drop(struct kobj *o, struct kobj *owner)
{
	hold_put(o, owner, HOLD_LOCK);
}

#endif
