// SPDX-License-Identifier: GPL-2.0-only
/* Self-contained HTML: escaping, base64 data, the page frame with its styles, and a version's ladder with what a corpus reaches. */
#include "html.h"

void html_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

void html_base64(FILE *f, const unsigned char *d, size_t n)
{
	static const char a[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)d[i] << 16 |
				  (i + 1 < n ? (unsigned long)d[i + 1] << 8 : 0) |
				  (i + 2 < n ? d[i + 2] : 0);

		fputc(a[v >> 18 & 63], f);
		fputc(a[v >> 12 & 63], f);
		fputc(i + 1 < n ? a[v >> 6 & 63] : '=', f);
		fputc(i + 2 < n ? a[v & 63] : '=', f);
	}
}

static const char css[] =
	"body{font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;color:#1d2330;background:#f4f5f7;margin:0}"
	".page{max-width:1180px;margin:0 auto;padding:0 24px 40px}"
	".head{background:#1d2330;color:#fff;padding:22px 0 18px}"
	".head .page{padding-bottom:0}.head h1{margin:0;font-size:24px;font-weight:600}.head p{margin:4px 0 0;color:#b9c0cc}"
	".section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:4px 22px 18px;margin:18px 0}"
	"h2{font-size:18px;margin:16px 0 10px}h3{font-size:15px;margin:18px 0 6px}"
	"table{border-collapse:collapse;font-size:13px}"
	"th{text-align:left;font-weight:600;color:#4a5263;border-bottom:2px solid #dde1e7;padding:4px 10px 4px 0}"
	"td{border-bottom:1px solid #eef0f3;padding:3px 10px 3px 0;vertical-align:top}"
	"td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
	"tr.miss td{background:#fdecec}td.miss{color:#b3261e;font-weight:600}"
	".bar{display:inline-block;height:9px;background:#5b8def;border-radius:2px;margin-left:6px;vertical-align:middle}"
	".tiles{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0 4px}"
	".tile{flex:1 1 150px;border:1px solid #dde1e7;border-radius:8px;padding:10px 14px;background:#fafbfc}"
	".tile b{display:block;font-size:22px;font-weight:600}.tile span{color:#5d6575;font-size:12px}"
	".tile.bad{background:#fdecec;border-color:#f1b8b4}.tile.good{background:#eaf6ec;border-color:#b5dcbc}"
	".kv th{width:150px;border:0;color:#5d6575;font-weight:500}.kv td{border:0}"
	"code,pre{font:12.5px/1.4 'DejaVu Sans Mono',monospace}"
	"pre{background:#f6f8fa;border:1px solid #e3e6ea;border-radius:6px;padding:8px 10px;overflow-x:auto;white-space:pre-wrap}"
	".chips span{display:inline-block;border-radius:12px;padding:1px 10px;margin:0 6px 4px 0;background:#eef1f6;font-size:12.5px}"
	".chips span.ok{background:#e3f3e6;color:#1e6b2e}.chips span.no{background:#fbe3e1;color:#9b1c14}"
	".cols{display:flex;gap:28px;align-items:flex-start;flex-wrap:wrap;margin-bottom:14px}"
	".muted{color:#6b7383;font-weight:400}.note{color:#5d6575;font-size:12.5px}"
	".chart{width:100%;max-width:1120px;border:1px solid #eef0f3;border-radius:6px}"
	".finding{border-left:4px solid #d93025;padding:2px 0 2px 14px;margin:14px 0}"
	".finding.other{border-color:#a15c00}.report{color:#9b1c14}";

void html_head(FILE *f, const char *title, const char *sub)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
	html_text(f, title);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
	fputs("<div class=\"head\"><div class=\"page\"><h1>", f);
	html_text(f, title);
	fputs("</h1><p>", f);
	html_text(f, sub);
	fputs("</p></div></div>\n<div class=\"page\">\n", f);
}

void html_foot(FILE *f)
{
	fputs("</div>\n</body>\n</html>\n", f);
}

void html_section(FILE *f, const char *id, const char *title)
{
	fprintf(f, "<div class=\"section\" id=\"%s\">\n<h2>", id);
	html_text(f, title);
	fputs("</h2>\n", f);
}

void html_end(FILE *f)
{
	fputs("</div>\n", f);
}

void html_kv_row(FILE *f, const char *key, const char *value)
{
	fputs("<tr><th>", f);
	html_text(f, key);
	fputs("</th><td>", f);
	html_text(f, value);
	fputs("</td></tr>\n", f);
}

void html_tile(FILE *f, const char *cls, const char *value, const char *what)
{
	fprintf(f, "<div class=\"tile %s\"><b>", cls);
	html_text(f, value);
	fputs("</b><span>", f);
	html_text(f, what);
	fputs("</span></div>\n", f);
}

