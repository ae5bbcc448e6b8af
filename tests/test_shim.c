// SPDX-License-Identifier: GPL-2.0-only
/* The shims' counter and lock operations: a member's address reaches the ledger, a stray one is a shim_gap; scope-based cleanup runs its destructors. */
#include <string.h>

#include "check.h"
#include "ledger.h"
#include "fault.h"
#include "shim/ops.h"
#include "shim/slab.h"
#include "shim/steps.h"

int check_failures;
int check_count;

/* An object with the kernel's counter and lock members, as a struct the shims see. */
struct probe {
	struct kobj obj;
	refcount_t count;
	spinlock_t lock;
	int tail;
};

static int violations_of(int type)
{
	size_t i, n = 0;

	for (i = 0; i < ledger.nr_v && i < MAX_VIOLATIONS; i++)
		n += ledger.v[i].type == type;
	return (int)n;
}

static void test_object_at(void)
{
	struct probe *p;

	ledger_reset();
	p = kobj_alloc(KIND_delays, sizeof(*p));
	TEST_CHECK(ledger_obj_at(&p->obj) == &p->obj, "the header is in its object");
	TEST_CHECK(ledger_obj_at(&p->tail) == &p->obj, "the last member is in its object");
	TEST_CHECK(ledger_obj_at((char *)p + sizeof(*p)) != &p->obj, "past the end is not");
	TEST_CHECK(ledger_obj_at(&check_count) == NULL, "a global is in no object");
}

static void test_counts(void)
{
	struct task_struct *child;
	struct probe *p;

	ledger_reset();
	child = kobj_alloc(KIND_task_struct, sizeof(*child));
	shim_child = child;
	p = kobj_alloc(KIND_delays, sizeof(*p));
	refcount_set(&p->count, 1);
	TEST_CHECK(hold_count(&p->obj, &child->obj, HOLD_REF) == 1, "set: the child holds one");
	refcount_inc(&p->count);
	TEST_CHECK(refcount_read(&p->count) == 2, "inc: two, read %d", refcount_read(&p->count));
	TEST_CHECK(!refcount_dec_and_test(&p->count), "one left");
	TEST_CHECK(refcount_dec_and_test(&p->count), "none left");
	TEST_CHECK(hold_count(&p->obj, &child->obj, HOLD_REF) == 0, "the child holds none");
	TEST_CHECK(ledger.nr_v == 0, "no violation, %zu", ledger.nr_v);
	/* one put too many: the ledger's oracle, as for the mirrors */
	refcount_dec_and_test(&p->count);
	TEST_CHECK(violations_of(V_put_without_get) == 1, "put without get reported");
	shim_child = NULL;
}

static void test_locks(void)
{
	struct probe *p;

	ledger_reset();
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	p = kobj_alloc(KIND_delays, sizeof(*p));
	spin_lock(&p->lock);
	TEST_CHECK(hold_count(&p->obj, &current->obj, HOLD_LOCK) == 1, "current holds the lock");
	TEST_CHECK(ledger.nr_locks == 1, "one lock held");
	spin_unlock(&p->lock);
	TEST_CHECK(ledger.nr_locks == 0, "released");
	spin_unlock(&p->lock);
	TEST_CHECK(violations_of(V_unlock_not_held) == 1, "a second release is reported");
}

static void test_gap(void)
{
	refcount_t stray;

	ledger_reset();
	refcount_inc(&stray);
	spin_lock((spinlock_t *)&stray);
	TEST_CHECK(violations_of(V_shim_gap) == 2, "memory no object holds is named, %zu", ledger.nr_v);
	TEST_CHECK(strstr(ledger.v[0].msg, "a count taken on ") != NULL, "%s", ledger.v[0].msg);
}

