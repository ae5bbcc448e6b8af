// SPDX-License-Identifier: GPL-2.0-only
/* The mirror picture of a ladder as SVG: one row per step, each label a band level with the steps that jump to it. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli_picture.h"

/* Sizes in pixels; text widths are counted generously for a monospace font. */
#define FS		12	/* font size of the rows */
#define CW10		78	/* ten characters' width at FS */
#define RH		22	/* row height */
#define MARGIN		24
#define GAP		220	/* between the steps and the labels, where the gotos run */
#define TOP		92	/* the first row */
#define WRAP		118	/* characters per note line */
#define TITLE_FS	15
#define NOTE_FS		11
#define NOTE_LH		15	/* note line height */

/* Under the title: how to read the picture. */
static const char *const intro[] = {
	"Steps run down the left; labels, last first, up the right: each label falls through to the one above it.",
	"A symmetric goto is level: it meets the label that undoes the step before it. A wrong one is red and dashed.",
};

struct layout {
	int slot[PIC_MAX_STEPS];	/* each step's row, rows without a step included */
	int lo[PIC_MAX_LABELS], hi[PIC_MAX_LABELS];	/* each label's band of rows, by mirror position */
	int nslots;
	int sx, sw, lx, lw, rx, width, height, legend_y;
};

struct pic_step *picture_step(struct picture *pic, const char *name, int label)
{
	struct pic_step *s;

	if (pic->nsteps == PIC_MAX_STEPS)
		return NULL;
	s = &pic->steps[pic->nsteps++];
	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name);
	snprintf(s->text, sizeof(s->text), "%s", name);
	s->label = label;
	return s;
}

int picture_label(struct picture *pic, const char *name, const char *releases)
{
	struct pic_label *l;

	if (pic->nlabels == PIC_MAX_LABELS)
		return -1;
	l = &pic->labels[pic->nlabels];
	memset(l, 0, sizeof(*l));
	snprintf(l->name, sizeof(l->name), "%s", name);
	snprintf(l->releases, sizeof(l->releases), "%s", releases);
	return pic->nlabels++;
}

int picture_ghost(struct picture *pic, int pos, const char *name, const char *releases)
{
	int i;

	if (pic->nlabels == PIC_MAX_LABELS || pos < 0 || pos > pic->nlabels)
		return -1;
	memmove(&pic->labels[pos + 1], &pic->labels[pos],
		(size_t)(pic->nlabels - pos) * sizeof(pic->labels[0]));
	pic->nlabels++;
	for (i = 0; i < pic->nsteps; i++)
		if (pic->steps[i].label >= pos)
			pic->steps[i].label++;
	memset(&pic->labels[pos], 0, sizeof(pic->labels[pos]));
	snprintf(pic->labels[pos].name, sizeof(pic->labels[pos].name), "%s", name);
	snprintf(pic->labels[pos].releases, sizeof(pic->labels[pos].releases), "%s", releases);
	pic->labels[pos].ghost = true;
	return pos;
}

