// SPDX-License-Identifier: GPL-2.0-only
/* The host differential: the same clone()/clone3() arguments through the model and through the running kernel. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_clone.h"
#include "hostdiff.h"
#include "run/run.h"


/* The generator's state: xorshift64, one sequence per --seed. */
static uint64_t rng;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int pick(int n)
{
	return (int)(rnd() % (uint64_t)n);
}

/* Flags the generator draws from: every clone flag, and bits no version knows. */
static const unsigned long long gen_flags[] = {
	CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_PIDFD, CLONE_PTRACE,
	CLONE_VFORK, CLONE_PARENT, CLONE_THREAD, CLONE_NEWNS, CLONE_SYSVSEM,
	CLONE_SETTLS, CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID, CLONE_DETACHED,
	CLONE_UNTRACED, CLONE_CHILD_SETTID, CLONE_NEWCGROUP, CLONE_NEWUTS,
	CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_IO,
	CLONE_CLEAR_SIGHAND, CLONE_INTO_CGROUP, CLONE_NEWTIME, 1ULL << 34, 1ULL << 40,
};
#define NR_GEN_FLAGS (sizeof(gen_flags) / sizeof(gen_flags[0]))

static int gen_ptr(int valid_weight)
{
	int r = pick(10);

	return r < valid_weight ? HP_VALID : r < 8 ? HP_NULL : HP_BAD;
}

/*
 * A clean clone3() into the cgroup fd the pidfd of this very call takes (or,
 * without CLONE_PIDFD, a free one): the lookup finds no file either way.
 */
static void gen_collision(struct host_case *h)
{
	memset(h, 0, sizeof(*h));
	h->clone3 = true;
	h->flags = CLONE_INTO_CGROUP | (pick(2) ? CLONE_PIDFD : 0);
	if (pick(2))
		h->flags |= CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	h->exit_signal = SIGCHLD;
	h->size = 88;
	h->args = HP_VALID;
	h->pidfd = HP_VALID;
	h->child_tid = HP_VALID;
	h->parent_tid = HP_VALID;
	h->cgroup = HOST_OPEN_FDS + (pick(4) == 0);	/* the pidfd's, or the one after */
}

