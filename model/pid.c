// SPDX-License-Identifier: GPL-2.0-only
/* Pid numbers and struct pid lifetimes shared by the modelled versions (kernel/pid.c). */
#include "nsproxy.h"
#include "pid.h"
#include "profile.h"
#include "world.h"

bool pid_nr_used(struct pid_namespace *ns, int nr)
{
	struct kobj *o;

	for (o = ledger_kind_first(KIND_pid); o; o = ledger_kind_next(o)) {
		const struct pid *pid = (const struct pid *)o;

		if (o->freed)
			continue;
		if (pid->level >= ns->level &&
		    pid->numbers[ns->level].ns == ns &&
		    pid->numbers[ns->level].nr == nr)
			return true;
	}
	return false;
}

/*
 * alloc_pidmap: the next free number after last_pid, wrapping.
 * model: numbers are found by scanning the live pids, not a bitmap, and the
 * wrap restarts at 1 rather than RESERVED_PIDS.
 */
int alloc_pidmap(struct pid_namespace *ns)
{
	int nr = ns->last_pid, tries;

	for (tries = 1; tries < ns->pid_max; tries++) {
		if (++nr >= ns->pid_max)
			nr = 1;
		if (!pid_nr_used(ns, nr)) {
			ns->last_pid = nr;
			ns->nr_allocated++;
			return nr;
		}
	}
	return -1;
}

void free_pidmap(struct upid *upid)
{
	upid->ns->nr_allocated--;
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
		if (profile->kv >= KV(3, 8, 0) && ns->nr_allocated == 1 &&
		    !ns->child_reaper && ns->level > 0)
			ns->adding = false;
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
	return ns->nr_allocated >= ns->pid_max - 1;
}

/* idr_alloc(nr, nr + 1): exactly @nr, or -1 when it is taken. */
int alloc_pidmap_nr(struct pid_namespace *ns, int nr)
{
	if (pid_nr_used(ns, nr))
		return -1;
	ns->nr_allocated++;
	return nr;
}
