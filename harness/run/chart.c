// SPDX-License-Identifier: GPL-2.0-only
/* Drawing a campaign's progress with gnuplot's svg terminal. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chart.h"

static const char *const colours[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
};
#define NR_COLOURS (sizeof(colours) / sizeof(colours[0]))

double sample_rate(const struct series *sr, size_t i)
{
	const struct sample *x = &sr->s[i], *y;
	size_t j = i;

	if (x->execs < 0)
		return x->eps;
	/* back five seconds, or to the first sample (AFL++'s first figure counts its dry run) */
	while (j > 0 && x->t - sr->s[j].t < 5)
		j--;
	y = &sr->s[j];
	if (j == i || y->execs < 0 || y->t < 0 || x->t - y->t < 2)
		return -1;
	return (x->execs - y->execs) / (x->t - y->t);
}

static void put_value(FILE *f, double v)
{
	if (v < 0)
		fputs(" ?", f);
	else
		fprintf(f, " %.1f", v);
}

/* One data block per instance: t, exec/s, corpus, coverage. */
static size_t write_blocks(FILE *f, const struct campaign *c, double *tmax)
{
	size_t k, i, points = 0;

	for (k = 0; k < c->nr_series; k++) {
		const struct series *sr = &c->series[k];

		fprintf(f, "$d%zu << EOD\n", k);
		for (i = 0; i < sr->n; i++) {
			if (sr->s[i].t < 0)
				continue;
			fprintf(f, "%.1f", sr->s[i].t);
			put_value(f, sample_rate(sr, i));
			put_value(f, sr->s[i].corpus);
			put_value(f, sr->s[i].cov);
			fputc('\n', f);
			if (sr->s[i].t > *tmax)
				*tmax = sr->s[i].t;
			points++;
		}
		fputs("EOD\n", f);
	}
	return points;
}

static void write_panel(FILE *f, const struct campaign *c, const char *title, int col,
			bool last)
{
	size_t k;

	fprintf(f, "set title \"%s\"\n", title);
	fprintf(f, last ? "set xlabel \"seconds since the start\"\nset format x \"%%g\"\n" :
			  "unset xlabel\nset format x \"\"\n");
	fputs("plot", f);
	for (k = 0; k < c->nr_series; k++)
		fprintf(f, "%s $d%zu using 1:%d with linespoints pt 7 ps 0.35 lw 2 lc rgb \"%s\" title \"%s\"",
			k ? "," : "", k, col, colours[k % NR_COLOURS], c->series[k].name);
	fputc('\n', f);
}

/* The gnuplot script into @f; false when there is no point to draw. */
static bool write_script(FILE *f, const struct campaign *c)
{
	double tmax = 0;

	fputs("set terminal svg size 1120,760 dynamic font \"sans,13\" background rgb \"white\"\n"
	      "set datafile missing \"?\"\n", f);
	if (!write_blocks(f, c, &tmax))
		return false;
	fprintf(f, "set xrange [0:%g]\n", tmax > 0 ? tmax : 1);
	fputs("set grid lc rgb \"#dddddd\"\nset border 3 lc rgb \"#666666\"\nset tics nomirror\n"
	      "set key outside right top\nset format y \"%.0f\"\nset lmargin 10\n"
	      "set multiplot layout 3,1\nset yrange [0:*]\n", f);
	write_panel(f, c, "executions per second", 2, false);
	/* corpus and coverage grow by little against what the seeds start with */
	fputs("set yrange [*:*]\n", f);
	write_panel(f, c, "corpus (inputs)", 3, false);
	write_panel(f, c, "coverage (edges)", 4, true);
	fputs("unset multiplot\n", f);
	return true;
}

static char *read_all(FILE *p, size_t *len)
{
	char *buf = NULL, *grown;
	size_t cap = 0, n;

	*len = 0;
	do {
		if (*len + 65536 + 1 > cap) {
			cap = 2 * cap + 65536 + 1;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + *len, 1, 65536, p);
		*len += n;
	} while (n);
	buf[*len] = 0;
	return buf;
}

char *chart_svg(const struct campaign *c, size_t *len, char *why, size_t whylen)
{
	char script[] = "/tmp/clonefuzz-chart-XXXXXX", cmd[128], *svg;
	int fd = mkstemp(script), status;
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL, *p;
	bool any;

	if (!f) {
		snprintf(why, whylen, "cannot write a gnuplot script in /tmp");
		return NULL;
	}
	any = write_script(f, c);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "gnuplot %s 2>/dev/null", script);
	p = any ? popen(cmd, "r") : NULL;
	svg = p ? read_all(p, len) : NULL;
	status = p ? pclose(p) : -1;
	unlink(script);
	if (!any)
		snprintf(why, whylen, "the fuzzer recorded no progress to draw");
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(why, whylen, "gnuplot is not installed (Debian: apt-get install gnuplot-nox)");
	else if (!svg || status || !strstr(svg, "<svg"))
		snprintf(why, whylen, "gnuplot failed to draw the chart");
	else
		return svg;
	free(svg);
	return NULL;
}
