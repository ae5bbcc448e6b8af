// SPDX-License-Identifier: GPL-2.0-only
/* The model's argument checks agree with the independent specification in harness/errno_spec.c, on random and documented calls. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "oracle/errno_spec.h"
#include "fault.h"
#include "profile.h"
#include "world.h"
#include "setup.h"

int check_failures;
int check_count;

#define CALLS_PER_PROFILE	200000
#define EXAMPLES_PER_PAIR	1	/* mismatches printed per (spec, model) check pair */
#define UA			(USER_PTR_VALID + 0x5000)	/* a readable struct clone_args */
#define PT			(USER_PTR_VALID + 0x3000)
#define CT			(USER_PTR_VALID + 0x2000)
#define PFD			(USER_PTR_VALID + 0x1000)
#define TID			(USER_PTR_VALID + 0x4000)
#define STK			(USER_PTR_VALID + 0x100000)

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t next(void)
{
	return xorshift64(&rng);
}

/* True once in @n. */
static bool one_in(unsigned int n)
{
	return next() % n == 0;
}

#define PICK(arr) ((arr)[next() % (sizeof(arr) / sizeof((arr)[0]))])

/* ---- The model, run on one call ---- */

static void world_of(const struct spec_caller *sc, struct world_config *cfg)
{
	world_config_default(cfg);
	cfg->uid = sc->caps == CAP_FULL_SET ? 0 : 1000;
	cfg->caps = sc->caps;
	cfg->caller_is_init = sc->unkillable;
	cfg->pidns_mismatch = sc->pidns_mismatch;
	cfg->lsm_ret = -sc->lsm_errno;
	cfg->userns_depth = sc->caps_in_init_userns ? 0 : 1;
}

static long run_model(const struct profile *p, const struct spec_caller *sc,
		      const struct clone_call *c, int *check)
{
	struct world_config cfg;
	long ret;

	world_of(sc, &cfg);
	profile = p;
	world_setup(&cfg);
	current = world.scn[0];
	trace_begin(&(struct fault_plan){ 0 });
	ret = p->sys_clone(c);
	*check = model_trace.failed_check;
	return ret;
}

/* ---- Printing ---- */

static void print_flags(const struct profile *p, unsigned long long flags)
{
	unsigned long long left = flags;
	size_t i;

	fprintf(stderr, "0x%llx", flags);
	for (i = 0; i < nr_flag_names; i++) {
		const struct flag_name *f = &flag_names[i];

		if (!strcmp(f->name, "CSIGNAL") || p->kv < f->first || p->kv > f->last ||
		    (flags & f->value) != f->value)
			continue;
		fprintf(stderr, "%c%s", left == flags ? ' ' : '|', f->name);
		left &= ~f->value;
	}
	if (left != flags && left)
		fprintf(stderr, "|0x%llx", left);
}

static void print_call(const struct profile *p, const struct clone_call *c,
		       const struct spec_caller *sc)
{
	fprintf(stderr, "    %s %s flags=", p->name,
		c->entry == ENTRY_clone3 ? "clone3" : "clone");
	print_flags(p, c->flags);
	if (c->entry == ENTRY_clone3)
		fprintf(stderr, "\n    uargs=0x%llx size=%llu tail_nonzero=%d exit_signal=0x%llx"
			" pidfd=0x%llx parent_tid=0x%llx stack=0x%llx stack_size=0x%llx"
			"\n    set_tid=0x%llx set_tid_size=%llu cgroup=%llu",
			c->uargs, c->size, c->tail_nonzero, c->exit_signal, c->pidfd,
			c->parent_tid, c->stack, c->stack_size, c->set_tid,
			c->set_tid_size, c->cgroup);
	else
		fprintf(stderr, "\n    parent_tid=0x%llx child_tid=0x%llx stack=0x%llx tls=0x%llx",
			c->parent_tid, c->child_tid, c->stack, c->tls);
	fprintf(stderr, "\n    caller caps=0x%llx unkillable=%d pidns_mismatch=%d lsm_errno=%d"
		" caps_in_init_userns=%d\n", sc->caps, sc->unkillable,
		sc->pidns_mismatch, sc->lsm_errno, sc->caps_in_init_userns);
}

static void print_answer(const char *who, const struct profile *p, int check, long err)
{
	const struct spec_rule *r = errno_spec_rule(p, check);

	fprintf(stderr, "    %s: %s", who, check ? check_names[check] : "(no check refuses)");
	if (check)
		fprintf(stderr, " -> %s", errno_name((int)err) ? errno_name((int)err) : "?");
	else if (err)
		fprintf(stderr, " (returned %ld)", err);
	if (r)
		fprintf(stderr, "  [rule: %s; %s]", r->words, r->source);
	fputc('\n', stderr);
}

/* ---- One comparison ---- */

struct tally {
	unsigned long calls, mismatches;
	unsigned long fired[NR_CHECKS];		/* by the spec's answer */
	unsigned long pair[NR_CHECKS][NR_CHECKS];	/* [spec][model] mismatches */
};

