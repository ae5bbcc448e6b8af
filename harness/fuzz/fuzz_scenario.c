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

#ifdef CLONEFUZZ_LIBFUZZER
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

/*
 * libFuzzer: one mutation in three keeps the format's shape (whole
 * operations placed at operation boundaries: its dictionary takes no entry
 * longer than 64 bytes, and an operation is 72); the others are its own.
 */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	size_t n = 0;

	if (seed % 3 == 0)
		n = codec_mutate_ops(data, size, max_size, (uint64_t)seed * 0x9e3779b97f4a7c15ULL);
	return n ? n : LLVMFuzzerMutate(data, size, max_size);
}
#endif
