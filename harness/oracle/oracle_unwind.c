// SPDX-License-Identifier: GPL-2.0-only
/* Unwind symmetry, checked as a failing call enters each label: what the labels above released, and in which order. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fault.h"
#include "oracle.h"
#include "world.h"

#define MAX_ACQ 512

/* One reference the failing child took, by event index, until it is put. */
struct acq {
	struct kobj *obj;
	unsigned char type;
	size_t at;		/* event index of the get */
	bool released;
};

static struct unwind_state {
	bool active;
	size_t event_mark, scanned;
	unsigned int id_mark;
	unsigned long long flags;
	struct kobj *child;
	int nr_acq;
	int pos;		/* ladder position of the label being entered */
	int start_pos;		/* ladder position of the first label run */
	size_t floor;		/* smallest acquisition released by an earlier label */
	size_t label_min;	/* smallest acquisition released by the current label */
	bool any_floor, reported;
	uint64_t open_kinds;	/* a bit per kind the child holds unreleased acquisitions of */
	unsigned short nr_open[NR_KINDS];
	struct acq acq[MAX_ACQ];	/* last: a new call clears what precedes it */
} uw;

static void on_label(int label);

static struct clone_call call_copy;
const struct clone_call *oracle_call;
struct task_struct *oracle_caller;
struct state_view oracle_view;

void oracle_unwind_begin(const struct oracle_mark *m, const struct clone_call *c)
{
	/* every field but the acquisition list, which nr_acq bounds */
	memset(&uw, 0, offsetof(struct unwind_state, acq));
	call_copy = *c;
	oracle_call = &call_copy;
	oracle_caller = current;
	state_spec_view(current, &oracle_view);
	uw.active = true;
	uw.event_mark = uw.scanned = m->snap.event_mark;
	uw.id_mark = m->snap.id_mark;
	uw.flags = c->flags;
	uw.pos = -1;
	ladder_oracle_hook = on_label;
}

void oracle_unwind_end(void)
{
	uw.active = false;
	ledger.cur_label = L_none;	/* what the oracles see next is after the call */
	ladder_oracle_hook = NULL;
}

static struct kobj *find_child(void)
{
	size_t i;

	for (i = uw.id_mark; i < ledger.nr_objs; i++)
		if (ledger.objs[i]->kind == KIND_task_struct)
			return ledger.objs[i];
	return NULL;
}

/* Fold the events since the last label into the acquisition list. */
static void scan_events(void)
{
	char b[48], c[48];

	for (; uw.scanned < ledger.nr_events; uw.scanned++) {
		const struct ledger_event *e = &ledger.events[uw.scanned];
		int i;

		if (e->owner != uw.child || e->type == HOLD_LOCK)
			continue;
		if (e->op == LOP_GET && uw.nr_acq < MAX_ACQ) {
			uw.acq[uw.nr_acq++] = (struct acq){ .obj = e->obj, .type = e->type,
							    .at = uw.scanned };
			uw.nr_open[e->obj->kind]++;
			uw.open_kinds |= 1ULL << e->obj->kind;
			continue;
		}
		if (e->op != LOP_PUT)
			continue;
		for (i = uw.nr_acq - 1; i >= 0; i--)
			if (!uw.acq[i].released && uw.acq[i].obj == e->obj &&
			    uw.acq[i].type == e->type)
				break;
		if (i < 0)
			continue;
		uw.acq[i].released = true;
		if (!--uw.nr_open[e->obj->kind])
			uw.open_kinds &= ~(1ULL << e->obj->kind);
		if (uw.pos < 0)
			continue;	/* a step balancing itself before the ladder */
		if (uw.any_floor && uw.acq[i].at > uw.floor && !uw.reported) {
			uw.reported = true;
			ledger_violation(V_unwind, e->obj->kind,
					 "%s released %s after a label above it had released %s, acquired earlier: the unwind is not in reverse order",
					 label_names[ledger.events[uw.scanned].label],
					 kobj_str(e->obj, b, sizeof(b)),
					 kobj_str(ledger.events[uw.floor].obj, c, sizeof(c)));
		}
		if (!uw.label_min || uw.acq[i].at < uw.label_min)
			uw.label_min = uw.acq[i].at;
	}
}

static bool cond_holds(int cond)
{
	switch (cond) {
	case RC_THREAD:
		return uw.flags & CLONE_THREAD;
	case RC_NOT_THREAD:
		return !(uw.flags & CLONE_THREAD);
	case RC_PIDFD:
		return uw.flags & CLONE_PIDFD;
	default:
		return true;
	}
}

/*
 * A label that has run and releases @kind, if every label of the version
 * that releases it lies above position @pos (so none still to come can):
 * the caller has seen that they do, in x->released_above.
 */
static const struct rel_row *released_above(const struct profile_index *x, int kind, int pos)
{
	const struct rel_row *found = NULL;
	int k;

	for (k = 0; k < x->nr_kind_rels[kind]; k++) {
		const struct rel_row *row = &profile->rels[x->kind_rels[kind][k]];
		int lp = x->rel_pos[x->kind_rels[kind][k]];

		if (lp >= pos)
			return NULL;
		if (lp >= uw.start_pos && cond_holds(row->cond))
			found = row;
	}
	return found;
}

/* Nothing of a call that fails may have been visible: no pidfd of its pid in the caller's table. */
static void check_invisible(int label)
{
	const struct files_struct *files = oracle_caller ? oracle_caller->files : NULL;
	char b[48];
	int i;

	for (i = 0; files && i < files->nr_fd && !uw.reported; i++) {
		const struct fd_slot *fd = (const void *)files->fd[i];

		if (!fd->file || fd->file->pid->obj.id <= uw.id_mark)
			continue;
		uw.reported = true;
		ledger_violation(V_unwind, KIND_fd,
				 "entering %s a pidfd of the failing child (%s) is in the caller's table: visible before the point of no return",
				 label_names[label], kobj_str(&fd->obj, b, sizeof(b)));
	}
}

static void on_label(int label)
{
	const struct profile_index *x = profile_index(profile);
	int pos = profile_label_pos(profile, label), i;
	char b[48];

	if (!uw.active || pos < 0)
		return;
	if (!uw.child)
		uw.child = find_child();
	if (!uw.child)
		return;
	scan_events();
	check_invisible(label);
	/* the label just left sets the floor for every label below */
	if (uw.label_min && (!uw.any_floor || uw.label_min < uw.floor)) {
		uw.floor = uw.label_min;
		uw.any_floor = true;
	}
	uw.label_min = 0;
	if (uw.pos < 0)
		uw.start_pos = pos;
	uw.pos = pos;
	/* Entering @label: what only the labels above release must be gone. */
	if (!(uw.open_kinds & x->released_above[pos]))
		return;	/* every kind still held has a releasing label to come */
	for (i = 0; i < uw.nr_acq && !uw.reported; i++) {
		const struct acq *a = &uw.acq[i];
		const struct rel_row *row;

		/* a label still to come releases the kind: nothing to look up */
		if (a->released || !(x->released_above[pos] & (1ULL << a->obj->kind)) ||
		    a->obj->freed)
			continue;
		row = released_above(x, a->obj->kind, pos);
		if (!row)
			continue;
		uw.reported = true;
		ledger_violation(V_unwind, a->obj->kind,
				 "entering %s the child still holds %s, which %s releases (%s) above it",
				 label_names[label], kobj_str(a->obj, b, sizeof(b)),
				 label_names[row->label], row->call);
	}
}
