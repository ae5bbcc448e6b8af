/* SPDX-License-Identifier: GPL-2.0-only */
/* The fault gate every fallible step goes through, and the trace of one call for the oracles. */
#ifndef CLONEFUZZ_FAULT_H
#define CLONEFUZZ_FAULT_H

#include <stdbool.h>

#include "vocab.h"

#define MAX_TRACE_LABELS 32

/* What the scenario asks of one call. */
struct fault_plan {
	int site;		/* SITE_* to fail, or SITE_none */
	unsigned int nth;	/* fail the nth gate passed (1-based), or 0 */
	int signal_site;	/* raise a signal just before this site's check */
};

/* What happened inside one call. */
struct fork_trace {
	struct fault_plan plan;
	int failed_check;	/* CHECK_* that refused, or CHECK_none */
	int failed_site;	/* SITE_* whose failure unwound, or SITE_none */
	bool injected;		/* the failure was injected, not natural */
	unsigned int gates;	/* fallible sites passed */
	unsigned char reached[(NR_SITES + 7) / 8];	/* bit per SITE_* whose gate ran */
	unsigned char labels[MAX_TRACE_LABELS];
	int nr_labels;
	bool overflow;
	int guard_site;		/* SITE_* whose guarding test ran last, or SITE_none */
	bool guard_natural;	/* what that test found, before any planned failure */
	struct task_struct *child;	/* set on success */
};

extern struct fork_trace model_trace;

void trace_begin(const struct fault_plan *plan);

/*
 * model_fail - one fallible step: true if it fails, naturally (@natural) or
 * by injection. Records the site, so the oracles know where the ladder starts.
 */
bool model_fail(int site, bool natural);

/*
 * model_fault_guard - a test that only guards the one holding @site's gate
 * (a source profile's nested tests, the rlimit's): true when it holds
 * (@natural) or the plan fails @site, so that a planned failure reaches
 * the gate. The gate then fails naturally only if this test held too.
 */
bool model_fault_guard(int site, bool natural);

/* model_check - one precondition check; true (and recorded) if it refuses. */
bool model_check(int check, bool refuses);

/* model_signal_point - a scenario's signal arrives here, before @site's check. */
void model_signal_point(int site);

/* ladder_label - the unwind passed this label. */
void ladder_label(int label);

/*
 * ladder_test_hook - tests set it to break the model on purpose at a label
 * (drop a release, take a lock, ...) and show that an oracle fires.
 */
extern void (*ladder_test_hook)(int label);

/* ladder_oracle_hook - the harness checks the unwind as it enters each label. */
extern void (*ladder_oracle_hook)(int label);

/* model_fault_hit - where an injected fault fires: a place for a breakpoint. */
void model_fault_hit(int site);

#endif
