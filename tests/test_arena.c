// SPDX-License-Identifier: GPL-2.0-only
/* Under ASan the ledger's object arena still reports an access past an object, or to an object of a finished scenario. */
#include <stdio.h>
#include <string.h>

#include "ledger.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif

/*
 * usage: test_arena past|stale|inside. Each of the first two makes one bad
 * access, which ASan must report (ctest looks for its report); "inside"
 * touches every byte of objects of several sizes and must pass. Without
 * ASan: exit 77, skipped.
 */
int main(int argc, char **argv)
{
	volatile char *p;
	size_t sizes[] = { sizeof(struct kobj), sizeof(struct kobj) + 5, 200, 513, 4096 }, i;

#ifndef ARENA_ASAN
	(void)argc;
	(void)argv;
	(void)p;
	(void)sizes;
	(void)i;
	return 77;
#else
	if (argc != 2)
		return 2;
	ledger_reset();
	if (!strcmp(argv[1], "inside")) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			p = kobj_alloc(KIND_cred, sizes[i]);
			memset((char *)p, 0x5a, sizes[i]);
		}
		ledger_reset();
		p = kobj_alloc(KIND_cred, 4096);
		memset((char *)p, 0x5a, 4096);
		printf("test_arena: every byte of the objects is usable\n");
		return 0;
	}
	p = kobj_alloc(KIND_cred, 200);
	kobj_alloc(KIND_cred, 200);	/* a neighbour right after the redzone */
	if (!strcmp(argv[1], "past")) {
		p[200] = 1;		/* one byte past the object */
	} else if (!strcmp(argv[1], "stale")) {
		ledger_reset();
		p[0] = 1;		/* an object of the scenario before */
	} else {
		return 2;
	}
	printf("test_arena: the bad access was not reported\n");
	return 1;
#endif
}
