// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz ladder: a version's steps, labels and gotos as Markdown, JSON, Graphviz or SVG, and the changes between versions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_picture.h"
#include "lint/lint.h"
#include "oracle/oracle.h"
#include "run/sweep.h"
#include "world.h"
#include "setup.h"

static const char usage_ladder[] =
	"usage: clonefuzz ladder [--profile P] [--format md|json|dot|svg]\n"
	"       clonefuzz ladder --diff P1 P2\n\n"
	"Draw version P's ladder (default v6.18, format md) from its table: the\n"
	"fallible steps in order with the errno and the label each jumps to, what\n"
	"each step acquires (measured on no-fault clones: always, or only with the\n"
	"flags named; a step that shares instead of copying is given what its\n"
	"kernel call takes, by model/pairs.def) and what is held before it; the\n"
	"labels in order with what each releases and when; the version's known\n"
	"defects and the failing steps that show them. svg draws the ladder as a\n"
	"mirror: steps down the left, labels up the right, every goto of a\n"
	"symmetric ladder level, the gotos that show a known defect red and\n"
	"dashed. --diff lists what changed between two versions: labels added,\n"
	"removed or moved, steps added, removed or aimed elsewhere.\n";

/* Flag sets the acquisitions are measured with; the first is plain fork(). */
static const struct {
	const char *name;
	unsigned long long flags;
	bool clone3;
} probes[] = {
	{ "fork", 0, false },
	{ "CLONE_VM", CLONE_VM, false },
	{ "CLONE_FS", CLONE_FS, false },
	{ "CLONE_FILES", CLONE_FILES, false },
	{ "CLONE_SIGHAND", CLONE_VM | CLONE_SIGHAND, false },
	{ "CLONE_THREAD", CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, false },
	{ "CLONE_SYSVSEM", CLONE_SYSVSEM, false },
	{ "CLONE_IO", CLONE_IO, false },
	{ "CLONE_NEWUSER", CLONE_NEWUSER, false },
	{ "CLONE_NEWNS", CLONE_NEWNS, false },
	{ "CLONE_NEWPID", CLONE_NEWPID, false },
	{ "CLONE_NEWNET", CLONE_NEWNET, false },
	{ "CLONE_PIDFD", CLONE_PIDFD, true },
	{ "CLONE_INTO_CGROUP", CLONE_INTO_CGROUP, true },
};
#define NR_PROBES (sizeof(probes) / sizeof(probes[0]))

/*
 * acquired[site][kind]: a bit per probe that acquired the kind in that step;
 * committed[kind]: after the last step passed, when nothing can fail any more;
 * shows[site]: a bit per known defect of the version that a failure there shows.
 */
static uint32_t acquired[NR_SITES][NR_KINDS], committed[NR_KINDS], shows[NR_SITES];

/* @site's row in @p's table, or -1. */
static int site_pos(const struct profile *p, int site)
{
	size_t s;

	for (s = 0; s < p->nr_sites; s++)
		if (p->sites[s].site == site)
			return (int)s;
	return -1;
}

/* The kernel call whose failure @site is (PAIR_STEP of model/pairs.def), or NULL. */
static const char *site_call(int site)
{
	const char *call, *name;
	size_t i;

	for (i = 0; (call = lint_step_row(i, &name)); i++)
		if (!strcmp(name, site_names[site]))
			return call;
	return NULL;
}

/* Whether @call acquires objects of @kind (PAIR_ACQ, PAIR_ACQ_IF). */
static bool call_takes(const char *call, int kind)
{
	const char *c;
	size_t i;
	int res;

	for (i = 0; (c = lint_acq_row(i, &res)); i++)
		if (!strcmp(c, call) && !strcmp(lint_res_names[res], kind_names[kind]))
			return true;
	return false;
}

/* The first row from @from on whose kernel call acquires @kind, or -1. */
static int taker(const struct profile *p, int kind, int from)
{
	size_t s;

	for (s = (size_t)from; s < p->nr_sites; s++) {
		const char *call = site_call(p->sites[s].site);

		if (call && call_takes(call, kind))
			return (int)s;
	}
	return -1;
}

