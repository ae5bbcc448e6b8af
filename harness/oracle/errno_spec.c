// SPDX-License-Identifier: GPL-2.0-only
/*
 * The argument checks of clone()/clone3() as data: per version a table of
 * { check, errno, condition } evaluated top to bottom, the first refusal wins.
 * Every condition is taken from the documents (kernel-spec.md §4.1, §4.2;
 * kernel-6.18.md §2, §3, §4, §5.1), not from the model, so that the model
 * can be checked against it.
 */
#include <limits.h>
#include <string.h>

#include "errno_spec.h"
#include "vocab.h"
#include "world.h"

#define LOWER_32_BITS	0xffffffffULL
#define CLONE_LEGACY_FLAGS	0xffffffffULL	/* include/linux/sched/task.h */

/* ---- Conditions shared by every version (copy_process, do_fork) ---- */

static bool has(const struct spec_args *a, unsigned long long flag)
{
	return a->flags & flag;
}

/* 2.6.32 do_fork 1: CLONE_NEWUSER together with CLONE_THREAD. */
static bool newuser_thread(const struct spec_args *a)
{
	return has(a, CLONE_NEWUSER) && has(a, CLONE_THREAD);
}

/*
 * 2.6.32 do_fork 2: CLONE_NEWUSER needs CAP_SYS_ADMIN, CAP_SETUID and
 * CAP_SETGID. capable() in 2.6.32 reads the cred's effective set and knows
 * no per-namespace capability, so caps_in_init_userns plays no part.
 */
static bool newuser_caps(const struct spec_args *a)
{
	unsigned long long need = (1ULL << CAP_SYS_ADMIN) | (1ULL << CAP_SETUID) |
				  (1ULL << CAP_SETGID);

	return has(a, CLONE_NEWUSER) && (a->caller->caps & need) != need;
}

static bool newns_fs(const struct spec_args *a)
{
	return has(a, CLONE_NEWNS) && has(a, CLONE_FS);
}

static bool newuser_fs(const struct spec_args *a)
{
	return has(a, CLONE_NEWUSER) && has(a, CLONE_FS);
}

static bool thread_without_sighand(const struct spec_args *a)
{
	return has(a, CLONE_THREAD) && !has(a, CLONE_SIGHAND);
}

static bool sighand_without_vm(const struct spec_args *a)
{
	return has(a, CLONE_SIGHAND) && !has(a, CLONE_VM);
}

static bool parent_from_init(const struct spec_args *a)
{
	return has(a, CLONE_PARENT) && a->caller->unkillable;
}

static bool newns_or_pidns_mismatch(const struct spec_args *a)
{
	return has(a, CLONE_NEWUSER) || has(a, CLONE_NEWPID) ||
	       a->caller->pidns_mismatch;
}

/* v4.0 check 6: keyed on CLONE_SIGHAND (later kernels: CLONE_THREAD). */
static bool sighand_newns_pidns(const struct spec_args *a)
{
	return has(a, CLONE_SIGHAND) && newns_or_pidns_mismatch(a);
}

/* 6.18 P6: keyed on CLONE_THREAD. */
static bool thread_newns_pidns(const struct spec_args *a)
{
	return has(a, CLONE_THREAD) && newns_or_pidns_mismatch(a);
}

/* 6.18 P7: CLONE_THREAD is allowed with CLONE_PIDFD. */
static bool pidfd_detached(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD) && has(a, CLONE_DETACHED);
}

static bool security_task_create(const struct spec_args *a)
{
	return a->caller->lsm_errno != 0;
}

/* ---- 6.18 clone3: sys_clone3 and copy_clone_args_from_user (C1-C9) ---- */

static bool clone3_size_big(const struct spec_args *a)
{
	return a->size > PAGE_SIZE;
}

static bool clone3_size_small(const struct spec_args *a)
{
	return a->size < CLONE_ARGS_SIZE_VER0;
}

/* The bytes past the kernel's struct: [uargs + 88, uargs + size). */
static bool tail_readable(const struct spec_args *a)
{
	return a->size <= CLONE_ARGS_SIZE_VER2 ||
	       user_access_ok(a->uargs + CLONE_ARGS_SIZE_VER2,
			      a->size - CLONE_ARGS_SIZE_VER2);
}

/* C3, first half: the tail is scanned before the struct is copied. */
static bool clone3_tail_nonzero(const struct spec_args *a)
{
	return a->size > CLONE_ARGS_SIZE_VER2 && tail_readable(a) &&
	       a->tail_nonzero;
}

