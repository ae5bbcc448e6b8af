// SPDX-License-Identifier: GPL-2.0-only
/*
 * clonefuzz lint: walk copy_process() as the kernel runs it. On the straight
 * path every acquisition of model/pairs.def is held until its release; at
 * each goto the held set is compared with the releases its label and the
 * labels below it run (the ladder falls through to the end). The failing
 * step itself holds nothing: `x = f(); if (<tests x>) goto`, `if (!f())
 * goto`, `if (IS_ERR(x))` all fail before f's result is held.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"

const char *const lint_res_names[NR_LINT_RES] = {
#define PAIR_RES(r, req, why) #r,
#define PAIR_ACQ(r, call, arg)
#define PAIR_ACQ_IF(r, call, arg, cond)
#define PAIR_REL(r, call, arg)
#define PAIR_STEP(call, site)
#define PAIR_PARTIAL(r, call)
#define PAIR_REL_IF_HELD(r, call, arg)
#include "pairs.def"
#undef PAIR_RES
#undef PAIR_ACQ
#undef PAIR_ACQ_IF
#undef PAIR_REL
#undef PAIR_STEP
#undef PAIR_PARTIAL
#undef PAIR_REL_IF_HELD
};

static const struct { bool required; const char *why; } res_rows[NR_LINT_RES] = {
#define PAIR_RES(r, req, w) { req, w },
#define PAIR_ACQ(r, call, arg)
#define PAIR_ACQ_IF(r, call, arg, cond)
#define PAIR_REL(r, call, arg)
#define PAIR_STEP(call, site)
#define PAIR_PARTIAL(r, call)
#define PAIR_REL_IF_HELD(r, call, arg)
#include "pairs.def"
#undef PAIR_RES
#undef PAIR_ACQ
#undef PAIR_ACQ_IF
#undef PAIR_REL
#undef PAIR_STEP
#undef PAIR_PARTIAL
#undef PAIR_REL_IF_HELD
};

struct pair_call {
	int res;
	bool acquire;
	const char *call, *arg;
	bool if_held;		/* PAIR_REL_IF_HELD */
	const char *cond;	/* PAIR_ACQ_IF: when the callee acquires */
};

static const struct pair_call pair_calls[] = {
#define PAIR_RES(r, req, why)
#define PAIR_ACQ(r, c, a) { LR_##r, true, c, a, false, "" },
#define PAIR_ACQ_IF(r, c, a, k) { LR_##r, true, c, a, false, k },
#define PAIR_REL(r, c, a) { LR_##r, false, c, a, false, "" },
#define PAIR_STEP(call, site)
#define PAIR_PARTIAL(r, call)
#define PAIR_REL_IF_HELD(r, c, a) { LR_##r, false, c, a, true, "" },
#include "pairs.def"
#undef PAIR_RES
#undef PAIR_ACQ
#undef PAIR_ACQ_IF
#undef PAIR_REL
#undef PAIR_STEP
#undef PAIR_PARTIAL
#undef PAIR_REL_IF_HELD
};

static const struct { const char *call, *site; } step_sites[] = {
#define PAIR_RES(r, req, why)
#define PAIR_ACQ(r, c, a)
#define PAIR_ACQ_IF(r, c, a, k)
#define PAIR_REL(r, c, a)
#define PAIR_STEP(c, s) { c, #s },
#define PAIR_PARTIAL(r, call)
#define PAIR_REL_IF_HELD(r, call, arg)
#include "pairs.def"
#undef PAIR_RES
#undef PAIR_ACQ
#undef PAIR_ACQ_IF
#undef PAIR_REL
#undef PAIR_STEP
#undef PAIR_PARTIAL
#undef PAIR_REL_IF_HELD
};

static const struct { int res; const char *call; } partials[] = {
#define PAIR_RES(r, req, why)
#define PAIR_ACQ(r, c, a)
#define PAIR_ACQ_IF(r, c, a, k)
#define PAIR_REL(r, c, a)
#define PAIR_STEP(c, s)
#define PAIR_PARTIAL(r, c) { LR_##r, c },
#define PAIR_REL_IF_HELD(r, call, arg)
#include "pairs.def"
#undef PAIR_RES
#undef PAIR_ACQ
#undef PAIR_ACQ_IF
#undef PAIR_REL
#undef PAIR_STEP
#undef PAIR_PARTIAL
#undef PAIR_REL_IF_HELD
};

