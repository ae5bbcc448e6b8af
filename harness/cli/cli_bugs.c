// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz bugs: the catalog of seeded bugs, and --check: is each found by the scenarios, the corpus or the sweep. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bug.h"
#include "cli.h"
#include "run/dirlist.h"
#include "run/sweep.h"
#include "input/targets.h"
#include "run/run.h"

static const char usage_bugs[] =
	"usage: clonefuzz bugs [--long]\n"
	"       clonefuzz bugs --check [--scenarios DIR] [--corpus DIR] [--no-sweep] [NAME...]\n\n"
	"List the seeded bugs (--bug NAME or $CLONEFUZZ_BUG switches one into the\n"
	"model). --check runs every bug (or those named) through the deterministic\n"
	"checks of each version it applies to: the scenario files with their\n"
	"expectations (DIR default tests/scenarios), the fuzz corpus (default\n"
	"corpus/fuzz_scenario) and, when neither finds it, the exhaustive sweep.\n"
	"It prints per bug whether it is found, by what, and the shortest\n"
	"reproducer; the faithful model must stay clean.\n"
	"exit status: 0 every bug found and the faithful model clean, 1 otherwise,\n"
	"2 bad usage.\n";

struct finding {
	bool found;
	char by[96];
	char repro[512];
	size_t repro_len;	/* for the corpus: input bytes, shorter wins */
};

static void one_line(const struct scenario *s, char *buf, size_t len)
{
	char *text = NULL, *c;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);

	scenario_write(f, s);
	fclose(f);
	for (c = text; *c; c++)
		if (*c == '\n')
			*c = c[1] ? ';' : 0;
	snprintf(buf, len, "%s", text);
	free(text);
}

static const char *first_violation(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;

	for (i = 0; i < n; i++)
		if (!oracle_known_defect(profile, &ledger.v[i]))
			return vtype_names[ledger.v[i].type];
	return NULL;
}

struct first_v {
	const char *type;
};

static void note_violation(const struct op_result *r, void *arg)
{
	struct first_v *fv = arg;
	int i;

	for (i = 0; i < r->nr_v && !fv->type; i++)
		if (!r->known[i])
			fv->type = vtype_names[r->v[i].type];
	if (!fv->type && r->nr_notes)
		fv->type = "expectation";
}

/* The version's scenario files, with their expectations. */
static void check_scenarios(const struct profile *p, const char *dir, struct finding *f)
{
	static struct scenario s;
	char prefix[32], **names;
	size_t n, i;

	snprintf(prefix, sizeof(prefix), "%s-", p->name);
	names = dir_files(dir, &n);
	for (i = 0; i < n && !f->found; i++) {
		const char *base = strrchr(names[i], '/') ? strrchr(names[i], '/') + 1 : names[i];
		struct first_v fv = { NULL };
		struct run_summary sum;
		char err[256], *text;
		size_t len;

		if (strncmp(base, prefix, strlen(prefix)) ||
		    !strstr(base, ".scn") || !(text = read_file(names[i], &len, true)))
			continue;
		if (scenario_parse(text, &s, err, sizeof(err))) {
			free(text);
			continue;
		}
		free(text);
		run_scenario(&s, note_violation, &fv, &sum);
		if (sum.violations || sum.expectation_failures) {
			f->found = true;
			snprintf(f->by, sizeof(f->by), "%s", fv.type ? fv.type : "teardown");
			snprintf(f->repro, sizeof(f->repro), "scenario %s", base);
		}
	}
	dir_files_free(names, n);
}

/* The fuzz corpus: the shortest input of the version that makes an oracle fire. */
static void check_corpus(const struct profile *p, const char *dir, struct finding *f)
{
	static struct scenario s;
	char **names, err[256];
	size_t n, i;

	names = dir_files(dir, &n);
	for (i = 0; i < n; i++) {
		struct first_v fv = { NULL };
		struct run_summary sum;
		size_t len;
		char *data = read_file(names[i], &len, false);

		if (!data)
			continue;
		if (scenario_decode((const uint8_t *)data, len, &s, err, sizeof(err)) ||
		    s.profile != p || (f->found && len >= f->repro_len)) {
			free(data);
			continue;
		}
		free(data);
		run_scenario(&s, note_violation, &fv, &sum);
		if (!sum.violations)
			continue;
		f->found = true;
		f->repro_len = len;
		snprintf(f->by, sizeof(f->by), "%s (corpus)", fv.type ? fv.type : "teardown");
		one_line(&s, f->repro, sizeof(f->repro));
	}
	dir_files_free(names, n);
}