static void gen_case(struct host_case *h)
{
	static const unsigned long long sizes[] = { 88, 88, 88, 88, 64, 80, 72, 63, 56, 96, 4096, 4097 };
	int n = pick(5), i;

	memset(h, 0, sizeof(*h));
	h->clone3 = pick(2);
	for (i = 0; i < n; i++)
		h->flags |= gen_flags[pick(NR_GEN_FLAGS)];
	if (pick(4) == 0)	/* the usual thread */
		h->flags |= CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	h->pidfd = gen_ptr(6);
	h->child_tid = gen_ptr(6);
	h->parent_tid = gen_ptr(6);
	if ((h->flags & CLONE_PIDFD) && pick(4) == 0)
		h->pidfd = HP_SAME_AS_PARENT_TID;
	h->tls = pick(4) == 0 ? TASK_SIZE_MAX + (uint64_t)pick(3) * 0x1000 : 0;
	switch (pick(6)) {
	case 0:
		h->exit_signal = (unsigned long long)pick(256);
		break;
	case 1:
		h->exit_signal = pick(2) ? 0x100000011ULL : 65;
		break;
	case 2:
		h->exit_signal = 0;
		break;
	default:
		h->exit_signal = SIGCHLD;
	}
	if (!h->clone3) {
		h->flags &= 0xffffffffULL & ~(unsigned long long)CSIGNAL;
		if (h->exit_signal < 256)
			h->flags |= h->exit_signal;
		h->stack = pick(3) == 0 ? 1 : 0;	/* 1: a valid stack top */
		return;
	}
	if (pick(8) == 0)
		h->flags |= (unsigned long long)pick(256);	/* CSIGNAL bits in clone3 flags */
	h->size = sizes[pick(sizeof(sizes) / sizeof(sizes[0]))];
	h->tail_nonzero = h->size > 88 && pick(2);
	h->args = pick(12) ? HP_VALID : pick(2) ? HP_NULL : HP_BAD;
	switch (pick(5)) {
	case 0:
		h->stack = 1;
		h->stack_size = pick(2) ? 0x10000 : 0;
		break;
	case 1:
		h->stack = 0;
		h->stack_size = 0x1000;
		break;
	case 2:
		h->stack = 0x7ffffffff000ULL;
		h->stack_size = 0x2000;
		break;
	}
	switch (pick(6)) {
	case 0:		/* pid 1 is taken, pid_max and 0 are out of range */
		h->set_tid = HP_VALID;
		h->set_tid_size = 1;
		h->set_tid_vals[0] = pick(3) == 0 ? 1 : pick(2) ? 0 : 0x7fffffff;
		break;
	case 1:		/* more pids than levels */
		h->set_tid = HP_VALID;
		h->set_tid_size = 2 + (unsigned long long)pick(40);
		h->set_tid_vals[0] = h->set_tid_vals[1] = 1;
		break;
	case 2:
		h->set_tid = gen_ptr(3);
		h->set_tid_size = (unsigned long long)pick(3);
		h->set_tid_vals[0] = 1;
		break;
	}
	if (h->flags & CLONE_INTO_CGROUP || pick(10) == 0) {
		static const unsigned long long fds[] = { 3, 4, 5, 2, HOST_OPEN_FDS, 9, 200,
							  0x80000000ULL };

		h->cgroup = fds[pick(sizeof(fds) / sizeof(fds[0]))];
	}
	/*
	 * The descriptor the pidfd of this very call takes, named as the
	 * cgroup: reserved, with no file yet, when CLONE_INTO_CGROUP looks it up.
	 */
	if (pick(10) == 0)
		gen_collision(h);
}

/* The model's view of a case. */
static void model_call(const struct host_case *h, struct clone_call *c)
{
	static const unsigned long long valid[] = {
		USER_PTR_VALID + 0x1000, USER_PTR_VALID + 0x2000, USER_PTR_VALID + 0x3000,
		USER_PTR_VALID + 0x4000, USER_PTR_VALID + 0x5000,
	};
	const int *ptrs[] = { &h->pidfd, &h->child_tid, &h->parent_tid, &h->set_tid, &h->args };
	unsigned long long *fields[5];
	int i;

	if (h->clone3)
		clone_call_clone3(c);
	else
		clone_call_legacy(c, 0, 0);
	fields[0] = &c->pidfd;
	fields[1] = &c->child_tid;
	fields[2] = &c->parent_tid;
	fields[3] = &c->set_tid;
	fields[4] = &c->uargs;
	for (i = 0; i < 5; i++) {
		if (!h->clone3 && (i == 0 || i >= 3))
			continue;
		*fields[i] = *ptrs[i] == HP_NULL ? 0 : *ptrs[i] == HP_BAD ? USER_PTR_BAD : valid[i];
	}
	if (h->pidfd == HP_SAME_AS_PARENT_TID)
		c->pidfd = c->parent_tid;
	c->flags = h->flags;
	c->tls = h->tls;
	c->stack = h->stack == 1 ? USER_PTR_VALID + 0x100000 : h->stack;
	if (h->clone3) {
		c->exit_signal = h->exit_signal;
		c->stack_size = h->stack_size;
		c->size = h->size;
		c->tail_nonzero = h->tail_nonzero;
		c->set_tid_size = h->set_tid_size;
		c->cgroup = h->cgroup;
		memcpy(c->set_tid_vals, h->set_tid_vals, sizeof(h->set_tid_vals));
	}
}

