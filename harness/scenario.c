// SPDX-License-Identifier: GPL-2.0-only
/* The scenario text format: one operation per line, key=value fields, # comments. */
#include <ctype.h>
#include <errno.h>
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
	char buf[512], *tok, *save;

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

static const struct {
	const char *name;
	size_t offset;
} caller_bools[] = {
	{ "init", offsetof(struct world_config, caller_is_init) },
	{ "kthread", offsetof(struct world_config, kthread) },
	{ "in_exec", offsetof(struct world_config, in_exec) },
	{ "io_context", offsetof(struct world_config, io_context) },
	{ "ioprio", offsetof(struct world_config, ioprio) },
	{ "io_bitmap", offsetof(struct world_config, io_bitmap) },
	{ "sem_undo", offsetof(struct world_config, sem_undo) },
	{ "mempolicy", offsetof(struct world_config, mempolicy) },
	{ "perf", offsetof(struct world_config, perf) },
	{ "audit", offsetof(struct world_config, audit) },
	{ "sched_deadline", offsetof(struct world_config, sched_deadline) },
	{ "chrooted", offsetof(struct world_config, chrooted) },
	{ "unmapped", offsetof(struct world_config, unmapped) },
	{ "pidns_mismatch", offsetof(struct world_config, pidns_mismatch) },
};

static int caller_key(struct parser *ps, const char *k, const char *v)
{
	struct world_config *c = &ps->s->cfg;
	long n = 0;

	if (!strcmp(k, "uid")) {
		if (parse_int(ps, k, v, 0, 65535, &n))
			return -1;
		c->uid = n;
		return 0;
	}
	if (!strcmp(k, "caps"))
		return parse_caps(ps, v, &c->caps);
	if (!strcmp(k, "rlimit_nproc")) {
		if (parse_int(ps, k, v, 0, 1L << 30, &n))
			return -1;
		c->rlimit_nproc = n;
		return 0;
	}
	if (!strcmp(k, "nproc")) {
		if (parse_int(ps, k, v, 0, 4096, &n))
			return -1;
		c->nproc = n;
		return 0;
	}
	if (!strcmp(k, "userns_depth")) {
		if (parse_int(ps, k, v, 0, MAX_PID_NS_LEVEL + 1, &n))
			return -1;
		c->userns_depth = n;
		return 0;
	}
	if (!strcmp(k, "pidns_depth")) {
		if (parse_int(ps, k, v, 0, MAX_PID_NS_LEVEL, &n))
			return -1;
		c->pidns_depth = n;
		return 0;
	}
	if (!strcmp(k, "lsm_task_create"))
		return parse_errno(ps, k, v, &c->lsm_task_create);
	for (size_t i = 0; i < sizeof(caller_bools) / sizeof(caller_bools[0]); i++)
		if (!strcmp(k, caller_bools[i].name))
			return parse_bool(ps, k, v,
					  (bool *)((char *)c + caller_bools[i].offset));
	return fail(ps, "unknown caller key '%s'", k);
}

static int world_key(struct parser *ps, const char *k, const char *v)
{
	struct world_config *c = &ps->s->cfg;
	long n = 0;

	if (!strcmp(k, "nr_threads")) {
		if (parse_int(ps, k, v, 0, 1L << 30, &n))
			return -1;
		c->nr_threads_extra = n;
		return 0;
	}
	if (!strcmp(k, "max_threads")) {
		if (parse_int(ps, k, v, 0, 1L << 30, &n))
			return -1;
		c->max_threads = n;
		return 0;
	}
	if (!strcmp(k, "pid_max")) {
		if (parse_int(ps, k, v, 4, 1 << 22, &n))
			return -1;
		c->pid_max = n;
		return 0;
	}
	if (!strcmp(k, "exec_domain_gone"))
		return parse_bool(ps, k, v, &c->exec_domain_gone);
	return fail(ps, "unknown world key '%s'", k);
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
	if (op->kind != OP_CLONE)
		return fail(ps, "unknown exit key '%s'", k);
	if (!strcmp(k, "flags"))
		return parse_flags(ps, v, &op->flags);
	if (!strcmp(k, "exit_signal"))
		return parse_signal(ps, v, exit_signal);
	if (!strcmp(k, "tls")) {
		unsigned long long t;

		if (parse_u64(v, &t))
			return fail(ps, "tls=%s: expected a number", v);
		op->tls = t;
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
		if (parse_int(ps, k, v, 1, 1000000, &n))
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
	return fail(ps, "unknown clone key '%s'", k);
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
	} else if (!strcmp(word, "clone") || !strcmp(word, "exit")) {
		if (s->nr_ops == MAX_OPS)
			return fail(ps, "more than %d operations", MAX_OPS);
		op = &s->ops[s->nr_ops];
		memset(op, 0, sizeof(*op));
		op->kind = word[0] == 'c' ? OP_CLONE : OP_EXIT;
		op->line = ps->line;
		what = L_OP;
	} else {
		return fail(ps, "unknown line '%s' (expected profile, caller, world, clone or exit)", word);
	}

	while ((kv = strtok_r(NULL, " \t", &save))) {
		char *eq = strchr(kv, '=');
		int r;

		if (!eq || eq == kv || !eq[1])
			return fail(ps, "expected key=value, got '%s'", kv);
		*eq = 0;
		if (what == L_CALLER)
			r = caller_key(ps, kv, eq + 1);
		else if (what == L_WORLD)
			r = world_key(ps, kv, eq + 1);
		else
			r = op_key(ps, op, kv, eq + 1, &exit_signal);
		if (r)
			return r;
	}
	if (what != L_OP)
		return 0;
	if (exit_signal >= 0) {
		if (op->flags & CSIGNAL)
			return fail(ps, "exit_signal given and flags carry a CSIGNAL byte too");
		op->flags |= exit_signal;
	}
	if (op->kind == OP_EXIT && op->task == 0)
		return fail(ps, "exit needs task=N (N >= 1): the caller stays");
	if (op->kind == OP_CLONE && ps->max_task < MAX_TASKS - 1)
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
	return 0;
}
