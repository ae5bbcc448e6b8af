// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz lint: unwind symmetry of copy_process() in a real kernel/fork.c, its table, and how it differs from a model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_picture.h"
#include "lint/lint.h"
#include "profile.h"

static const char usage_lint[] =
	"usage: clonefuzz lint FILE [--function NAME]\n"
	"         [--format text|json|svg | --json | --emit-table | --against PROFILE]\n\n"
	"Read FILE, a kernel/fork.c of any version from 2.6.x on, and check its\n"
	"copy_process() (or NAME): at every goto, what the straight path holds\n"
	"against what falling from the goto's label to the end releases, with the\n"
	"acquire/release pairs of model/pairs.def. Reports each release of what\n"
	"is not held and each acquisition never released, with the goto's line,\n"
	"the failing step, the label and the resource. Every #if counts as taken.\n\n"
	"  --format svg  the ladder drawn as a mirror: the gotos down the left, the\n"
	"                labels up the right, each goto level with its label when\n"
	"                the label undoes what is held there, a wrong one red and\n"
	"                dashed, a label the ladder lacks drawn where it belongs\n"
	"  --json        (or --format json) the checks, the straight path's\n"
	"                acquisitions and releases, the gotos with what each holds,\n"
	"                the labels with what each releases, and the findings\n"
	"  --emit-table  the table rows the model needs for this file\n"
	"  --against P   compare the file's ladder with model version P's table\n\n"
	"Exit status: 0 clean, 1 asymmetries (or differences, with --against),\n"
	"2 when FILE cannot be read or the function not followed.\n";

