// SPDX-License-Identifier: GPL-2.0-only
/* Write a source profile's table.def from what clonefuzz lint reads in its fork.c and the v6.18 mirror's table. */
#include <stdbool.h>
#include <string.h>

#include "profile.h"
#include "table.h"
#include "vocab.h"

static const char *errno_text(int err)
{
	const char *n = errno_name(err);

	return n ? n : "0";
}

/* Whether the failing step @g may be @site: a row of pairs.def names it so. */
static bool step_has_site(const struct lint_goto *g, int site)
{
	const char *s;
	bool named;
	int nth;

	if (!g->step_is_call)
		return lint_test_site(g->step, &named) == site;
	for (nth = 0; (s = lint_step_site(g->step, nth)); nth++)
		if (site_by_name(s) == site)
			return true;
	return false;
}

static void write_checks(const struct lint_result *r, const struct profile *base, FILE *out,
			 struct missing *m)
{
	size_t k;
	int i, c;

	fprintf(out, "\n/* Checks: the entry's (clone3, kernel_clone), then copy_process's as the file has them. */\n");
	for (k = 0; k < base->nr_checks; k++) {
		const struct check_row *row = &base->checks[k];

		if (!lint_check_named(row->check))
			fprintf(out, "CHECK_ROW(%s, %s, %s, \"%s\")\n", check_names[row->check],
				errno_text(row->err), label_names[row->label], row->cond);
	}
	for (i = 0; i < r->nchecks; i++) {
		c = lint_check_id(r->checks[i].cond);
		if (c == CHECK_none)
			continue;	/* listed as missing by the caller's vocabulary pass */
		fprintf(out, "CHECK_ROW(%s, %s, none, \"line %d: %s\")\n", check_names[c],
			r->checks[i].err[0] ? r->checks[i].err : "0", r->checks[i].line,
			r->checks[i].cond);
	}
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];
		struct lint_step_name n = lint_goto_name(g);

		if (n.kind == LS_CHECK)
			fprintf(out, "CHECK_ROW(%s, %s, %s, \"line %d: %s fails\")\n",
				check_names[n.check], g->err[0] ? g->err : "0", g->label, g->line, g->step);
	}
	(void)m;
}

/* The errno of a site no mirror's table has (pairs.def PAIR_STEP_ERRNO), or 0. */
static int new_site_errno(int site)
{
	static const struct {
		int site, err;
	} rows[] = {
#define PAIR_STEP_ERRNO(s, e) { SITE_##s, e },
#include "pairs.def"
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (rows[i].site == site)
			return rows[i].err;
	return 0;
}

/* The sites of a step @base lacks that pairs.def gives an errno; whether there was one. */
static bool write_new_sites(const struct lint_goto *g, FILE *out, bool *kept)
{
	const char *s;
	bool any = false;
	int nth, site, err;

	for (nth = 0; g->step_is_call && (s = lint_step_site(g->step, nth)); nth++) {
		site = site_by_name(s);
		err = new_site_errno(site);
		if (!err || kept[site])
			continue;
		kept[site] = any = true;
		fprintf(out, "SITE_ROW(%s, %s, %s)\t/* line %d: %s */\n", site_names[site],
			errno_text(err), g->label, g->line, g->step);
	}
	return any;
}

/* The sites of each failing step, in @base's order, at the file's label; @kept marks them. */
static void write_sites(const struct lint_result *r, const struct profile *base, FILE *out,
			bool *kept, struct missing *m)
{
	char name[96];
	bool any;
	size_t k;
	int i;

	fprintf(out, "\n/* Fallible steps: the callee's sites, with its errno, at the file's label. */\n");
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];

		if (lint_goto_name(g).kind != LS_SITE)
			continue;	/* a check, a test the model never fails, or one not named (listed) */
		any = false;
		for (k = 0; k < base->nr_sites; k++) {
			const struct site_row *row = &base->sites[k];

			if (kept[row->site] || !step_has_site(g, row->site))
				continue;
			kept[row->site] = any = true;
			fprintf(out, "SITE_ROW(%s, %s, %s)\t/* line %d: %s */\n", site_names[row->site],
				!g->step_is_call && g->err[0] ? g->err : errno_text(row->err),
				g->label, g->line, g->step);
		}
		if (!any && !write_new_sites(g, out, kept)) {
			snprintf(name, sizeof(name), "%s (no %s site)", g->step, base->name);
			missing_add(m, name, "step", g->line);
		}
	}
}

