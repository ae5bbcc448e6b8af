/* SPDX-License-Identifier: GPL-2.0-only */
/* A modelled kernel version: its entry point and the table that is the truth about its checks, sites and ladder. */
#ifndef CLONEFUZZ_PROFILE_H
#define CLONEFUZZ_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "ledger.h"
#include "syscall.h"
#include "vocab.h"

struct cred;
struct task_struct;

/*
 * When a label's release runs: REL_COND(token, words), the token as a
 * table's REL_ROW writes it (RC_<token>), the words for people.
 */
#define REL_CONDS							\
	REL_COND(ALWAYS,       "always")				\
	REL_COND(THREAD,       "CLONE_THREAD")				\
	REL_COND(NOT_THREAD,   "!CLONE_THREAD")				\
	REL_COND(PRESENT,      "if held")	/* the child holds the object (pointer set) */ \
	REL_COND(NOT_INIT_PID, "pid != &init_struct_pid")		\
	REL_COND(PIDFD,        "CLONE_PIDFD")

enum rel_cond {
#define REL_COND(t, w) RC_##t,
	REL_CONDS
#undef REL_COND
	NR_RCS
};

extern const char *const rel_cond_names[NR_RCS];	/* the words */
extern const char *const rel_cond_tokens[NR_RCS];	/* "ALWAYS", ... */

struct check_row {
	int check;		/* CHECK_* */
	int err;		/* positive errno; 0: the hook decides */
	int label;		/* L_* it jumps to, or L_none for a return */
	const char *cond;	/* when it refuses, in words */
};

struct site_row {
	int site;		/* SITE_* */
	int err;		/* errno copy_process returns when it fails */
	int label;		/* L_* the failure jumps to */
};

struct rel_row {
	int label;		/* L_* */
	int kind;		/* enum kind released */
	int cond;		/* enum rel_cond */
	const char *call;	/* the kernel call that releases it */
};

/*
 * A real defect of a version: DEFECT_ROW(name, vtype, kind, what), or
 * DEFECT_AT(name, vtype, kind, site, what) for one seen only when @site is
 * the step that failed. KIND_no_object: a violation about no one object.
 */
#define KIND_no_object	NR_KINDS

struct defect_row {
	const char *name;
	int vtype;		/* enum vtype the oracle reports */
	int kind;		/* enum kind it concerns */
	int site;		/* SITE_none, or the failed step it needs */
	const char *desc;
};

#define PROFILE_MAX_RELS		255
#define PROFILE_MAX_LABELS	128	/* positions fit a signed char */
#define PROFILE_MAX_KIND_RELS	16

/*
 * Lookups derived once from a profile's tables (profile_index()): the
 * oracles ask them after every label, the tables stay the one source.
 */
struct profile_index {
	bool ready;
	signed char label_pos[NR_LABELS];		/* -1: not in the ladder */
	const struct site_row *site[NR_SITES];		/* NULL: not a site of it */
	signed char rel_pos[PROFILE_MAX_RELS];	/* each rel row's label position, -1: none */
	unsigned char kind_rels[NR_KINDS][PROFILE_MAX_KIND_RELS];	/* rows per kind, table order */
	unsigned char nr_kind_rels[NR_KINDS];
	signed char max_rel_pos[NR_KINDS];	/* position of the last label releasing each kind, -1: none */
	uint64_t released_above[PROFILE_MAX_LABELS];	/* per position, a bit per kind every releasing label is above */
};

_Static_assert(NR_KINDS <= 64, "profile_index.released_above has a bit per kind");

struct profile {
	const char *name;	/* "v4.0" */
	int kv;			/* KV(4, 0, 5) */
	const char *source;	/* what the model mirrors */
	const char *spec;	/* the version whose argument spec it follows; NULL: its own name */
	const struct check_row *checks;
	size_t nr_checks;
	const struct site_row *sites;
	size_t nr_sites;
	const int *labels;	/* ladder order, top to bottom, ending fork_out */
	size_t nr_labels;
	const struct rel_row *rels;
	size_t nr_rels;
	const struct defect_row *defects;
	size_t nr_defects;
	const int *signal_sites;	/* where a scenario's signal may arrive */
	size_t nr_signal_sites;
	/* The system call: clone() (or clone3() where it exists) into do_fork/kernel_clone. */
	long (*sys_clone)(const struct clone_call *c);
	bool has_clone3;
	/* kernel/user_namespace.c create_user_ns() of this version. */
	int (*create_user_ns)(struct cred *new);
	struct profile_index *index;	/* filled on first use */
};

const struct profile_index *profile_index_build(const struct profile *p);

/* @p's lookups, derived from its tables the first time they are asked for. */
static inline const struct profile_index *profile_index(const struct profile *p)
{
	return p->index->ready ? p->index : profile_index_build(p);
}

/* @label's position in @p's ladder, -1 if absent. */
static inline int profile_label_pos(const struct profile *p, int label)
{
	if (label < 0 || label >= NR_LABELS)
		return -1;
	return profile_index(p)->label_pos[label];
}

extern const struct profile *profile;	/* the version in force */
extern const struct profile *const profiles[];
extern const size_t nr_profiles;

const struct profile *profile_find(const char *name);
const struct site_row *profile_site(const struct profile *p, int site);
const struct check_row *profile_check(const struct profile *p, int check);
const struct defect_row *profile_defect(const struct profile *p,
					const char *name);

#endif
