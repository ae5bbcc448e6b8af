/* SPDX-License-Identifier: GPL-2.0-only */
/* A campaign's progress drawn by gnuplot as SVG: exec/s, corpus and coverage against time. */
#ifndef CLONEFUZZ_CHART_H
#define CLONEFUZZ_CHART_H

#include <stddef.h>

#include "campaign.h"

/*
 * sample_rate - executions per second at sample @i of @sr: over the last
 * five seconds or more of its execution count, else what the fuzzer
 * reported; negative when neither is known.
 */
double sample_rate(const struct series *sr, size_t i);

/*
 * chart_svg - @c's progress as one SVG document (gnuplot's svg terminal,
 * no scripts, no external fonts): three panels, a line per instance;
 * malloc'd, *@len its length. NULL with the reason in @why when gnuplot
 * is missing or fails, or there is nothing to draw.
 */
char *chart_svg(const struct campaign *c, size_t *len, char *why, size_t whylen);

#endif
