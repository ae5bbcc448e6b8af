// SPDX-License-Identifier: GPL-2.0-only
/* clonefuzz report: a fuzzing campaign as one self-contained HTML page: progress, ladders reached, findings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "input/codec.h"
#include "input/targets.h"
#include "mutant.h"
#include "run/campaign.h"
#include "run/chart.h"
#include "run/html.h"
#include "run/reach.h"
#include "run/shrink.h"

static const char usage_report[] =
	"usage: clonefuzz report [--output FILE] [--target T] OUT\n\n"
	"Write the report of the fuzzing campaign in directory OUT (as scripts/fuzz.sh\n"
	"lays it out: AFL++'s OUT/sync/NAME/, or OUT/libfuzzer.log) as one HTML file\n"
	"that needs no network: the command, the versions and builds; executions per\n"
	"second, corpus size and coverage over time (drawn by gnuplot); each version's\n"
	"checks, fault sites and labels with how many inputs of the final corpus reach\n"
	"each (run through the model); every finding grouped by the oracle that fires,\n"
	"shrunk to a scenario (also written to OUT/findings/ORACLE.scn), with the\n"
	"commands that reproduce it. The mutant or bug the campaign ran under and its\n"
	"target come from OUT/campaign; --target overrides the target.\n"
	"--output FILE  where to write (default OUT/report.html)\n"
	"exit status: 0 written, 2 bad usage, not a campaign, or a file not written.\n";

/* Findings are grouped by verdict: an oracle (enum vtype), or one of these. */
enum { G_NONDET = NR_VTYPES, G_CLEAN, G_REJECTED, NR_GROUPS };

static const char *const vtype_meaning[NR_VTYPES] = {
#define VIOLATION(n, d) d,
#include "violations.def"
#undef VIOLATION
};

struct group {
	unsigned long count;
	const char *smallest;	/* path of its smallest input */
	size_t size;
	char line[768];		/* the oracle's report on it */
	char *shrunk;		/* its scenario, shrunk */
	char scn[600];		/* where the shrunk scenario was written, or "" */
};

struct report {
	FILE *f;
	struct campaign c;
	const struct fuzz_target *t;
	struct corpus_reach reach;
	struct group g[NR_GROUPS];
	unsigned long findings;
	char mutant[160], bug[64], env[512], opts[256];
	/* a kernel's own fork.c fuzzed (scripts/fuzz.sh --source): its profile and builds */
	char fork_c[512], profile[64], builds[512];
};

static struct report rep;

/* ---- the campaign's numbers ------------------------------------------- */

static double stat_of(const struct series *sr, const char *key)
{
	char v[64];

	return sr->stats && kv_get(sr->stats, key, 0, v, sizeof(v)) ? atof(v) : -1;
}

/* Seconds the campaign ran: the longest instance. */
static double duration(void)
{
	double d = 0, r;
	size_t k;

	for (k = 0; k < rep.c.nr_series; k++) {
		const struct sample *x = series_last(&rep.c.series[k]);

		r = stat_of(&rep.c.series[k], "run_time");
		if (r < 0 && x)
			r = x->t;
		if (r > d)
			d = r;
	}
	return d;
}

static double executions(const struct series *sr)
{
	const struct sample *x = series_last(sr);
	double e = stat_of(sr, "execs_done");

	return e >= 0 ? e : x ? x->execs : -1;
}

static double total_executions(void)
{
	double sum = 0;
	size_t k;

	for (k = 0; k < rep.c.nr_series; k++)
		if (executions(&rep.c.series[k]) > 0)
			sum += executions(&rep.c.series[k]);
	return sum;
}

/* When @sr's corpus last grew, in seconds since its start; -1 if never seen. */
static double last_new_input(const struct series *sr)
{
	double t = -1;
	size_t i;

	for (i = 1; i < sr->n; i++)
		if (sr->s[i].corpus > sr->s[i - 1].corpus && sr->s[i].t >= 0)
			t = sr->s[i].t;
	return t;
}

static void num(char *buf, size_t len, double v)
{
	if (v < 0)
		snprintf(buf, len, "-");
	else if (v >= 1e6)
		snprintf(buf, len, "%.2f M", v / 1e6);
	else
		snprintf(buf, len, "%.0f", v);
}

