// SPDX-License-Identifier: GPL-2.0-only
/* The scenario runner: one fresh world, every operation under the oracles, then teardown to the baseline. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "exit.h"
#include "helpers.h"
#include "oracle/oracle.h"
#include "run.h"
#include "setup.h"

bool run_oracles = true;

/* A fresh result: its arrays (kilobytes of them) are read only up to their counts. */
static void op_result_clear(struct op_result *r)
{
	memset(r, 0, offsetof(struct op_result, v));
	r->nr_notes = 0;
}

static void collect(struct op_result *r, struct run_summary *sum)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;

	r->nr_v = (int)n;
	for (i = 0; i < n; i++) {
		r->v[i] = ledger.v[i];
		r->known[i] = oracle_known_defect(profile, &ledger.v[i]);
		if (r->known[i])
			sum->known_defects++;
		else
			sum->violations++;
	}
	if (ledger.nr_v > n)
		sum->violations += (int)(ledger.nr_v - n);
	ledger.nr_v = 0;
}

static void note(struct op_result *r, const char *fmt, const char *a, const char *b)
{
	if (r->nr_notes < MAX_OP_NOTES)
		snprintf(r->notes[r->nr_notes++], sizeof(r->notes[0]), fmt, a, b);
}

/* Name the first label where the run left the expected ladder. */
static void note_labels(const struct op *op, struct op_result *r)
{
	char want[96], got[96];
	int i;

	for (i = 0; i < op->nr_expect_labels && i < r->nr_labels; i++)
		if (op->expect_label[i] != r->labels[i])
			break;
	snprintf(want, sizeof(want), "%d labels, #%d %s", op->nr_expect_labels, i + 1,
		 i < op->nr_expect_labels ? label_names[op->expect_label[i]] : "(end)");
	snprintf(got, sizeof(got), "%d, #%d %s", r->nr_labels, i + 1,
		 i < r->nr_labels ? label_names[r->labels[i]] : "(end)");
	note(r, "expected %s; ran %s", want, got);
}

static const char *result_name(long ret)
{
	return ret >= 0 ? "success" : errno_name((int)-ret) ? errno_name((int)-ret) : "?";
}

static const char *at_name(int check, int site)
{
	return check ? check_names[check] : site ? site_names[site] : "none";
}

static void check_expectations(const struct op *op, struct op_result *r)
{
	int i;

	if (op->expect) {
		long want = op->expect_err ? -op->expect_err : 0;

		if ((want == 0) != (r->ret >= 0) || (want && r->ret != want))
			note(r, "expected %s, got %s",
			     op->expect_err ? errno_name(op->expect_err) : "success",
			     result_name(r->ret));
	}
	if (op->expect_at && (op->expect_at_check != r->failed_check ||
			      op->expect_at_site != r->failed_site))
		note(r, "expected failure at %s, got %s",
		     at_name(op->expect_at_check, op->expect_at_site),
		     at_name(r->failed_check, r->failed_site));
	if (op->expect_labels) {
		bool same = op->nr_expect_labels == r->nr_labels &&
			    !memcmp(op->expect_label, r->labels, r->nr_labels);

		if (!same)
			note_labels(op, r);
	}
	if (op->expect_defect) {
		for (i = 0; i < r->nr_v; i++)
			if (r->known[i] == op->expect_defect)
				break;
		if (i == r->nr_v)
			note(r, "expected known defect %s to be reported%s",
			     op->expect_defect->name, "");
	}
}

static void run_clone(const struct scenario *s, const struct op *op,
		      int clone_no, struct op_result *r)
{
	struct task_struct *caller = world.scn[op->task];
	struct oracle_mark m;

	if (!caller) {
		r->skipped = true;
		return;
	}
	/*
	 * model: a stopped task (CLONE_STOPPED) runs only after SIGCONT, which
	 * discards its pending SIGSTOP.
	 */
	if (caller->__state == TASK_STOPPED) {
		caller->pending.signal.sig[0] &= ~(1UL << (SIGSTOP - 1));
		caller->__state = TASK_RUNNING;
	}
	current = caller;
	trace_begin(&op->plan);
	if (run_oracles) {
		oracle_mark(&m);
		oracle_unwind_begin(&m, &op->call);
	}
	r->ret = s->profile->sys_clone(&op->call);
	if (run_oracles) {
		oracle_unwind_end();
		oracle_after_clone(&m, r->ret);
		oracle_release(&m);
	}

	r->failed_check = model_trace.failed_check;
	r->failed_site = model_trace.failed_site;
	r->injected = model_trace.injected;
	r->nr_labels = model_trace.nr_labels;
	memcpy(r->labels, model_trace.labels, sizeof(r->labels));
	if (r->ret >= 0 && model_trace.child && clone_no < MAX_TASKS) {
		world.scn[clone_no] = model_trace.child;
		model_trace.child->scn_id = clone_no;
		r->child_task = clone_no;
	}
	/* model: a pending signal is delivered on the way back to user space */
	caller->pending.signal.sig[0] = 0;
}

