// SPDX-License-Identifier: GPL-2.0-only
/* The mirror-against-source differential: two sweeps kept as outcomes, sorted by scenario and merged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sweep.h"
#include "sweepdiff.h"

/* What one sweep scenario did, keyed by what the sweep varied. */
struct outcome {
	unsigned long long flags;
	unsigned char world, clone3;
	short site;			/* the planned fault, SITE_none for none */
	long ret;
	short check, failed;		/* CHECK_* that refused, SITE_* that unwound */
	unsigned char injected, violated, nr_labels;
	unsigned char labels[MAX_TRACE_LABELS];
};

struct outcomes {
	struct outcome *o;
	size_t n, cap;
	bool nomem;
};

static void keep(const struct sweep_run *r, void *arg)
{
	struct outcomes *s = arg;
	struct outcome *o;

	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1 << 16;
		struct outcome *p = realloc(s->o, cap * sizeof(*p));

		if (!p) {
			s->nomem = true;
			return;
		}
		s->o = p;
		s->cap = cap;
	}
	o = &s->o[s->n++];
	memset(o, 0, sizeof(*o));
	o->flags = r->call.flags;
	o->world = (unsigned char)r->world;
	o->clone3 = r->call.entry == ENTRY_clone3;
	o->site = (short)r->plan.site;
	o->ret = r->ret;
	o->check = (short)model_trace.failed_check;
	o->failed = (short)model_trace.failed_site;
	o->injected = model_trace.injected;
	o->violated = r->unknown > 0;
	o->nr_labels = (unsigned char)model_trace.nr_labels;
	memcpy(o->labels, model_trace.labels, o->nr_labels);
}

static int key_cmp(const struct outcome *a, const struct outcome *b)
{
	if (a->world != b->world)
		return a->world < b->world ? -1 : 1;
	if (a->clone3 != b->clone3)
		return a->clone3 < b->clone3 ? -1 : 1;
	if (a->flags != b->flags)
		return a->flags < b->flags ? -1 : 1;
	if (a->site != b->site)
		return a->site < b->site ? -1 : 1;
	return 0;
}

static int sort_cmp(const void *a, const void *b)
{
	return key_cmp(a, b);
}

/* The first way @a and @b differ, or -1 when they agree. */
static int diff_kind(const struct outcome *a, const struct outcome *b)
{
	if (a->ret != b->ret)
		return SD_result;
	if (a->check != b->check || a->failed != b->failed || a->injected != b->injected)
		return SD_step;
	if (a->nr_labels != b->nr_labels || memcmp(a->labels, b->labels, a->nr_labels))
		return SD_labels;
	if (a->violated != b->violated)
		return SD_verdict;
	return -1;
}

static void print_key(FILE *out, const struct outcome *o)
{
	fprintf(out, "[%s flags=0x%llx world %d fail=%s]", o->clone3 ? "clone3" : "clone",
		o->flags, o->world, o->site ? site_names[o->site] : "none");
}

static void print_side(FILE *out, const struct profile *p, const struct outcome *o)
{
	int i;

	fprintf(out, "    %-16s ", p->name);
	if (o->ret >= 0)
		fprintf(out, "pid %ld", o->ret);
	else {
		const char *e = errno_name((int)-o->ret);

		if (e)
			fprintf(out, "%s", e);
		else
			fprintf(out, "error %ld", -o->ret);
	}
	if (o->check)
		fprintf(out, " at check %s", check_names[o->check]);
	else if (o->failed)
		fprintf(out, " at %s%s", site_names[o->failed], o->injected ? " (injected)" : "");
	if (o->nr_labels) {
		fprintf(out, "; labels:");
		for (i = 0; i < o->nr_labels; i++)
			fprintf(out, " %s", label_names[o->labels[i]]);
	}
	fprintf(out, "%s\n", o->violated ? "; VIOLATION" : "");
}

static const char *const diff_what[NR_SWEEP_DIFFS] = {
#define X(name, what) what,
	SWEEP_DIFFS(X)
#undef X
};

static const char *const diff_names[NR_SWEEP_DIFFS] = {
#define X(name, what) #name,
	SWEEP_DIFFS(X)
#undef X
};

static void note(FILE *out, struct sweep_diff_stats *st, int kind, int show,
		 const struct profile *pa, const struct outcome *a,
		 const struct profile *pb, const struct outcome *b)
{
	if (st->kind[kind]++ >= show)
		return;
	fprintf(out, "  %s ", diff_names[kind]);
	print_key(out, a ? a : b);
	fprintf(out, "\n");
	if (a)
		print_side(out, pa, a);
	if (b)
		print_side(out, pb, b);
}

static int sweep_keep(const struct profile *p, struct outcomes *s)
{
	struct sweep_stats st;

	sweep_profile(p, keep, s, &st);
	if (s->nomem)
		return -1;
	qsort(s->o, s->n, sizeof(*s->o), sort_cmp);
	return 0;
}

int sweep_diff(const struct profile *pa, const struct profile *pb, int show,
	       FILE *out, struct sweep_diff_stats *st)
{
	struct outcomes a = { 0 }, b = { 0 };
	size_t i = 0, j = 0;
	int k, ret = -1;

	memset(st, 0, sizeof(*st));
	if (sweep_keep(pa, &a) || sweep_keep(pb, &b))
		goto out_free;
	fprintf(out, "%s against %s, scenario by scenario:\n", pa->name, pb->name);
	while (i < a.n || j < b.n) {
		int c = i == a.n ? 1 : j == b.n ? -1 : key_cmp(&a.o[i], &b.o[j]);

		if (c < 0) {
			note(out, st, SD_only_a, show, pa, &a.o[i++], pb, NULL);
			continue;
		}
		if (c > 0) {
			note(out, st, SD_only_b, show, pa, NULL, pb, &b.o[j++]);
			continue;
		}
		st->compared++;
		k = diff_kind(&a.o[i], &b.o[j]);
		if (k >= 0) {
			st->differ++;
			note(out, st, k, show, pa, &a.o[i], pb, &b.o[j]);
		}
		i++;
		j++;
	}
	fprintf(out, "%ld scenarios both ran, %ld differ\n", st->compared, st->differ);
	for (k = 0; k < NR_SWEEP_DIFFS; k++)
		if (st->kind[k])
			fprintf(out, "  %8ld %s\n", st->kind[k], diff_what[k]);
	ret = st->differ || st->kind[SD_only_a] || st->kind[SD_only_b];
out_free:
	free(a.o);
	free(b.o);
	return ret;
}
