/* SPDX-License-Identifier: GPL-2.0-only */
/* Scenarios: a profile, the world's starting state and a list of operations, parsed from text. */
#ifndef CLONEFUZZ_SCENARIO_H
#define CLONEFUZZ_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "fault.h"
#include "profile.h"
#include "world.h"

#define MAX_OPS		64
#define MAX_EXPECT_LABELS 32

enum op_kind { OP_CLONE, OP_EXIT, OP_CLONE3 };

struct op {
	int kind;			/* enum op_kind */
	int line;			/* source line, 0 if none */
	int task;			/* scenario task acting (clone) or exiting */
	struct clone_call call;		/* clone, clone3: the system call's arguments */
	struct fault_plan plan;
	/* Expectations, checked by the runner when present. */
	bool expect;
	int expect_err;			/* 0: success */
	int expect_at_check;		/* CHECK_* or CHECK_none */
	int expect_at_site;		/* SITE_* or SITE_none */
	bool expect_at;
	bool expect_labels;
	int nr_expect_labels;
	unsigned char expect_label[MAX_EXPECT_LABELS];
	const struct defect_row *expect_defect;
};

struct scenario {
	const struct profile *profile;
	struct world_config cfg;
	struct op ops[MAX_OPS];
	int nr_ops;
};

/* The caller and world keys of the text format, which the binary codec shares. */
enum { CK_CALLER, CK_WORLD };
enum { CK_INT, CK_BOOL };

struct config_key {
	const char *name;
	unsigned char line;	/* CK_CALLER or CK_WORLD */
	unsigned char type;	/* CK_INT or CK_BOOL */
	size_t offset, size;	/* the struct world_config field */
	long min, max;
};

extern const struct config_key config_keys[];
extern const size_t nr_config_keys;

long config_get(const struct world_config *c, const struct config_key *k);
void config_set(struct world_config *c, const struct config_key *k, long v);

/* Parse @text; on error fill @err with "line N: reason" and return -1. */
int scenario_parse(const char *text, struct scenario *s, char *err, size_t errlen);

/* Write @s as scenario text that parses back to the same scenario (expectations aside). */
void scenario_write(FILE *f, const struct scenario *s);

/* clone() pointer keys and clone3() struct clone_args keys (scenario_args.c). */
int clone_arg_key(struct op *op, const char *k, const char *v, char *err, size_t errlen);
void clone_args_write(FILE *f, const struct clone_call *c);

/* Format clone flags as CLONE_A|CLONE_B|0x.. for @p's vocabulary. */
void format_flags(unsigned long long flags, const struct profile *p,
		  char *buf, size_t len);

#endif
