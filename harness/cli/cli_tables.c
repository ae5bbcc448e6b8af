// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz profiles, sites and checks: the modelled versions and each one's table, as the model holds them. */
#include <stdio.h>

#include "cli.h"
#include "profile.h"

static const char usage_profiles[] =
	"usage: clonefuzz profiles\n\nList the modelled kernel versions and what each mirrors.\n";

static const char usage_sites[] =
	"usage: clonefuzz sites --profile P\n\n"
	"List P's fault sites in the order copy_process reaches them: the errno a\n"
	"failure there returns and the label it unwinds from.\n";

static const char usage_checks[] =
	"usage: clonefuzz checks --profile P\n\n"
	"List P's precondition checks in the order they run, with their errno.\n";

static int cmd_profiles(int argc, char **argv)
{
	int status;
	size_t i;

	if (!cli_no_arguments(argc, argv, &status))
		return status;
	for (i = 0; i < nr_profiles; i++) {
		const struct profile *p = profiles[i];

		printf("%-8s %zu checks, %zu sites, %zu labels, %zu known defect(s); %s\n",
		       p->name, p->nr_checks, p->nr_sites, p->nr_labels,
		       p->nr_defects, p->source);
	}
	return 0;
}

/* The one option of sites and checks: --profile P, which they need. */
static const struct profile *profile_option(int argc, char **argv, int *status)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, CLI_LONG_ONLY },
		CLI_HELP_OPTION,
		{ 0 }
	};
	const struct profile *p = NULL;
	int c;

	while ((c = cli_options(argc, argv, opts, status)) != -1) {
		if (c != CLI_LONG_ONLY)
			return NULL;
		p = profile_arg(optarg);
		if (!p) {
			*status = 2;
			return NULL;
		}
	}
	if (!p || optind < argc) {
		*status = bad_usage("expected --profile P");
		return NULL;
	}
	return p;
}

static int cmd_sites(int argc, char **argv)
{
	const struct profile *p;
	int status;
	size_t i;

	p = profile_option(argc, argv, &status);
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

	p = profile_option(argc, argv, &status);
	if (!p)
		return status;
	for (i = 0; i < p->nr_checks; i++) {
		const struct check_row *r = &p->checks[i];

		printf("%-24s %-7s %s\n", check_names[r->check],
		       r->err ? errno_name(r->err) : "(LSM)", r->cond);
	}
	return 0;
}

const struct cli_cmd cli_profiles = {
	"profiles", "", "list the modelled kernel versions", usage_profiles, cmd_profiles,
};
const struct cli_cmd cli_sites = {
	"sites", "--profile P", "list a version's fault sites", usage_sites, cmd_sites,
};
const struct cli_cmd cli_checks = {
	"checks", "--profile P", "list a version's precondition checks", usage_checks, cmd_checks,
};