/* C3: a fault scanning the tail, or copying min(size, 88) bytes. */
static bool clone3_args_fault(const struct spec_args *a)
{
	unsigned long long len = a->size < CLONE_ARGS_SIZE_VER2 ?
				 a->size : CLONE_ARGS_SIZE_VER2;

	return !tail_readable(a) || !user_access_ok(a->uargs, len);
}

static bool clone3_set_tid_size(const struct spec_args *a)
{
	return a->set_tid_size > MAX_SET_TID;
}

static bool clone3_set_tid_null(const struct spec_args *a)
{
	return !a->set_tid && a->set_tid_size > 0;
}

static bool clone3_set_tid_empty(const struct spec_args *a)
{
	return a->set_tid && !a->set_tid_size;
}

/* C7: bits outside CSIGNAL, or !valid_signal() (0.._NSIG). */
static bool clone3_exit_signal(const struct spec_args *a)
{
	return (a->exit_signal & ~(unsigned long long)CSIGNAL) ||
	       a->exit_signal > _NSIG;
}

static bool clone3_cgroup(const struct spec_args *a)
{
	return has(a, CLONE_INTO_CGROUP) &&
	       (a->cgroup > INT_MAX || a->size < CLONE_ARGS_SIZE_VER2);
}

/* C9: set_tid_size pid_t (4 bytes each) read from the set_tid pointer. */
static bool clone3_set_tid_fault(const struct spec_args *a)
{
	return a->set_tid && !user_access_ok(a->set_tid, a->set_tid_size * 4);
}

/* ---- 6.18 clone3_args_valid (V1-V5) ---- */

static bool clone3_unknown_flags(const struct spec_args *a)
{
	return a->flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND |
			    CLONE_INTO_CGROUP);
}

static bool clone3_detached_csignal(const struct spec_args *a)
{
	return a->flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME));
}

static bool clone3_sighand_clear(const struct spec_args *a)
{
	return has(a, CLONE_SIGHAND) && has(a, CLONE_CLEAR_SIGHAND);
}

static bool clone3_thread_exit_signal(const struct spec_args *a)
{
	return (has(a, CLONE_THREAD) || has(a, CLONE_PARENT)) && a->exit_signal;
}

/* access_ok(): the range lies below TASK_SIZE_MAX without wrapping; mapped or not. */
static bool access_ok(unsigned long long addr, unsigned long long size)
{
	return size <= TASK_SIZE_MAX && addr <= TASK_SIZE_MAX - size;
}

/* V5, clone3_stack_valid(). */
static bool clone3_stack(const struct spec_args *a)
{
	if (!a->stack)
		return a->stack_size > 0;
	return !a->stack_size || !access_ok(a->stack, a->stack_size);
}

/* ---- 6.18 kernel_clone (K1) ---- */

static bool pidfd_parent_settid(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD) && has(a, CLONE_PARENT_SETTID) &&
	       a->pidfd == a->parent_tid;
}

/* ---- The tables ---- */

#define BOTH	(SPEC_CLONE | SPEC_CLONE3)
#define KS	"kernel-spec.md "
#define K618	"kernel-6.18.md "

static const struct spec_rule rules_v2_6_32[] = {
	{ CHECK_newuser_thread, EINVAL, SPEC_CLONE, newuser_thread,
	  "CLONE_NEWUSER with CLONE_THREAD", KS "§4.2 do_fork 1" },
	{ CHECK_newuser_caps, EPERM, SPEC_CLONE, newuser_caps,
	  "CLONE_NEWUSER without all of CAP_SYS_ADMIN, CAP_SETUID, CAP_SETGID",
	  KS "§4.2 do_fork 2" },
	{ CHECK_newns_fs, EINVAL, SPEC_CLONE, newns_fs,
	  "CLONE_NEWNS with CLONE_FS", KS "§4.2 copy_process" },
	{ CHECK_thread_without_sighand, EINVAL, SPEC_CLONE, thread_without_sighand,
	  "CLONE_THREAD without CLONE_SIGHAND", KS "§4.2 copy_process" },
	{ CHECK_sighand_without_vm, EINVAL, SPEC_CLONE, sighand_without_vm,
	  "CLONE_SIGHAND without CLONE_VM", KS "§4.2 copy_process" },
	{ CHECK_parent_from_init, EINVAL, SPEC_CLONE, parent_from_init,
	  "CLONE_PARENT from a SIGNAL_UNKILLABLE caller", KS "§4.2 copy_process" },
	{ CHECK_security_task_create, 0, SPEC_CLONE, security_task_create,
	  "security_task_create refuses (its errno)", KS "§4.2 copy_process" },
};

