// SPDX-License-Identifier: GPL-2.0-only
/* Pid numbers and struct pid lifetimes shared by the modelled versions (kernel/pid.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsproxy.h"
#include "pid.h"
#include "profile.h"
#include "world.h"

static unsigned int nr_hash(int nr)
{
	return ((unsigned int)nr * 0x9e3779b1u >> 7) & (PIDNS_SLOTS - 1);
}

/* The slot holding @nr, or the empty one ending its probe sequence. */
static int *nr_slot(struct pid_namespace *ns, int nr)
{
	unsigned int s;

	for (s = nr_hash(nr); ns->nr_slot[s] && ns->nr_slot[s] != nr;
	     s = (s + 1) & (PIDNS_SLOTS - 1))
		;
	return &ns->nr_slot[s];
}

/* Drop the deleted slots: every number placed again. */
static void nr_rehash(struct pid_namespace *ns)
{
	int keep[PIDNS_SLOTS], n = 0, i;

	for (i = 0; i < PIDNS_SLOTS; i++)
		if (ns->nr_slot[i] > 0)
			keep[n++] = ns->nr_slot[i];
	if (4 * (n + 1) > 3 * PIDNS_SLOTS) {
		fprintf(stderr, "clonefuzz: more pids in one namespace than the model holds (%d)\n", n);
		abort();
	}
	memset(ns->nr_slot, 0, sizeof(ns->nr_slot));
	ns->nr_slots_taken = n;
	for (i = 0; i < n; i++)
		*nr_slot(ns, keep[i]) = keep[i];
}

static void nr_take(struct pid_namespace *ns, int nr)
{
	unsigned int s;

	if (4 * (ns->nr_slots_taken + 1) > 3 * PIDNS_SLOTS)
		nr_rehash(ns);
	/* the caller made sure @nr is free: the first empty or deleted slot takes it */
	for (s = nr_hash(nr); ns->nr_slot[s] > 0; s = (s + 1) & (PIDNS_SLOTS - 1))
		;
	if (!ns->nr_slot[s])
		ns->nr_slots_taken++;
	ns->nr_slot[s] = nr;
}

bool pid_nr_used(struct pid_namespace *ns, int nr)
{
	return nr > 0 && *nr_slot(ns, nr) == nr;
}

/*
 * alloc_pidmap: the next free number after last_pid, wrapping.
 * model: a number is free when the namespace's set of numbers in use lacks
 * it (no bitmap pages), and the wrap restarts at 1 rather than RESERVED_PIDS.
 */
int alloc_pidmap(struct pid_namespace *ns)
{
	int nr = ns->last_pid, tries;

	for (tries = 1; tries < ns->pid_max; tries++) {
		if (++nr >= ns->pid_max)
			nr = 1;
		if (!pid_nr_used(ns, nr)) {
			ns->last_pid = nr;
			ns->pid_allocated++;
			nr_take(ns, nr);
			return nr;
		}
	}
	return -1;
}

void free_pidmap(struct upid *upid)
{
	int *slot;

	if (upid->nr > 0) {
		slot = nr_slot(upid->ns, upid->nr);
		if (*slot == upid->nr)
			*slot = -1;
	}
	upid->ns->pid_allocated--;
	upid->nr = 0;
}

void put_pid(struct pid *pid, struct kobj *owner)
{
	struct pid_namespace *ns;

	if (!pid)
		return;
	ns = pid->numbers[pid->level].ns;
	if (put_ref(&pid->obj, owner)) {
		kobj_free(&pid->obj);
		put_pid_ns(ns, &pid->obj);
	}
}

void free_pid(struct pid *pid, struct kobj *owner)
{
	int i;

	for (i = 0; i <= pid->level; i++) {
		struct pid_namespace *ns = pid->numbers[i].ns;

		/*
		 * 3.x+: when the first process of a new namespace fails to
		 * fork, the namespace stops accepting new pids.
		 */
		if (profile->kv >= KV(3, 8, 0) && pidns_count(ns) == 1 &&
		    !ns->child_reaper && ns->level > 0)
			ns->pid_allocated &= ~PIDNS_ADDING;
		free_pidmap(pid->numbers + i);
	}
	/* call_rcu(delayed_put_pid); model: at once */
	put_pid(pid, owner);
}

int pid_nr_ns(struct pid *pid, struct pid_namespace *ns)
{
	if (pid && ns->level <= pid->level && pid->numbers[ns->level].ns == ns)
		return pid->numbers[ns->level].nr;
	return 0;
}

/* Every number 1..pid_max - 1 of @ns is in use. */
bool pidmap_full(struct pid_namespace *ns)
{
	return pidns_count(ns) >= ns->pid_max - 1;
}

/* idr_alloc(nr, nr + 1): exactly @nr, or -1 when it is taken. */
int alloc_pidmap_nr(struct pid_namespace *ns, int nr)
{
	if (pid_nr_used(ns, nr))
		return -1;
	ns->pid_allocated++;
	nr_take(ns, nr);
	return nr;
}
