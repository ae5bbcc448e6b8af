// SPDX-License-Identifier: GPL-2.0-only
/* The binary scenario codec: decode any byte string totally, encode a scenario canonically. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

#define NR_OP_KINDS 3

_Static_assert(NR_SITES <= 256, "a site id must fit in one byte");
_Static_assert(CODEC_NR_BOOLS <= 32, "the booleans are one u32");

/* The pointer fields of op byte 6, in bit order, and their "valid" values. */
static const struct {
	size_t off;
	unsigned long long valid;
} ptr_bits[] = {
	{ offsetof(struct clone_call, pidfd), USER_PTR_VALID + 0x1000 },
	{ offsetof(struct clone_call, child_tid), USER_PTR_VALID + 0x2000 },
	{ offsetof(struct clone_call, parent_tid), USER_PTR_VALID + 0x3000 },
	{ offsetof(struct clone_call, set_tid), USER_PTR_VALID + 0x4000 },
	{ offsetof(struct clone_call, uargs), USER_PTR_VALID + 0x5000 },
};
#define NR_PTR_BITS (sizeof(ptr_bits) / sizeof(ptr_bits[0]))

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

const struct profile *codec_profile;

int codec_profile_from_env(void)
{
	const char *name = getenv("CLONEFUZZ_PROFILE");

	if (!name)
		return 0;
	codec_profile = profile_find(name);
	if (!codec_profile) {
		fprintf(stderr, "clonefuzz: CLONEFUZZ_PROFILE: unknown profile '%s' (see 'clonefuzz profiles')\n",
			name);
		return -1;
	}
	return 0;
}

static void decode_header(const uint8_t *h, struct scenario *s)
{
	struct world_config *c = &s->cfg;
	uint32_t bools = (uint32_t)get_le(h + 2, 4);
	int bit = 0, nint = 0;
	size_t i;

	s->profile = codec_profile ? codec_profile : profiles[h[1] % nr_profiles];
	for (i = 0; i < nr_config_keys; i++) {
		const struct config_key *k = &config_keys[i];

		if (k->type == CK_BOOL && bit < CODEC_NR_BOOLS) {
			config_set(c, k, bools >> bit++ & 1);
		} else if (k->type == CK_INT && nint < CODEC_NR_INTS) {
			uint64_t v = get_le(h + CODEC_INTS_AT + 4 * nint++, 4);

			config_set(c, k, k->min + (long)(v % (uint64_t)(k->max - k->min + 1)));
		}
	}
	c->lsm_ret = h[6] >= CODEC_LSM_POSITIVE ? h[6] - CODEC_LSM_POSITIVE + 1 :
		     errno_name(h[6]) ? -h[6] : 0;
	c->caps = get_le(h + 7, 8) & named_caps();
	if (c->caps == named_caps())
		c->caps = CAP_FULL_SET;
	world_config_fixup(s->profile, c);
}

static unsigned long long *ptr_field(struct clone_call *c, size_t i)
{
	return (unsigned long long *)((char *)c + ptr_bits[i].off);
}

static void decode_ptr(struct clone_call *c, size_t i, unsigned int code)
{
	*ptr_field(c, i) = code == 0 ? 0 : code == 2 ? USER_PTR_BAD : ptr_bits[i].valid;
}

static void decode_op(const uint8_t *o, const struct profile *p, int clones,
		      struct op *op)
{
	int site = o[2] % NR_SITES, sig = o[3] % NR_SITES, kind = o[0] % NR_OP_KINDS;
	struct clone_call *c = &op->call;
	unsigned int ptrs = o[6] | (unsigned int)(o[7] & 3) << 8;
	size_t i;
	int k;

