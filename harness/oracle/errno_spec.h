/* SPDX-License-Identifier: GPL-2.0-only */
/* An independent specification of each version's argument checks (condition -> errno, in order), an oracle for the model. */
#ifndef CLONEFUZZ_ERRNO_SPEC_H
#define CLONEFUZZ_ERRNO_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "profile.h"
#include "syscall.h"

/*
 * Written from kernel-spec.md (§4.1 v4.0, §4.2
 * v2.6.32) and docs/kernel-6.18.md (§2 clone(), §3 clone3 C1-C9 and V1-V5,
 * §4 K1, §5.1 P1-P7), never from the model's check code. Rule ids and
 * errnos are the CHECK_ROWs of model/<version>/table.def, in table order.
 */

struct spec_caller {			/* what the rules read about the caller */
	unsigned long long caps;	/* effective capabilities (bit n = capability n) */
	bool unkillable;		/* signal_struct has SIGNAL_UNKILLABLE (global or pid-ns init) */
	bool pidns_mismatch;		/* nsproxy's pid_ns_for_children != the active pid ns */
	int lsm_errno;			/* security_task_create's errno (v2.6.32/v4.0), 0 = allow */
	bool caps_in_init_userns;	/* the caller's user ns is the initial one (caps count globally) */
	bool timens_pending;		/* time_ns_for_children != time_ns (5.6+; read by the state spec) */
};

/* The arguments as the checks see them, once the entry point has decoded them. */
struct spec_args {
	const struct spec_caller *caller;
	int entry;			/* enum clone_entry */
	unsigned long long flags;	/* clone(): what reaches copy_process; clone3(): args.flags */
	unsigned long long exit_signal;	/* clone(): the CSIGNAL byte; clone3(): args.exit_signal */
	unsigned long long pidfd, parent_tid;	/* clone(): both the parent_tid register */
	unsigned long long stack, stack_size;
	unsigned long long set_tid, set_tid_size, cgroup;	/* zero past a short struct */
	unsigned long long uargs, size;	/* clone3's two arguments */
	bool tail_nonzero;		/* clone3: a non-zero byte past CLONE_ARGS_SIZE_VER2 */
};

#define SPEC_CLONE	(1U << ENTRY_clone)
#define SPEC_CLONE3	(1U << ENTRY_clone3)

struct spec_rule {
	int check;			/* CHECK_*, as named in the version's table */
	int err;			/* positive errno; 0: the LSM's (spec_caller.lsm_errno) */
	unsigned int entries;		/* SPEC_CLONE and/or SPEC_CLONE3: where the check runs */
	bool (*refuses)(const struct spec_args *a);
	const char *words;		/* the condition, in words */
	const char *source;		/* the document and section it comes from */
};

/*
 * Predict the first argument check that refuses (*check = CHECK_*, return its
 * positive errno), or 0 with *check = CHECK_none when every argument check
 * passes. clone3() on a version without it: ENOSYS, CHECK_none (the system
 * call does not exist). A profile the spec does not cover: -1, CHECK_none.
 */
int errno_spec_predict(const struct profile *p, const struct clone_call *c,
		       const struct spec_caller *caller, int *check);

/* The same from a call already decoded by errno_spec_decode(). */
int errno_spec_predict_args(const struct profile *p, const struct spec_args *a, int *check);

/* The rule list of profile p, in evaluation order; 0 (and NULL) if not covered. */
size_t errno_spec_rules(const struct profile *p, const struct spec_rule **rules);

/* The rule of profile p with this CHECK_*, or NULL. */
const struct spec_rule *errno_spec_rule(const struct profile *p, int check);

/* Decode a call as profile p's entry point does (exposed for printing and tests). */
void errno_spec_decode(const struct profile *p, const struct clone_call *c,
		       const struct spec_caller *caller, struct spec_args *a);

#endif
