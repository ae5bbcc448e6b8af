// SPDX-License-Identifier: GPL-2.0-only
/*
 * clonefuzz lint: walk copy_process() as the kernel runs it. On the straight
 * path every acquisition of model/pairs.def is held until its release; at
 * each goto the held set is compared with the releases its label and the
 * labels below it run (the ladder falls through to the end). The failing
 * step itself holds nothing: `x = f(); if (<tests x>) goto`, `if (!f())
 * goto`, `if (IS_ERR(x))` all fail before f's result is held.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_int.h"

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

/* Calls read in one function body: 7.2's copy_process() makes over 256. */
#define LINT_MAX_BODY_CALLS	1024

/* Mark what the calls in tokens [t0, t1) release, and through the same-file helpers they call. */
static void mark_released(struct lint_result *r, int t0, int t1, int depth)
{
	struct lint_src *src = &r->src;
	struct call_ref calls[LINT_MAX_BODY_CALLS];
	int n = lint_find_calls(src, t0, t1, calls, LINT_MAX_BODY_CALLS), i, k;

	for (i = 0; i < n; i++) {
		const struct pair_call *m[8];
		int nm = lint_match_pairs(src, &calls[i], m, 8), b0, b1;
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
		r->tracked[k] = lint_res_required(k, NULL);
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
	int n = lint_find_calls(w->src, t0, t1, calls, 32), i, k;

	/* arguments run before the call that takes them: innermost first */
	for (i = n - 1; i >= 0; i--) {
		const struct pair_call *m[8];
		int nm = lint_match_pairs(w->src, &calls[i], m, 8);

		for (k = 0; k < nm; k++) {
			struct lint_hold h = { m[k]->res, w->src->toks[calls[i].name].line,
					       m[k]->call, "", pp, false, false };

			if (!w->r->tracked[h.res])
				continue;
			if (m[k]->acquire && *m[k]->cond)
				lint_join(h.cond, sizeof(h.cond), w->cond, m[k]->cond, false);
			else
				snprintf(h.cond, sizeof(h.cond), "%s", w->cond);
			if (w->r->npath < LINT_MAX_RELS) {
				w->r->path[w->r->npath] = h;
				lint_join(w->r->path[w->r->npath].cond, LINT_COND,
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

	if (n->t1 - t < 3 || src->toks[t].type != LT_ID || !lint_tok_is(src, t + 1, "="))
		return;
	if (!lint_tok_is(src, t, "retval") && !lint_tok_is(src, t, "ret") && !lint_tok_is(src, t, "err"))
		return;
	if (n->t1 - t == 4 && lint_tok_is(src, t + 2, "-") && src->toks[t + 3].type == LT_ID &&
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
		if (lint_tok_is(src, i, "=") && lint_find_calls(src, i, t1, &c, 1) == 1) {
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
	bool saved_is_call = w->step_is_call;
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
			if (lint_is_partial(&pend->h[i])) {
				struct lint_hold h = pend->h[i];

				h.optional = true;
				held_add(&then_hs, &h);
			}
		}
		snprintf(w->step, sizeof(w->step), "%s", pend->call);
		w->step_is_call = true;
	} else if (assigned_call(w->src, n->t0, n->t1, w->step, sizeof(w->step))) {
		w->step_is_call = true;
	} else {
		lint_join(w->step, sizeof(w->step), "", cond, false);
		w->step_is_call = false;
	}
	lint_join(w->cond, sizeof(w->cond), saved_cond, cond, false);
	walk_node(w, n->then, &then_hs, &none, false);

	else_hs = *hs;
	held_union(&else_hs, &cond_acq);
	if (n->els) {
		lint_join(w->cond, sizeof(w->cond), saved_cond, cond, true);
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

	if (n->t1 - t != 5 || !lint_tok_is(src, t, "ERR_PTR") || !lint_tok_is(src, t + 2, "-") ||
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
			if (lint_tok_is(w->src, eq, "=")) {
				next.var1 = eq;
				break;
			}
		apply_calls(w, n->t0, n->t1, hs, &next, n->line, n->pp);
		{
			struct call_ref c;

			if (next.var1 > next.var0 &&
			    lint_find_calls(w->src, next.var1, n->t1, &c, 1) == 1)
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
				lint_add_issue(w->r, &is);
		}
		record_check(w, n);
		return;
	case LN_LABEL:
		return;
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
	lint_era(r);
	for (rest = 0; rest < body->nkids && !w.done; rest++)
		walk_node(&w, body->kids[rest], &hs, &pend, true);
	if (!w.done) {
		snprintf(r->src.err, sizeof(r->src.err),
			 "%s: %s() has no success return at its top level", path, function);
		return -1;
	}
	w.cond[0] = 0;
	for (i = rest; i < body->nkids; i++)
		lint_ladder_collect(&w, body->kids[i], r->nlabels - 1);
	for (i = 0; i < r->ngotos; i++)
		lint_check_goto(r, &r->gotos[i]);
	return 0;
}

void lint_result_free(struct lint_result *r)
{
	lint_free(&r->src);
}
