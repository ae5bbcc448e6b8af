/* SPDX-License-Identifier: GPL-2.0-only */
/* Counter, list, lock, wait, RCU, per-CPU and bit types for a source profile, with their initialisers: storage only, nothing is taken. */
#ifndef CLONEFUZZ_SHIM_SYNC_H
#define CLONEFUZZ_SHIM_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "shim/compiler.h"
#include "shim/consts.h"

/* Counters: types only; reading or changing them is the world's business. */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	int64_t counter;
} atomic64_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

/* Doubly linked lists. */
struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct hlist_head {
	struct hlist_node *first;
};

/* What list_del() leaves in an entry: x86-64's non-canonical poison, so a later use faults. */
#define POISON_POINTER_DELTA	0xdead000000000000UL
#define LIST_POISON1		((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2		((void *)(0x122 + POISON_POINTER_DELTA))

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)
#define HLIST_HEAD_INIT		{ .first = NULL }
#define HLIST_HEAD(name)	struct hlist_head name = HLIST_HEAD_INIT

#define list_entry(ptr, type, member)		container_of(ptr, type, member)
#define list_first_entry(head, type, member)	list_entry((head)->next, type, member)
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*(pos)), member);	\
	     &(pos)->member != (head);					\
	     pos = list_next_entry(pos, member))

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline bool list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

/* Link @entry between two neighbours. */
static inline void shim_list_link(struct list_head *entry, struct list_head *prev,
				  struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	prev->next = entry;
}

static inline void shim_list_unlink(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
}

/*
 * model: a list head in an object the model made (a world task's children,
 * its signal's thread_head) was zeroed, never initialised by kernel code:
 * it starts empty at its first use. Freed objects keep their memory until
 * the scenario ends, so an entry left on a list by a task the model
 * reaped is written to harmlessly.
 */
static inline struct list_head *shim_list_head(struct list_head *head)
{
	if (!head->next)
		INIT_LIST_HEAD(head);
	return head;
}

static inline void list_add(struct list_head *entry, struct list_head *head)
{
	shim_list_link(entry, shim_list_head(head), head->next);
}

static inline void list_add_tail(struct list_head *entry, struct list_head *head)
{
	shim_list_link(entry, shim_list_head(head)->prev, head);
}