/* The model's site for a goto's step, a call's (PAIR_STEP) or a test's (PAIR_TEST); "none" if no row names it. */
static const char *goto_site(const struct lint_goto *g)
{
	struct lint_step_name n = lint_goto_name(g);

	return site_names[n.kind == LS_SITE ? n.site : SITE_none];
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

static const char *issue_words(const struct lint_issue *is)
{
	switch (is->type) {
	case LI_NOT_HELD: return "not_held";
	case LI_LEAK: return "leak";
	case LI_NO_LABEL: return "no_label";
	case LI_RETURN_HELD: return "return_held";
	case LI_COND: return "flags_differ";
	case LI_UNKNOWN: return "unknown";
	}
	return "?";
}

/* "+CLONE_A -CLONE_B" as "CLONE_A and !CLONE_B", "" as "on every fork" */
static const char *flags_words(const char *sig, char *buf, size_t size)
{
	size_t n = 0;

	if (!*sig)
		return "on every fork";
	n = (size_t)snprintf(buf, size, "only with ");
	for (; *sig && n + 8 < size; sig++) {
		if (*sig == '+')
			continue;
		if (*sig == '-')
			buf[n++] = '!';
		else if (*sig == ' ')
			n += (size_t)snprintf(buf + n, size - n, " and ");
		else
			buf[n++] = *sig;
	}
	buf[n < size ? n : size - 1] = 0;
	return buf;
}

/* What @is says, after "FILE:": "22: goto ... not held there". */
static void issue_text(const struct lint_result *r, const struct lint_issue *is, char *buf, size_t size)
{
	const char *why = NULL, *fails = is->step_is_call ? " fails" : "";
	char a[160], b[160];

	switch (is->type) {
	case LI_NOT_HELD:
		snprintf(buf, size, "%d: goto %s when %s%s: %s (line %d) releases %s, which is not held there",
			 is->goto_line, is->label, is->step, fails, is->call, is->line,
			 lint_res_names[is->res]);
		break;
	case LI_LEAK:
		lint_res_required(is->res, &why);
		snprintf(buf, size, "%d: goto %s when %s%s: %s taken by %s (line %d) is never released%s%s%s",
			 is->goto_line, is->label, is->step, fails, lint_res_names[is->res], is->call,
			 is->line, why && *why ? " (" : "", why ? why : "", why && *why ? ")" : "");
		break;
	case LI_NO_LABEL:
		snprintf(buf, size, "%d: goto %s when %s%s: no such label below the success return",
			 is->goto_line, is->label, is->step, fails);
		break;
	case LI_RETURN_HELD:
		snprintf(buf, size, "%d: return with %s held (taken by %s, line %d)", is->goto_line,
			 lint_res_names[is->res], is->call, is->line);
		break;
	case LI_UNKNOWN:
		snprintf(buf, size, "%d: goto %s when %s%s: %s taken by %s (line %d) is released only if %s "
			 "(line %d, not defined in this file) does, as it does in %s to %s; this file reads as %s to %s (unknown, not counted)",
			 is->goto_line, is->label, is->step, fails, lint_res_names[is->res], is->call,
			 is->line, is->rel_call, is->rel_line, is->rel_from,
			 *is->rel_to ? is->rel_to : "today",
			 r->era_from ? lint_version_text(r->era_from, a, sizeof(a)) : "any version",
			 r->era_to ? lint_version_text(r->era_to, b, sizeof(b)) : "today");
		break;
	case LI_COND:
		if (!*is->held_flags)
			snprintf(buf, size, "%d: goto %s when %s%s: %s taken by %s (line %d) %s is released %s (%s, line %d)",
				 is->goto_line, is->label, is->step, fails, lint_res_names[is->res],
				 is->call, is->line, flags_words(is->held_flags, a, sizeof(a)),
				 flags_words(is->rel_flags, b, sizeof(b)), is->rel_call, is->rel_line);
		else
			snprintf(buf, size, "%d: goto %s when %s%s: %s (line %d) releases %s %s, but %s (line %d) takes it %s",
				 is->goto_line, is->label, is->step, fails, is->rel_call, is->rel_line,
				 lint_res_names[is->res], flags_words(is->rel_flags, a, sizeof(a)),
				 is->call, is->line, flags_words(is->held_flags, b, sizeof(b)));
		break;
	}
}

static void print_issue(const struct lint_result *r, const struct lint_issue *is)
{
	char buf[1024];

	issue_text(r, is, buf, sizeof(buf));
	printf("%s:%s\n", r->src.path, buf);
}

static int tracked_count(const struct lint_result *r)
{
	int i, n = 0;

	for (i = 0; i < NR_LINT_RES; i++)
		n += r->tracked[i];
	return n;
}

static void print_text(const struct lint_result *r)
{
	int i, n = r->nissues - r->nunknown;

	printf("%s: %s() at line %d: %d gotos, %d labels, %d resources tracked\n", r->src.path,
	       r->function, r->src.fn_line, r->ngotos, r->nlabels, tracked_count(r));
	for (i = 0; i < r->nissues; i++)
		print_issue(r, &r->issues[i]);
	if (r->nunknown)
		printf("%d release(s) that depend on the version\n", r->nunknown);
	if (n)
		printf("%d asymmetr%s\n", n, n == 1 ? "y" : "ies");
	else if (r->nunknown)
		printf("no asymmetry the file alone decides\n");
	else
		printf("no asymmetry: every goto's label releases exactly what is held there\n");
}

static void print_hold_json(const struct lint_result *r, const struct lint_hold *h)
{
	char pp[256];

	lint_pp_text(&r->src, h->pp, pp, sizeof(pp));
	printf("{\"resource\":");
	json_str(lint_res_names[h->res]);
	printf(",\"call\":");
	json_str(h->call);
	printf(",\"line\":%d,\"cond\":", h->line);
	json_str(h->cond[0] == '+' ? h->cond + 1 : h->cond);
	printf(",\"acquire\":%s,\"config\":", h->cond[0] == '+' ? "true" : "false");
	json_str(pp);
	if (h->unsure)
		printf(",\"version_dependent\":true");
	printf("}");
}

static void print_json(const struct lint_result *r)
{
	char pp[256];
	int i, k;

	printf("{\"file\":");
	json_str(r->src.path);
	printf(",\"function\":");
	json_str(r->function);
	printf(",\"line\":%d,\"labels\":[", r->src.fn_line);
	for (i = 0; i < r->nlabels; i++) {
		lint_pp_text(&r->src, r->labels[i].pp, pp, sizeof(pp));
		printf("%s{\"name\":", i ? "," : "");
		json_str(r->labels[i].name);
		printf(",\"line\":%d,\"config\":", r->labels[i].line);
		json_str(pp);
		printf(",\"releases\":[");
		for (k = 0; k < r->nrels; k++)
			if (r->rel_label[k] == i) {
				if (k > r->labels[i].first_rel)
					putchar(',');
				print_hold_json(r, &r->rels[k]);
			}
		printf("]}");
	}
	printf("],\"path\":[");
	for (i = 0; i < r->npath; i++) {
		printf("%s", i ? "," : "");
		print_hold_json(r, &r->path[i]);
	}
	printf("],\"checks\":[");
	for (i = 0; i < r->nchecks; i++) {
		printf("%s{\"line\":%d,\"errno\":", i ? "," : "", r->checks[i].line);
		json_str(r->checks[i].err);
		printf(",\"cond\":");
		json_str(r->checks[i].cond);
		printf(",\"check\":");
		json_str(check_names[lint_check_id(r->checks[i].cond)]);
		printf("}");
	}
	printf("],\"gotos\":[");
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];

		printf("%s{\"line\":%d,\"label\":", i ? "," : "", g->line);
		json_str(g->label);
		printf(",\"step\":");
		json_str(g->step);
		printf(",\"step_is_call\":%s,\"errno\":", g->step_is_call ? "true" : "false");
		json_str(g->err);
		printf(",\"site\":");
		json_str(goto_site(g));
		printf(",\"held\":[");
		for (k = 0; k < g->nheld; k++) {
			printf("%s", k ? "," : "");
			print_hold_json(r, &g->held[k]);
		}
		printf("]}");
	}
	printf("],\"issues\":[");
	for (i = 0; i < r->nissues; i++) {
		const struct lint_issue *is = &r->issues[i];

		printf("%s{\"type\":\"%s\",\"goto_line\":%d,\"label\":", i ? "," : "",
		       issue_words(is), is->goto_line);
		json_str(is->label);
		printf(",\"step\":");
		json_str(is->step);
		printf(",\"resource\":");
		json_str(is->res >= 0 ? lint_res_names[is->res] : "");
		printf(",\"call\":");
		json_str(is->call ? is->call : "");
		printf(",\"line\":%d}", is->line);
	}
	printf("]}\n");
}

