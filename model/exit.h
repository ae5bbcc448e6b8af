/* SPDX-License-Identifier: GPL-2.0-only */
/* Task exit for scenarios: a task leaves the world, as do_exit() and its parent's reap would take it. */
#ifndef CLONEFUZZ_EXIT_H
#define CLONEFUZZ_EXIT_H

struct task_struct;

/* Scenario-level exit: do_exit() and the reap of @tsk (of its whole group if it leads one). */
void do_exit_and_reap(struct task_struct *tsk);

#endif
