// SPDX-License-Identifier: GPL-2.0-only
/* Reading a campaign directory: the engine's progress files, its final corpus and its crashes. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "campaign.h"
#include "dirlist.h"

static void *must(void *p)
{
	if (!p) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		exit(2);
	}
	return p;
}

/* The whole of @path, NUL-terminated, or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, n;

	if (!f)
		return NULL;
	do {
		buf = must(realloc(buf, len + 65537));
		n = fread(buf + len, 1, 65536, f);
		len += n;
	} while (n == 65536);
	buf[len] = 0;
	fclose(f);
	return buf;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

const char *kv_get(const char *text, const char *key, int nth, char *buf, size_t len)
{
	size_t k = strlen(key);
	const char *l, *v, *e;

	for (l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, key, k) || (l[k] != ' ' && l[k] != ':'))
			continue;
		v = l + k + strspn(l + k, " ");
		if (*v != ':' || nth--)
			continue;
		v += 1 + strspn(v + 1, " ");
		e = v + strcspn(v, "\n");
		while (e > v && isspace((unsigned char)e[-1]))
			e--;
		snprintf(buf, len, "%.*s", (int)(e - v), v);
		return buf;
	}
	return NULL;
}

const char *campaign_meta(const struct campaign *c, const char *key, char *buf, size_t len,
			  const char *def)
{
	if (c->meta && kv_get(c->meta, key, 0, buf, len) && *buf)
		return buf;
	snprintf(buf, len, "%s", def);
	return buf;
}

const struct sample *series_last(const struct series *sr)
{
	return sr->n ? &sr->s[sr->n - 1] : NULL;
}

static void add_sample(struct series *sr, const struct sample *x)
{
	if (sr->n == sr->cap) {
		sr->cap = sr->cap ? 2 * sr->cap : 64;
		sr->s = must(realloc(sr->s, sr->cap * sizeof(*sr->s)));
	}
	sr->s[sr->n++] = *x;
}

/* plot_data's columns the report uses, by their names in the header (AFL++ 4.x, then 2.x/3.x). */
enum { COL_T, COL_EXECS, COL_EPS, COL_CORPUS, COL_COV, COL_CRASHES, NR_COLS };
static const char *const col_names[NR_COLS][2] = {
	{ "relative_time", "unix_time" },
	{ "total_execs", "total_execs" },
	{ "execs_per_sec", "execs_per_sec" },
	{ "corpus_count", "paths_total" },
	{ "edges_found", "edges_found" },
	{ "saved_crashes", "unique_crashes" },
};

/* Which of our columns each field of the header "# a, b, c" is (-1: none). */
static int plot_header(const char *line, int *which, int max)
{
	char name[64];
	int n = 0, c, k;

	line += strspn(line, "# ");
	while (*line && n < max) {
		size_t w = strcspn(line, ",\n");

		snprintf(name, sizeof(name), "%.*s", (int)w, line);
		which[n] = -1;
		for (c = 0; c < NR_COLS; c++)
			for (k = 0; k < 2; k++)
				if (!strcmp(name, col_names[c][k]))
					which[n] = c;
		n++;
		line += w;
		line += strspn(line, ", ");
		if (*line == '\n')
			break;
	}
	return n;
}

static void plot_row(struct series *sr, const char *line, const int *which, int nf,
		     double *t0)
{
	double v[NR_COLS] = { -1, -1, -1, -1, -1, -1 };
	struct sample x;
	char *end;
	int f;

	for (f = 0; f < nf && *line && *line != '\n'; f++) {
		double d = strtod(line, &end);

		if (end != line && which[f] >= 0)
			v[which[f]] = d;
		line += strcspn(line, ",\n");
		line += *line == ',';
	}
	if (v[COL_T] < 0)
		return;
	if (*t0 < 0)
		*t0 = v[COL_T] > 1e9 ? v[COL_T] : 0;	/* unix_time: from the first row */
	x = (struct sample){ v[COL_T] - *t0, v[COL_EXECS], v[COL_EPS], v[COL_CORPUS],
			     v[COL_COV], v[COL_CRASHES] };
	add_sample(sr, &x);
}

