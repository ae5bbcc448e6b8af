/* SPDX-License-Identifier: GPL-2.0-only */
/* What each holder's pointers say it must hold: the recount the shape and world oracles compare with the ledger. */
#ifndef CLONEFUZZ_ORACLE_HOLDS_H
#define CLONEFUZZ_ORACLE_HOLDS_H

#include "ledger.h"

#define MAX_EXPECT 64

struct expect {
	struct kobj *obj;
	int type;
	int n;
};

/* The holds @owner's fields stand for; -1 for a kind that holds nothing the model tracks. */
int holder_expected(const struct kobj *owner, struct expect *ex);

/* Compare @owner's holds in the ledger with @ex; report @vtype violations. */
void check_holder(const struct kobj *owner, struct expect *ex, int nr, int vtype);

/* Recount every live holder, and the counters the world's tasks imply. */
void oracle_world_check(const struct kobj *skip);

#endif