static bool is_partial(const struct lint_hold *h)
{
	size_t i;

	for (i = 0; i < sizeof(partials) / sizeof(partials[0]); i++)
		if (partials[i].res == h->res && !strcmp(partials[i].call, h->call))
			return true;
	return false;
}

#define NR_PAIR_CALLS (sizeof(pair_calls) / sizeof(pair_calls[0]))

const char *lint_step_site(const char *call, int nth)
{
	size_t i;

	for (i = 0; i < sizeof(step_sites) / sizeof(step_sites[0]); i++)
		if (!strcmp(step_sites[i].call, call) && nth-- == 0)
			return step_sites[i].site;
	return NULL;
}

const char *lint_step_row(size_t i, const char **site)
{
	if (i >= sizeof(step_sites) / sizeof(step_sites[0]))
		return NULL;
	*site = step_sites[i].site;
	return step_sites[i].call;
}

int lint_release_of(const char *call)
{
	size_t i;

	for (i = 0; i < NR_PAIR_CALLS; i++)
		if (!pair_calls[i].acquire && !strcmp(pair_calls[i].call, call))
			return pair_calls[i].res;
	return -1;
}

bool lint_res_required(int res, const char **why)
{
	if (why)
		*why = res_rows[res].why;
	return res_rows[res].required;
}

struct held_set {
	struct lint_hold h[LINT_MAX_HELD];
	int n;
};

/* What the last statement acquired, for the failure test that follows it. */
struct pending {
	struct lint_hold h[8];
	int n;
	int var0, var1;		/* tokens of the variable it assigned, var0 == var1: none */
	char call[64];		/* the outermost call it made, pair or not */
};

struct walker {
	struct lint_result *r;
	struct lint_src *src;
	char cond[LINT_COND];	/* the enclosing conditions */
	char step[96];		/* the step a goto here fails */
	bool step_is_call;
	char err[24];		/* the errno literal retval holds, "" if a callee's */
	bool done;		/* the success return was seen */
};

/* @a @sep @b (or "!(@b)" when @negate) into @dst, cut to fit. */
static void join_cond(char *dst, size_t size, const char *a, const char *b, bool negate)
{
	size_t n = 0;
	const char *parts[5] = { a, *a ? " && " : "", negate ? "!(" : "", b, negate ? ")" : "" };
	int i;

	for (i = 0; i < 5; i++)
		for (const char *c = parts[i]; *c && n + 1 < size; c++)
			dst[n++] = *c;
	dst[n] = 0;
}

static void add_issue(struct lint_result *r, const struct lint_issue *is)
{
	if (r->nissues == LINT_MAX_ISSUES) {
		r->overflow = true;
		return;
	}
	r->issues[r->nissues++] = *is;
}

/* Every call in tokens [t0, t1): name token and the tokens of its arguments. */
struct call_ref {
	int name, a0, a1;
};

static int find_calls(const struct lint_src *src, int t0, int t1, struct call_ref *out, int max)
{
	int i, n = 0;

	for (i = t0; i + 1 < t1 && n < max; i++) {
		int depth = 0, j;

		if (src->toks[i].type != LT_ID || !lint_tok_is(src, i + 1, "("))
			continue;
		for (j = i + 1; j < t1; j++) {
			if (lint_tok_is(src, j, "("))
				depth++;
			else if (lint_tok_is(src, j, ")") && --depth == 0)
				break;
		}
		out[n++] = (struct call_ref){ i, i + 2, j };
	}
	return n;
}

static bool tok_eq(const struct lint_src *src, int i, const char *s)
{
	return lint_tok_is(src, i, s);
}

static bool args_have(const struct lint_src *src, const struct call_ref *c, const char *arg)
{
	int i;

	if (!*arg)
		return true;
	for (i = c->a0; i < c->a1; i++)
		if (src->toks[i].type == LT_ID && src->toks[i].len >= (int)strlen(arg) &&
		    memmem(src->toks[i].s, (size_t)src->toks[i].len, arg, strlen(arg)))
			return true;
	return false;
}

