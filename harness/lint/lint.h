/* SPDX-License-Identifier: GPL-2.0-only */
/* Unwind symmetry of a real copy_process(): what each goto holds against what its label releases, from the pair table of model/pairs.def. */
#ifndef CLONEFUZZ_LINT_H
#define CLONEFUZZ_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "lint_parse.h"

enum lint_res {
#define PAIR_RES(r, req, why) LR_##r,
#include "pairs.def"
	NR_LINT_RES
};

extern const char *const lint_res_names[NR_LINT_RES];

#define LINT_MAX_HELD	64
#define LINT_MAX_GOTOS	128
#define LINT_MAX_LABELS	64
#define LINT_MAX_RELS	128
#define LINT_MAX_ISSUES	256
#define LINT_COND	160

/* An acquisition or a release, where it is and under which conditions. */
struct lint_hold {
	int res;		/* enum lint_res */
	int line;
	const char *call;
	char cond[LINT_COND];	/* the enclosing if conditions, "" if none */
	int pp;			/* its #if branch */
	bool optional;		/* a failed step's partial hold (PAIR_PARTIAL), or a
				 * release that needs no hold (PAIR_REL_IF_HELD) */
	bool unsure;		/* a helper defined elsewhere that releases it in some
				 * of the versions the file may be (PAIR_REL_BY) */
};

struct lint_goto {
	int line;
	char label[64];
	char step[96];		/* the failing call, or the check's condition */
	bool step_is_call;
	char err[24];		/* "ENOMEM" when the code sets it, "" when the callee does */
	struct lint_hold held[LINT_MAX_HELD];
	int nheld;
	int pp;
};

/* A precondition: if (cond) return ERR_PTR(-EXXX); before anything is held. */
struct lint_check {
	int line;
	char cond[LINT_COND];
	char err[24];
};

#define LINT_MAX_CHECKS 32

struct lint_label {
	char name[64];
	int line;
	int pp;
	int first_rel;		/* index into rels of the first release at or below it */
};

enum lint_issue_type {
	LI_NOT_HELD,		/* a release of what the goto does not hold */
	LI_LEAK,		/* held at the goto and never released from its label */
	LI_NO_LABEL,		/* a goto to a label the ladder lacks */
	LI_RETURN_HELD,		/* an early return with something held */
	LI_COND,		/* released under other clone flags than it was taken under */
	LI_UNKNOWN,		/* released only if the file is a version whose helper does it */
};

struct lint_issue {
	enum lint_issue_type type;
	int goto_line;		/* or the return's line */
	char label[64];
	char step[96];
	bool step_is_call;	/* step is a call that failed, not a check's condition */
	int res;
	int line;		/* the release (LI_NOT_HELD) or the acquisition (LI_LEAK, LI_COND) */
	const char *call;
	/* LI_COND: the clone flags each is made under, and the release */
	char held_flags[LINT_COND], rel_flags[LINT_COND];
	int rel_line;
	const char *rel_call;
	/* LI_UNKNOWN: the versions in which rel_call releases the resource */
	char rel_from[8], rel_to[8];
};

struct lint_result {
	struct lint_src src;
	const char *function;
	bool tracked[NR_LINT_RES];	/* released somewhere in the function, or required */
	struct lint_goto gotos[LINT_MAX_GOTOS];
	int ngotos;
	struct lint_label labels[LINT_MAX_LABELS];
	int nlabels;
	struct lint_hold rels[LINT_MAX_RELS];	/* the ladder's releases, in order */
	int rel_label[LINT_MAX_RELS];		/* the label each is under */
	int nrels;
	struct lint_hold path[LINT_MAX_RELS];	/* acquisitions (cond "+...") and releases before the success return, in order */
	int npath;
	struct lint_check checks[LINT_MAX_CHECKS];
	int nchecks;
	struct lint_issue issues[LINT_MAX_ISSUES];
	int nissues;		/* LI_UNKNOWN ones included */
	int nunknown;		/* of them LI_UNKNOWN: not asymmetries */
	/* The versions the function can be by what it holds (PAIR_ERA), as major * 1000 + minor; 0 open */
	int era_from, era_to;
	bool overflow;
};

/* Read @path and check @function; 0, or -1 with r->src.err saying why it cannot be read. */
int lint_run(const char *path, const char *function, struct lint_result *r);
void lint_result_free(struct lint_result *r);

/* The @nth model site a failing call may be (PAIR_STEP), or NULL past the last. */
const char *lint_step_site(const char *call, int nth);

/* What a goto's failing step is in the model's vocabulary. */
enum lint_step_kind {
	LS_UNNAMED,	/* no pairs.def row names it */
	LS_CHECK,	/* a call PAIR_CHECK names: a check that jumps (the LSM hook before 4.14) */
	LS_SITE,	/* a call's first PAIR_STEP site, or a test's PAIR_TEST one */
	LS_NEVER,	/* a test the model never makes fail (PAIR_TEST's none) */
};

struct lint_step_name {
	enum lint_step_kind kind;
	int check;	/* CHECK_*, for LS_CHECK */
	int site;	/* SITE_*, for LS_SITE */
};

struct lint_step_name lint_goto_name(const struct lint_goto *g);

/* A release's enclosing conditions as a REL_ROW condition: ALWAYS, THREAD, NOT_THREAD, PIDFD, NOT_INIT_PID or PRESENT. */
const char *lint_rel_cond(const char *cond);

/* The model kind a lint resource stands for (PAIR_KIND), its own name otherwise; "none" when no object. */
const char *lint_res_kind(int res);

/* The CHECK_* a precondition's condition names (PAIR_CHECK), or CHECK_none. */
int lint_check_id(const char *cond);
/* Whether a PAIR_CHECK row names @check: a check a file's copy_process() can show. */
bool lint_check_named(int check);

/*
 * The SITE_* a failing test's condition names (PAIR_TEST); *named says
 * whether a row fits at all, as SITE_none is also the name of a test the
 * model never makes fail.
 */
int lint_test_site(const char *cond, bool *named);

/* The @i-th PAIR_STEP row: its call, and its site in *site; NULL past the last. */
const char *lint_step_row(size_t i, const char **site);

/* The @i-th acquisition row (PAIR_ACQ, PAIR_ACQ_IF): its call, and its resource in *res; NULL past the last. */
const char *lint_acq_row(size_t i, int *res);

/* The resource @call releases (PAIR_REL, PAIR_REL_IF_HELD), or -1. */
int lint_release_of(const char *call);

/* "3.17" as 3017 ("" as 0). */
int lint_version(const char *v);
/* @v (major * 1000 + minor) as "3.17" into @buf. */
const char *lint_version_text(int v, char *buf, size_t size);

/* Whether @res is required and why (PAIR_RES). */
bool lint_res_required(int res, const char **why);

#endif
