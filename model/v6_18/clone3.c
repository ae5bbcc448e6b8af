// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/fork.c system call entries: clone() and clone3() with
 * copy_clone_args_from_user(), clone3_stack_valid() and clone3_args_valid().
 * Included by v6_18/fork.c; x86-64 (the default clone() argument order).
 */

/* access_ok: a range inside the user address space (mapped or not). */
static bool access_ok(u64 addr, u64 size)
{
	return size <= TASK_SIZE_MAX && addr <= TASK_SIZE_MAX - size;
}

/* A little-endian u64 field at @off of a struct of which only @usize bytes came from user space. */
static u64 truncated(u64 v, u64 off, u64 usize)
{
	if (usize >= off + 8)
		return v;
	if (usize <= off)
		return 0;
	return v & ((1ULL << (8 * (usize - off))) - 1);
}

static bool valid_signal(u64 sig)
{
	return sig <= _NSIG;
}

/* SYSCALL_DEFINE5(clone, flags, newsp, parent_tidptr, child_tidptr, tls) */
static long sys_clone(const struct clone_call *c)
{
	struct kernel_clone_args args = {
		.flags		= (bug_on(BUG_clone_flags_64bit) ? c->flags : (u32)c->flags) &
				  ~(u64)CSIGNAL,	/* lower_32_bits */
		.pidfd		= u64_to_user_ptr(c->parent_tid),
		.child_tid	= u64_to_user_ptr(c->child_tid),
		.parent_tid	= u64_to_user_ptr(c->parent_tid),
		.exit_signal	= (u32)c->flags & CSIGNAL,
		.stack		= c->stack,
		.tls		= c->tls,
	};

	return kernel_clone(&args);
}

static int copy_clone_args_from_user(struct kernel_clone_args *kargs,
				     const struct clone_call *uargs, int *kset_tid)
{
	u64 usize = uargs->size, copied;
	struct clone_call args = *uargs, *c = &args;

	if (model_check(CHECK_clone3_size_big, usize > PAGE_SIZE))
		return -E2BIG;
	if (model_check(CHECK_clone3_size_small, usize < CLONE_ARGS_SIZE_VER0))
		return -EINVAL;

	/*
	 * copy_struct_from_user: the bytes past what this kernel knows must
	 * be zero (read first, so a fault there is EFAULT), then the copy.
	 */
	if (usize > CLONE_ARGS_SIZE_VER2) {
		/* check_zeroed_user reads only the bytes past the known struct */
		if (model_check(CHECK_clone3_args_fault,
				!user_access_ok(c->uargs + CLONE_ARGS_SIZE_VER2,
						usize - CLONE_ARGS_SIZE_VER2)))
			return -EFAULT;
		if (model_check(CHECK_clone3_tail_nonzero, c->tail_nonzero))
			return -E2BIG;
	}
	copied = usize < CLONE_ARGS_SIZE_VER2 ? usize : CLONE_ARGS_SIZE_VER2;
	if (model_check(CHECK_clone3_args_fault, !user_access_ok(c->uargs, copied)))
		return -EFAULT;
	/* the bytes past a short struct read as zero, the fields cut there too */
	c->set_tid = truncated(c->set_tid, 64, usize);
	c->set_tid_size = truncated(c->set_tid_size, 72, usize);
	c->cgroup = truncated(c->cgroup, 80, usize);

	if (model_check(CHECK_clone3_set_tid_size, c->set_tid_size > MAX_PID_NS_LEVEL))
		return -EINVAL;
	if (model_check(CHECK_clone3_set_tid_null, !c->set_tid && c->set_tid_size > 0))
		return -EINVAL;
	if (model_check(CHECK_clone3_set_tid_empty, c->set_tid && c->set_tid_size == 0))
		return -EINVAL;

	/*
	 * exit_signal: no bits outside CSIGNAL, and a valid signal number.
	 */
	if (!bug_on(BUG_clone3_exit_signal_unchecked) &&
	    model_check(CHECK_clone3_exit_signal, (c->exit_signal & ~((u64)CSIGNAL)) ||
			!valid_signal(c->exit_signal)))
		return -EINVAL;

	if (!bug_on(BUG_clone3_cgroup_unchecked) &&
	    model_check(CHECK_clone3_cgroup, (c->flags & CLONE_INTO_CGROUP) &&
			(c->cgroup > INT_MAX || usize < CLONE_ARGS_SIZE_VER2)))
		return -EINVAL;

	*kargs = (struct kernel_clone_args){
		.flags		= c->flags,
		.pidfd		= u64_to_user_ptr(c->pidfd),
		.child_tid	= u64_to_user_ptr(c->child_tid),
		.parent_tid	= u64_to_user_ptr(c->parent_tid),
		.exit_signal	= (int)c->exit_signal,
		.stack		= c->stack,
		.stack_size	= c->stack_size,
		.tls		= c->tls,
		.set_tid_size	= c->set_tid_size,
		.cgroup		= c->cgroup,
	};

	if (model_check(CHECK_clone3_set_tid_fault, c->set_tid &&
			!user_access_ok(c->set_tid, kargs->set_tid_size * sizeof(int))))
		return -EFAULT;
	if (c->set_tid)
		memcpy(kset_tid, c->set_tid_vals, kargs->set_tid_size * sizeof(int));

	kargs->set_tid = kset_tid;
	return 0;
}

