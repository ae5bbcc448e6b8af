// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz host-diff: the command line of the host differential (harness/host/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "host/hostdiff.h"

#define HOST_SKIPPED	3	/* exit status: not a host this can run on */

static const char usage_hostdiff[] =
	"usage: clonefuzz host-diff [--count N] [--seed S] [--drop-caps] [--model-caps none]\n"
	"                           [--scenarios FILE...]\n\n"
	"Generate N (default 2000) clone() and clone3() argument sets: flags with\n"
	"invalid combinations and clone3-only bits, exit signals, struct sizes with\n"
	"zero and non-zero tails, set_tid arrays, stacks, null and unmapped pointers,\n"
	"CLONE_INTO_CGROUP with a live, a removed, a cgroup v1, a closed and a\n"
	"non-cgroup fd. Run each through the model and through the real system\n"
	"call in a disposable process (a child that gets created exits at once, in\n"
	"assembly, touching no memory), and report every disagreement as a\n"
	"scenario. Needs root on Linux x86-64 running a modelled kernel (6.18).\n"
	"--drop-caps clears the caller's effective capabilities for the real call\n"
	"and the model alike; --model-caps none tells only the model so, to show\n"
	"that a world that differs from the host's is caught. --scenarios takes\n"
	"the operations of scenario files instead (those the host can mirror:\n"
	"by the caller, without faults, in a default world, set_tid only 1 or out\n"
	"of range); the others count as skipped.\n"
	"exit status: 0 agree, 1 a disagreement, 2 bad usage, 3 not such a host\n"
	"(skipped).\n";

int cmd_host_diff(int argc, char **argv)
{
	static struct hostdiff hd;
	unsigned long count = 2000;
	bool drop_caps = false, model_no_caps = false;
	uint64_t seed = 0x2545f4914f6cdd1dULL;
	char **files = NULL;
	int nfiles = 0, k, status;
	char why[160];

	if (wants_help(argc, argv)) {
		fputs(usage_hostdiff, stdout);
		return 0;
	}
	for (k = 1; k < argc; k++) {
		char *end;

		if (!strcmp(argv[k], "--count") && k + 1 < argc) {
			count = strtoul(argv[++k], &end, 0);
			if (*end || !count)
				return bad_usage("host-diff: --count takes a positive number", usage_hostdiff);
		} else if (!strcmp(argv[k], "--bug") && k + 1 < argc) {
			if (set_bug(argv[++k]))
				return 2;
		} else if (!strcmp(argv[k], "--drop-caps")) {
			drop_caps = true;
		} else if (!strcmp(argv[k], "--model-caps") && k + 1 < argc &&
			   !strcmp(argv[k + 1], "none")) {
			model_no_caps = true;
			k++;
		} else if (!strcmp(argv[k], "--seed") && k + 1 < argc) {
			seed = strtoull(argv[++k], &end, 0) | 1;
			if (*end)
				return bad_usage("host-diff: --seed takes a number", usage_hostdiff);
		} else if (!strcmp(argv[k], "--scenarios")) {
			files = argv + k + 1;
			nfiles = argc - k - 1;
			break;
		} else {
			return bad_usage("host-diff: unknown option or missing value", usage_hostdiff);
		}
	}
	hostdiff_seed(seed);
	if (hostdiff_start(&hd, drop_caps, model_no_caps, why, sizeof(why))) {
		fprintf(stderr, "clonefuzz: host-diff skipped: %s\n", why);
		return HOST_SKIPPED;
	}
	hd.files = files != NULL;
	if (files) {
		static struct scenario f;

		for (k = 0; k < nfiles; k++) {
			if (load_scenario(files[k], &f)) {
				hostdiff_stop(&hd);
				return 2;
			}
			hostdiff_scenario(&hd, &f, files[k]);
		}
	} else {
		hostdiff_random(&hd, count);
	}
	hostdiff_stop(&hd);
	status = hostdiff_summary(&hd, stdout);
	return status;
}
