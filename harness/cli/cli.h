/* SPDX-License-Identifier: GPL-2.0-only */
/* The CLI's commands, their option parsing (getopt_long) and the helpers they share. */
#ifndef CLONEFUZZ_CLI_H
#define CLONEFUZZ_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#define CLI_MAX_INPUT (1 << 20)

/* One subcommand: 'clonefuzz NAME ARGS', 'clonefuzz NAME --help' and 'clonefuzz help NAME'. */
struct cli_cmd {
	const char *name;
	const char *synopsis;	/* its arguments, for the command list */
	const char *summary;	/* one line, for the command list */
	const char *usage;	/* the whole help text */
	int (*fn)(int argc, char **argv);
};

extern const struct cli_cmd cli_eval, cli_profiles, cli_sites, cli_checks, cli_encode,
	cli_decode, cli_replay, cli_dict, cli_targets, cli_host_diff, cli_bugs, cli_sweep,
	cli_ladder, cli_lint, cli_report, cli_source;

/* Options whose val is below 256 also have that letter as a short form (-o). */
#define CLI_LONG_ONLY	256
#define CLI_HELP_OPTION	{ "help", no_argument, NULL, 'h' }

/*
 * cli_options - getopt_long over the current command's arguments: each
 * option's val, then -1 once the options end (the operands are
 * argv[optind..]). After --help (the usage printed, *status 0) or a bad
 * option (a one-line error, *status 2) it returns '?': the command returns
 * *status. @opts ends with a zeroed entry and holds CLI_HELP_OPTION.
 */
int cli_options(int argc, char **argv, const struct option *opts, int *status);

/* For a command with no options and no operands: true to go on, else return *status. */
bool cli_no_arguments(int argc, char **argv, int *status);

/* A one-line usage error for the current command, "see help" appended; returns 2. */
int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse @arg as a number in [@min, @max] for option @opt; -1 after a one-line error. */
int cli_number(const char *opt, const char *arg, long long min, long long max,
	       long long *out);

/* Read @path ("-": stdin) whole, NUL-terminated; NULL after a one-line error. */
char *read_file(const char *path, size_t *len, bool text);

struct scenario;
struct profile;

struct fuzz_target;
/* --target T: the fuzz target, or NULL after a one-line error. */
const struct fuzz_target *target_arg(const char *name);
/* A command whose one option is --target T (default fuzz_scenario): true to go on, else return *status. */
bool target_option(int argc, char **argv, const struct fuzz_target **t, int *status);

/* Read and parse the scenario text in @path; -1 after a one-line error. */
int load_scenario(const char *path, struct scenario *s);

/* --bug NAME: switch a catalogued bug into the model; -1 after a one-line error. */
int set_bug(const char *name);
/* --mutant SPEC: break the model on purpose; -1 after a one-line error. */
int set_mutant(const char *spec);
/* --profile P: the profile, or NULL after a one-line error. */
const struct profile *profile_arg(const char *name);

#endif
