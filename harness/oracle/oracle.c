// SPDX-License-Identifier: GPL-2.0-only
/*
 * The first oracle set. After a clone: the errno is the table's, the labels run
 * are the table's suffix, no lock is held, a failure leaves the ledger as it
 * was, a success leaves exactly the child's references, the counters moved by
 * exactly one fork. After the teardown: the world is back at its baseline.
 */
#include <stdio.h>
#include <string.h>

#include "fault.h"
#include "kernel.h"
#include "errno_spec.h"
#include "oracle.h"
#include "oracle_holds.h"
#include "state_spec.h"
#include "world.h"

void oracle_mark(struct oracle_mark *m)
{
	snapshot_take(&m->snap);
	m->nr_threads = nr_threads;
	m->nr_processes = nr_processes;
	m->total_forks = total_forks;
}

void oracle_mark_baseline(struct oracle_mark *m)
{
	oracle_mark(m);
	snapshot_take_counts(&m->snap);
}

void oracle_release(struct oracle_mark *m)
{
	snapshot_free(&m->snap);
}

int oracle_expected_labels(const struct profile *p, unsigned char *out, int max)
{
	const struct site_row *site;
	const struct check_row *check;
	int label = L_none, pos, n = 0;

	if (model_trace.failed_check) {
		check = profile_check(p, model_trace.failed_check);
		if (check)
			label = check->label;
	} else if (model_trace.failed_site) {
		site = profile_site(p, model_trace.failed_site);
		if (site)
			label = site->label;
	}
	if (label == L_none)
		return 0;
	pos = profile_label_pos(p, label);
	if (pos < 0)
		return 0;
	while ((size_t)pos < p->nr_labels && n < max)
		out[n++] = p->labels[pos++];
	return n;
}

static void check_locks(void)
{
	size_t i;
	char b[48], c[48];

	if (!ledger.nr_locks)
		return;	/* the ledger counts lock holds as they are taken and dropped */
	for (i = 0; i < ledger.nr_holds; i++) {
		const struct hold *h = &ledger.holds[i];

		if (!h->n)
			continue;
		if (h->type == HOLD_LOCK)
			ledger_violation(V_lock_held, h->obj->kind,
					 "lock on %s still held by %s after the call",
					 kobj_str(h->obj, b, sizeof(b)),
					 kobj_str(h->owner, c, sizeof(c)));
	}
}

static void check_errno(long ret)
{
	const struct profile *p = profile;
	int want = 0;
	const char *at = NULL;

	if (model_trace.failed_check) {
		const struct check_row *row = profile_check(p, model_trace.failed_check);

		at = check_names[model_trace.failed_check];
		if (!row) {
			ledger_violation(V_ladder, NR_KINDS,
					 "check %s refused but %s's table has no such check",
					 at, p->name);
			return;
		}
		want = row->err ? row->err : lsm_errno();
	} else if (model_trace.failed_site) {
		const struct site_row *row = profile_site(p, model_trace.failed_site);

		at = site_names[model_trace.failed_site];
		if (!row) {
			ledger_violation(V_ladder, NR_KINDS,
					 "site %s failed but %s's table has no such site",
					 at, p->name);
			return;
		}
		want = row->err ? row->err : lsm_errno();
	}

	if (ret >= 0) {
		if (at)
			ledger_violation(V_bad_errno, NR_KINDS,
					 "returned %ld (success) after %s failed", ret, at);
		return;
	}
	if (!errno_name((int)-ret) || ret < -MAX_ERRNO) {
		ledger_violation(V_bad_errno, NR_KINDS,
				 "returned %ld, not a negative errno", ret);
		return;
	}
	if (!at) {
		ledger_violation(V_bad_errno, NR_KINDS,
				 "returned %s with no failing check or site recorded",
				 errno_name((int)-ret));
		return;
	}
	if (-ret != want)
		ledger_violation(V_bad_errno, NR_KINDS,
				 "%s failed with %s, the table says %s", at,
				 errno_name((int)-ret),
				 errno_name(want) ? errno_name(want) : "?");
}

