// SPDX-License-Identifier: GPL-2.0-only
/* Writing a scenario back as text: the readable form of every binary input. */
#include <stdio.h>
#include <string.h>

#include "scenario.h"

static void write_caps(FILE *f, unsigned long long caps)
{
	const char *sep = "";
	size_t i;

	if (caps == CAP_FULL_SET) {
		fputs(" caps=all", f);
		return;
	}
	fputs(" caps=", f);
	for (i = 0; i < nr_cap_names; i++) {
		if (!(caps & (1ULL << cap_names[i].value)))
			continue;
		fprintf(f, "%s%s", sep, cap_names[i].name);
		sep = ",";
	}
}

static void write_config_line(FILE *f, const struct world_config *c,
			      const struct world_config *def, int line)
{
	bool any = false;
	size_t i;

	for (i = 0; i < nr_config_keys; i++) {
		const struct config_key *k = &config_keys[i];
		long v = config_get(c, k);

		if (k->line != line || v == config_get(def, k))
			continue;
		if (!any)
			fputs(line == CK_CALLER ? "caller" : "world", f);
		any = true;
		fprintf(f, " %s=%ld", k->name, v);
	}
	if (line == CK_CALLER && c->caps != def->caps) {
		if (!any)
			fputs("caller", f);
		any = true;
		write_caps(f, c->caps);
	}
	if (line == CK_CALLER && c->lsm_ret) {
		if (!any)
			fputs("caller", f);
		any = true;
		if (c->lsm_ret < 0 && errno_name(-c->lsm_ret))
			fprintf(f, " lsm_task_create=%s", errno_name(-c->lsm_ret));
		else
			fprintf(f, " lsm_task_create=%d", c->lsm_ret);
	}
	if (any)
		fputc('\n', f);
}

static const char *signal_name(int sig)
{
	size_t i;

	for (i = 0; i < nr_signal_names; i++)
		if (signal_names[i].value == sig)
			return signal_names[i].name;
	return NULL;
}

static void write_op(FILE *f, const struct scenario *s, const struct op *op)
{
	char flags[1024];
	/* clone() carries the exit signal in the flags' low byte; clone3() does not */
	unsigned long long fmask = op->kind == OP_CLONE3 ? ~0ULL : ~(unsigned long long)CSIGNAL;
	unsigned int sig = op->kind == OP_CLONE3 ? 0 : op->call.flags & CSIGNAL;

	if (op->kind == OP_EXIT) {
		fprintf(f, "exit task=%d\n", op->task);
		return;
	}
	fputs(op->kind == OP_CLONE3 ? "clone3" : "clone", f);
	if (op->task)
		fprintf(f, " task=%d", op->task);
	if (op->call.flags & fmask) {
		format_flags(op->call.flags & fmask, s->profile, flags, sizeof(flags));
		fprintf(f, " flags=%s", flags);
	}
	if (op->kind == OP_CLONE3) {
		if (op->call.exit_signal < 256 && signal_name((int)op->call.exit_signal))
			fprintf(f, " exit_signal=%s", signal_name((int)op->call.exit_signal));
		else if (op->call.exit_signal)
			fprintf(f, " exit_signal=%llu", op->call.exit_signal);
	}
	if (sig && signal_name(sig))
		fprintf(f, " exit_signal=%s", signal_name(sig));
	else if (sig)
		fprintf(f, " exit_signal=%u", sig);
	if (op->call.tls)
		fprintf(f, " tls=0x%llx", op->call.tls);
	clone_args_write(f, &op->call);
	if (op->plan.site)
		fprintf(f, " fail=%s", site_names[op->plan.site]);
	if (op->plan.nth)
		fprintf(f, " fail_nth=%u", op->plan.nth);
	if (op->plan.signal_site)
		fprintf(f, " signal=%s", site_names[op->plan.signal_site]);
	fputc('\n', f);
}

void scenario_write(FILE *f, const struct scenario *s)
{
	struct world_config def;
	int i;

	world_config_default(&def);
	fprintf(f, "profile %s\n", s->profile->name);
	write_config_line(f, &s->cfg, &def, CK_CALLER);
	write_config_line(f, &s->cfg, &def, CK_WORLD);
	for (i = 0; i < s->nr_ops; i++)
		write_op(f, s, &s->ops[i]);
}
