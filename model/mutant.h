/* SPDX-License-Identifier: GPL-2.0-only */
/* Mutants: the model broken on purpose at run time, to show that the oracles and fuzzers catch it. */
#ifndef CLONEFUZZ_MUTANT_H
#define CLONEFUZZ_MUTANT_H

#include <stdbool.h>
#include <stddef.h>

enum mutant_type {
	MUT_NONE,
	MUT_DROP_RELEASE,	/* a label forgets to release one kind of object */
};

struct mutant {
	int type;		/* enum mutant_type */
	int label;		/* L_* where it strikes */
	int kind;		/* KIND_* whose release is dropped */
};

extern struct mutant model_mutant;

/*
 * mutant_parse - "drop:LABEL:KIND" (the unwind at LABEL no longer puts or
 * frees objects of KIND) or "none". On error fill @err and return -1.
 */
int mutant_parse(const char *spec, struct mutant *m, char *err, size_t errlen);

/* mutant_format - the spec string of @m. */
void mutant_format(const struct mutant *m, char *buf, size_t len);

/* Out of line, asked only while a release-dropping mutant is in force. */
bool mutant_drops_release_here(int kind);

/*
 * mutant_drops_release - the ledger asks before a put or free of @kind.
 * Inline for the usual answer, no mutant of that type, asked at every put.
 */
static inline bool mutant_drops_release(int kind)
{
	return model_mutant.type == MUT_DROP_RELEASE && mutant_drops_release_here(kind);
}

#endif
