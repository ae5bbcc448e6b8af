// SPDX-License-Identifier: GPL-2.0-only
/* A label inside #ifdef CONFIG_NUMA, below the mpol_put it skips: mpol_dup failing lands there, a later failure above it; clean. */
/* expect-exit: 0 */

static struct task_struct *copy_process(unsigned long clone_flags,
					unsigned long stack_start,
					struct pt_regs *regs,
					unsigned long stack_size,
					int __user *child_tidptr,
					struct pid *pid)
{
	struct task_struct *p;
	int retval;

	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	delayacct_tsk_init(p);
#ifdef CONFIG_NUMA
	p->mempolicy = mpol_dup(p->mempolicy);
	if (IS_ERR(p->mempolicy)) {
		retval = PTR_ERR(p->mempolicy);
		p->mempolicy = NULL;
		goto bad_fork_cleanup_delays;
	}
#endif
	retval = audit_alloc(p);
	if (retval)
		goto bad_fork_cleanup_policy;
	retval = copy_semundo(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_audit;
	return p;

bad_fork_cleanup_audit:
	audit_free(p);
bad_fork_cleanup_policy:
#ifdef CONFIG_NUMA
	mpol_put(p->mempolicy);
bad_fork_cleanup_delays:
#endif
	delayacct_tsk_free(p);
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}
