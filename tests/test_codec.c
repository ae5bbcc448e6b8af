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

static const uint8_t *whole_op(const struct codec_whole_op *ops, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(ops[i].name, name))
			return ops[i].op;
	TEST_CHECK(0, "no whole operation %s", name);
	return ops[0].op;
}

/* The dictionary's whole operations decode to what their names say. */
static void test_dict_ops(void)
{
	uint8_t buf[CODEC_HEADER_SIZE + 2 * CODEC_OP_SIZE] = { CODEC_VERSION, 1 };
	struct codec_whole_op ops[CODEC_MAX_WHOLE_OPS];
	size_t n = codec_whole_ops(ops, CODEC_MAX_WHOLE_OPS), i;
	const struct clone_call *c;
	struct scenario s;
	char err[256];

	TEST_CHECK(n < CODEC_MAX_WHOLE_OPS, "%zu whole operations fill the table", n);
	memcpy(buf + CODEC_HEADER_SIZE, whole_op(ops, n, "op_fork"), CODEC_OP_SIZE);
	memcpy(buf + CODEC_HEADER_SIZE + CODEC_OP_SIZE, whole_op(ops, n, "op_exit"), CODEC_OP_SIZE);
	TEST_CHECK(!scenario_decode(buf, sizeof(buf), &s, err, sizeof(err)) && s.nr_ops == 2,
		   "op_fork and op_exit decode to two operations");
	TEST_CHECK(s.ops[0].kind == OP_CLONE && s.ops[0].task == 0 &&
		   s.ops[0].call.flags == SIGCHLD && s.ops[0].plan.site == SITE_none,
		   "op_fork is clone(SIGCHLD) by the caller without a fault");
	TEST_CHECK(s.ops[1].kind == OP_EXIT && s.ops[1].task == 1, "op_exit is task 1 exiting");

	/* every clone3 one is a call v6.18 makes as named: flags, descriptor, set_tid */
	buf[1] = (uint8_t)(nr_profiles - 1);
	for (i = 0; i < n; i++) {
		if (strncmp(ops[i].name, "op_clone3", 9))
			continue;
		memcpy(buf + CODEC_HEADER_SIZE, ops[i].op, CODEC_OP_SIZE);
		TEST_CHECK(!scenario_decode(buf, CODEC_HEADER_SIZE + CODEC_OP_SIZE, &s, err,
					    sizeof(err)) && s.nr_ops == 1 &&
			   s.ops[0].kind == OP_CLONE3 && s.ops[0].task == 0 &&
			   s.ops[0].plan.site == SITE_none,
			   "%s is not one clone3 by the caller on %s", ops[i].name, s.profile->name);
		c = &s.ops[0].call;
		TEST_CHECK(c->exit_signal == SIGCHLD && c->size == CLONE_ARGS_SIZE_VER2 &&
			   c->uargs && (c->flags & CSIGNAL & ~CLONE_NEWTIME) == 0,
			   "%s: not a plain clone3 form", ops[i].name);
		if (strstr(ops[i].name, "pidfd"))
			TEST_CHECK(c->flags == CLONE_PIDFD && user_access_ok(c->pidfd, 4),
				   "%s: no valid pidfd pointer", ops[i].name);
		if (strstr(ops[i].name, "cgroup_fd"))
			TEST_CHECK(c->flags == CLONE_INTO_CGROUP &&
				   c->cgroup == strtoull(strstr(ops[i].name, "fd") + 2, NULL, 10),
				   "%s: not CLONE_INTO_CGROUP with that descriptor", ops[i].name);
		if (strstr(ops[i].name, "set_tid"))
			TEST_CHECK(c->set_tid_size >= 1 && c->set_tid_vals[0] == 1 &&
				   user_access_ok(c->set_tid, 4 * c->set_tid_size),
				   "%s: no set_tid list", ops[i].name);
	}
}

/* The shape-keeping mutations: within bounds, whole operations only, always decodable. */
static void test_mutate_ops(void)
{
	static uint8_t buf[CODEC_MAX_SIZE];
	static struct scenario s;
	size_t size = 0, n, max = sizeof(buf);
	int k, grown = 0, shrunk = 0;
	char err[256];

	for (k = 0; k < 20000; k++) {
		n = codec_mutate_ops(buf, size, max, next());
		if (!n)
			continue;
		TEST_CHECK(n <= max && n >= CODEC_HEADER_SIZE &&
			   (n - CODEC_HEADER_SIZE) % CODEC_OP_SIZE == 0,
			   "a mutation left %zu bytes", n);
		TEST_CHECK(!scenario_decode(buf, n, &s, err, sizeof(err)),
			   "a mutated input does not decode: %s", err);
		grown += n > size;
		shrunk += n < size;
		size = n;
	}
	TEST_CHECK(grown > 100 && shrunk > 100, "mutations grew %d and shrank %d inputs", grown,
		   shrunk);
	buf[0] = CODEC_VERSION + 1;
	TEST_CHECK(!codec_mutate_ops(buf, size, max, 1), "another format version was mutated");
}

int main(void)
{
	test_layout();
	test_dict_ops();
	test_mutate_ops();
	test_rejects();
	test_fields();
	test_random(&fuzz_targets[TARGET_scenario], CODEC_HEADER_SIZE + 6 * CODEC_OP_SIZE);
	test_random(&fuzz_targets[TARGET_args], ARGS_MAX_SIZE);
	return check_report("test_codec");
}