/* A scenario operation as a host case, or -1 when the host cannot mirror it. */
static int case_from_op(const struct op *op, int pid_max, struct host_case *h)
{
	const struct clone_call *c = &op->call;
	const unsigned long long *f[] = { &c->pidfd, &c->child_tid, &c->parent_tid,
					  &c->set_tid, &c->uargs };
	int *p[] = { &h->pidfd, &h->child_tid, &h->parent_tid, &h->set_tid, &h->args };
	unsigned long long k;
	int i;

	if (op->kind == OP_EXIT || op->task || op->plan.site || op->plan.nth ||
	    op->plan.signal_site)
		return -1;
	memset(h, 0, sizeof(*h));
	h->clone3 = op->kind == OP_CLONE3;
	for (i = 0; i < 5; i++)
		*p[i] = !*f[i] ? HP_NULL : user_access_ok(*f[i], 1) ? HP_VALID : HP_BAD;
	if (c->pidfd && c->pidfd == c->parent_tid)
		h->pidfd = HP_SAME_AS_PARENT_TID;
	h->flags = c->flags;
	h->tls = c->tls;
	h->stack = c->stack == USER_PTR_VALID + 0x100000 ? 1 : c->stack;
	if (!h->clone3)
		return 0;
	h->exit_signal = c->exit_signal;
	h->stack_size = c->stack_size;
	h->size = c->size;
	h->tail_nonzero = c->tail_nonzero;
	h->set_tid_size = c->set_tid_size;
	h->cgroup = c->cgroup;
	/* pids other than 1 and out-of-range ones depend on which pids the host uses */
	for (k = 0; k < c->set_tid_size && k < MAX_SET_TID && c->set_tid; k++)
		if (c->set_tid_vals[k] > 1 && c->set_tid_vals[k] < pid_max)
			return -1;
	for (k = 0; k < c->set_tid_size && k < 4; k++)
		h->set_tid_vals[k] = c->set_tid_vals[k];
	if (c->set_tid_size > 4 && c->set_tid)
		for (k = 4; k < c->set_tid_size && k < MAX_SET_TID; k++)
			if (c->set_tid_vals[k])
				return -1;
	return 0;
}

/* The model's world as the host is: root, its capabilities and limits. */
static void host_world(struct world_config *w)
{
	struct host_limits l;

	host_limits(&l);
	world_config_default(w);
	w->uid = 0;
	w->caps = l.caps & CAP_FULL_SET;
	w->pid_max = l.pid_max;
	w->nofile = l.nofile;
	w->rlimit_nproc = l.nproc;
	w->max_threads = 1 << 30;
	/* model: the helper's result pipe far above is left out: no case names it */
	w->open_fds = HOST_OPEN_FDS;	/* 0-2, the cgroup fds 3-5 */
}

/* One case through the model (in @s, the host's world) and the kernel. */
static void compare(const struct host_case *h, struct scenario *s, struct hostdiff_stats *st,
		    const char *from)
{
	struct run_summary sum;
	long model_ret, host_ret;
	int sig;

	s->ops[0].kind = h->clone3 ? OP_CLONE3 : OP_CLONE;
	model_call(h, &s->ops[0].call);
	run_scenario_result(s, &model_ret, &sum);
	sig = h->clone3 ? (int)h->exit_signal : (int)(h->flags & CSIGNAL);
	/* SIGKILL or SIGSTOP as the exit signal would kill or stop the helper */
	if (model_ret >= 0 && (sig == SIGKILL || sig == SIGSTOP)) {
		st->skipped++;
		return;
	}
	if (host_run(h, &host_ret)) {
		if (++st->failed <= 5) {
			printf("lost %lu: the helper did not report (model %s)\n", st->failed,
			       model_ret >= 0 ? "success" : errno_name((int)-model_ret));
			scenario_write(stdout, s);
		}
		return;
	}
	if (host_ret >= 0)
		st->successes++;
	else if (-host_ret < HOSTDIFF_MAX_ERRNO)
		st->by_errno[-host_ret]++;
	if ((model_ret >= 0) == (host_ret >= 0) && (model_ret >= 0 || model_ret == host_ret)) {
		st->agree++;
		return;
	}
	st->differ++;
	if (st->differ > 20)
		return;
	printf("disagreement %lu%s%s: model %s, kernel %s\n", st->differ, from ? " in " : "",
	       from ? from : "", model_ret >= 0 ? "success" : errno_name((int)-model_ret),
	       host_ret >= 0 ? "success" : errno_name((int)-host_ret) ?
	       errno_name((int)-host_ret) : "?");
	scenario_write(stdout, s);
}

