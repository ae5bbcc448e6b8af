/* SPDX-License-Identifier: GPL-2.0-only */
/* What the parts of `clonefuzz lint` share: the pair rows, calls in token runs, the walker's state. */
#ifndef CLONEFUZZ_LINT_INT_H
#define CLONEFUZZ_LINT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "lint.h"

/* One PAIR_ACQ, PAIR_ACQ_IF, PAIR_REL or PAIR_REL_IF_HELD row. */
struct pair_call {
	int res;
	bool acquire;
	const char *call, *arg;
	bool if_held;		/* PAIR_REL_IF_HELD */
	const char *cond;	/* PAIR_ACQ_IF: when the callee acquires */
};

/* A call in a run of tokens: its name token and the tokens of its arguments. */
struct call_ref {
	int name, a0, a1;
};

struct walker {
	struct lint_result *r;
	struct lint_src *src;
	char cond[LINT_COND];	/* the enclosing conditions */
	char step[96];		/* the step a goto here fails */
	bool step_is_call;
	char err[24];		/* the errno literal retval holds, "" if a callee's */
	bool done;		/* the success return was seen */
};

/* @a " && " @b (or "!(@b)" when @negate) into @dst, cut to fit. */
void lint_join(char *dst, size_t size, const char *a, const char *b, bool negate);
void lint_add_issue(struct lint_result *r, const struct lint_issue *is);

/* Every call in tokens [t0, t1), at most @max. */
int lint_find_calls(const struct lint_src *src, int t0, int t1, struct call_ref *out, int max);

/* The pair rows a call matches, in table order; returns how many. */
int lint_match_pairs(const struct lint_src *src, const struct call_ref *c,
		     const struct pair_call **out, int max);

/* A PAIR_REL_BY row: a helper the file may only call. */
struct pair_rel_by {
	const char *helper;
	int res;
	const char *from, *to;
};

/* The @nth PAIR_REL_BY row of @helper, or NULL past the last. */
const struct pair_rel_by *lint_rel_by(const char *helper, int nth);

/* The versions the tokens of @r's function hold (PAIR_ERA) into r->era_from, r->era_to. */
void lint_era(struct lint_result *r);

/* Whether a failing @h->call may leave part of @h->res held (PAIR_PARTIAL). */
bool lint_is_partial(const struct lint_hold *h);

/* The ladder below the success return: labels, and the releases under each (lint_ladder.c). */
void lint_ladder_collect(struct walker *w, const struct lint_node *n, int cur_label);

/* The findings of one goto: its held set against what its label releases. */
void lint_check_goto(struct lint_result *r, const struct lint_goto *g);

#endif