/* The start of an entry's row, red when @n is 0. */
static void row(FILE *f, unsigned long n, size_t pos, const char *name)
{
	fprintf(f, "<tr%s><td>%zu</td><td><code>%s</code></td>", n ? "" : " class=\"miss\"", pos + 1,
		name);
}

/* A count: the number and a bar against @of, or @none in red. */
static void count(FILE *f, unsigned long n, unsigned long of, const char *none)
{
	if (!n) {
		fprintf(f, "<td class=\"n miss\">%s</td>", none);
		return;
	}
	fprintf(f, "<td class=\"n\">%lu<span class=\"bar\" style=\"width:%lupx\"></span></td>", n,
		of ? 1 + 59 * n / of : 1);
}

static const char *err_name(int err)
{
	return err ? errno_name(err) ? errno_name(err) : "?" : "the LSM's";
}

static void chip(FILE *f, const char *what, size_t n, size_t of)
{
	fprintf(f, "<span class=\"%s\">%s %zu/%zu</span>", n == of ? "ok" : "no", what, n, of);
}

static void chips(FILE *f, const struct profile *p, const struct reach_counts *rc)
{
	struct reach_tally t;

	reach_tally(p, rc, &t);
	fprintf(f, "<p class=\"chips\"><span>%lu input(s)</span>", rc->inputs);
	chip(f, "checks refused", t.refused, p->nr_checks);
	chip(f, "sites ran", t.ran, p->nr_sites);
	chip(f, "sites failed", t.failed, p->nr_sites);
	chip(f, "labels", t.labels, p->nr_labels);
	fputs("</p>\n", f);
}

static void check_row(FILE *f, const struct profile *p, const struct reach_counts *rc, size_t i)
{
	unsigned long n = rc->refused[p->checks[i].check];

	row(f, n, i, check_names[p->checks[i].check]);
	fprintf(f, "<td>%s</td>", err_name(p->checks[i].err));
	count(f, n, rc->inputs, "never refused");
}

/* What the table says @label releases: the kinds, in the table's order. */
static void releases(FILE *f, const struct profile *p, int label)
{
	const char *sep = "";
	size_t r;

	fputs("<td class=\"muted\">", f);
	for (r = 0; r < p->nr_rels; r++) {
		if (p->rels[r].label != label)
			continue;
		fprintf(f, "%s%s", sep, kind_names[p->rels[r].kind]);
		sep = ", ";
	}
	fputs("</td>", f);
}

static void label_row(FILE *f, const struct profile *p, const struct reach_counts *rc, size_t i)
{
	int l = p->labels[i];

	row(f, rc->label[l], i, label_names[l]);
	releases(f, p, l);
	count(f, rc->label[l], rc->inputs, "not reached");
}

static void site_row(FILE *f, const struct profile *p, const struct reach_counts *rc, size_t i)
{
	const struct site_row *r = &p->sites[i];

	row(f, rc->failed[r->site], i, site_names[r->site]);
	fprintf(f, "<td>%s</td><td><code>%s</code></td>", err_name(r->err), label_names[r->label]);
	count(f, rc->ran[r->site], rc->inputs, "never ran");
	count(f, rc->failed[r->site], rc->inputs, "never failed");
}

typedef void (*row_fn)(FILE *f, const struct profile *p, const struct reach_counts *rc, size_t i);

/* A table: @heads (the <th> cells), then @fn's row for each of @n entries. */
static void table(FILE *f, const char *heads, size_t n, row_fn fn, const struct profile *p,
		  const struct reach_counts *rc)
{
	size_t i;

	fprintf(f, "<table>\n<tr>%s</tr>\n", heads);
	for (i = 0; i < n; i++) {
		fn(f, p, rc, i);
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
}

void html_ladder(FILE *f, const struct profile *p, const struct reach_counts *rc)
{
	fprintf(f, "<div class=\"ladder\" id=\"ladder-%s\">\n<h3>%s <span class=\"muted\">", p->name,
		p->name);
	html_text(f, p->source);
	fputs("</span></h3>\n", f);
	chips(f, p, rc);
	fputs("<div class=\"cols\">\n", f);
	table(f, "<th>#</th><th>precondition check</th><th>errno</th><th>inputs refused</th>",
	      p->nr_checks, check_row, p, rc);
	table(f, "<th>#</th><th>unwind label, top to bottom</th><th>releases</th><th>inputs through it</th>",
	      p->nr_labels, label_row, p, rc);
	fputs("</div>\n", f);
	table(f, "<th>#</th><th>fault site, in order</th><th>errno</th><th>unwinds from</th>"
	      "<th>inputs it ran in</th><th>inputs it failed in</th>", p->nr_sites, site_row, p, rc);
	fputs("</div>\n", f);
}