static void check_ladder(void)
{
	unsigned char want[MAX_TRACE_LABELS];
	char got_s[512], want_s[512];
	int n = oracle_expected_labels(profile, want, MAX_TRACE_LABELS), i;
	size_t gl = 0, wl = 0;

	if (n == model_trace.nr_labels &&
	    !memcmp(want, model_trace.labels, n) && !model_trace.overflow)
		return;
	/* cleared only here: a kilobyte of zeroes per call otherwise */
	got_s[0] = want_s[0] = '\0';
	for (i = 0; i < model_trace.nr_labels; i++)
		gl += snprintf(got_s + gl, gl < sizeof(got_s) ? sizeof(got_s) - gl : 0,
			       "%s%s", i ? "," : "", label_names[model_trace.labels[i]]);
	for (i = 0; i < n; i++)
		wl += snprintf(want_s + wl, wl < sizeof(want_s) ? sizeof(want_s) - wl : 0,
			       "%s%s", i ? "," : "", label_names[want[i]]);
	ledger_violation(V_ladder, NR_KINDS, "labels run [%s], table predicts [%s]",
			 got_s, want_s);
}

struct diff_ctx {
	unsigned int mark;
	const struct task_struct *child;	/* NULL after a failure */
};

static bool is_new(const struct kobj *o, unsigned int mark)
{
	return o && o->id > mark;
}

/* Whether a net change of the call's is one to report. */
static bool hold_diff_reported(const struct hold *h, int delta, void *arg)
{
	const struct diff_ctx *d = arg;

	if (h->obj->persistent || h->obj->reported || h->type == HOLD_LOCK)
		return false;
	if (is_new(h->obj, d->mark) || (h->obj->freed && delta < 0))
		return false;	/* reported with the object itself */
	if (delta > 0 && d->child && (h->owner == &d->child->obj || is_new(h->owner, d->mark)))
		return false;	/* the child's, or an object of the call's own */
	return true;
}

static void hold_diff(const struct hold *h, int delta, void *arg)
{
	const struct diff_ctx *d = arg;
	char b[48], c[48];

	if (delta > 0)
		ledger_violation(V_leak, h->obj->kind,
				 "%d %s hold(s) on %s by %s %s", delta,
				 hold_names[h->type], kobj_str(h->obj, b, sizeof(b)),
				 kobj_str(h->owner, c, sizeof(c)),
				 d->child ? "taken, not the child's" :
				 "left behind by the failed call");
	else
		ledger_violation(V_over_release, h->obj->kind,
				 "%d %s hold(s) on %s by %s released by the call",
				 -delta, hold_names[h->type],
				 kobj_str(h->obj, b, sizeof(b)),
				 kobj_str(h->owner, c, sizeof(c)));
}

static bool has_holds(const struct kobj *o)
{
	int t;

	for (t = 0; t < NR_HOLDS; t++)
		if (o->cnt[t])
			return true;
	return false;
}

static void check_objects(const struct snapshot *snap,
			  const struct task_struct *child)
{
	size_t i;
	char b[48];

	/* Objects that existed before the call and that it freed. */
	for (i = snap->event_mark; i < ledger.nr_events; i++) {
		struct kobj *o = ledger.events[i].obj;

		if (ledger.events[i].op != LOP_FREE || o->id > snap->id_mark ||
		    o->persistent || o->reported)
			continue;
		o->reported = true;
		ledger_violation(V_over_release, o->kind,
				 "%s existed before the call and was freed by it",
				 kobj_str(o, b, sizeof(b)));
	}
	/* Objects the call created and left alive. */
	for (i = snap->id_mark; i < ledger.nr_objs; i++) {
		struct kobj *o = ledger.objs[i];

		if (o->freed || o->persistent || o->reported)
			continue;
		if (child && (o == &child->obj || has_holds(o)))
			continue;
		o->reported = true;
		ledger_violation(V_leak, o->kind, "%s %s", kobj_str(o, b, sizeof(b)),
				 child ? "created by the call, held by nobody" :
				 "created by the failed call and never freed");
	}
}

