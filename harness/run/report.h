/* SPDX-License-Identifier: GPL-2.0-only */
/* Printing operation results as text or as one JSON object per line. */
#ifndef CLONEFUZZ_REPORT_H
#define CLONEFUZZ_REPORT_H

#include <stdio.h>

#include "run.h"

struct report_ctx {
	FILE *out;
	bool json;
	const struct scenario *s;
};

void report_op(const struct op_result *r, void *arg);

/* One self-contained line for violation @i of @r: what, where, whether injected. */
void report_violation(FILE *f, const struct scenario *s, const struct op_result *r, int i);

#endif
