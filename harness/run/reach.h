/* SPDX-License-Identifier: GPL-2.0-only */
/* How many inputs of a corpus reach each check, site and label of each version, counted by running them. */
#ifndef CLONEFUZZ_REACH_H
#define CLONEFUZZ_REACH_H

#include <stddef.h>
#include <stdint.h>

#include "input/targets.h"

#define REACH_MAX_PROFILES 8

/*
 * Per version, inputs (not calls) counted once each: what the model
 * records of every clone() or clone3() an input makes.
 */
struct reach_counts {
	unsigned long inputs;
	unsigned long refused[NR_CHECKS];	/* a call refused by the precondition check */
	unsigned long ran[NR_SITES];		/* a call passed the step's fault gate */
	unsigned long failed[NR_SITES];		/* a call failed at the step and unwound from it */
	unsigned long label[NR_LABELS];		/* a call's unwind passed the label */
};

struct corpus_reach {
	const struct fuzz_target *t;
	unsigned long files, copies, rejected, violations, nondet;
	struct reach_counts per[REACH_MAX_PROFILES];	/* by position in profiles[] */
	uint64_t *seen;			/* hash set of the inputs' contents */
	size_t nr_seen, cap_seen;
};

void reach_init(struct corpus_reach *r, const struct fuzz_target *t);
void reach_free(struct corpus_reach *r);

/*
 * reach_add - decode one input as @r's target reads it and run it twice
 * under every oracle; count what it reaches. An input whose bytes were
 * seen before (AFL++ instances copy each other's finds) counts as a copy.
 */
void reach_add(struct corpus_reach *r, const uint8_t *data, size_t len);

/* How many entries of a version's table its inputs reach. */
struct reach_tally {
	size_t refused;		/* of its checks */
	size_t ran, failed;	/* of its sites */
	size_t labels;
};

void reach_tally(const struct profile *p, const struct reach_counts *rc, struct reach_tally *t);

/* The position of @p in profiles[]: its index in corpus_reach.per[]. */
int reach_version(const struct profile *p);

#endif
