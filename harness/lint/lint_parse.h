/* SPDX-License-Identifier: GPL-2.0-only */
/* A C reader just big enough for copy_process(): tokens, preprocessor branches, and the statement tree of one function. */
#ifndef CLONEFUZZ_LINT_PARSE_H
#define CLONEFUZZ_LINT_PARSE_H

#include <stdbool.h>
#include <stddef.h>

enum lint_tok_type { LT_ID, LT_NUM, LT_STR, LT_PUNCT };

struct lint_tok {
	enum lint_tok_type type;
	const char *s;		/* into the source; not NUL-terminated */
	int len;
	int line;
	int pp;			/* index into lint_src.pps: the #if branch it sits in, 0 = none */
};

/* One enclosing preprocessor condition, as written ("CONFIG_NUMA", "!CONFIG_X", ...). */
struct lint_pp {
	char text[96];
	int parent;		/* the enclosing one, 0 = none */
};

enum lint_node_type {
	LN_BLOCK,		/* { kids } */
	LN_IF,			/* if (cond) then [else els] */
	LN_LOOP,		/* for/while/do/switch (head) body */
	LN_GOTO,		/* goto label; */
	LN_RETURN,		/* return expr; */
	LN_LABEL,		/* label: */
	LN_EXPR,		/* an expression or declaration; */
};

struct lint_node {
	enum lint_node_type type;
	int line;
	int pp;			/* the #if branch the statement starts in */
	int t0, t1;		/* tokens: LN_IF/LN_LOOP the condition, LN_EXPR/LN_RETURN the expression, LN_LABEL t0 its name */
	char name[64];		/* LN_GOTO the target, LN_LABEL the label */
	struct lint_node *then, *els;	/* LN_IF; LN_LOOP body in then */
	struct lint_node **kids;	/* LN_BLOCK */
	int nkids;
};

struct lint_src {
	const char *path;
	char *text;
	struct lint_tok *toks;
	int ntoks;
	struct lint_pp *pps;
	int npps;
	int fn_line;		/* where the function's name is */
	int body_end_line;
	struct lint_node *body;	/* LN_BLOCK of the function */
	struct lint_node **nodes;	/* every node made, freed together */
	int nnodes, nodes_cap;
	char err[160];		/* why it could not be read */
};

/*
 * Read @path into tokens only: the first branch of every #if, or with
 * @every_branch all of them (both definitions of a function that #ifdef
 * gives two). 0, or -1 with src->err set.
 */
int lint_read(const char *path, bool every_branch, struct lint_src *src);

/*
 * Read @path and find the definition of @function in it. 0, or -1 with
 * src->err set: the file is unreadable, the function is absent, or its
 * body is not C this reader follows.
 */
int lint_parse(const char *path, const char *function, struct lint_src *src);
void lint_free(struct lint_src *src);

/* The body tokens [*t0, *t1) of another function defined in the file; -1 if none. */
int lint_function_body(struct lint_src *src, const char *fn, int *t0, int *t1);

/* Token helpers. */
int lint_tok_is(const struct lint_src *src, int i, const char *s);
/* Tokens [t0, t1) joined without spaces into @buf. */
void lint_tok_text(const struct lint_src *src, int t0, int t1, char *buf, size_t size);
/* The preprocessor conditions around @pp, outermost first, joined by " && ". */
void lint_pp_text(const struct lint_src *src, int pp, char *buf, size_t size);

#endif
