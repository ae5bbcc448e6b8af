/* SPDX-License-Identifier: GPL-2.0-only */
/* The bug catalog: which seeded bug is switched into the model, if any. */
#ifndef CLONEFUZZ_BUG_H
#define CLONEFUZZ_BUG_H

#include <stdbool.h>

enum bug_id {
	BUG_none,
#define BUG(n, v, d, p) BUG_##n,
#include "bugs.def"
#undef BUG
	NR_BUGS
};

struct bug_info {
	const char *name, *versions, *desc, *provenance;
};

extern const struct bug_info bug_infos[NR_BUGS];
extern int model_bug;		/* enum bug_id in force */
extern bool bug_reached;	/* the active bug's code ran since it was last cleared */

/* bug_on - is bug @b switched in; for the active one, its code was reached. */
static inline bool bug_on(int b)
{
	if (model_bug != b)
		return false;
	bug_reached = true;
	return true;
}

int bug_by_name(const char *name);	/* BUG_*, or -1 */

struct profile;
bool bug_applies(int b, const struct profile *p);

#endif