void picture_note(struct picture *pic, const char *fmt, ...)
{
	va_list ap;

	if (pic->nnotes == PIC_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(pic->notes[pic->nnotes++], sizeof(pic->notes[0]), fmt, ap);
	va_end(ap);
}

/* The label's place on the right, counted from the top: the last label first. */
static int mirror(const struct picture *pic, int label)
{
	return pic->nlabels - 1 - label;
}

static int text_w(const char *s, int fs)
{
	return (int)strlen(s) * CW10 * fs / (10 * FS);
}

/*
 * The longest run of unmarked steps whose labels keep the ladder's order
 * (each at or above the previous one in the source); the others go into
 * @off: they are drawn, and named, as wrong.
 */
static void keep_order(struct picture *pic, bool *off)
{
	int len[PIC_MAX_STEPS], prev[PIC_MAX_STEPS], best = -1, i, j;

	for (i = 0; i < pic->nsteps; i++) {
		off[i] = true;
		len[i] = 0;
		prev[i] = -1;
		if (pic->steps[i].wrong)
			continue;
		len[i] = 1;
		for (j = 0; j < i; j++)
			if (len[j] && len[j] + 1 > len[i] &&
			    mirror(pic, pic->steps[j].label) <= mirror(pic, pic->steps[i].label)) {
				len[i] = len[j] + 1;
				prev[i] = j;
			}
		if (best < 0 || len[i] > len[best])
			best = i;
	}
	for (i = best; i >= 0; i = prev[i])
		off[i] = false;
	for (i = 0; i < pic->nsteps; i++)
		if (off[i] && !pic->steps[i].wrong) {
			pic->steps[i].wrong = true;
			picture_note(pic, "%s goes to %s, out of the ladder's order", pic->steps[i].name,
				     pic->labels[pic->steps[i].label].name);
		}
}

/* First and last step row of each label's band, by mirror position; -1 when no step anchors it. */
static void anchor(const struct picture *pic, const bool *off, int *lo, int *hi)
{
	int i, m;

	for (m = 0; m < pic->nlabels; m++)
		lo[m] = hi[m] = -1;
	for (i = 0; i < pic->nsteps; i++) {
		if (off[i])
			continue;
		m = mirror(pic, pic->steps[i].label);
		if (lo[m] < 0)
			lo[m] = i;
		hi[m] = i;
	}
}

/* The end of the run of labels from mirror position @m that no step anchors (@m itself if anchored). */
static int run_end(const struct picture *pic, const int *lo, int m)
{
	while (m < pic->nlabels && lo[m] < 0)
		m++;
	return m;
}

/* Rows without a step, added where a run of unanchored labels has fewer free rows than labels; each step's row. */
static void add_rows(const struct picture *pic, struct layout *L, const int *lo, const int *hi)
{
	int extra[PIC_MAX_STEPS + 1] = { 0 }, m, b, i, s = 0;

	for (m = 0; m < pic->nlabels; m = b + (b == m)) {
		int first, free;

		b = run_end(pic, lo, m);
		if (b == m)
			continue;
		first = m ? hi[m - 1] + 1 : 0;
		free = (b < pic->nlabels ? lo[b] : pic->nsteps) - first;
		if (free < b - m)
			extra[b < pic->nlabels ? lo[b] : pic->nsteps] += b - m - free;
	}
	for (i = 0; i < pic->nsteps; i++) {
		s += extra[i];
		L->slot[i] = s++;
	}
	L->nslots = s + extra[pic->nsteps];
	for (m = 0; m < pic->nlabels; m++) {
		L->lo[m] = lo[m] < 0 ? -1 : L->slot[lo[m]];
		L->hi[m] = hi[m] < 0 ? -1 : L->slot[hi[m]];
	}
}

#define SPLIT_MAX	(PIC_MAX_STEPS + PIC_MAX_LABELS + 1)
#define LEVEL		100000L	/* a step level with its label outweighs any unevenness */

/*
 * Split @size rows from @first among the @u labels of a run from mirror
 * position @m, in order, each at least one row: as many of the steps in
 * those rows as can be level with the label they jump to, and otherwise
 * as evenly as can be.
 */
static void split_run(const struct picture *pic, struct layout *L, const int *step_at, int m, int u,
		      int first, int size)
{
	static long best[PIC_MAX_LABELS + 1][SPLIT_MAX];
	static int cut[PIC_MAX_LABELS + 1][SPLIT_MAX], hits[PIC_MAX_LABELS][SPLIT_MAX];
	int k, r, a;

	for (k = 0; k < u; k++)
		for (r = 0, hits[k][0] = 0; r < size; r++) {
			int i = step_at[first + r];

			hits[k][r + 1] = hits[k][r] +
					 (i >= 0 && mirror(pic, pic->steps[i].label) == m + k);
		}
	for (k = 0; k <= u; k++)
		for (r = 0; r <= size; r++)
			best[k][r] = k || r ? LONG_MIN : 0;
	for (k = 1; k <= u; k++)
		for (r = k; r <= size - (u - k); r++)
			for (a = k - 1; a < r; a++) {
				int len = r - a, even = size / u;
				long v;

				if (best[k - 1][a] == LONG_MIN)
					continue;
				v = best[k - 1][a] + LEVEL * (hits[k - 1][r] - hits[k - 1][a]) -
				    (len > even ? len - even : even - len);
				if (v > best[k][r]) {
					best[k][r] = v;
					cut[k][r] = a;
				}
			}
	for (k = u, r = size; k > 0; r = cut[k][r], k--) {
		L->lo[m + k - 1] = first + cut[k][r];
		L->hi[m + k - 1] = first + r - 1;
	}
}

/* Every label's band: the anchored ones where their steps are, the others in the rows between. */
static void place_bands(const struct picture *pic, struct layout *L, const int *lo, const int *hi)
{
	int step_at[SPLIT_MAX], m, b, i;

	add_rows(pic, L, lo, hi);
	for (i = 0; i < L->nslots; i++)
		step_at[i] = -1;
	for (i = 0; i < pic->nsteps; i++)
		step_at[L->slot[i]] = i;
	for (m = 0; m < pic->nlabels; m = b + (b == m)) {
		int first;

		b = run_end(pic, L->lo, m);
		if (b == m)
			continue;
		first = m ? L->hi[m - 1] + 1 : 0;
		split_run(pic, L, step_at, m, b - m, first,
			  (b < pic->nlabels ? L->lo[b] : L->nslots) - first);
	}
}

static int max_w(const struct picture *pic, bool labels)
{
	int i, w = 0, n = labels ? pic->nlabels : pic->nsteps;

	for (i = 0; i < n; i++) {
		int t = labels ? text_w(pic->labels[i].name, FS) :
				 text_w(pic->steps[i].text, FS) + text_w(pic->steps[i].detail, FS);

		if (t > w)
			w = t;
	}
	return w;
}

/* The legend, above the notes. */
static const char *const legend[] = {
	"a goto level with its label: the label undoes exactly what the steps above it took",
	"a wrong goto: its label does not undo what is held there, as follows",
	"a label the ladder lacks: a goto's missing target, or where a release nothing makes belongs",
};

/* The length of the next legend line of @s, cut at a space; *skip: how far the one after starts. */
static int next_line(const char *s, int len, int *skip)
{
	int cut = len > WRAP ? WRAP : len;

	while (cut < len && cut > WRAP / 2 && s[cut] != ' ')
		cut--;
	for (*skip = cut; *skip < len && s[*skip] == ' '; (*skip)++)
		;
	return cut;
}

/* How many lines the notes take, and the widest in *maxw. */
static int note_lines(const struct picture *pic, int *maxw)
{
	int i, n = 0, skip, first;

	for (i = 0; i < pic->nnotes; i++) {
		const char *s = pic->notes[i];
		int len = (int)strlen(s);

		for (first = 1; len > 0; s += skip, len -= skip, n++, first = 0) {
			int w = (first ? 0 : 4) + next_line(s, len, &skip);

			if (w * CW10 * NOTE_FS / (10 * FS) > *maxw)
				*maxw = w * CW10 * NOTE_FS / (10 * FS);
		}
	}
	return n;
}

static void measure_layout(struct picture *pic, struct layout *L)
{
	int lo[PIC_MAX_LABELS], hi[PIC_MAX_LABELS], i, w, lines = 0, legend_w = 0;
	bool off[PIC_MAX_STEPS];

	keep_order(pic, off);
	anchor(pic, off, lo, hi);
	place_bands(pic, L, lo, hi);
	L->sx = MARGIN;
	L->sw = max_w(pic, false) + 4 * CW10 / 10 + 16;
	L->lx = L->sx + L->sw + GAP;
	L->lw = max_w(pic, true) + 16;
	L->rx = L->lx + L->lw + 22;
	L->width = L->rx + text_w("releases", FS);
	for (i = 0; i < pic->nlabels; i++)
		if (L->rx + text_w(pic->labels[i].releases, FS) > L->width)
			L->width = L->rx + text_w(pic->labels[i].releases, FS);
	lines = note_lines(pic, &legend_w);
	if (!lines)	/* "No goto of this ladder is wrong." */
		lines = 1;
	for (i = 0; i < (int)(sizeof(legend) / sizeof(legend[0])); i++)
		if (72 + text_w(legend[i], FS) > legend_w)
			legend_w = 72 + text_w(legend[i], FS);
	w = L->sx + legend_w;
	if (w > L->width)
		L->width = w;
	for (i = 0; i < 3; i++)
		if (MARGIN + text_w(i ? intro[i - 1] : pic->title, i ? FS : TITLE_FS) > L->width)
			L->width = MARGIN + text_w(i ? intro[i - 1] : pic->title, i ? FS : TITLE_FS);
	L->width += MARGIN;
	L->legend_y = TOP + L->nslots * RH + 30;
	L->height = L->legend_y + 3 * 20 + lines * NOTE_LH + MARGIN;
}

/* Text for an element or an attribute: &, <, > and " escaped. */
static void xml_put(const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", stdout);
		else if (*s == '<')
			fputs("&lt;", stdout);
		else if (*s == '>')
			fputs("&gt;", stdout);
		else if (*s == '"')
			fputs("&quot;", stdout);
		else
			putchar(*s);
	}
}

