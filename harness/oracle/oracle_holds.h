/* SPDX-License-Identifier: GPL-2.0-only */
/* What each holder's pointers say it must hold: the recount the shape and world oracles compare with the ledger. */
#ifndef CLONEFUZZ_ORACLE_HOLDS_H
#define CLONEFUZZ_ORACLE_HOLDS_H

#include <stdbool.h>

#include "ledger.h"

/* Compare @owner's holds in the ledger with its fields; report @vtype violations. */
void check_holder(const struct kobj *owner, int vtype);

/*
 * Recount every live holder but @skip, and the counters the world's tasks
 * imply. A holder whose fields and holds have not changed since it last
 * passed is not compared again, unless the paranoid switch is on
 * (CLONEFUZZ_PARANOID=1 in the environment, or oracle_set_paranoid()).
 */
void oracle_world_check(const struct kobj *skip);

/* The same, every holder compared: the end of every scenario. */
void oracle_world_check_full(void);

void oracle_set_paranoid(bool on);

#endif
