// SPDX-License-Identifier: GPL-2.0-only
/* Text and JSON renderings of an operation's result, for `clonefuzz eval`. */
#include <string.h>

#include "report.h"

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static const char *failed_at(const struct op_result *r)
{
	if (r->failed_check)
		return check_names[r->failed_check];
	if (r->failed_site)
		return site_names[r->failed_site];
	return NULL;
}

static const char *result_name(const struct op_result *r)
{
	const char *e;

	if (r->skipped)
		return "skipped";
	if (r->ret >= 0)
		return "success";
	e = errno_name((int)-r->ret);
	return e ? e : "unknown-errno";
}

static void describe_op(const struct op_result *r, const struct scenario *s,
			char *buf, size_t len)
{
	const struct op *op = r->op;
	char flags[512];
	size_t n;

	if (!op) {
		snprintf(buf, len, "teardown");
		return;
	}
	if (op->kind == OP_EXIT) {
		snprintf(buf, len, "exit task=%d", op->task);
		return;
	}
	format_flags(op->call.flags, s->profile, flags, sizeof(flags));
	n = snprintf(buf, len, "%s task=%d flags=%s",
		     op->kind == OP_CLONE3 ? "clone3" : "clone", op->task, flags);
	if (op->plan.site && n < len)
		n += snprintf(buf + n, len - n, " fail=%s", site_names[op->plan.site]);
	if (op->plan.nth && n < len)
		n += snprintf(buf + n, len - n, " fail_nth=%u", op->plan.nth);
	if (op->plan.signal_site && n < len)
		snprintf(buf + n, len - n, " signal=%s", site_names[op->plan.signal_site]);
}

/*
 * One self-contained line per violation: the profile, the operation and its
 * flags, whether a fault was injected (site, nth) or none, where the call
 * failed, the label it was seen at, and the resource.
 */
void report_violation(FILE *f, const struct scenario *s, const struct op_result *r, int i)
{
	const struct violation *v = &r->v[i];
	char what[768], fault[96];

	describe_op(r, s, what, sizeof(what));
	if (r->op && r->op->kind != OP_EXIT && r->injected)
		snprintf(fault, sizeof(fault), "fault injected at %s", failed_at(r));
	else if (r->op && r->op->kind != OP_EXIT && (r->op->plan.site || r->op->plan.nth))
		snprintf(fault, sizeof(fault), "planned fault not reached");
	else
		snprintf(fault, sizeof(fault), "no fault injected");
	fprintf(f, "VIOLATION %s: %s [%s op %d: %s; %s; %s%s; seen %s%s; %s]\n",
		vtype_names[v->type], v->msg, s->profile->name, r->index, what, fault,
		failed_at(r) ? "failed at " : "succeeded", failed_at(r) ? failed_at(r) : "",
		v->label ? "at " : "after the call",
		v->label ? label_names[v->label] : "",
		v->kind < NR_KINDS ? kind_names[v->kind] : "no object");
}

static void report_text(const struct op_result *r, const struct report_ctx *c)
{
	char what[768];
	int i;

	describe_op(r, c->s, what, sizeof(what));
	if (r->op) {
		fprintf(c->out, "op %d (line %d): %s -> %s", r->index, r->op->line,
			what, result_name(r));
		if (r->skipped)
			fprintf(c->out, " (task %d does not exist)", r->op->task);
		if (failed_at(r))
			fprintf(c->out, " at %s%s", failed_at(r),
				r->injected ? " (injected)" : "");
		if (r->child_task >= 0)
			fprintf(c->out, ", pid %ld, task %d", r->ret, r->child_task);
		fputc('\n', c->out);
		if (r->nr_labels) {
			fprintf(c->out, "  labels:");
			for (i = 0; i < r->nr_labels; i++)
				fprintf(c->out, " %s", label_names[r->labels[i]]);
			fputc('\n', c->out);
		}
	} else {
		fprintf(c->out, "teardown:\n");
	}
	for (i = 0; i < r->nr_v; i++) {
		if (r->known[i])
			fprintf(c->out, "  known defect %s: %s: %s\n",
				r->known[i]->name, vtype_names[r->v[i].type],
				r->v[i].msg);
		else {
			fputs("  ", c->out);
			report_violation(c->out, c->s, r, i);
		}
	}
	for (i = 0; i < r->nr_notes; i++)
		fprintf(c->out, "  EXPECTATION FAILED: %s\n", r->notes[i]);
}

static void report_json(const struct op_result *r, const struct report_ctx *c)
{
	char what[768];
	int i;

	describe_op(r, c->s, what, sizeof(what));
	if (r->op)
		fprintf(c->out, "{\"op\":%d,\"line\":%d,", r->index, r->op->line);
	else
		fprintf(c->out, "{\"op\":\"teardown\",");
	fprintf(c->out, "\"call\":");
	json_str(c->out, what);
	fprintf(c->out, ",\"result\":\"%s\",\"errno\":%ld,\"failed_at\":",
		result_name(r), r->ret < 0 && !r->skipped ? -r->ret : 0);
	if (failed_at(r))
		json_str(c->out, failed_at(r));
	else
		fprintf(c->out, "null");
	fprintf(c->out, ",\"injected\":%s,\"labels\":[", r->injected ? "true" : "false");
	for (i = 0; i < r->nr_labels; i++)
		fprintf(c->out, "%s\"%s\"", i ? "," : "", label_names[r->labels[i]]);
	fprintf(c->out, "],\"violations\":[");
	for (i = 0; i < r->nr_v; i++) {
		fprintf(c->out, "%s{\"type\":\"%s\",\"kind\":\"%s\",\"message\":",
			i ? "," : "", vtype_names[r->v[i].type],
			r->v[i].kind < NR_KINDS ? kind_names[r->v[i].kind] : "");
		json_str(c->out, r->v[i].msg);
		fprintf(c->out, ",\"label\":");
		if (r->v[i].label)
			json_str(c->out, label_names[r->v[i].label]);
		else
			fprintf(c->out, "null");
		fprintf(c->out, ",\"known_defect\":");
		if (r->known[i])
			json_str(c->out, r->known[i]->name);
		else
			fprintf(c->out, "null");
		fputc('}', c->out);
	}
	fprintf(c->out, "],\"expectations\":[");
	for (i = 0; i < r->nr_notes; i++) {
		if (i)
			fputc(',', c->out);
		json_str(c->out, r->notes[i]);
	}
	fputc(']', c->out);
	if (r->child_task >= 0)
		fprintf(c->out, ",\"pid\":%ld,\"task\":%d", r->ret, r->child_task);
	fprintf(c->out, "}\n");
}

void report_op(const struct op_result *r, void *arg)
{
	const struct report_ctx *c = arg;

	if (c->json)
		report_json(r, c);
	else
		report_text(r, c);
}
