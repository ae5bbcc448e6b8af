// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz replay: run fuzz inputs twice under every oracle and report how much of each version's table they reach. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "run/dirlist.h"
#include "run/reach.h"
#include "mutant.h"
#include "input/codec.h"
#include "input/targets.h"
#include "run/run.h"

static const char usage_replay[] =
	"usage: clonefuzz replay [--target T] [--mutant SPEC] [--bug NAME] [--require-full-coverage] PATH...\n\n"
	"Decode every input in PATH (files, or directories' files sorted) as fuzz\n"
	"target T's format (default fuzz_scenario) and run it twice under every\n"
	"oracle; report violations, runs that differ, and which precondition\n"
	"checks, fault sites and unwind labels of each version the inputs reach.\n"
	"exit status: 0 clean, 1 a violation, a nondeterministic input or (with\n"
	"--require-full-coverage) a check, site or label no input reaches, 2 bad\n"
	"usage or an unreadable path.\n";

struct reach {
	bool check[NR_CHECKS], site[NR_SITES], label[NR_LABELS];
	unsigned long inputs;
};

struct replay {
	const struct fuzz_target *t;
	struct reach reach[REACH_MAX_PROFILES];	/* per profile index */
	unsigned long inputs, rejected, violations, nondet, ops;
	const char *path;		/* the input being run */
	uint64_t digest;
	int pass;
	bool bad_path;
};

static struct replay rp;

static void on_result(const struct op_result *r, void *arg)
{
	struct reach *re = arg;
	int i;

	op_result_digest(r, &rp.digest);
	re->check[r->failed_check] = true;
	re->site[r->failed_site] = true;
	for (i = 0; i < r->nr_labels; i++)
		re->label[r->labels[i]] = true;
	if (rp.pass)
		return;
	for (i = 0; i < r->nr_v; i++) {
		if (r->known[i])
			continue;
		printf("%s: %s%d: %s: %s\n", rp.path, r->index ? "op " : "teardown",
		       r->index, vtype_names[r->v[i].type], r->v[i].msg);
	}
}

static void run_input(const char *path)
{
	static struct scenario s;
	struct run_summary sum;
	char err[256], *data;
	uint64_t first = 0;
	size_t len;
	struct reach *re;

	data = read_file(path, &len, false);
	if (!data) {
		rp.bad_path = true;
		return;
	}
	rp.inputs++;
	rp.path = path;
	if (rp.t->decode((const uint8_t *)data, len, &s, err, sizeof(err))) {
		rp.rejected++;
		free(data);
		return;
	}
	free(data);
	re = &rp.reach[reach_version(s.profile)];
	re->inputs++;
	rp.ops += (unsigned long)s.nr_ops;
	for (rp.pass = 0; rp.pass < 2; rp.pass++) {
		rp.digest = 0xcbf29ce484222325ULL;
		run_scenario(&s, on_result, re, &sum);
		if (!rp.pass) {
			first = rp.digest;
			rp.violations += sum.violations ? 1 : 0;
		} else if (rp.digest != first) {
			printf("%s: the second run differs from the first\n", path);
			rp.nondet++;
		}
	}
}

static void run_path(const char *path)
{
	struct stat st;
	char **names;
	size_t n, i;

	if (stat(path, &st)) {
		fprintf(stderr, "clonefuzz: %s: no such file or directory\n", path);
		rp.bad_path = true;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		run_input(path);
		return;
	}
	names = dir_files(path, &n);
	if (!names) {
		fprintf(stderr, "clonefuzz: %s: cannot open\n", path);
		rp.bad_path = true;
		return;
	}
	for (i = 0; i < n; i++)
		run_input(names[i]);
	dir_files_free(names, n);
}

/* Print one profile's coverage of its table; return the number of entries missed. */
static int print_reach(const struct profile *p, const struct reach *re)
{
	int hc = 0, hs = 0, hl = 0, missed;
	size_t i;

	for (i = 0; i < p->nr_checks; i++)
		hc += re->check[p->checks[i].check];
	for (i = 0; i < p->nr_sites; i++)
		hs += re->site[p->sites[i].site];
	for (i = 0; i < p->nr_labels; i++)
		hl += re->label[p->labels[i]];
	printf("%-8s %lu input(s): checks %d/%zu, sites %d/%zu, labels %d/%zu\n",
	       p->name, re->inputs, hc, p->nr_checks, hs, p->nr_sites, hl,
	       p->nr_labels);
	missed = (int)(p->nr_checks + p->nr_sites + p->nr_labels) - hc - hs - hl;
	if (!missed)
		return 0;
	printf("  not reached:");
	for (i = 0; i < p->nr_checks; i++)
		if (!re->check[p->checks[i].check])
			printf(" check %s", check_names[p->checks[i].check]);
	for (i = 0; i < p->nr_sites; i++)
		if (!re->site[p->sites[i].site])
			printf(" site %s", site_names[p->sites[i].site]);
	for (i = 0; i < p->nr_labels; i++)
		if (!re->label[p->labels[i]])
			printf(" label %s", label_names[p->labels[i]]);
	printf("\n");
	return missed;
}

enum { OPT_TARGET = CLI_LONG_ONLY, OPT_MUTANT, OPT_BUG, OPT_FULL };

static int cmd_replay(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "mutant", required_argument, NULL, OPT_MUTANT },
		{ "bug", required_argument, NULL, OPT_BUG },
		{ "require-full-coverage", no_argument, NULL, OPT_FULL },
		CLI_HELP_OPTION,
		{ 0 }
	};
	bool require_full = false;
	int c, status, missed = 0;
	size_t k;

	memset(&rp, 0, sizeof(rp));
	rp.t = &fuzz_targets[TARGET_scenario];
	_Static_assert(sizeof(rp.reach) / sizeof(rp.reach[0]) >= 8, "profiles");
	if (nr_profiles > sizeof(rp.reach) / sizeof(rp.reach[0]))
		return bad_usage("too many profiles");
	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_TARGET:
			rp.t = target_arg(optarg);
			if (!rp.t)
				return 2;
			break;
		case OPT_MUTANT:
			if (set_mutant(optarg))
				return 2;
			break;
		case OPT_BUG:
			if (set_bug(optarg))
				return 2;
			break;
		case OPT_FULL:
			require_full = true;
			break;
		default:
			return status;
		}
	}
	if (optind >= argc)
		return bad_usage("which inputs?");
	for (c = optind; c < argc; c++)
		run_path(argv[c]);
	printf("%s: %lu input(s), %lu rejected, %lu with violations, %lu nondeterministic\n",
	       rp.t->name, rp.inputs, rp.rejected, rp.violations, rp.nondet);
	printf("operations: %lu in the %lu input(s) that decode, %.1f per input\n", rp.ops,
	       rp.inputs - rp.rejected,
	       rp.inputs > rp.rejected ? (double)rp.ops / (double)(rp.inputs - rp.rejected) : 0.0);
	for (k = 0; k < nr_profiles; k++)
		if (codec_runs_on(profiles[k]))
			missed += print_reach(profiles[k], &rp.reach[k]);
	if (rp.bad_path)
		return 2;
	return rp.violations || rp.nondet || (require_full && missed) ? 1 : 0;
}

const struct cli_cmd cli_replay = {
	"replay", "PATH...", "run fuzz inputs; report table coverage", usage_replay, cmd_replay,
};
