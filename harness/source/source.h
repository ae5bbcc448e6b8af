/* SPDX-License-Identifier: GPL-2.0-only */
/* Source profiles: a kernel's own copy_process(), extracted, compiled against the shims, listed when it cannot be. */
#ifndef CLONEFUZZ_SOURCE_H
#define CLONEFUZZ_SOURCE_H

#include <stdbool.h>
#include <stdio.h>

struct source_opts {
	const char *path;	/* the kernel/fork.c */
	const char *function;	/* "copy_process" */
	const char *out;	/* the profile's directory */
	const char *cc;		/* the compiler that checks the extracted file */
	const char *root;	/* the clonefuzz tree, for model/shim */
	const char *name;	/* the profile's name */
	bool build;		/* also build clonefuzz with the profile in out/build */
};

/*
 * Extract @o->path into @o->out/fork.c and compile it against the shims
 * (syntax only). Every name the file needs and the shims, the vocabulary
 * or pairs.def lack goes into one list on @msg: labels, checks and steps
 * no row names, and the compiler's undeclared identifiers, types,
 * functions and members with the lines that use them. Returns 0 when
 * nothing is missing, 2 otherwise or when the file cannot be read.
 */
int source_check(const struct source_opts *o, FILE *msg);

/*
 * Configure and build the clonefuzz tree @root in @out/build with the
 * profile of @out (its profile.c), compiler output into @log. The exit
 * status of the first step that fails, 0, or -1 if cmake cannot run.
 */
int source_build(const char *root, const char *out, const char *log);

/*
 * Compile @file with @cc, syntax only, the shims of @root forced in, every
 * error reported into @log. The compiler's exit status, -1 if it cannot run.
 */
int source_compile_check(const char *cc, const char *root, const char *file, const char *log);

/* The clonefuzz tree the shims are read from: $CLONEFUZZ_ROOT, else the one this was built from. */
const char *source_root(void);

#endif