static bool compare(const struct profile *p, const struct clone_call *c,
		    const struct spec_caller *sc, struct tally *t)
{
	int want_check, got_check, want = errno_spec_predict(p, c, sc, &want_check);
	long ret = run_model(p, sc, c, &got_check);
	bool agree = want_check == got_check &&
		     (want_check == CHECK_none || ret == -want);

	t->calls++;
	t->fired[want_check]++;
	if (agree)
		return true;
	t->mismatches++;
	if (t->pair[want_check][got_check]++ < EXAMPLES_PER_PAIR) {
		fprintf(stderr, "%s: spec and model disagree\n", p->name);
		print_call(p, c, sc);
		print_answer("spec ", p, want_check, want);
		print_answer("model", p, got_check, ret < 0 ? -ret : ret);
	}
	return false;
}

/* ---- Random calls ---- */

static void random_caller(struct spec_caller *sc)
{
	static const unsigned long long some_caps[] = {
		1ULL << CAP_SYS_ADMIN,
		(1ULL << CAP_SYS_ADMIN) | (1ULL << CAP_SETUID),
		(1ULL << CAP_SETUID) | (1ULL << CAP_SETGID),
		(1ULL << CAP_SYS_ADMIN) | (1ULL << CAP_SETUID) | (1ULL << CAP_SETGID),
	};
	static const int lsm[] = { EACCES, EPERM, ENOMEM };

	memset(sc, 0, sizeof(*sc));
	sc->caps = one_in(2) ? CAP_FULL_SET : one_in(4) ? PICK(some_caps) : 0;
	sc->unkillable = one_in(6);
	sc->pidns_mismatch = one_in(6);
	sc->lsm_errno = one_in(5) ? PICK(lsm) : 0;
	sc->caps_in_init_userns = !one_in(10);
	if (sc->unkillable) {
		/* world_setup's caller_is_init: the global init, root_cred, init_nsproxy */
		sc->caps = CAP_FULL_SET;
		sc->pidns_mismatch = false;
		sc->caps_in_init_userns = true;
	}
}

/* Flags the version defines, about one in @density set, then often made consistent. */
static unsigned long long random_flags(const struct profile *p, bool clone3)
{
	unsigned int density = 2 + next() % 12;
	unsigned long long f = 0;
	size_t i;

	for (i = 0; i < nr_flag_names; i++) {
		const struct flag_name *n = &flag_names[i];

		if (!strcmp(n->name, "CSIGNAL") || p->kv < n->first || p->kv > n->last)
			continue;
		if (one_in(density))
			f |= n->value;
	}
	if (one_in(2))
		f &= ~(unsigned long long)CLONE_FS;
	if (one_in(2) && (f & CLONE_THREAD))
		f |= CLONE_SIGHAND;
	if (one_in(2) && (f & CLONE_SIGHAND))
		f |= CLONE_VM;
	if (one_in(3))
		f &= ~(unsigned long long)(CLONE_NEWUSER | CLONE_NEWPID);
	if (clone3 && one_in(2))
		f &= ~(unsigned long long)(CLONE_DETACHED | CLONE_PARENT_SETTID);
	if (one_in(8))
		f |= next() << 32;
	return f;
}

static void random_legacy(const struct profile *p, struct clone_call *c)
{
	static const unsigned long long ptrs[] = { PT, PT, 0, USER_PTR_BAD, TASK_SIZE_MAX };
	static const unsigned long long sigs[] = { 0, SIGCHLD, SIGCHLD, 64, 65, 0x80, 0xff };
	unsigned long long flags = random_flags(p, false) & ~(unsigned long long)CSIGNAL;

	flags |= one_in(4) ? next() & CSIGNAL : PICK(sigs);
	clone_call_legacy(c, flags, one_in(2) ? 0 : 0x10000);
	c->parent_tid = PICK(ptrs);
	c->child_tid = one_in(4) ? PICK(ptrs) : CT;
	c->stack = one_in(2) ? 0 : STK;
	c->pidfd = one_in(4) ? c->parent_tid : PFD;		/* clone() ignores it */
	c->exit_signal = one_in(4) ? next() : 0;		/* clone() ignores it */
	c->set_tid_size = one_in(8) ? next() % 40 : 0;		/* clone() ignores it */
}

