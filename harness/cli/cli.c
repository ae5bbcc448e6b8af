// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz: the command-line program: its commands, option parsing and the helpers they share. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bug.h"
#include "cli.h"
#include "input/codec.h"
#include "input/scenario.h"
#include "input/targets.h"
#include "mutant.h"
#include "profile.h"

/* In the order 'clonefuzz --help' lists them. */
static const struct cli_cmd *const commands[] = {
	&cli_eval, &cli_encode, &cli_decode, &cli_replay, &cli_dict, &cli_targets,
	&cli_host_diff, &cli_bugs, &cli_sweep, &cli_ladder, &cli_lint, &cli_source, &cli_profiles,
	&cli_sites, &cli_checks, &cli_report,
};
#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct cli_cmd *command;

static void usage_main(FILE *f)
{
	char head[64];
	size_t i;

	fputs("usage: clonefuzz COMMAND [ARGS]\n"
	      "\n"
	      "A model of the Linux kernel's copy_process() and its unwind ladder.\n"
	      "\n"
	      "commands:\n", f);
	for (i = 0; i < NR_COMMANDS; i++) {
		snprintf(head, sizeof(head), "%s%s%s", commands[i]->name,
			 *commands[i]->synopsis ? " " : "", commands[i]->synopsis);
		fprintf(f, "  %-24s%s\n", head, commands[i]->summary);
	}
	fputs("\n'clonefuzz help COMMAND' (or 'clonefuzz COMMAND --help') describes each command.\n"
	      "CLONEFUZZ_PROFILE=P runs every fuzz input (decode, replay, report) on profile P,\n"
	      "as it does in the fuzz targets: a campaign on one version or a source profile.\n", f);
}

int bad_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "clonefuzz: %s%s", command ? command->name : "", command ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, " (see 'clonefuzz help %s')\n", command->name);
	else
		fprintf(stderr, " (see 'clonefuzz --help')\n");
	return 2;
}

/* The option text as typed: "--name" without its "=value", or "-c". */
static void option_text(char **argv, char *buf, size_t len)
{
	const char *a = argv[optind - 1];
	size_t n = strcspn(a, "=");

	if (a[0] == '-' && a[1] == '-')
		snprintf(buf, len, "%.*s", (int)n, a);
	else
		snprintf(buf, len, "-%c", optopt ? optopt : '?');
}

int cli_options(int argc, char **argv, const struct option *opts, int *status)
{
	char shorts[64] = ":", what[64];
	const struct option *o;
	size_t n = 1;
	int c;

	for (o = opts; o->name && n + 2 < sizeof(shorts); o++) {
		if (o->flag || o->val <= 0 || o->val >= CLI_LONG_ONLY)
			continue;
		shorts[n++] = (char)o->val;
		if (o->has_arg == required_argument)
			shorts[n++] = ':';
	}
	shorts[n] = 0;
	opterr = 0;
	c = getopt_long(argc, argv, shorts, opts, NULL);
	switch (c) {
	case 'h':
		fputs(command->usage, stdout);
		*status = 0;
		return '?';
	case ':':
		option_text(argv, what, sizeof(what));
		*status = bad_usage("option '%s' needs a value", what);
		return '?';
	case '?':
		option_text(argv, what, sizeof(what));
		for (o = opts; optopt && o->name; o++)
			if (o->val == optopt && o->has_arg == no_argument && what[1] == '-') {
				*status = bad_usage("option '%s' takes no value", what);
				return '?';
			}
		*status = bad_usage("unknown option '%s'", what);
		return '?';
	}
	return c;
}

bool cli_no_arguments(int argc, char **argv, int *status)
{
	static const struct option opts[] = { CLI_HELP_OPTION, { 0 } };

	if (cli_options(argc, argv, opts, status) != -1)
		return false;
	if (optind < argc) {
		*status = bad_usage("takes no arguments");
		return false;
	}
	return true;
}

int cli_number(const char *opt, const char *arg, long long min, long long max,
	       long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 0);
	if (errno || end == arg || *end || v < min || v > max) {
		bad_usage("%s takes a number from %lld to %lld, not '%s'", opt, min, max, arg);
		return -1;
	}
	*out = v;
	return 0;
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

int set_mutant(const char *spec)
{
	char err[256];

	if (mutant_parse(spec, &model_mutant, err, sizeof(err))) {
		fprintf(stderr, "clonefuzz: %s\n", err);
		return -1;
	}
	return 0;
}

const struct profile *profile_arg(const char *name)
{
	const struct profile *p = profile_find(name);

	if (!p)
		fprintf(stderr, "clonefuzz: unknown profile '%s' (see 'clonefuzz profiles')\n", name);
	return p;
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

const struct fuzz_target *target_arg(const char *name)
{
	const struct fuzz_target *t = fuzz_target_find(name);

	if (!t)
		fprintf(stderr, "clonefuzz: unknown fuzz target '%s' (see 'clonefuzz targets')\n", name);
	return t;
}

bool target_option(int argc, char **argv, const struct fuzz_target **t, int *status)
{
	static const struct option opts[] = {
		{ "target", required_argument, NULL, CLI_LONG_ONLY },
		CLI_HELP_OPTION,
		{ 0 }
	};
	int c;

	*t = &fuzz_targets[TARGET_scenario];
	while ((c = cli_options(argc, argv, opts, status)) != -1) {
		if (c != CLI_LONG_ONLY)
			return false;
		*t = target_arg(optarg);
		if (!*t) {
			*status = 2;
			return false;
		}
	}
	return true;
}

static const struct cli_cmd *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(name, commands[i]->name))
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage_main(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    (!strcmp(argv[1], "help") && argc == 2)) {
		usage_main(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "help")) {
		command = find_command(argv[2]);
		if (argc > 3) {
			command = NULL;
			return bad_usage("help takes one command");
		}
		if (!command)
			return bad_usage("help: unknown command '%s'", argv[2]);
		fputs(command->usage, stdout);
		return 0;
	}
	command = find_command(argv[1]);
	if (!command)
		return bad_usage("unknown command '%s'", argv[1]);
	if (codec_profile_from_env())
		return 2;
	optind = 0;	/* glibc: start afresh */
	return command->fn(argc - 1, argv + 1);
}