/* Pair rows matching a call, in table order; returns how many. */
static int match_pairs(const struct lint_src *src, const struct call_ref *c,
		       const struct pair_call **out, int max)
{
	size_t i;
	int n = 0;

	for (i = 0; i < NR_PAIR_CALLS && n < max; i++)
		if (tok_eq(src, c->name, pair_calls[i].call) && args_have(src, c, pair_calls[i].arg))
			out[n++] = &pair_calls[i];
	return n;
}

/* Mark what the calls in tokens [t0, t1) release, and through the same-file helpers they call. */
static void mark_released(struct lint_result *r, int t0, int t1, int depth)
{
	struct lint_src *src = &r->src;
	struct call_ref calls[256];
	int n = find_calls(src, t0, t1, calls, 256), i, k;

	for (i = 0; i < n; i++) {
		const struct pair_call *m[8];
		int nm = match_pairs(src, &calls[i], m, 8), b0, b1;
		char name[64];

		for (k = 0; k < nm; k++)
			if (!m[k]->acquire)
				r->tracked[m[k]->res] = true;
		snprintf(name, sizeof(name), "%.*s", src->toks[calls[i].name].len,
			 src->toks[calls[i].name].s);
		if (depth < 3 && strcmp(name, r->function) &&
		    !lint_function_body(src, name, &b0, &b1))
			mark_released(r, b0, b1, depth + 1);
	}
}

static void mark_tracked(struct lint_result *r)
{
	int b0, b1, k;

	for (k = 0; k < NR_LINT_RES; k++)
		r->tracked[k] = res_rows[k].required;
	if (!lint_function_body(&r->src, r->function, &b0, &b1))
		mark_released(r, b0, b1, 0);
}

static void held_add(struct held_set *hs, const struct lint_hold *h)
{
	if (hs->n < LINT_MAX_HELD)
		hs->h[hs->n++] = *h;
}

/* Drop the latest hold of @res; false if none. */
static bool held_drop(struct held_set *hs, int res)
{
	int i;

	for (i = hs->n - 1; i >= 0; i--)
		if (hs->h[i].res == res) {
			memmove(&hs->h[i], &hs->h[i + 1], (size_t)(hs->n - i - 1) * sizeof(hs->h[0]));
			hs->n--;
			return true;
		}
	return false;
}

static bool held_has(const struct held_set *hs, const struct lint_hold *h)
{
	int i;

	for (i = 0; i < hs->n; i++)
		if (hs->h[i].res == h->res && hs->h[i].line == h->line)
			return true;
	return false;
}

static void held_union(struct held_set *a, const struct held_set *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		if (!held_has(a, &b->h[i]))
			held_add(a, &b->h[i]);
}

/* The acquisitions and releases of one run of tokens, in the order they happen. */
static void apply_calls(struct walker *w, int t0, int t1, struct held_set *hs,
			struct pending *pend, int line, int pp)
{
	struct call_ref calls[32];
	int n = find_calls(w->src, t0, t1, calls, 32), i, k;

	/* arguments run before the call that takes them: innermost first */
	for (i = n - 1; i >= 0; i--) {
		const struct pair_call *m[8];
		int nm = match_pairs(w->src, &calls[i], m, 8);

		for (k = 0; k < nm; k++) {
			struct lint_hold h = { m[k]->res, w->src->toks[calls[i].name].line,
					       m[k]->call, "", pp, false };

			if (!w->r->tracked[h.res])
				continue;
			if (m[k]->acquire && *m[k]->cond)
				join_cond(h.cond, sizeof(h.cond), w->cond, m[k]->cond, false);
			else
				snprintf(h.cond, sizeof(h.cond), "%s", w->cond);
			if (w->r->npath < LINT_MAX_RELS) {
				w->r->path[w->r->npath] = h;
				join_cond(w->r->path[w->r->npath].cond, LINT_COND,
					  m[k]->acquire ? "+" : "", h.cond, false);
				w->r->npath++;
			}
			if (m[k]->acquire) {
				held_add(hs, &h);
				if (pend && pend->n < 8)
					pend->h[pend->n++] = h;
			} else {
				held_drop(hs, h.res);
			}
		}
	}
	(void)line;
}