static void random_clone3(const struct profile *p, struct clone_call *c)
{
	static const unsigned long long sizes[] = {
		0, 1, 56, 63, 64, 65, 72, 76, 79, 80, 81, 84, 87, 88, 89, 96, 104,
		176, 4095, 4096, 4097, 8192, ULLONG_MAX,
	};
	static const unsigned long long uargs[] = {
		0, USER_PTR_BAD, 0xffc0, USER_MMAP_MIN_ADDR, TASK_SIZE_MAX - 88,
		TASK_SIZE_MAX - 100, TASK_SIZE_MAX - 4096, TASK_SIZE_MAX,
		0xffff888000000000ULL, ULLONG_MAX - 40,
	};
	static const unsigned long long sigs[] = {
		0, SIGCHLD, 1, 63, 64, 65, 0x80, 0xf0, 0xff, 0x100, 0x80000000ULL,
		0x100000011ULL, 0xbadc0ded00000000ULL, ULLONG_MAX,
	};
	static const unsigned long long ptrs[] = {
		PFD, PT, 0, USER_PTR_BAD, TASK_SIZE_MAX - 4, TASK_SIZE_MAX,
	};
	static const unsigned long long cgroups[] = {
		0, 3, INT_MAX - 1ULL, INT_MAX, INT_MAX + 1ULL, 0xffffffffULL,
		(1ULL << 32) | 3, ULLONG_MAX,
	};
	static const unsigned long long stacks[] = {
		0, STK, USER_PTR_BAD, TASK_SIZE_MAX - 0x1000, TASK_SIZE_MAX - 1,
		TASK_SIZE_MAX, TASK_SIZE_MAX + 1, ULLONG_MAX - 10,
	};
	static const unsigned long long stack_sizes[] = {
		0, 4, 0x1000, 0x1001, 0x10000, TASK_SIZE_MAX, TASK_SIZE_MAX + 1,
		ULLONG_MAX,
	};
	static const unsigned long long tids[] = {
		TID, 0, USER_PTR_BAD, TASK_SIZE_MAX - 8, TASK_SIZE_MAX - 128,
	};

	clone_call_clone3(c);
	c->size = one_in(2) ? PICK(sizes) : one_in(8) ? next() % 5000 :
		  CLONE_ARGS_SIZE_VER2;
	c->uargs = one_in(4) ? PICK(uargs) : UA;
	c->tail_nonzero = one_in(3);
	c->flags = random_flags(p, true);
	if (one_in(3))
		c->flags |= one_in(2) ? CLONE_NEWTIME : next() & CSIGNAL;
	c->exit_signal = one_in(3) ? PICK(sigs) : one_in(2) ? SIGCHLD : 0;
	if (one_in(2) && (c->flags & (CLONE_THREAD | CLONE_PARENT)))
		c->exit_signal = 0;
	c->pidfd = one_in(3) ? PICK(ptrs) : PFD;
	c->parent_tid = one_in(4) ? c->pidfd : one_in(3) ? PICK(ptrs) : PT;
	c->child_tid = one_in(4) ? PICK(ptrs) : CT;
	c->set_tid_size = one_in(2) ? 0 : one_in(10) ? PICK(sizes) : next() % 41;
	c->set_tid = one_in(2) ? (c->set_tid_size ? TID : 0) : PICK(tids);
	c->cgroup = one_in(2) ? 3 : PICK(cgroups);
	c->stack = one_in(2) ? 0 : one_in(2) ? STK : PICK(stacks);
	c->stack_size = !c->stack ? (one_in(4) ? PICK(stack_sizes) : 0) :
			one_in(2) ? 0x10000 : one_in(3) ? TASK_SIZE_MAX - c->stack :
			PICK(stack_sizes);
	c->tls = one_in(2) ? 0 : 0x10000;
}

/* The spec's table is the version's CHECK_ROW list: same checks, same errnos, same order. */
static void same_rules_as_table(const struct profile *p)
{
	const struct spec_rule *rules;
	size_t i, n = errno_spec_rules(p, &rules);

	TEST_CHECK(n == p->nr_checks, "%s: %zu spec rules, %zu table rows", p->name, n,
		   p->nr_checks);
	for (i = 0; i < n && i < p->nr_checks; i++)
		TEST_CHECK(rules[i].check == p->checks[i].check &&
			   rules[i].err == p->checks[i].err,
			   "%s: rule %zu is %s/%d, table row %s/%d", p->name, i,
			   check_names[rules[i].check], rules[i].err,
			   check_names[p->checks[i].check], p->checks[i].err);
}

/* Where the disagreements are: calls per (spec, model) answer. */
static void print_pairs(const struct profile *p, const struct tally *t)
{
	int s, m;

	for (s = 0; s < NR_CHECKS; s++)
		for (m = 0; m < NR_CHECKS; m++)
			if (t->pair[s][m])
				fprintf(stderr, "%s: spec %s, model %s: %lu calls\n", p->name,
					s ? check_names[s] : "none", m ? check_names[m] : "none",
					t->pair[s][m]);
}

