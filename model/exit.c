// SPDX-License-Identifier: GPL-2.0-only
/*
 * Task exit for scenarios: do_exit() of every thread of a group, then the
 * parent's reap (release_task and the last put_task_struct).
 * model: a leader's exit is exit_group followed at once by the parent's wait;
 * a non-leader thread exits alone; orphans
 * are reparented to the global init; the death of a pid namespace's reaper
 * first takes every other task of that namespace with it.
 */
#include "exit.h"
#include "helpers.h"
#include "nsproxy.h"
#include "pid.h"
#include "profile.h"
#include "world.h"

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (mm->owner == tsk)
		mm->owner = NULL;	/* mm_update_next_owner */
	mmput(mm, &tsk->obj);
}

static void do_exit(struct task_struct *tsk)
{
	exit_mm(tsk);
	exit_sem(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	exit_task_namespaces(tsk);
	exit_thread(tsk);
	perf_event_free_task(tsk);	/* perf_event_exit_task */
	put_css_set(tsk->cgroups, &tsk->obj);	/* cgroup_exit */
	tsk->cgroups = NULL;
	if (tsk->io_context)
		exit_io_context(tsk);
	mpol_put(tsk->mempolicy, &tsk->obj);
	tsk->mempolicy = NULL;
	module_put(tsk->exec_domain_module, &tsk->obj);
	tsk->exec_domain_module = NULL;
	audit_free(tsk);
	hold_put(&tsk->signal->obj, &tsk->obj, HOLD_LIVE);
	tsk->__state = TASK_DEAD;
}

static void release_task(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	struct pid *pid = p->thread_pid;
	int i;

	hold_put(nproc_counter(p->cred), &p->obj, HOLD_PROCESSES);
	if (p->cgroup) {
		/* cgroup_release: the pids controller uncharges the task */
		hold_put(&p->cgroup->obj, &p->obj, HOLD_PROCESSES);
		p->cgroup = NULL;
	}

	/* __exit_signal and __unhash_process */
	sig->nr_threads--;
	nr_threads--;
	if (thread_group_leader(p))
		nr_processes--;
	world_detach(p);
	__cleanup_sighand(p->sighand, &p->obj);
	p->sighand = NULL;
	for (i = 0; i <= pid->level; i++)
		if (pid->numbers[i].ns->child_reaper == p)
			pid->numbers[i].ns->child_reaper = NULL;
	free_pid(pid, &p->obj);	/* detach_pid: the last user frees it */
	p->thread_pid = NULL;

	/* put_task_struct: the last reference */
	exit_creds(p);
	delayacct_tsk_free(p);
#ifdef CLONEFUZZ_SOURCE
	io_uring_free(p);	/* 7.x's __put_task_struct */
#endif
	if (p->security) {
		kres_put(p->security, &p->obj);	/* security_task_free */
		p->security = NULL;
	}
	if (put_ref(&sig->obj, &p->obj))
		kobj_free(&sig->obj);
	p->signal = NULL;
	free_task(p);
}

static bool in_pid_ns(struct task_struct *t, struct pid_namespace *ns)
{
	struct pid *pid = t->thread_pid;

	return ns->level <= pid->level && pid->numbers[ns->level].ns == ns;
}

static void reap_one(struct task_struct *t)
{
	int i;

	do_exit(t);
	for (i = 0; i < world.nr_tasks; i++) {
		struct task_struct *c = world.tasks[i];

		if (c->real_parent == t)
			c->real_parent = c->parent = world.init;
	}
	if (t->scn_id >= 0)
		world.scn[t->scn_id] = NULL;
	release_task(t);
}

void do_exit_and_reap(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;
	struct pid *pid = leader->thread_pid;
	int i;

	/* A thread that is not the leader exits alone and is released at once. */
	if (!thread_group_leader(tsk)) {
		reap_one(tsk);
		return;
	}

	/* A namespace's reaper takes its namespace with it. */
	for (i = 1; i <= pid->level; i++) {
		struct pid_namespace *ns = pid->numbers[i].ns;
		int j;

		if (ns->child_reaper != leader)
			continue;
		for (j = world.nr_tasks - 1; j >= 0; j--) {
			struct task_struct *t = world.tasks[j];

			if (j >= world.nr_tasks)
				continue;
			if (t->group_leader != leader && in_pid_ns(t, ns) &&
			    t != world.init) {
				do_exit_and_reap(t->group_leader);
				j = world.nr_tasks;
			}
		}
	}

	for (i = world.nr_tasks - 1; i >= 0; i--) {
		struct task_struct *t = world.tasks[i];

		if (t->group_leader == leader && t != leader)
			reap_one(t);
	}
	reap_one(leader);
}
