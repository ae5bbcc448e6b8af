// SPDX-License-Identifier: GPL-2.0-only
/* Every oracle is shown to fire: the model is broken on purpose, once per check, and the oracle must name it. */
#include <string.h>

#include "check.h"
#include "exit.h"
#include "bug.h"
#include "fault.h"
#include "mutant.h"
#include "oracle/oracle.h"
#include "oracle/oracle_holds.h"
#include "run/run.h"
#include "profile.h"
#include "world.h"
#include "setup.h"

int check_failures;
int check_count;

static struct oracle_mark mark;

static void setup(const char *name)
{
	struct world_config c;

	world_config_default(&c);
	c.io_bitmap = true;
	profile = profile_find(name);
	world_setup(&c);
	ledger.nr_v = 0;
	ladder_test_hook = NULL;
}

/* @call by the caller, stopped before the oracles run. */
static long start_call(const struct clone_call *call, int site)
{
	struct fault_plan plan = { .site = site };
	long ret;

	current = world.scn[0];
	oracle_mark(&mark);
	trace_begin(&plan);
	oracle_unwind_begin(&mark, call);
	ret = profile->sys_clone(call);
	oracle_unwind_end();
	return ret;
}

/* One clone() by the caller, stopped before the oracles run. */
static long start_clone(unsigned long flags, int site)
{
	struct clone_call call;

	clone_call_legacy(&call, flags, 0);
	return start_call(&call, site);
}

static void finish_clone(long ret)
{
	model_mutant.type = MUT_NONE;
	oracle_after_clone(&mark, ret);
	oracle_release(&mark);
	ladder_test_hook = NULL;
}

static int count(int type)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
	int c = 0;

	for (i = 0; i < n; i++)
		if (ledger.v[i].type == type && !oracle_known_defect(profile, &ledger.v[i]))
			c++;
	return c;
}

static int unknown(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;
	int c = 0;

	for (i = 0; i < n; i++)
		if (!oracle_known_defect(profile, &ledger.v[i]))
			c++;
	return c;
}

static void dump(void)
{
	size_t i, n = ledger.nr_v < MAX_VIOLATIONS ? ledger.nr_v : MAX_VIOLATIONS;

	for (i = 0; i < n; i++)
		fprintf(stderr, "  %s: %s\n", vtype_names[ledger.v[i].type], ledger.v[i].msg);
}

#define SIGCHLD_FLAGS ((unsigned long)SIGCHLD)
#define THREAD_FLAGS ((unsigned long)(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD))

/* Hooks: each is one way a ladder goes wrong. */
static void hook_forget_fs_release(int label)
{
	/* the label that should drop the caller-side reference keeps one more */
	if (label == L_bad_fork_cleanup_fs)
		get_ref(&current->fs->obj, &current->obj);
}

static void hook_release_parent_files(int label)
{
	if (label == L_bad_fork_cleanup_files)
		put_ref(&current->files->obj, &current->obj);
}

static void hook_put_without_get(int label)
{
	if (label == L_bad_fork_cleanup_files)
		put_ref(&current->files->obj, &holder_outside->obj);
}

static void hook_unlock_not_held(int label)
{
	if (label == L_bad_fork_cleanup_count)
		lock_drop(&tasklist_lock_obj->obj, &current->obj);
}

static void hook_keep_lock(int label)
{
	if (label == L_bad_fork_cleanup_count)
		lock_take(&current->sighand->obj, &current->obj);
}

static void hook_extra_label(int label)
{
	static bool again;

	if (label == L_bad_fork_cleanup_io && !again) {
		again = true;
		ladder_label(L_bad_fork_cleanup_io);
		again = false;
	}
}

static void hook_double_free(int label)
{
	struct kres *r;

	if (label != L_bad_fork_free)
		return;
	r = kobj_alloc(KIND_delays, sizeof(*r));
	kobj_free(&r->obj);
	kobj_free(&r->obj);
}

static void hook_use_after_free(int label)
{
	struct kres *r;

	if (label != L_bad_fork_free)
		return;
	r = kobj_alloc(KIND_delays, sizeof(*r));
	kobj_free(&r->obj);
	get_ref(&r->obj, &current->obj);
}