/*
 * The file's own releases at its label @i mapped to model kinds; only of
 * kinds @base never releases when @new_only (a label @base has, whose
 * releases are @base's, gets those of the file's steps @base lacks).
 */
static void write_file_rels(const struct lint_result *r, int i, const struct profile *base,
			    bool new_only, FILE *out, struct missing *m)
{
	const char *kind;
	int j;

	for (j = 0; j < r->nrels; j++) {
		const struct lint_hold *h = &r->rels[j];

		if (r->rel_label[j] != i || h->cond[0] == '+' || h->unsure)
			continue;
		kind = lint_res_kind(h->res);
		if (!strcmp(kind, "none"))
			continue;
		if (kind_by_name(kind) < 0) {
			missing_add(m, kind, "kind", h->line);
			continue;
		}
		if (new_only && profile_index(base)->nr_kind_rels[kind_by_name(kind)])
			continue;
		fprintf(out, "REL_ROW(%s, %s, %s, \"%s\")\n", r->labels[i].name, kind,
			lint_rel_cond(h->cond), h->call);
	}
}

static void write_rels(const struct lint_result *r, const struct profile *base, FILE *out,
		       struct missing *m)
{
	size_t k;
	int i, label;
	bool known;

	fprintf(out, "\n/* Releases: %s's for the labels it has (with the file's of kinds it never releases), the file's own for the others. */\n",
		base->name);
	for (i = 0; i < r->nlabels; i++) {
		label = label_by_name(r->labels[i].name);
		known = label != L_none && profile_label_pos(base, label) >= 0;
		for (k = 0; known && k < base->nr_rels; k++)
			if (base->rels[k].label == label)
				fprintf(out, "REL_ROW(%s, %s, %s, \"%s\")\n", label_names[label],
					kind_names[base->rels[k].kind],
					rel_cond_tokens[base->rels[k].cond], base->rels[k].call);
		write_file_rels(r, i, base, known, out, m);
	}
}

void source_table(const struct lint_result *r, const struct profile *base, FILE *out,
		  struct missing *m)
{
	bool kept[NR_SITES] = { false };
	size_t k;
	int i;

	fprintf(out, "/* SPDX-License-Identifier: GPL-2.0-only */\n"
		"/* The table of a source profile, written by clonefuzz source from %s and the %s table. */\n",
		r->src.path, base->name);
	write_checks(r, base, out, m);
	write_sites(r, base, out, kept, m);
	fprintf(out, "\n/* Where a scenario's signal arrives. */\n");
	for (k = 0; k < base->nr_signal_sites; k++)
		if (kept[base->signal_sites[k]])
			fprintf(out, "SIGNAL_ROW(%s)\n", site_names[base->signal_sites[k]]);
	fprintf(out, "\n/* The ladder, top to bottom. */\n");
	for (i = 0; i < r->nlabels; i++)
		fprintf(out, "LABEL_ROW(%s)\n", r->labels[i].name);
	write_rels(r, base, out, m);
	fprintf(out, "\n/* Defects of %s's callees at the sites kept. */\n", base->name);
	for (k = 0; k < base->nr_defects; k++) {
		const struct defect_row *d = &base->defects[k];

		if (d->site != SITE_none && kept[d->site])
			fprintf(out, "DEFECT_AT(%s, %s, %s, %s, \"%s\")\n", d->name, vtype_names[d->vtype],
				d->kind == KIND_no_object ? "no_object" : kind_names[d->kind],
				site_names[d->site], d->desc);
	}
}
