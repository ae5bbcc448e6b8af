// SPDX-License-Identifier: GPL-2.0-only
/* Fuzz target fuzz_scenario: whole scenarios: world state, clones, exits and injected faults, under every oracle. */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one(&fuzz_targets[TARGET_scenario], data, size);
}
