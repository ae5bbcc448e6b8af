// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz sweep: the exhaustive single-call sweep of each version, its verdict and the label x site matrix. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bug.h"
#include "cli.h"
#include "run/sweep.h"
#include "run/sweepdiff.h"
#include "run/workers.h"

static const char usage_sweep[] =
	"usage: clonefuzz sweep [--profile P [--against Q]] [--bug NAME] [--jobs N] [--matrix]\n\n"
	"For each modelled version (or P): every fault site, and no fault, x every\n"
	"combination of the flags the steps read (2^12 in a rich world, 2^8 in four\n"
	"others: unprivileged, nested root, init, limits at their edge), through\n"
	"clone() and clone3(), under every oracle. Prints the number of scenarios,\n"
	"the time, every violation (the first ones decoded) and with --matrix, for\n"
	"every site, the labels that ran and what each released. --jobs N splits\n"
	"the versions over N processes (default: the number of cores).\n"
	"--against Q sweeps P and Q and compares them scenario by scenario (the\n"
	"same world, entry, flags and fault): the result, the check or step that\n"
	"failed, the labels run and the verdict; it prints every kind of\n"
	"difference with examples (for a source profile against its mirror).\n"
	"exit status: 0 clean (known defects aside) or no difference, 1 a\n"
	"violation or a difference, 2 bad usage.\n";

/* What the sweep of one version found, passed back from a worker as bytes. */
struct sweep_result {
	long runs, with_violations, with_known, seen;
	double seconds;
	int shown;
	char first[8][600];
	/* per site, per label: the kinds released (a bit per kind) */
	uint64_t released[NR_SITES][NR_LABELS];
	bool ran[NR_SITES][NR_LABELS];
	bool site_hit[NR_SITES];
};

static void record(const struct sweep_run *r, void *arg)
{
	struct sweep_result *res = arg;
	size_t e;
	int site = model_trace.failed_site;

	if (++res->seen % 200000 == 0)	/* progress, from each worker */
		fprintf(stderr, "clonefuzz: %s: %ld scenarios...\n", profile->name, res->seen);
	if ((size_t)r->unknown < (ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS))
		res->with_known++;
	if (r->unknown && res->shown < 8) {
		size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
		const struct violation *v = NULL;

		for (i = 0; i < n && !v; i++)
			if (!oracle_known_defect(profile, &ledger.v[i]))
				v = &ledger.v[i];
		if (v)
			snprintf(res->first[res->shown++], sizeof(res->first[0]),
				 "%s: %s [%s %s flags=0x%llx world %d fail=%s]", vtype_names[v->type],
				 v->msg, profile->name, r->call.entry == ENTRY_clone3 ? "clone3" : "clone",
				 r->call.flags, r->world, r->plan.site ? site_names[r->plan.site] : "none");
	}
	if (r->ret >= 0 || !site)
		return;
	res->site_hit[site] = true;
	for (e = 0; e < (size_t)model_trace.nr_labels; e++)
		res->ran[site][model_trace.labels[e]] = true;
	for (e = r->mark->snap.event_mark; e < ledger.nr_events; e++) {
		const struct ledger_event *ev = &ledger.events[e];

		if ((ev->op == LOP_PUT || ev->op == LOP_FREE) && ev->label != L_none &&
		    ev->obj->kind < 64)
			res->released[site][ev->label] |= 1ULL << ev->obj->kind;
	}
}

