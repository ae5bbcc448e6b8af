// SPDX-License-Identifier: GPL-2.0-only
/* Cut a kernel/fork.c down to copy_process() and the same-file items it reaches, for the shims to compile. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "lint/lint.h"
#include "vocab.h"

/* What the shims define themselves although fork.c does too: the file's copy is left out. */
static const char *const provided[] = {
#define SHIM_PROVIDES(name, why) #name,
#include "shim/provides.def"
#undef SHIM_PROVIDES
#define SHIM_CACHE(name, kind, site) #name,
#include "shim/caches.def"
#undef SHIM_CACHE
};

static bool is_provided(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(provided) / sizeof(provided[0]); i++)
		if (!strcmp(provided[i], name))
			return true;
	return false;
}

static bool tok_is(const struct lint_src *src, int i, const char *s)
{
	return i >= 0 && i < src->ntoks && lint_tok_is(src, i, s);
}

static bool tok_id(const struct lint_src *src, int i)
{
	return i >= 0 && i < src->ntoks && src->toks[i].type == LT_ID;
}

static void tok_name(const struct lint_src *src, int i, char *buf, size_t size)
{
	snprintf(buf, size, "%.*s", src->toks[i].len, src->toks[i].s);
}

/* The token after the bracket group opening at @i; the file's end if it never closes. */
static int after_group(const struct lint_src *src, int i)
{
	int depth = 0;

	for (; i < src->ntoks; i++) {
		const char *s = src->toks[i].s;

		if (src->toks[i].type != LT_PUNCT || src->toks[i].len != 1)
			continue;
		if (*s == '(' || *s == '[' || *s == '{')
			depth++;
		else if ((*s == ')' || *s == ']' || *s == '}') && --depth == 0)
			return i + 1;
	}
	return src->ntoks;
}

/* A name in all capitals: a macro that declares something (DEFINE_PER_CPU, EXPORT_SYMBOL). */
static bool macro_name(const struct lint_src *src, int i)
{
	int k;

	for (k = 0; k < src->toks[i].len; k++)
		if (islower((unsigned char)src->toks[i].s[k]))
			return false;
	return true;
}

/*
 * What item [t0, t1] defines. A function or a prototype: the first name
 * followed by a parameter list. A declaring macro: the last name its
 * arguments give before ')', ',' or '['. A struct, union or enum: its tag.
 * A variable: the last name before '=', '[', ',' or ';'.
 */
static void item_name(const struct lint_src *src, struct extract_item *it)
{
	int i;

	it->name[0] = 0;
	for (i = it->t0; i <= it->t1; i++) {
		if (tok_is(src, i, "{") || tok_is(src, i, "="))
			break;
		if (tok_id(src, i) && tok_is(src, i + 1, "(") && !tok_is(src, i, "__attribute__")) {
			int end = after_group(src, i + 1), k;

			if (!macro_name(src, i) || it->function) {
				tok_name(src, i, it->name, sizeof(it->name));
				return;
			}
			for (k = i + 2; k < end; k++)
				if (tok_id(src, k) && (tok_is(src, k + 1, ")") || tok_is(src, k + 1, ",") ||
						       tok_is(src, k + 1, "[")))
					tok_name(src, k, it->name, sizeof(it->name));
			return;
		}
		if ((tok_is(src, i, "struct") || tok_is(src, i, "union") || tok_is(src, i, "enum")) &&
		    tok_id(src, i + 1) && tok_is(src, i + 2, "{")) {
			tok_name(src, i + 1, it->name, sizeof(it->name));
			return;
		}
		if (tok_id(src, i) && (tok_is(src, i + 1, "=") || tok_is(src, i + 1, "[") ||
				       tok_is(src, i + 1, ",") || tok_is(src, i + 1, ";")))
			tok_name(src, i, it->name, sizeof(it->name));
	}
}