/* Whether tokens [c0, c1) contain the token run [v0, v1). */
static bool mentions(const struct lint_src *src, int c0, int c1, int v0, int v1)
{
	int i, j;

	if (v0 >= v1)
		return false;
	for (i = c0; i + (v1 - v0) <= c1; i++) {
		for (j = 0; j < v1 - v0; j++)
			if (src->toks[i + j].len != src->toks[v0 + j].len ||
			    strncmp(src->toks[i + j].s, src->toks[v0 + j].s,
				    (size_t)src->toks[v0 + j].len))
				break;
		if (j == v1 - v0)
			return true;
	}
	return false;
}

static bool terminates(const struct lint_node *n)
{
	if (!n)
		return false;
	switch (n->type) {
	case LN_GOTO:
	case LN_RETURN:
		return true;
	case LN_BLOCK:
		return n->nkids && terminates(n->kids[n->nkids - 1]);
	case LN_IF:
		return n->els && terminates(n->then) && terminates(n->els);
	default:
		return false;
	}
}

/* retval = -EXXX; sets the errno a later check returns; retval = f(...) hands it to the callee. */
static void note_errno(struct walker *w, const struct lint_node *n)
{
	const struct lint_src *src = w->src;
	int t = n->t0;

	if (n->t1 - t < 3 || src->toks[t].type != LT_ID || !tok_eq(src, t + 1, "="))
		return;
	if (!tok_eq(src, t, "retval") && !tok_eq(src, t, "ret") && !tok_eq(src, t, "err"))
		return;
	if (n->t1 - t == 4 && tok_eq(src, t + 2, "-") && src->toks[t + 3].type == LT_ID &&
	    src->toks[t + 3].s[0] == 'E')
		snprintf(w->err, sizeof(w->err), "%.*s", src->toks[t + 3].len, src->toks[t + 3].s);
	else
		w->err[0] = 0;
}

static void walk_node(struct walker *w, const struct lint_node *n, struct held_set *hs,
		      struct pending *pend, bool top);

/* if ((retval = f(...))): the call whose result the condition assigns and tests. */
static bool assigned_call(const struct lint_src *src, int t0, int t1, char *buf, size_t size)
{
	struct call_ref c;
	int i;

	for (i = t0; i < t1; i++)
		if (tok_eq(src, i, "=") && find_calls(src, i, t1, &c, 1) == 1) {
			snprintf(buf, size, "%.*s", src->toks[c.name].len, src->toks[c.name].s);
			return true;
		}
	return false;
}

static void walk_if(struct walker *w, const struct lint_node *n, struct held_set *hs,
		    struct pending *pend)
{
	struct held_set then_hs = *hs, else_hs, cond_acq = { .n = 0 };
	char saved_cond[LINT_COND], saved_step[96], cond[LINT_COND];
	bool saved_is_call = w->step_is_call, failed_pending = false;
	struct pending none = { .n = 0 };
	int i;

	memcpy(saved_cond, w->cond, sizeof(saved_cond));
	memcpy(saved_step, w->step, sizeof(saved_step));
	lint_tok_text(w->src, n->t0, n->t1, cond, sizeof(cond));

	/* if (!f(...)) goto: f's acquisition counts only past the if */
	{
		struct held_set before = *hs;
		struct pending cp = { .n = 0 };

		apply_calls(w, n->t0, n->t1, &before, &cp, n->line, n->pp);
		for (i = 0; i < cp.n; i++)
			held_add(&cond_acq, &cp.h[i]);
	}
	if (cond_acq.n) {
		snprintf(w->step, sizeof(w->step), "%s", cond_acq.h[0].call);
		w->step_is_call = true;
	} else if (pend->call[0] && mentions(w->src, n->t0, n->t1, pend->var0, pend->var1)) {
		for (i = 0; i < pend->n; i++) {
			held_drop(&then_hs, pend->h[i].res);
			if (is_partial(&pend->h[i])) {
				struct lint_hold h = pend->h[i];

				h.optional = true;
				held_add(&then_hs, &h);
			}
		}
		snprintf(w->step, sizeof(w->step), "%s", pend->call);
		w->step_is_call = true;
		failed_pending = true;
	} else if (assigned_call(w->src, n->t0, n->t1, w->step, sizeof(w->step))) {
		w->step_is_call = true;
	} else {
		join_cond(w->step, sizeof(w->step), "", cond, false);
		w->step_is_call = false;
	}
	(void)failed_pending;
	join_cond(w->cond, sizeof(w->cond), saved_cond, cond, false);
	walk_node(w, n->then, &then_hs, &none, false);

