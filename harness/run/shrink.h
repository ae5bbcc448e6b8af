/* SPDX-License-Identifier: GPL-2.0-only */
/* What a finding is: the first oracle an input makes fire, and the smallest scenario that still makes it fire. */
#ifndef CLONEFUZZ_SHRINK_H
#define CLONEFUZZ_SHRINK_H

#include <stddef.h>

#include "input/scenario.h"

#define VERDICT_NONE	(-1)	/* no oracle fires and two runs agree */
#define VERDICT_NONDET	(-2)	/* no oracle fires, but two runs differ */

/*
 * scenario_verdict - run @s under every oracle: the type (enum vtype) of
 * the first violation that is not a known defect of the version; else run
 * it again, VERDICT_NONDET if the runs differ, VERDICT_NONE if not. @line
 * (may be NULL) gets that violation's one-line report.
 */
int scenario_verdict(const struct scenario *s, char *line, size_t len);

/*
 * scenario_shrink - @s as scenario text without every operation line and
 * every key=value that @verdict does not need (tried line by line from the
 * last, then key by key, twice over); malloc'd.
 */
char *scenario_shrink(const struct scenario *s, int verdict);

#endif
