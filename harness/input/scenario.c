// SPDX-License-Identifier: GPL-2.0-only
/* The scenario text format: one operation per line, key=value fields, # comments. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

struct parser {
	struct scenario *s;
	int line;
	char *err;
	size_t errlen;
	int max_task;		/* highest scenario task number a clone can create */
};

static int fail(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(ps->err, ps->errlen, "line %d: ", ps->line);
	if (n < 0 || (size_t)n >= ps->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(ps->err + n, ps->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static bool flag_in_profile(const struct flag_name *f, const struct profile *p)
{
	return p->kv >= f->first && p->kv <= f->last;
}

void format_flags(unsigned long long flags, const struct profile *p,
		  char *buf, size_t len)
{
	unsigned long long rest = flags & ~0xffULL;
	size_t i, n = 0;

	buf[0] = 0;
	for (i = 0; i < nr_flag_names; i++) {
		const struct flag_name *f = &flag_names[i];

		if (f->value & 0xff || !(rest & f->value) ||
		    !flag_in_profile(f, p))
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s",
			      n ? "|" : "", f->name);
		rest &= ~f->value;
	}
	if (rest || (flags & 0xff) || !n)
		snprintf(buf + n, n < len ? len - n : 0, "%s0x%llx", n ? "|" : "",
			 rest | (flags & 0xff));
}

static int parse_u64(const char *v, unsigned long long *out)
{
	char *end;

	if (!*v || *v == '-')
		return -1;
	errno = 0;
	*out = strtoull(v, &end, 0);
	return errno || *end ? -1 : 0;
}

static int parse_int(struct parser *ps, const char *key, const char *v,
		     long min, long max, long *out)
{
	unsigned long long u;

	if (parse_u64(v, &u) || u > (unsigned long long)max || (long)u < min)
		return fail(ps, "%s=%s: expected a number from %ld to %ld",
			    key, v, min, max);
	*out = (long)u;
	return 0;
}

static int parse_bool(struct parser *ps, const char *key, const char *v,
		      bool *out)
{
	if (!strcmp(v, "1") || !strcmp(v, "yes") || !strcmp(v, "true")) {
		*out = true;
		return 0;
	}
	if (!strcmp(v, "0") || !strcmp(v, "no") || !strcmp(v, "false")) {
		*out = false;
		return 0;
	}
	return fail(ps, "%s=%s: expected 0 or 1", key, v);
}

static int parse_flags(struct parser *ps, const char *v, unsigned long long *out)
{
	char buf[512], *tok, *save;

	*out = 0;
	if (strlen(v) >= sizeof(buf))
		return fail(ps, "flags too long");
	strcpy(buf, v);
	for (tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		unsigned long long n;
		size_t i;

		if (!parse_u64(tok, &n)) {
			*out |= n;
			continue;
		}
		for (i = 0; i < nr_flag_names; i++)
			if (!strcmp(flag_names[i].name, tok))
				break;
		if (i == nr_flag_names)
			return fail(ps, "unknown flag '%s'", tok);
		if (!flag_in_profile(&flag_names[i], ps->s->profile))
			return fail(ps, "flag %s does not exist in %s", tok,
				    ps->s->profile->name);
		*out |= flag_names[i].value;
	}
	return 0;
}

static int lookup_named(const struct named_value *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return t[i].value;
	return -1;
}

static int parse_caps(struct parser *ps, const char *v, unsigned long long *out)
{
	char buf[1024], *tok, *save;

	if (!strcmp(v, "all")) {
		*out = CAP_FULL_SET;
		return 0;
	}
	*out = 0;
	if (!strcmp(v, "none"))
		return 0;
	if (strlen(v) >= sizeof(buf))
		return fail(ps, "caps too long");
	strcpy(buf, v);
	for (tok = strtok_r(buf, ",|", &save); tok; tok = strtok_r(NULL, ",|", &save)) {
		int bit = lookup_named(cap_names, nr_cap_names, tok);

		if (bit < 0)
			return fail(ps, "unknown capability '%s'", tok);
		*out |= 1ULL << bit;
	}
	return 0;
}

static int parse_errno(struct parser *ps, const char *key, const char *v, int *out)
{
	*out = errno_by_name(v);
	if (!*out)
		return fail(ps, "%s=%s: unknown errno name", key, v);
	return 0;
}

/*
 * lsm_task_create=EACCES refuses with that errno; a number is the hook's
 * return as it is: -13 is EACCES again, 1 a positive value a BPF LSM
 * program can return.
 */
static int parse_lsm_ret(struct parser *ps, const char *key, const char *v, int *out)
{
	char *end;
	long n;

	if (errno_by_name(v)) {
		*out = -errno_by_name(v);
		return 0;
	}
	errno = 0;
	n = strtol(v, &end, 0);
	if (errno || end == v || *end || n > INT_MAX || (n < 0 && !errno_name((int)-n)))
		return fail(ps, "%s=%s: an errno name, a negative errno number or a positive value",
			    key, v);
	*out = (int)n;
	return 0;
}

#define CK(n, l, t, f, lo, hi) \
	{ n, l, t, offsetof(struct world_config, f), sizeof(((struct world_config *)0)->f), lo, hi }

const struct config_key config_keys[] = {
	CK("uid",		CK_CALLER, CK_INT,  uid,		0, 65535),
	CK("rlimit_nproc",	CK_CALLER, CK_INT,  rlimit_nproc,	0, 1L << 30),
	CK("nproc",		CK_CALLER, CK_INT,  nproc,		0, 4096),
	CK("userns_depth",	CK_CALLER, CK_INT,  userns_depth,	0, MAX_PID_NS_LEVEL + 1),
	CK("pidns_depth",	CK_CALLER, CK_INT,  pidns_depth,	0, MAX_PID_NS_LEVEL),
	CK("nr_threads",	CK_WORLD,  CK_INT,  nr_threads_extra,	0, 1L << 30),
	CK("max_threads",	CK_WORLD,  CK_INT,  max_threads,	0, 1L << 30),
	CK("pid_max",		CK_WORLD,  CK_INT,  pid_max,		4, 1 << 22),
	CK("init",		CK_CALLER, CK_BOOL, caller_is_init,	0, 1),
	CK("kthread",		CK_CALLER, CK_BOOL, kthread,		0, 1),
	CK("in_exec",		CK_CALLER, CK_BOOL, in_exec,		0, 1),
	CK("io_context",	CK_CALLER, CK_BOOL, io_context,		0, 1),
	CK("ioprio",		CK_CALLER, CK_BOOL, ioprio,		0, 1),
	CK("io_bitmap",		CK_CALLER, CK_BOOL, io_bitmap,		0, 1),
	CK("sem_undo",		CK_CALLER, CK_BOOL, sem_undo,		0, 1),
	CK("mempolicy",		CK_CALLER, CK_BOOL, mempolicy,		0, 1),
	CK("perf",		CK_CALLER, CK_BOOL, perf,		0, 1),
	CK("audit",		CK_CALLER, CK_BOOL, audit,		0, 1),
	CK("sched_deadline",	CK_CALLER, CK_BOOL, sched_deadline,	0, 1),
	CK("chrooted",		CK_CALLER, CK_BOOL, chrooted,		0, 1),
	CK("unmapped",		CK_CALLER, CK_BOOL, unmapped,		0, 1),
	CK("pidns_mismatch",	CK_CALLER, CK_BOOL, pidns_mismatch,	0, 1),
	CK("exec_domain_gone",	CK_WORLD,  CK_BOOL, exec_domain_gone,	0, 1),
	CK("nofile",		CK_CALLER, CK_INT,  nofile,		0, 1 << 20),
	CK("open_fds",		CK_CALLER, CK_INT,  open_fds,		0, 1 << 20),
	CK("timens_pending",	CK_CALLER, CK_BOOL, timens_pending,	0, 1),
	CK("seccomp",		CK_CALLER, CK_BOOL, seccomp,		0, 1),
	CK("nr_open",		CK_WORLD,  CK_INT,  nr_open,		0, 1 << 20),
	CK("max_namespaces",	CK_WORLD,  CK_INT,  max_namespaces,	0, 1 << 20),
	CK("pids_max",		CK_WORLD,  CK_INT,  pids_max,		0, 1 << 30),
	CK("target_pids_max",	CK_WORLD,  CK_INT,  target_pids_max,	0, 1 << 30),
};
const size_t nr_config_keys = sizeof(config_keys) / sizeof(config_keys[0]);

long config_get(const struct world_config *c, const struct config_key *k)
{
	const char *p = (const char *)c + k->offset;

	if (k->type == CK_BOOL)
		return *(const bool *)p;
	if (k->size == sizeof(long))
		return *(const long *)p;
	return *(const int *)p;
}

void config_set(struct world_config *c, const struct config_key *k, long v)
{
	char *p = (char *)c + k->offset;

	if (k->type == CK_BOOL)
		*(bool *)p = v != 0;
	else if (k->size == sizeof(long))
		*(long *)p = v;
	else
		*(int *)p = (int)v;
}

/* caller and world lines: the table's keys, plus caps and lsm_task_create. */
static int config_line_key(struct parser *ps, int line, const char *k, const char *v)
{
	struct world_config *c = &ps->s->cfg;
	size_t i;

	if (line == CK_CALLER && !strcmp(k, "caps"))
		return parse_caps(ps, v, &c->caps);
	if (line == CK_CALLER && !strcmp(k, "lsm_task_create"))
		return parse_lsm_ret(ps, k, v, &c->lsm_ret);
	for (i = 0; i < nr_config_keys; i++) {
		const struct config_key *ck = &config_keys[i];
		bool b = false;
		long n = 0;

		if (ck->line != line || strcmp(k, ck->name))
			continue;
		if (ck->type == CK_BOOL) {
			if (parse_bool(ps, k, v, &b))
				return -1;
			config_set(c, ck, b);
			return 0;
		}
		if (parse_int(ps, k, v, ck->min, ck->max, &n))
			return -1;
		config_set(c, ck, n);
		return 0;
	}
	return fail(ps, "unknown %s key '%s'", line == CK_CALLER ? "caller" : "world", k);
}

static int parse_signal(struct parser *ps, const char *v, long *out)
{
	int sig = lookup_named(signal_names, nr_signal_names, v);

	if (sig >= 0) {
		*out = sig;
		return 0;
	}
	return parse_int(ps, "exit_signal", v, 0, 255, out);
}

static int parse_labels(struct parser *ps, struct op *op, const char *v)
{
	char buf[1024], *tok, *save;

	op->expect_labels = true;
	op->nr_expect_labels = 0;
	if (!strcmp(v, "none"))
		return 0;
	if (strlen(v) >= sizeof(buf))
		return fail(ps, "labels too long");
	strcpy(buf, v);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int l = label_by_name(tok);

		if (!l || profile_label_pos(ps->s->profile, l) < 0)
			return fail(ps, "label '%s' is not in %s's ladder", tok,
				    ps->s->profile->name);
		if (op->nr_expect_labels == MAX_EXPECT_LABELS)
			return fail(ps, "too many labels");
		op->expect_label[op->nr_expect_labels++] = l;
	}
	return 0;
}

static int op_key(struct parser *ps, struct op *op, const char *k, const char *v,
		  long *exit_signal)
{
	const struct profile *p = ps->s->profile;
	long n = 0;

	if (!strcmp(k, "task")) {
		if (parse_int(ps, k, v, 0, MAX_TASKS - 1, &n))
			return -1;
		if (n > ps->max_task)
			return fail(ps, "task=%ld: no operation before this one can have created it", n);
		op->task = n;
		return 0;
	}
	if (!strcmp(k, "expect")) {
		op->expect = true;
		if (!strcmp(v, "success")) {
			op->expect_err = 0;
			return 0;
		}
		return parse_errno(ps, k, v, &op->expect_err);
	}
	if (!strcmp(k, "at")) {
		op->expect_at = true;
		op->expect_at_check = check_by_name(v);
		op->expect_at_site = site_by_name(v);
		if (!strcmp(v, "none"))
			return 0;
		if ((!op->expect_at_check || !profile_check(p, op->expect_at_check)) &&
		    (!op->expect_at_site || !profile_site(p, op->expect_at_site)))
			return fail(ps, "at=%s: no such check or site in %s", v, p->name);
		return 0;
	}
	if (!strcmp(k, "defect")) {
		op->expect_defect = profile_defect(p, v);
		if (!op->expect_defect)
			return fail(ps, "defect=%s: not a known defect of %s", v, p->name);
		return 0;
	}
	if (op->kind == OP_EXIT)
		return fail(ps, "unknown exit key '%s'", k);
	if (!strcmp(k, "flags"))
		return parse_flags(ps, v, &op->call.flags);
	if (!strcmp(k, "exit_signal") && op->kind == OP_CLONE3) {
		int sig = lookup_named(signal_names, nr_signal_names, v);

		if (sig >= 0) {
			op->call.exit_signal = (unsigned long long)sig;
			return 0;
		}
		if (parse_u64(v, &op->call.exit_signal))
			return fail(ps, "exit_signal=%s: expected a signal name or a number", v);
		return 0;
	}
	if (!strcmp(k, "exit_signal"))
		return parse_signal(ps, v, exit_signal);
	if (!strcmp(k, "tls")) {
		unsigned long long t;

		if (parse_u64(v, &t))
			return fail(ps, "tls=%s: expected a number", v);
		op->call.tls = t;
		return 0;
	}
	if (!strcmp(k, "fail")) {
		op->plan.site = site_by_name(v);
		if (!op->plan.site || !profile_site(p, op->plan.site))
			return fail(ps, "fail=%s: no such fault site in %s (see 'clonefuzz sites --profile %s')",
				    v, p->name, p->name);
		return 0;
	}
	if (!strcmp(k, "fail_nth")) {
		if (parse_int(ps, k, v, 1, 65535, &n))
			return -1;
		op->plan.nth = n;
		return 0;
	}
	if (!strcmp(k, "signal")) {
		size_t i;
		int site = site_by_name(v);

		for (i = 0; i < p->nr_signal_sites; i++)
			if (p->signal_sites[i] == site)
				break;
		if (!site || i == p->nr_signal_sites)
			return fail(ps, "signal=%s: not a point where %s checks for signals", v, p->name);
		op->plan.signal_site = site;
		return 0;
	}
	if (!strcmp(k, "labels"))
		return parse_labels(ps, op, v);
	{
		char err[160];
		int r = clone_arg_key(op, k, v, err, sizeof(err));

		if (r < 0)
			return fail(ps, "%s", err);
		if (r == 0)
			return 0;
	}
	return fail(ps, "unknown %s key '%s'", op->kind == OP_CLONE3 ? "clone3" : "clone", k);
}

static int parse_line(struct parser *ps, char *line)
{
	struct scenario *s = ps->s;
	char *word, *save, *kv;
	struct op *op = NULL;
	long exit_signal = -1;
	enum { L_CALLER, L_WORLD, L_OP } what;

	word = strtok_r(line, " \t", &save);
	if (!word)
		return 0;
	if (!strcmp(word, "profile")) {
		char *name = strtok_r(NULL, " \t", &save);

		if (!name || strtok_r(NULL, " \t", &save))
			return fail(ps, "usage: profile NAME");
		if (s->nr_ops)
			return fail(ps, "profile must come before the operations");
		s->profile = profile_find(name);
		if (!s->profile)
			return fail(ps, "unknown profile '%s' (see 'clonefuzz profiles')", name);
		return 0;
	}
	if (!strcmp(word, "caller") || !strcmp(word, "world")) {
		if (s->nr_ops)
			return fail(ps, "%s must come before the operations", word);
		what = word[0] == 'c' ? L_CALLER : L_WORLD;
	} else if (!strcmp(word, "clone") || !strcmp(word, "clone3") ||
		   !strcmp(word, "exit")) {
		if (s->nr_ops == MAX_OPS)
			return fail(ps, "more than %d operations", MAX_OPS);
		op = &s->ops[s->nr_ops];
		memset(op, 0, sizeof(*op));
		op->kind = !strcmp(word, "clone3") ? OP_CLONE3 :
			   word[0] == 'c' ? OP_CLONE : OP_EXIT;
		if (op->kind == OP_CLONE3 && !s->profile->has_clone3)
			return fail(ps, "clone3 does not exist in %s", s->profile->name);
		if (op->kind == OP_CLONE3)
			clone_call_clone3(&op->call);
		else
			clone_call_legacy(&op->call, 0, 0);
		op->line = ps->line;
		what = L_OP;
	} else {
		return fail(ps, "unknown line '%s' (expected profile, caller, world, clone, clone3 or exit)", word);
	}

	while ((kv = strtok_r(NULL, " \t", &save))) {
		char *eq = strchr(kv, '=');
		int r;

		if (!eq || eq == kv || !eq[1])
			return fail(ps, "expected key=value, got '%s'", kv);
		*eq = 0;
		if (what == L_CALLER)
			r = config_line_key(ps, CK_CALLER, kv, eq + 1);
		else if (what == L_WORLD)
			r = config_line_key(ps, CK_WORLD, kv, eq + 1);
		else
			r = op_key(ps, op, kv, eq + 1, &exit_signal);
		if (r)
			return r;
	}
	if (what != L_OP)
		return 0;
	if (exit_signal >= 0) {
		if (op->call.flags & CSIGNAL)
			return fail(ps, "exit_signal given and flags carry a CSIGNAL byte too");
		op->call.flags |= exit_signal;
	}
	if (op->kind == OP_EXIT && op->task == 0)
		return fail(ps, "exit needs task=N (N >= 1): the caller stays");
	if (op->kind != OP_EXIT && ps->max_task < MAX_TASKS - 1)
		ps->max_task++;
	s->nr_ops++;
	return 0;
}

int scenario_parse(const char *text, struct scenario *s, char *err, size_t errlen)
{
	struct parser ps = { .s = s, .err = err, .errlen = errlen };
	const char *p = text;

	memset(s, 0, sizeof(*s));
	s->profile = profile_find("v4.0");
	world_config_default(&s->cfg);
	err[0] = 0;
	while (*p) {
		char line[2048];
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *hash;

		ps.line++;
		if (len >= sizeof(line))
			return fail(&ps, "line too long");
		memcpy(line, p, len);
		line[len] = 0;
		p += len + (nl ? 1 : 0);
		hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		if (parse_line(&ps, line))
			return -1;
	}
	{
		const char *why = world_config_invalid(s->profile, &s->cfg);

		if (why) {
			snprintf(err, errlen, "line %d: %s", ps.line, why);
			return -1;
		}
	}
	return 0;
}
