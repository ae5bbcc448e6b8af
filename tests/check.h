/* SPDX-License-Identifier: GPL-2.0-only */
/* A minimal test framework: named checks that count failures and never compile out. */
#ifndef CLONEFUZZ_TEST_CHECK_H
#define CLONEFUZZ_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>

extern int check_failures;
extern int check_count;

#define TEST_CHECK(cond, ...)						\
	do {								\
		check_count++;						\
		if (!(cond)) {						\
			check_failures++;				\
			fprintf(stderr, "%s:%d: check failed: %s: ",	\
				__FILE__, __LINE__, #cond);		\
			fprintf(stderr, __VA_ARGS__);			\
			fputc('\n', stderr);				\
		}							\
	} while (0)

/* xorshift64: the tests' reproducible stream of random numbers, one state each. */
static inline uint64_t xorshift64(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static inline int check_report(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