	memset(op, 0, sizeof(*op));
	if (kind == 1) {
		op->kind = OP_EXIT;
		op->task = 1 + o[1] % clones;
		return;
	}
	op->kind = kind == 2 && p->has_clone3 ? OP_CLONE3 : OP_CLONE;
	op->task = o[1] % (clones + 1);
	op->plan.site = profile_site(p, site) ? site : SITE_none;
	op->plan.signal_site = is_signal_site(p, sig) ? sig : SITE_none;
	op->plan.nth = (unsigned int)get_le(o + 4, 2);
	if (op->kind == OP_CLONE3)
		clone_call_clone3(c);
	else
		clone_call_legacy(c, 0, 0);
	c->flags = get_le(o + CODEC_OP_FLAGS_AT, 8);
	c->tls = get_le(o + 16, 8);
	c->stack = get_le(o + 32, 8);
	for (i = 0; i < NR_PTR_BITS; i++)
		if (op->kind == OP_CLONE3 || i == 1 || i == 2)
			decode_ptr(c, i, ptrs >> (2 * i) & 3);
	if (op->kind != OP_CLONE3)
		return;
	c->tail_nonzero = o[7] >> 2 & 1;
	c->exit_signal = get_le(o + 24, 8);
	c->stack_size = get_le(o + 40, 8);
	c->size = get_le(o + 48, 2);
	c->set_tid_size = o[50];
	c->cgroup = get_le(o + 52, 4);
	for (k = 0; k < CODEC_SET_TID_VALS; k++)
		c->set_tid_vals[k] = (int32_t)get_le(o + 56 + 4 * k, 4);
}

int scenario_decode(const uint8_t *data, size_t len, struct scenario *s,
		    char *err, size_t errlen)
{
	size_t off;
	int clones = 0;

	/* each op is cleared as it is decoded; those past nr_ops are never read */
	memset(s, 0, offsetof(struct scenario, ops));
	s->nr_ops = 0;
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

		if (data[off] % NR_OP_KINDS == 1 && !clones)
			continue;
		decode_op(data + off, s->profile, clones, op);
		if (op->kind != OP_EXIT && clones < MAX_TASKS - 1)
			clones++;
		s->nr_ops++;
	}
	return 0;
}

static unsigned int encode_ptr(const struct clone_call *c, size_t i)
{
	unsigned long long v = *(const unsigned long long *)((const char *)c + ptr_bits[i].off);

	if (!v)
		return 0;
	/* model: the format has no room for arbitrary addresses; mapped means valid */
	return user_access_ok(v, 1) ? 1 : 2;
}

static void encode_op(const struct op *op, uint8_t *o)
{
	const struct clone_call *c = &op->call;
	unsigned int ptrs = 0;
	size_t i;
	int k;

	memset(o, 0, CODEC_OP_SIZE);
	o[0] = op->kind == OP_EXIT ? 1 : op->kind == OP_CLONE3 ? 2 : 0;
	o[1] = (uint8_t)(op->kind == OP_EXIT ? op->task - 1 : op->task);
	if (op->kind == OP_EXIT)
		return;
	o[2] = (uint8_t)op->plan.site;
	o[3] = (uint8_t)op->plan.signal_site;
	put_le(o + 4, op->plan.nth > 0xffff ? 0xffff : op->plan.nth, 2);
	for (i = 0; i < NR_PTR_BITS; i++)
		if (op->kind == OP_CLONE3 || i == 1 || i == 2)
			ptrs |= encode_ptr(c, i) << (2 * i);
	o[6] = (uint8_t)ptrs;
	o[7] = (uint8_t)(ptrs >> 8 | (c->tail_nonzero ? 4u : 0u));
	put_le(o + CODEC_OP_FLAGS_AT, c->flags, 8);
	put_le(o + 16, c->tls, 8);
	put_le(o + 32, c->stack, 8);
	if (op->kind != OP_CLONE3)
		return;
	put_le(o + 24, c->exit_signal, 8);
	put_le(o + 40, c->stack_size, 8);
	put_le(o + 48, c->size > 0xffff ? 0xffff : c->size, 2);
	o[50] = (uint8_t)(c->set_tid_size > 0xff ? 0xff : c->set_tid_size);
	put_le(o + 52, c->cgroup > 0xffffffffULL ? 0xffffffffULL : c->cgroup, 4);
	for (k = 0; k < CODEC_SET_TID_VALS; k++)
		put_le(o + 56 + 4 * k, (uint32_t)c->set_tid_vals[k], 4);
}

