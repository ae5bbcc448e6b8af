// SPDX-License-Identifier: GPL-2.0-only
/* The oracles' incremental checks and their paranoid full recount give the same verdicts, faithful model, bugs and mutants alike. */
#include <stdlib.h>
#include <string.h>

#include "bug.h"
#include "check.h"
#include "input/codec.h"
#include "input/targets.h"
#include "mutant.h"
#include "oracle/oracle_holds.h"
#include "run/dirlist.h"
#include "run/run.h"
#include "setup.h"
#include "world.h"

int check_failures;
int check_count;

struct input {
	uint8_t *data;
	size_t len;
	char name[64];
};

static struct input *inputs;
static size_t nr_inputs, cap_inputs;
static int runs, runs_fired;

static void add_input(const uint8_t *data, size_t len, const char *name)
{
	struct input *in;

	if (nr_inputs == cap_inputs) {
		cap_inputs = cap_inputs ? 2 * cap_inputs : 1024;
		inputs = realloc(inputs, cap_inputs * sizeof(*inputs));
		if (!inputs)
			abort();
	}
	in = &inputs[nr_inputs++];
	in->data = malloc(len ? len : 1);
	if (!in->data)
		abort();
	memcpy(in->data, data, len);
	in->len = len;
	snprintf(in->name, sizeof(in->name), "%s", name);
}

static void add_dir(const char *dir)
{
	static uint8_t buf[CODEC_MAX_SIZE];
	size_t n, i, len;
	char **files = dir_files(dir, &n);

	TEST_CHECK(files && n > 0, "no inputs in %s", dir);
	for (i = 0; files && i < n; i++) {
		FILE *f = fopen(files[i], "rb");

		if (!f)
			continue;
		len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		add_input(buf, len, strrchr(files[i], '/') + 1);
	}
	if (files)
		dir_files_free(files, n);
}

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t next(void)
{
	return xorshift64(&rng);
}

/* Random byte strings with the format's version byte: every one decodes. */
static void add_random(int count)
{
	static uint8_t buf[CODEC_MAX_SIZE];
	char name[32];
	size_t len, i;
	int k;

	for (k = 0; k < count; k++) {
		len = CODEC_HEADER_SIZE + (next() % 24) * CODEC_OP_SIZE;
		for (i = 0; i < len; i++)
			buf[i] = (uint8_t)next();
		buf[0] = CODEC_VERSION;
		snprintf(name, sizeof(name), "random-%d", k);
		add_input(buf, len, name);
	}
}

static void sum_violations(const struct op_result *r, void *arg)
{
	*(int *)arg += r->nr_v;
}

/* One input in both modes: the digests cover every operation's result, labels and messages. */
static void compare(const struct scenario *s, const char *name, const char *what)
{
	struct run_summary sum;
	uint64_t fast, full;
	int fired = 0;

	oracle_set_paranoid(false);
	fast = run_scenario_digest(s);
	oracle_set_paranoid(true);
	full = run_scenario_digest(s);
	run_scenario(s, sum_violations, &fired, &sum);
	runs++;
	runs_fired += fired > 0;
	TEST_CHECK(fast == full, "%s under %s: the incremental and the full checks disagree", name,
		   what);
}

static void over_inputs(const char *what, size_t step)
{
	const struct fuzz_target *t = fuzz_target_find("fuzz_scenario");
	static struct scenario s;
	char err[256];
	size_t i;

	for (i = 0; i < nr_inputs; i += step)
		if (!t->decode(inputs[i].data, inputs[i].len, &s, err, sizeof(err)))
			compare(&s, inputs[i].name, what);
}

static int recounts(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
	int found = 0;

	for (i = 0; i < n; i++)
		found += ledger.v[i].type == V_recount;
	ledger.nr_v = 0;
	return found;
}

/*
 * A holder that passed is compared again when an event names it as an
 * owner; a field changed behind the ledger's back is found by the full
 * recount (the end of every scenario) and by the paranoid switch after
 * every operation. The model broken by hand after the first check.
 */
static void recount_sees_changes(void)
{
	struct world_config c;
	struct task_struct *t;
	struct fs_struct *fs;

	oracle_set_paranoid(false);
	world_config_default(&c);
	world_setup(&c);
	t = world.scn[0];
	oracle_world_check(NULL);
	TEST_CHECK(recounts() == 0, "the baseline world fails its recount");

	hold_get(&t->files->obj, &t->obj, HOLD_REF);
	oracle_world_check(NULL);
	TEST_CHECK(recounts() == 1, "a hold taken with no field to explain it went unseen");
	hold_put(&t->files->obj, &t->obj, HOLD_REF);
	oracle_world_check(NULL);
	TEST_CHECK(recounts() == 0, "the holder, mended, still fails");

	fs = t->fs;
	t->fs = NULL;
	oracle_world_check_full();
	TEST_CHECK(recounts() == 1, "the full recount missed a field cleared with its hold kept");
	oracle_set_paranoid(true);
	oracle_world_check(NULL);
	TEST_CHECK(recounts() == 1, "the paranoid recount missed a field cleared with its hold kept");
	oracle_set_paranoid(false);
	t->fs = fs;
	oracle_world_check_full();
	TEST_CHECK(recounts() == 0, "the holder, mended, still fails");

	/* a holder named by an event is compared though it passed unchanged before */
	hold_put(&t->fs->obj, &t->obj, HOLD_REF);
	oracle_world_check(NULL);
	TEST_CHECK(recounts() == 1, "a hold dropped with its field kept went unseen");
	ledger_reset();
}

int main(int argc, char **argv)
{
	char dir[4096], spec[128];
	size_t nr_corpus, p, r;
	int b, fired;

	if (argc != 2) {
		fprintf(stderr, "usage: test_paranoid SOURCE_DIR\n");
		return 2;
	}
	recount_sees_changes();
	snprintf(dir, sizeof(dir), "%s/corpus/fuzz_scenario", argv[1]);
	add_dir(dir);
	snprintf(dir, sizeof(dir), "%s/corpus/bench/fuzz_scenario", argv[1]);
	add_dir(dir);
	nr_corpus = nr_inputs;
	add_random(2000);

	over_inputs("the faithful model", 1);
	TEST_CHECK(runs > 3000, "only %d inputs compared", runs);

	/* every bug, over half the committed inputs (the seeds that reach each are among them) */
	fired = runs_fired;
	nr_inputs = nr_corpus;
	for (b = 1; b < NR_BUGS; b++) {
		model_bug = b;
		over_inputs(bug_infos[b].name, 2);
	}
	model_bug = BUG_none;
	TEST_CHECK(runs_fired - fired > 100, "the bugs made only %d runs fire", runs_fired - fired);

	/* every mutant a version's release table allows, over a sixth of them */
	fired = runs_fired;
	for (p = 0; p < nr_profiles; p++) {
		for (r = 0; r < profiles[p]->nr_rels; r++) {
			char err[256];

			snprintf(spec, sizeof(spec), "drop:%s:%s", label_names[profiles[p]->rels[r].label],
				 kind_names[profiles[p]->rels[r].kind]);
			if (mutant_parse(spec, &model_mutant, err, sizeof(err)))
				continue;
			over_inputs(spec, 6);
		}
	}
	model_mutant = (struct mutant){ .type = MUT_NONE };
	TEST_CHECK(runs_fired - fired > 100, "the mutants made only %d runs fire", runs_fired - fired);

	printf("test_paranoid: %d inputs run in both modes, %d with violations\n", runs, runs_fired);
	return check_report("test_paranoid");
}
