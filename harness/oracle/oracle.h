/* SPDX-License-Identifier: GPL-2.0-only */
/* Oracles run after every operation: errno, ladder, ledger balance, child shape, locks, counters, baseline. */
#ifndef CLONEFUZZ_ORACLE_H
#define CLONEFUZZ_ORACLE_H

#include "ledger.h"
#include "profile.h"
#include "state_spec.h"

struct oracle_mark {
	struct snapshot snap;
	int nr_threads, nr_processes;
	unsigned long total_forks;
};

/* Before an operation: what the world holds. */
void oracle_mark(struct oracle_mark *m);
/* Before a scenario's first operation: oracle_mark(), each hold's count kept for oracle_baseline(). */
void oracle_mark_baseline(struct oracle_mark *m);
void oracle_release(struct oracle_mark *m);

/*
 * Around a clone: remember the call and its caller for the shape oracle,
 * and check unwind symmetry at every label the call runs (oracle_unwind.c).
 */
void oracle_unwind_begin(const struct oracle_mark *m, const struct clone_call *c);
void oracle_unwind_end(void);

/* The call and caller oracle_unwind_begin saw last. */
extern const struct clone_call *oracle_call;
extern struct task_struct *oracle_caller;
extern struct state_view oracle_view;	/* the world as the caller saw it before the call */

/* On success, per flag: what the child shares, copies, joins and is (oracle_shape.c). */
void check_child_flags(const struct task_struct *child, const struct task_struct *parent,
		       const struct clone_call *c);

/* After a clone that returned @ret: every check, violations into the ledger. */
void oracle_after_clone(const struct oracle_mark *m, long ret);

/* After an exit: locks and the ledger's own complaints only. */
void oracle_after_exit(const struct oracle_mark *m);

/* After the teardown: the world equals the baseline marked after setup. */
void oracle_baseline(const struct oracle_mark *baseline);

/* The expected ladder for the recorded failure: labels into @out, count returned. */
int oracle_expected_labels(const struct profile *p, unsigned char *out, int max);

/* The known defect of @p a violation is, or NULL. */
const struct defect_row *oracle_known_defect(const struct profile *p,
					     const struct violation *v);

#endif
