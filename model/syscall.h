/* SPDX-License-Identifier: GPL-2.0-only */
/* The system call a scenario makes: clone() registers or clone3()'s struct clone_args, and the user memory they point at. */
#ifndef CLONEFUZZ_SYSCALL_H
#define CLONEFUZZ_SYSCALL_H

#include <stdbool.h>

#define MAX_SET_TID		32	/* MAX_PID_NS_LEVEL */
#define CLONE_ARGS_SIZE_VER0	64
#define CLONE_ARGS_SIZE_VER1	80
#define CLONE_ARGS_SIZE_VER2	88
#define PAGE_SIZE		4096

/*
 * model: user memory is a predicate, not pages. An address below
 * mmap_min_addr (64 KiB) or a range reaching TASK_SIZE_MAX faults; anything
 * else is mapped and readable. Scenarios name pointers valid, null or bad.
 */
#define USER_MMAP_MIN_ADDR	0x10000UL
#define USER_PTR_BAD		0x1000UL	/* below mmap_min_addr: faults */
#define USER_PTR_VALID		0x7ffd00000000UL	/* + 0x1000 per field */

bool user_access_ok(unsigned long long addr, unsigned long long len);

enum clone_entry { ENTRY_clone, ENTRY_clone3, NR_ENTRIES };

struct clone_call {
	int entry;			/* enum clone_entry */
	/* clone(): the flags register, CSIGNAL byte included; clone3(): args.flags */
	unsigned long long flags;
	/* clone() passes stack, parent_tid, child_tid and tls; clone3() all of these */
	unsigned long long pidfd, child_tid, parent_tid, exit_signal;
	unsigned long long stack, stack_size, tls;
	unsigned long long set_tid, set_tid_size, cgroup;
	/* clone3 only */
	unsigned long long uargs;	/* address of struct clone_args */
	unsigned long long size;	/* its size argument */
	bool tail_nonzero;		/* a byte past the known struct is not zero */
	int set_tid_vals[MAX_SET_TID];	/* what the set_tid array holds */
};

/* A clone() call with these flags and tls and valid pointers elsewhere. */
void clone_call_legacy(struct clone_call *c, unsigned long long flags,
		       unsigned long tls);

/* A clone3() call with a zeroed struct clone_args of VER2 size at a valid address. */
void clone_call_clone3(struct clone_call *c);

#endif