static void print_table(const struct lint_result *r)
{
	int i, check;

	printf("/* copy_process() of %s, as `clonefuzz lint --emit-table` reads it. */\n\n",
	       r->src.path);
	printf("/* Precondition checks, in the order they run: (check, errno, label, condition). */\n");
	for (i = 0; i < r->nchecks; i++) {
		check = lint_check_id(r->checks[i].cond);
		if (check != CHECK_none)
			printf("CHECK_ROW(%s, %s, none, \"%s\")\t/* line %d */\n", check_names[check],
			       r->checks[i].err, r->checks[i].cond, r->checks[i].line);
		else
			printf("CHECK_ROW(line_%d, %s, none, \"%s\")\t/* name it */\n",
			       r->checks[i].line, r->checks[i].err, r->checks[i].cond);
	}
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];
		struct lint_step_name n = lint_goto_name(g);

		if (n.kind == LS_CHECK)
			printf("CHECK_ROW(%s, %s, %s, \"%s fails\")\t/* line %d */\n",
			       check_names[n.check], g->err[0] ? g->err : "0", g->label, g->step, g->line);
	}
	printf("\n/* Fallible steps, in order: (site, errno returned, label jumped to). */\n");
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];
		struct lint_step_name n = lint_goto_name(g);
		const char *err = g->err[0] ? g->err : "0";

		if (n.kind == LS_CHECK)
			continue;	/* a check, above */
		if (n.kind == LS_SITE)
			printf("SITE_ROW(%s, %s, %s)\t/* line %d: %s%s */\n", site_names[n.site], err,
			       g->label, g->line, g->step,
			       !g->step_is_call || g->err[0] ? "" : ", errno from the callee");
		else if (n.kind == LS_NEVER)
			printf("/* line %d: %s -> %s, %s: a test the model never fails */\n", g->line,
			       g->step, err, g->label);
		else
			printf("/* line %d: %s -> %s, %s: name its site */\n", g->line, g->step,
			       err, g->label);
	}
	printf("\n/* The ladder, top to bottom. */\n");
	for (i = 0; i < r->nlabels; i++)
		printf("LABEL_ROW(%s)\n", r->labels[i].name);
	printf("\n/* What each label releases: (label, resource, when, call). */\n");
	for (i = 0; i < r->nrels; i++) {
		const struct lint_hold *h = &r->rels[i];

		/* a release that depends on the version is not the file's to state */
		if (h->cond[0] == '+' || r->rel_label[i] < 0 || h->unsure)
			continue;
		printf("REL_ROW(%s, %s, %s, \"%s\")\n", r->labels[r->rel_label[i]].name,
		       lint_res_names[h->res], lint_rel_cond(h->cond), h->call);
	}
}