/* Entries of every version's table the corpus reaches (checks refused, sites failed, labels run); *@all their number. */
static size_t table_reached(size_t *all)
{
	struct reach_tally t;
	size_t k, n = 0;

	*all = 0;
	for (k = 0; k < nr_profiles && k < REACH_MAX_PROFILES; k++) {
		const struct profile *p = profiles[k];

		if (!codec_runs_on(p))
			continue;
		reach_tally(p, &rep.reach.per[k], &t);
		n += t.refused + t.failed + t.labels;
		*all += p->nr_checks + p->nr_sites + p->nr_labels;
	}
	return n;
}

/* ---- running the corpus and the findings through the model ------------ */

static void replay_corpus(void)
{
	size_t i, len;
	char *data;

	reach_init(&rep.reach, rep.t);
	for (i = 0; i < rep.c.nr_corpus; i++) {
		data = read_file(rep.c.corpus[i], &len, false);
		if (data)
			reach_add(&rep.reach, (const uint8_t *)data, len);
		free(data);
	}
}

static int group_of(const char *data, size_t len, struct scenario *s)
{
	char err[256];
	int v;

	if (rep.t->decode((const uint8_t *)data, len, s, err, sizeof(err)))
		return G_REJECTED;
	v = scenario_verdict(s, NULL, 0);
	return v == VERDICT_NONDET ? G_NONDET : v == VERDICT_NONE ? G_CLEAN : v;
}

static const char *group_name(int g)
{
	return g < NR_VTYPES ? vtype_names[g] : g == G_NONDET ? "nondeterministic" :
	       g == G_CLEAN ? "no-oracle" : "rejected";
}

/* Write the shrunk scenario of group @g to OUT/findings/NAME.scn. */
static void save_shrunk(struct group *gr, int g)
{
	FILE *f;

	snprintf(gr->scn, sizeof(gr->scn), "%s/findings", rep.c.dir);
	mkdir(gr->scn, 0777);
	snprintf(gr->scn, sizeof(gr->scn), "%s/findings/%s.scn", rep.c.dir, group_name(g));
	f = fopen(gr->scn, "w");
	if (!f || fputs(gr->shrunk, f) < 0) {
		fprintf(stderr, "clonefuzz: %s: %s (the page still shows it)\n", gr->scn, strerror(errno));
		gr->scn[0] = 0;
	}
	if (f)
		fclose(f);
}

static void explain_group(int g)
{
	static struct scenario s;
	struct group *gr = &rep.g[g];
	char *data, err[256];
	size_t len;

	data = read_file(gr->smallest, &len, false);
	if (!data || rep.t->decode((const uint8_t *)data, len, &s, err, sizeof(err))) {
		free(data);
		return;
	}
	free(data);
	scenario_verdict(&s, gr->line, sizeof(gr->line));
	if (g >= NR_VTYPES)
		return;
	gr->shrunk = scenario_shrink(&s, g);
	save_shrunk(gr, g);
}

static void classify_findings(void)
{
	static struct scenario s;
	size_t i, len;
	char *data;
	int g;

	for (i = 0; i < rep.c.nr_crashes; i++) {
		data = read_file(rep.c.crashes[i], &len, false);
		if (!data)
			continue;
		g = group_of(data, len, &s);
		free(data);
		rep.findings++;
		if (!rep.g[g].count++ || len < rep.g[g].size) {
			rep.g[g].smallest = rep.c.crashes[i];
			rep.g[g].size = len;
		}
	}
	for (g = 0; g < NR_GROUPS; g++)
		if (rep.g[g].count)
			explain_group(g);
}

/* ---- the sections ----------------------------------------------------- */