/*
 * Give each acquisition of @child since event @from to the step that makes
 * it. A ledger event names the last fallible step passed before it, but a
 * step that shares instead of copying (CLONE_FILES, CLONE_VM, ...) passes no
 * fault site: its acquisition is logged under a step before it. So the step
 * in progress is the last one known to have started: the last site passed,
 * or a later step whose kernel call is the one that acquires the kind.
 */
static void attribute(const struct profile *p, const struct kobj *child, size_t from, int probe)
{
	int cur = -1, last = SITE_none;
	size_t e;

	for (e = from; e < ledger.nr_events; e++) {
		const struct ledger_event *ev = &ledger.events[e];
		int k = ev->obj->kind, t;

		if (ev->op != LOP_GET || ev->owner != child || ev->site == SITE_none)
			continue;
		if (ev->site != last) {
			last = ev->site;
			cur = site_pos(p, last);
		}
		if (cur < 0)
			continue;
		t = taker(p, k, cur);
		if (t >= 0)
			cur = t;
		if (t < 0 && cur == (int)p->nr_sites - 1)
			committed[k] |= 1u << probe;
		else
			acquired[p->sites[cur].site][k] |= 1u << probe;
	}
}

/* Run probe @i with a failure at @fail (SITE_none: no fault) under the unwind oracle. */
static long run_probe(const struct profile *p, const struct world_config *c, size_t i, int fail,
		      struct oracle_mark *m)
{
	struct fault_plan plan = { .site = fail };
	struct clone_call call;
	long ret;

	world_setup(c);
	current = world.scn[0];
	oracle_mark(m);
	trace_begin(&plan);
	if (probes[i].clone3) {
		sweep_clone3_form(&call, SIGCHLD);
		call.flags = probes[i].flags;
		call.set_tid = call.set_tid_size = 0;
	} else {
		clone_call_legacy(&call, probes[i].flags |
				  (probes[i].flags & CLONE_THREAD ? 0 : SIGCHLD), 0);
	}
	oracle_unwind_begin(m, &call);
	ret = p->sys_clone(&call);
	oracle_unwind_end();
	return ret;
}

/* A known defect of the ladder itself: what a label fails to undo, or undoes wrongly. */
static const struct defect_row *ladder_defect(const struct profile *p, const struct violation *v)
{
	const struct defect_row *d = oracle_known_defect(p, v);

	if (!d)
		return NULL;
	switch (d->vtype) {
	case V_leak: case V_over_release: case V_put_without_get: case V_unlock_not_held:
	case V_double_free: case V_lock_held: case V_unwind: case V_ladder:
		return d;
	}
	return NULL;
}

/* Fail probe @i at every site its no-fault run reached; note the known defects each failure shows. */
static void find_defects(const struct profile *p, const struct world_config *c, size_t i,
			 const unsigned char *reached)
{
	size_t s, v;

	for (s = 0; s < p->nr_sites; s++) {
		int site = p->sites[s].site;
		struct oracle_mark m;
		long ret;

		if (!(reached[site / 8] >> (site % 8) & 1))
			continue;
		ret = run_probe(p, c, i, site, &m);
		oracle_after_clone(&m, ret);
		for (v = 0; v < ledger.nr_v && v < MAX_VIOLATIONS; v++) {
			const struct defect_row *d = ladder_defect(p, &ledger.v[v]);

			if (d && model_trace.failed_site == site)
				shows[site] |= 1u << (d - p->defects);
		}
		oracle_release(&m);
	}
}

static void measure(const struct profile *p)
{
	struct world_config c;
	size_t i, e;

	memset(acquired, 0, sizeof(acquired));
	memset(committed, 0, sizeof(committed));
	memset(shows, 0, sizeof(shows));
	profile = p;
	sweep_world_config(0, &c);
	for (i = 0; i < NR_PROBES; i++) {
		struct oracle_mark m;
		const struct kobj *child = NULL;
		unsigned char reached[sizeof(model_trace.reached)];

		if (probes[i].clone3 && !p->has_clone3)
			continue;
		if (run_probe(p, &c, i, SITE_none, &m) < 0) {
			oracle_release(&m);
			continue;
		}
		for (e = m.snap.id_mark; e < ledger.nr_objs && !child; e++)
			if (ledger.objs[e]->kind == KIND_task_struct)
				child = ledger.objs[e];
		attribute(p, child, m.snap.event_mark, (int)i);
		memcpy(reached, model_trace.reached, sizeof(reached));
		oracle_release(&m);
		find_defects(p, &c, i, reached);
	}
	ledger.nr_v = 0;
}