static void hook_free_referenced(int label)
{
	struct kres *r;

	if (label != L_bad_fork_free)
		return;
	r = obj_new(KIND_delays, sizeof(*r), &current->obj);
	kobj_free(&r->obj);
}

/* The task_struct the failing call created. */
static struct kobj *failing_child(void)
{
	size_t i;

	for (i = ledger.nr_objs; i > 0; i--)
		if (ledger.objs[i - 1]->kind == KIND_task_struct)
			return ledger.objs[i - 1];
	return NULL;
}

static void hook_skip_fs_release(int label)
{
	/* exit_fs forgets the child's reference: the next label sees it held */
	if (label == L_bad_fork_cleanup_fs)
		model_mutant = (struct mutant){ MUT_DROP_RELEASE, L_bad_fork_cleanup_fs,
						KIND_fs_struct };
	else
		model_mutant.type = MUT_NONE;
}

static void hook_release_out_of_order(int label)
{
	struct kobj *child = failing_child();

	/* after cleanup_fs gave back what copy_fs took, a later acquisition goes back */
	if (label == L_bad_fork_cleanup_files && child) {
		get_ref(&current->files->obj, child);
		put_ref(&current->files->obj, child);
	}
}

struct hook_case {
	const char *name;
	void (*hook)(int label);
	int site;
	int vtype;
};

static void test_hooks(const char *prof)
{
	static const struct hook_case cases[] = {
		{ "forgotten release", hook_forget_fs_release, SITE_copy_sighand, V_leak },
		{ "release of the parent's", hook_release_parent_files, SITE_copy_fs_struct, V_over_release },
		{ "put without get", hook_put_without_get, SITE_copy_fs_struct, V_put_without_get },
		{ "unlock not held", hook_unlock_not_held, SITE_max_threads, V_unlock_not_held },
		{ "lock kept", hook_keep_lock, SITE_max_threads, V_lock_held },
		{ "label run twice", hook_extra_label, SITE_alloc_pid, V_ladder },
		{ "double free", hook_double_free, SITE_prepare_creds, V_double_free },
		{ "use after free", hook_use_after_free, SITE_prepare_creds, V_use_after_free },
		{ "free while referenced", hook_free_referenced, SITE_prepare_creds, V_free_referenced },
		{ "a label skipping its release", hook_skip_fs_release, SITE_copy_sighand, V_unwind },
		{ "a release out of reverse order", hook_release_out_of_order, SITE_copy_sighand, V_unwind },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct hook_case *c = &cases[i];
		long ret;

		setup(prof);
		ret = start_clone(SIGCHLD_FLAGS, SITE_none);
		finish_clone(ret);
		TEST_CHECK(ret > 0 && unknown() == 0, "%s: the faithful clone is quiet", prof);

		setup(prof);
		ladder_test_hook = c->hook;
		ret = start_clone(SIGCHLD_FLAGS, c->site);
		finish_clone(ret);
		TEST_CHECK(ret < 0 && count(c->vtype) > 0, "%s: %s fires %s",
		      prof, c->name, vtype_names[c->vtype]);
		if (!count(c->vtype))
			dump();
	}
}

static void test_errno_oracle(const char *prof)
{
	long ret;

	/* A failure reported with another errno than the table's. */
	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_dup_fd);
	TEST_CHECK(ret == -ENOMEM, "%s: dup_fd fails with ENOMEM", prof);
	finish_clone(-EPERM);
	TEST_CHECK(count(V_bad_errno) == 1, "%s: wrong errno fires bad_errno", prof);

	/* Success reported although a step failed (the copy_creds B18 shape). */
	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	model_trace.failed_site = SITE_prepare_creds;
	finish_clone(ret);
	TEST_CHECK(count(V_bad_errno) == 1, "%s: success after a failure fires bad_errno", prof);

	/* An error with no failing step at all. */
	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	model_trace.child = NULL;
	finish_clone(-EAGAIN);
	TEST_CHECK(count(V_bad_errno) == 1, "%s: an unexplained error fires bad_errno", prof);
}

