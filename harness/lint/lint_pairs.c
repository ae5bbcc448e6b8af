// SPDX-License-Identifier: GPL-2.0-only
/* The acquire/release table of model/pairs.def as C tables, and how a call in the source is matched to its rows. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "lint_int.h"
#include "vocab.h"

const char *const lint_res_names[NR_LINT_RES] = {
#define PAIR_RES(r, req, why) #r,
#include "pairs.def"
};

static const struct { bool required; const char *why; } res_rows[NR_LINT_RES] = {
#define PAIR_RES(r, req, w) { req, w },
#include "pairs.def"
};

static const struct pair_call pair_calls[] = {
#define PAIR_ACQ(r, c, a) { LR_##r, true, c, a, false, "" },
#define PAIR_ACQ_IF(r, c, a, k) { LR_##r, true, c, a, false, k },
#define PAIR_REL(r, c, a) { LR_##r, false, c, a, false, "" },
#define PAIR_REL_IF_HELD(r, c, a) { LR_##r, false, c, a, true, "" },
#include "pairs.def"
};

static const struct { const char *call, *site; } step_sites[] = {
#define PAIR_STEP(c, s) { c, #s },
#include "pairs.def"
};

/* PAIR_CHECK and PAIR_TEST rows: a vocabulary name and the identifiers that call for it. */
struct ident_name {
	int id;
	const char *idents;
};

static const struct ident_name check_rows[] = {
#define PAIR_CHECK(c, ids) { CHECK_##c, ids },
#include "pairs.def"
};

static const struct ident_name test_rows[] = {
#define PAIR_TEST(s, ids) { SITE_##s, ids },
#include "pairs.def"
};

static const struct pair_rel_by rel_by[] = {
#define PAIR_REL_BY(h, r, f, t) { h, LR_##r, f, t },
#include "pairs.def"
};

static const struct { const char *token, *from, *to; } eras[] = {
#define PAIR_ERA(k, f, t) { k, f, t },
#include "pairs.def"
};

const struct pair_rel_by *lint_rel_by(const char *helper, int nth)
{
	size_t i;

	for (i = 0; i < sizeof(rel_by) / sizeof(rel_by[0]); i++)
		if (!strcmp(rel_by[i].helper, helper) && nth-- == 0)
			return &rel_by[i];
	return NULL;
}

int lint_version(const char *v)
{
	int major = 0, minor = 0;

	if (!*v || sscanf(v, "%d.%d", &major, &minor) < 1)
		return 0;
	return major * 1000 + minor;
}

const char *lint_version_text(int v, char *buf, size_t size)
{
	snprintf(buf, size, "%d.%d", v / 1000, v % 1000);
	return buf;
}

void lint_era(struct lint_result *r)
{
	const struct lint_src *src = &r->src;
	size_t k;
	int i;

	r->era_from = r->era_to = 0;
	for (k = 0; k < sizeof(eras) / sizeof(eras[0]); k++)
		for (i = 0; i < src->ntoks; i++) {
			int from = lint_version(eras[k].from), to = lint_version(eras[k].to);

			if (src->toks[i].line < src->fn_line || src->toks[i].line > src->body_end_line ||
			    src->toks[i].type != LT_ID || !lint_tok_is(src, i, eras[k].token))
				continue;
			if (from > r->era_from)
				r->era_from = from;
			if (to && (!r->era_to || to < r->era_to))
				r->era_to = to;
			break;
		}
	if (r->era_to && r->era_from > r->era_to)	/* markers of two eras: say nothing */
		r->era_from = r->era_to = 0;
}

static const struct { int res; const char *call; } partials[] = {
#define PAIR_PARTIAL(r, c) { LR_##r, c },
#include "pairs.def"
};

bool lint_is_partial(const struct lint_hold *h)
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

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether @text has @id (@len chars) as a whole identifier. */
static bool has_ident(const char *text, const char *id, size_t len)
{
	const char *p;

	for (p = strstr(text, id); p; p = strstr(p + 1, id)) {
		bool start = p == text || !ident_char(p[-1]);

		if (start && strncmp(p, id, len) == 0 && !ident_char(p[len]))
			return true;
	}
	return false;
}

/* How many identifiers of @idents @cond names, or 0 unless it names them all. */
static int idents_fit(const char *idents, const char *cond)
{
	char id[64];
	const char *p = idents;
	int n = 0;

	while (*p) {
		size_t len = strcspn(p, " ");

		if (len && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = 0;
			if (!has_ident(cond, id, len))
				return 0;
			n++;
		}
		p += len;
		p += strspn(p, " ");
	}
	return n;
}