	else_hs = *hs;
	held_union(&else_hs, &cond_acq);
	if (n->els) {
		join_cond(w->cond, sizeof(w->cond), saved_cond, cond, true);
		walk_node(w, n->els, &else_hs, &none, false);
	}
	memcpy(w->cond, saved_cond, sizeof(saved_cond));
	memcpy(w->step, saved_step, sizeof(saved_step));
	w->step_is_call = saved_is_call;

	if (terminates(n->then))
		*hs = else_hs;
	else if (n->els && terminates(n->els))
		*hs = then_hs;
	else {
		*hs = else_hs;
		held_union(hs, &then_hs);
	}
}

static void record_goto(struct walker *w, const struct lint_node *n, const struct held_set *hs)
{
	struct lint_result *r = w->r;
	struct lint_goto *g;

	if (r->ngotos == LINT_MAX_GOTOS) {
		r->overflow = true;
		return;
	}
	g = &r->gotos[r->ngotos++];
	g->line = n->line;
	g->pp = n->pp;
	snprintf(g->label, sizeof(g->label), "%s", n->name);
	snprintf(g->step, sizeof(g->step), "%s", w->step[0] ? w->step : "(no step)");
	g->step_is_call = w->step_is_call;
	snprintf(g->err, sizeof(g->err), "%s", w->err);
	memcpy(g->held, hs->h, (size_t)hs->n * sizeof(hs->h[0]));
	g->nheld = hs->n;
}

/* return ERR_PTR(-EXXX): a precondition check, with its condition and errno. */
static void record_check(struct walker *w, const struct lint_node *n)
{
	const struct lint_src *src = w->src;
	struct lint_result *r = w->r;
	struct lint_check *c;
	int t = n->t0;

	if (n->t1 - t != 5 || !tok_eq(src, t, "ERR_PTR") || !tok_eq(src, t + 2, "-") ||
	    src->toks[t + 3].type != LT_ID || r->nchecks == LINT_MAX_CHECKS)
		return;
	c = &r->checks[r->nchecks++];
	c->line = n->line;
	snprintf(c->cond, sizeof(c->cond), "%s", w->cond);
	snprintf(c->err, sizeof(c->err), "%.*s", src->toks[t + 3].len, src->toks[t + 3].s);
}

static void walk_node(struct walker *w, const struct lint_node *n, struct held_set *hs,
		      struct pending *pend, bool top)
{
	struct pending next = { .n = 0 };
	int i;

	switch (n->type) {
	case LN_BLOCK:
		for (i = 0; i < n->nkids && !w->done; i++) {
			next.n = 0;
			walk_node(w, n->kids[i], hs, pend, top);
			if (top && w->done)
				return;
		}
		return;
	case LN_EXPR: {
		int eq;

		note_errno(w, n);
		next.var0 = next.var1 = n->t0;
		for (eq = n->t0; eq < n->t1; eq++)
			if (tok_eq(w->src, eq, "=")) {
				next.var1 = eq;
				break;
			}
		apply_calls(w, n->t0, n->t1, hs, &next, n->line, n->pp);
		{
			struct call_ref c;

			if (next.var1 > next.var0 &&
			    find_calls(w->src, next.var1, n->t1, &c, 1) == 1)
				snprintf(next.call, sizeof(next.call), "%.*s",
					 w->src->toks[c.name].len, w->src->toks[c.name].s);
		}
		*pend = next;
		return;
	}
	case LN_IF:
		walk_if(w, n, hs, pend);
		memset(pend, 0, sizeof(*pend));
		return;
	case LN_LOOP:
		{
			struct held_set body = *hs;
			struct pending none = { .n = 0 };

			walk_node(w, n->then, &body, &none, false);
			held_union(hs, &body);
		}
		memset(pend, 0, sizeof(*pend));
		return;
	case LN_GOTO:
		record_goto(w, n, hs);
		return;
	case LN_RETURN:
		if (top) {
			w->done = true;
			return;
		}
		for (i = 0; i < hs->n; i++) {
			struct lint_issue is = { .type = LI_RETURN_HELD, .goto_line = n->line,
						 .res = hs->h[i].res, .line = hs->h[i].line,
						 .call = hs->h[i].call };

			if (!hs->h[i].optional)
				add_issue(w->r, &is);
		}
		record_check(w, n);
		return;
	case LN_LABEL:
		return;
	}
}

