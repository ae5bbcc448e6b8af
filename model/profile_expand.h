/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Expands the version table named by PROFILE_TABLE into static arrays and
 * PROFILE_TABLES, the initialiser of their struct profile fields. Include it
 * once from the version's table.c.
 */
#include "profile.h"

#define CHECK_ROW(c, e, l, d)
#define SITE_ROW(s, e, l)
#define LABEL_ROW(l)
#define REL_ROW(l, k, c, call)
#define DEFECT_ROW(n, v, k, d)
#define DEFECT_AT(n, v, k, s, d)
#define SIGNAL_ROW(s)

#undef CHECK_ROW
#define CHECK_ROW(c, e, l, d) { CHECK_##c, e, L_##l, d },
static const struct check_row table_checks[] = {
#include PROFILE_TABLE
};
#undef CHECK_ROW
#define CHECK_ROW(c, e, l, d)

#undef SITE_ROW
#define SITE_ROW(s, e, l) { SITE_##s, e, L_##l },
static const struct site_row table_sites[] = {
#include PROFILE_TABLE
};
#undef SITE_ROW
#define SITE_ROW(s, e, l)

#undef LABEL_ROW
#define LABEL_ROW(l) L_##l,
static const int table_labels[] = {
#include PROFILE_TABLE
};
#undef LABEL_ROW
#define LABEL_ROW(l)

#undef REL_ROW
#define REL_ROW(l, k, c, call) { L_##l, KIND_##k, RC_##c, call },
static const struct rel_row table_rels[] = {
#include PROFILE_TABLE
};
#undef REL_ROW
#define REL_ROW(l, k, c, call)

#undef DEFECT_ROW
#undef DEFECT_AT
#define DEFECT_ROW(n, v, k, d) { #n, V_##v, KIND_##k, SITE_none, d },
#define DEFECT_AT(n, v, k, s, d) { #n, V_##v, KIND_##k, SITE_##s, d },
static const struct defect_row table_defects[] = {
#include PROFILE_TABLE
};
#undef DEFECT_ROW
#undef DEFECT_AT
#define DEFECT_ROW(n, v, k, d)
#define DEFECT_AT(n, v, k, s, d)

#undef SIGNAL_ROW
#define SIGNAL_ROW(s) SITE_##s,
static const int table_signal_sites[] = {
#include PROFILE_TABLE
};
#undef SIGNAL_ROW

#undef CHECK_ROW
#undef SITE_ROW
#undef LABEL_ROW
#undef REL_ROW
#undef DEFECT_ROW
#undef DEFECT_AT

static struct profile_index table_index;

#define TABLE_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define PROFILE_TABLES							\
	.checks = table_checks, .nr_checks = TABLE_LEN(table_checks),	\
	.sites = table_sites, .nr_sites = TABLE_LEN(table_sites),	\
	.labels = table_labels, .nr_labels = TABLE_LEN(table_labels),	\
	.rels = table_rels, .nr_rels = TABLE_LEN(table_rels),		\
	.defects = table_defects, .nr_defects = TABLE_LEN(table_defects), \
	.signal_sites = table_signal_sites,				\
	.nr_signal_sites = TABLE_LEN(table_signal_sites),		\
	.index = &table_index