static void text_at(int x, int y, const char *cls, int fs, bool end, const char *s)
{
	printf("<text x=\"%d\" y=\"%d\" class=\"%s\"", x, y, cls);
	if (fs != FS)
		printf(" font-size=\"%d\"", fs);
	printf("%s>", end ? " text-anchor=\"end\"" : "");
	xml_put(s);
	printf("</text>\n");
}

static void header(const struct picture *pic, const struct layout *L)
{
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	       "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"%d\">\n",
	       L->width, L->height, L->width, L->height, FS);
	printf("<style>.t{font-weight:bold}.h{fill:#333;font-weight:bold}"
	       ".r{fill:#222}.d{fill:#666}.n{fill:#222}.w{fill:#b00}"
	       ".step{fill:#fdf3e7;stroke:#8a6d3b}.label{fill:#e8eef8;stroke:#3b5b8a}"
	       ".ghost{fill:#fff;stroke:#c00;stroke-dasharray:5 3}"
	       ".goto{stroke:#3b5b8a;stroke-width:1.3;fill:none}"
	       ".wrong{stroke:#d00;stroke-width:2.2;stroke-dasharray:7 4}</style>\n");
	printf("<defs><marker id=\"ok\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
	       "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3b5b8a\"/></marker>"
	       "<marker id=\"bad\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
	       "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d00\"/></marker></defs>\n");
	printf("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", L->width, L->height);
	text_at(MARGIN, 28, "t", TITLE_FS, false, pic->title);
	text_at(MARGIN, 50, "r", FS, false, intro[0]);
	text_at(MARGIN, 66, "r", FS, false, intro[1]);
	text_at(L->sx, TOP - 8, "h", FS, false, "steps, in order");
	text_at(L->lx, TOP - 8, "h", FS, false, "labels");
	text_at(L->rx, TOP - 8, "h", FS, false, "releases");
}

