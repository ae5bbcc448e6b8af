// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reader behind `clonefuzz lint`: tokens of a kernel C file with its
 * comments dropped, the first branch of every #if kept (so every CONFIG_*
 * counts as enabled and #else branches are left out), and the statement
 * tree of one function: blocks, if/else, loops, gotos, returns, labels and
 * expression statements. Enough for copy_process() in every version from
 * 2.6.x on; it is not a C compiler and says so when a body defeats it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_parse.h"

#define MAX_PP_DEPTH 32

struct lexer {
	struct lint_src *src;
	bool every_branch;	/* read #else branches too (lint_read) */
	int cap, pp_cap;
	struct { int pp; bool skipping; } stack[MAX_PP_DEPTH];
	int depth;
};

static void fail(struct lint_src *src, const char *fmt, ...)
{
	va_list ap;

	if (src->err[0])
		return;
	va_start(ap, fmt);
	vsnprintf(src->err, sizeof(src->err), fmt, ap);
	va_end(ap);
}

static bool skipping(const struct lexer *lx)
{
	int i;

	for (i = 0; i < lx->depth; i++)
		if (lx->stack[i].skipping)
			return true;
	return false;
}

static int current_pp(const struct lexer *lx)
{
	return lx->depth ? lx->stack[lx->depth - 1].pp : 0;
}

static int new_pp(struct lexer *lx, const char *text, int len)
{
	struct lint_src *src = lx->src;
	struct lint_pp *pp;

	if (src->npps == lx->pp_cap) {
		lx->pp_cap = lx->pp_cap ? 2 * lx->pp_cap : 64;
		src->pps = realloc(src->pps, (size_t)lx->pp_cap * sizeof(*src->pps));
		if (!src->pps)
			abort();
	}
	pp = &src->pps[src->npps];
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	snprintf(pp->text, sizeof(pp->text), "%.*s", len, text);
	pp->parent = current_pp(lx);
	return src->npps++;
}

/* One directive, its continuation lines joined; #if branches tracked. */
static void directive(struct lexer *lx, const char *d, int len, int line)
{
	const char *p = d + 1, *end = d + len, *word;
	int wlen;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	word = p;
	while (p < end && isalpha((unsigned char)*p))
		p++;
	wlen = (int)(p - word);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
#define IS(w) (wlen == (int)strlen(w) && !strncmp(word, w, wlen))
	if (IS("if") || IS("ifdef") || IS("ifndef")) {
		char buf[96];

		if (lx->depth == MAX_PP_DEPTH) {
			fail(lx->src, "line %d: #if nested deeper than %d", line, MAX_PP_DEPTH);
			return;
		}
		snprintf(buf, sizeof(buf), "%s%.*s", IS("ifndef") ? "!" : "", (int)(end - p), p);
		lx->stack[lx->depth].pp = new_pp(lx, buf, (int)strlen(buf));
		lx->stack[lx->depth].skipping = false;
		lx->depth++;
	} else if (IS("else") || IS("elif")) {
		if (lx->depth && !lx->every_branch)	/* model: only the first branch of an #if is read */
			lx->stack[lx->depth - 1].skipping = true;
	} else if (IS("endif")) {
		if (lx->depth)
			lx->depth--;
	}
#undef IS
}

static void push_tok(struct lexer *lx, enum lint_tok_type type, const char *s, int len, int line)
{
	struct lint_src *src = lx->src;

	if (skipping(lx))
		return;
	if (src->ntoks == lx->cap) {
		lx->cap = lx->cap ? 2 * lx->cap : 4096;
		src->toks = realloc(src->toks, (size_t)lx->cap * sizeof(*src->toks));
		if (!src->toks)
			abort();
	}
	src->toks[src->ntoks++] = (struct lint_tok){ type, s, len, line, current_pp(lx) };
}

static const char *const puncts[] = {
	"<<=", ">>=", "...", "->", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "++", "--",
	"+=", "-=", "&=", "|=", "^=", "*=", "/=", "%=", "##",
};

