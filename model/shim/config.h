/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel configuration a source profile is compiled under: every
 * #if CONFIG_* of the extracted file is decided here, once. x86-64, as the
 * machines the model is checked against; a choice a mirror models is made
 * the way the mirror models it.
 */
#ifndef CLONEFUZZ_SHIM_CONFIG_H
#define CLONEFUZZ_SHIM_CONFIG_H

#define CONFIG_X86_64		1
#define CONFIG_MMU		1
#define CONFIG_SECCOMP		1
#define CONFIG_SECCOMP_FILTER	1
#define CONFIG_USER_NS		1
#define CONFIG_USER_NS_UNPRIVILEGED 1	/* Debian's and CachyOS's sysctl: allowed, as their defaults */
#define CONFIG_PID_NS		1
#define CONFIG_CGROUPS		1
#define CONFIG_NUMA		1
#define CONFIG_PERF_EVENTS	1
#define CONFIG_AUDIT		1
#define CONFIG_SECURITY		1
#define CONFIG_SYSVIPC		1
#define CONFIG_FUTEX		1
#define CONFIG_IO_URING		1	/* 7.x copies the parent's io_uring restriction (io_uring_fork) */
/* Off: CONFIG_SCHED_CACHE (7.x's per-mm cache groups; sched_cache_fork is the kernel's stub). */

#endif
