// SPDX-License-Identifier: GPL-2.0-only
/* The lint pair table and the models speak one vocabulary: every release a model's ladder makes is a pair row, every step maps to a real site. */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "lint/lint.h"
#include "profile.h"

int check_failures;
int check_count;

/* Some identifier of a REL_ROW's call text ("mm_clear_owner; mmput") is a PAIR_REL call. */
static bool names_a_release(const char *text)
{
	char id[64];
	const char *p = text;

	while (*p) {
		size_t n = 0;

		if (!isalpha((unsigned char)*p) && *p != '_') {
			p++;
			continue;
		}
		while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof(id))
			id[n++] = *p++;
		id[n] = 0;
		if (lint_release_of(id) >= 0)
			return true;
	}
	return false;
}

static bool is_site(const char *name)
{
	int s;

	for (s = 0; s < NR_SITES; s++)
		if (site_names[s] && !strcmp(site_names[s], name))
			return true;
	return false;
}

int main(void)
{
	const char *site, *call;
	size_t i, k;

	for (i = 0; i < nr_profiles; i++) {
		const struct profile *p = profiles[i];

		for (k = 0; k < p->nr_rels; k++)
			TEST_CHECK(names_a_release(p->rels[k].call),
				   "%s: REL_ROW(%s, %s, \"%s\") has a release row in model/pairs.def",
				   p->name, label_names[p->rels[k].label],
				   kind_names[p->rels[k].kind], p->rels[k].call);
	}
	for (i = 0; (call = lint_step_row(i, &site)); i++)
		TEST_CHECK(is_site(site), "PAIR_STEP(\"%s\", %s) names a model site", call, site);
	TEST_CHECK(lint_release_of("exit_files") == LR_files_struct &&
		   lint_release_of("copy_files") < 0, "exit_files releases files_struct; copy_files none");
	return check_report("test_pairs");
}