/*
 * A helper defined in the same file (free_task, delayed_free_task, ...):
 * the releases it makes count where it is called, except of what the call
 * itself is registered to release (delayed_free_task -> free_task is one
 * release of the task_struct).
 */
static void callee_releases(struct walker *w, const struct call_ref *call,
			    const struct pair_call **covered, int ncovered, int pp, int depth)
{
	struct lint_result *r = w->r;
	struct call_ref calls[64];
	char name[64];
	int t0, t1, n, i, j, k;

	if (depth == 3)
		return;
	snprintf(name, sizeof(name), "%.*s", w->src->toks[call->name].len,
		 w->src->toks[call->name].s);
	if (!strcmp(name, r->function) || lint_function_body(w->src, name, &t0, &t1))
		return;
	n = find_calls(w->src, t0, t1, calls, 64);
	for (i = 0; i < n; i++) {
		const struct pair_call *m[8];
		int nm = match_pairs(w->src, &calls[i], m, 8);

		for (j = 0; j < nm; j++) {
			struct lint_hold h = { m[j]->res, w->src->toks[call->name].line,
					       m[j]->call, "", pp, m[j]->if_held };
			bool seen = false;

			for (k = 0; k < ncovered; k++)
				seen |= covered[k]->res == m[j]->res;
			if (seen || m[j]->acquire || !r->tracked[h.res])
				continue;
			if (r->nrels == LINT_MAX_RELS) {
				r->overflow = true;
				return;
			}
			snprintf(h.cond, sizeof(h.cond), "%s", w->cond);
			r->rel_label[r->nrels] = r->nlabels - 1;
			r->rels[r->nrels++] = h;
		}
		{
			const struct pair_call *inner[16];
			int ni = 0;

			for (k = 0; k < ncovered && ni < 16; k++)
				inner[ni++] = covered[k];
			for (j = 0; j < nm && ni < 16; j++)
				inner[ni++] = m[j];
			callee_releases(w, &calls[i], inner, ni, pp, depth + 1);
		}
	}
}

/* The ladder: labels and the releases under them, after the success return. */
static void ladder_collect(struct walker *w, const struct lint_node *n, int cur_label)
{
	struct lint_result *r = w->r;
	int i;

	switch (n->type) {
	case LN_BLOCK:
		for (i = 0; i < n->nkids; i++)
			ladder_collect(w, n->kids[i], r->nlabels - 1);
		return;
	case LN_LABEL:
		if (r->nlabels == LINT_MAX_LABELS) {
			r->overflow = true;
			return;
		}
		snprintf(r->labels[r->nlabels].name, 64, "%s", n->name);
		r->labels[r->nlabels].line = n->line;
		r->labels[r->nlabels].pp = n->pp;
		r->labels[r->nlabels].first_rel = r->nrels;
		r->nlabels++;
		return;
	case LN_IF: {
		char saved[LINT_COND], cond[LINT_COND];

		memcpy(saved, w->cond, sizeof(saved));
		lint_tok_text(w->src, n->t0, n->t1, cond, sizeof(cond));
		join_cond(w->cond, sizeof(w->cond), saved, cond, false);
		ladder_collect(w, n->then, cur_label);
		if (n->els) {
			join_cond(w->cond, sizeof(w->cond), saved, cond, true);
			ladder_collect(w, n->els, cur_label);
		}
		memcpy(w->cond, saved, sizeof(saved));
		return;
	}
	case LN_LOOP:
		ladder_collect(w, n->then, cur_label);
		return;
	case LN_EXPR: {
		struct call_ref calls[32];
		int nc = find_calls(w->src, n->t0, n->t1, calls, 32), k, j;

		for (k = nc - 1; k >= 0; k--) {
			const struct pair_call *m[8];
			int nm = match_pairs(w->src, &calls[k], m, 8);

			for (j = 0; j < nm; j++) {
				struct lint_hold h = { m[j]->res, w->src->toks[calls[k].name].line,
						       m[j]->call, "", n->pp, m[j]->if_held };

				if (!r->tracked[h.res])
					continue;
				if (r->nrels == LINT_MAX_RELS) {
					r->overflow = true;
					return;
				}
				join_cond(h.cond, sizeof(h.cond), m[j]->acquire ? "+" : "", w->cond,
					  false);
				r->rel_label[r->nrels] = r->nlabels - 1;
				r->rels[r->nrels++] = h;
			}
			callee_releases(w, &calls[k], m, nm, n->pp, 0);
		}
		return;
	}
	default:
		return;
	}
}

