// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz: the command-line program (eval, profiles, sites, checks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bug.h"
#include "cli.h"
#include "mutant.h"
#include "run/report.h"
#include "run/run.h"
#include "input/scenario.h"


static const char usage_main[] =
	"usage: clonefuzz COMMAND [ARGS]\n"
	"\n"
	"A model of the Linux kernel's copy_process() and its unwind ladder.\n"
	"\n"
	"commands:\n"
	"  eval FILE|- [--json]    run a scenario under every oracle\n"
	"  encode FILE -o OUT      a scenario as a fuzz input\n"
	"  decode FILE             a fuzz input as a scenario\n"
	"  replay PATH...          run fuzz inputs; report table coverage\n"
	"  dict                    a fuzz target's dictionary\n"
	"  targets                 list the fuzz targets\n"
	"  host-diff               the model against the running kernel\n"
	"  bugs [--check]          the seeded bug catalog, and whether each is found\n"
	"  sweep                   every site x every flag set, every version\n"
	"  ladder                  a version's ladder drawn; --diff between two\n"
	"  lint FILE               unwind symmetry of copy_process() in a real kernel/fork.c\n"
	"  profiles                list the modelled kernel versions\n"
	"  sites --profile P       list a version's fault sites\n"
	"  checks --profile P      list a version's precondition checks\n"
	"\n"
	"'clonefuzz COMMAND --help' describes each command.\n";

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

static const char usage_profiles[] =
	"usage: clonefuzz profiles\n\nList the modelled kernel versions and what each mirrors.\n";

static const char usage_sites[] =
	"usage: clonefuzz sites --profile P\n\n"
	"List P's fault sites in the order copy_process reaches them: the errno a\n"
	"failure there returns and the label it unwinds from.\n";

static const char usage_checks[] =
	"usage: clonefuzz checks --profile P\n\n"
	"List P's precondition checks in the order they run, with their errno.\n";

bool wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

int bad_usage(const char *msg, const char *usage)
{
	fprintf(stderr, "clonefuzz: %s\n%s", msg, usage);
	return 2;
}

char *read_file(const char *path, size_t *len, bool text)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf;
	size_t n;

	if (!f) {
		fprintf(stderr, "clonefuzz: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	buf = malloc(CLI_MAX_INPUT + 1);
	if (!buf) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		exit(2);
	}
	n = fread(buf, 1, CLI_MAX_INPUT + 1, f);
	if (ferror(f) || n > CLI_MAX_INPUT) {
		fprintf(stderr, "clonefuzz: %s: %s\n", path,
			ferror(f) ? "read error" : "larger than 1 MiB");
		free(buf);
		buf = NULL;
	} else {
		buf[n] = 0;
		*len = n;
		if (text && memchr(buf, 0, n)) {
			fprintf(stderr, "clonefuzz: %s: not a text scenario (NUL byte)\n", path);
			free(buf);
			buf = NULL;
		}
	}
	if (f != stdin)
		fclose(f);
	return buf;
}

int set_bug(const char *name)
{
	int b = bug_by_name(name);

	if (b < 0) {
		fprintf(stderr, "clonefuzz: unknown bug '%s' (see 'clonefuzz bugs')\n", name);
		return -1;
	}
	model_bug = b;
	return 0;
}

int load_scenario(const char *path, struct scenario *s)
{
	char err[256], *text;
	size_t len;

	text = read_file(path, &len, true);
	if (!text)
		return -1;
	if (scenario_parse(text, s, err, sizeof(err))) {
		fprintf(stderr, "clonefuzz: %s: %s\n", path, err);
		free(text);
		return -1;
	}
	free(text);
	return 0;
}