static void random_sweep(const struct profile *p, unsigned long calls)
{
	static struct tally t;
	const struct spec_rule *rules;
	size_t i, n = errno_spec_rules(p, &rules);
	struct timespec t0, t1;
	unsigned long k;
	double secs;

	memset(&t, 0, sizeof(t));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (k = 0; k < calls; k++) {
		struct spec_caller sc;
		struct clone_call c;

		random_caller(&sc);
		if (p->has_clone3 && one_in(2))
			random_clone3(p, &c);
		else
			random_legacy(p, &c);
		compare(p, &c, &sc, &t);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	TEST_CHECK(t.mismatches == 0, "%s: %lu of %lu random calls disagree", p->name,
		   t.mismatches, t.calls);
	print_pairs(p, &t);
	for (i = 0; i < n; i++)
		TEST_CHECK(t.fired[rules[i].check] >= 10,
			   "%s: rule %s fired %lu times in the random sweep", p->name,
			   check_names[rules[i].check], t.fired[rules[i].check]);
	TEST_CHECK(t.fired[CHECK_none] >= calls / 50, "%s: %lu calls pass every check",
		   p->name, t.fired[CHECK_none]);
	printf("%s: %lu random calls compared in %.2f s, %lu disagree; passing all checks %lu",
	       p->name, t.calls, secs, t.mismatches, t.fired[CHECK_none]);
	for (i = 0; i < n; i++)
		printf("%s %s %lu", i ? "," : ";", check_names[rules[i].check],
		       t.fired[rules[i].check]);
	printf("\n");
}

/* ---- Documented cases with fixed answers ---- */

#define ROOT	{ .caps = CAP_FULL_SET, .caps_in_init_userns = true }
#define USER	{ .caps = 0, .caps_in_init_userns = true }
#define INIT	{ .caps = CAP_FULL_SET, .unkillable = true, .caps_in_init_userns = true }
#define MISMATCH { .caps = CAP_FULL_SET, .pidns_mismatch = true, .caps_in_init_userns = true }
#define LSM(e)	{ .caps = CAP_FULL_SET, .lsm_errno = (e), .caps_in_init_userns = true }
#define CAPS(c)	{ .caps = (c), .caps_in_init_userns = true }

/* clone() with the flags register @fl, valid parent_tid and child_tid. */
#define CL(fl, ...) \
	{ .entry = ENTRY_clone, .flags = (fl), .parent_tid = PT, .child_tid = CT, __VA_ARGS__ }
/* clone3() with a struct of @sz bytes at a readable address. */
#define C3(sz, ...) { .entry = ENTRY_clone3, .size = (sz), .uargs = UA, __VA_ARGS__ }

#define THREAD_FLAGS	(CLONE_THREAD | CLONE_SIGHAND | CLONE_VM)

struct hand_case {
	const char *profile;
	const char *what;		/* the document's case */
	struct clone_call call;
	struct spec_caller caller;
	int check;			/* CHECK_* that refuses, or CHECK_none */
	int err;			/* its errno */
};

static const struct hand_case hand_cases[] = {
	/* kernel-spec.md §4.2 (v2.6.32.69) */
	{ "v2.6.32", "§4.2 do_fork 1: NEWUSER|THREAD", CL(THREAD_FLAGS | CLONE_NEWUSER | SIGCHLD),
	  ROOT, CHECK_newuser_thread, EINVAL },
	{ "v2.6.32", "§4.2 do_fork 1 precedes 2: NEWUSER|THREAD unprivileged",
	  CL(THREAD_FLAGS | CLONE_NEWUSER), USER, CHECK_newuser_thread, EINVAL },
	{ "v2.6.32", "§4.2 do_fork 2: NEWUSER unprivileged", CL(CLONE_NEWUSER | SIGCHLD),
	  USER, CHECK_newuser_caps, EPERM },
	{ "v2.6.32", "§4.2 do_fork 2: NEWUSER without CAP_SETGID",
	  CL(CLONE_NEWUSER | SIGCHLD),
	  CAPS((1ULL << CAP_SYS_ADMIN) | (1ULL << CAP_SETUID)), CHECK_newuser_caps, EPERM },
	{ "v2.6.32", "§4.2: no NEWUSER+FS check before 3.9", CL(CLONE_NEWUSER | CLONE_FS | SIGCHLD),
	  ROOT, CHECK_none, 0 },
	{ "v2.6.32", "§4.2: NEWNS+FS", CL(CLONE_NEWNS | CLONE_FS | SIGCHLD), ROOT,
	  CHECK_newns_fs, EINVAL },
	{ "v2.6.32", "§4.2: THREAD without SIGHAND", CL(CLONE_THREAD), ROOT,
	  CHECK_thread_without_sighand, EINVAL },
	{ "v2.6.32", "§4.2: SIGHAND without VM", CL(CLONE_SIGHAND | SIGCHLD), ROOT,
	  CHECK_sighand_without_vm, EINVAL },
	{ "v2.6.32", "§4.2: PARENT from init", CL(CLONE_PARENT | SIGCHLD), INIT,
	  CHECK_parent_from_init, EINVAL },
	{ "v2.6.32", "§4.2: no pid-ns/thread check", CL(THREAD_FLAGS | CLONE_NEWPID), ROOT,
	  CHECK_none, 0 },
	{ "v2.6.32", "§4.2: security_task_create", CL(SIGCHLD), LSM(EACCES),
	  CHECK_security_task_create, EACCES },
	{ "v2.6.32", "§4.2: the LSM hook runs last", CL(CLONE_NEWNS | CLONE_FS | SIGCHLD),
	  LSM(EACCES), CHECK_newns_fs, EINVAL },

	/* kernel-spec.md §4.1 (v4.0.5) */
	{ "v4.0", "§4.1 check 2: NEWUSER+FS", CL(CLONE_NEWUSER | CLONE_FS | SIGCHLD), USER,
	  CHECK_newuser_fs, EINVAL },
	{ "v4.0", "§4.1 check 1 precedes 2", CL(CLONE_NEWNS | CLONE_NEWUSER | CLONE_FS | SIGCHLD),
	  ROOT, CHECK_newns_fs, EINVAL },
	{ "v4.0", "§4.1 check 6 is keyed on SIGHAND: SIGHAND|VM|NEWPID",
	  CL(CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID | SIGCHLD), ROOT,
	  CHECK_sighand_newns_pidns, EINVAL },
	{ "v4.0", "§4.1 check 6: SIGHAND|VM after unshare(CLONE_NEWPID)",
	  CL(CLONE_SIGHAND | CLONE_VM | SIGCHLD), MISMATCH, CHECK_sighand_newns_pidns, EINVAL },
	{ "v4.0", "§4.1 check 6: THREAD|SIGHAND|VM|NEWUSER", CL(THREAD_FLAGS | CLONE_NEWUSER),
	  USER, CHECK_sighand_newns_pidns, EINVAL },
	{ "v4.0", "§4.1: VM|NEWPID without SIGHAND passes", CL(CLONE_VM | CLONE_NEWPID | SIGCHLD),
	  ROOT, CHECK_none, 0 },
	{ "v4.0", "§4.1: no capability check among the argument checks", CL(CLONE_NEWUSER | SIGCHLD),
	  USER, CHECK_none, 0 },
	{ "v4.0", "§4.1 check 5 precedes 6",
	  CL(CLONE_PARENT | CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID), INIT,
	  CHECK_parent_from_init, EINVAL },
	{ "v4.0", "§4.1 check 7: security_task_create", CL(SIGCHLD), LSM(EPERM),
	  CHECK_security_task_create, EPERM },

	/* kernel-6.18.md §2, §4 K1, §5.1 (clone()) */
	{ "v6.18", "§2: PIDFD|PARENT_SETTID is always K1",
	  CL(CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD),
	  ROOT, CHECK_pidfd_parent_settid, EINVAL },
	{ "v6.18", "§2: flags 0x80 is exit signal 128, accepted", CL(0x80), ROOT, CHECK_none, 0 },
	{ "v6.18", "§2: CLONE_DETACHED alone is ignored", CL(CLONE_DETACHED | SIGCHLD), ROOT,
	  CHECK_none, 0 },
	{ "v6.18", "§5.1 P7: PIDFD|DETACHED", CL(CLONE_PIDFD | CLONE_DETACHED | SIGCHLD), ROOT,
	  CHECK_pidfd_detached, EINVAL },
	{ "v6.18", "§2: bits >= 32 are truncated", CL(CLONE_INTO_CGROUP | CLONE_CLEAR_SIGHAND | SIGCHLD),
	  ROOT, CHECK_none, 0 },
	{ "v6.18", "§5.1 P6: THREAD|SIGHAND|VM|NEWPID", CL(THREAD_FLAGS | CLONE_NEWPID), ROOT,
	  CHECK_thread_newns_pidns, EINVAL },
	{ "v6.18", "§5.1 P6 is keyed on THREAD: SIGHAND|VM|NEWPID passes",
	  CL(CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID | SIGCHLD), ROOT, CHECK_none, 0 },
	{ "v6.18", "§5.1 P6: thread after unshare(CLONE_NEWPID)", CL(THREAD_FLAGS), MISMATCH,
	  CHECK_thread_newns_pidns, EINVAL },
	{ "v6.18", "§5.1 P7: THREAD with PIDFD is allowed", CL(THREAD_FLAGS | CLONE_PIDFD), ROOT,
	  CHECK_none, 0 },
	{ "v6.18", "§5.1 P5: PARENT from init", CL(CLONE_PARENT | SIGCHLD), INIT,
	  CHECK_parent_from_init, EINVAL },
	{ "v6.18", "§6.1: no security_task_create in 6.18", CL(SIGCHLD), LSM(EACCES),
	  CHECK_none, 0 },

	/* kernel-6.18.md §7.1 selftests clone3.c */
	{ "v6.18", "§7.1 probe: exit_signal all ones", C3(88, .exit_signal = ULLONG_MAX), ROOT,
	  CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.1 #1", C3(88, .exit_signal = SIGCHLD), USER, CHECK_none, 0 },
	{ "v6.18", "§7.1 #3: size 64", C3(64, .exit_signal = SIGCHLD), USER, CHECK_none, 0 },
	{ "v6.18", "§7.1 #4: size 56", C3(56, .exit_signal = SIGCHLD), USER,
	  CHECK_clone3_size_small, EINVAL },
	{ "v6.18", "§7.1 #5: size 96, zero tail", C3(96, .exit_signal = SIGCHLD), USER,
	  CHECK_none, 0 },
	{ "v6.18", "§7.1 #6: exit_signal 0xbadc0ded00000000",
	  C3(88, .exit_signal = 0xbadc0ded00000000ULL), USER, CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.1 #7: exit_signal 0x80000000", C3(88, .exit_signal = 0x80000000ULL), USER,
	  CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.1 #8: exit_signal 0x100", C3(88, .exit_signal = 0x100), USER,
	  CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.1 #9: exit_signal 0xf0", C3(88, .exit_signal = 0xf0), USER,
	  CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.1 #11: size 104, non-zero tail", C3(104, .tail_nonzero = true), USER,
	  CHECK_clone3_tail_nonzero, E2BIG },
	{ "v6.18", "§7.1 #13: size page + 8", C3(PAGE_SIZE + 8, .exit_signal = SIGCHLD), USER,
	  CHECK_clone3_size_big, E2BIG },
	{ "v6.18", "§7.1 #15: NEWPID, size 56, unprivileged",
	  C3(56, .flags = CLONE_NEWPID, .exit_signal = SIGCHLD), USER, CHECK_clone3_size_small, EINVAL },
	{ "v6.18", "§7.1 #18: CLONE_NEWTIME", C3(88, .flags = CLONE_NEWTIME, .exit_signal = SIGCHLD),
	  ROOT, CHECK_none, 0 },
	{ "v6.18", "§7.1 #19: SIGCHLD in flags", C3(88, .flags = SIGCHLD, .exit_signal = SIGCHLD),
	  ROOT, CHECK_clone3_detached_csignal, EINVAL },

	/* kernel-6.18.md §7.2, §7.3 */
	{ "v6.18", "§7.2: set_tid_size 33", C3(88, .set_tid = TID, .set_tid_size = 33,
	  .exit_signal = SIGCHLD), ROOT, CHECK_clone3_set_tid_size, EINVAL },
	{ "v6.18", "§7.2: set_tid_size 31 passes C4 (alloc_pid refuses later)",
	  C3(88, .set_tid = TID, .set_tid_size = 31, .exit_signal = SIGCHLD), ROOT, CHECK_none, 0 },
	{ "v6.18", "§7.3: CLEAR_SIGHAND|SIGHAND",
	  C3(88, .flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM, .exit_signal = SIGCHLD),
	  ROOT, CHECK_clone3_sighand_clear, EINVAL },

	/* kernel-6.18.md §7.4 LTP clone302 */
	{ "v6.18", "§7.4 clone302 invalid args: bad uargs",
	  { .entry = ENTRY_clone3, .size = 88, .uargs = USER_PTR_BAD }, ROOT,
	  CHECK_clone3_args_fault, EFAULT },
	{ "v6.18", "§7.4 clone302 zero size", C3(0), ROOT, CHECK_clone3_size_small, EINVAL },
	{ "v6.18", "§7.4 clone302 short size 63", C3(63), ROOT, CHECK_clone3_size_small, EINVAL },
	{ "v6.18", "§7.4 clone302 extra size 89 at a guard page",
	  { .entry = ENTRY_clone3, .size = 89, .uargs = TASK_SIZE_MAX - 88 }, ROOT,
	  CHECK_clone3_args_fault, EFAULT },
	{ "v6.18", "§7.4 clone302 sighand-no-VM", C3(88, .flags = CLONE_SIGHAND,
	  .exit_signal = SIGCHLD), ROOT, CHECK_sighand_without_vm, EINVAL },
	{ "v6.18", "§7.4 clone302 thread-no-sighand: V4 before P3",
	  C3(88, .flags = CLONE_THREAD, .exit_signal = SIGCHLD), ROOT,
	  CHECK_clone3_thread_exit_signal, EINVAL },
	{ "v6.18", "§7.4 clone302 fs-newns", C3(88, .flags = CLONE_FS | CLONE_NEWNS,
	  .exit_signal = SIGCHLD), ROOT, CHECK_newns_fs, EINVAL },
	{ "v6.18", "§7.4 clone302 invalid pidfd: fails after the checks",
	  C3(88, .flags = CLONE_PIDFD, .pidfd = USER_PTR_BAD, .exit_signal = SIGCHLD), ROOT,
	  CHECK_none, 0 },
	{ "v6.18", "§7.4 clone302 invalid signal 256", C3(88, .exit_signal = 256), ROOT,
	  CHECK_clone3_exit_signal, EINVAL },
	{ "v6.18", "§7.4 clone302 zero-stack-size", C3(88, .stack = STK, .exit_signal = SIGCHLD),
	  ROOT, CHECK_clone3_stack, EINVAL },
	{ "v6.18", "§7.4 clone302 invalid-stack", C3(88, .stack_size = 4, .exit_signal = SIGCHLD),
	  ROOT, CHECK_clone3_stack, EINVAL },

	/* kernel-6.18.md §3, §4: order and edges */
	{ "v6.18", "§3.1: C1 before C3", { .entry = ENTRY_clone3, .size = 4097, .uargs = USER_PTR_BAD },
	  ROOT, CHECK_clone3_size_big, E2BIG },
	{ "v6.18", "§3.1: C2 before C3", { .entry = ENTRY_clone3, .size = 56, .uargs = 0 },
	  ROOT, CHECK_clone3_size_small, EINVAL },
	{ "v6.18", "§3.1 C3: the tail is scanned before the struct is copied",
	  { .entry = ENTRY_clone3, .size = 200, .uargs = USER_MMAP_MIN_ADDR - 0x40,
	    .tail_nonzero = true }, ROOT, CHECK_clone3_tail_nonzero, E2BIG },
	{ "v6.18", "§3.1 C3: a tail fault is EFAULT even when non-zero",
	  { .entry = ENTRY_clone3, .size = 4096, .uargs = TASK_SIZE_MAX - 100,
	    .tail_nonzero = true }, ROOT, CHECK_clone3_args_fault, EFAULT },
	{ "v6.18", "§3.1 C5: set_tid_size without set_tid", C3(88, .set_tid_size = 1), ROOT,
	  CHECK_clone3_set_tid_null, EINVAL },
	{ "v6.18", "§3.1 C6: set_tid with size 0", C3(88, .set_tid = TID), ROOT,
	  CHECK_clone3_set_tid_empty, EINVAL },
	{ "v6.18", "§3.1 C3: size 64 zero-fills set_tid, set_tid_size and cgroup",
	  C3(64, .set_tid = USER_PTR_BAD, .set_tid_size = 99, .cgroup = ULLONG_MAX), ROOT,
	  CHECK_none, 0 },
	{ "v6.18", "§3.1 C3: size 72 copies set_tid but zero-fills set_tid_size",
	  C3(72, .set_tid = TID, .set_tid_size = 1), ROOT, CHECK_clone3_set_tid_empty, EINVAL },
	{ "v6.18", "§3.1 C8: INTO_CGROUP with size 80",
	  C3(80, .flags = CLONE_INTO_CGROUP, .cgroup = 3), ROOT, CHECK_clone3_cgroup, EINVAL },
	{ "v6.18", "§3.1 C8: cgroup INT_MAX + 1",
	  C3(88, .flags = CLONE_INTO_CGROUP, .cgroup = INT_MAX + 1ULL), ROOT,
	  CHECK_clone3_cgroup, EINVAL },
	{ "v6.18", "§3.1 C8: cgroup INT_MAX passes", C3(88, .flags = CLONE_INTO_CGROUP,
	  .cgroup = INT_MAX), ROOT, CHECK_none, 0 },
	{ "v6.18", "§3.1 C9: unreadable set_tid array",
	  C3(88, .set_tid = USER_PTR_BAD, .set_tid_size = 1), ROOT, CHECK_clone3_set_tid_fault, EFAULT },
	{ "v6.18", "§3.1 C8 before C9", C3(80, .flags = CLONE_INTO_CGROUP, .set_tid = USER_PTR_BAD,
	  .set_tid_size = 1), ROOT, CHECK_clone3_cgroup, EINVAL },
	{ "v6.18", "§3.2 V1: bit 34", C3(88, .flags = 1ULL << 34), ROOT,
	  CHECK_clone3_unknown_flags, EINVAL },
	{ "v6.18", "§3.2 V2: CLONE_DETACHED", C3(88, .flags = CLONE_DETACHED), ROOT,
	  CHECK_clone3_detached_csignal, EINVAL },
	{ "v6.18", "§3.3: access_ok up to TASK_SIZE_MAX",
	  C3(88, .stack = TASK_SIZE_MAX - 0x1000, .stack_size = 0x1000), ROOT, CHECK_none, 0 },
	{ "v6.18", "§3.3: one byte past TASK_SIZE_MAX",
	  C3(88, .stack = TASK_SIZE_MAX - 0x1000, .stack_size = 0x1001), ROOT,
	  CHECK_clone3_stack, EINVAL },
	{ "v6.18", "§3.3: unmapped but in range", C3(88, .stack = USER_PTR_BAD, .stack_size = 0x1000),
	  ROOT, CHECK_none, 0 },
	{ "v6.18", "§4 K1: both pointers NULL", C3(88, .flags = CLONE_PIDFD | CLONE_PARENT_SETTID),
	  ROOT, CHECK_pidfd_parent_settid, EINVAL },
	{ "v6.18", "§4 K1: different pointers pass",
	  C3(88, .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .pidfd = PFD, .parent_tid = PT),
	  ROOT, CHECK_none, 0 },
	{ "v6.18", "§5.1 P5 via clone3", C3(88, .flags = CLONE_PARENT), INIT,
	  CHECK_parent_from_init, EINVAL },
};

static void hand_written(void)
{
	size_t i;

	for (i = 0; i < sizeof(hand_cases) / sizeof(hand_cases[0]); i++) {
		const struct hand_case *h = &hand_cases[i];
		const struct profile *p = profile_find(h->profile);
		int spec_check, model_check, spec_err;
		long ret;

		TEST_CHECK(p, "profile %s", h->profile);
		if (!p)
			continue;
		spec_err = errno_spec_predict(p, &h->call, &h->caller, &spec_check);
		ret = run_model(p, &h->caller, &h->call, &model_check);
		TEST_CHECK(spec_check == h->check && spec_err == h->err,
			   "%s %s: spec says %s/%d, the document %s/%d", h->profile, h->what,
			   check_names[spec_check], spec_err, check_names[h->check], h->err);
		TEST_CHECK(model_check == h->check && (!h->check || ret == -h->err),
			   "%s %s: model says %s/%ld, the document %s/%d", h->profile, h->what,
			   check_names[model_check], ret, check_names[h->check], h->err);
		if (spec_check != h->check || model_check != h->check)
			print_call(p, &h->call, &h->caller);
	}
	printf("hand-written: %zu documented cases\n", sizeof(hand_cases) / sizeof(hand_cases[0]));
}

/*
 * A source profile follows its spec version's entry and then its own
 * copy_process checks, in its table's order, with the rules of the checks
 * of real trees (errno_spec.c's rules_extra); a check with no rule leaves
 * it uncovered.
 */
static void source_spec(void)
{
	static const struct check_row checks[] = {
		{ CHECK_pidfd_parent_settid, EINVAL, L_none, "" },
		{ CHECK_newns_fs, EINVAL, L_none, "" },
		{ CHECK_newuser_sysctl, EPERM, L_none, "" },
		{ CHECK_timens_shared_vm, EINVAL, L_none, "" },
		{ CHECK_pidfd_detached_thread, EINVAL, L_none, "" },
	};
	static const struct check_row unruled[] = {
		{ CHECK_newns_fs, EINVAL, L_none, "" },
		{ CHECK_newuser_thread, EINVAL, L_none, "" },	/* 2.6.32's do_fork, not 6.18's */
	};
	struct profile src = { .name = "src-test", .spec = "v6.18", .checks = checks,
			       .nr_checks = sizeof(checks) / sizeof(checks[0]) };
	struct profile bare = src;
	struct spec_caller root = ROOT, pending = ROOT;
	struct clone_call pidfd_thread = CL(CLONE_PIDFD | THREAD_FLAGS);
	struct clone_call vm = CL(CLONE_VM | SIGCHLD), newuser = CL(CLONE_NEWUSER | SIGCHLD);
	struct clone_call newns_fs = CL(CLONE_NEWNS | CLONE_FS | CLONE_PIDFD | THREAD_FLAGS);
	const struct profile *v618 = profile_find("v6.18");
	int check, err;

	pending.timens_pending = true;
	err = errno_spec_predict(&src, &pidfd_thread, &root, &check);
	TEST_CHECK(check == CHECK_pidfd_detached_thread && err == EINVAL,
		   "CLONE_PIDFD with a thread: %s/%d", check_names[check], err);
	err = errno_spec_predict(v618, &pidfd_thread, &root, &check);
	TEST_CHECK(check == CHECK_none && err == 0, "which 6.18 allows: %s/%d", check_names[check], err);
	err = errno_spec_predict(&src, &vm, &pending, &check);
	TEST_CHECK(check == CHECK_timens_shared_vm && err == EINVAL,
		   "CLONE_VM into a pending time namespace: %s/%d", check_names[check], err);
	err = errno_spec_predict(&src, &vm, &root, &check);
	TEST_CHECK(check == CHECK_none && err == 0, "none pending: %s/%d", check_names[check], err);
	err = errno_spec_predict(&src, &newuser, &root, &check);
	TEST_CHECK(check == CHECK_none && err == 0, "the sysctl at 1: %s/%d", check_names[check], err);
	err = errno_spec_predict(&src, &newns_fs, &root, &check);
	TEST_CHECK(check == CHECK_newns_fs && err == EINVAL,
		   "the table's order: newns_fs first, %s/%d", check_names[check], err);
	bare.name = "src-unruled";
	bare.checks = unruled;
	bare.nr_checks = sizeof(unruled) / sizeof(unruled[0]);
	err = errno_spec_predict(&bare, &vm, &root, &check);
	TEST_CHECK(err == -1, "a check with no rule: uncovered, %d", err);
}

int main(int argc, char **argv)
{
	unsigned long calls = argc > 1 ? strtoul(argv[1], NULL, 0) : CALLS_PER_PROFILE;
	size_t i;

	for (i = 0; i < nr_profiles; i++)
		same_rules_as_table(profiles[i]);
	hand_written();
	source_spec();
	for (i = 0; i < nr_profiles; i++)
		random_sweep(profiles[i], calls);
	return check_report("test_errno_spec");
}
