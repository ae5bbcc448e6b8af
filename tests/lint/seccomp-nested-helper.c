// SPDX-License-Identifier: GPL-2.0-only
/* A late copy_seccomp whose filter is put two helpers deep: delayed_free_task calls free_task, which puts it; clean. */
/* expect-exit: 0 */

void free_task(struct task_struct *tsk)
{
	put_seccomp_filter(tsk);
	arch_drop_task(tsk);
	kmem_cache_free(task_struct_cachep, tsk);
}

static void delayed_free_task(struct task_struct *tsk)
{
	if (IS_ENABLED(CONFIG_MEMCG))
		call_rcu(&tsk->rcu, free_task_rcu);
	else
		free_task(tsk);
}

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_free;

	write_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	copy_seccomp(p);
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_unlock;
	}
	wire_up_child(p);
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_unlock:
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	__cleanup_sighand(p->sighand);
bad_fork_free:
	delayed_free_task(p);
	return ERR_PTR(retval);
}