/* Split the file's tokens into file-scope items. */
static int scan_items(struct extract *ex)
{
	const struct lint_src *src = &ex->src;
	int i = 0;

	while (i < src->ntoks) {
		struct extract_item *it;
		int j = i;
		bool params = false;

		if (ex->nitems == EXTRACT_MAX_ITEMS) {
			snprintf(ex->err, sizeof(ex->err), "more than %d file-scope items", EXTRACT_MAX_ITEMS);
			return -1;
		}
		it = &ex->items[ex->nitems];
		memset(it, 0, sizeof(*it));
		it->t0 = i;
		while (j < src->ntoks) {
			if (tok_is(src, j, ";")) {
				j++;
				break;
			}
			if (tok_is(src, j, "(")) {
				params = params || tok_id(src, j - 1);
				j = after_group(src, j);
				continue;
			}
			if (tok_is(src, j, "[")) {
				j = after_group(src, j);
				continue;
			}
			if (tok_is(src, j, "{")) {
				/* a body right after a parameter list, no '=' before it: a function */
				bool assigned = false;
				int k;

				for (k = i; k < j; k++)
					assigned = assigned || tok_is(src, k, "=");
				bool body = params && !assigned && tok_is(src, j - 1, ")");

				j = after_group(src, j);
				if (body) {
					it->function = true;
					break;
				}
				continue;
			}
			j++;
		}
		it->t1 = j - 1;
		for (j = it->t0; j <= it->t1 && !tok_is(src, j, "(") && !tok_is(src, j, "{") &&
				 !tok_is(src, j, "="); j++)
			it->is_static = it->is_static || tok_is(src, j, "static") ||
					tok_is(src, j, "extern") || tok_is(src, j, "typedef");
		j = it->t1 + 1;
		it->line0 = src->toks[it->t0].line;
		it->line1 = src->toks[it->t1].line;
		item_name(src, it);
		ex->nitems++;
		i = j;
	}
	return 0;
}

/* A #define's name and where its body is, for the names a macro brings in. */
struct macro {
	char name[64];
	const char *body;
	int len;
};

#define MAX_MACROS 1024

static int scan_macros(const char *text, struct macro *m, int max)
{
	const char *p = text;
	int n = 0;

	while (*p) {
		const char *line = p, *q;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#') {
			for (q = p + 1; *q == ' ' || *q == '\t'; q++)
				;
			if (!strncmp(q, "define", 6) && n < max) {
				const char *name;

				for (q += 6; *q == ' ' || *q == '\t'; q++)
					;
				for (name = q; isalnum((unsigned char)*q) || *q == '_'; q++)
					;
				snprintf(m[n].name, sizeof(m[n].name), "%.*s", (int)(q - name), name);
				m[n].body = q;
				/* to the end of the directive, continuation lines included */
				while (*q && !(*q == '\n' && q[-1] != '\\'))
					q++;
				m[n].len = (int)(q - m[n].body);
				n++;
			}
		}
		p = line;
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	return n;
}

struct reach {
	struct extract *ex;
	struct macro *macros;
	int nmacros;
	char (*seen)[64];	/* macros already followed */
	int nseen;
	int *work;		/* items kept whose names are not yet followed */
	int nwork;
};

static void keep_name(struct reach *r, const char *name, int len);

/* Every identifier of @text (a macro body) as a name the kept code uses. */
static void keep_text(struct reach *r, const char *text, int len)
{
	int i = 0;

	while (i < len) {
		if (isalpha((unsigned char)text[i]) || text[i] == '_') {
			int k = i;

			while (k < len && (isalnum((unsigned char)text[k]) || text[k] == '_'))
				k++;
			keep_name(r, text + i, k - i);
			i = k;
		} else {
			i++;
		}
	}
}

/* Keep every item that defines @name, and follow a macro of that name. */
static void keep_name(struct reach *r, const char *name, int len)
{
	struct extract *ex = r->ex;
	char buf[64];
	int i;

	if (len <= 0 || len >= (int)sizeof(buf))
		return;
	memcpy(buf, name, (size_t)len);
	buf[len] = 0;
	if (is_provided(buf))
		return;
	for (i = 0; i < ex->nitems; i++)
		if (!ex->items[i].kept && !strcmp(ex->items[i].name, buf)) {
			ex->items[i].kept = true;
			r->work[r->nwork++] = i;
		}
	for (i = 0; i < r->nseen; i++)
		if (!strcmp(r->seen[i], buf))
			return;
	for (i = 0; i < r->nmacros; i++)
		if (!strcmp(r->macros[i].name, buf)) {
			snprintf(r->seen[r->nseen++], sizeof(r->seen[0]), "%s", buf);
			keep_text(r, r->macros[i].body, r->macros[i].len);
			return;
		}
}

