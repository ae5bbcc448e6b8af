/* SPDX-License-Identifier: GPL-2.0-only */
/* Writing self-contained HTML pages: escaped text, inline data, the page's frame and styles, tables of what a corpus reaches. */
#ifndef CLONEFUZZ_HTML_H
#define CLONEFUZZ_HTML_H

#include <stddef.h>
#include <stdio.h>

#include "reach.h"

/* @s with <, >, & and " escaped. */
void html_text(FILE *f, const char *s);

/* @d as base64, for a data: URI. */
void html_base64(FILE *f, const unsigned char *d, size_t n);

/* The document up to the page's body: the title, a line under it, every style inline. */
void html_head(FILE *f, const char *title, const char *sub);
void html_foot(FILE *f);

/* A section: <div class="section" id="@id"> and its heading; html_end() closes it. */
void html_section(FILE *f, const char *id, const char *title);
void html_end(FILE *f);

/* A row of a key/value table (class "kv"). */
void html_kv_row(FILE *f, const char *key, const char *value);

/* One figure of the summary: @value large, @what under it; @cls "", "good" or "bad". */
void html_tile(FILE *f, const char *cls, const char *value, const char *what);

/*
 * html_ladder - version @p's table as three HTML tables, each entry with
 * how many of @rc's inputs reach it (a bar against all of them) or, in
 * red, that none does: the precondition checks in order (inputs refused),
 * the labels top to bottom, the fault sites in order (ran, failed).
 */
void html_ladder(FILE *f, const struct profile *p, const struct reach_counts *rc);

#endif