static void sec_summary(void)
{
	char v[512], a[64], b[64];
	double secs = duration(), execs = total_executions();
	unsigned long groups = 0, distinct = rep.reach.files - rep.reach.copies;
	size_t all, reached = table_reached(&all);
	int g;

	for (g = 0; g < NR_GROUPS; g++)
		groups += rep.g[g].count > 0;
	fputs("<table class=\"kv\">\n", rep.f);
	html_kv_row(rep.f, "command", campaign_meta(&rep.c, "command", v, sizeof(v), "(not recorded)"));
	html_kv_row(rep.f, "directory", rep.c.dir);
	html_kv_row(rep.f, "engine", rep.c.engine == CAMPAIGN_AFL ? "AFL++" : "libFuzzer");
	html_kv_row(rep.f, "target", rep.t->name);
	html_kv_row(rep.f, "started", campaign_meta(&rep.c, "started", v, sizeof(v), "(not recorded)"));
	html_kv_row(rep.f, "source", campaign_meta(&rep.c, "commit", v, sizeof(v), "(not recorded)"));
	if (*rep.profile) {
		char row[sizeof(rep.fork_c) + sizeof(rep.profile) + 32];

		snprintf(row, sizeof(row), "%s, as the source profile %s", rep.fork_c, rep.profile);
		html_kv_row(rep.f, "kernel fork.c", row);
	}
	if (*rep.mutant || *rep.bug)
		html_kv_row(rep.f, "model broken on purpose", *rep.mutant ? rep.mutant : rep.bug);
	fputs("</table>\n<div class=\"tiles\">\n", rep.f);
	num(a, sizeof(a), execs);
	snprintf(b, sizeof(b), "executions in %.0f s", secs);
	html_tile(rep.f, "", a, b);
	num(a, sizeof(a), secs > 0 ? execs / secs : -1);
	html_tile(rep.f, "", a, "executions per second, all instances");
	snprintf(a, sizeof(a), "%lu", distinct);
	snprintf(b, sizeof(b), "distinct inputs in the final corpus (%lu files)", rep.reach.files);
	html_tile(rep.f, "", a, b);
	snprintf(a, sizeof(a), "%zu/%zu", reached, all);
	html_tile(rep.f, reached == all ? "good" : "", a, "checks refused, sites failed, labels run: every version");
	snprintf(a, sizeof(a), "%lu", rep.findings);
	snprintf(b, sizeof(b), "finding(s), %lu kind(s) of verdict", groups);
	html_tile(rep.f, rep.findings ? "bad" : "good", a, b);
	fputs("</div>\n", rep.f);
}

static void versions_table(void)
{
	char n[32];
	size_t k;

	fputs("<h3>Modelled versions</h3>\n<table>\n<tr><th>profile</th><th>mirrors</th>"
	      "<th>checks</th><th>sites</th><th>labels</th><th>corpus inputs</th></tr>\n", rep.f);
	for (k = 0; k < nr_profiles && k < REACH_MAX_PROFILES; k++) {
		const struct profile *p = profiles[k];

		if (!codec_runs_on(p))
			continue;
		fprintf(rep.f, "<tr><td><a href=\"#ladder-%s\">%s</a></td><td>", p->name, p->name);
		html_text(rep.f, p->source);
		snprintf(n, sizeof(n), "%lu", rep.reach.per[k].inputs);
		fprintf(rep.f, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			"<td class=\"n\">%s</td></tr>\n", p->nr_checks, p->nr_sites, p->nr_labels, n);
	}
	fputs("</table>\n", rep.f);
}

static void builds_table(void)
{
	char v[512], w[640], ver[32];
	size_t k;
	int i;

	fputs("<h3>Builds</h3>\n<table class=\"kv\">\n", rep.f);
	for (i = 0; rep.c.meta && kv_get(rep.c.meta, "build", i, v, sizeof(v)); i++)
		html_kv_row(rep.f, i ? "" : "binaries", v);
	for (k = 0; k < rep.c.nr_series; k++) {
		const struct series *sr = &rep.c.series[k];

		if (!sr->stats || !kv_get(sr->stats, "command_line", 0, v, sizeof(v)))
			continue;
		snprintf(w, sizeof(w), "%s (afl-fuzz%s, %s)", v,
			 kv_get(sr->stats, "afl_version", 0, ver, sizeof(ver)) ? ver : "?",
			 stat_of(sr, "cpu_affinity") >= 0 ? "bound to a core" : "unbound");
		html_kv_row(rep.f, sr->name, w);
	}
	html_kv_row(rep.f, "engine", campaign_meta(&rep.c, "engine_version", v, sizeof(v), "(not recorded)"));
	html_kv_row(rep.f, "compiler", campaign_meta(&rep.c, "compiler", v, sizeof(v), "(not recorded)"));
	html_kv_row(rep.f, "seeds", campaign_meta(&rep.c, "seeds", v, sizeof(v), "(not recorded)"));
	html_kv_row(rep.f, "dictionary", campaign_meta(&rep.c, "dictionary", v, sizeof(v), "(not recorded)"));
	fputs("</table>\n", rep.f);
}