static int slot_y(int slot)
{
	return TOP + slot * RH;
}

static void draw_labels(const struct picture *pic, const struct layout *L)
{
	int l;

	for (l = 0; l < pic->nlabels; l++) {
		int m = mirror(pic, l), y = slot_y(L->lo[m]), h = (L->hi[m] - L->lo[m] + 1) * RH;

		printf("<rect class=\"label%s\" data-label=\"", pic->labels[l].ghost ? " ghost" : "");
		xml_put(pic->labels[l].name);
		printf("\" data-pos=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", l, L->lx,
		       y + 1, L->lw, h - 2);
		text_at(L->lx + 8, y + RH / 2 + 4, pic->labels[l].ghost ? "w" : "r", FS, false,
			pic->labels[l].name);
		text_at(L->rx, y + RH / 2 + 4, pic->labels[l].ghost ? "w" : "d", FS, false,
			pic->labels[l].releases);
	}
	if (pic->nlabels > 1)
		printf("<line class=\"goto\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		       "marker-end=\"url(#ok)\"/>\n", L->lx + L->lw + 10, slot_y(L->nslots) - 4,
		       L->lx + L->lw + 10, TOP + 4);
}

static void draw_steps(const struct picture *pic, const struct layout *L)
{
	int i;

	for (i = 0; i < pic->nsteps; i++) {
		const struct pic_step *s = &pic->steps[i];
		int m = mirror(pic, s->label), y = slot_y(L->slot[i]) + RH / 2, y2 = y;

		if (L->slot[i] < L->lo[m])
			y2 = slot_y(L->lo[m]) + RH / 2;
		else if (L->slot[i] > L->hi[m])
			y2 = slot_y(L->hi[m]) + RH / 2;
		printf("<rect class=\"step\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", L->sx,
		       y - RH / 2 + 2, L->sw, RH - 4);
		text_at(L->sx + 8, y + 4, s->wrong ? "w" : "r", FS, false, s->text);
		text_at(L->sx + L->sw - 8, y + 4, "d", FS, true, s->detail);
		printf("<line class=\"goto%s\" data-step=\"", s->wrong ? " wrong" : "");
		xml_put(s->name);
		printf("\" data-label=\"");
		xml_put(pic->labels[s->label].name);
		if (s->line)
			printf("\" data-line=\"%d", s->line);
		printf("\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#%s)\"/>\n",
		       L->sx + L->sw, y, L->lx, y2, s->wrong ? "bad" : "ok");
	}
}

