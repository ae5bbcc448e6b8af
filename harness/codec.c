// SPDX-License-Identifier: GPL-2.0-only
/* The binary scenario codec: decode any byte string totally, encode a scenario canonically. */
#include <stdio.h>
#include <string.h>

#include "codec.h"

#define NR_OP_KINDS 2

_Static_assert(NR_SITES <= 256, "a site id must fit in one byte");

static uint64_t get_le(const uint8_t *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void put_le(uint8_t *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

static unsigned long long named_caps(void)
{
	unsigned long long m = 0;
	size_t i;

	for (i = 0; i < nr_cap_names; i++)
		m |= 1ULL << cap_names[i].value;
	return m;
}

static bool is_signal_site(const struct profile *p, int site)
{
	size_t i;

	for (i = 0; i < p->nr_signal_sites; i++)
		if (p->signal_sites[i] == site)
			return true;
	return false;
}

static void decode_header(const uint8_t *h, struct scenario *s)
{
	struct world_config *c = &s->cfg;
	unsigned int bools = (unsigned int)get_le(h + 2, 2);
	int bit = 0, nint = 0;
	size_t i;

	s->profile = profiles[h[1] % nr_profiles];
	for (i = 0; i < nr_config_keys; i++) {
		const struct config_key *k = &config_keys[i];

		if (k->type == CK_BOOL && bit < CODEC_NR_BOOLS) {
			config_set(c, k, bools >> bit++ & 1);
		} else if (k->type == CK_INT && nint < CODEC_NR_INTS) {
			uint64_t v = get_le(h + 13 + 4 * nint++, 4);

			config_set(c, k, k->min + (long)(v % (uint64_t)(k->max - k->min + 1)));
		}
	}
	c->lsm_task_create = errno_name(h[4]) ? h[4] : 0;
	c->caps = get_le(h + 5, 8) & named_caps();
	if (c->caps == named_caps())
		c->caps = CAP_FULL_SET;
}

static void decode_op(const uint8_t *o, const struct profile *p, int clones,
		      struct op *op)
{
	int site = o[2] % NR_SITES, sig = o[3] % NR_SITES;

	memset(op, 0, sizeof(*op));
	op->kind = o[0] % NR_OP_KINDS ? OP_EXIT : OP_CLONE;
	if (op->kind == OP_EXIT) {
		op->task = 1 + o[1] % clones;
		return;
	}
	op->task = o[1] % (clones + 1);
	op->plan.site = profile_site(p, site) ? site : SITE_none;
	op->plan.signal_site = is_signal_site(p, sig) ? sig : SITE_none;
	op->plan.nth = (unsigned int)get_le(o + 4, 2);
	op->flags = get_le(o + 6, 8);
	op->tls = (unsigned long)get_le(o + 14, 8);
}

int scenario_decode(const uint8_t *data, size_t len, struct scenario *s,
		    char *err, size_t errlen)
{
	size_t off;
	int clones = 0;

	_Static_assert(CODEC_NR_INTS + CODEC_NR_BOOLS <= 64, "header layout");
	memset(s, 0, sizeof(*s));
	world_config_default(&s->cfg);
	if (len < CODEC_HEADER_SIZE) {
		snprintf(err, errlen, "input of %zu bytes is shorter than the %d-byte header",
			 len, CODEC_HEADER_SIZE);
		return -1;
	}
	if (data[0] != CODEC_VERSION) {
		snprintf(err, errlen, "unknown format version %u (expected %d)",
			 data[0], CODEC_VERSION);
		return -1;
	}
	decode_header(data, s);
	for (off = CODEC_HEADER_SIZE; off + CODEC_OP_SIZE <= len && s->nr_ops < MAX_OPS;
	     off += CODEC_OP_SIZE) {
		struct op *op = &s->ops[s->nr_ops];

		if (data[off] % NR_OP_KINDS && !clones)
			continue;
		decode_op(data + off, s->profile, clones, op);
		if (op->kind == OP_CLONE && clones < MAX_TASKS - 1)
			clones++;
		s->nr_ops++;
	}
	return 0;
}

size_t scenario_encode(const struct scenario *s, uint8_t *buf)
{
	const struct world_config *c = &s->cfg;
	unsigned int bools = 0;
	int bit = 0, nint = 0, i;
	size_t k, off;

	memset(buf, 0, CODEC_HEADER_SIZE);
	buf[0] = CODEC_VERSION;
	for (k = 0; k < nr_profiles; k++)
		if (profiles[k] == s->profile)
			buf[1] = (uint8_t)k;
	for (k = 0; k < nr_config_keys; k++) {
		const struct config_key *ck = &config_keys[k];

		if (ck->type == CK_BOOL && bit < CODEC_NR_BOOLS)
			bools |= (config_get(c, ck) ? 1u : 0u) << bit++;
		else if (ck->type == CK_INT && nint < CODEC_NR_INTS)
			put_le(buf + 13 + 4 * nint++, (uint64_t)(config_get(c, ck) - ck->min), 4);
	}
	put_le(buf + 2, bools, 2);
	buf[4] = c->lsm_task_create > 0 && c->lsm_task_create < 256 ?
		 (uint8_t)c->lsm_task_create : 0;
	put_le(buf + 5, c->caps == CAP_FULL_SET ? named_caps() : c->caps, 8);

	off = CODEC_HEADER_SIZE;
	for (i = 0; i < s->nr_ops; i++, off += CODEC_OP_SIZE) {
		const struct op *op = &s->ops[i];
		uint8_t *o = buf + off;

		memset(o, 0, CODEC_OP_SIZE);
		o[0] = op->kind == OP_EXIT;
		o[1] = (uint8_t)(op->kind == OP_EXIT ? op->task - 1 : op->task);
		o[2] = (uint8_t)op->plan.site;
		o[3] = (uint8_t)op->plan.signal_site;
		put_le(o + 4, op->plan.nth > 0xffff ? 0xffff : op->plan.nth, 2);
		put_le(o + 6, op->flags, 8);
		put_le(o + 14, op->tls, 8);
	}
	return off;
}
