/* SPDX-License-Identifier: GPL-2.0-only */
/* The 2.6.32 and 4.0 forms of the helpers whose v6.18 versions differ (those live in model/v6_18/). */
#ifndef CLONEFUZZ_LEGACY_H
#define CLONEFUZZ_LEGACY_H

#include "world.h"

int copy_creds(struct task_struct *p, unsigned long clone_flags);
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
int copy_thread(unsigned long clone_flags, unsigned long sp,
		unsigned long arg, struct task_struct *p, unsigned long tls);

#endif