static const struct spec_rule rules_v4_0[] = {
	{ CHECK_newns_fs, EINVAL, SPEC_CLONE, newns_fs,
	  "CLONE_NEWNS with CLONE_FS", KS "§4.1 check 1" },
	{ CHECK_newuser_fs, EINVAL, SPEC_CLONE, newuser_fs,
	  "CLONE_NEWUSER with CLONE_FS", KS "§4.1 check 2" },
	{ CHECK_thread_without_sighand, EINVAL, SPEC_CLONE, thread_without_sighand,
	  "CLONE_THREAD without CLONE_SIGHAND", KS "§4.1 check 3" },
	{ CHECK_sighand_without_vm, EINVAL, SPEC_CLONE, sighand_without_vm,
	  "CLONE_SIGHAND without CLONE_VM", KS "§4.1 check 4" },
	{ CHECK_parent_from_init, EINVAL, SPEC_CLONE, parent_from_init,
	  "CLONE_PARENT from a SIGNAL_UNKILLABLE caller", KS "§4.1 check 5" },
	{ CHECK_sighand_newns_pidns, EINVAL, SPEC_CLONE, sighand_newns_pidns,
	  "CLONE_SIGHAND with CLONE_NEWUSER or CLONE_NEWPID, or pid_ns_for_children != the active pid ns",
	  KS "§4.1 check 6" },
	{ CHECK_security_task_create, 0, SPEC_CLONE, security_task_create,
	  "security_task_create refuses (its errno)", KS "§4.1 check 7" },
};

static const struct spec_rule rules_v6_18[] = {
	{ CHECK_clone3_size_big, E2BIG, SPEC_CLONE3, clone3_size_big,
	  "size > PAGE_SIZE (4096)", K618 "§3.1 C1" },
	{ CHECK_clone3_size_small, EINVAL, SPEC_CLONE3, clone3_size_small,
	  "size < CLONE_ARGS_SIZE_VER0 (64)", K618 "§3.1 C2" },
	{ CHECK_clone3_tail_nonzero, E2BIG, SPEC_CLONE3, clone3_tail_nonzero,
	  "size > 88, the bytes past 88 readable and one of them non-zero",
	  K618 "§3.1 C3" },
	{ CHECK_clone3_args_fault, EFAULT, SPEC_CLONE3, clone3_args_fault,
	  "the bytes past 88 fault, or the first min(size, 88) bytes fault",
	  K618 "§3.1 C3" },
	{ CHECK_clone3_set_tid_size, EINVAL, SPEC_CLONE3, clone3_set_tid_size,
	  "set_tid_size > MAX_PID_NS_LEVEL (32)", K618 "§3.1 C4" },
	{ CHECK_clone3_set_tid_null, EINVAL, SPEC_CLONE3, clone3_set_tid_null,
	  "set_tid == 0 and set_tid_size > 0", K618 "§3.1 C5" },
	{ CHECK_clone3_set_tid_empty, EINVAL, SPEC_CLONE3, clone3_set_tid_empty,
	  "set_tid != 0 and set_tid_size == 0", K618 "§3.1 C6" },
	{ CHECK_clone3_exit_signal, EINVAL, SPEC_CLONE3, clone3_exit_signal,
	  "exit_signal has bits outside 0xff, or exit_signal > _NSIG (64)",
	  K618 "§3.1 C7" },
	{ CHECK_clone3_cgroup, EINVAL, SPEC_CLONE3, clone3_cgroup,
	  "CLONE_INTO_CGROUP and (cgroup > INT_MAX or size < 88)", K618 "§3.1 C8" },
	{ CHECK_clone3_set_tid_fault, EFAULT, SPEC_CLONE3, clone3_set_tid_fault,
	  "set_tid != 0 and its set_tid_size * 4 bytes fault", K618 "§3.1 C9" },
	{ CHECK_clone3_unknown_flags, EINVAL, SPEC_CLONE3, clone3_unknown_flags,
	  "a flag outside 0xffffffff | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP",
	  K618 "§3.2 V1" },
	{ CHECK_clone3_detached_csignal, EINVAL, SPEC_CLONE3, clone3_detached_csignal,
	  "CLONE_DETACHED, or a CSIGNAL bit other than CLONE_NEWTIME (0x7f)",
	  K618 "§3.2 V2" },
	{ CHECK_clone3_sighand_clear, EINVAL, SPEC_CLONE3, clone3_sighand_clear,
	  "CLONE_SIGHAND with CLONE_CLEAR_SIGHAND", K618 "§3.2 V3" },
	{ CHECK_clone3_thread_exit_signal, EINVAL, SPEC_CLONE3, clone3_thread_exit_signal,
	  "CLONE_THREAD or CLONE_PARENT with exit_signal != 0", K618 "§3.2 V4" },
	{ CHECK_clone3_stack, EINVAL, SPEC_CLONE3, clone3_stack,
	  "stack 0 with stack_size > 0; stack with stack_size 0; !access_ok(stack, stack_size)",
	  K618 "§3.2 V5, §3.3" },
	{ CHECK_pidfd_parent_settid, EINVAL, BOTH, pidfd_parent_settid,
	  "CLONE_PIDFD and CLONE_PARENT_SETTID with pidfd == parent_tid (always, for clone())",
	  K618 "§4 K1, §2" },
	{ CHECK_newns_fs, EINVAL, BOTH, newns_fs,
	  "CLONE_NEWNS with CLONE_FS", K618 "§5.1 P1" },
	{ CHECK_newuser_fs, EINVAL, BOTH, newuser_fs,
	  "CLONE_NEWUSER with CLONE_FS", K618 "§5.1 P2" },
	{ CHECK_thread_without_sighand, EINVAL, BOTH, thread_without_sighand,
	  "CLONE_THREAD without CLONE_SIGHAND", K618 "§5.1 P3" },
	{ CHECK_sighand_without_vm, EINVAL, BOTH, sighand_without_vm,
	  "CLONE_SIGHAND without CLONE_VM", K618 "§5.1 P4" },
	{ CHECK_parent_from_init, EINVAL, BOTH, parent_from_init,
	  "CLONE_PARENT from a SIGNAL_UNKILLABLE caller", K618 "§5.1 P5" },
	{ CHECK_thread_newns_pidns, EINVAL, BOTH, thread_newns_pidns,
	  "CLONE_THREAD with CLONE_NEWUSER or CLONE_NEWPID, or pid_ns_for_children != the active pid ns",
	  K618 "§5.1 P6" },
	{ CHECK_pidfd_detached, EINVAL, BOTH, pidfd_detached,
	  "CLONE_PIDFD with CLONE_DETACHED", K618 "§5.1 P7" },
};

