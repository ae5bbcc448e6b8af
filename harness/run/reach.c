// SPDX-License-Identifier: GPL-2.0-only
/* Counting, over a corpus, the inputs that reach each version's checks, sites and labels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reach.h"
#include "run.h"

/* What one input reached, before it is added to its version's counts. */
struct reached {
	bool refused[NR_CHECKS], ran[NR_SITES], failed[NR_SITES], label[NR_LABELS];
	uint64_t digest;
};

int reach_version(const struct profile *p)
{
	size_t i;

	for (i = 0; i < nr_profiles; i++)
		if (profiles[i] == p)
			return (int)i;
	return 0;
}

void reach_tally(const struct profile *p, const struct reach_counts *rc, struct reach_tally *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < p->nr_checks; i++)
		t->refused += rc->refused[p->checks[i].check] > 0;
	for (i = 0; i < p->nr_sites; i++) {
		t->ran += rc->ran[p->sites[i].site] > 0;
		t->failed += rc->failed[p->sites[i].site] > 0;
	}
	for (i = 0; i < p->nr_labels; i++)
		t->labels += rc->label[p->labels[i]] > 0;
}

void reach_init(struct corpus_reach *r, const struct fuzz_target *t)
{
	memset(r, 0, sizeof(*r));
	r->t = t;
}

void reach_free(struct corpus_reach *r)
{
	free(r->seen);
	r->seen = NULL;
}

static uint64_t fnv1a(const uint8_t *d, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ *d++) * 0x100000001b3ULL;
	return h | 1;	/* 0 marks a free slot */
}

static void seen_grow(struct corpus_reach *r)
{
	uint64_t *old = r->seen;
	size_t i, j, cap = r->cap_seen;

	r->cap_seen = cap ? 2 * cap : 1024;
	r->seen = calloc(r->cap_seen, sizeof(*r->seen));
	if (!r->seen) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		exit(2);
	}
	for (i = 0; i < cap; i++) {
		if (!old[i])
			continue;
		for (j = old[i] & (r->cap_seen - 1); r->seen[j]; j = (j + 1) & (r->cap_seen - 1))
			;
		r->seen[j] = old[i];
	}
	free(old);
}

/* Record @h; true if it was there already. */
static bool seen_before(struct corpus_reach *r, uint64_t h)
{
	size_t j;

	if (2 * (r->nr_seen + 1) > r->cap_seen)
		seen_grow(r);
	for (j = h & (r->cap_seen - 1); r->seen[j]; j = (j + 1) & (r->cap_seen - 1))
		if (r->seen[j] == h)
			return true;
	r->seen[j] = h;
	r->nr_seen++;
	return false;
}

/*
 * Called by run_scenario() right after each operation, while model_trace
 * still holds that call's trace: which fault gates it passed.
 */
static void on_result(const struct op_result *res, void *arg)
{
	struct reached *re = arg;
	int i;

	op_result_digest(res, &re->digest);
	if (!res->op || res->op->kind == OP_EXIT || res->skipped)
		return;
	re->refused[res->failed_check] = true;
	re->failed[res->failed_site] = true;
	for (i = 0; i < res->nr_labels; i++)
		re->label[res->labels[i]] = true;
	for (i = 1; i < NR_SITES; i++)
		if (model_trace.reached[i / 8] & (1U << (i % 8)))
			re->ran[i] = true;
}

static void count(struct reach_counts *c, const struct reached *re)
{
	int i;

	c->inputs++;
	for (i = 1; i < NR_CHECKS; i++)
		c->refused[i] += re->refused[i];
	for (i = 1; i < NR_SITES; i++) {
		c->ran[i] += re->ran[i];
		c->failed[i] += re->failed[i];
	}
	for (i = 1; i < NR_LABELS; i++)
		c->label[i] += re->label[i];
}

void reach_add(struct corpus_reach *r, const uint8_t *data, size_t len)
{
	static struct scenario s;
	static struct reached re;
	struct run_summary sum;
	char err[256];

	r->files++;
	if (seen_before(r, fnv1a(data, len))) {
		r->copies++;
		return;
	}
	if (r->t->decode(data, len, &s, err, sizeof(err))) {
		r->rejected++;
		return;
	}
	memset(&re, 0, sizeof(re));
	re.digest = 0xcbf29ce484222325ULL;
	run_scenario(&s, on_result, &re, &sum);
	r->violations += sum.violations ? 1 : 0;
	r->nondet += run_scenario_digest(&s) != re.digest;
	if (reach_version(s.profile) < REACH_MAX_PROFILES)
		count(&r->per[reach_version(s.profile)], &re);
}