static void sweep_hook_first(const struct sweep_run *r, void *arg)
{
	struct finding *f = arg;
	static struct scenario s;
	const char *t;

	if (f->found || !r->unknown || !(t = first_violation()))
		return;
	f->found = true;
	snprintf(f->by, sizeof(f->by), "%s (sweep, world %d)", t, r->world);
	memset(&s, 0, sizeof(s));
	s.profile = profile;
	s.cfg = *r->cfg;
	s.nr_ops = 1;
	s.ops[0].kind = r->call.entry == ENTRY_clone3 ? OP_CLONE3 : OP_CLONE;
	s.ops[0].call = r->call;
	s.ops[0].plan = r->plan;
	one_line(&s, f->repro, sizeof(f->repro));
}

/* Every named bug (all when @names is empty) through every check that finds bugs. */
static int bugs_check(const char *scn_dir, const char *corpus, bool no_sweep,
		      int nr_names, char **names)
{
	bool named = nr_names > 0, want[NR_BUGS] = { 0 };
	int i, b, missed = 0, found = 0;
	size_t k;

	for (i = 0; i < nr_names; i++) {
		b = bug_by_name(names[i]);
		if (b <= 0) {
			fprintf(stderr, "clonefuzz: unknown bug '%s' (see 'clonefuzz bugs')\n", names[i]);
			return 2;
		}
		want[b] = true;
	}
	printf("| bug | version | found | by | shortest reproducer |\n|---|---|---|---|---|\n");
	for (b = 0; b < NR_BUGS; b++) {
		if (named && !want[b])
			continue;
		for (k = 0; k < nr_profiles; k++) {
			const struct profile *p = profiles[k];
			struct finding f = { 0 };

			if (b && !bug_applies(b, p))
				continue;
			model_bug = b;
			check_corpus(p, corpus, &f);	/* the shortest reproducer first */
			if (!f.found)
				check_scenarios(p, scn_dir, &f);
			if (!f.found && !no_sweep) {
				struct sweep_stats st;

				sweep_profile(p, sweep_hook_first, &f, &st);
			}
			model_bug = BUG_none;
			if (b == BUG_none) {
				printf("| (none: the faithful model) | %s | %s | %s | %s |\n", p->name,
				       f.found ? "NOT CLEAN" : "clean", f.found ? f.by : "",
				       f.found ? f.repro : "");
				missed += f.found;
				continue;
			}
			printf("| %s | %s | %s | %s | `%s` |\n", bug_infos[b].name, p->name,
			       f.found ? "yes" : "NO", f.by, f.repro);
			if (f.found)
				found++;
			else
				missed++;
			fflush(stdout);
		}
	}
	printf("\n%d bug/version pairs found, %d not%s\n", found, missed,
	       missed ? " (or the faithful model is not clean)" : "");
	return missed ? 1 : 0;
}

enum { OPT_LONG = CLI_LONG_ONLY, OPT_CHECK, OPT_SCENARIOS, OPT_CORPUS, OPT_NO_SWEEP };

static int cmd_bugs(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "long", no_argument, NULL, OPT_LONG },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "scenarios", required_argument, NULL, OPT_SCENARIOS },
		{ "corpus", required_argument, NULL, OPT_CORPUS },
		{ "no-sweep", no_argument, NULL, OPT_NO_SWEEP },
		CLI_HELP_OPTION,
		{ 0 }
	};
	const char *scn_dir = "tests/scenarios", *corpus = "corpus/fuzz_scenario";
	bool full = false, check = false, no_sweep = false, check_only = false;
	int b, c, status;

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_LONG:
			full = true;
			break;
		case OPT_CHECK:
			check = true;
			break;
		case OPT_SCENARIOS:
			scn_dir = optarg;
			check_only = true;
			break;
		case OPT_CORPUS:
			corpus = optarg;
			check_only = true;
			break;
		case OPT_NO_SWEEP:
			no_sweep = check_only = true;
			break;
		default:
			return status;
		}
	}
	if (check && full)
		return bad_usage("--long and --check go one at a time");
	if (check)
		return bugs_check(scn_dir, corpus, no_sweep, argc - optind, argv + optind);
	if (check_only)
		return bad_usage("--scenarios, --corpus and --no-sweep go with --check");
	if (optind < argc)
		return bad_usage("bug names go with --check ('%s')", argv[optind]);
	for (b = 1; b < NR_BUGS; b++) {
		printf("%-32s %-18s %s\n", bug_infos[b].name, bug_infos[b].versions,
		       bug_infos[b].provenance);
		if (full)
			printf("    %s\n", bug_infos[b].desc);
	}
	return 0;
}

const struct cli_cmd cli_bugs = {
	"bugs", "[--check]", "the seeded bug catalog, and whether each is found", usage_bugs, cmd_bugs,
};
