/* SPDX-License-Identifier: GPL-2.0-only */
/* Counter and lock operations of kernel code compiled against the shims, carried to the ledger by the member's address. */
#ifndef CLONEFUZZ_SHIM_OPS_H
#define CLONEFUZZ_SHIM_OPS_H

#include <stdbool.h>

#include "world.h"
#include "shim/cleanup.h"
#include "shim/sync.h"

/*
 * The task copy_process() is building: what the shims take for the code
 * (a reference by refcount_inc(), a charge by atomic_inc()) is held by it.
 * model: one copy_process() at a time; the entry sets it and clears it.
 * Locks are held by current, as the mirrors hold them.
 */
extern struct task_struct *shim_child;

/*
 * The hold a counter member stands for: by the kind of the object holding
 * @counter and the member's offset in it (model/shim/counters.def); a
 * counter no row names is a reference count (HOLD_REF).
 */
int shim_counter_hold(const struct kobj *o, const void *counter);

void shim_get(const void *counter);
bool shim_put(const void *counter);	/* true when the count reaches 0 */
int shim_count(const void *counter);
void shim_set(const void *counter, int n);
void shim_lock(const void *lock);
void shim_unlock(const void *lock);

#define refcount_set(r, n)		shim_set((r), (n))
#define refcount_read(r)		shim_count(r)
#define refcount_inc(r)			shim_get(r)
#define refcount_dec_and_test(r)	shim_put(r)
#define atomic_set(a, n)		shim_set((a), (n))
#define atomic_read(a)			shim_count(a)
#define atomic_inc(a)			shim_get(a)
#define atomic_dec_and_test(a)		shim_put(a)

#define spin_lock(l)			shim_lock(l)
#define spin_unlock(l)			shim_unlock(l)
#define spin_lock_irq(l)		shim_lock(l)
#define spin_unlock_irq(l)		shim_unlock(l)
#define write_lock_irq(l)		shim_lock(l)
#define write_unlock_irq(l)		shim_unlock(l)
#define mutex_lock(m)			shim_lock(m)
#define mutex_unlock(m)			shim_unlock(m)
/* 7.x: a seqlock's writer-excluding reader takes its spinlock (fs->seq guards what fs->lock did). */
#define read_seqlock_excl(sl)		shim_lock(sl)
#define read_sequnlock_excl(sl)		shim_unlock(sl)

DEFINE_GUARD(spinlock_irq, spinlock_t *, spin_lock_irq(_T), spin_unlock_irq(_T))

#endif