/* ---- Checks of real trees no mirror has (source profiles) ---- */

static bool pidfd_detached_thread(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD) && (has(a, CLONE_DETACHED) || has(a, CLONE_THREAD));
}

static bool timens_shared_vm(const struct spec_args *a)
{
	return (has(a, CLONE_THREAD) || has(a, CLONE_VM)) && a->caller->timens_pending;
}

/* model: the sysctl keeps Debian's default, 1: unprivileged user namespaces are allowed */
static bool newuser_sysctl(const struct spec_args *a)
{
	(void)a;
	return false;
}

/* 7.x's checks of CLONE_AUTOREAP, CLONE_NNP and CLONE_PIDFD_AUTOKILL (Debian 7.2.13 copy_process). */
static bool autoreap_thread(const struct spec_args *a)
{
	return has(a, CLONE_AUTOREAP) && has(a, CLONE_THREAD);
}

static bool autoreap_parent(const struct spec_args *a)
{
	return has(a, CLONE_AUTOREAP) && has(a, CLONE_PARENT);
}

static bool autoreap_exit_signal(const struct spec_args *a)
{
	return has(a, CLONE_AUTOREAP) && a->exit_signal;
}

/* model: no caller is autoreaped: the v6.18 entry a source profile has never passes CLONE_AUTOREAP */
static bool parent_autoreap(const struct spec_args *a)
{
	(void)a;
	return false;
}

static bool nnp_thread(const struct spec_args *a)
{
	return has(a, CLONE_NNP) && has(a, CLONE_THREAD);
}

static bool autokill_no_pidfd(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD_AUTOKILL) && !has(a, CLONE_PIDFD);
}

static bool autokill_no_autoreap(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD_AUTOKILL) && !has(a, CLONE_AUTOREAP);
}

static bool autokill_thread(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD_AUTOKILL) && has(a, CLONE_THREAD);
}

