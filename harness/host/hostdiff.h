/* SPDX-License-Identifier: GPL-2.0-only */
/* The host differential: generated or scenario clone()/clone3() calls through the model and the running kernel. */
#ifndef CLONEFUZZ_HOSTDIFF_H
#define CLONEFUZZ_HOSTDIFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "input/scenario.h"

#define HOSTDIFF_MAX_ERRNO	600

struct hostdiff_stats {
	unsigned long cases;	/* generated argument sets */
	unsigned long agree, differ, skipped, failed, successes;
	unsigned long by_errno[HOSTDIFF_MAX_ERRNO];	/* the kernel's answers */
};

struct hostdiff {
	struct scenario s;	/* one clone in the host's world, as the model sees it */
	struct hostdiff_stats st;
	bool drop_caps;		/* the real calls run without effective capabilities */
	bool files;		/* the cases came from scenarios */
};

/*
 * hostdiff_start - check that this host can run the real calls (root on
 * x86-64 running 6.18), make the cgroup fds and set up the model's world as
 * the host is; @model_no_caps tells only the model that the caller has no
 * capabilities. -1 and why when the host cannot: the run is skipped.
 */
int hostdiff_start(struct hostdiff *hd, bool drop_caps, bool model_no_caps,
		   char *why, size_t len);
/* The generator's sequence (xorshift64, never 0). */
void hostdiff_seed(uint64_t seed);
/* @count generated argument sets, each through both; disagreements printed as scenarios. */
void hostdiff_random(struct hostdiff *hd, unsigned long count);
/* Every operation of @f that the host can mirror (by the caller, no faults, default world). */
void hostdiff_scenario(struct hostdiff *hd, const struct scenario *f, const char *from);
/* Remove the cgroup fds and directories. */
void hostdiff_stop(struct hostdiff *hd);
/* Print the kernel's answers and the tally; 1 when anything differed or was lost. */
int hostdiff_summary(const struct hostdiff *hd, FILE *out);

#endif
