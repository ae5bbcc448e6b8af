// SPDX-License-Identifier: GPL-2.0-only
/* Scenario keys for clone()'s pointer arguments and every struct clone_args field of clone3(). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

#define F(f) offsetof(struct clone_call, f)

/* Pointer fields: where "valid" points, and which calls have them. */
static const struct ptr_key {
	const char *name;
	size_t off;
	unsigned long long valid;
	bool clone3_only;
} ptr_keys[] = {
	{ "pidfd",	F(pidfd),	USER_PTR_VALID + 0x1000, true },
	{ "child_tid",	F(child_tid),	USER_PTR_VALID + 0x2000, false },
	{ "parent_tid",	F(parent_tid),	USER_PTR_VALID + 0x3000, false },
	{ "set_tid",	F(set_tid),	USER_PTR_VALID + 0x4000, true },
	{ "args",	F(uargs),	USER_PTR_VALID + 0x5000, true },
	{ "stack",	F(stack),	USER_PTR_VALID + 0x100000, false },
};

/* Plain numbers of struct clone_args and the clone3 size argument. */
static const struct num_key {
	const char *name;
	size_t off;
} num_keys[] = {
	{ "stack_size",		F(stack_size) },
	{ "set_tid_size",	F(set_tid_size) },
	{ "cgroup",		F(cgroup) },
	{ "size",		F(size) },
};

const char *clone_ptr_name(const struct clone_call *c, int i, char *buf, size_t len)
{
	unsigned long long v = *(const unsigned long long *)((const char *)c + ptr_keys[i].off);

	if (!v)
		return "null";
	if (v == ptr_keys[i].valid)
		return "valid";
	if (v == USER_PTR_BAD)
		return "bad";
	snprintf(buf, len, "0x%llx", v);
	return buf;
}

int clone_ptr_key_count(void)
{
	return (int)(sizeof(ptr_keys) / sizeof(ptr_keys[0]));
}

const char *clone_ptr_key_name(int i)
{
	return ptr_keys[i].name;
}

bool clone_ptr_key_applies(int i, int entry)
{
	return entry == ENTRY_clone3 || !ptr_keys[i].clone3_only;
}

unsigned long long clone_ptr_default(int i, int entry)
{
	struct clone_call c;

	if (entry == ENTRY_clone3)
		clone_call_clone3(&c);
	else
		clone_call_legacy(&c, 0, 0);
	return *(unsigned long long *)((char *)&c + ptr_keys[i].off);
}

static int parse_num(const char *v, unsigned long long *out)
{
	char *end;

	if (!*v || *v == '-')
		return -1;
	errno = 0;
	*out = strtoull(v, &end, 0);
	return errno || *end ? -1 : 0;
}

/*
 * set_tid=1,42,... : the array's contents (the pointer is valid, the size
 * their number). Any number of pids parses, as clone3() takes any
 * set_tid_size; the model keeps the first MAX_SET_TID, all the kernel reads
 * before it refuses a longer array with EINVAL.
 */
static int parse_set_tid_list(struct clone_call *c, const char *v, char *err, size_t errlen)
{
	char buf[2048], *tok, *save;
	unsigned long long n = 0;

	if (strlen(v) >= sizeof(buf)) {
		snprintf(err, errlen, "set_tid list too long");
		return -1;
	}
	strcpy(buf, v);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long t;

		errno = 0;
		t = strtol(tok, &end, 0);
		if (errno || *end || t < -2147483648L || t > 2147483647L) {
			snprintf(err, errlen, "set_tid=%s: expected pids separated by commas", v);
			return -1;
		}
		if (n < MAX_SET_TID)
			c->set_tid_vals[n] = (int)t;
		n++;
	}
	c->set_tid = USER_PTR_VALID + 0x4000;
	c->set_tid_size = n;
	return 0;
}

int clone_arg_key(struct op *op, const char *k, const char *v, char *err, size_t errlen)
{
	struct clone_call *c = &op->call;
	size_t i;

	for (i = 0; i < sizeof(ptr_keys) / sizeof(ptr_keys[0]); i++) {
		unsigned long long *f = (unsigned long long *)((char *)c + ptr_keys[i].off);

		if (strcmp(k, ptr_keys[i].name))
			continue;
		if (!clone_ptr_key_applies((int)i, c->entry))
			return 1;
		if (!strcmp(v, "valid"))
			*f = ptr_keys[i].valid;
		else if (!strcmp(v, "null"))
			*f = 0;
		else if (!strcmp(v, "bad"))
			*f = USER_PTR_BAD;
		else if (ptr_keys[i].off == F(set_tid))
			return parse_set_tid_list(c, v, err, errlen);
		else if (parse_num(v, f)) {
			snprintf(err, errlen, "%s=%s: expected valid, null, bad or an address", k, v);
			return -1;
		}
		return 0;
	}
	if (c->entry != ENTRY_clone3)
		return 1;
	for (i = 0; i < sizeof(num_keys) / sizeof(num_keys[0]); i++) {
		if (strcmp(k, num_keys[i].name))
			continue;
		if (parse_num(v, (unsigned long long *)((char *)c + num_keys[i].off))) {
			snprintf(err, errlen, "%s=%s: expected a number", k, v);
			return -1;
		}
		return 0;
	}
	if (!strcmp(k, "tail")) {
		if (strcmp(v, "0") && strcmp(v, "1")) {
			snprintf(err, errlen, "tail=%s: expected 0 or 1 (a non-zero byte past the struct)", v);
			return -1;
		}
		c->tail_nonzero = v[0] == '1';
		return 0;
	}
	return 1;
}

void clone_args_write(FILE *f, const struct clone_call *c)
{
	char buf[32];
	size_t i;
	int k;

	for (k = 0; k < clone_ptr_key_count(); k++) {
		const unsigned long long *fld = (const unsigned long long *)
			((const char *)c + ptr_keys[k].off);

		if (!clone_ptr_key_applies(k, c->entry) || *fld == clone_ptr_default(k, c->entry))
			continue;
		if (ptr_keys[k].off == F(set_tid) && *fld == ptr_keys[k].valid) {
			unsigned long long n;

			fputs(" set_tid=", f);
			for (n = 0; n < c->set_tid_size && n < MAX_SET_TID; n++)
				fprintf(f, "%s%d", n ? "," : "", c->set_tid_vals[n]);
			if (!c->set_tid_size)
				fputs("valid", f);
			continue;
		}
		fprintf(f, " %s=%s", ptr_keys[k].name, clone_ptr_name(c, k, buf, sizeof(buf)));
	}
	if (c->entry != ENTRY_clone3)
		return;
	for (i = 0; i < sizeof(num_keys) / sizeof(num_keys[0]); i++) {
		unsigned long long v = *(const unsigned long long *)
			((const char *)c + num_keys[i].off);
		unsigned long long def = num_keys[i].off == F(size) ? CLONE_ARGS_SIZE_VER2 : 0;

		if (num_keys[i].off == F(set_tid_size) && c->set_tid == USER_PTR_VALID + 0x4000 &&
		    v <= MAX_SET_TID)
			continue;	/* implied by the set_tid list */
		if (v != def)
			fprintf(f, " %s=%llu", num_keys[i].name, v);
	}
	if (c->tail_nonzero)
		fputs(" tail=1", f);
}
