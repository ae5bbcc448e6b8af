// SPDX-License-Identifier: GPL-2.0-only
/* The args input format: one clone() or clone3() by the caller with its arguments and privileges, nothing else. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "codec.h"

/*
 *   0  u8   profile, index into profiles[] modulo their number
 *   1  u8   caller: bit 0 caps=all, bit 1 uid=0, bit 2 init, bit 3
 *           pidns_mismatch, bit 4 kthread; other bits ignored
 *   2  u64  flags (clone: CSIGNAL byte included)
 *  10  u64  tls
 *  the rest is optional (zero when the input ends before it):
 *  18  u8   bit 0 clone3 (where the profile has it), bit 1 a non-zero byte
 *           past the struct, bits 2-3 the struct's pointer (0, 1 valid, 2
 *           bad, 3 null)
 *  19  u8   pointers, 2 bits each from bit 0: pidfd, child_tid, parent_tid,
 *           set_tid (0 null, 1 and 3 valid, 2 bad)
 *  20  u64  exit_signal (clone3)
 *  28  u64  stack
 *  36  u64  stack_size (clone3)
 *  44  u16  size (clone3; 0 means 88)
 *  46  u8   set_tid_size (clone3; the array holds 1, 2, ...)
 *  47  u32  cgroup (clone3)
 */
enum { A_CAPS = 1, A_ROOT = 2, A_INIT = 4, A_PIDNS = 8, A_KTHREAD = 16 };

static const size_t ptr_offs[] = {
	offsetof(struct clone_call, pidfd), offsetof(struct clone_call, child_tid),
	offsetof(struct clone_call, parent_tid), offsetof(struct clone_call, set_tid),
};
static const unsigned long long ptr_valid[] = {
	USER_PTR_VALID + 0x1000, USER_PTR_VALID + 0x2000,
	USER_PTR_VALID + 0x3000, USER_PTR_VALID + 0x4000,
};

