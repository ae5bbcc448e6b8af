// SPDX-License-Identifier: GPL-2.0-only
/* fuzz_one(): decode an input, run it under every oracle, and abort with a readable report if one fires. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bug.h"
#include "ledger.h"
#include "mutant.h"
#include "profile.h"
#include "fuzz.h"
#include "run/report.h"

/*
 * Canaries for the detection benchmark ($CLONEFUZZ_CANARY_DIR): the first
 * time the active bug's code is reached, the first input on which it changes
 * what the model does (its results differ from the faithful model's), and the
 * first detection, each a file holding the wall-clock time, written once.
 */
static const char *canary_dir;
static bool reach_done, trigger_done;

static void canary(const char *what)
{
	char path[4096], stamp[64];
	struct timespec ts;
	int fd, n;

	snprintf(path, sizeof(path), "%s/%s", canary_dir, what);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	n = snprintf(stamp, sizeof(stamp), "%lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
	if (write(fd, stamp, (size_t)n) != n)
		n = 0;
	close(fd);
}

/* Does the faithful model make an oracle fire on @s as well? */
static bool faithful_fires(const struct scenario *s)
{
	struct run_summary sum;
	int bug = model_bug;

	model_bug = BUG_none;
	run_scenario(s, NULL, NULL, &sum);
	model_bug = bug;
	return sum.violations > 0;
}

/*
 * The detection benchmark's canaries: the first input that reaches the bug's
 * code, the first that makes the model behave otherwise than without the bug
 * (triggered), the first an oracle fires on (detected). An oracle that fires
 * on the faithful model too is a false alarm, not a detection of the bug.
 */
static void canaries(const struct scenario *s, bool detected)
{
	int bug = model_bug;
	uint64_t with, without;

	if (!canary_dir || !bug)
		return;
	if (detected && faithful_fires(s)) {
		canary("false_alarm");
		return;
	}
	if (!bug_reached)
		return;
	if (!reach_done) {
		canary("reached");
		reach_done = true;
	}
	if (!trigger_done && !detected) {
		with = run_scenario_digest(s);
		model_bug = BUG_none;
		without = run_scenario_digest(s);
		model_bug = bug;
		if (with == without)
			return;
	}
	if (!trigger_done) {
		canary("triggered");
		trigger_done = true;
	}
	if (detected)
		canary("detected");
}

struct fuzz_state {
	const struct scenario *s;
	int reported;
};

void fuzz_init(void)
{
	const char *spec = getenv("CLONEFUZZ_MUTANT");
	const char *bug = getenv("CLONEFUZZ_BUG");
	const char *no_oracles = getenv("CLONEFUZZ_NO_ORACLES");
	char err[256];
	size_t i;

	if (codec_profile_from_env())
		exit(2);
	if (bug) {
		model_bug = bug_by_name(bug);
		if (model_bug < 0) {
			fprintf(stderr, "clonefuzz: CLONEFUZZ_BUG: unknown bug '%s'\n", bug);
			exit(2);
		}
	}
	canary_dir = getenv("CLONEFUZZ_CANARY_DIR");
	if (no_oracles && *no_oracles && strcmp(no_oracles, "0")) {
		run_oracles = false;
		fprintf(stderr, "clonefuzz: CLONEFUZZ_NO_ORACLES is set: the model runs with no oracle and nothing can be detected (for measuring what the oracles cost)\n");
	}
	/* the lookups every input uses, made before the first one runs */
	for (i = 0; i < nr_profiles; i++)
		profile_index(profiles[i]);
	ledger_reset();	/* its storage too: the first input finds it made */
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
	bug_reached = false;
	run_scenario(&s, on_result, &st, &sum);
	canaries(&s, sum.violations > 0);
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
