/* SPDX-License-Identifier: GPL-2.0-only */
/* An independent specification of the world-dependent refusals and of which steps a call's flags can reach, an oracle for the model. */
#ifndef CLONEFUZZ_STATE_SPEC_H
#define CLONEFUZZ_STATE_SPEC_H

#include <stdbool.h>

#include "errno_spec.h"
#include "fault.h"
#include "profile.h"
#include "syscall.h"
#include "world.h"

/*
 * What the refusals read of the world, taken before the call (a success
 * changes some of it).
 */
struct state_view {
	bool valid;
	unsigned long long caps;	/* the caller's effective set */
	bool caps_in_init_userns;	/* they count for capable() (3.8+) */
	bool root_user;			/* real_cred->user == INIT_USER */
	long nproc;			/* the caller's RLIMIT_NPROC count, before the call */
	unsigned long rlimit_nproc;	/* RLIMIT_NPROC */
	bool chrooted;			/* the caller's root is not its mount namespace's */
	struct {			/* the directory each cgroup fd names (5.7+) */
		bool present;		/* installed in the caller's table, a cgroup directory */
		struct cgroup dir;	/* its state before the call */
	} cgroup_fd[CGROUP_FD_LAST + 1];
};

/* Before a call: read what the rules need about @caller and the world. */
void state_spec_view(const struct task_struct *caller, struct state_view *v);

/*
 * A refusal the world imposes on a call: @refuses returns the step (SITE_*)
 * where the kernel refuses a call with these arguments in this world, or
 * SITE_none. No such call may succeed, or fail at a step after that one.
 */
struct state_rule {
	const char *name;		/* the kernel's check, for the report */
	int min_kv, max_kv;		/* KV() range it applies to (max 0: current) */
	int (*refuses)(const struct spec_args *a, const struct state_view *v, int kv);
	const char *source;
};

/* A step a call reaches only with some arguments. */
struct reach_rule {
	int site;			/* SITE_* */
	bool (*reachable)(const struct spec_args *a);
	const char *words;		/* what the call needs, in words */
};

/* The first world rule that refuses a call, or NULL; *site: the step that refuses. */
const struct state_rule *state_spec_refusal(const struct profile *p, const struct spec_args *a,
					    const struct state_view *v, int *site);

/* The first site in @t's reached set that @a cannot reach, or NULL. */
const struct reach_rule *state_spec_unreachable(const struct profile *p, const struct spec_args *a,
						const struct fork_trace *t);

#endif