static void check_ledger(const struct oracle_mark *m, const struct task_struct *child)
{
	struct diff_ctx d = { .mark = m->snap.id_mark, .child = child };

	check_objects(&m->snap, child);
	snapshot_diff(&m->snap, hold_diff_reported, hold_diff, &d);
}

static void check_child_shape(const struct task_struct *child)
{
	check_holder(&child->obj, V_child_shape);
}

static void check_counters(const struct oracle_mark *m, const struct task_struct *child)
{
	int threads = child ? 1 : 0;
	int procs = child && child->group_leader == child ? 1 : 0;

	if (nr_threads != m->nr_threads + threads)
		ledger_violation(V_counter, NR_KINDS, "nr_threads moved from %d to %d",
				 m->nr_threads, nr_threads);
	if (total_forks != m->total_forks + (unsigned long)threads)
		ledger_violation(V_counter, NR_KINDS, "total_forks moved from %lu to %lu",
				 m->total_forks, total_forks);
	if (nr_processes != m->nr_processes + procs)
		ledger_violation(V_counter, NR_KINDS, "process count moved from %d to %d",
				 m->nr_processes, nr_processes);
}

/* What the specs read of the caller, and the call as the version's entry point decodes it. */
static void spec_call(struct spec_caller *sc, struct spec_args *a)
{
	const struct task_struct *t = oracle_caller;

	memset(sc, 0, sizeof(*sc));
	sc->caps = t->cred->cap_effective;
	sc->unkillable = t->signal->flags & SIGNAL_UNKILLABLE;
	sc->pidns_mismatch = task_active_pid_ns((struct task_struct *)t) != t->nsproxy->pid_ns_for_children;
	sc->lsm_errno = security_task_create_ret < 0 ? -security_task_create_ret : 0;
	sc->caps_in_init_userns = t->cred->user_ns == init_user_ns;
	sc->timens_pending = t->nsproxy->time_ns_for_children != t->nsproxy->time_ns;
	errno_spec_decode(profile, oracle_call, sc, a);
}

/*
 * The independent errno spec (errno_spec.c) predicts the argument checks:
 * the first that refuses, with its errno, or that all of them pass.
 */
static void check_errno_spec(long ret, const struct spec_args *a)
{
	const struct spec_rule *rule;
	int check, err;

	err = errno_spec_predict_args(profile, a, &check);
	if (err < 0)
		return;
	rule = errno_spec_rule(profile, check);
	if (check != model_trace.failed_check)
		ledger_violation(V_bad_errno, NR_KINDS,
				 "the errno spec says %s (%s), the model %s %s",
				 check ? check_names[check] : "no argument check refuses",
				 rule ? rule->words : "",
				 model_trace.failed_check ? "refused at" : "passed every check",
				 model_trace.failed_check ? check_names[model_trace.failed_check] : "");
	else if (check && ret != -err)
		ledger_violation(V_bad_errno, NR_KINDS,
				 "the errno spec's rule %s gives %s, the model returned %ld",
				 check_names[check], errno_name(err) ? errno_name(err) : "?", ret);
}

/*
 * The state spec (state_spec.c): a call the world refuses fails there or
 * before (never succeeds, never fails at a later step), and no call runs a
 * step its arguments cannot reach.
 */
