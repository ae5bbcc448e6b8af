/* SPDX-License-Identifier: GPL-2.0-only */
/* Scope-based cleanup for a source profile, as the kernel's cleanup.h behaves: a class variable's destructor runs when it leaves its scope (__attribute__((cleanup))). */
#ifndef CLONEFUZZ_SHIM_CLEANUP_H
#define CLONEFUZZ_SHIM_CLEANUP_H

#define __cleanup(func)			__attribute__((__cleanup__(func)))

#define shim_paste_(a, b)		a##b
#define shim_paste(a, b)		shim_paste_(a, b)
#define shim_unique(prefix)		shim_paste(prefix, __COUNTER__)

/*
 * DEFINE_CLASS(name, type, exit, init, init_args...): CLASS(name, var)(args)
 * declares @var of @type, set by @init from @args (named as in
 * @init_args); when @var leaves its scope, on any path out of it, @exit
 * runs with _T holding @var's value then.
 */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
	typedef _type class_##_name##_t;					\
	static inline void class_##_name##_destructor(_type *p)		\
	{									\
		_type _T = *p;							\
		(void)_T;							\
		_exit;								\
	}									\
	static inline _type class_##_name##_constructor(_init_args)		\
	{									\
		_type t = _init;						\
		return t;							\
	}

#define CLASS(_name, var)							\
	class_##_name##_t var __cleanup(class_##_name##_destructor)		\
		__attribute__((unused)) = class_##_name##_constructor

/* guard(name)(lock): @lock is taken here and dropped at the end of the scope. */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)				\
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }), _type _T)
#define guard(_name)			CLASS(_name, shim_unique(shim_guard_))

/* @var's value, leaving @null in it so that its destructor does nothing. */
#define __get_and_null(var, null)	({ __typeof__(var) shim_val_ = (var); (var) = (null); shim_val_; })
#define no_free_ptr(p)			__get_and_null(p, NULL)
#define take_fd(fd)			__get_and_null(fd, -EBADF)

#endif