/*
 * The clone-flag tests of a condition, as a canonical string: the
 * conjuncts "clone_flags&CLONE_X" (+X) and "!(clone_flags&CLONE_X)" (-X),
 * sorted; every other test (p->mm, pid != &init_struct_pid) is a state
 * guard and left out.
 */
static void flag_sig(const char *cond, char *out, size_t size)
{
	char atoms[16][48], buf[LINT_COND];
	const char *p = cond;
	int n = 0, i, j;
	size_t used = 0;

	out[0] = 0;
	while (*p && n < 16) {
		int depth = 0, len = 0;
		const char *q = p;
		char *a = buf;

		while (*q && !(depth == 0 && q[0] == '&' && q[1] == '&')) {
			depth += *q == '(';
			depth -= *q == ')';
			if (*q != ' ' && len + 1 < (int)sizeof(buf))
				a[len++] = *q;
			q++;
		}
		a[len] = 0;
		while (len >= 2 && a[0] == '(' && a[len - 1] == ')') {
			int d = 0, k, wraps = 1;

			for (k = 0; k < len - 1; k++) {
				d += a[k] == '(';
				d -= a[k] == ')';
				if (d == 0) {
					wraps = 0;
					break;
				}
			}
			if (!wraps)
				break;
			a[len - 1] = 0;
			a++;
			len -= 2;
		}
		if (!strncmp(a, "clone_flags&CLONE_", 18) && !strchr(a + 12, '&') &&
		    !strchr(a, '|') && !strchr(a, '='))
			snprintf(atoms[n++], sizeof(atoms[0]), "+%s", a + 12);
		else if (!strncmp(a, "!(clone_flags&CLONE_", 20) && a[len - 1] == ')' &&
			 !strchr(a + 14, '&') && !strchr(a, '|') && !strchr(a, '='))
			snprintf(atoms[n++], sizeof(atoms[0]), "-%.*s", len - 15, a + 14);
		p = *q ? q + 2 : q;
	}
	for (i = 0; i < n; i++)		/* sort, drop duplicates */
		for (j = i + 1; j < n; j++)
			if (strcmp(atoms[j], atoms[i]) < 0) {
				char t[48];

				memcpy(t, atoms[i], sizeof(t));
				memcpy(atoms[i], atoms[j], sizeof(t));
				memcpy(atoms[j], t, sizeof(t));
			}
	for (i = 0; i < n; i++)
		if ((!i || strcmp(atoms[i], atoms[i - 1])) && used + strlen(atoms[i]) + 2 < size)
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? " " : "",
						 atoms[i]);
}

static int find_label(const struct lint_result *r, const char *name)
{
	int i;

	for (i = 0; i < r->nlabels; i++)
		if (!strcmp(r->labels[i].name, name))
			return i;
	return -1;
}

/*
 * A resource held and released as often as each other: each release must
 * run under the clone flags its acquisition ran under, no more, no fewer.
 */
static void check_flags(struct lint_result *r, const struct lint_goto *g, int label, int res)
{
	char hs[LINT_COND], rs[LINT_COND];
	const struct lint_hold *h = NULL;
	int i, k, local = 0;

	for (i = 0; i < g->nheld; i++)
		if (g->held[i].res == res)
			h = &g->held[i];
	if (!h)
		return;
	flag_sig(h->cond, hs, sizeof(hs));
	for (k = r->labels[label].first_rel; k < r->nrels; k++) {
		const struct lint_hold *rel = &r->rels[k];
		struct lint_issue is;

		if (rel->res != res)
			continue;
		if (rel->cond[0] == '+') {
			local++;
			continue;
		}
		if (local) {
			local--;
			continue;
		}
		if (rel->optional)
			continue;
		flag_sig(rel->cond, rs, sizeof(rs));
		if (!strcmp(hs, rs))
			return;
		is = (struct lint_issue){ .type = LI_COND, .goto_line = g->line, .res = res,
					  .line = h->line, .call = h->call, .rel_line = rel->line,
					  .rel_call = rel->call };
		snprintf(is.label, sizeof(is.label), "%s", g->label);
		snprintf(is.step, sizeof(is.step), "%s", g->step);
		is.step_is_call = g->step_is_call;
		snprintf(is.held_flags, sizeof(is.held_flags), "%s", hs);
		snprintf(is.rel_flags, sizeof(is.rel_flags), "%s", rs);
		add_issue(r, &is);
		return;
	}
}

