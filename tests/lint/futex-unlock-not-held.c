// SPDX-License-Identifier: GPL-2.0-only
/* Locks released by a label before they are taken: a failing futex hash allocation jumps to the rung that drops tasklist_lock and the siglock. */
/* expect-exit: 1 */
/* expect: :27: goto bad_fork_unlock when futex_hash_allocate_default fails: write_unlock_irq (line 43) releases tasklist_lock, which is not held there */
/* expect: :27: goto bad_fork_unlock when futex_hash_allocate_default fails: spin_unlock (line 42) releases siglock, which is not held there */

static struct task_struct *copy_process(struct pid *pid, int trace, int node,
					struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;

	p = dup_task_struct(current, node);
	if (!p)
		return ERR_PTR(-ENOMEM);
	pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid, 1);
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_free;
	}

	/* a new mm shared without the thread group gets its own futex hash */
	if ((clone_flags & (CLONE_VM | CLONE_THREAD)) == CLONE_VM) {
		retval = futex_hash_allocate_default();
		if (retval)
			goto bad_fork_unlock;
	}

	write_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	if (fatal_signal_pending(current)) {
		retval = -EINTR;
		goto bad_fork_unlock;
	}
	publish_child(p, pid);
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	return p;

bad_fork_unlock:
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
bad_fork_free_pid:
	free_pid(pid);
bad_fork_free:
	free_task(p);
	return ERR_PTR(retval);
}