static void test_slab(void)
{
	struct fault_plan plan = { .site = SITE_copy_sighand, .signal_site = SITE_none };
	struct fault_plan none = { .site = SITE_none, .signal_site = SITE_none };
	struct task_struct *child;
	struct kobj *sig, *sighand;

	ledger_reset();
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	child = kobj_alloc(KIND_task_struct, sizeof(*child));
	shim_child = child;
	trace_begin(&plan);
	TEST_CHECK(kmem_cache_alloc(sighand_cachep, GFP_KERNEL) == NULL,
		   "the cache's site fails as planned");
	TEST_CHECK(model_trace.failed_site == SITE_copy_sighand, "at copy_sighand");
	trace_begin(&none);
	sighand = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	TEST_CHECK(sighand && sighand->kind == KIND_sighand_struct, "a sighand_struct");
	TEST_CHECK(sig && sig->kind == KIND_signal_struct, "a signal_struct");
	TEST_CHECK(sighand && hold_count(sighand, &child->obj, HOLD_REF) == 1, "held by the child");
	if (!sig || !sighand)
		return;
	hold_get(sig, &child->obj, HOLD_LIVE);
	kmem_cache_free(signal_cachep, sig);
	TEST_CHECK(sig->freed && ledger.nr_v == 0,
		   "freed with the child's holds, no violation (%zu)", ledger.nr_v);
	/* someone else still holds it: the ledger says so */
	get_ref(sighand, &current->obj);
	kmem_cache_free(sighand_cachep, sighand);
	TEST_CHECK(violations_of(V_free_referenced) == 1, "a shared object freed is reported");
	shim_child = NULL;
}

static void test_steps(void)
{
	struct fault_plan none = { .site = SITE_none, .signal_site = SITE_none };
	struct task_struct *child;
	struct kres *pol, *old;
	struct ucounts *uc;

	ledger_reset();
	trace_begin(&none);
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	child = kobj_alloc(KIND_task_struct, sizeof(*child));
	shim_child = child;
	old = obj_new(KIND_mempolicy, sizeof(*old), &current->obj);
	pol = shim_mpol_dup(old);
	TEST_CHECK(pol && pol != old && hold_count(&pol->obj, &child->obj, HOLD_REF) == 1,
		   "mpol_dup: a copy the child holds");
	shim_mpol_put(pol);
	TEST_CHECK(pol->obj.freed, "mpol_put: the child's copy freed");

	uc = kobj_alloc(KIND_ucounts, sizeof(*uc));
	hold_get_many(&uc->obj, &child->obj, HOLD_PROCESSES, 2);
	TEST_CHECK(is_rlimit_overlimit(uc, UCOUNT_RLIMIT_NPROC, 1), "2 processes are over 1");
	TEST_CHECK(!is_rlimit_overlimit(uc, UCOUNT_RLIMIT_NPROC, 2), "2 are not over 2");
	TEST_CHECK(!is_rlimit_overlimit(uc, UCOUNT_RLIMIT_SIGPENDING, 0), "only NPROC is counted");
	TEST_CHECK(!dec_rlimit_ucounts(uc, UCOUNT_RLIMIT_NPROC, 1), "one charge left");
	TEST_CHECK(hold_count(&uc->obj, &child->obj, HOLD_PROCESSES) == 1, "the child's charge dropped");
	TEST_CHECK(ledger.nr_v == 0, "no violation (%zu)", ledger.nr_v);
	shim_child = NULL;
}

static void test_signal_steps(void)
{
	struct fault_plan none = { .site = SITE_none, .signal_site = SITE_none };
	struct fault_plan kill = { .site = SITE_none, .signal_site = SITE_fatal_signal };
	struct task_struct *t;

	ledger_reset();
	current = t = kobj_alloc(KIND_task_struct, sizeof(*t));
	trace_begin(&none);
	TEST_CHECK(!shim_task_sigpending(t), "nothing pending");
	t->pending.signal.sig[0] = 1UL << (SIGCHLD - 1);
	TEST_CHECK(shim_task_sigpending(t), "SIGCHLD pending");
	TEST_CHECK(!shim_fatal_signal_pending(t), "but no fatal signal");
	t->pending.signal.sig[0] = 0;
	trace_begin(&kill);
	TEST_CHECK(shim_fatal_signal_pending(t), "the scenario's SIGKILL arrives before the fatal test");
	TEST_CHECK(model_trace.gates == 0, "the predicates pass no gate: the cut file's model_fail() does");
}

/* fs->users++ under fs->lock, as 6.x copy_fs() does it: the change becomes the child's hold. */
/* A fresh ledger, current's fs_struct, and @child as the task being built. */
static struct fs_struct *fs_and_child(struct task_struct **child)
{
	ledger_reset();
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	*child = kobj_alloc(KIND_task_struct, sizeof(**child));
	shim_child = *child;
	return obj_new(KIND_fs_struct, sizeof(struct fs_struct), &current->obj);
}