static int model_label_pos(const struct profile *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nr_labels; i++)
		if (!strcmp(label_names[p->labels[i]], name))
			return (int)i;
	return -1;
}

static int file_label_pos(const struct lint_result *r, const char *name)
{
	int i;

	for (i = 0; i < r->nlabels; i++)
		if (!strcmp(r->labels[i].name, name))
			return i;
	return -1;
}

/* Whether @is says the goto at its line is wrong (not a return, not a release the file cannot decide). */
static bool wrong_goto(const struct lint_issue *is)
{
	return is->type != LI_RETURN_HELD && is->type != LI_UNKNOWN;
}

/* What label @i releases, in the order the source does. */
static void label_releases(const struct lint_result *r, int i, char *buf, size_t size)
{
	size_t n = 0;
	int k;

	buf[0] = 0;
	for (k = 0; k < r->nrels; k++)
		if (r->rel_label[k] == i)
			n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s (%s)", n ? ", " : "",
					      lint_res_names[r->rels[k].res], r->rels[k].call);
	if (!n)
		snprintf(buf, size, "nothing");
}

/* A label the file lacks, for the last step drawn: placed above the label of the step before it. */
static int missing_label(struct picture *pic, const char *label)
{
	char name[96];
	int i;

	snprintf(name, sizeof(name), "%s (no such label)", label);
	for (i = 0; i < pic->nlabels; i++)
		if (!strcmp(pic->labels[i].name, name))
			return i;
	i = pic->nsteps - 2;
	return picture_ghost(pic, i >= 0 ? pic->steps[i].label : pic->nlabels, name,
			     "it is not in the ladder");
}

/* For a resource taken and released by no label: a missing label above the label of the first goto that leaks it. */
static void never_released(const struct lint_result *r, struct picture *pic)
{
	bool done[NR_LINT_RES] = { false };
	char rel[96];
	int i, k, g;

	for (i = 0; i < r->nissues; i++) {
		const struct lint_issue *is = &r->issues[i];

		if (is->type != LI_LEAK || done[is->res])
			continue;
		done[is->res] = true;
		for (k = 0; k < r->nrels && r->rels[k].res != is->res; k++)
			;
		for (g = 0; g < pic->nsteps && pic->steps[g].line != is->goto_line; g++)
			;
		if (k < r->nrels || g == pic->nsteps)
			continue;
		snprintf(rel, sizeof(rel), "nothing releases %s", lint_res_names[is->res]);
		picture_ghost(pic, pic->steps[g].label, "(missing label)", rel);
	}
}