size_t scenario_encode(const struct scenario *s, uint8_t *buf)
{
	const struct world_config *c = &s->cfg;
	uint32_t bools = 0;
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
			put_le(buf + CODEC_INTS_AT + 4 * nint++,
			       (uint64_t)(config_get(c, ck) - ck->min), 4);
	}
	put_le(buf + 2, bools, 4);
	if (c->lsm_ret > 0)
		buf[6] = (uint8_t)(CODEC_LSM_POSITIVE - 1 +
				   (c->lsm_ret < 256 - CODEC_LSM_POSITIVE ? c->lsm_ret :
				    256 - CODEC_LSM_POSITIVE));
	else
		buf[6] = c->lsm_ret < 0 && -c->lsm_ret < CODEC_LSM_POSITIVE ? (uint8_t)-c->lsm_ret : 0;
	put_le(buf + 7, c->caps == CAP_FULL_SET ? named_caps() : c->caps, 8);

	off = CODEC_HEADER_SIZE;
	for (i = 0; i < s->nr_ops; i++, off += CODEC_OP_SIZE)
		encode_op(&s->ops[i], buf + off);
	return off;
}


/* clone3 by the caller, no fault: exit signal SIGCHLD unless CLONE_THREAD; a valid pidfd pointer with CLONE_PIDFD. */
static void op_clone3(uint8_t *o, unsigned long long flags, unsigned long long cgroup,
		      const int *set_tid, int nr_set_tid)
{
	struct op op;
	int k;

	memset(&op, 0, sizeof(op));
	op.kind = OP_CLONE3;
	clone_call_clone3(&op.call);
	op.call.flags = flags;
	op.call.exit_signal = flags & CLONE_THREAD ? 0 : SIGCHLD;
	op.call.cgroup = cgroup;
	if (flags & CLONE_PIDFD)
		decode_ptr(&op.call, 0, 1);
	if (nr_set_tid) {
		decode_ptr(&op.call, 3, 1);
		op.call.set_tid_size = (unsigned long long)nr_set_tid;
		for (k = 0; k < nr_set_tid && k < CODEC_SET_TID_VALS; k++)
			op.call.set_tid_vals[k] = set_tid[k];
	}
	encode_op(&op, o);
}

/* set_tid lists as a new pid namespace and its parents see them */
static const struct {
	const char *name;
	int nr;
	int tid[CODEC_SET_TID_VALS];
	unsigned long long flags;
} set_tids[] = {
	{ "newpid_init", 1, { 1 }, CLONE_NEWPID },
	{ "taken", 1, { 1 }, 0 },
	{ "nested", 2, { 1, 300 }, CLONE_NEWPID },
	{ "four", 4, { 1, 2, 3, 4 }, CLONE_NEWPID },
};
#define NR_SET_TIDS (sizeof(set_tids) / sizeof(set_tids[0]))

/* The next entry of @out, named, or NULL when its @max are taken. */
static struct codec_whole_op *whole_op(struct codec_whole_op *out, size_t max, size_t *n,
				       const char *fmt, ...)
{
	va_list ap;

	if (*n == max)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(out[*n].name, sizeof(out[*n].name), fmt, ap);
	va_end(ap);
	memset(out[*n].op, 0, CODEC_OP_SIZE);
	return &out[(*n)++];
}

/*
 * The whole operations: a fork, an exit, and the clone3 calls whose
 * coordinated fields a fuzzer rarely builds from nothing (a pidfd, each of
 * the world's cgroup directories and descriptor 0, which is none, set_tid
 * lists, a new time namespace).
 */
