// SPDX-License-Identifier: GPL-2.0-only
/* The shims' counter and lock operations: the member's address names the object, the table its hold, the ledger keeps it. */
#include <stdbool.h>
#include <stddef.h>

#include "fault.h"

#include "shim/ops.h"

struct task_struct *shim_child;

static const struct {
	int kind;
	size_t offset;
	int hold;
} counters[] = {
#define SHIM_COUNTER(k, member, h) { KIND_##k, offsetof(struct k, member), h },
#include "shim/counters.def"
	{ NR_KINDS, 0, HOLD_REF },
};

/* Plain counters under a lock: the lock's offset, the counter's, the hold. */
static const struct {
	int kind;
	size_t lock, counter;
	int hold;
} locked[] = {
#define SHIM_LOCKED_COUNTER(k, l, member, h) \
	{ KIND_##k, offsetof(struct k, l), offsetof(struct k, member), h },
#include "shim/counters.def"
	{ NR_KINDS, 0, 0, HOLD_REF },
};

/* Tests under a lock that are fault sites: the lock's offset, the bool's, the site. */
static struct {
	int kind;
	size_t lock, member;
	int site;
	bool saved;		/* the member's own value while the lock is held */
} tests[] = {
#define SHIM_LOCKED_TEST(k, l, m, s) \
	{ KIND_##k, offsetof(struct k, l), offsetof(struct k, m), SITE_##s, false },
#include "shim/counters.def"
	{ NR_KINDS, 0, 0, SITE_none, false },
};

/* The test under the lock at @lock in @o: its site passed (model_fail) when @taking. */
static void locked_test(struct kobj *o, const void *lock, bool taking)
{
	size_t off = (size_t)((const char *)lock - (const char *)o);
	bool *member;
	int i;

	for (i = 0; tests[i].kind != NR_KINDS; i++) {
		if (tests[i].kind != o->kind || tests[i].lock != off)
			continue;
		member = (bool *)((char *)o + tests[i].member);
		if (taking) {
			tests[i].saved = *member;
			*member = model_fail(tests[i].site, *member);
		} else {
			*member = tests[i].saved;
		}
	}
}

/* The row of locked[] for the lock at @lock in @o, or -1. */
static int locked_row(const struct kobj *o, const void *lock)
{
	size_t off = (size_t)((const char *)lock - (const char *)o);
	int i;

	for (i = 0; locked[i].kind != NR_KINDS; i++)
		if (locked[i].kind == o->kind && locked[i].lock == off)
			return i;
	return -1;
}

int shim_counter_hold(const struct kobj *o, const void *counter)
{
	size_t off = (size_t)((const char *)counter - (const char *)o), i;

	for (i = 0; counters[i].kind != NR_KINDS; i++)
		if (counters[i].kind == o->kind && counters[i].offset == off)
			return counters[i].hold;
	return HOLD_REF;
}

/* The object holding @p, or NULL after a shim_gap violation naming @what. */
static struct kobj *object_of(const void *p, const char *what)
{
	struct kobj *o = ledger_obj_at(p);

	if (!o)
		ledger_violation(V_shim_gap, NR_KINDS, "%s on %p, which no model object holds",
				 what, p);
	return o;
}

static struct kobj *child(void)
{
	return shim_child ? &shim_child->obj : NULL;
}

void shim_get(const void *counter)
{
	struct kobj *o = object_of(counter, "a count taken");

	if (o)
		hold_get(o, child(), shim_counter_hold(o, counter));
}

bool shim_put(const void *counter)
{
	struct kobj *o = object_of(counter, "a count dropped");
	int t;

	if (!o)
		return false;
	t = shim_counter_hold(o, counter);
	return hold_put(o, child(), t) && o->cnt[t] == 0;
}

int shim_count(const void *counter)
{
	struct kobj *o = object_of(counter, "a count read");

	return o ? o->cnt[shim_counter_hold(o, counter)] : 0;
}

/*
 * The kernel sets a new object's counter to what its creator holds: holds
 * of the task being built up to @n (the allocation's own reference counts).
 */
void shim_set(const void *counter, int n)
{
	struct kobj *o = object_of(counter, "a count set");
	int t;

	if (!o)
		return;
	t = shim_counter_hold(o, counter);
	if (o->cnt[t] < n)
		hold_get_many(o, child(), t, n - o->cnt[t]);
}

void shim_lock(const void *lock)
{
	struct kobj *o = object_of(lock, "a lock taken");
	int row;

	if (!o)
		return;
	lock_take(o, &current->obj);
	locked_test(o, lock, true);
	row = locked_row(o, lock);
	if (row >= 0)	/* what the lock guards starts from the ledger's count */
		*(int *)((char *)o + locked[row].counter) = o->cnt[locked[row].hold];
}

void shim_unlock(const void *lock)
{
	struct kobj *o = object_of(lock, "a lock released");
	int row, n;

	if (!o)
		return;
	row = locked_row(o, lock);
	if (row >= 0) {
		/* the change made under the lock, as holds of the task being built */
		n = *(int *)((char *)o + locked[row].counter) - o->cnt[locked[row].hold];
		if (n > 0)
			hold_get_many(o, child(), locked[row].hold, n);
		while (n++ < 0)
			hold_put(o, child(), locked[row].hold);
	}
	locked_test(o, lock, false);
	lock_drop(o, &current->obj);
}