/* "always", or the probes that acquired it */
static void when(uint32_t bits, char *buf, size_t len)
{
	size_t i, n = 0;

	buf[0] = 0;
	if (bits & 1) {
		snprintf(buf, len, "always");
		return;
	}
	for (i = 1; i < NR_PROBES; i++)
		if (bits >> i & 1)
			n += snprintf(buf + n, n < len ? len - n : 0, "%s%s", n ? "|" : "",
				      probes[i].name);
}

/* The kinds of @bits (per kind), each with when it is there. */
static void kinds_when(const uint32_t *bits, char *buf, size_t len)
{
	size_t n = 0;
	int k;
	char w[256];

	buf[0] = 0;
	for (k = 0; k < NR_KINDS; k++) {
		if (!bits[k] || k == KIND_task_struct)
			continue;
		when(bits[k], w, sizeof(w));
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s%s%s%s", n ? ", " : "",
			      kind_names[k], strcmp(w, "always") ? " (" : "",
			      strcmp(w, "always") ? w : "", strcmp(w, "always") ? ")" : "");
	}
}

static void releases(const struct profile *p, int label, char *buf, size_t len, bool words)
{
	size_t r, n = 0;

	buf[0] = 0;
	for (r = 0; r < p->nr_rels; r++) {
		const struct rel_row *row = &p->rels[r];

		if (row->label != label)
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s%s%s%s", n ? ", " : "",
			      kind_names[row->kind], row->cond ? " (" : "",
			      row->cond ? rel_cond_names[row->cond] : "", row->cond ? ")" : "");
		if (words)
			n += snprintf(buf + n, n < len ? len - n : 0, " (`%s`)", row->call);
	}
}

static const char *table_dir(const struct profile *p)
{
	return strcmp(p->name, "v2.6.32") ? (strcmp(p->name, "v4.0") ? "v6_18" : "v4_0") : "v2_6_32";
}

/* The steps whose failure shows defect @d, joined by ", " (in backquotes if @md); how many. */
static int defect_steps(const struct profile *p, size_t d, bool md, char *buf, size_t len)
{
	const char *q = md ? "`" : "";
	size_t s, n = 0;
	int count = 0;

	buf[0] = 0;
	for (s = 0; s < p->nr_sites; s++)
		if (shows[p->sites[s].site] >> d & 1) {
			n += snprintf(buf + n, n < len ? len - n : 0, "%s%s%s%s", count ? ", " : "", q,
				      site_names[p->sites[s].site], q);
			count++;
		}
	return count;
}

static void md_steps(const struct profile *p)
{
	char a[1024], h[2048];
	uint32_t held[NR_KINDS] = { 0 };
	size_t s;
	int k;

	printf("## Steps, in order\n\n| # | step | kernel call | errno | goes to | acquires | held before it |\n"
	       "|---|------|-------------|-------|---------|----------|----------------|\n");
	for (s = 0; s < p->nr_sites; s++) {
		const struct site_row *row = &p->sites[s];
		const char *call = site_call(row->site);

		kinds_when(acquired[row->site], a, sizeof(a));
		kinds_when(held, h, sizeof(h));
		printf("| %zu | `%s` | %s%s%s | %s | `%s` | %s | %s |\n", s + 1, site_names[row->site],
		       call ? "`" : "", call ? call : "", call ? "`" : "",
		       row->err ? errno_name(row->err) : "the LSM's", label_names[row->label],
		       a, *h ? h : "nothing");
		for (k = 0; k < NR_KINDS; k++)
			held[k] |= acquired[row->site][k];
	}
	kinds_when(committed, a, sizeof(a));
	printf("\nAfter `%s`, the last step, nothing can fail: the child then takes %s.\n",
	       site_names[p->sites[p->nr_sites - 1].site], *a ? a : "nothing more");
}