int hostdiff_start(struct hostdiff *hd, bool drop_caps, bool model_no_caps,
		   char *why, size_t len)
{
	struct world_config w;

	memset(&hd->st, 0, sizeof(hd->st));
	hd->drop_caps = drop_caps;
	hd->files = false;
	if (host_check(why, len))
		return -1;
	host_subreaper();
	if (host_setup()) {
		snprintf(why, len, "cannot set up the cgroup fds");
		host_cleanup();
		return -1;
	}
	host_world(&w);
	if (drop_caps || model_no_caps)
		w.caps = 0;
	memset(&hd->s, 0, sizeof(hd->s));
	hd->s.profile = profile_find("v6.18");
	hd->s.cfg = w;
	hd->s.nr_ops = 1;
	return 0;
}

void hostdiff_seed(uint64_t seed)
{
	rng = seed;
}

void hostdiff_random(struct hostdiff *hd, unsigned long count)
{
	unsigned long i;

	for (i = 0; i < count; i++) {
		struct host_case h;

		gen_case(&h);
		h.drop_caps = hd->drop_caps;
		compare(&h, &hd->s, &hd->st, NULL);
	}
	hd->st.cases += count;
}

void hostdiff_scenario(struct hostdiff *hd, const struct scenario *f, const char *from)
{
	struct scenario *hs = &hd->s;
	unsigned long long host_caps = hs->cfg.caps;
	struct world_config def;
	int k;

	hd->files = true;
	world_config_default(&def);
	def.uid = f->cfg.uid;
	def.caps = f->cfg.caps;
	/* model: only a caller the host can be (any uid and caps, default world) */
	if (f->profile != hs->profile || memcmp(&def, &f->cfg, sizeof(def))) {
		hd->st.skipped += (unsigned long)f->nr_ops;
		return;
	}
	/* a caller without capabilities: the host call drops them too */
	hs->cfg.caps = f->cfg.caps ? host_caps : 0;
	for (k = 0; k < f->nr_ops; k++) {
		struct host_case h;

		if (case_from_op(&f->ops[k], hs->cfg.pid_max, &h)) {
			hd->st.skipped++;
			continue;
		}
		h.drop_caps = !f->cfg.caps;
		compare(&h, hs, &hd->st, from);
	}
	hs->cfg.caps = host_caps;
}

void hostdiff_stop(struct hostdiff *hd)
{
	(void)hd;
	host_cleanup();
}

int hostdiff_summary(const struct hostdiff *hd, FILE *out)
{
	const struct hostdiff_stats *st = &hd->st;
	unsigned long count;
	int k;

	count = hd->files ? st->agree + st->differ + st->failed : st->cases;
	fprintf(out, "host-diff: the kernel returned: %lu successes", st->successes);
	for (k = 0; k < HOSTDIFF_MAX_ERRNO; k++)
		if (st->by_errno[k])
			fprintf(out, ", %lu %s", st->by_errno[k], errno_name(k) ? errno_name(k) : "?");
	fprintf(out, "\n");
	fprintf(out, "host-diff: %lu %s%s on this kernel (model v6.18): %lu agree, %lu differ, %lu skipped, %lu lost\n",
		count, hd->files ? "scenario operations" : "argument sets",
		hd->drop_caps ? " without capabilities" : "", st->agree, st->differ, st->skipped,
		st->failed);
	return st->differ || st->failed ? 1 : 0;
}