size_t codec_whole_ops(struct codec_whole_op *out, size_t max)
{
	struct codec_whole_op *w;
	size_t n = 0, i;
	int fd;

	if ((w = whole_op(out, max, &n, "op_fork")))
		put_le(w->op + CODEC_OP_FLAGS_AT, SIGCHLD, 8);
	if ((w = whole_op(out, max, &n, "op_exit")))
		w->op[0] = 1;
	if ((w = whole_op(out, max, &n, "op_clone3")))
		op_clone3(w->op, 0, 0, NULL, 0);
	if ((w = whole_op(out, max, &n, "op_clone3_pidfd")))
		op_clone3(w->op, CLONE_PIDFD, 0, NULL, 0);
	for (fd = 0; fd <= CGROUP_FD_LAST; fd++)
		if ((!fd || fd >= CGROUP_FD_FIRST) &&
		    (w = whole_op(out, max, &n, "op_clone3_cgroup_fd%d", fd)))
			op_clone3(w->op, CLONE_INTO_CGROUP, (unsigned long long)fd, NULL, 0);
	for (i = 0; i < NR_SET_TIDS; i++)
		if ((w = whole_op(out, max, &n, "op_clone3_set_tid_%s", set_tids[i].name)))
			op_clone3(w->op, set_tids[i].flags, 0, set_tids[i].tid, set_tids[i].nr);
	if ((w = whole_op(out, max, &n, "op_clone3_newtime")))
		op_clone3(w->op, CLONE_NEWTIME, 0, NULL, 0);
	return n;
}

static uint64_t mix64(uint64_t *r)
{
	*r ^= *r << 13;
	*r ^= *r >> 7;
	*r ^= *r << 17;
	return *r;
}

/*
 * One mutation that keeps the format's shape: a header where there is none,
 * or a whole operation inserted, replaced, deleted, duplicated or copied
 * over another at an operation boundary, the inserted and replacing ones
 * from codec_whole_ops(). Returns the new size, or 0 where it has nothing to
 * do (a byte string of another format version).
 */
size_t codec_mutate_ops(uint8_t *data, size_t size, size_t max, uint64_t seed)
{
	static struct codec_whole_op pool[CODEC_MAX_WHOLE_OPS];
	static size_t nr_pool;
	uint64_t r = seed | 1;
	size_t nops, k, j, at;

	if (!nr_pool)
		nr_pool = codec_whole_ops(pool, CODEC_MAX_WHOLE_OPS);
	if (max < CODEC_HEADER_SIZE + CODEC_OP_SIZE)
		return 0;
	if (size < CODEC_HEADER_SIZE) {
		/* a header from the bytes there are, then one operation */
		memset(data + size, 0, CODEC_HEADER_SIZE - size);
		data[0] = CODEC_VERSION;
		memcpy(data + CODEC_HEADER_SIZE, pool[mix64(&r) % nr_pool].op, CODEC_OP_SIZE);
		return CODEC_HEADER_SIZE + CODEC_OP_SIZE;
	}
	if (data[0] != CODEC_VERSION)
		return 0;
	nops = (size - CODEC_HEADER_SIZE) / CODEC_OP_SIZE;
	k = nops ? mix64(&r) % nops : 0;
	at = CODEC_HEADER_SIZE + k * CODEC_OP_SIZE;
	switch (nops ? mix64(&r) % 5 : 0) {
	case 0:	/* insert before operation k */
		if (nops == MAX_OPS || size + CODEC_OP_SIZE > max)
			return 0;
		memmove(data + at + CODEC_OP_SIZE, data + at, size - at);
		memcpy(data + at, pool[mix64(&r) % nr_pool].op, CODEC_OP_SIZE);
		return size + CODEC_OP_SIZE;
	case 1:	/* replace operation k */
		memcpy(data + at, pool[mix64(&r) % nr_pool].op, CODEC_OP_SIZE);
		return size;
	case 2:	/* delete operation k */
		memmove(data + at, data + at + CODEC_OP_SIZE, size - at - CODEC_OP_SIZE);
		return size - CODEC_OP_SIZE;
	case 3:	/* duplicate operation k */
		if (nops == MAX_OPS || size + CODEC_OP_SIZE > max)
			return 0;
		memmove(data + at + CODEC_OP_SIZE, data + at, size - at);
		return size + CODEC_OP_SIZE;
	default:	/* copy operation k over operation j */
		j = mix64(&r) % nops;
		memmove(data + CODEC_HEADER_SIZE + j * CODEC_OP_SIZE, data + at, CODEC_OP_SIZE);
		return size;
	}
}