static void md_defects(const struct profile *p)
{
	char st[1024];
	size_t d;

	if (!p->nr_defects)
		return;
	printf("\n## Known defects\n\n");
	for (d = 0; d < p->nr_defects; d++) {
		const struct defect_row *row = &p->defects[d];

		printf("- `%s` (%s%s%s): %s ", row->name, vtype_names[row->vtype],
		       row->kind < NR_KINDS ? " of " : "", row->kind < NR_KINDS ? kind_names[row->kind] : "",
		       row->desc);
		if (defect_steps(p, d, true, st, sizeof(st)))
			printf("Shown by a failure at: %s (the picture draws these gotos as wrong).\n", st);
		else
			printf("No failing step shows it in the unwind: it is not a goto's.\n");
	}
}

static void format_md(const struct profile *p)
{
	char r[1024];
	size_t s, l;

	printf("# The %s ladder\n\n%s. Generated by `clonefuzz ladder --profile %s --format md`\n"
	       "from the version's table (`model/%s/table.def`); `ctest -R test_model` checks every\n"
	       "release against the table over the sweep. What each step acquires is measured on\n"
	       "no-fault clones of the model: what the child takes once the step's fault site has\n"
	       "passed, and, for a step that shares instead of copying and so passes no fault site\n"
	       "(`CLONE_FILES`, `CLONE_VM`, ...), what its kernel call takes (`model/pairs.def`).\n\n",
	       p->name, p->source, p->name, table_dir(p));
	md_steps(p);
	printf("\n## Labels, top to bottom (a label falls through to those below)\n\n"
	       "| # | label | releases |\n|---|-------|----------|\n");
	for (l = 0; l < p->nr_labels; l++) {
		releases(p, p->labels[l], r, sizeof(r), true);
		printf("| %zu | `%s` | %s |\n", l + 1, label_names[p->labels[l]], *r ? r : "nothing");
	}
	md_defects(p);
	printf("\n## Precondition checks, in order (no label: nothing is held yet)\n\n"
	       "| # | check | errno | refuses when |\n|---|-------|-------|--------------|\n");
	for (s = 0; s < p->nr_checks; s++)
		printf("| %zu | `%s` | %s | %s |\n", s + 1, check_names[p->checks[s].check],
		       p->checks[s].err ? errno_name(p->checks[s].err) : "the LSM's",
		       p->checks[s].cond);
}

