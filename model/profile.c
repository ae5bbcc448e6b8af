// SPDX-License-Identifier: GPL-2.0-only
/* The registry of modelled kernel versions and lookups into their tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile.h"
#include "world.h"

extern const struct profile profile_v2_6_32;
extern const struct profile profile_v4_0;
extern const struct profile profile_v6_18;
#ifdef CLONEFUZZ_SOURCE_PROFILE
extern const struct profile profile_source;	/* a build with clonefuzz source's profile.c */
#endif

const struct profile *const profiles[] = {
	&profile_v2_6_32,
	&profile_v4_0,
	&profile_v6_18,
#ifdef CLONEFUZZ_SOURCE_PROFILE
	&profile_source,
#endif
};
const size_t nr_profiles = sizeof(profiles) / sizeof(profiles[0]);

const struct profile *profile = &profile_v4_0;

const char *const rel_cond_names[NR_RCS] = {
#define REL_COND(t, w) [RC_##t] = w,
	REL_CONDS
#undef REL_COND
};

const char *const rel_cond_tokens[NR_RCS] = {
#define REL_COND(t, w) [RC_##t] = #t,
	REL_CONDS
#undef REL_COND
};

bool user_access_ok(unsigned long long addr, unsigned long long len)
{
	return addr >= USER_MMAP_MIN_ADDR && addr < TASK_SIZE_MAX &&
	       len <= TASK_SIZE_MAX - addr;
}

void clone_call_legacy(struct clone_call *c, unsigned long long flags,
		       unsigned long tls)
{
	memset(c, 0, sizeof(*c));
	c->entry = ENTRY_clone;
	c->flags = flags;
	c->tls = tls;
	c->parent_tid = USER_PTR_VALID + 0x3000;
	c->child_tid = USER_PTR_VALID + 0x2000;
}

void clone_call_clone3(struct clone_call *c)
{
	memset(c, 0, sizeof(*c));
	c->entry = ENTRY_clone3;
	c->size = CLONE_ARGS_SIZE_VER2;
	c->uargs = USER_PTR_VALID + 0x5000;
}

const struct profile *profile_find(const char *name)
{
	size_t i;

	for (i = 0; i < nr_profiles; i++)
		if (!strcmp(profiles[i]->name, name))
			return profiles[i];
	return NULL;
}

const struct site_row *profile_site(const struct profile *p, int site)
{
	if (site <= 0 || site >= NR_SITES)
		return NULL;
	return profile_index(p)->site[site];
}

const struct check_row *profile_check(const struct profile *p, int check)
{
	size_t i;

	for (i = 0; i < p->nr_checks; i++)
		if (p->checks[i].check == check)
			return &p->checks[i];
	return NULL;
}

const struct profile_index *profile_index_build(const struct profile *p)
{
	struct profile_index *x = p->index;
	size_t i;

	if (x->ready)
		return x;
	if (p->nr_rels > PROFILE_MAX_RELS || p->nr_labels >= PROFILE_MAX_LABELS) {
		fprintf(stderr, "clonefuzz: profile %s: tables larger than its index\n", p->name);
		abort();
	}
	memset(x->label_pos, -1, sizeof(x->label_pos));
	memset(x->max_rel_pos, -1, sizeof(x->max_rel_pos));
	for (i = 0; i < p->nr_labels; i++)
		if (x->label_pos[p->labels[i]] < 0)
			x->label_pos[p->labels[i]] = (signed char)i;
	for (i = 0; i < p->nr_sites; i++)
		if (!x->site[p->sites[i].site])
			x->site[p->sites[i].site] = &p->sites[i];
	for (i = 0; i < p->nr_rels; i++) {
		int k = p->rels[i].kind;

		x->rel_pos[i] = x->label_pos[p->rels[i].label];
		if (x->nr_kind_rels[k] == PROFILE_MAX_KIND_RELS) {
			fprintf(stderr, "clonefuzz: profile %s: more release rows of one kind than its index holds\n",
				p->name);
			abort();
		}
		x->kind_rels[k][x->nr_kind_rels[k]++] = (unsigned char)i;
		if (x->rel_pos[i] > x->max_rel_pos[k])
			x->max_rel_pos[k] = x->rel_pos[i];
	}
	for (i = 0; i < NR_KINDS; i++) {
		int pos;

		if (x->max_rel_pos[i] < 0)
			continue;	/* no label releases it */
		for (pos = x->max_rel_pos[i] + 1; pos < PROFILE_MAX_LABELS; pos++)
			x->released_above[pos] |= 1ULL << i;
	}
	x->ready = true;
	return x;
}

const struct defect_row *profile_defect(const struct profile *p,
					const char *name)
{
	size_t i;

	for (i = 0; i < p->nr_defects; i++)
		if (!strcmp(p->defects[i].name, name))
			return &p->defects[i];
	return NULL;
}
