/* SPDX-License-Identifier: GPL-2.0-only */
/* Running a scenario: world setup, each operation under the oracles, teardown and the baseline check. */
#ifndef CLONEFUZZ_RUN_H
#define CLONEFUZZ_RUN_H

#include <stdint.h>

#include "fault.h"
#include "input/scenario.h"

#define MAX_OP_NOTES 8

struct op_result {
	int index;			/* 1-based operation number; 0 for the teardown */
	const struct op *op;		/* NULL for the teardown */
	bool skipped;			/* the task it names does not exist */
	long ret;
	int failed_check, failed_site;
	bool injected;
	int nr_labels;
	unsigned char labels[MAX_TRACE_LABELS];
	int child_task;			/* scenario number of the new task, or -1 */
	int nr_v;			/* violations, known defects included */
	struct violation v[MAX_VIOLATIONS];
	const struct defect_row *known[MAX_VIOLATIONS];	/* per violation, or NULL */
	int nr_notes;			/* expectation failures */
	char notes[MAX_OP_NOTES][256];
};

struct run_summary {
	int ops;
	int violations;			/* not counting known defects */
	int known_defects;
	int expectation_failures;
};

/*
 * run_oracles - cleared, every scenario runs with no oracle at all: the model
 * alone (its ledger events still recorded), so that scripts/bench.sh
 * --model-only can measure what the oracles cost. Only the fuzz targets'
 * CLONEFUZZ_NO_ORACLES clears it; nothing can be detected while it is clear.
 */
extern bool run_oracles;

typedef void (*op_result_fn)(const struct op_result *r, void *arg);

/* What a run did, as one number: equal for two runs of the same scenario. */
void op_result_digest(const struct op_result *r, uint64_t *h);
uint64_t run_scenario_digest(const struct scenario *s);

/* Run @s; *@ret is what its first operation returned. */
void run_scenario_result(const struct scenario *s, long *ret, struct run_summary *sum);

/* Run @s from a fresh world; @fn (may be NULL) sees every operation's result. */
void run_scenario(const struct scenario *s, op_result_fn fn, void *arg,
		  struct run_summary *sum);

#endif
