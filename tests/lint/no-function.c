// SPDX-License-Identifier: GPL-2.0-only
/* No definition of copy_process() here, only a declaration and a call: the lint cannot run (exit 2). */
/* expect-exit: 2 */
/* expect-stderr: no definition of copy_process() */

struct task_struct *copy_process(struct pid *pid, int trace, int node,
				 struct kernel_clone_args *args);

pid_t kernel_clone_lite(struct kernel_clone_args *args)
{
	struct task_struct *p;
	pid_t nr;

	p = copy_process(NULL, 0, NUMA_NO_NODE, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = pid_vnr(get_task_pid(p, PIDTYPE_PID));
	wake_up_new_task(p);
	return nr;
}
