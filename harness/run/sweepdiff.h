/* SPDX-License-Identifier: GPL-2.0-only */
/* Two profiles swept scenario by scenario and compared: result, failing check or step, labels run, verdict. */
#ifndef CLONEFUZZ_SWEEPDIFF_H
#define CLONEFUZZ_SWEEPDIFF_H

#include <stdio.h>

#include "profile.h"

/* The ways two runs of one sweep scenario can differ, in the order they are told. */
#define SWEEP_DIFFS(X)							\
	X(only_a,  "scenarios only the first profile has (a site the other lacks)") \
	X(only_b,  "scenarios only the second profile has (a site the other lacks)") \
	X(result,  "a different result (errno, or success against failure)") \
	X(step,    "the same result from a different check or failing step") \
	X(labels,  "the same failure unwinding through different labels") \
	X(verdict, "a violation in one of the two only")

enum sweep_diff_kind {
#define X(name, what) SD_##name,
	SWEEP_DIFFS(X)
#undef X
	NR_SWEEP_DIFFS
};

struct sweep_diff_stats {
	long compared;			/* scenarios both profiles ran */
	long differ;			/* of those, how many differ in any way */
	long kind[NR_SWEEP_DIFFS];	/* each scenario counted once, under its first kind */
};

/*
 * sweep_diff - sweep @a and @b and compare each scenario both ran (the
 * same world, entry, flags and fault site); print the counts and up to
 * @show examples of each kind to @out. Returns 0 when nothing differs,
 * 1 when something does, -1 when out of memory.
 */
int sweep_diff(const struct profile *a, const struct profile *b, int show,
	       FILE *out, struct sweep_diff_stats *st);

#endif
