/* SPDX-License-Identifier: GPL-2.0-only */
/* A kernel/fork.c cut down to copy_process() and what it reaches in the same file, line numbers kept, labels marked. */
#ifndef CLONEFUZZ_SOURCE_EXTRACT_H
#define CLONEFUZZ_SOURCE_EXTRACT_H

#include <stdbool.h>
#include <stdio.h>

#include "lint/lint_parse.h"

#define EXTRACT_MAX_ITEMS	2048
#define EXTRACT_MAX_LABELS	64
#define EXTRACT_MAX_MARKS	128

/* One definition or declaration at file scope. */
struct extract_item {
	int t0, t1;		/* its tokens, [t0, t1] */
	int line0, line1;	/* the lines they span */
	char name[64];		/* what it defines: a function, a variable, a struct tag */
	bool function;		/* a function definition (a body follows) */
	bool is_static;		/* file-local: it cannot clash with the model's names */
	bool kept;
};

/* A label of the function: where the marker goes. */
struct extract_label {
	char name[64];
	int line;
	int label;		/* L_*, or L_none when the vocabulary lacks it */
};

/* Text the cut file gets at an offset of the file: a label's marker, a test's fault site. */
struct extract_mark {
	size_t at;		/* offset in the file's text */
	char text[64];
};

struct extract {
	struct lint_src src;	/* every #if branch read */
	const char *function;
	struct extract_item items[EXTRACT_MAX_ITEMS];
	int nitems;
	struct extract_label labels[EXTRACT_MAX_LABELS];
	int nlabels;
	struct extract_mark marks[EXTRACT_MAX_MARKS];	/* in offset order */
	int nmarks;
	int nkept_functions;
	char err[200];
};

/*
 * Read @path and keep @function, and transitively every same-file
 * function, variable and struct its tokens name, except what the shims
 * provide (model/shim/provides.def). 0, or -1 with ex->err set.
 */
int extract_read(const char *path, const char *function, struct extract *ex);

/*
 * Write the kept items to @out as the file has them, every other line
 * blank (so the compiler's line numbers are the file's), #include lines
 * dropped and every other directive kept; after each label of the
 * function a call that marks it for the unwind oracle, and each test that
 * jumps to the ladder and pairs.def names (nr_threads >= max_threads)
 * passed through model_fail() with its site, as the mirrors write it.
 */
void extract_write(const struct extract *ex, FILE *out);

/*
 * The kept items that are not static, whose names the model's own could
 * clash with at link time: @fn for each, once per name.
 */
void extract_globals(const struct extract *ex, void (*fn)(const char *name, void *arg), void *arg);

void extract_free(struct extract *ex);

#endif
