// SPDX-License-Identifier: GPL-2.0-only
/* fuzz_one(): decode an input, run it under every oracle, and abort with a readable report if one fires. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bug.h"
#include "mutant.h"
#include "report.h"
#include "targets.h"

struct fuzz_state {
	const struct scenario *s;
	int reported;
};

void fuzz_init(void)
{
	const char *spec = getenv("CLONEFUZZ_MUTANT");
	const char *bug = getenv("CLONEFUZZ_BUG");
	char err[256];

	if (bug) {
		model_bug = bug_by_name(bug);
		if (model_bug < 0) {
			fprintf(stderr, "clonefuzz: CLONEFUZZ_BUG: unknown bug '%s'\n", bug);
			exit(2);
		}
	}
	if (!spec)
		return;
	if (mutant_parse(spec, &model_mutant, err, sizeof(err))) {
		fprintf(stderr, "clonefuzz: CLONEFUZZ_MUTANT: %s\n", err);
		exit(2);
	}
}

static void on_result(const struct op_result *r, void *arg)
{
	struct fuzz_state *st = arg;
	int i;

	for (i = 0; i < r->nr_v; i++) {
		if (r->known[i])
			continue;
		fputs("clonefuzz: ", stderr);
		report_violation(stderr, st->s, r, i);
		st->reported++;
	}
}

int fuzz_one(const struct fuzz_target *t, const uint8_t *data, size_t size)
{
	static struct scenario s;
	struct fuzz_state st = { .s = &s };
	struct run_summary sum;
	char err[256], m[128];

	if (t->decode(data, size, &s, err, sizeof(err)))
		return 0;
	run_scenario(&s, on_result, &st, &sum);
	if (!sum.violations)
		return 0;
	if (sum.violations > st.reported)
		fprintf(stderr, "clonefuzz: VIOLATION: %d more not kept\n",
			sum.violations - st.reported);
	mutant_format(&model_mutant, m, sizeof(m));
	fprintf(stderr, "clonefuzz: %s: an oracle fired (mutant: %s); the input as a scenario:\n",
		t->name, m);
	scenario_write(stderr, &s);
	fflush(stderr);
	abort();
}
