/* SPDX-License-Identifier: GPL-2.0-only */
/* Compiler helpers, printing, warnings and lockdep for a source profile: what the kernel checks at build or run time, kept or made quiet. */
#ifndef CLONEFUZZ_SHIM_COMPILER_H
#define CLONEFUZZ_SHIM_COMPILER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"

/* Compiler-level helpers. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define data_race(expr)		(expr)	/* model: no KCSAN to silence */

/*
 * model: the offset is measured on a probe object of @type (only its
 * address is taken), not with offsetof(): so the compiler names a member
 * the model's struct lacks "in 'struct X'", as for every other member
 * access, and the missing-name list counts it once.
 */
#define container_of(ptr, type, member)						\
	({									\
		type shim_probe_;						\
		(type *)(void *)((char *)(ptr) -				\
				 ((char *)&shim_probe_.member - (char *)&shim_probe_)); \
	})

/*
 * IS_ENABLED(CONFIG_FOO): 1 when shim/config.h defines CONFIG_FOO as 1,
 * else 0. A defined option pastes into SHIM_OPTION_ON_1, which expands to
 * "0," and so pushes the 1 into the second place shim_second_arg picks.
 */
#define SHIM_OPTION_ON_1		0,
#define shim_second_arg(a, b, ...)	b
#define shim_option_on(junk_or_0)	shim_second_arg(junk_or_0 1, 0, 0)
#define shim_option_pasted(val)		shim_option_on(SHIM_OPTION_ON_##val)
#define IS_BUILTIN(option)		shim_option_pasted(option)
#define IS_MODULE(option)		0	/* model: nothing is built as a module */
#define IS_ENABLED(option)		IS_BUILTIN(option)

#define BUILD_BUG_ON_MSG(cond, msg)	do { _Static_assert(!(cond), msg); } while (0)
#define BUILD_BUG_ON(cond)		BUILD_BUG_ON_MSG(cond, "BUILD_BUG_ON(" #cond ")")

#define BITS_PER_LONG		64
#define BIT(nr)			(1UL << (nr))
#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define U32_MAX			((u32)~0U)
#define U64_MAX			((u64)~0ULL)
#define NSEC_PER_SEC		1000000000L

/* Printing and warnings. */
static inline __attribute__((format(printf, 1, 2))) void shim_printk_format(const char *fmt, ...)
{
	(void)fmt;
}

/* model: no log; the format is type-checked and the arguments never evaluated, as with no_printk. */
#define shim_no_printk(fmt, ...)	({ if (0) shim_printk_format(fmt, ##__VA_ARGS__); 0; })
#define printk(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_alert(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_err_once(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_info_once(fmt, ...)		shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	shim_no_printk(fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)	shim_no_printk(fmt, ##__VA_ARGS__)

/* model: a warning is not reported; the caller still sees the condition. */
#define WARN_ON(cond)		({ int shim_warn_ = !!(cond); unlikely(shim_warn_); })
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
#define WARN(cond, fmt, ...) \
	({ int shim_warn_ = !!(cond); shim_no_printk(fmt, ##__VA_ARGS__); unlikely(shim_warn_); })
#define WARN_ONCE(cond, fmt, ...)	WARN(cond, fmt, ##__VA_ARGS__)
/* model: a BUG stops the run on the spot, as the kernel's oops stops the task. */
#define BUG()			__builtin_trap()
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)

#define might_sleep()			do { } while (0)
#define might_sleep_if(cond)		do { (void)(cond); } while (0)

/* Lockdep. model: nothing to assert here; the ledger knows which locks are held. */
#define lockdep_is_held(lock)		((void)(lock), 1)
#define lockdep_assert_held(lock)	do { (void)(lock); } while (0)
#define lockdep_assert_irqs_enabled()	do { } while (0)
#define lockdep_assert_irqs_disabled()	do { } while (0)
#define assert_spin_locked(lock)	do { (void)(lock); } while (0)

#endif
