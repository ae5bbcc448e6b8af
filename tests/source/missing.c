// SPDX-License-Identifier: GPL-2.0-only
/* A fork.c-shaped file with names nothing defines: one list of them, every kind, and exit 2. */
/* expect-exit: 2 */
/* expect-re: ^  bad_fork_cleanup_made_up +label +line 32$ */
/* expect-re: ^  clone_flags&CLONE_UNTRACED +check +line 23$ */
/* expect-re: ^  made_up_step +step +lines 24, 26$ */
/* expect-re: ^  struct task_struct\.made_up_field +member +lines 27, 28 \(3 uses\)$ */
/* expect-re: ^  made_up_t +type +line 18$ */
/* expect-re: ^  MADE_UP_CONSTANT +identifier +line 29$ */
/* expect-re: ^6 names the file needs */
#include <linux/sched.h>

static int made_up_unreached(void)
{
	return another_made_up_name();
}

static struct task_struct *copy_process(u64 clone_flags, struct task_struct *p, made_up_t *unused)
{
	int retval;

	if (clone_flags & CLONE_UNTRACED)
		return ERR_PTR(-EINVAL);
	retval = made_up_step(p);
	if (retval)
		goto bad_fork_cleanup_made_up;
	p->made_up_field = 1;
	p->made_up_field += p->made_up_field;
	p->exit_signal = MADE_UP_CONSTANT;
	return p;

bad_fork_cleanup_made_up:
	return ERR_PTR(retval);
}