static void tokenize(struct lexer *lx)
{
	const char *s = lx->src->text, *p = s;
	bool line_start = true;
	int line = 1;

	new_pp(lx, "", 0);	/* index 0: outside every #if */
	while (*p) {
		const char *q = p;

		if (*p == '\n') {
			line++;
			line_start = true;
			p++;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				line += *p == '\n';
			p += *p ? 2 : 0;
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (*p == '#' && line_start) {
			int start = line;

			while (*p && *p != '\n') {
				if (p[0] == '\\' && p[1] == '\n') {
					line++;
					p++;
				}
				p++;
			}
			directive(lx, q, (int)(p - q), start);
			continue;
		}
		line_start = false;
		if (*p == '"' || *p == '\'') {
			char quote = *p++;

			while (*p && *p != quote && *p != '\n')
				p += p[0] == '\\' && p[1] ? 2 : 1;
			p += *p == quote;
			push_tok(lx, LT_STR, q, (int)(p - q), line);
			continue;
		}
		if (isalpha((unsigned char)*p) || *p == '_') {
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			push_tok(lx, LT_ID, q, (int)(p - q), line);
			continue;
		}
		if (isdigit((unsigned char)*p)) {
			while (isalnum((unsigned char)*p) || *p == '.')
				p++;
			push_tok(lx, LT_NUM, q, (int)(p - q), line);
			continue;
		}
		{
			size_t i;
			int len = 1;

			for (i = 0; i < sizeof(puncts) / sizeof(puncts[0]); i++)
				if (!strncmp(p, puncts[i], strlen(puncts[i]))) {
					len = (int)strlen(puncts[i]);
					break;
				}
			push_tok(lx, LT_PUNCT, p, len, line);
			p += len;
		}
	}
}

int lint_tok_is(const struct lint_src *src, int i, const char *s)
{
	return i >= 0 && i < src->ntoks && src->toks[i].len == (int)strlen(s) &&
	       !strncmp(src->toks[i].s, s, (size_t)src->toks[i].len);
}

void lint_tok_text(const struct lint_src *src, int t0, int t1, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	if (size)
		buf[0] = 0;
	for (i = t0; i < t1 && n + 1 < size; i++) {
		int len = src->toks[i].len;
		bool word = src->toks[i].type != LT_PUNCT;

		/* a space only between two words: "unsigned long", "return ret" */
		if (i > t0 && word && src->toks[i - 1].type != LT_PUNCT && n + 2 < size)
			buf[n++] = ' ';
		if (n + (size_t)len + 1 > size)
			len = (int)(size - n - 1);
		memcpy(buf + n, src->toks[i].s, (size_t)len);
		n += (size_t)len;
		buf[n] = 0;
	}
}

void lint_pp_text(const struct lint_src *src, int pp, char *buf, size_t size)
{
	int chain[MAX_PP_DEPTH], n = 0;
	size_t used = 0;

	buf[0] = 0;
	for (; pp > 0 && n < MAX_PP_DEPTH; pp = src->pps[pp].parent)
		chain[n++] = pp;
	while (n-- > 0 && used + 1 < size)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? " && " : "",
					 src->pps[chain[n]].text);
}

/* The token after the bracket that closes the one at @i, or -1. */
static int skip_group(struct lint_src *src, int i, int end)
{
	int depth = 0;

	for (; i < end; i++) {
		const char *t = src->toks[i].s;

		if (src->toks[i].type != LT_PUNCT || src->toks[i].len != 1)
			continue;
		if (*t == '(' || *t == '[' || *t == '{')
			depth++;
		else if (*t == ')' || *t == ']' || *t == '}')
			if (--depth == 0)
				return i + 1;
	}
	return -1;
}

static struct lint_node *node_new(struct lint_src *src, enum lint_node_type type, int i)
{
	struct lint_node *n = calloc(1, sizeof(*n));

	if (!n)
		abort();
	if (src->nnodes == src->nodes_cap) {
		src->nodes_cap = src->nodes_cap ? 2 * src->nodes_cap : 256;
		src->nodes = realloc(src->nodes, (size_t)src->nodes_cap * sizeof(*src->nodes));
		if (!src->nodes)
			abort();
	}
	src->nodes[src->nnodes++] = n;
	n->type = type;
	n->line = src->toks[i].line;
	n->pp = src->toks[i].pp;
	return n;
}

