/* SPDX-License-Identifier: GPL-2.0-only */
/* 7.x's steps that copy per-task state at fork, behind their fault sites: the exec_state copy and the io_uring restriction's. */
#ifndef CLONEFUZZ_SHIM_TASK_STATE_H
#define CLONEFUZZ_SHIM_TASK_STATE_H

#include "world.h"

#ifdef CLONEFUZZ_SOURCE
/* @tsk gets a copy of current's exec_state, behind SITE_copy_exec_state. */
int task_exec_state_copy(struct task_struct *tsk);
/* @tsk gets its own copy of the parent's io_uring restriction, if it has one, behind SITE_io_uring_fork. */
int io_uring_fork(struct task_struct *tsk);
#endif

#endif
