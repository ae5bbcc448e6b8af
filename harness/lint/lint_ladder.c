// SPDX-License-Identifier: GPL-2.0-only
/* The ladder of `clonefuzz lint`: the labels below the success return, what each releases, and each goto checked against them. */
#include <stdio.h>
#include <string.h>

#include "lint_int.h"

/*
 * A helper the file calls but does not define (free_task in a quoted
 * copy_process()): what it releases in the versions the file can be. Where
 * all of them release it, it counts as a release of whatever is held (the
 * helper frees what the task holds); where only some do, as an unsure one,
 * which turns a leak into "unknown"; where none does, not at all.
 */
static void elsewhere_releases(struct walker *w, const char *name, int line,
			       const struct pair_call **covered, int ncovered, int pp)
{
	struct lint_result *r = w->r;
	const struct pair_rel_by *b;
	int nth, k;

	for (nth = 0; (b = lint_rel_by(name, nth)); nth++) {
		int from = lint_version(b->from), to = lint_version(b->to);
		struct lint_hold h = { b->res, line, b->helper, "", pp, true, false };
		bool seen = false;

		for (k = 0; k < ncovered; k++)
			seen |= covered[k]->res == b->res;
		if (seen || !r->tracked[b->res])
			continue;
		/* disjoint: the file is a version in which the helper keeps it */
		if ((to && r->era_from > to) || (r->era_to && r->era_to < from))
			continue;
		h.unsure = r->era_from < from || (to && (!r->era_to || r->era_to > to));
		if (r->nrels == LINT_MAX_RELS) {
			r->overflow = true;
			return;
		}
		snprintf(h.cond, sizeof(h.cond), "%s", w->cond);
		r->rel_label[r->nrels] = r->nlabels - 1;
		r->rels[r->nrels++] = h;
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
	if (!strcmp(name, r->function))
		return;
	if (lint_function_body(w->src, name, &t0, &t1)) {
		elsewhere_releases(w, name, w->src->toks[call->name].line, covered, ncovered, pp);
		return;
	}
	n = lint_find_calls(w->src, t0, t1, calls, 64);
	for (i = 0; i < n; i++) {
		const struct pair_call *m[8];
		int nm = lint_match_pairs(w->src, &calls[i], m, 8);

		for (j = 0; j < nm; j++) {
			struct lint_hold h = { m[j]->res, w->src->toks[call->name].line,
					       m[j]->call, "", pp, m[j]->if_held, false };
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
void lint_ladder_collect(struct walker *w, const struct lint_node *n, int cur_label)
{
	struct lint_result *r = w->r;
	int i;

	switch (n->type) {
	case LN_BLOCK:
		for (i = 0; i < n->nkids; i++)
			lint_ladder_collect(w, n->kids[i], r->nlabels - 1);
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
		lint_join(w->cond, sizeof(w->cond), saved, cond, false);
		lint_ladder_collect(w, n->then, cur_label);
		if (n->els) {
			lint_join(w->cond, sizeof(w->cond), saved, cond, true);
			lint_ladder_collect(w, n->els, cur_label);
		}
		memcpy(w->cond, saved, sizeof(saved));
		return;
	}
	case LN_LOOP:
		lint_ladder_collect(w, n->then, cur_label);
		return;
	case LN_EXPR: {
		struct call_ref calls[32];
		int nc = lint_find_calls(w->src, n->t0, n->t1, calls, 32), k, j;

		for (k = nc - 1; k >= 0; k--) {
			const struct pair_call *m[8];
			int nm = lint_match_pairs(w->src, &calls[k], m, 8);

			for (j = 0; j < nm; j++) {
				struct lint_hold h = { m[j]->res, w->src->toks[calls[k].name].line,
						       m[j]->call, "", n->pp, m[j]->if_held, false };

				if (!r->tracked[h.res])
					continue;
				if (r->nrels == LINT_MAX_RELS) {
					r->overflow = true;
					return;
				}
				lint_join(h.cond, sizeof(h.cond), m[j]->acquire ? "+" : "", w->cond,
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
		lint_add_issue(r, &is);
		return;
	}
}

/* Compare what a goto holds with what falling from its label releases. */
void lint_check_goto(struct lint_result *r, const struct lint_goto *g)
{
	int held[NR_LINT_RES] = { 0 }, rel[NR_LINT_RES] = { 0 }, local[NR_LINT_RES] = { 0 };
	int opt[NR_LINT_RES] = { 0 }, tolerant[NR_LINT_RES] = { 0 }, unsure[NR_LINT_RES] = { 0 };
	const struct lint_hold *unsure_rel[NR_LINT_RES] = { 0 };
	int first_rel_line[NR_LINT_RES] = { 0 }, label = find_label(r, g->label), i;
	const char *rel_call[NR_LINT_RES] = { 0 };
	struct lint_issue is;

	if (label < 0) {
		is = (struct lint_issue){ .type = LI_NO_LABEL, .goto_line = g->line, .res = -1 };
		snprintf(is.label, sizeof(is.label), "%s", g->label);
		snprintf(is.step, sizeof(is.step), "%s", g->step);
		is.step_is_call = g->step_is_call;
		lint_add_issue(r, &is);
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
		if (h->unsure) {	/* PAIR_REL_BY in some of the file's versions */
			unsure[h->res]++;
			unsure_rel[h->res] = h;
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
			if (rel[i] + tolerant[i] + unsure[i] >= held[i]) {
				const struct pair_rel_by *b;
				int nth;

				is.type = LI_UNKNOWN;
				is.rel_call = unsure_rel[i]->call;
				is.rel_line = unsure_rel[i]->line;
				for (nth = 0; (b = lint_rel_by(is.rel_call, nth)); nth++)
					if (b->res == i) {
						snprintf(is.rel_from, sizeof(is.rel_from), "%s", b->from);
						snprintf(is.rel_to, sizeof(is.rel_to), "%s", b->to);
					}
			}
			for (k = g->nheld - 1; k >= 0; k--)
				if (g->held[k].res == i) {
					is.line = g->held[k].line;
					is.call = g->held[k].call;
					break;
				}
		}
		lint_add_issue(r, &is);
	}
}
