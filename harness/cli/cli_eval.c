// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz eval: run one scenario under every oracle and print each operation's result. */
#include <stdio.h>

#include "cli.h"
#include "input/scenario.h"
#include "run/report.h"
#include "run/run.h"

static const char usage_eval[] =
	"usage: clonefuzz eval FILE|- [--json] [--mutant SPEC] [--bug NAME] [--twice]\n"
	"\n"
	"Run the scenario in FILE (or standard input) from a fresh world and print,\n"
	"per operation, the result, where it failed, the unwind labels run and any\n"
	"oracle violations; then exit every task and check the world is back at its\n"
	"baseline. --json prints one JSON object per operation. --mutant breaks\n"
	"the model on purpose: drop:LABEL:KIND makes the unwind at LABEL forget\n"
	"to release objects of KIND. --twice first runs it twice in this process\n"
	"and fails if the two runs differ (state leaking between runs).\n"
	"exit status: 0 no oracle fired, 1 an oracle fired or an expectation failed,\n"
	"2 bad input.\n";

enum { OPT_JSON = CLI_LONG_ONLY, OPT_TWICE, OPT_BUG, OPT_MUTANT };

static int cmd_eval(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "twice", no_argument, NULL, OPT_TWICE },
		{ "bug", required_argument, NULL, OPT_BUG },
		{ "mutant", required_argument, NULL, OPT_MUTANT },
		CLI_HELP_OPTION,
		{ 0 }
	};
	struct report_ctx ctx = { .out = stdout };
	static struct scenario s;
	struct run_summary sum;
	const char *path;
	bool twice = false;
	int c, status;

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_JSON:
			ctx.json = true;
			break;
		case OPT_TWICE:
			twice = true;
			break;
		case OPT_BUG:
			if (set_bug(optarg))
				return 2;
			break;
		case OPT_MUTANT:
			if (set_mutant(optarg))
				return 2;
			break;
		default:
			return status;
		}
	}
	if (optind >= argc)
		return bad_usage("which scenario?");
	if (optind + 1 < argc)
		return bad_usage("one scenario at a time");
	path = argv[optind];
	if (load_scenario(path, &s))
		return 2;
	ctx.s = &s;
	if (twice && run_scenario_digest(&s) != run_scenario_digest(&s)) {
		fprintf(stderr, "clonefuzz: %s: two runs in one process differ\n", path);
		return 1;
	}
	run_scenario(&s, report_op, &ctx, &sum);
	if (!ctx.json)
		printf("%s: %d operation(s), %d violation(s), %d known defect(s), %d failed expectation(s)\n",
		       s.profile->name, sum.ops, sum.violations, sum.known_defects,
		       sum.expectation_failures);
	return sum.violations || sum.expectation_failures ? 1 : 0;
}

const struct cli_cmd cli_eval = {
	"eval", "FILE|- [--json]", "run a scenario under every oracle", usage_eval, cmd_eval,
};
