// SPDX-License-Identifier: GPL-2.0-only
/* The bug catalog's table, expanded from bugs.def, and its lookups. */
#include <string.h>

#include "bug.h"
#include "profile.h"

const struct bug_info bug_infos[NR_BUGS] = {
	[BUG_none] = { "none", "", "the faithful model", "" },
#define BUG(n, v, d, p) [BUG_##n] = { #n, v, d, p },
#include "bugs.def"
#undef BUG
};

int model_bug;
bool bug_reached;

int bug_by_name(const char *name)
{
	int i;

	for (i = 0; i < NR_BUGS; i++)
		if (!strcmp(bug_infos[i].name, name))
			return i;
	return -1;
}

bool bug_applies(int b, const struct profile *p)
{
	const char *v = bug_infos[b].versions;
	size_t n = strlen(p->name);

	while (v && *v) {
		if (!strncmp(v, p->name, n) && (v[n] == ',' || !v[n]))
			return true;
		v = strchr(v, ',');
		if (v)
			v++;
	}
	return false;
}