/* The gotos drawn as a mirror of the ladder, each asymmetry marked. */
static void print_svg(const struct lint_result *r)
{
	static struct picture pic;
	char buf[1024];
	int i, k;

	memset(&pic, 0, sizeof(pic));
	snprintf(pic.title, sizeof(pic.title), "%s: %s() at line %d as a mirror", r->src.path,
		 r->function, r->src.fn_line);
	for (i = 0; i < r->nlabels; i++) {
		label_releases(r, i, buf, sizeof(buf));
		picture_label(&pic, r->labels[i].name, buf);
	}
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];
		struct pic_step *st = picture_step(&pic, g->step, file_label_pos(r, g->label));

		if (!st)
			break;
		st->line = g->line;
		snprintf(st->text, sizeof(st->text), "%s%s", g->step, g->step_is_call ? "()" : "");
		snprintf(st->detail, sizeof(st->detail), "%s%sline %d", g->err, *g->err ? "  " : "",
			 g->line);
		for (k = 0; k < r->nissues; k++)
			st->wrong |= r->issues[k].goto_line == g->line && wrong_goto(&r->issues[k]);
		if (st->label < 0)
			st->label = missing_label(&pic, g->label);
		if (st->label < 0) {	/* more labels than a picture holds */
			pic.nsteps--;
			picture_note(&pic, "line %d: goto %s, not drawn", g->line, g->label);
		}
	}
	never_released(r, &pic);
	for (k = 0; k < r->nissues; k++) {
		issue_text(r, &r->issues[k], buf, sizeof(buf));
		if (pic.nnotes == PIC_MAX_NOTES - 1 && k + 1 < r->nissues) {
			picture_note(&pic, "and %d more: clonefuzz lint %s", r->nissues - k, r->src.path);
			break;
		}
		picture_note(&pic, "line %s", buf);
	}
	picture_svg(&pic);
}

/*
 * The file's checks against @p's, in order: only the model's checks that a
 * file can show (those pairs.def names) are compared, not the clone3 and
 * kernel_clone ones before copy_process. Returns the differences printed.
 */
static int against_checks(const struct lint_result *r, const struct profile *p)
{
	int i, check, last = -1, diffs = 0;
	size_t k, pos;
	bool seen[NR_CHECKS] = { false };

	for (i = 0; i < r->nchecks; i++) {
		check = lint_check_id(r->checks[i].cond);
		if (check == CHECK_none) {
			printf("check not named: %s (line %d)\n", r->checks[i].cond, r->checks[i].line);
			diffs++;
			continue;
		}
		seen[check] = true;
		for (pos = 0; pos < p->nr_checks && p->checks[pos].check != check; pos++)
			;
		if (pos == p->nr_checks) {
			printf("check added: %s (line %d)\n", check_names[check], r->checks[i].line);
			diffs++;
		} else if ((int)pos < last) {
			printf("check reordered: %s (line %d) comes later in the file than in the model\n",
			       check_names[check], r->checks[i].line);
			diffs++;
		} else {
			last = (int)pos;
		}
	}
	for (i = 0; i < r->ngotos; i++)	/* a call that is a check: compared with the steps */
		if (r->gotos[i].step_is_call)
			seen[lint_check_id(r->gotos[i].step)] = true;
	for (k = 0; k < p->nr_checks; k++)
		if (lint_check_named(p->checks[k].check) && !seen[p->checks[k].check]) {
			printf("check removed: %s\n", check_names[p->checks[k].check]);
			diffs++;
		}
	return diffs;
}

static int print_against(const struct lint_result *r, const struct profile *p)
{
	int i, diffs = 0, last = -1, compared = 0;
	size_t m;

	printf("%s against the %s model\n", r->src.path, p->name);
	for (i = 0; i < r->nlabels; i++) {
		int pos = model_label_pos(p, r->labels[i].name);

		if (pos < 0) {
			printf("label added: %s (line %d)\n", r->labels[i].name, r->labels[i].line);
			diffs++;
		} else if (pos < last) {
			printf("label reordered: %s (line %d) comes later in the file than in the model\n",
			       r->labels[i].name, r->labels[i].line);
			diffs++;
		} else {
			last = pos;
		}
	}
	for (m = 0; m < p->nr_labels; m++)
		if (file_label_pos(r, label_names[p->labels[m]]) < 0) {
			printf("label removed: %s\n", label_names[p->labels[m]]);
			diffs++;
		}
	diffs += against_checks(r, p);
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];
		struct lint_step_name n = lint_goto_name(g);
		const struct site_row *row = NULL;
		const char *step;
		int nth;
		size_t k;

		if (n.kind == LS_NEVER)
			continue;
		if (n.kind == LS_CHECK) {
			const struct check_row *c = profile_check(p, n.check);

			if (!c) {
				printf("check added: %s (line %d)\n", g->step, g->line);
				diffs++;
			} else if (c->label != L_none && strcmp(label_names[c->label], g->label)) {
				printf("check aimed elsewhere: %s (line %d) -> %s in the file, %s in the model\n",
				       g->step, g->line, g->label, label_names[c->label]);
				diffs++;
			}
			continue;
		}
		if (n.kind == LS_UNNAMED) {
			printf("step not named: %s (line %d) -> %s\n", g->step, g->line, g->label);
			diffs++;
			continue;
		}
		if (!g->step_is_call)
			row = profile_site(p, n.site);
		/* a call the models split differently: the first of its sites the model has */
		for (nth = 0; !row && g->step_is_call && (step = lint_step_site(g->step, nth)); nth++)
			for (k = 0; k < p->nr_sites; k++)
				if (!strcmp(site_names[p->sites[k].site], step))
					row = &p->sites[k];
		compared++;
		if (!row) {
			printf("step not in the model: %s (line %d, site %s) -> %s\n", g->step,
			       g->line, site_names[n.site], g->label);
			diffs++;
		} else if (strcmp(label_names[row->label], g->label)) {
			printf("step aimed elsewhere: %s (line %d) -> %s in the file, %s in the model\n",
			       g->step, g->line, g->label, label_names[row->label]);
			diffs++;
		}
	}
	if (diffs)
		printf("%d difference%s\n", diffs, diffs == 1 ? "" : "s");
	else
		printf("the ladder matches: %d checks and %d labels in the same order, %d steps aimed at the same labels\n",
		       r->nchecks, r->nlabels, compared);
	return diffs ? 1 : 0;
}