static void block_add(struct lint_node *b, struct lint_node *kid)
{
	b->kids = realloc(b->kids, (size_t)(b->nkids + 1) * sizeof(*b->kids));
	if (!b->kids)
		abort();
	b->kids[b->nkids++] = kid;
}

static struct lint_node *statement(struct lint_src *src, int *pos, int end, int depth);

/* "(" ... ")" at *pos: the tokens inside into n->t0, n->t1. */
static int paren_head(struct lint_src *src, int *pos, int end, struct lint_node *n)
{
	int close;

	if (!lint_tok_is(src, *pos, "(")) {
		fail(src, "line %d: '(' expected", src->toks[*pos < end ? *pos : end - 1].line);
		return -1;
	}
	close = skip_group(src, *pos, end);
	if (close < 0) {
		fail(src, "line %d: unbalanced parentheses", src->toks[*pos].line);
		return -1;
	}
	n->t0 = *pos + 1;
	n->t1 = close - 1;
	*pos = close;
	return 0;
}

/* An expression or declaration up to its ';' at bracket depth 0. */
static int to_semicolon(struct lint_src *src, int i, int end)
{
	while (i < end && !lint_tok_is(src, i, ";")) {
		if (lint_tok_is(src, i, "(") || lint_tok_is(src, i, "[") || lint_tok_is(src, i, "{")) {
			i = skip_group(src, i, end);
			if (i < 0)
				return -1;
			continue;
		}
		if (lint_tok_is(src, i, "}"))
			return -1;
		i++;
	}
	return i < end ? i : -1;
}

static struct lint_node *block(struct lint_src *src, int *pos, int end, int depth)
{
	struct lint_node *b = node_new(src, LN_BLOCK, *pos);
	int close = skip_group(src, *pos, end);

	if (close < 0) {
		fail(src, "line %d: unbalanced braces", src->toks[*pos].line);
		return NULL;
	}
	(*pos)++;
	while (*pos < close - 1) {
		struct lint_node *kid = statement(src, pos, close - 1, depth + 1);

		if (!kid)
			return NULL;
		block_add(b, kid);
	}
	*pos = close;
	return b;
}

static struct lint_node *statement(struct lint_src *src, int *pos, int end, int depth)
{
	int i = *pos, semi;
	struct lint_node *n;

	if (depth > 64) {
		fail(src, "line %d: statements nested too deep", src->toks[i].line);
		return NULL;
	}
	if (lint_tok_is(src, i, "{"))
		return block(src, pos, end, depth);
	if (lint_tok_is(src, i, "if")) {
		n = node_new(src, LN_IF, i);
		*pos = i + 1;
		if (paren_head(src, pos, end, n))
			return NULL;
		if (*pos >= end) {
			fail(src, "line %d: if without a statement", n->line);
			return NULL;
		}
		n->then = statement(src, pos, end, depth + 1);
		if (!n->then)
			return NULL;
		if (lint_tok_is(src, *pos, "else")) {
			(*pos)++;
			n->els = statement(src, pos, end, depth + 1);
			if (!n->els)
				return NULL;
		}
		return n;
	}
	if (lint_tok_is(src, i, "for") || lint_tok_is(src, i, "while") ||
	    lint_tok_is(src, i, "switch")) {
		n = node_new(src, LN_LOOP, i);
		*pos = i + 1;
		if (paren_head(src, pos, end, n))
			return NULL;
		n->then = statement(src, pos, end, depth + 1);
		return n->then ? n : NULL;
	}
	if (lint_tok_is(src, i, "do")) {
		n = node_new(src, LN_LOOP, i);
		*pos = i + 1;
		n->then = statement(src, pos, end, depth + 1);
		if (!n->then || !lint_tok_is(src, *pos, "while"))
			goto bad;
		(*pos)++;
		if (paren_head(src, pos, end, n) || !lint_tok_is(src, *pos, ";"))
			goto bad;
		(*pos)++;
		return n;
	}
	if (lint_tok_is(src, i, "goto")) {
		n = node_new(src, LN_GOTO, i);
		if (src->toks[i + 1].type != LT_ID || !lint_tok_is(src, i + 2, ";"))
			goto bad;
		snprintf(n->name, sizeof(n->name), "%.*s", src->toks[i + 1].len, src->toks[i + 1].s);
		*pos = i + 3;
		return n;
	}
	if (src->toks[i].type == LT_ID && lint_tok_is(src, i + 1, ":") &&
	    !lint_tok_is(src, i, "default")) {
		n = node_new(src, LN_LABEL, i);
		n->t0 = i;	/* the label's name; its ':' follows */
		snprintf(n->name, sizeof(n->name), "%.*s", src->toks[i].len, src->toks[i].s);
		*pos = i + 2;
		return n;
	}
	if (lint_tok_is(src, i, "case") || lint_tok_is(src, i, "default")) {
		n = node_new(src, LN_EXPR, i);
		while (i < end && !lint_tok_is(src, i, ":"))
			i++;
		n->t0 = n->t1 = i;
		*pos = i + 1;
		return n;
	}
	n = node_new(src, lint_tok_is(src, i, "return") ? LN_RETURN : LN_EXPR, i);
	semi = to_semicolon(src, i, end);
	if (semi < 0)
		goto bad;
	n->t0 = n->type == LN_RETURN ? i + 1 : i;
	n->t1 = semi;
	*pos = semi + 1;
	return n;
bad:
	fail(src, "line %d: a statement this reader does not follow", src->toks[i].line);
	return NULL;
}