/* Rows of a plot_data file (AFL++'s, or fuzz.sh's live one): columns named by its header. */
static void read_plot(struct series *sr, const char *path)
{
	char *text = slurp(path), *l;
	int which[64], nf = 0;
	double t0 = -1;

	if (!text)
		return;
	for (l = text; *l; l += strcspn(l, "\n"), l += *l == '\n') {
		if (*l == '#')
			nf = plot_header(l, which, 64);
		else if (nf)
			plot_row(sr, l, which, nf, &t0);
	}
	free(text);
	if (sr->n)
		snprintf(sr->source, sizeof(sr->source), "%s", path);
}

/* The number after @key on @line ("cov: 12", "exec/s 4"), or -1. */
static double field_after(const char *line, const char *key)
{
	const char *p = strstr(line, key);
	char *end;
	double v;

	if (!p)
		return -1;
	p += strlen(key);
	p += strspn(p, ": ");
	v = strtod(p, &end);
	return end == p ? -1 : v;
}

/* The last of "a/b/c" after @key ("oom/timeout/crash: 0/0/2"), or -1. */
static double third_count(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	if (!p)
		return -1;
	p += strlen(key);
	p += strcspn(p, "/\n");
	if (*p == '/')
		p += 1 + strcspn(p + 1, "/\n");
	return *p == '/' ? atof(p + 1) : -1;
}

/*
 * libFuzzer's status lines: "#N: cov: C ft: F corp: K exec/s E
 * oom/timeout/crash: a/b/c time: Ts" under -fork, "#N NEW cov: C ... corp:
 * K/S ... exec/s: E" without; those carry no time and are kept at t -1.
 */
static void read_libfuzzer_log(struct series *sr, const char *path)
{
	char *text = slurp(path), *l, *nl, keep;
	struct sample x;

	if (!text)
		return;
	for (l = text; *l; l += strcspn(l, "\n"), l += *l == '\n') {
		if (l[0] != '#' || !isdigit((unsigned char)l[1]))
			continue;
		nl = l + strcspn(l, "\n");
		keep = *nl;
		*nl = 0;
		x.execs = strtod(l + 1, NULL);
		x.cov = field_after(l, "cov");
		x.corpus = field_after(l, "corp");
		x.eps = field_after(l, "exec/s");
		x.t = field_after(l, " time");
		x.crashes = third_count(l, "oom/timeout/crash:");
		if (x.corpus >= 0)
			add_sample(sr, &x);
		*nl = keep;
	}
	free(text);
	snprintf(sr->source, sizeof(sr->source), "%s", path);
}

static void add_files(char ***list, size_t *n, const char *dir, const char *prefix)
{
	size_t k, i, p = strlen(prefix);
	char **names = dir_files(dir, &k);

	if (!names)
		return;
	for (i = 0; i < k; i++) {
		const char *base = strrchr(names[i], '/') + 1;

		if (strncmp(base, prefix, p)) {
			free(names[i]);
			continue;
		}
		*list = must(realloc(*list, (*n + 1) * sizeof(**list)));
		(*list)[(*n)++] = names[i];
	}
	free(names);
}

