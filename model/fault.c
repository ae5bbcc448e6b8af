// SPDX-License-Identifier: GPL-2.0-only
/* The fault gate: counts fallible steps, injects the planned failure, records the ladder run. */
#include <string.h>

#include "fault.h"
#include "ledger.h"
#include "world.h"

struct fork_trace model_trace;
void (*ladder_test_hook)(int label);
void (*ladder_oracle_hook)(int label);

void trace_begin(const struct fault_plan *plan)
{
	memset(&model_trace, 0, sizeof(model_trace));
	model_trace.plan = *plan;
	ledger.cur_label = L_none;
	ledger.cur_site = SITE_none;
	ledger.failed_site = SITE_none;
}

__attribute__((noinline)) void model_fault_hit(int site)
{
	__asm__ volatile("" : : "r"(site) : "memory");
}

bool model_fail(int site, bool natural)
{
	bool inject;

	model_trace.gates++;
	model_trace.reached[site / 8] |= 1U << (site % 8);
	ledger.cur_site = (unsigned char)site;
	if (model_trace.guard_site == site) {
		natural = natural && model_trace.guard_natural;
		model_trace.guard_site = SITE_none;
	}
	inject = model_trace.plan.site == site ||
		 (model_trace.plan.nth && model_trace.plan.nth == model_trace.gates);
	if (!inject && !natural)
		return false;
	if (inject && !natural) {
		model_trace.injected = true;
		model_fault_hit(site);
	}
	model_trace.failed_site = site;
	ledger.failed_site = (unsigned char)site;
	return true;
}

bool model_fault_guard(int site, bool natural)
{
	model_trace.guard_site = site;
	model_trace.guard_natural = natural;
	return natural || model_trace.plan.site == site;
}

bool model_check(int check, bool refuses)
{
	if (refuses)
		model_trace.failed_check = check;
	return refuses;
}

void ladder_label(int label)
{
	ledger.cur_label = label;
	if (ladder_oracle_hook)
		ladder_oracle_hook(label);
	if (ladder_test_hook)
		ladder_test_hook(label);
	if (model_trace.nr_labels == MAX_TRACE_LABELS) {
		model_trace.overflow = true;
		return;
	}
	model_trace.labels[model_trace.nr_labels++] = label;
}

void model_signal_point(int site)
{
	/* SIGKILL where the kernel looks for a fatal signal, SIGUSR1 elsewhere */
	int sig = site == SITE_fatal_signal ? SIGKILL : SIGUSR1;

	if (model_trace.plan.signal_site == site)
		current->pending.signal.sig[0] |= 1UL << (sig - 1);
}
