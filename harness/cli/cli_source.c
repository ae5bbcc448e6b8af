// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz source: a kernel's own copy_process() as a profile: extracted, checked against the shims. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "source/source.h"

static const char usage_source[] =
	"usage: clonefuzz source FILE [--out DIR] [--name NAME] [--build]\n"
	"         [--cc CC] [--function F]\n\n"
	"Build a source profile from FILE, a kernel/fork.c: copy_process() (or\n"
	"F) and the same-file functions, variables and structs it reaches,\n"
	"unchanged, compiled against the shims of model/shim/ that map the\n"
	"kernel's types, macros and functions onto the model's world. Writes\n"
	"DIR/fork.c: the file with every other line blank (so line numbers are\n"
	"the file's), #include lines dropped, each label of the function marked\n"
	"for the unwind oracle and each test that jumps to its ladder made a\n"
	"fault site (model_fail); what model/shim/provides.def names is left to\n"
	"the shims. Then DIR/table.def, its table.\n\n"
	"When the file needs a name nothing defines, prints one list of them:\n"
	"labels not in model/labels.def, checks and steps no pairs.def row names,\n"
	"and every identifier, type, function and struct member the compiler\n"
	"finds undeclared, with the lines that use it.\n\n"
	"  --out DIR      where the profile goes (default build/source/NAME, NAME\n"
	"                 the directory above kernel/, or the file's name)\n"
	"  --name NAME    the profile's name (default src-DIRNAME)\n"
	"  --build        then build clonefuzz with the profile in DIR/build\n"
	"                 (DIR/profile.c: the cut file behind v6.18's entry and\n"
	"                 kernel_clone); eval, sweep and replay take it by name\n"
	"  --cc CC        the compiler that checks it (default $CC, else clang)\n"
	"  --function F   the function to extract (default copy_process)\n\n"
	"The shims are read from $CLONEFUZZ_ROOT, else the tree clonefuzz was\n"
	"built from.\n\n"
	"Exit status: 0 when every name is known, 2 when some are missing or FILE\n"
	"cannot be read.\n";

/* "build/source/v6.12-debian" for ".../v6.12-debian/kernel/fork.c"; else the file's base name. */
static void default_out(const char *path, char *buf, size_t size)
{
	const char *end = strstr(path, "/kernel/fork.c"), *start;

	if (end && end > path) {
		for (start = end; start > path && start[-1] != '/'; start--)
			;
	} else {
		start = strrchr(path, '/');
		start = start ? start + 1 : path;
		end = strrchr(start, '.');
		if (!end || end == start)
			end = start + strlen(start);
	}
	snprintf(buf, size, "build/source/%.*s", (int)(end - start), start);
}

enum { OPT_OUT = CLI_LONG_ONLY, OPT_CC, OPT_FUNCTION, OPT_NAME, OPT_BUILD };

static int cmd_source(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, OPT_OUT },
		{ "cc", required_argument, NULL, OPT_CC },
		{ "function", required_argument, NULL, OPT_FUNCTION },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "build", no_argument, NULL, OPT_BUILD },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct source_opts o = { .function = "copy_process" };
	char out[512], name[600], abs[4096];
	int c, status;

	o.cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "clang";
	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_OUT:
			o.out = optarg;
			break;
		case OPT_CC:
			o.cc = optarg;
			break;
		case OPT_FUNCTION:
			o.function = optarg;
			break;
		case OPT_NAME:
			o.name = optarg;
			break;
		case OPT_BUILD:
			o.build = true;
			break;
		default:
			return status;
		}
	}
	if (optind + 1 != argc)
		return bad_usage("takes one FILE");
	o.path = argv[optind];
	if (!o.out) {
		default_out(o.path, out, sizeof(out));
		o.out = out;
	}
	if (!o.name) {
		const char *base = strrchr(o.out, '/');

		snprintf(name, sizeof(name), "src-%s", base ? base + 1 : o.out);
		o.name = name;
	}
	/* the build runs elsewhere: it is told where the profile is absolutely */
	if (o.out[0] != '/' && getcwd(abs, sizeof(abs) - strlen(o.out) - 2)) {
		strcat(abs, "/");
		strcat(abs, o.out);
		o.out = abs;
	}
	o.root = source_root();
	return source_check(&o, stdout);
}

const struct cli_cmd cli_source = {
	"source", "FILE", "a kernel's own copy_process() as a profile: extract, check against the shims",
	usage_source, cmd_source,
};