/* From @function, every item whose name a kept item mentions (members after '.' and '->' aside). */
static void reach_items(struct extract *ex)
{
	struct macro *macros = calloc(MAX_MACROS, sizeof(*macros));
	struct reach r = {
		.ex = ex, .macros = macros,
		.seen = calloc(MAX_MACROS, sizeof(*r.seen)),
		.work = calloc(EXTRACT_MAX_ITEMS, sizeof(*r.work)),
	};
	const struct lint_src *src = &ex->src;
	int i;

	if (!macros || !r.seen || !r.work)
		abort();
	r.nmacros = scan_macros(src->text, macros, MAX_MACROS);
	keep_name(&r, ex->function, (int)strlen(ex->function));
	while (r.nwork) {
		const struct extract_item *it = &ex->items[r.work[--r.nwork]];

		for (i = it->t0; i <= it->t1; i++)
			if (tok_id(src, i) && !tok_is(src, i - 1, ".") && !tok_is(src, i - 1, "->"))
				keep_name(&r, src->toks[i].s, src->toks[i].len);
	}
	for (i = 0; i < ex->nitems; i++)
		ex->nkept_functions += ex->items[i].kept && ex->items[i].function;
	free(r.work);
	free(r.seen);
	free(macros);
}

static void add_mark(struct extract *ex, const struct lint_src *fn, int tok, int after,
		     const char *fmt, const char *name)
{
	struct extract_mark *m;
	int i;

	if (ex->nmarks == EXTRACT_MAX_MARKS)
		return;
	m = &ex->marks[ex->nmarks];
	m->at = (size_t)(fn->toks[tok].s - fn->text) + (after ? (size_t)fn->toks[tok].len : 0);
	snprintf(m->text, sizeof(m->text), fmt, name);
	/* kept in offset order: the writer walks them with the text */
	for (i = ex->nmarks++; i > 0 && ex->marks[i - 1].at > m->at; i--) {
		struct extract_mark t = ex->marks[i];

		ex->marks[i] = ex->marks[i - 1];
		ex->marks[i - 1] = t;
	}
}

/* Whether @n is a goto, or a block that holds one at its top. */
static bool jumps(const struct lint_node *n)
{
	int i;

	if (n && n->type == LN_GOTO)
		return true;
	for (i = 0; n && n->type == LN_BLOCK && i < n->nkids; i++)
		if (n->kids[i]->type == LN_GOTO)
			return true;
	return false;
}

/* @n, or the one statement of the block @n is, else NULL. */
static const struct lint_node *only_statement(const struct lint_node *n)
{
	if (n && n->type == LN_BLOCK)
		return n->nkids == 1 ? n->kids[0] : NULL;
	return n;
}

/* The site pairs.def names the condition of if @n, or SITE_none. */
static int test_site(const struct lint_src *fn, const struct lint_node *n)
{
	char cond[LINT_COND];
	bool named;

	lint_tok_text(fn, n->t0, n->t1, cond, sizeof(cond));
	return lint_test_site(cond, &named);
}

/*
 * Labels, and the tests that jump to the ladder with a site pairs.def
 * names, and the tests that only guard one of those.
 */
static void collect_marks(struct extract *ex, const struct lint_src *fn, const struct lint_node *n)
{
	const struct lint_node *inner;
	int i, site;

	if (!n)
		return;
	if (n->type == LN_LABEL && ex->nlabels < EXTRACT_MAX_LABELS) {
		struct extract_label *l = &ex->labels[ex->nlabels++];

		snprintf(l->name, sizeof(l->name), "%s", n->name);
		l->line = n->line;
		l->label = label_by_name(n->name);
		if (l->label != L_none)
			add_mark(ex, fn, n->t0 + 1, 1, " ladder_label(L_%s);", n->name);
	}
	if (n->type == LN_IF && jumps(n->then)) {
		site = test_site(fn, n);
		if (site != SITE_none) {
			add_mark(ex, fn, n->t0, 0, "model_fail(SITE_%s, (", site_names[site]);
			add_mark(ex, fn, n->t1, 0, "%s))", "");
		}
	}
	/* a test that only guards such a one (the rlimit's): a planned failure passes it */
	inner = n->type == LN_IF && !n->els ? only_statement(n->then) : NULL;
	if (inner && inner->type == LN_IF && !inner->els && jumps(inner->then)) {
		site = test_site(fn, inner);
		if (site != SITE_none) {
			add_mark(ex, fn, n->t0, 0, "model_fault_guard(SITE_%s, (", site_names[site]);
			add_mark(ex, fn, n->t1, 0, "%s))", "");
		}
	}
	collect_marks(ex, fn, n->then);
	collect_marks(ex, fn, n->els);
	for (i = 0; i < n->nkids; i++)
		collect_marks(ex, fn, n->kids[i]);
}

