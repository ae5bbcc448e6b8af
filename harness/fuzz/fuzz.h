/* SPDX-License-Identifier: GPL-2.0-only */
/* The body every fuzz target shares: decode an input, run it under every oracle, report and abort on a finding. */
#ifndef CLONEFUZZ_FUZZ_H
#define CLONEFUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "input/targets.h"

/* fuzz_init - once, before any input: apply the mutant in $CLONEFUZZ_MUTANT, if any. */
void fuzz_init(void);

/*
 * fuzz_one - the body of every LLVMFuzzerTestOneInput: decode @data for @t,
 * run it under every oracle and, if one fires (known defects aside), print
 * the violations and the scenario as text on stderr and abort().
 */
int fuzz_one(const struct fuzz_target *t, const uint8_t *data, size_t size);

#endif