/* ns_capable() in the caller's own user namespace: its effective set. */
static bool autokill_caps(const struct spec_args *a)
{
	return has(a, CLONE_PIDFD_AUTOKILL) && !has(a, CLONE_NNP) &&
	       !(a->caller->caps & (1ULL << CAP_SYS_ADMIN));
}

#define RULE_7_2(check, err, words) \
	{ CHECK_##check, err, BOTH, check, words, "Debian 7.2.13 kernel/fork.c copy_process" }

static const struct spec_rule rules_extra[] = {
	{ CHECK_pidfd_detached_thread, EINVAL, BOTH, pidfd_detached_thread,
	  "CLONE_PIDFD with CLONE_DETACHED or CLONE_THREAD", "Debian 6.1.176 kernel/fork.c copy_process" },
	{ CHECK_timens_shared_vm, EINVAL, BOTH, timens_shared_vm,
	  "CLONE_THREAD or CLONE_VM while the time namespace for children differs",
	  "Debian 6.1.176 kernel/fork.c copy_process" },
	{ CHECK_newuser_sysctl, EPERM, BOTH, newuser_sysctl,
	  "CLONE_NEWUSER while kernel.unprivileged_userns_clone is 0, without CAP_SYS_ADMIN",
	  "Debian and CachyOS kernel/fork.c copy_process" },
	RULE_7_2(autoreap_thread, EINVAL, "CLONE_AUTOREAP with CLONE_THREAD"),
	RULE_7_2(autoreap_parent, EINVAL, "CLONE_AUTOREAP with CLONE_PARENT"),
	RULE_7_2(autoreap_exit_signal, EINVAL, "CLONE_AUTOREAP with an exit signal"),
	RULE_7_2(parent_autoreap, EINVAL, "CLONE_PARENT from an autoreaped caller"),
	RULE_7_2(nnp_thread, EINVAL, "CLONE_NNP with CLONE_THREAD"),
	RULE_7_2(autokill_no_pidfd, EINVAL, "CLONE_PIDFD_AUTOKILL without CLONE_PIDFD"),
	RULE_7_2(autokill_no_autoreap, EINVAL, "CLONE_PIDFD_AUTOKILL without CLONE_AUTOREAP"),
	RULE_7_2(autokill_thread, EINVAL, "CLONE_PIDFD_AUTOKILL with CLONE_THREAD"),
	RULE_7_2(autokill_caps, EPERM,
		 "CLONE_PIDFD_AUTOKILL without CLONE_NNP or CAP_SYS_ADMIN in the caller's user namespace"),
};

/* How a version's entry points hand the arguments to the checks. */
struct spec_version {
	const char *name;		/* the profile's name */
	bool clone3;			/* clone3() exists */
	bool clone_lower_32;		/* clone() keeps the low 32 bits minus CSIGNAL (5.7+, B10) */
	const struct spec_rule *rules;
	size_t nr_rules;
};

#define VERSION(n, c3, low32, r) { n, c3, low32, r, sizeof(r) / sizeof((r)[0]) }

static const struct spec_version versions[] = {
	VERSION("v2.6.32", false, false, rules_v2_6_32),
	VERSION("v4.0", false, false, rules_v4_0),
	VERSION("v6.18", true, true, rules_v6_18),
};

static const struct spec_version *named_version(const char *name)
{
	/* asked after every call, nearly always for the name asked last */
	static const char *last_name;
	static const struct spec_version *last;
	size_t i;

	if (name == last_name)
		return last;
	last = NULL;
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		if (!strcmp(versions[i].name, name)) {
			last = &versions[i];
			break;
		}
	last_name = name;
	return last;
}

/* @check's rule in @v's list, else in rules_extra, else NULL. */
static const struct spec_rule *rule_for(const struct spec_version *v, int check)
{
	size_t i;

	for (i = 0; i < v->nr_rules; i++)
		if (v->rules[i].check == check)
			return &v->rules[i];
	for (i = 0; i < sizeof(rules_extra) / sizeof(rules_extra[0]); i++)
		if (rules_extra[i].check == check)
			return &rules_extra[i];
	return NULL;
}

/*
 * A source profile (p->spec set) follows its spec version's entry, and its
 * own copy_process() checks in its table's order: the spec version's rules
 * for the checks before copy_process (those whose check its table lists
 * first, the entry's), then a rule per check of the table. A check with
 * no rule leaves the profile uncovered.
 */
static const struct spec_version *source_version(const struct profile *p)
{
	static struct spec_rule rules[64];
	static struct spec_version v;
	static const struct profile *made;
	const struct spec_version *base = named_version(p->spec);
	const struct spec_rule *r;
	size_t i, n = 0;

	if (made == p)
		return v.rules ? &v : NULL;
	made = p;
	v.rules = NULL;
	if (!base)
		return NULL;
	for (i = 0; i < p->nr_checks && n < sizeof(rules) / sizeof(rules[0]); i++) {
		r = rule_for(base, p->checks[i].check);
		if (!r)
			return NULL;
		rules[n++] = *r;
	}
	v = (struct spec_version){ p->name, base->clone3, base->clone_lower_32, rules, n };
	return &v;
}

static const struct spec_version *version_of(const struct profile *p)
{
	if (!p)
		return NULL;
	return p->spec ? source_version(p) : named_version(p->name);
}

/*
 * A struct clone_args field at byte offset @off as copy_struct_from_user()
 * leaves it: the user's bytes below @size, zero above (little-endian x86-64).
 */
static unsigned long long clone_args_field(unsigned long long v, unsigned int off,
					   unsigned long long size)
{
	if (size >= off + 8)
		return v;
	if (size <= off)
		return 0;
	return v & ((1ULL << (8 * (size - off))) - 1);
}

void errno_spec_decode(const struct profile *p, const struct clone_call *c,
		       const struct spec_caller *caller, struct spec_args *a)
{
	const struct spec_version *v = version_of(p);
	unsigned long long raw = c->flags;

	memset(a, 0, sizeof(*a));
	a->caller = caller;
	a->entry = c->entry;
	if (c->entry == ENTRY_clone3) {
		a->uargs = c->uargs;
		a->size = c->size;
		a->tail_nonzero = c->tail_nonzero;
		a->flags = clone_args_field(c->flags, 0, c->size);
		a->pidfd = clone_args_field(c->pidfd, 8, c->size);
		a->parent_tid = clone_args_field(c->parent_tid, 24, c->size);
		a->exit_signal = clone_args_field(c->exit_signal, 32, c->size);
		a->stack = clone_args_field(c->stack, 40, c->size);
		a->stack_size = clone_args_field(c->stack_size, 48, c->size);
		a->set_tid = clone_args_field(c->set_tid, 64, c->size);
		a->set_tid_size = clone_args_field(c->set_tid_size, 72, c->size);
		a->cgroup = clone_args_field(c->cgroup, 80, c->size);
		return;
	}
	if (v && v->clone_lower_32) {
		a->flags = raw & LOWER_32_BITS & ~(unsigned long long)CSIGNAL;
		a->exit_signal = raw & LOWER_32_BITS & CSIGNAL;
	} else {
		a->flags = raw;		/* do_fork() takes the whole register */
		a->exit_signal = raw & CSIGNAL;
	}
	a->pidfd = c->parent_tid;
	a->parent_tid = c->parent_tid;
	a->stack = c->stack;
}

int errno_spec_predict_args(const struct profile *p, const struct spec_args *a, int *check)
{
	const struct spec_version *v = version_of(p);
	size_t i;

	*check = CHECK_none;
	if (!v)
		return -1;
	if (a->entry == ENTRY_clone3 && !v->clone3)
		return ENOSYS;
	for (i = 0; i < v->nr_rules; i++) {
		const struct spec_rule *r = &v->rules[i];

		if (!(r->entries & (1U << a->entry)) || !r->refuses(a))
			continue;
		*check = r->check;
		return r->err ? r->err : a->caller->lsm_errno;
	}
	return 0;
}

int errno_spec_predict(const struct profile *p, const struct clone_call *c,
		       const struct spec_caller *caller, int *check)
{
	struct spec_args a;

	errno_spec_decode(p, c, caller, &a);
	return errno_spec_predict_args(p, &a, check);
}

size_t errno_spec_rules(const struct profile *p, const struct spec_rule **rules)
{
	const struct spec_version *v = version_of(p);

	*rules = v ? v->rules : NULL;
	return v ? v->nr_rules : 0;
}

const struct spec_rule *errno_spec_rule(const struct profile *p, int check)
{
	const struct spec_rule *rules;
	size_t i, n = errno_spec_rules(p, &rules);

	for (i = 0; i < n; i++)
		if (rules[i].check == check)
			return &rules[i];
	return NULL;
}