int extract_read(const char *path, const char *function, struct extract *ex)
{
	struct lint_src fn;

	memset(ex, 0, sizeof(*ex));
	ex->function = function;
	/* the labels from the reader lint uses, which follows the function's statements */
	if (lint_parse(path, function, &fn) < 0) {
		snprintf(ex->err, sizeof(ex->err), "%s", fn.err);
		lint_free(&fn);
		return -1;
	}
	collect_marks(ex, &fn, fn.body);
	lint_free(&fn);
	if (lint_read(path, true, &ex->src) < 0) {
		snprintf(ex->err, sizeof(ex->err), "%s", ex->src.err);
		return -1;
	}
	if (scan_items(ex) < 0)
		return -1;
	reach_items(ex);
	return 0;
}

/* Whether @line of the file is in a kept item. */
static bool line_kept(const struct extract *ex, int line)
{
	int i;

	for (i = 0; i < ex->nitems; i++)
		if (ex->items[i].kept && line >= ex->items[i].line0 && line <= ex->items[i].line1)
			return true;
	return false;
}

/* @line (at offset @at of the file) with the marks that fall in it. */
static void write_line(const struct extract *ex, size_t at, const char *s, int len, FILE *out)
{
	int i, done = 0;

	for (i = 0; i < ex->nmarks; i++) {
		int off = (int)(ex->marks[i].at - at);

		if (ex->marks[i].at < at || off > len)
			continue;
		fprintf(out, "%.*s%s", off - done, s + done, ex->marks[i].text);
		done = off;
	}
	fprintf(out, "%.*s", len - done, s + done);
}

void extract_write(const struct extract *ex, FILE *out)
{
	const char *p = ex->src.text;
	int line = 1;
	bool in_directive = false, include = false;

	while (*p) {
		const char *e = strchr(p, '\n'), *q = p;
		int len = e ? (int)(e - p) : (int)strlen(p);

		while (q < p + len && (*q == ' ' || *q == '\t'))
			q++;
		if (!in_directive && q < p + len && *q == '#') {
			for (q++; *q == ' ' || *q == '\t'; q++)
				;
			include = !strncmp(q, "include", 7);
			in_directive = true;
		}
		if (in_directive ? !include : line_kept(ex, line))
			write_line(ex, (size_t)(p - ex->src.text), p, len, out);
		fputc('\n', out);
		if (in_directive && !(len > 0 && p[len - 1] == '\\'))
			in_directive = false;
		if (!e)
			break;
		p = e + 1;
		line++;
	}
}

void extract_globals(const struct extract *ex, void (*fn)(const char *name, void *arg), void *arg)
{
	int i, k;

	for (i = 0; i < ex->nitems; i++) {
		const struct extract_item *it = &ex->items[i];
		bool seen = false;

		if (!it->kept || it->is_static || !it->name[0] || !strcmp(it->name, ex->function))
			continue;
		/* a declaration of a function, or a struct, defines no symbol */
		if (!it->function && (tok_is(&ex->src, it->t1 - 1, ")") ||
				      tok_is(&ex->src, it->t0 + 2, "{")))
			continue;
		for (k = 0; k < i && !seen; k++)
			seen = ex->items[k].kept && !strcmp(ex->items[k].name, it->name) &&
			       !ex->items[k].is_static;
		if (!seen)
			fn(it->name, arg);
	}
}

void extract_free(struct extract *ex)
{
	lint_free(&ex->src);
}