static void test_shape_and_counters(const char *prof)
{
	long ret;

	setup(prof);
	ret = start_clone(THREAD_FLAGS, SITE_none);
	TEST_CHECK(ret > 0, "%s: a thread is created", prof);
	get_ref(&model_trace.child->fs->obj, &model_trace.child->obj);
	finish_clone(ret);
	TEST_CHECK(count(V_child_shape) == 1, "%s: an extra child reference fires child_shape", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	put_ref(&model_trace.child->sighand->obj, &model_trace.child->obj);
	finish_clone(ret);
	TEST_CHECK(count(V_child_shape) == 1, "%s: a missing child reference fires child_shape", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	get_ref(&current->fs->obj, &current->obj);
	finish_clone(ret);
	TEST_CHECK(count(V_leak) == 1, "%s: a reference taken for the parent fires leak", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	nr_threads++;
	finish_clone(ret);
	TEST_CHECK(count(V_counter) >= 1, "%s: nr_threads moved twice fires counter", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_dup_mm);
	total_forks++;
	finish_clone(ret);
	TEST_CHECK(count(V_counter) == 1, "%s: total_forks moved by a failure fires counter", prof);
}

/*
 * One clone and its exit against the baseline, marked with the counts kept
 * (as run_scenario marks it) or without: @leak 0 leaves nothing behind, 1 a
 * reference on the child's mm, 2 one more on the caller's own mm, a hold
 * that was there at the mark, 3 one on that mm by the caller's signal_struct,
 * a hold made since on objects that were there. Returns the baseline
 * violations; @msg the first.
 */
static int baseline_case(const char *prof, bool counts, int leak, char *msg, size_t len)
{
	struct oracle_mark base;
	size_t i;
	long ret;
	int n;

	setup(prof);
	if (counts)
		oracle_mark_baseline(&base);
	else
		oracle_mark(&base);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	finish_clone(ret);
	if (leak == 1)
		get_ref(&model_trace.child->mm->obj, &current->obj);	/* exit cannot drop it */
	if (leak == 2)
		get_ref(&current->mm->obj, &current->obj);
	if (leak == 3)
		get_ref(&current->mm->obj, &current->signal->obj);
	do_exit_and_reap(model_trace.child);
	oracle_baseline(&base);
	n = count(V_baseline);
	msg[0] = '\0';
	for (i = 0; i < ledger.nr_v && i < MAX_VIOLATIONS; i++)
		if (ledger.v[i].type == V_baseline) {
			snprintf(msg, len, "%s", ledger.v[i].msg);
			break;
		}
	if (!leak && unknown())
		dump();
	oracle_release(&base);
	return n;
}

static void test_baseline(const char *prof)
{
	char a[256], b[256];
	int leak, with, without;

	for (leak = 0; leak <= 3; leak++) {
		without = baseline_case(prof, false, leak, a, sizeof(a));
		with = baseline_case(prof, true, leak, b, sizeof(b));
		if (!leak)
			TEST_CHECK(without == 0 && with == 0,
				   "%s: clone then exit is back at the baseline", prof);
		else
			TEST_CHECK(without >= 1, "%s: reference %d surviving the exit fires baseline",
				   prof, leak);
		/* the diff over the kept counts says what the diff over the events says */
		TEST_CHECK(with == without && !strcmp(a, b),
			   "%s, case %d: baseline from counts (%d, '%s') and from events (%d, '%s')",
			   prof, leak, with, b, without, a);
	}
}

/* Two runs of a scenario in one process agree, and the digest tells runs apart. */
static void test_twice(const char *prof)
{
	static struct scenario s;
	char text[256], err[128];
	uint64_t a, b, c;

	snprintf(text, sizeof(text), "profile %s\ncaller uid=0 caps=all\n"
		 "clone exit_signal=SIGCHLD\nclone exit_signal=SIGCHLD fail=copy_sighand\n"
		 "exit task=1\n", prof);
	TEST_CHECK(!scenario_parse(text, &s, err, sizeof(err)), "%s: parses: %s", prof, err);
	a = run_scenario_digest(&s);
	b = run_scenario_digest(&s);
	model_mutant = (struct mutant){ MUT_DROP_RELEASE, L_bad_fork_cleanup_fs, KIND_fs_struct };
	c = run_scenario_digest(&s);
	model_mutant.type = MUT_NONE;
	TEST_CHECK(a == b, "%s: two runs in one process give the same results", prof);
	TEST_CHECK(a != c, "%s: a run that differs gets another digest", prof);
	ledger.nr_v = 0;
}

/* The errno spec: a model that refused at another check than the spec's first rule. */
static void test_errno_spec_oracle(const char *prof)
{
	long ret;
	size_t i, n = 0;

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS | CLONE_NEWNS | CLONE_FS, SITE_none);
	model_trace.failed_check = CHECK_sighand_without_vm;	/* a model that checked something else */
	finish_clone(ret);
	for (i = 0; i < ledger.nr_v && i < MAX_VIOLATIONS; i++)
		n += ledger.v[i].type == V_bad_errno && strstr(ledger.v[i].msg, "errno spec says newns_fs");
	TEST_CHECK(ret == -EINVAL && n == 1, "%s: the errno spec names the rule the model missed", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	model_trace.failed_check = CHECK_newns_fs;	/* a refusal with nothing to refuse */
	finish_clone(ret);
	TEST_CHECK(count(V_bad_errno) >= 1, "%s: a check refusing valid arguments fires bad_errno", prof);
}

/*
 * One clone in a world the model sees differently from the state spec:
 * @bend changes the world after the spec's view is taken, as a model that
 * reads the wrong limit or forgets a refusal would.
 */
static long clone_after_bend(unsigned long flags, void (*bend)(void), int fail_site)
{
	struct fault_plan plan = { .site = fail_site };
	struct clone_call call;
	long ret;

	clone_call_legacy(&call, flags, 0);
	current = world.scn[0];
	oracle_mark(&mark);
	trace_begin(&plan);
	oracle_unwind_begin(&mark, &call);
	bend();
	ret = profile->sys_clone(&call);
	oracle_unwind_end();
	return ret;
}

static void raise_nproc_limit(void)
{
	current->signal->rlim[RLIMIT_NPROC].rlim_cur = 1000;
}

static void leave_chroot(void)
{
	caller_chrooted = false;
}

/* The state spec: a success the world refuses, a step the arguments cannot reach. */
static void test_state_spec_oracle(const char *prof)
{
	struct world_config c;
	long ret;

	world_config_default(&c);
	c.uid = 1000;
	c.caps = 0;
	c.rlimit_nproc = 2;
	c.nproc = 2;
	setup(prof);
	world_setup(&c);
	ret = clone_after_bend(SIGCHLD_FLAGS, raise_nproc_limit, SITE_none);
	finish_clone(ret);
	TEST_CHECK(ret > 0 && count(V_precondition) == 1,
		   "%s: a success at the RLIMIT_NPROC limit fires precondition", prof);

	if (profile->kv >= KV(3, 9, 0)) {
		world_config_default(&c);
		c.chrooted = true;
		setup(prof);
		world_setup(&c);
		ret = clone_after_bend(SIGCHLD_FLAGS | CLONE_NEWUSER, leave_chroot, SITE_none);
		finish_clone(ret);
		TEST_CHECK(ret > 0 && count(V_precondition) == 1,
			   "%s: a user namespace made from a chroot fires precondition", prof);

		setup(prof);
		world_setup(&c);
		ret = clone_after_bend(SIGCHLD_FLAGS | CLONE_NEWUSER, leave_chroot,
				       SITE_create_user_ns);
		finish_clone(ret);
		TEST_CHECK(ret == -ENOMEM && count(V_precondition) == 1,
			   "%s: a failure past the chroot refusal fires precondition", prof);

		setup(prof);
		world_setup(&c);
		ret = clone_after_bend(SIGCHLD_FLAGS | CLONE_NEWUSER, leave_chroot,
				       SITE_userns_depth);
		finish_clone(ret);
		TEST_CHECK(ret < 0 && unknown() == 0,
			   "%s: a failure before the chroot refusal is quiet", prof);
	}

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	model_trace.reached[SITE_copy_pid_ns / 8] |= 1U << (SITE_copy_pid_ns % 8);
	finish_clone(ret);
	TEST_CHECK(ret > 0 && count(V_unreachable) == 1,
		   "%s: a pid namespace step run without CLONE_NEWPID fires unreachable", prof);

	world_config_default(&c);
	c.caps = 1ULL << CAP_SYS_ADMIN;
	setup(prof);
	world_setup(&c);
	ret = start_clone(SIGCHLD_FLAGS | CLONE_NEWPID, SITE_none);
	finish_clone(ret);
	TEST_CHECK(ret > 0 && unknown() == 0, "%s: the same step with CLONE_NEWPID is quiet (%ld)", prof, ret);
	if (unknown())
		dump();

	/* a pending time namespace builds a new nsproxy without CLONE_NEW*, but not with CLONE_VM */
	if (profile->kv >= KV(5, 6, 0)) {
		world_config_default(&c);
		c.timens_pending = true;
		setup(prof);
		world_setup(&c);
		ret = start_clone(SIGCHLD_FLAGS, SITE_none);
		finish_clone(ret);
		TEST_CHECK(ret > 0 && unknown() == 0,
			   "%s: a fork into a pending time namespace runs newipc_sysvsem quietly", prof);

		setup(prof);
		world_setup(&c);
		ret = start_clone(SIGCHLD_FLAGS | CLONE_VM, SITE_none);
		model_trace.reached[SITE_newipc_sysvsem / 8] |= 1U << (SITE_newipc_sysvsem % 8);
		finish_clone(ret);
		TEST_CHECK(ret > 0 && count(V_unreachable) == 1,
			   "%s: newipc_sysvsem run by a CLONE_VM fork fires unreachable", prof);
	}
}

/* The per-flag shape: a child that copies what it should share, or has the wrong parent or exit signal. */
static void test_flag_shape(const char *prof)
{
	struct task_struct *child;
	struct files_struct *copy;
	long ret;

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS | CLONE_FILES, SITE_none);
	child = model_trace.child;
	copy = obj_new(KIND_files_struct, sizeof(*copy), &child->obj);	/* copies instead */
	put_ref(&child->files->obj, &child->obj);
	child->files = copy;
	finish_clone(ret);
	TEST_CHECK(ret > 0 && count(V_child_shape) == 1,
		   "%s: a CLONE_FILES child with its own table fires child_shape", prof);

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	model_trace.child->exit_signal = SIGUSR1;
	finish_clone(ret);
	TEST_CHECK(ret > 0 && count(V_child_shape) == 1,
		   "%s: the wrong exit signal fires child_shape", prof);

	setup(prof);
	ret = start_clone(THREAD_FLAGS, SITE_none);
	model_trace.child->real_parent = current;
	finish_clone(ret);
	TEST_CHECK(ret > 0 && count(V_child_shape) == 1,
		   "%s: a thread whose parent is its creator fires child_shape", prof);
}

/* The world oracles: a holder whose references disagree with its pointers, counters off by one. */
static void test_world_oracles(const char *prof)
{
	struct task_struct *caller;
	struct kobj *ns;

	setup(prof);
	caller = world.scn[0];
	ns = &caller->nsproxy->uts_ns->obj;
	get_ref(ns, (struct kobj *)&caller->cred->obj);	/* a cred holding a namespace it does not point at */
	oracle_world_check(NULL);
	TEST_CHECK(count(V_recount) == 1, "%s: an unexplained hold fires recount", prof);

	setup(prof);
	caller = world.scn[0];
	hold_put(&caller->nsproxy->uts_ns->obj, &caller->nsproxy->obj, HOLD_REF);
	oracle_world_check(NULL);
	TEST_CHECK(count(V_recount) == 1, "%s: a pointer without its hold fires recount", prof);

	setup(prof);
	world.scn[0]->signal->nr_threads++;
	oracle_world_check(NULL);
	TEST_CHECK(count(V_counter) == 1, "%s: a thread group's nr_threads off by one fires counter", prof);

	setup(prof);
	world.scn[0]->thread_pid->numbers[0].ns->pid_allocated++;
	oracle_world_check(NULL);
	TEST_CHECK(count(V_counter) == 1, "%s: pid_allocated off by one fires counter", prof);

	setup(prof);
	hold_get(nproc_counter(world.scn[0]->real_cred), &world.scn[0]->obj, HOLD_PROCESSES);
	oracle_world_check(NULL);
	TEST_CHECK(count(V_counter) == 1 && count(V_recount) == 1,
		   "%s: a second NPROC charge by one task fires counter and recount", prof);

	setup(prof);
	nr_processes--;
	oracle_world_check(NULL);
	TEST_CHECK(count(V_counter) == 1, "%s: a process count off by one fires counter", prof);

	if (!world.scn[0]->cgroup)
		return;
	setup(prof);
	hold_get(&world.scn[0]->cgroup->obj, &holder_outside->obj, HOLD_PROCESSES);
	oracle_world_check(NULL);
	TEST_CHECK(count(V_counter) == 1, "%s: a pids charge without a task fires counter", prof);
}

static void test_known_defect(const char *prof)
{
	long ret;

	setup(prof);
	ret = start_clone(SIGCHLD_FLAGS, SITE_alloc_pid);
	finish_clone(ret);
	if (!profile_defect(profile, "no_exit_thread")) {
		/* fixed in 4.7: bad_fork_cleanup_thread gives the io bitmap back */
		TEST_CHECK(ret == -ENOMEM && ledger.nr_v == 0,
			   "%s: alloc_pid failure after copy_thread leaks nothing", prof);
		return;
	}
	TEST_CHECK(ret == -ENOMEM && unknown() == 0 && ledger.nr_v == 1 &&
	      oracle_known_defect(profile, &ledger.v[0]) ==
	      profile_defect(profile, "no_exit_thread"),
	      "%s: alloc_pid failure after copy_thread reports the known defect", prof);
}

/*
 * The fork's LSM hook returns a positive value: where the version passes it
 * on (no normalisation before ERR_PTR), the errno oracle sees the call
 * "succeed" after the hook failed and names the version's known defect;
 * where it cannot (no BPF LSM before 5.7) the world refuses the setting.
 * The same symptom after another step (bug positive_retval, B5) is no
 * known defect: the row is bound to the step that failed.
 */
static void test_lsm_positive(const char *prof)
{
	const struct defect_row *d;
	struct world_config c;
	long ret;
	size_t i;
	int known = 0;

	profile = profile_find(prof);
	world_config_default(&c);
	c.lsm_ret = 1;
	d = profile_defect(profile, "lsm_positive_return");
	if (profile->kv < KV(5, 7, 0)) {
		TEST_CHECK(world_config_invalid(profile, &c) != NULL && !d,
			   "%s: a positive LSM return needs a BPF LSM", prof);
		return;
	}
	world_setup(&c);
	ledger.nr_v = 0;
	ladder_test_hook = NULL;
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	finish_clone(ret);
	for (i = 0; i < ledger.nr_v && i < MAX_VIOLATIONS; i++)
		known += oracle_known_defect(profile, &ledger.v[i]) == d;
	TEST_CHECK(d && ret == 1 && count(V_bad_errno) == 0 && known >= 1 && unknown() == 0,
		   "%s: a positive LSM return is reported as lsm_positive_return (ret %ld, %d known)",
		   prof, ret, known);

	/* a negative one is an ordinary refusal */
	c.lsm_ret = -EACCES;
	world_setup(&c);
	ledger.nr_v = 0;
	ret = start_clone(SIGCHLD_FLAGS, SITE_none);
	finish_clone(ret);
	TEST_CHECK(ret == -EACCES && ledger.nr_v == 0, "%s: an LSM refusal is clean", prof);

	/* the same symptom after pidfd_file is not excused by the row */
	if (bug_applies(BUG_positive_retval, profile)) {
		struct clone_call call;

		setup(prof);
		model_bug = BUG_positive_retval;
		clone_call_clone3(&call);
		call.flags = CLONE_PIDFD;
		call.pidfd = USER_PTR_VALID + 0x1000;
		ret = start_call(&call, SITE_pidfd_file);
		finish_clone(ret);
		model_bug = BUG_none;
		TEST_CHECK(ret > 0 && count(V_bad_errno) >= 1,
			   "%s: a positive return after pidfd_file is no known defect", prof);
	}
}

int main(void)
{
	size_t i;

	for (i = 0; i < nr_profiles; i++) {
		const char *name = profiles[i]->name;

		test_hooks(name);
		test_errno_oracle(name);
		test_shape_and_counters(name);
		test_baseline(name);
		test_known_defect(name);
		test_lsm_positive(name);
		test_world_oracles(name);
		test_flag_shape(name);
		test_errno_spec_oracle(name);
		test_state_spec_oracle(name);
		test_twice(name);
	}
	return check_report("test_oracles");
}