static void legend_line(int y, const char *cls, const char *words)
{
	printf("<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", cls, MARGIN, y - 4,
	       MARGIN + 60, y - 4);
	text_at(MARGIN + 72, y, "r", FS, false, words);
}

static void draw_legend(const struct picture *pic, const struct layout *L)
{
	int y = L->legend_y, i, skip;

	legend_line(y, "goto", legend[0]);
	legend_line(y + 20, "goto wrong", legend[1]);
	printf("<rect class=\"label ghost\" x=\"%d\" y=\"%d\" width=\"60\" height=\"14\"/>\n", MARGIN,
	       y + 29);
	text_at(MARGIN + 72, y + 40, "r", FS, false, legend[2]);
	y += 60;
	if (!pic->nnotes)
		text_at(MARGIN, y, "n", NOTE_FS, false, "No goto of this ladder is wrong.");
	for (i = 0; i < pic->nnotes; i++) {
		const char *s = pic->notes[i];
		int len = (int)strlen(s), first = 1;

		for (; len > 0; s += skip, len -= skip, first = 0, y += NOTE_LH) {
			char line[WRAP + 1];

			snprintf(line, sizeof(line), "%.*s", next_line(s, len, &skip), s);
			text_at(MARGIN + (first ? 0 : text_w("    ", NOTE_FS)), y, "n", NOTE_FS, false, line);
		}
	}
}

void picture_svg(struct picture *pic)
{
	struct layout L;

	memset(&L, 0, sizeof(L));
	measure_layout(pic, &L);
	header(pic, &L);
	draw_labels(pic, &L);
	draw_steps(pic, &L);
	draw_legend(pic, &L);
	printf("</svg>\n");
}