static uint64_t le(const uint8_t *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void put(uint8_t *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

int args_decode(const uint8_t *data, size_t len, struct scenario *s,
		char *err, size_t errlen)
{
	uint8_t in[ARGS_MAX_SIZE] = { 0 };
	struct op *op = &s->ops[0];
	struct clone_call *c = &op->call;
	size_t i;

	/* one op: those past nr_ops are never read (as scenario_decode()) */
	memset(s, 0, offsetof(struct scenario, ops));
	memset(op, 0, sizeof(*op));
	s->nr_ops = 0;
	world_config_default(&s->cfg);
	if (len < ARGS_MIN_SIZE || len > ARGS_MAX_SIZE) {
		snprintf(err, errlen, "args input of %zu bytes: expected %d to %d",
			 len, ARGS_MIN_SIZE, ARGS_MAX_SIZE);
		return -1;
	}
	memcpy(in, data, len);
	s->profile = codec_profile ? codec_profile : profiles[in[0] % nr_profiles];
	s->cfg.caps = in[1] & A_CAPS ? CAP_FULL_SET : 0;
	s->cfg.uid = in[1] & A_ROOT ? 0 : s->cfg.uid;
	s->cfg.caller_is_init = in[1] & A_INIT;
	s->cfg.pidns_mismatch = in[1] & A_PIDNS;
	s->cfg.kthread = in[1] & A_KTHREAD;
	world_config_fixup(s->profile, &s->cfg);
	op->kind = (in[18] & 1) && s->profile->has_clone3 ? OP_CLONE3 : OP_CLONE;
	if (op->kind == OP_CLONE3)
		clone_call_clone3(c);
	else
		clone_call_legacy(c, 0, 0);
	c->flags = le(in + 2, 8);
	c->tls = le(in + 10, 8);
	c->stack = le(in + 28, 8);
	if (len > 18)
		for (i = 0; i < 4; i++) {
			unsigned int code = in[19] >> (2 * i) & 3;
			unsigned long long *f = (unsigned long long *)((char *)c + ptr_offs[i]);

			if (op->kind != OP_CLONE3 && i != 1 && i != 2)
				continue;
			*f = code == 0 ? 0 : code == 2 ? USER_PTR_BAD : ptr_valid[i];
		}
	if (op->kind == OP_CLONE3) {
		c->tail_nonzero = in[18] >> 1 & 1;
		c->uargs = (in[18] >> 2 & 3) == 2 ? USER_PTR_BAD :
			   (in[18] >> 2 & 3) == 3 ? 0 : USER_PTR_VALID + 0x5000;
		c->exit_signal = le(in + 20, 8);
		c->stack_size = le(in + 36, 8);
		c->size = le(in + 44, 2) ? le(in + 44, 2) : CLONE_ARGS_SIZE_VER2;
		c->set_tid_size = in[46];
		for (i = 0; i < MAX_SET_TID; i++)
			c->set_tid_vals[i] = (int)i + 1;
		c->cgroup = le(in + 47, 4);
	}
	s->nr_ops = 1;
	return 0;
}

static unsigned int ptr_code(unsigned long long v)
{
	return !v ? 0 : user_access_ok(v, 1) ? 1 : 2;
}

long args_encode(const struct scenario *s, uint8_t *buf, char *err, size_t errlen)
{
	struct world_config want;
	const struct op *op = &s->ops[0];
	const struct clone_call *c = &op->call;
	unsigned int ptrs = 0;
	size_t i;

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
	if (s->nr_ops != 1 || op->kind == OP_EXIT || op->task ||
	    op->plan.site || op->plan.nth || op->plan.signal_site) {
		snprintf(err, errlen, "the args format holds exactly one clone or clone3 by the caller, without faults or signals");
		return -1;
	}
	for (i = 0; i < c->set_tid_size && i < MAX_SET_TID &&
		    c->set_tid == USER_PTR_VALID + 0x4000; i++)
		if (c->set_tid_vals[i] != (int)i + 1) {
			snprintf(err, errlen, "the args format's set_tid array holds 1, 2, 3, ...");
			return -1;
		}
	memset(buf, 0, ARGS_MAX_SIZE);
	for (i = 0; i < nr_profiles; i++)
		if (profiles[i] == s->profile)
			buf[0] = (uint8_t)i;
	buf[1] = (s->cfg.caps ? A_CAPS : 0) | (s->cfg.uid ? 0 : A_ROOT) |
		 (s->cfg.caller_is_init ? A_INIT : 0) |
		 (s->cfg.pidns_mismatch ? A_PIDNS : 0) | (s->cfg.kthread ? A_KTHREAD : 0);
	put(buf + 2, c->flags, 8);
	put(buf + 10, c->tls, 8);
	for (i = 0; i < 4; i++)
		ptrs |= ptr_code(*(const unsigned long long *)((const char *)c + ptr_offs[i])) << (2 * i);
	buf[18] = (uint8_t)((op->kind == OP_CLONE3 ? 1 : 0) | (c->tail_nonzero ? 2 : 0) |
			    (!c->uargs ? 3u << 2 : ptr_code(c->uargs) == 2 ? 2u << 2 : 0));
	buf[19] = (uint8_t)ptrs;
	put(buf + 20, c->exit_signal, 8);
	put(buf + 28, c->stack, 8);
	put(buf + 36, c->stack_size, 8);
	put(buf + 44, c->size == CLONE_ARGS_SIZE_VER2 || c->size > 0xffff ? 0 : c->size, 2);
	buf[46] = (uint8_t)(c->set_tid_size > 0xff ? 0xff : c->set_tid_size);
	put(buf + 47, c->cgroup > 0xffffffffULL ? 0xffffffffULL : c->cgroup, 4);
	/* a legacy clone() with the default pointers fits the short form */
	if (op->kind == OP_CLONE && ptrs == (1u << 2 | 1u << 4) && !c->stack)
		return c->tls ? 18 : ARGS_MIN_SIZE;
	return ARGS_MAX_SIZE;
}
