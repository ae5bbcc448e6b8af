// SPDX-License-Identifier: GPL-2.0-only
/* The input codecs: any bytes decode or are rejected, decoded inputs read back as text and re-encode to themselves. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "input/targets.h"

int check_failures;
int check_count;

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	return xorshift64(&rng);
}

/* The scenario as text: what a reader sees, and the equality the tests use. */
static char *text_of(const struct scenario *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	scenario_write(f, s);
	fclose(f);
	return buf;
}

/* decode -> text -> parse -> encode -> decode gives the same scenario. */
static void roundtrip(const struct fuzz_target *t, const uint8_t *in, size_t len)
{
	static struct scenario a, b, c;
	static uint8_t out[CODEC_MAX_SIZE];
	char err[256], *ta, *tb, *tc;
	long n;

	if (t->decode(in, len, &a, err, sizeof(err)))
		return;
	ta = text_of(&a);
	TEST_CHECK(!scenario_parse(ta, &b, err, sizeof(err)),
		   "%s: the text of a decoded input parses: %s\n%s", t->name, err, ta);
	tb = text_of(&b);
	TEST_CHECK(!strcmp(ta, tb), "%s: text reads back the same\n%s---\n%s", t->name, ta, tb);
	n = t->encode(&b, out, err, sizeof(err));
	TEST_CHECK(n > 0, "%s: a decoded input encodes: %s", t->name, err);
	if (n > 0) {
		TEST_CHECK(!t->decode(out, (size_t)n, &c, err, sizeof(err)),
			   "%s: an encoded input decodes: %s", t->name, err);
		tc = text_of(&c);
		TEST_CHECK(!strcmp(ta, tc), "%s: re-encoding keeps the scenario\n%s---\n%s",
			   t->name, ta, tc);
		free(tc);
	}
	free(ta);
	free(tb);
}

static void test_random(const struct fuzz_target *t, size_t max)
{
	static uint8_t buf[CODEC_MAX_SIZE + 64];
	int i, accepted = 0, before = check_failures;
	struct scenario s;
	char err[256];

	for (i = 0; i < 20000 && check_failures == before; i++) {
		size_t len = next() % (max + 8), k;

		for (k = 0; k < len; k++)
			buf[k] = (uint8_t)next();
		if (t == &fuzz_targets[TARGET_scenario] && len && next() % 4)
			buf[0] = CODEC_VERSION;
		if (!t->decode(buf, len, &s, err, sizeof(err)))
			accepted++;
		else
			TEST_CHECK(err[0], "%s: a rejection says why", t->name);
		roundtrip(t, buf, len);
	}
	TEST_CHECK(accepted > 1000, "%s: random inputs mostly decode (%d)", t->name, accepted);
}

static void test_layout(void)
{
	size_t i;
	int ints = 0, bools = 0;

	for (i = 0; i < nr_config_keys; i++) {
		if (config_keys[i].type == CK_INT)
			ints++;
		else
			bools++;
	}
	TEST_CHECK(ints == CODEC_NR_INTS, "the header holds every integer key (%d)", ints);
	TEST_CHECK(bools == CODEC_NR_BOOLS, "the header holds every boolean key (%d)", bools);
}

static void test_rejects(void)
{
	uint8_t buf[CODEC_HEADER_SIZE] = { CODEC_VERSION };
	struct scenario s;
	char err[256];

	TEST_CHECK(scenario_decode(buf, CODEC_HEADER_SIZE - 1, &s, err, sizeof(err)) &&
		   strstr(err, "shorter"), "a short input is rejected: %s", err);
	buf[0] = CODEC_VERSION + 1;
	TEST_CHECK(scenario_decode(buf, CODEC_HEADER_SIZE, &s, err, sizeof(err)) &&
		   strstr(err, "version"), "another format version is rejected: %s", err);
	buf[0] = CODEC_VERSION;
	TEST_CHECK(!scenario_decode(buf, CODEC_HEADER_SIZE, &s, err, sizeof(err)) &&
		   s.nr_ops == 0, "a bare header is a scenario without operations");
	TEST_CHECK(args_decode(buf, ARGS_MIN_SIZE - 1, &s, err, sizeof(err)),
		   "a short args input is rejected");
	TEST_CHECK(args_decode(buf, ARGS_MAX_SIZE + 1, &s, err, sizeof(err)),
		   "a long args input is rejected");
}

/* Small mutations stay meaningful: each field of an op is its own bytes. */
static void test_fields(void)
{
	uint8_t buf[CODEC_HEADER_SIZE + CODEC_OP_SIZE] = { CODEC_VERSION, 1 };
	uint8_t *op = buf + CODEC_HEADER_SIZE;
	struct scenario s;
	char err[256];

	op[2] = SITE_dup_mm;
	op[8] = SIGCHLD;
	op[9] = 0x01;	/* CLONE_VM */
	TEST_CHECK(!scenario_decode(buf, sizeof(buf), &s, err, sizeof(err)), "decodes");
	TEST_CHECK(s.profile == profiles[1] && s.nr_ops == 1, "profile byte and one op");
	TEST_CHECK(s.ops[0].plan.site == SITE_dup_mm, "fail site byte");
	TEST_CHECK(s.ops[0].call.flags == (0x100 | SIGCHLD), "flags bytes");
	op[0] = 1;
	TEST_CHECK(!scenario_decode(buf, sizeof(buf), &s, err, sizeof(err)) && !s.nr_ops,
		   "an exit before any clone is dropped");
	op[0] = 0;
	op[2] = SITE_none + 0;
	buf[CODEC_INTS_AT] = 7;	/* the first integer key, uid */
	TEST_CHECK(!scenario_decode(buf, sizeof(buf), &s, err, sizeof(err)) && s.cfg.uid == 7,
		   "uid bytes");
}

/* The dictionary's whole operations decode to what their names say. */
static void test_dict_ops(void)
{
	uint8_t buf[CODEC_HEADER_SIZE + 2 * CODEC_OP_SIZE] = { CODEC_VERSION, 1 };
	struct scenario s;
	char err[256];

	codec_op_fork(buf + CODEC_HEADER_SIZE);
	codec_op_exit(buf + CODEC_HEADER_SIZE + CODEC_OP_SIZE);
	TEST_CHECK(!scenario_decode(buf, sizeof(buf), &s, err, sizeof(err)) && s.nr_ops == 2,
		   "op_fork and op_exit decode to two operations");
	TEST_CHECK(s.ops[0].kind == OP_CLONE && s.ops[0].task == 0 &&
		   s.ops[0].call.flags == SIGCHLD && s.ops[0].plan.site == SITE_none,
		   "op_fork is clone(SIGCHLD) by the caller without a fault");
	TEST_CHECK(s.ops[1].kind == OP_EXIT && s.ops[1].task == 1, "op_exit is task 1 exiting");
}

int main(void)
{
	test_layout();
	test_dict_ops();
	test_rejects();
	test_fields();
	test_random(&fuzz_targets[TARGET_scenario], CODEC_HEADER_SIZE + 6 * CODEC_OP_SIZE);
	test_random(&fuzz_targets[TARGET_args], ARGS_MAX_SIZE);
	return check_report("test_codec");
}
