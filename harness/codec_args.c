// SPDX-License-Identifier: GPL-2.0-only
/* The args input format: one clone by the caller with its flags, tls and privileges, nothing else. */
#include <stdio.h>
#include <string.h>

#include "targets.h"

/*
 *   0  u8   profile, index into profiles[] modulo their number
 *   1  u8   caller: bit 0 caps=all, bit 1 uid=0, bit 2 init, bit 3
 *           pidns_mismatch, bit 4 kthread; other bits ignored
 *   2  u64  clone flags, CSIGNAL byte included
 *  10  u64  tls (optional: 0 when the input ends before it)
 */
enum { A_CAPS = 1, A_ROOT = 2, A_INIT = 4, A_PIDNS = 8, A_KTHREAD = 16 };

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

int args_decode(const uint8_t *data, size_t len, struct scenario *s,
		char *err, size_t errlen)
{
	struct op *op = &s->ops[0];

	memset(s, 0, sizeof(*s));
	world_config_default(&s->cfg);
	if (len < ARGS_MIN_SIZE || len > ARGS_MAX_SIZE) {
		snprintf(err, errlen, "args input of %zu bytes: expected %d to %d",
			 len, ARGS_MIN_SIZE, ARGS_MAX_SIZE);
		return -1;
	}
	s->profile = profiles[data[0] % nr_profiles];
	s->cfg.caps = data[1] & A_CAPS ? CAP_FULL_SET : 0;
	s->cfg.uid = data[1] & A_ROOT ? 0 : s->cfg.uid;
	s->cfg.caller_is_init = data[1] & A_INIT;
	s->cfg.pidns_mismatch = data[1] & A_PIDNS;
	s->cfg.kthread = data[1] & A_KTHREAD;
	op->kind = OP_CLONE;
	op->call.flags = le64(data + 2);
	op->call.tls = len >= 18 ? (unsigned long)le64(data + 10) : 0;
	s->nr_ops = 1;
	return 0;
}

long args_encode(const struct scenario *s, uint8_t *buf, char *err, size_t errlen)
{
	struct world_config want;
	const struct op *op = &s->ops[0];
	size_t i;
	int n;

	world_config_default(&want);
	want.caps = s->cfg.caps == CAP_FULL_SET ? CAP_FULL_SET : 0;
	want.uid = s->cfg.uid == 0 ? 0 : want.uid;
	want.caller_is_init = s->cfg.caller_is_init;
	want.pidns_mismatch = s->cfg.pidns_mismatch;
	want.kthread = s->cfg.kthread;
	if (memcmp(&want, &s->cfg, sizeof(want))) {
		snprintf(err, errlen, "the args format holds only caps=all|none, uid=0|1000, init, pidns_mismatch and kthread");
		return -1;
	}
	if (s->nr_ops != 1 || op->kind != OP_CLONE || op->task ||
	    op->plan.site || op->plan.nth || op->plan.signal_site) {
		snprintf(err, errlen, "the args format holds exactly one clone by the caller, without faults or signals");
		return -1;
	}
	for (i = 0; i < nr_profiles; i++)
		if (profiles[i] == s->profile)
			buf[0] = (uint8_t)i;
	buf[1] = (s->cfg.caps ? A_CAPS : 0) | (s->cfg.uid ? 0 : A_ROOT) |
		 (s->cfg.caller_is_init ? A_INIT : 0) |
		 (s->cfg.pidns_mismatch ? A_PIDNS : 0) | (s->cfg.kthread ? A_KTHREAD : 0);
	for (n = 0; n < 8; n++) {
		buf[2 + n] = (uint8_t)(op->call.flags >> 8 * n);
		buf[10 + n] = (uint8_t)((uint64_t)op->call.tls >> 8 * n);
	}
	return op->call.tls ? ARGS_MAX_SIZE : ARGS_MIN_SIZE;
}