/* Compare what a goto holds with what falling from its label releases. */
static void check_goto(struct lint_result *r, const struct lint_goto *g)
{
	int held[NR_LINT_RES] = { 0 }, rel[NR_LINT_RES] = { 0 }, local[NR_LINT_RES] = { 0 };
	int opt[NR_LINT_RES] = { 0 }, tolerant[NR_LINT_RES] = { 0 };
	int first_rel_line[NR_LINT_RES] = { 0 }, label = find_label(r, g->label), i;
	const char *rel_call[NR_LINT_RES] = { 0 };
	struct lint_issue is;

	if (label < 0) {
		is = (struct lint_issue){ .type = LI_NO_LABEL, .goto_line = g->line, .res = -1 };
		snprintf(is.label, sizeof(is.label), "%s", g->label);
		snprintf(is.step, sizeof(is.step), "%s", g->step);
		is.step_is_call = g->step_is_call;
		add_issue(r, &is);
		return;
	}
	for (i = 0; i < g->nheld; i++) {
		if (g->held[i].optional)
			opt[g->held[i].res]++;
		else
			held[g->held[i].res]++;
	}
	for (i = r->labels[label].first_rel; i < r->nrels; i++) {
		const struct lint_hold *h = &r->rels[i];

		if (h->cond[0] == '+') {	/* taken and dropped inside the ladder */
			local[h->res]++;
			continue;
		}
		if (local[h->res]) {
			local[h->res]--;
			continue;
		}
		if (h->optional) {	/* PAIR_REL_IF_HELD: releases only what is held */
			tolerant[h->res]++;
			continue;
		}
		if (!rel[h->res]++) {
			first_rel_line[h->res] = h->line;
			rel_call[h->res] = h->call;
		}
	}
	for (i = 0; i < NR_LINT_RES; i++) {
		if (r->tracked[i] && rel[i] == held[i] && held[i] && !opt[i])
			check_flags(r, g, label, i);
		if (!r->tracked[i] || (rel[i] + tolerant[i] >= held[i] && rel[i] <= held[i] + opt[i]))
			continue;
		is = (struct lint_issue){ .goto_line = g->line, .res = i };
		snprintf(is.label, sizeof(is.label), "%s", g->label);
		snprintf(is.step, sizeof(is.step), "%s", g->step);
		is.step_is_call = g->step_is_call;
		if (rel[i] > held[i] + opt[i]) {
			is.type = LI_NOT_HELD;
			is.line = first_rel_line[i];
			is.call = rel_call[i];
		} else {
			int k;

			is.type = LI_LEAK;
			for (k = g->nheld - 1; k >= 0; k--)
				if (g->held[k].res == i) {
					is.line = g->held[k].line;
					is.call = g->held[k].call;
					break;
				}
		}
		add_issue(r, &is);
	}
}

int lint_run(const char *path, const char *function, struct lint_result *r)
{
	struct walker w = { .r = r };
	struct held_set hs = { .n = 0 };
	struct pending pend = { .n = 0 };
	const struct lint_node *body;
	int i, rest;

	memset(r, 0, sizeof(*r));
	r->function = function;
	if (lint_parse(path, function, &r->src))
		return -1;
	w.src = &r->src;
	body = r->src.body;
	mark_tracked(r);
	for (rest = 0; rest < body->nkids && !w.done; rest++)
		walk_node(&w, body->kids[rest], &hs, &pend, true);
	if (!w.done) {
		snprintf(r->src.err, sizeof(r->src.err),
			 "%s: %s() has no success return at its top level", path, function);
		return -1;
	}
	w.cond[0] = 0;
	for (i = rest; i < body->nkids; i++)
		ladder_collect(&w, body->kids[i], r->nlabels - 1);
	for (i = 0; i < r->ngotos; i++)
		check_goto(r, &r->gotos[i]);
	return 0;
}

void lint_result_free(struct lint_result *r)
{
	lint_free(&r->src);
}