static void sec_builds(void)
{
	versions_table();
	builds_table();
}

static void chart(void)
{
	char why[256];
	size_t len;
	char *svg = chart_svg(&rep.c, &len, why, sizeof(why));

	if (!svg) {
		fputs("<p class=\"note\" id=\"no-chart\">No chart: ", rep.f);
		html_text(rep.f, why);
		fputs(".</p>\n", rep.f);
		return;
	}
	fputs("<img class=\"chart\" id=\"chart\" alt=\"executions per second, corpus and coverage over time\" "
	      "src=\"data:image/svg+xml;base64,", rep.f);
	html_base64(rep.f, (const unsigned char *)svg, len);
	fputs("\">\n", rep.f);
	free(svg);
}

/* @path inside the campaign's directory as OUT/..., else as it is. */
static const char *in_campaign(const char *path)
{
	size_t n = strlen(rep.c.dir);

	return !strncmp(path, rep.c.dir, n) && path[n] == '/' ? path + n + 1 : path;
}

static void instance_row(const struct series *sr)
{
	const struct sample *x = series_last(sr);
	double e = executions(sr), r = stat_of(sr, "run_time"), t = last_new_input(sr);
	char a[32], b[32], c[32], d[32], v[64];

	if (r < 0)
		r = x ? x->t : -1;
	num(a, sizeof(a), e);
	num(b, sizeof(b), r > 0 && e >= 0 ? e / r : -1);
	num(c, sizeof(c), x ? x->corpus : -1);
	num(d, sizeof(d), x ? x->cov : -1);
	fprintf(rep.f, "<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%.0f</td>",
		sr->name, a, b, c, d, x && x->crashes > 0 ? x->crashes : 0);
	fprintf(rep.f, "<td class=\"n\">%s</td>",
		sr->stats && kv_get(sr->stats, "stability", 0, v, sizeof(v)) ? v : "-");
	if (t >= 0)
		fprintf(rep.f, "<td class=\"n\">at %.0f s</td><td><code>", t);
	else
		fputs("<td class=\"n\">-</td><td><code>", rep.f);
	html_text(rep.f, in_campaign(sr->source));
	fputs("</code></td></tr>\n", rep.f);
}

static void sec_progress(void)
{
	size_t k;

	chart();
	fputs("<table>\n<tr><th>instance</th><th>executions</th><th>exec/s</th><th>corpus</th>"
	      "<th>coverage</th><th>crashes</th><th>stability</th><th>last new input</th>"
	      "<th>read from</th></tr>\n", rep.f);
	for (k = 0; k < rep.c.nr_series; k++)
		instance_row(&rep.c.series[k]);
	fputs("</table>\n<p class=\"note\">Exec/s in the chart: executions over the last five seconds "
	      "or more. Coverage: AFL++'s edges_found of its map, libFuzzer's cov. AFL++ 4.04c writes "
	      "fuzzer_stats once a minute and plot_data only after its first minute; scripts/fuzz.sh "
	      "records what each instance sends every second over statsd as live/NAME.plot (the "
	      "columns of plot_data), read first where it exists.</p>\n", rep.f);
}

static void reproduce(const struct group *gr, int g)
{
	fputs("<pre>", rep.f);
	if (g == G_REJECTED) {
		fprintf(rep.f, "build/default/clonefuzz decode --target %s ", rep.t->name);
		html_text(rep.f, gr->smallest);
		fputs("   # why the decoder rejects it</pre>\n", rep.f);
		return;
	}
	html_text(rep.f, rep.env);
	html_text(rep.f, *rep.builds ? rep.builds : "build");
	fprintf(rep.f, "/standalone/%s ", rep.t->name);
	html_text(rep.f, gr->smallest);
	fputs("   # the input, under ASan+UBSan\n", rep.f);
	if (*gr->scn) {
		html_text(rep.f, *rep.builds ? rep.builds : "build");
		fputs(*rep.builds ? "/build/clonefuzz eval " : "/default/clonefuzz eval ", rep.f);
		html_text(rep.f, gr->scn);
		html_text(rep.f, rep.opts);
		fputs("   # the shrunk scenario, per operation\n", rep.f);
	}
	if (*rep.profile) {	/* minimize.sh builds no source profile */
		fputs("</pre>\n", rep.f);
		return;
	}
	fprintf(rep.f, "scripts/minimize.sh crash %s--target %s",
		rep.c.engine == CAMPAIGN_LIBFUZZER ? "--engine libfuzzer " : "", rep.t->name);
	html_text(rep.f, rep.opts);
	fputc(' ', rep.f);
	html_text(rep.f, gr->smallest);
	fprintf(rep.f, " %s.bin   # a smaller input, byte by byte</pre>\n", group_name(g));
}