static void json_escape(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

/* [{"kind":K,"when":W},...] for the kinds of @bits */
static void json_kinds(const uint32_t *bits)
{
	const char *sep = "";
	char w[256];
	int k;

	putchar('[');
	for (k = 0; k < NR_KINDS; k++) {
		if (!bits[k] || k == KIND_task_struct)
			continue;
		when(bits[k], w, sizeof(w));
		printf("%s{\"kind\":\"%s\",\"when\":\"%s\"}", sep, kind_names[k], w);
		sep = ",";
	}
	putchar(']');
}

static void format_json(const struct profile *p)
{
	size_t s, l, r, d;

	printf("{\"profile\":\"%s\",\"steps\":[", p->name);
	for (s = 0; s < p->nr_sites; s++) {
		const struct site_row *row = &p->sites[s];
		const char *call = site_call(row->site), *sep = "";

		printf("%s{\"step\":\"%s\",\"call\":", s ? "," : "", site_names[row->site]);
		if (call)
			json_escape(call);
		else
			printf("null");
		printf(",\"errno\":\"%s\",\"label\":\"%s\",\"acquires\":",
		       row->err ? errno_name(row->err) : "LSM", label_names[row->label]);
		json_kinds(acquired[row->site]);
		printf(",\"shows\":[");
		for (d = 0; d < p->nr_defects; d++)
			if (shows[row->site] >> d & 1) {
				printf("%s\"%s\"", sep, p->defects[d].name);
				sep = ",";
			}
		printf("]}");
	}
	printf("],\"after_last_step\":");
	json_kinds(committed);
	printf(",\"labels\":[");
	for (l = 0; l < p->nr_labels; l++) {
		const char *sep = "";

		printf("%s{\"label\":\"%s\",\"releases\":[", l ? "," : "", label_names[p->labels[l]]);
		for (r = 0; r < p->nr_rels; r++) {
			if (p->rels[r].label != p->labels[l])
				continue;
			printf("%s{\"kind\":\"%s\",\"when\":\"%s\",\"call\":", sep,
			       kind_names[p->rels[r].kind], rel_cond_names[p->rels[r].cond]);
			json_escape(p->rels[r].call);
			printf("}");
			sep = ",";
		}
		printf("]}");
	}
	printf("]}\n");
}

static void format_dot(const struct profile *p)
{
	size_t s, l;
	char r[1024];

	printf("digraph \"%s\" {\n  rankdir=LR; node [shape=box, fontname=\"monospace\", fontsize=10];\n",
	       p->name);
	printf("  subgraph cluster_steps { label=\"steps (in order)\";\n");
	for (s = 0; s < p->nr_sites; s++)
		printf("    s%zu [label=\"%zu %s\\n%s\"];\n", s, s + 1, site_names[p->sites[s].site],
		       p->sites[s].err ? errno_name(p->sites[s].err) : "LSM");
	for (s = 1; s < p->nr_sites; s++)
		printf("    s%zu -> s%zu [style=invis];\n", s - 1, s);
	printf("  }\n  subgraph cluster_labels { label=\"labels (fall through downwards)\";\n");
	for (l = 0; l < p->nr_labels; l++) {
		releases(p, p->labels[l], r, sizeof(r), false);
		printf("    l%zu [label=\"%s\\n%s\"];\n", l, label_names[p->labels[l]], r);
	}
	for (l = 1; l < p->nr_labels; l++)
		printf("    l%zu -> l%zu;\n", l - 1, l);
	printf("  }\n");
	for (s = 0; s < p->nr_sites; s++)
		printf("  s%zu -> l%d [color=red];\n", s, profile_label_pos(p, p->sites[s].label));
	printf("}\n");
}

/* Each known defect the ladder shows: a note, and a missing label where a leaked kind has none. */
static void svg_defects(const struct profile *p, struct picture *pic)
{
	char st[1024];
	size_t d, s;

	for (d = 0; d < p->nr_defects; d++) {
		const struct defect_row *row = &p->defects[d];

		if (!defect_steps(p, d, false, st, sizeof(st)))
			continue;
		picture_note(pic, "%s: a failure there shows the known defect %s (%s%s%s). %s", st,
			     row->name, vtype_names[row->vtype], row->kind < NR_KINDS ? " of " : "",
			     row->kind < NR_KINDS ? kind_names[row->kind] : "", row->desc);
		if (row->vtype != V_leak || row->kind >= NR_KINDS || profile_index(p)->nr_kind_rels[row->kind])
			continue;
		for (s = 0; s < p->nr_sites && !(shows[p->sites[s].site] >> d & 1); s++)
			;
		snprintf(st, sizeof(st), "nothing releases %s", kind_names[row->kind]);
		picture_ghost(pic, profile_label_pos(p, p->sites[s].label), "(missing label)", st);
	}
}

/* The ladder as a mirror: steps down the left, labels up the right, wrong gotos marked. */
static void format_svg(const struct profile *p)
{
	static struct picture pic;
	char r[1024];
	size_t s, l;

	memset(&pic, 0, sizeof(pic));
	snprintf(pic.title, sizeof(pic.title), "%s: the unwind ladder of copy_process() as a mirror",
		 p->name);
	for (l = 0; l < p->nr_labels; l++) {
		releases(p, p->labels[l], r, sizeof(r), false);
		picture_label(&pic, label_names[p->labels[l]], *r ? r : "nothing");
	}
	for (s = 0; s < p->nr_sites; s++) {
		const struct site_row *row = &p->sites[s];
		const char *call = site_call(row->site);
		struct pic_step *st = picture_step(&pic, site_names[row->site],
						   profile_label_pos(p, row->label));

		if (!st)
			break;
		snprintf(st->text, sizeof(st->text), "%2zu %s%s%s%s", s + 1, site_names[row->site],
			 call && strcmp(call, site_names[row->site]) ? " (" : "",
			 call && strcmp(call, site_names[row->site]) ? call : "",
			 call && strcmp(call, site_names[row->site]) ? ")" : "");
		snprintf(st->detail, sizeof(st->detail), "%s", row->err ? errno_name(row->err) : "LSM");
		st->wrong = shows[row->site] != 0;
	}
	svg_defects(p, &pic);
	picture_svg(&pic);
}

static int diff(const struct profile *a, const struct profile *b)
{
	size_t i, j;
	int changes = 0, last = -1;

	printf("ladder %s -> %s\n", a->name, b->name);
	for (i = 0; i < a->nr_labels; i++)
		if (profile_label_pos(b, a->labels[i]) < 0) {
			printf("  label removed: %s\n", label_names[a->labels[i]]);
			changes++;
		}
	for (i = 0; i < b->nr_labels; i++)
		if (profile_label_pos(a, b->labels[i]) < 0) {
			printf("  label added:   %s (position %zu)\n", label_names[b->labels[i]], i + 1);
			changes++;
		}
	/* common labels out of their old relative order */
	for (i = 0; i < b->nr_labels; i++) {
		int pa = profile_label_pos(a, b->labels[i]);

		if (pa < 0)
			continue;
		if (pa < last) {
			printf("  label moved:   %s (now below a label it was above)\n",
			       label_names[b->labels[i]]);
			changes++;
		}
		if (pa > last)
			last = pa;
	}
	for (i = 0; i < a->nr_sites; i++) {
		const struct site_row *rb = profile_site(b, a->sites[i].site);

		if (!rb) {
			printf("  step removed:  %s\n", site_names[a->sites[i].site]);
			changes++;
		} else if (rb->label != a->sites[i].label || rb->err != a->sites[i].err) {
			printf("  step changed:  %s: %s -> %s, %s -> %s\n", site_names[rb->site],
			       errno_name(a->sites[i].err) ? errno_name(a->sites[i].err) : "LSM",
			       errno_name(rb->err) ? errno_name(rb->err) : "LSM",
			       label_names[a->sites[i].label], label_names[rb->label]);
			changes++;
		}
	}
	for (j = 0; j < b->nr_sites; j++)
		if (!profile_site(a, b->sites[j].site)) {
			printf("  step added:    %s (%s, to %s)\n", site_names[b->sites[j].site],
			       errno_name(b->sites[j].err) ? errno_name(b->sites[j].err) : "LSM",
			       label_names[b->sites[j].label]);
			changes++;
		}
	printf("%d change(s)\n", changes);
	return 0;
}

enum { OPT_PROFILE = CLI_LONG_ONLY, OPT_FORMAT, OPT_DIFF };

static int cmd_ladder(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "diff", no_argument, NULL, OPT_DIFF },
		CLI_HELP_OPTION,
		{ 0 }
	};
	const struct profile *p = profile_find("v6.18"), *a, *b;
	const char *format = "md";
	bool by_diff = false;
	int c, status;

	while ((c = cli_options(argc, argv, opts, &status)) != -1) {
		switch (c) {
		case OPT_PROFILE:
			p = profile_arg(optarg);
			if (!p)
				return 2;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_DIFF:
			by_diff = true;
			break;
		default:
			return status;
		}
	}
	if (by_diff) {
		if (optind + 2 != argc)
			return bad_usage("--diff takes two profiles");
		a = profile_arg(argv[optind]);
		b = a ? profile_arg(argv[optind + 1]) : NULL;
		return a && b ? diff(a, b) : 2;
	}
	if (optind < argc)
		return bad_usage("takes no operands ('%s')", argv[optind]);
	if (strcmp(format, "md") && strcmp(format, "json") && strcmp(format, "dot") &&
	    strcmp(format, "svg"))
		return bad_usage("--format takes md, json, dot or svg");
	measure(p);
	if (!strcmp(format, "md"))
		format_md(p);
	else if (!strcmp(format, "json"))
		format_json(p);
	else if (!strcmp(format, "dot"))
		format_dot(p);
	else
		format_svg(p);
	return 0;
}

const struct cli_cmd cli_ladder = {
	"ladder", "", "a version's ladder drawn; --diff between two", usage_ladder, cmd_ladder,
};