static void test_locked_counter(void)
{
	struct task_struct *child;
	struct fs_struct *fs = fs_and_child(&child);

	spin_lock(&fs->lock);
	TEST_CHECK(fs->users == 1, "the lock loads the ledger's count, %d", fs->users);
	fs->users++;
	spin_unlock(&fs->lock);
	TEST_CHECK(hold_count(&fs->obj, &child->obj, HOLD_REF) == 1, "the child holds the new user");
	TEST_CHECK(fs->obj.cnt[HOLD_REF] == 2 && ledger.nr_locks == 0, "two users, lock dropped");
	spin_lock(&fs->lock);
	fs->users--;
	spin_unlock(&fs->lock);
	TEST_CHECK(hold_count(&fs->obj, &child->obj, HOLD_REF) == 0, "and gives it back");
	TEST_CHECK(ledger.nr_v == 0, "no violation (%zu)", ledger.nr_v);
	shim_child = NULL;
}

/* fs->in_exec tested under fs->lock is the fs_in_exec site: a planned failure makes it true while held. */
static void test_locked_test(void)
{
	struct fault_plan plan = { .site = SITE_fs_in_exec, .signal_site = SITE_none };
	struct fs_struct *fs;

	ledger_reset();
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	fs = obj_new(KIND_fs_struct, sizeof(*fs), &current->obj);
	trace_begin(&plan);
	spin_lock(&fs->lock);
	TEST_CHECK(fs->in_exec && model_trace.injected, "the planned failure: in exec while locked");
	spin_unlock(&fs->lock);
	TEST_CHECK(!fs->in_exec, "its own value back after the unlock");
}

/* 7.x guards fs->users and fs->in_exec with fs->seq: the same counter and site as under fs->lock. */
static void test_locked_seq(void)
{
	struct fault_plan plan = { .site = SITE_fs_in_exec, .signal_site = SITE_none };
	struct task_struct *child;
	struct fs_struct *fs = fs_and_child(&child);

	trace_begin(&plan);
	read_seqlock_excl(&fs->seq);
	TEST_CHECK(fs->in_exec && fs->users == 1, "the site and the count under the seqlock");
	fs->users++;
	read_sequnlock_excl(&fs->seq);
	TEST_CHECK(!fs->in_exec && hold_count(&fs->obj, &child->obj, HOLD_REF) == 1,
		   "in_exec back, the child holds the new user");
	TEST_CHECK(ledger.nr_locks == 0 && ledger.nr_v == 0, "lock dropped, no violation");
	shim_child = NULL;
}

static int cleaned[4], nr_cleaned;

DEFINE_CLASS(counted, int, if (_T >= 0) cleaned[nr_cleaned++] = _T, n, int n)

static int keep_second(void)
{
	CLASS(counted, a)(1);
	CLASS(counted, b)(2);

	(void)a;
	return take_fd(b);
}

/* CLASS() runs the destructor at every scope exit, take_fd() keeps a value from it, guard() drops its lock. */
static void test_cleanup(void)
{
	struct probe *pr;
	int kept;

	nr_cleaned = 0;
	kept = keep_second();
	TEST_CHECK(kept == 2 && nr_cleaned == 1 && cleaned[0] == 1,
		   "the taken value is returned, only the other is cleaned (%d cleaned)", nr_cleaned);
	ledger_reset();
	current = kobj_alloc(KIND_task_struct, sizeof(*current));
	pr = obj_new(KIND_holder, sizeof(*pr), &current->obj);
	{
		guard(spinlock_irq)(&pr->lock);
		TEST_CHECK(ledger.nr_locks == 1, "the guard holds the lock in its scope");
	}
	TEST_CHECK(ledger.nr_locks == 0 && ledger.nr_v == 0, "and drops it at the end");
}

int main(void)
{
	test_object_at();
	test_counts();
	test_locks();
	test_gap();
	test_slab();
	test_steps();
	test_signal_steps();
	test_locked_counter();
	test_locked_test();
	test_locked_seq();
	test_cleanup();
	return check_report("test_shim");
}
