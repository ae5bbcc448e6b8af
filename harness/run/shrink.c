// SPDX-License-Identifier: GPL-2.0-only
/* A finding's verdict (the first oracle that fires) and its scenario shrunk to what that verdict needs. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "run.h"
#include "shrink.h"

struct first {
	const struct scenario *s;
	int type;
	char *line;
	size_t len;
	uint64_t digest;
};

static void on_result(const struct op_result *r, void *arg)
{
	struct first *fv = arg;
	FILE *f;
	int i;

	op_result_digest(r, &fv->digest);
	for (i = 0; i < r->nr_v && fv->type < 0; i++) {
		if (r->known[i])
			continue;
		fv->type = r->v[i].type;
		if (!fv->line)
			continue;
		f = fmemopen(fv->line, fv->len, "w");
		if (!f)
			continue;
		report_violation(f, fv->s, r, i);
		fclose(f);
		fv->line[strcspn(fv->line, "\n")] = 0;
	}
}

int scenario_verdict(const struct scenario *s, char *line, size_t len)
{
	struct first fv = { s, -1, line, len, 0xcbf29ce484222325ULL };
	struct run_summary sum;

	if (line && len)
		line[0] = 0;
	run_scenario(s, on_result, &fv, &sum);
	if (fv.type >= 0)
		return fv.type;
	return run_scenario_digest(s) != fv.digest ? VERDICT_NONDET : VERDICT_NONE;
}

static void *must(void *p)
{
	if (!p) {
		fprintf(stderr, "clonefuzz: out of memory\n");
		exit(2);
	}
	return p;
}

static char *join(char **l, int n)
{
	size_t len = 1;
	char *text;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(l[i]) + 1;
	text = must(malloc(len));
	text[0] = 0;
	for (i = 0; i < n; i++)
		strcat(strcat(text, l[i]), "\n");
	return text;
}

/* Do lines @l parse to a scenario with verdict @want? */
static bool fires(char **l, int n, int want)
{
	static struct scenario s;
	char err[256], *text = join(l, n);
	bool same = !scenario_parse(text, &s, err, sizeof(err)) &&
		    scenario_verdict(&s, NULL, 0) == want;

	free(text);
	return same;
}

static void drop_lines(char **l, int *n, int want)
{
	int i;

	for (i = *n - 1; i >= 0; i--) {
		char *gone = l[i];

		if (!strncmp(gone, "profile ", 8))
			continue;
		memmove(&l[i], &l[i + 1], (size_t)(*n - i - 1) * sizeof(*l));
		(*n)--;
		if (fires(l, *n, want)) {
			free(gone);
			continue;
		}
		memmove(&l[i + 1], &l[i], (size_t)(*n - i) * sizeof(*l));
		l[i] = gone;
		(*n)++;
	}
}

/* @line without its @k-th space-separated word (the first is 0). */
static char *without_word(const char *line, int k)
{
	char *out = must(malloc(strlen(line) + 1)), *o = out;
	const char *p = line;
	int w;

	for (w = 0; *p; w++) {
		size_t n = strcspn(p, " ");

		if (w != k) {
			if (o != out)
				*o++ = ' ';
			memcpy(o, p, n);
			o += n;
		}
		p += n;
		p += strspn(p, " ");
	}
	*o = 0;
	return out;
}

static int words(const char *line)
{
	int n = 0;

	for (line += strspn(line, " "); *line; line += strspn(line, " ")) {
		line += strcspn(line, " ");
		n++;
	}
	return n;
}

/* Line @i becomes @try (malloc'd) if the verdict stays @want. */
static void try_line(char **l, int n, int i, char *try, int want)
{
	char *old = l[i];

	l[i] = try;
	if (fires(l, n, want)) {
		free(old);
		return;
	}
	l[i] = old;
	free(try);
}

static void drop_keys(char **l, int n, int want)
{
	int i, k;

	for (i = n - 1; i >= 0; i--)
		for (k = words(l[i]) - 1; k >= 1; k--)
			try_line(l, n, i, without_word(l[i], k), want);
}

/* The number of '|'-separated names in the value after @line[@off] (its '='). */
static int names(const char *line, size_t off)
{
	const char *p;
	int n = 1;

	for (p = line + off + 1; *p && *p != ' '; p++)
		n += *p == '|';
	return n;
}

/* @line with the @k-th name of the value after @line[@off] dropped. */
static char *without_name(const char *line, size_t off, int k)
{
	char *out = must(malloc(strlen(line) + 1)), *o = out + off + 1;
	const char *p = line + off + 1;
	int n;

	memcpy(out, line, off + 1);
	for (n = 0; *p && *p != ' '; n++) {
		size_t w = strcspn(p, "| ");

		if (n != k) {
			if (o[-1] != '=')
				*o++ = '|';
			memcpy(o, p, w);
			o += w;
		}
		p += w;
		p += *p == '|';
	}
	strcpy(o, p);
	return out;
}

/* Drop each name of every A|B|C value (flags) that @want does not need. */
static void drop_names(char **l, int n, int want)
{
	size_t off;
	int i, k;

	for (i = 0; i < n; i++)
		for (off = strcspn(l[i], "="); l[i][off]; off += 1 + strcspn(l[i] + off + 1, "="))
			for (k = names(l[i], off) - 1; k >= 0 && names(l[i], off) > 1; k--)
				try_line(l, n, i, without_name(l[i], off, k), want);
}

/* @s as text, one malloc'd string per line. */
static char **scenario_lines(const struct scenario *s, int *n)
{
	char *text = NULL, **l = NULL, *p, *save;
	size_t len = 0;
	FILE *f = must(open_memstream(&text, &len));

	scenario_write(f, s);
	fclose(f);
	*n = 0;
	for (p = strtok_r(text, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
		l = must(realloc(l, (size_t)(*n + 1) * sizeof(*l)));
		l[(*n)++] = must(strdup(p));
	}
	free(text);
	return l;
}

char *scenario_shrink(const struct scenario *s, int verdict)
{
	int n, pass, i;
	char **l = scenario_lines(s, &n), *text;

	for (pass = 0; pass < 2; pass++) {
		drop_lines(l, &n, verdict);
		drop_keys(l, n, verdict);
		drop_names(l, n, verdict);
	}
	text = join(l, n);
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	return text;
}
