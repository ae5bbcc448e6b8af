/* SPDX-License-Identifier: GPL-2.0-only */
/* The names an extracted fork.c uses that the shims do not define, read from one compiler run. */
#ifndef CLONEFUZZ_SOURCE_MISSING_H
#define CLONEFUZZ_SOURCE_MISSING_H

#include <stdio.h>

#define MISSING_MAX		1024
#define MISSING_MAX_LINES	6

struct missing_name {
	char name[96];		/* "u64", "CLONE_NEWNS()", "struct sighand_struct.siglock" */
	const char *what;	/* "type", "identifier", "function", "member", "struct" */
	int lines[MISSING_MAX_LINES];	/* the first lines using it */
	int nlines, uses;
};

struct missing {
	struct missing_name n[MISSING_MAX];
	int count;
	int other_errors;	/* errors that name nothing missing */
	char first_other[200];	/* the first of them */
};

/* One use of @name (a @what) at @line, a new entry the first time. */
void missing_add(struct missing *m, const char *name, const char *what, int line);

/*
 * Add to @m what a compiler's diagnostics (clang's or gcc's wording) for @file and
 * each name it says is undeclared, unknown or not a member, with the
 * lines that use it, in the order first seen. @m starts zeroed.
 */
void missing_read(FILE *log, const char *file, struct missing *m);

/* One line a name: "  NAME (what) at lines L, L, ... (N uses)". */
void missing_print(const struct missing *m, FILE *out);

#endif