static void finding(int g)
{
	const struct group *gr = &rep.g[g];

	fprintf(rep.f, "<div class=\"finding%s\" id=\"finding-%s\">\n<h3>%s <span class=\"muted\">",
		g < NR_VTYPES ? "" : " other", group_name(g), group_name(g));
	html_text(rep.f, g < NR_VTYPES ? vtype_meaning[g] : g == G_NONDET ? "two runs of the input differ" :
	  g == G_CLEAN ? "no oracle of the model fires: a sanitizer's report or a timeout" :
	  "the input does not decode");
	fprintf(rep.f, " &mdash; %lu input(s)</span></h3>\n", gr->count);
	if (*gr->line) {
		fputs("<p class=\"report\"><code>", rep.f);
		html_text(rep.f, gr->line);
		fputs("</code></p>\n", rep.f);
	}
	fprintf(rep.f, "<p>Smallest input: <code>");
	html_text(rep.f, gr->smallest);
	fprintf(rep.f, "</code> (%zu bytes).", gr->size);
	if (gr->shrunk) {
		fputs(" Shrunk to the lines and keys it needs for the same oracle to fire:</p>\n<pre>", rep.f);
		html_text(rep.f, gr->shrunk);
		fputs("</pre>\n", rep.f);
	} else {
		fputs("</p>\n", rep.f);
	}
	fputs("<p>Reproduce:</p>\n", rep.f);
	reproduce(gr, g);
	fputs("</div>\n", rep.f);
}

static void sec_findings(void)
{
	int g;

	if (!rep.findings)
		fprintf(rep.f, "<p id=\"no-findings\">None: no input the fuzzer saved as a crash (%s).</p>\n",
			rep.c.engine == CAMPAIGN_AFL ? "sync/*/crashes/" : "crashes/");
	else
		fprintf(rep.f, "<p class=\"note\">%lu input(s) saved as crashes, each run through the model "
			"and grouped by the first violation that is not a known defect of its version.</p>\n",
			rep.findings);
	for (g = 0; g < NR_GROUPS; g++)
		if (rep.g[g].count)
			finding(g);
}

static void sec_ladders(void)
{
	size_t k;

	fprintf(rep.f, "<p id=\"reached\" class=\"note\">Every distinct input of the final corpus "
		"(%lu files; %lu of them copies that AFL++ instances synced from each other, counted "
		"once; %lu that do not decode) was run through the model twice under every oracle, as "
		"<code>clonefuzz replay</code> runs it (%lu with violations, %lu nondeterministic). "
		"The counts are inputs, not calls. A check counts an input when it refused one of its "
		"calls: the model records a check only when it refuses, so a check passed is not seen. A "
		"site <i>ran</i> when a call passed its fault gate (the step ran) and <i>failed</i> when "
		"the step failed there, naturally or by an injected fault, and the unwind started at "
		"the label beside it. A label counts the inputs whose unwind passed through it. Red: "
		"never refused, never ran or never failed, not reached. This is the model's table "
		"coverage, not code coverage of the model (scripts/coverage.sh).</p>\n",
		rep.reach.files, rep.reach.copies, rep.reach.rejected, rep.reach.violations,
		rep.reach.nondet);
	for (k = 0; k < nr_profiles && k < REACH_MAX_PROFILES; k++)
		if (codec_runs_on(profiles[k]))
			html_ladder(rep.f, profiles[k], &rep.reach.per[k]);
}

/* ---- the command ------------------------------------------------------ */