/*
 * clone3_stack_valid: a stack and its size come together or not at all, and
 * lie in user space; the stack pointer then moves to the top of the area, as
 * the stack grows down.
 */
static bool clone3_stack_valid(struct kernel_clone_args *kargs)
{
	if (kargs->stack == 0) {
		if (kargs->stack_size > 0)
			return false;
	} else {
		if (kargs->stack_size == 0)
			return false;

		if (!access_ok(kargs->stack, kargs->stack_size))
			return false;

		kargs->stack += kargs->stack_size;	/* !CONFIG_STACK_GROWSUP */
	}

	return true;
}

static bool clone3_args_valid(struct kernel_clone_args *kargs)
{
	/* only flags that clone3 knows */
	if (model_check(CHECK_clone3_unknown_flags, kargs->flags &
			~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP)))
		return false;

	/*
	 * clone3 refuses CLONE_DETACHED and the CSIGNAL bits, keeping them
	 * free for new uses; CLONE_NEWTIME, which lies among the latter, is
	 * allowed.
	 */
	if (model_check(CHECK_clone3_detached_csignal, kargs->flags &
			(CLONE_DETACHED | (CSIGNAL & (bug_on(BUG_clone3_newtime_rejected) ?
						      ~0ULL : ~(u64)CLONE_NEWTIME)))))
		return false;

	if (model_check(CHECK_clone3_sighand_clear,
			(kargs->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
			(CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)))
		return false;

	if (model_check(CHECK_clone3_thread_exit_signal,
			(kargs->flags & (CLONE_THREAD | CLONE_PARENT)) && kargs->exit_signal))
		return false;

	if (model_check(CHECK_clone3_stack, !clone3_stack_valid(kargs)))
		return false;

	return true;
}

/* SYSCALL_DEFINE2(clone3, uargs, size) */
static long sys_clone3(const struct clone_call *c)
{
	int err;
	struct kernel_clone_args kargs;
	int set_tid[MAX_PID_NS_LEVEL];

	/* model: __ARCH_BROKEN_SYS_CLONE3 is not defined on x86 */
	memset(set_tid, 0, sizeof(set_tid));
	err = copy_clone_args_from_user(&kargs, c, set_tid);
	if (err)
		return err;

	if (!clone3_args_valid(&kargs))
		return -EINVAL;

	return kernel_clone(&kargs);
}

static long sys_clone_entry(const struct clone_call *c)
{
	return c->entry == ENTRY_clone3 ? sys_clone3(c) : sys_clone(c);
}