static inline void list_del(struct list_head *entry)
{
	shim_list_unlink(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

static inline void list_del_init(struct list_head *entry)
{
	shim_list_unlink(entry);
	INIT_LIST_HEAD(entry);
}

/* model: no concurrent readers, so the RCU list variants are the plain ones. */
#define list_add_rcu(entry, head)	list_add(entry, head)
#define list_add_tail_rcu(entry, head)	list_add_tail(entry, head)
#define list_del_rcu(entry)		list_del(entry)

static inline void INIT_HLIST_HEAD(struct hlist_head *head)
{
	head->first = NULL;
}

static inline void INIT_HLIST_NODE(struct hlist_node *node)
{
	node->next = NULL;
	node->pprev = NULL;
}

static inline bool hlist_unhashed(const struct hlist_node *node)
{
	return !node->pprev;
}

static inline bool hlist_empty(const struct hlist_head *head)
{
	return !READ_ONCE(head->first);
}

static inline void hlist_add_head(struct hlist_node *node, struct hlist_head *head)
{
	struct hlist_node *first = head->first;

	node->next = first;
	if (first)
		first->pprev = &node->next;
	head->first = node;
	node->pprev = &head->first;
}

static inline void shim_hlist_unlink(struct hlist_node *node)
{
	*node->pprev = node->next;
	if (node->next)
		node->next->pprev = node->pprev;
}

static inline void hlist_del(struct hlist_node *node)
{
	shim_hlist_unlink(node);
	node->next = LIST_POISON1;
	node->pprev = LIST_POISON2;
}

static inline void hlist_del_init(struct hlist_node *node)
{
	if (hlist_unhashed(node))
		return;
	shim_hlist_unlink(node);
	INIT_HLIST_NODE(node);
}

#define hlist_add_head_rcu(node, head)	hlist_add_head(node, head)
#define hlist_del_rcu(node)		hlist_del(node)
#define hlist_del_init_rcu(node)	hlist_del_init(node)

/*
 * Locks as storage. model: the lock word is never taken here; taking and
 * dropping a lock is the ledger's (HOLD_LOCK), done where the lock calls are.
 */
typedef struct raw_spinlock {
	unsigned int locked;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

typedef struct {
	unsigned int cnts;
} rwlock_t;

struct mutex {
	atomic_long_t owner;
};

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
};

typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;

/* model: the kernel's seqcount_spinlock_t, without the lockdep pointer to its lock. */
typedef struct {
	seqcount_t seqcount;
	spinlock_t lock;
} seqlock_t;

static inline void raw_spin_lock_init(raw_spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock_init(spinlock_t *lock)
{
	raw_spin_lock_init(&lock->rlock);
}

static inline void rwlock_init(rwlock_t *lock)
{
	lock->cnts = 0;
}

static inline void mutex_init(struct mutex *lock)
{
	lock->owner.counter = 0;
}

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count.counter = 0;
	sem->owner.counter = 0;
}

static inline void seqcount_init(seqcount_t *s)
{
	s->sequence = 0;
}

static inline void seqlock_init(seqlock_t *sl)
{
	seqcount_init(&sl->seqcount);
	spin_lock_init(&sl->lock);
}

/* Wait queues, completions, deferred work: storage and initialisers, nothing ever waits. */
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

/* model: the kernel's completion waits on a simple wait queue; a plain one holds the same. */
struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

static inline void init_waitqueue_head(wait_queue_head_t *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void INIT_WORK(struct work_struct *work, work_func_t func)
{
	work->data.counter = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}

/* RCU: the callback head and the pointer accessors. */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

#define rcu_read_lock()				do { } while (0)
#define rcu_read_unlock()			do { } while (0)
#define rcu_dereference(p)			READ_ONCE(p)
#define rcu_dereference_raw(p)			READ_ONCE(p)
#define rcu_access_pointer(p)			READ_ONCE(p)
#define rcu_dereference_check(p, c)		({ (void)(0 && (c)); READ_ONCE(p); })
#define rcu_dereference_protected(p, c)		({ (void)(0 && (c)); (p); })
#define rcu_assign_pointer(p, v)		WRITE_ONCE(p, v)
#define RCU_INIT_POINTER(p, v)			WRITE_ONCE(p, v)

/* Per-CPU variables. model: one CPU, so a per-CPU variable is a plain one. */
#define DEFINE_PER_CPU(type, name)		type name
#define DECLARE_PER_CPU(type, name)		extern type name
#define per_cpu(var, cpu)			(*((void)(cpu), &(var)))
#define per_cpu_ptr(ptr, cpu)			((void)(cpu), (ptr))
#define this_cpu_ptr(ptr)			(ptr)
#define __this_cpu_read(var)			(var)
#define __this_cpu_write(var, val)		do { (var) = (val); } while (0)
#define __this_cpu_add(var, n)			do { (var) += (n); } while (0)
#define __this_cpu_sub(var, n)			do { (var) -= (n); } while (0)
#define __this_cpu_inc(var)			__this_cpu_add(var, 1)
#define __this_cpu_dec(var)			__this_cpu_sub(var, 1)
#define this_cpu_read(var)			__this_cpu_read(var)
#define this_cpu_write(var, val)		__this_cpu_write(var, val)
#define this_cpu_add(var, n)			__this_cpu_add(var, n)
#define this_cpu_inc(var)			__this_cpu_inc(var)
#define this_cpu_dec(var)			__this_cpu_dec(var)

/* Bit operations on unsigned long arrays. model: one thread, so the atomic ones are the plain ones. */
static inline void __set_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline bool test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return addr[BIT_WORD(nr)] & BIT_MASK(nr);
}

#define set_bit(nr, addr)	__set_bit(nr, addr)
#define clear_bit(nr, addr)	__clear_bit(nr, addr)

#endif