/* The mutant or bug the campaign ran under, switched into the model. */
static int campaign_model(void)
{
	campaign_meta(&rep.c, "mutant", rep.mutant, sizeof(rep.mutant), "");
	campaign_meta(&rep.c, "bug", rep.bug, sizeof(rep.bug), "");
	campaign_meta(&rep.c, "fork_c", rep.fork_c, sizeof(rep.fork_c), "");
	campaign_meta(&rep.c, "profile", rep.profile, sizeof(rep.profile), "");
	campaign_meta(&rep.c, "builds", rep.builds, sizeof(rep.builds), "");
	if (*rep.mutant && set_mutant(rep.mutant))
		return -1;
	if (*rep.bug && set_bug(rep.bug))
		return -1;
	snprintf(rep.env, sizeof(rep.env), "%s%s%s%s%s%s%s%s%s", *rep.mutant ? "CLONEFUZZ_MUTANT=" : "",
		 rep.mutant, *rep.mutant ? " " : "", *rep.bug ? "CLONEFUZZ_BUG=" : "", rep.bug,
		 *rep.bug ? " " : "", *rep.profile ? "CLONEFUZZ_PROFILE=" : "", rep.profile,
		 *rep.profile ? " " : "");
	snprintf(rep.opts, sizeof(rep.opts), "%s%s%s%s", *rep.mutant ? " --mutant " : "", rep.mutant,
		 *rep.bug ? " --bug " : "", rep.bug);
	return 0;
}

/* The page's sections in order: a div with the id, a heading, what @fn writes. */
static const struct {
	const char *id, *title;
	void (*fn)(void);
} sections[] = {
	{ "summary", "Campaign", sec_summary },
	{ "builds", "Versions and builds", sec_builds },
	{ "progress", "Progress over time", sec_progress },
	{ "findings", "Findings, by the oracle that fires", sec_findings },
	{ "ladders", "Each version's ladder, as the final corpus reaches it", sec_ladders },
};

static void write_page(void)
{
	char title[256], sub[700], v[64];
	size_t i;

	snprintf(title, sizeof(title), "clonefuzz campaign: %s, %s",
		 rep.c.engine == CAMPAIGN_AFL ? "AFL++" : "libFuzzer", rep.t->name);
	snprintf(sub, sizeof(sub), "%s, %.0f s, %s", rep.c.dir, duration(),
		 campaign_meta(&rep.c, "started", v, sizeof(v), "start not recorded"));
	html_head(rep.f, title, sub);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		html_section(rep.f, sections[i].id, sections[i].title);
		sections[i].fn();
		html_end(rep.f);
	}
	html_foot(rep.f);
}

static int report_options(int argc, char **argv, const char **output, int *status)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "target", required_argument, NULL, CLI_LONG_ONLY },
		CLI_HELP_OPTION,
		{ 0 }
	};
	int c;

	while ((c = cli_options(argc, argv, opts, status)) != -1) {
		if (c == 'o') {
			*output = optarg;
		} else if (c == CLI_LONG_ONLY) {
			rep.t = target_arg(optarg);
			if (!rep.t)
				return *status = 2, -1;
		} else {
			return -1;
		}
	}
	if (optind >= argc)
		return *status = bad_usage("which campaign directory?"), -1;
	if (optind + 1 < argc)
		return *status = bad_usage("one campaign directory at a time"), -1;
	return 0;
}

static int cmd_report(int argc, char **argv)
{
	const char *output = NULL;
	char err[700], path[700], tname[64];
	int status, g;

	memset(&rep, 0, sizeof(rep));
	if (report_options(argc, argv, &output, &status))
		return status;
	if (campaign_open(&rep.c, argv[optind], err, sizeof(err))) {
		fprintf(stderr, "clonefuzz: report: %s\n", err);
		return 2;
	}
	if (!rep.t && !(rep.t = target_arg(campaign_meta(&rep.c, "target", tname, sizeof(tname),
							 "fuzz_scenario"))))
		return 2;
	if (campaign_model())
		return 2;
	snprintf(path, sizeof(path), "%s/report.html", rep.c.dir);
	rep.f = fopen(output ? output : path, "w");
	if (!rep.f) {
		fprintf(stderr, "clonefuzz: report: %s: %s\n", output ? output : path, strerror(errno));
		return 2;
	}
	replay_corpus();
	classify_findings();
	write_page();
	status = fclose(rep.f) ? 2 : 0;
	if (status)
		fprintf(stderr, "clonefuzz: report: %s: write error\n", output ? output : path);
	for (g = 0; g < NR_GROUPS; g++)
		free(rep.g[g].shrunk);
	reach_free(&rep.reach);
	campaign_free(&rep.c);
	return status;
}

const struct cli_cmd cli_report = {
	"report", "OUT", "a fuzzing campaign as one HTML page", usage_report, cmd_report,
};