/* The definition of @fn at brace depth 0: its name token, and its body's '{' in *body. */
static int find_function(struct lint_src *src, const char *fn, int *body)
{
	int i, depth = 0;

	for (i = 0; i < src->ntoks; i++) {
		if (lint_tok_is(src, i, "{"))
			depth++;
		else if (lint_tok_is(src, i, "}"))
			depth--;
		else if (depth == 0 && src->toks[i].type == LT_ID && lint_tok_is(src, i, fn) &&
			 lint_tok_is(src, i + 1, "(")) {
			int close = skip_group(src, i + 1, src->ntoks);

			if (close > 0 && lint_tok_is(src, close, "{")) {
				*body = close;
				return i;
			}
		}
	}
	return -1;
}

#define LINT_MAX_FILE (4 << 20)

/* The whole file, NUL-terminated; NULL with src->err set. */
static char *slurp(struct lint_src *src, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		fail(src, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(LINT_MAX_FILE + 1);
	if (!buf)
		abort();
	n = fread(buf, 1, LINT_MAX_FILE + 1, f);
	if (ferror(f) || n > LINT_MAX_FILE || memchr(buf, 0, n)) {
		fail(src, "%s: %s", path, ferror(f) ? "read error" :
		     n > LINT_MAX_FILE ? "larger than 4 MiB" : "not C source (a NUL byte)");
		free(buf);
		buf = NULL;
	} else {
		buf[n] = 0;
	}
	fclose(f);
	return buf;
}

int lint_function_body(struct lint_src *src, const char *fn, int *t0, int *t1)
{
	int body, end;

	if (find_function(src, fn, &body) < 0)
		return -1;
	end = skip_group(src, body, src->ntoks);
	if (end < 0)
		return -1;
	*t0 = body + 1;
	*t1 = end - 1;
	return 0;
}

int lint_read(const char *path, bool every_branch, struct lint_src *src)
{
	struct lexer lx = { .src = src, .every_branch = every_branch };

	memset(src, 0, sizeof(*src));
	src->path = path;
	src->text = slurp(src, path);
	if (!src->text)
		return -1;
	tokenize(&lx);
	return src->err[0] ? -1 : 0;
}

int lint_parse(const char *path, const char *function, struct lint_src *src)
{
	int name, body, pos;

	if (lint_read(path, false, src) < 0)
		return -1;
	name = find_function(src, function, &body);
	if (name < 0) {
		fail(src, "%s: no definition of %s()", path, function);
		return -1;
	}
	src->fn_line = src->toks[name].line;
	pos = body;
	src->body = block(src, &pos, src->ntoks, 0);
	if (!src->body)
		return -1;
	src->body_end_line = src->toks[pos - 1].line;
	return 0;
}

void lint_free(struct lint_src *src)
{
	int i;

	for (i = 0; i < src->nnodes; i++) {
		free(src->nodes[i]->kids);
		free(src->nodes[i]);
	}
	free(src->nodes);
	free(src->toks);
	free(src->pps);
	free(src->text);
	memset(src, 0, sizeof(*src));
}
