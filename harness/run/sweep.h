/* SPDX-License-Identifier: GPL-2.0-only */
/* The exhaustive sweep: every fault site (and none) x every combination of the flags the steps read, in several worlds. */
#ifndef CLONEFUZZ_SWEEP_H
#define CLONEFUZZ_SWEEP_H

#include <stdbool.h>

#include "fault.h"
#include "oracle/oracle.h"
#include "profile.h"

#define SWEEP_WORLDS 5		/* world 0 is the rich one */

/* One single-call scenario of the sweep, handed to the hook after the oracles ran. */
struct sweep_run {
	int world;			/* 0 .. SWEEP_WORLDS - 1 */
	const struct world_config *cfg;
	struct clone_call call;
	struct fault_plan plan;
	long ret;
	const struct oracle_mark *mark;	/* valid during the hook */
	int unknown;			/* violations that are no known defect */
};

typedef void (*sweep_hook)(const struct sweep_run *r, void *arg);

struct sweep_stats {
	long runs, with_violations;
	bool site_hit[NR_SITES], label_hit[NR_LABELS];
};

/*
 * Sweep @p: world 0 (root with every optional resource) over 2^12 flag sets,
 * worlds 1-4 (unprivileged, nested root, init, limits at their edge) over
 * 2^8; each flag set with no fault and a fault at every site, through clone()
 * and (where it exists) clone3(). @hook (may be NULL) sees every run.
 */
void sweep_profile(const struct profile *p, sweep_hook hook, void *arg, struct sweep_stats *st);

/* The clone3() form of a sweep call for @flags (a pidfd, CLONE_INTO_CGROUP, set_tid). */
void sweep_clone3_form(struct clone_call *c, unsigned long flags);

/* The world of sweep world @n. */
void sweep_world_config(int n, struct world_config *w);

#endif
