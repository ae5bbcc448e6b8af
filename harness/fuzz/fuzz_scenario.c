// SPDX-License-Identifier: GPL-2.0-only
/* Fuzz target fuzz_scenario: whole scenarios: world state, clones, exits and injected faults, under every oracle. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_one(&fuzz_targets[TARGET_scenario], data, size);
}