enum { OPT_JSON = CLI_LONG_ONLY, OPT_TABLE, OPT_FUNCTION, OPT_AGAINST, OPT_FORMAT };

static int cmd_lint(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "emit-table", no_argument, NULL, OPT_TABLE },
		{ "function", required_argument, NULL, OPT_FUNCTION },
		{ "against", required_argument, NULL, OPT_AGAINST },
		{ "format", required_argument, NULL, OPT_FORMAT },
		CLI_HELP_OPTION,
		{ 0 }
	};
	const char *path, *function = "copy_process", *against = NULL;
	const struct profile *p = NULL;
	bool json = false, table = false, svg = false, text = false;
	struct lint_result *r;
	int c, rc;

	while ((c = cli_options(argc, argv, opts, &rc)) != -1) {
		switch (c) {
		case OPT_JSON:
			json = true;
			break;
		case OPT_TABLE:
			table = true;
			break;
		case OPT_FUNCTION:
			function = optarg;
			break;
		case OPT_AGAINST:
			against = optarg;
			break;
		case OPT_FORMAT:
			json |= !strcmp(optarg, "json");
			svg |= !strcmp(optarg, "svg");
			text |= !strcmp(optarg, "text");
			if (strcmp(optarg, "json") && strcmp(optarg, "svg") && strcmp(optarg, "text"))
				return bad_usage("--format takes text, json or svg");
			break;
		default:
			return rc;
		}
	}
	if (optind >= argc)
		return bad_usage("which file?");
	if (optind + 1 < argc)
		return bad_usage("one file at a time");
	path = argv[optind];
	if (json + table + !!against + svg + text > 1)
		return bad_usage("--format, --json, --emit-table and --against go one at a time");
	if (against) {
		p = profile_find(against);
		if (!p)
			return bad_usage("--against takes a profile ('clonefuzz profiles')");
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		return 2;
	if (lint_run(path, function, r)) {
		if (r->src.err[0])
			fprintf(stderr, "clonefuzz: lint: %s\n", r->src.err);
		lint_result_free(r);
		free(r);
		return 2;
	}
	if (r->overflow)
		fprintf(stderr, "clonefuzz: lint: %s: more gotos, labels or findings than reported\n",
			path);
	rc = r->nissues > r->nunknown ? 1 : 0;
	if (json)
		print_json(r);
	else if (svg)
		print_svg(r);
	else if (table)
		print_table(r);
	else if (p)
		rc = print_against(r, p);
	else
		print_text(r);
	lint_result_free(r);
	free(r);
	return rc;
}

const struct cli_cmd cli_lint = {
	"lint", "FILE", "unwind symmetry of copy_process() in a real kernel/fork.c",
	usage_lint, cmd_lint,
};