static void check_state_spec(long ret, const struct spec_args *a)
{
	const struct site_row *refused_at, *failed_at;
	const struct state_rule *refusal;
	const struct reach_rule *reach;
	int site;

	reach = state_spec_unreachable(profile, a, &model_trace);
	if (reach)
		ledger_violation(V_unreachable, NR_KINDS,
				 "the call ran %s, which needs %s", site_names[reach->site],
				 reach->words);
	refusal = state_spec_refusal(profile, a, &oracle_view, &site);
	if (!refusal)
		return;
	/* rows are in the version's order of steps */
	refused_at = profile_site(profile, site);
	failed_at = profile_site(profile, model_trace.failed_site);
	/*
	 * A call that returned no error but failed at a step (a positive value
	 * passed on as an ERR_PTR) did not succeed: it is judged as a failure
	 * here, and the errno oracle reports what it returned.
	 */
	if (ret >= 0 && !failed_at && !model_trace.failed_check)
		ledger_violation(V_precondition, NR_KINDS,
				 "the call succeeded though %s refuses it at %s (%s)",
				 refusal->name, site_names[site], refusal->source);
	else if (refused_at && failed_at && failed_at > refused_at)
		ledger_violation(V_precondition, NR_KINDS,
				 "the call failed at %s, past %s where %s refuses it (%s)",
				 site_names[model_trace.failed_site], site_names[site],
				 refusal->name, refusal->source);
}

void oracle_after_clone(const struct oracle_mark *m, long ret)
{
	struct spec_caller sc;
	struct spec_args a;

	if (oracle_caller && oracle_call) {
		spec_call(&sc, &a);
		check_errno_spec(ret, &a);
		check_state_spec(ret, &a);
	}
	const struct task_struct *child = ret >= 0 ? model_trace.child : NULL;

	check_errno(ret);
	check_ladder();
	check_locks();
	if (ret >= 0 && !child) {
		ledger_violation(V_bad_errno, NR_KINDS,
				 "returned %ld but no child was created", ret);
		return;
	}
	check_ledger(m, child);
	check_counters(m, child);
	if (child)
		check_child_shape(child);
	if (child && oracle_call && oracle_caller)
		check_child_flags(child, oracle_caller, oracle_call);
	oracle_world_check(child ? &child->obj : NULL);
}

void oracle_after_exit(const struct oracle_mark *m)
{
	(void)m;
	check_locks();
	oracle_world_check(NULL);
}

static bool baseline_diff_reported(const struct hold *h, int delta, void *arg)
{
	(void)delta;
	(void)arg;
	return !(h->obj->persistent || h->obj->reported ||
		 (h->owner && (h->owner->reported || h->owner->persistent)));
}

static void baseline_diff(const struct hold *h, int delta, void *arg)
{
	char b[48], c[48];

	(void)arg;
	ledger_violation(V_baseline, h->obj->kind, "%+d %s hold(s) on %s by %s",
			 delta, hold_names[h->type], kobj_str(h->obj, b, sizeof(b)),
			 kobj_str(h->owner, c, sizeof(c)));
}

void oracle_baseline(const struct oracle_mark *base)
{
	size_t i;
	char b[48];

	check_locks();
	oracle_world_check_full();
	for (i = base->snap.id_mark; i < ledger.nr_objs; i++) {
		struct kobj *o = ledger.objs[i];

		if (o->freed || o->persistent || o->reported)
			continue;
		o->reported = true;
		ledger_violation(V_baseline, o->kind,
				 "%s still alive after every task exited",
				 kobj_str(o, b, sizeof(b)));
	}
	snapshot_diff(&base->snap, baseline_diff_reported, baseline_diff, NULL);
	if (nr_threads != base->nr_threads || nr_processes != base->nr_processes)
		ledger_violation(V_baseline, NR_KINDS,
				 "nr_threads %d and process count %d, baseline %d and %d",
				 nr_threads, nr_processes, base->nr_threads,
				 base->nr_processes);
}

const struct defect_row *oracle_known_defect(const struct profile *p,
					     const struct violation *v)
{
	size_t i;

	for (i = 0; i < p->nr_defects; i++)
		if (p->defects[i].vtype == v->type && p->defects[i].kind == v->kind &&
		    (p->defects[i].site == SITE_none || p->defects[i].site == v->site))
			return &p->defects[i];
	return NULL;
}