static int cmd_eval(int argc, char **argv)
{
	struct report_ctx ctx = { .out = stdout };
	static struct scenario s;
	struct run_summary sum;
	const char *path = NULL;
	bool twice = false;
	char err[256];
	int i;

	if (wants_help(argc, argv)) {
		fputs(usage_eval, stdout);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			ctx.json = true;
		else if (!strcmp(argv[i], "--twice"))
			twice = true;
		else if (!strcmp(argv[i], "--bug") && i + 1 < argc) {
			if (set_bug(argv[++i]))
				return 2;
		}
		else if (!strcmp(argv[i], "--mutant") && i + 1 < argc) {
			if (mutant_parse(argv[++i], &model_mutant, err, sizeof(err))) {
				fprintf(stderr, "clonefuzz: %s\n", err);
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1])
			return bad_usage("eval: unknown option", usage_eval);
		else if (path)
			return bad_usage("eval: one scenario at a time", usage_eval);
		else
			path = argv[i];
	}
	if (!path)
		return bad_usage("eval: which scenario?", usage_eval);
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

static int cmd_profiles(int argc, char **argv)
{
	size_t i;

	if (wants_help(argc, argv)) {
		fputs(usage_profiles, stdout);
		return 0;
	}
	if (argc > 1)
		return bad_usage("profiles takes no arguments", usage_profiles);
	for (i = 0; i < nr_profiles; i++) {
		const struct profile *p = profiles[i];

		printf("%-8s %zu checks, %zu sites, %zu labels, %zu known defect(s); %s\n",
		       p->name, p->nr_checks, p->nr_sites, p->nr_labels,
		       p->nr_defects, p->source);
	}
	return 0;
}

static const struct profile *profile_arg(int argc, char **argv, const char *usage,
					 int *status)
{
	const struct profile *p;

	*status = 0;
	if (argc != 3 || strcmp(argv[1], "--profile")) {
		*status = bad_usage("expected --profile P", usage);
		return NULL;
	}
	p = profile_find(argv[2]);
	if (!p) {
		fprintf(stderr, "clonefuzz: unknown profile '%s' (see 'clonefuzz profiles')\n",
			argv[2]);
		*status = 2;
	}
	return p;
}

static int cmd_sites(int argc, char **argv)
{
	const struct profile *p;
	int status;
	size_t i;

	if (wants_help(argc, argv)) {
		fputs(usage_sites, stdout);
		return 0;
	}
	p = profile_arg(argc, argv, usage_sites, &status);
	if (!p)
		return status;
	for (i = 0; i < p->nr_sites; i++) {
		const struct site_row *r = &p->sites[i];

		printf("%-22s %-15s %-34s %s\n", site_names[r->site],
		       r->err ? errno_name(r->err) : "(LSM)", label_names[r->label],
		       site_descs[r->site]);
	}
	return 0;
}

static int cmd_checks(int argc, char **argv)
{
	const struct profile *p;
	int status;
	size_t i;

	if (wants_help(argc, argv)) {
		fputs(usage_checks, stdout);
		return 0;
	}
	p = profile_arg(argc, argv, usage_checks, &status);
	if (!p)
		return status;
	for (i = 0; i < p->nr_checks; i++) {
		const struct check_row *r = &p->checks[i];

		printf("%-24s %-7s %s\n", check_names[r->check],
		       r->err ? errno_name(r->err) : "(LSM)", r->cond);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "eval", cmd_eval },
		{ "profiles", cmd_profiles },
		{ "sites", cmd_sites },
		{ "checks", cmd_checks },
		{ "encode", cmd_encode },
		{ "decode", cmd_decode },
		{ "replay", cmd_replay },
		{ "dict", cmd_dict },
		{ "targets", cmd_targets },
		{ "host-diff", cmd_host_diff },
		{ "bugs", cmd_bugs },
		{ "sweep", cmd_sweep },
		{ "ladder", cmd_ladder },
		{ "lint", cmd_lint },
	};
	size_t i;

	if (argc < 2)
		return bad_usage("no command", usage_main);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		fputs(usage_main, stdout);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "clonefuzz: unknown command '%s'\n%s", argv[1], usage_main);
	return 2;
}