/* One AFL++ instance, OUT/sync/NAME: its progress, queue and crashes. */
static void open_afl_instance(struct campaign *c, const char *name)
{
	struct series *sr = &c->series[c->nr_series];
	char path[1024], v[64];
	struct sample x;

	snprintf(path, sizeof(path), "%s/sync/%s/fuzzer_stats", c->dir, name);
	sr->stats = slurp(path);
	/* fuzz.sh's per-second rows from AFL++'s statsd, else AFL++'s plot_data */
	snprintf(path, sizeof(path), "%s/live/%s.plot", c->dir, name);
	read_plot(sr, path);
	snprintf(path, sizeof(path), "%s/sync/%s/plot_data", c->dir, name);
	if (!sr->n)
		read_plot(sr, path);
	if (!sr->n && !sr->stats && access(path, R_OK))
		return;
	if (!sr->n && sr->stats) {
		x.t = atof(kv_get(sr->stats, "run_time", 0, v, sizeof(v)) ?: "0");
		x.execs = atof(kv_get(sr->stats, "execs_done", 0, v, sizeof(v)) ?: "-1");
		x.eps = -1;
		x.corpus = atof(kv_get(sr->stats, "corpus_count", 0, v, sizeof(v)) ?: "-1");
		x.cov = atof(kv_get(sr->stats, "edges_found", 0, v, sizeof(v)) ?: "-1");
		x.crashes = atof(kv_get(sr->stats, "saved_crashes", 0, v, sizeof(v)) ?: "-1");
		add_sample(sr, &x);
		snprintf(path, sizeof(path), "%s/sync/%s/fuzzer_stats", c->dir, name);
		snprintf(sr->source, sizeof(sr->source), "%s", path);
	}
	snprintf(sr->name, sizeof(sr->name), "%s", name);
	c->nr_series++;
	snprintf(path, sizeof(path), "%s/sync/%s/queue", c->dir, name);
	add_files(&c->corpus, &c->nr_corpus, path, "");
	snprintf(path, sizeof(path), "%s/sync/%s/crashes", c->dir, name);
	add_files(&c->crashes, &c->nr_crashes, path, "id:");
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void open_afl(struct campaign *c)
{
	char path[1024], *names[CAMPAIGN_MAX_SERIES];
	struct dirent *d;
	size_t n = 0, i;
	DIR *dp;

	snprintf(path, sizeof(path), "%s/sync", c->dir);
	dp = opendir(path);
	if (!dp)
		return;
	while ((d = readdir(dp)) && n < CAMPAIGN_MAX_SERIES)
		if (d->d_name[0] != '.')
			names[n++] = must(strdup(d->d_name));
	closedir(dp);
	qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/sync/%s", c->dir, names[i]);
		if (is_dir(path))
			open_afl_instance(c, names[i]);
		free(names[i]);
	}
}

static void open_libfuzzer(struct campaign *c)
{
	struct series *sr = &c->series[c->nr_series++];
	char path[1024], seeds[512];

	snprintf(sr->name, sizeof(sr->name), "libfuzzer");
	snprintf(path, sizeof(path), "%s/libfuzzer.log", c->dir);
	read_libfuzzer_log(sr, path);
	snprintf(path, sizeof(path), "%s/corpus", c->dir);
	add_files(&c->corpus, &c->nr_corpus, path, "");
	/* -fork keeps only what its jobs add to the first directory: the seeds count too */
	if (*campaign_meta(c, "seeds", seeds, sizeof(seeds), ""))
		add_files(&c->corpus, &c->nr_corpus, seeds, "");
	snprintf(path, sizeof(path), "%s/crashes", c->dir);
	add_files(&c->crashes, &c->nr_crashes, path, "crash-");
	add_files(&c->crashes, &c->nr_crashes, path, "timeout-");
}

int campaign_open(struct campaign *c, const char *dir, char *err, size_t errlen)
{
	char path[1024];

	memset(c, 0, sizeof(*c));
	snprintf(c->dir, sizeof(c->dir), "%s", dir);
	if (!is_dir(dir)) {
		snprintf(err, errlen, "%s: not a directory", dir);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/campaign", dir);
	c->meta = slurp(path);
	snprintf(path, sizeof(path), "%s/libfuzzer.log", dir);
	if (!access(path, R_OK)) {
		c->engine = CAMPAIGN_LIBFUZZER;
		open_libfuzzer(c);
		return 0;
	}
	c->engine = CAMPAIGN_AFL;
	open_afl(c);
	if (c->nr_series)
		return 0;
	snprintf(err, errlen, "%s: not a campaign directory (no sync/NAME/fuzzer_stats or plot_data of AFL++, no libfuzzer.log)",
		 dir);
	campaign_free(c);
	return -1;
}

void campaign_free(struct campaign *c)
{
	size_t i;

	for (i = 0; i < c->nr_series; i++) {
		free(c->series[i].s);
		free(c->series[i].stats);
	}
	dir_files_free(c->corpus, c->nr_corpus);
	dir_files_free(c->crashes, c->nr_crashes);
	free(c->meta);
	memset(c, 0, sizeof(*c));
}