static void sweep_one(const struct profile *p, struct sweep_result *res)
{
	struct sweep_stats st;
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	sweep_profile(p, record, res, &st);
	clock_gettime(CLOCK_MONOTONIC, &b);
	res->runs = st.runs;
	res->with_violations = st.with_violations;
	res->seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static void print_matrix(const struct profile *p, const struct sweep_result *res)
{
	size_t s, l;
	int k;

	printf("\n%s: labels run and what each released, per failing site\n", p->name);
	for (s = 0; s < p->nr_sites; s++) {
		int site = p->sites[s].site;

		printf("  %-22s", site_names[site]);
		if (!res->site_hit[site]) {
			printf(" (never failed)\n");
			continue;
		}
		for (l = 0; l < p->nr_labels; l++) {
			int label = p->labels[l];

			if (!res->ran[site][label])
				continue;
			printf(" %s", label_names[label]);
			if (res->released[site][label]) {
				const char *sep = "(";

				for (k = 0; k < NR_KINDS && k < 64; k++)
					if (res->released[site][label] >> k & 1) {
						printf("%s%s", sep, kind_names[k]);
						sep = ",";
					}
				printf(")");
			}
		}
		printf("\n");
	}
}

static const struct profile *chosen[8];

static int sweep_against(const struct profile *p, const struct profile *q)
{
	struct sweep_diff_stats st;
	int ret;

	if (!p)
		return bad_usage("--against %s needs --profile", q->name);
	fprintf(stderr, "clonefuzz: sweeping %s and %s...\n", p->name, q->name);
	ret = sweep_diff(p, q, 3, stdout, &st);
	if (ret < 0) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		return 2;
	}
	return ret;
}

static void sweep_job(int i, void *result)
{
	sweep_one(chosen[i], result);
}

enum { OPT_PROFILE = CLI_LONG_ONLY, OPT_AGAINST, OPT_BUG, OPT_JOBS, OPT_MATRIX };

static int cmd_sweep(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "against", required_argument, NULL, OPT_AGAINST },
		{ "bug", required_argument, NULL, OPT_BUG },
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "matrix", no_argument, NULL, OPT_MATRIX },
		CLI_HELP_OPTION,
		{ 0 }
	};
	const struct profile *only = NULL, *against = NULL;
	int jobs = online_cores(), n = 0, i, c, status, bad = 0;
	bool matrix = false;
	struct sweep_result *res;
	long long v;
	size_t k;

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_PROFILE:
			only = profile_arg(optarg);
			if (!only)
				return 2;
			break;
		case OPT_AGAINST:
			against = profile_arg(optarg);
			if (!against)
				return 2;
			break;
		case OPT_BUG:
			if (set_bug(optarg))
				return 2;
			break;
		case OPT_JOBS:
			if (cli_number("--jobs", optarg, 1, 1024, &v))
				return 2;
			jobs = (int)v;
			break;
		case OPT_MATRIX:
			matrix = true;
			break;
		default:
			return status;
		}
	}
	if (optind < argc)
		return bad_usage("takes no operands ('%s')", argv[optind]);
	if (against)
		return sweep_against(only, against);
	for (k = 0; k < nr_profiles && n < 8; k++)
		if (!only || profiles[k] == only)
			chosen[n++] = profiles[k];
	res = calloc((size_t)n, sizeof(*res));
	if (!res) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		return 2;
	}
	fprintf(stderr, "clonefuzz: sweeping %d version(s) on %d worker(s)...\n", n, jobs);
	if (run_workers(n, sweep_job, res, sizeof(*res), jobs)) {
		fprintf(stderr, "clonefuzz: a sweep worker did not finish\n");
		bad = 1;
	}
	for (i = 0; i < n; i++) {
		const struct sweep_result *r = &res[i];
		int v;

		printf("%-8s %ld single-call scenarios in %.1f s, %ld with violations, %ld with known defects%s%s\n",
		       chosen[i]->name, r->runs, r->seconds, r->with_violations, r->with_known,
		       model_bug ? ", bug " : "", model_bug ? bug_infos[model_bug].name : "");
		for (v = 0; v < r->shown; v++)
			printf("  %s\n", r->first[v]);
		if (r->with_violations)
			bad = 1;
		if (matrix)
			print_matrix(chosen[i], r);
	}
	free(res);
	return bad;
}

const struct cli_cmd cli_sweep = {
	"sweep", "", "every site x every flag set, every version", usage_sweep, cmd_sweep,
};
