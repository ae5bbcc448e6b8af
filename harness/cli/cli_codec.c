// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz encode and decode: a fuzz target's input, written from and read as scenario text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input/targets.h"

static const char usage_encode[] =
	"usage: clonefuzz encode FILE|- -o OUT [--target T]\n\n"
	"Write the scenario in FILE as an input of fuzz target T (default\n"
	"fuzz_scenario). Expectations (expect=, at=, labels=, defect=) are not\n"
	"part of a fuzz input: the oracles judge it against the version's tables.\n";

static const char usage_decode[] =
	"usage: clonefuzz decode FILE|- [--target T]\n\n"
	"Print the fuzz input in FILE, read as target T's format (default\n"
	"fuzz_scenario), as scenario text that 'clonefuzz eval' runs.\n";

static int cmd_encode(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "target", required_argument, NULL, CLI_LONG_ONLY },
		{ "output", required_argument, NULL, 'o' },
		CLI_HELP_OPTION,
		{ 0 }
	};
	static struct scenario s;
	static uint8_t buf[CODEC_MAX_SIZE];
	const struct fuzz_target *t = &fuzz_targets[TARGET_scenario];
	const char *path, *out = NULL;
	char err[256];
	int c, status;
	long n;
	FILE *f;

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		if (c == 'o') {
			out = optarg;
		} else if (c == CLI_LONG_ONLY) {
			t = target_arg(optarg);
			if (!t)
				return 2;
		} else {
			return status;
		}
	}
	if (optind + 1 != argc || !out)
		return bad_usage("need FILE and -o OUT");
	path = argv[optind];
	if (load_scenario(path, &s))
		return 2;
	n = t->encode(&s, buf, err, sizeof(err));
	if (n < 0) {
		fprintf(stderr, "clonefuzz: %s: does not fit %s: %s\n", path, t->name, err);
		return 2;
	}
	f = strcmp(out, "-") ? fopen(out, "wb") : stdout;
	if (!f || fwrite(buf, 1, (size_t)n, f) != (size_t)n ||
	    (f != stdout && fclose(f))) {
		fprintf(stderr, "clonefuzz: %s: cannot write\n", out);
		return 2;
	}
	return 0;
}

static int cmd_decode(int argc, char **argv)
{
	static struct scenario s;
	const struct fuzz_target *t;
	const char *path;
	char err[256], *data;
	size_t len;
	int status;

	if (!target_option(argc, argv, &t, &status))
		return status;
	if (optind >= argc)
		return bad_usage("which input?");
	if (optind + 1 < argc)
		return bad_usage("one input at a time");
	path = argv[optind];
	data = read_file(path, &len, false);
	if (!data)
		return 2;
	status = t->decode((const uint8_t *)data, len, &s, err, sizeof(err));
	free(data);
	if (status) {
		fprintf(stderr, "clonefuzz: %s: not a %s input: %s\n", path, t->name, err);
		return 2;
	}
	printf("# %s input %s\n", t->name, path);
	scenario_write(stdout, &s);
	return 0;
}

const struct cli_cmd cli_encode = {
	"encode", "FILE -o OUT", "a scenario as a fuzz input", usage_encode, cmd_encode,
};
const struct cli_cmd cli_decode = {
	"decode", "FILE", "a fuzz input as a scenario", usage_decode, cmd_decode,
};
