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

enum { OPT_COUNT = CLI_LONG_ONLY, OPT_BUG, OPT_DROP_CAPS, OPT_MODEL_CAPS, OPT_SEED, OPT_SCENARIOS };

static int cmd_host_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count", required_argument, NULL, OPT_COUNT },
		{ "bug", required_argument, NULL, OPT_BUG },
		{ "drop-caps", no_argument, NULL, OPT_DROP_CAPS },
		{ "model-caps", required_argument, NULL, OPT_MODEL_CAPS },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "scenarios", no_argument, NULL, OPT_SCENARIOS },
		CLI_HELP_OPTION,
		{ 0 }
	};
	static struct hostdiff hd;
	unsigned long count = 2000;
	bool drop_caps = false, model_no_caps = false, scenarios = false;
	uint64_t seed = 0x2545f4914f6cdd1dULL;
	char **files = NULL, *end;
	int nfiles = 0, k, c, status;
	long long v;
	char why[160];

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_COUNT:
			if (cli_number("--count", optarg, 1, 100000000, &v))
				return 2;
			count = (unsigned long)v;
			break;
		case OPT_BUG:
			if (set_bug(optarg))
				return 2;
			break;
		case OPT_DROP_CAPS:
			drop_caps = true;
			break;
		case OPT_MODEL_CAPS:
			if (strcmp(optarg, "none"))
				return bad_usage("--model-caps takes 'none', not '%s'", optarg);
			model_no_caps = true;
			break;
		case OPT_SEED:
			seed = strtoull(optarg, &end, 0) | 1;
			if (*end || !*optarg)
				return bad_usage("--seed takes a number, not '%s'", optarg);
			break;
		case OPT_SCENARIOS:
			scenarios = true;
			break;
		default:
			return status;
		}
	}
	if (scenarios) {
		files = argv + optind;
		nfiles = argc - optind;
	} else if (optind < argc) {
		return bad_usage("scenario files go with --scenarios ('%s')", argv[optind]);
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

const struct cli_cmd cli_host_diff = {
	"host-diff", "", "the model against the running kernel", usage_hostdiff, cmd_host_diff,
};
