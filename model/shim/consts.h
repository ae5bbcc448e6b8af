/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel constants a source profile's fork.c names, with their x86-64 Linux 6.12 values: page size, GFP, PF_, SIGNAL_, rlimits, open flags. */
#ifndef CLONEFUZZ_SHIM_CONSTS_H
#define CLONEFUZZ_SHIM_CONSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "shim/compiler.h"

/* Constants, x86-64 Linux 6.12. */
#define PAGE_SHIFT		12
#define TASK_COMM_LEN		16

/* GFP flags (gfp_types.h bit numbers; 0x200 is unused). */
typedef unsigned int gfp_t;

#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#define __GFP_DIRECT_RECLAIM	0x400u
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u
#define __GFP_RETRY_MAYFAIL	0x4000u
#define __GFP_NOFAIL		0x8000u
#define __GFP_NORETRY		0x10000u
#define __GFP_HARDWALL		0x100000u
#define __GFP_ACCOUNT		0x400000u
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		__GFP_KSWAPD_RECLAIM
#define GFP_NOIO		__GFP_RECLAIM
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(GFP_KERNEL | __GFP_HARDWALL)

/* task_struct.flags (world.h also has 2.6.x's PF_STARTING). */
#define PF_VCPU			0x00000001
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_POSTCOREDUMP		0x00000008
#define PF_IO_WORKER		0x00000010
#define PF_WQ_WORKER		0x00000020
#define PF_FORKNOEXEC		0x00000040
#define PF_MCE_PROCESS		0x00000080
#define PF_SUPERPRIV		0x00000100
#define PF_DUMPCORE		0x00000200
#define PF_SIGNALED		0x00000400
#define PF_MEMALLOC		0x00000800
#define PF_NPROC_EXCEEDED	0x00001000
#define PF_USED_MATH		0x00002000
#define PF_USER_WORKER		0x00004000
#define PF_NOFREEZE		0x00008000
#define PF_KSWAPD		0x00020000
#define PF_MEMALLOC_NOFS	0x00040000
#define PF_MEMALLOC_NOIO	0x00080000
#define PF_LOCAL_THROTTLE	0x00100000
#define PF_KTHREAD		0x00200000
#define PF_RANDOMIZE		0x00400000
#define PF_NO_SETAFFINITY	0x04000000
#define PF_MCE_EARLY		0x08000000
#define PF_MEMALLOC_PIN		0x10000000
#define PF_BLOCK_TS		0x20000000
#define PF_SUSPEND_TASK		0x80000000U

/* signal_struct.flags. */
#define SIGNAL_STOP_STOPPED	0x00000001
#define SIGNAL_STOP_CONTINUED	0x00000002
#define SIGNAL_GROUP_EXIT	0x00000004
#define SIGNAL_CLD_STOPPED	0x00000010
#define SIGNAL_CLD_CONTINUED	0x00000020
#define SIGNAL_UNKILLABLE	0x00000040
#define SIGNAL_CLD_MASK		(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_STOP_MASK	(SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

/* Signals: x86-64 has 64. */
#define _NSIG			64

/* mm_struct.flags bit: the mm is shared by more than one thread group. */
#define MMF_MULTIPROCESS	26

/* pid_namespace.pid_allocated: the namespace still takes new pids. */
#define PIDNS_ADDING		(1U << 31)

#define SECCOMP_MODE_DISABLED	0
#define SECCOMP_MODE_STRICT	1
#define SECCOMP_MODE_FILTER	2

enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_TGID,
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

/* The rlimits a user's ucounts count (world.h's enum ucount_type holds the namespaces). */
enum rlimit_type {
	UCOUNT_RLIMIT_NPROC,
	UCOUNT_RLIMIT_MSGQUEUE,
	UCOUNT_RLIMIT_SIGPENDING,
	UCOUNT_RLIMIT_MEMLOCK,
	UCOUNT_RLIMIT_COUNTS,
};

/* Resource limits (asm-generic numbering, which x86 uses); <sys/resource.h> is not included. */
#ifndef RLIMIT_CPU
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};
#endif

/* Open flags (x86-64 octal values); <fcntl.h> is not included. */
#ifndef O_RDWR
#define O_RDWR			00000002
#endif
#ifndef O_EXCL
#define O_EXCL			00000200
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK		00004000
#endif
#ifndef O_TRUNC
#define O_TRUNC			00001000
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC		02000000
#endif
#define PIDFD_NONBLOCK		O_NONBLOCK
#define PIDFD_THREAD		O_EXCL
#define PIDFD_STALE		CLONE_PIDFD	/* 7.x: no task is attached to the pid yet */
#define PIDFD_AUTOKILL		O_TRUNC		/* 7.x: closing the pidfd kills the task */

#endif