/* The id of the row of @rows that @cond fits best, or @none. */
static int name_by_idents(const struct ident_name *rows, size_t nrows, const char *cond, int none)
{
	int best = none, best_n = 0, n;
	size_t i;

	for (i = 0; i < nrows; i++) {
		n = idents_fit(rows[i].idents, cond);
		if (n > best_n) {
			best = rows[i].id;
			best_n = n;
		}
	}
	return best;
}

int lint_check_id(const char *cond)
{
	return name_by_idents(check_rows, sizeof(check_rows) / sizeof(check_rows[0]), cond,
			      CHECK_none);
}

bool lint_check_named(int check)
{
	size_t i;

	for (i = 0; i < sizeof(check_rows) / sizeof(check_rows[0]); i++)
		if (check_rows[i].id == check)
			return true;
	return false;
}

int lint_test_site(const char *cond, bool *named)
{
	size_t i, n = sizeof(test_rows) / sizeof(test_rows[0]);

	*named = false;
	for (i = 0; i < n; i++)
		if (idents_fit(test_rows[i].idents, cond))
			*named = true;
	return name_by_idents(test_rows, n, cond, SITE_none);
}

struct lint_step_name lint_goto_name(const struct lint_goto *g)
{
	struct lint_step_name n = { LS_UNNAMED, CHECK_none, SITE_none };
	const char *site;
	bool named;

	if (g->step_is_call) {
		n.check = lint_check_id(g->step);
		site = lint_step_site(g->step, 0);
		if (n.check != CHECK_none)
			n.kind = LS_CHECK;
		else if (site) {
			n.kind = LS_SITE;
			n.site = site_by_name(site);
		}
		return n;
	}
	n.site = lint_test_site(g->step, &named);
	n.kind = n.site != SITE_none ? LS_SITE : named ? LS_NEVER : LS_UNNAMED;
	return n;
}

const char *lint_rel_cond(const char *cond)
{
	if (!*cond)
		return "ALWAYS";
	if (strstr(cond, "!(clone_flags&CLONE_THREAD)"))
		return "NOT_THREAD";
	if (strstr(cond, "clone_flags&CLONE_THREAD"))
		return "THREAD";
	if (strstr(cond, "clone_flags&CLONE_PIDFD"))
		return "PIDFD";
	if (strstr(cond, "pid!=&init_struct_pid"))
		return "NOT_INIT_PID";
	return "PRESENT";
}

static const struct { int res; const char *kind; } res_kinds[] = {
#define PAIR_KIND(r, k) { LR_##r, #k },
#include "pairs.def"
};

const char *lint_res_kind(int res)
{
	size_t i;

	for (i = 0; i < sizeof(res_kinds) / sizeof(res_kinds[0]); i++)
		if (res_kinds[i].res == res)
			return res_kinds[i].kind;
	return lint_res_names[res];
}

const char *lint_step_row(size_t i, const char **site)
{
	if (i >= sizeof(step_sites) / sizeof(step_sites[0]))
		return NULL;
	*site = step_sites[i].site;
	return step_sites[i].call;
}

const char *lint_acq_row(size_t i, int *res)
{
	size_t n = 0, k;

	for (k = 0; k < NR_PAIR_CALLS; k++)
		if (pair_calls[k].acquire && n++ == i) {
			*res = pair_calls[k].res;
			return pair_calls[k].call;
		}
	return NULL;
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


/* @a @sep @b (or "!(@b)" when @negate) into @dst, cut to fit. */
void lint_join(char *dst, size_t size, const char *a, const char *b, bool negate)
{
	size_t n = 0;
	const char *parts[5] = { a, *a ? " && " : "", negate ? "!(" : "", b, negate ? ")" : "" };
	int i;

	for (i = 0; i < 5; i++)
		for (const char *c = parts[i]; *c && n + 1 < size; c++)
			dst[n++] = *c;
	dst[n] = 0;
}

void lint_add_issue(struct lint_result *r, const struct lint_issue *is)
{
	if (r->nissues == LINT_MAX_ISSUES) {
		r->overflow = true;
		return;
	}
	r->issues[r->nissues++] = *is;
	r->nunknown += is->type == LI_UNKNOWN;
}

int lint_find_calls(const struct lint_src *src, int t0, int t1, struct call_ref *out, int max)
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
int lint_match_pairs(const struct lint_src *src, const struct call_ref *c,
		       const struct pair_call **out, int max)
{
	size_t i;
	int n = 0;

	for (i = 0; i < NR_PAIR_CALLS && n < max; i++)
		if (lint_tok_is(src, c->name, pair_calls[i].call) && args_have(src, c, pair_calls[i].arg))
			out[n++] = &pair_calls[i];
	return n;
}