static void run_exit(const struct op *op, struct op_result *r)
{
	struct task_struct *t = world.scn[op->task];
	struct oracle_mark m;

	if (!t) {
		r->skipped = true;
		return;
	}
	trace_begin(&(struct fault_plan){ 0 });
	if (run_oracles)
		oracle_mark(&m);
	do_exit_and_reap(t);
	if (run_oracles) {
		oracle_after_exit(&m);
		oracle_release(&m);
	}
}

static void mix(uint64_t *h, uint64_t v)
{
	*h = (*h ^ v) * 0x100000001b3ULL;
}

/* FNV-1a over what an operation did: result, where it failed, labels, violations. */
void op_result_digest(const struct op_result *r, uint64_t *h)
{
	const char *m;
	int i;

	mix(h, (uint64_t)r->ret);
	mix(h, (uint64_t)r->failed_check << 16 | (uint64_t)r->failed_site);
	mix(h, (uint64_t)r->skipped << 1 | r->injected);
	for (i = 0; i < r->nr_labels; i++)
		mix(h, r->labels[i]);
	for (i = 0; i < r->nr_v; i++)
		for (m = r->v[i].msg; *m; m++)
			mix(h, (unsigned char)*m);
	mix(h, (uint64_t)r->nr_v << 8 | (uint64_t)r->nr_notes);
}

static void digest_fn(const struct op_result *r, void *arg)
{
	op_result_digest(r, arg);
}

static void first_ret(const struct op_result *r, void *arg)
{
	if (r->index == 1)
		*(long *)arg = r->ret;
}

void run_scenario_result(const struct scenario *s, long *ret, struct run_summary *sum)
{
	*ret = 0;
	run_scenario(s, first_ret, ret, sum);
}

uint64_t run_scenario_digest(const struct scenario *s)
{
	struct run_summary sum;
	uint64_t h = 0xcbf29ce484222325ULL;

	run_scenario(s, digest_fn, &h, &sum);
	return h;
}

void run_scenario(const struct scenario *s, op_result_fn fn, void *arg,
		  struct run_summary *sum)
{
	struct oracle_mark base;
	struct op_result r;
	int i, clones = 0;

	memset(sum, 0, sizeof(*sum));
	profile = s->profile;
	world_setup(&s->cfg);
	collect(&r, sum);
	if (run_oracles)
		oracle_mark_baseline(&base);

	for (i = 0; i < s->nr_ops; i++) {
		const struct op *op = &s->ops[i];

		op_result_clear(&r);
		r.index = i + 1;
		r.op = op;
		r.child_task = -1;
		if (op->kind != OP_EXIT)
			run_clone(s, op, ++clones, &r);
		else
			run_exit(op, &r);
		collect(&r, sum);
		if (!r.skipped)
			check_expectations(op, &r);
		else if (op->expect || op->expect_at || op->expect_labels) {
			char t[16];

			snprintf(t, sizeof(t), "%d", op->task);
			note(&r, "expected a result, but task %s does not exist%s", t, "");
		}
		sum->expectation_failures += r.nr_notes;
		sum->ops++;
		if (fn)
			fn(&r, arg);
	}

	/* Teardown: every task the scenario made exits, newest first. */
	op_result_clear(&r);
	r.child_task = -1;
	trace_begin(&(struct fault_plan){ 0 });
	for (i = MAX_TASKS - 1; i > 0; i--)
		if (world.scn[i])
			do_exit_and_reap(world.scn[i]);
	/* The caller stays: it closes the pidfds it was given. */
	if (world.scn[0] && world.scn[0]->files)
		close_files(world.scn[0]->files);
	if (run_oracles) {
		oracle_baseline(&base);
		oracle_release(&base);
	}
	collect(&r, sum);
	if (fn && r.nr_v)
		fn(&r, arg);
	/*
	 * Free the scenario's objects now, not when the next one starts: the
	 * next input then starts from an empty ledger whatever ran before, and
	 * takes the same paths every time (a fuzzer's stability).
	 */
	ledger_reset();
}
