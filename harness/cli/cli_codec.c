// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz encode, decode and dict: the fuzz targets' input formats, readable both ways. */
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

static const char usage_targets[] =
	"usage: clonefuzz targets\n\nList the fuzz targets: name, largest meaningful input in bytes, what it drives.\n";

static const char usage_dict[] =
	"usage: clonefuzz dict [--target T]\n\n"
	"Print target T's dictionary (AFL++ and libFuzzer format), generated from\n"
	"the model's tables: flag values, signals, fault sites, boundaries.\n";

/* Parse the options shared by the codec commands; return the positional argument. */
static const char *codec_args(int argc, char **argv, const char *usage,
			      const struct fuzz_target **t, const char **out,
			      int *status)
{
	const char *path = NULL;
	int i;

	*t = &fuzz_targets[TARGET_scenario];
	*status = 0;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--target") && i + 1 < argc) {
			*t = fuzz_target_find(argv[++i]);
			if (!*t) {
				fprintf(stderr, "clonefuzz: unknown fuzz target '%s'\n", argv[i]);
				*status = 2;
				return NULL;
			}
		} else if (out && !strcmp(argv[i], "-o") && i + 1 < argc) {
			*out = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			*status = bad_usage("unknown option or missing value", usage);
			return NULL;
		} else if (path) {
			*status = bad_usage("one input at a time", usage);
			return NULL;
		} else {
			path = argv[i];
		}
	}
	return path;
}

int cmd_encode(int argc, char **argv)
{
	static struct scenario s;
	static uint8_t buf[CODEC_MAX_SIZE];
	const struct fuzz_target *t;
	const char *path, *out = NULL;
	char err[256];
	long n;
	int status;
	FILE *f;

	if (wants_help(argc, argv)) {
		fputs(usage_encode, stdout);
		return 0;
	}
	path = codec_args(argc, argv, usage_encode, &t, &out, &status);
	if (status)
		return status;
	if (!path || !out)
		return bad_usage("encode: need FILE and -o OUT", usage_encode);
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

int cmd_decode(int argc, char **argv)
{
	static struct scenario s;
	const struct fuzz_target *t;
	const char *path;
	char err[256], *data;
	size_t len;
	int status;

	if (wants_help(argc, argv)) {
		fputs(usage_decode, stdout);
		return 0;
	}
	path = codec_args(argc, argv, usage_decode, &t, NULL, &status);
	if (status)
		return status;
	if (!path)
		return bad_usage("decode: which input?", usage_decode);
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

/* One dictionary entry: @name="bytes", @n bytes of @v little-endian. */
static void entry(const char *prefix, const char *name, unsigned long long v, int n)
{
	int i;

	printf("%s%s=\"", prefix, name);
	for (i = 0; i < n; i++, v >>= 8)
		printf("\\x%02x", (unsigned int)(v & 0xff));
	printf("\"\n");
}

static void bytes_entry(const char *name, const uint8_t *b, size_t n)
{
	size_t i;

	printf("%s=\"", name);
	for (i = 0; i < n; i++)
		printf("\\x%02x", b[i]);
	printf("\"\n");
}

static void dict_common(void)
{
	size_t i;

	printf("# clone flags, 64-bit little-endian\n");
	for (i = 0; i < nr_flag_names; i++)
		if (!(flag_names[i].value & 0xff))
			entry("flag_", flag_names[i].name, flag_names[i].value, 8);
	printf("# exit signals (the CSIGNAL byte)\n");
	for (i = 0; i < nr_signal_names; i++)
		entry("sig_", signal_names[i].name, (unsigned int)signal_names[i].value, 1);
	printf("# tls: the first address copy_thread refuses\n");
	entry("tls_", "TASK_SIZE_MAX", TASK_SIZE_MAX, 8);
}

int cmd_dict(int argc, char **argv)
{
	const struct fuzz_target *t;
	uint8_t op[CODEC_OP_SIZE];
	const char *path;
	int status;
	size_t i;

	if (wants_help(argc, argv)) {
		fputs(usage_dict, stdout);
		return 0;
	}
	path = codec_args(argc, argv, usage_dict, &t, NULL, &status);
	if (status)
		return status;
	if (path)
		return bad_usage("dict takes no input", usage_dict);
	printf("# %s dictionary, generated by 'clonefuzz dict --target %s'.\n",
	       t->name, t->name);
	printf("# %s\n", t->what);
	dict_common();
	if (t == &fuzz_targets[TARGET_args])
		return 0;
	printf("# format version; profiles (header byte 1)\n");
	entry("", "version", CODEC_VERSION, 1);
	for (i = 0; i < nr_profiles; i++) {
		char name[32], *c;

		snprintf(name, sizeof(name), "%s", profiles[i]->name);
		for (c = name; *c; c++)
			if (*c == '.')
				*c = '_';
		entry("profile_", name, i, 1);
	}
	printf("# fault sites (op byte 2; signal points, op byte 3)\n");
	for (i = 1; i < NR_SITES; i++)
		entry("site_", site_names[i], i, 1);
	printf("# whole operations: a fork with SIGCHLD, an exit of task 1\n");
	codec_op_fork(op);
	bytes_entry("op_fork", op, CODEC_OP_SIZE);
	codec_op_exit(op);
	bytes_entry("op_exit", op, CODEC_OP_SIZE);
	return 0;
}

int cmd_targets(int argc, char **argv)
{
	size_t i;

	if (wants_help(argc, argv)) {
		fputs(usage_targets, stdout);
		return 0;
	}
	if (argc > 1)
		return bad_usage("targets takes no arguments", usage_targets);
	for (i = 0; i < NR_TARGETS; i++)
		printf("%-14s %5zu  %s\n", fuzz_targets[i].name, fuzz_targets[i].max_len,
		       fuzz_targets[i].what);
	return 0;
}
