/* SPDX-License-Identifier: GPL-2.0-only */
/* Pid numbers and struct pid lifetimes shared by the modelled versions. */
#ifndef CLONEFUZZ_PID_H
#define CLONEFUZZ_PID_H

#include "world.h"

int alloc_pidmap(struct pid_namespace *ns);
int alloc_pidmap_nr(struct pid_namespace *ns, int nr);
bool pid_nr_used(struct pid_namespace *ns, int nr);
bool pidmap_full(struct pid_namespace *ns);
void free_pidmap(struct upid *upid);
void put_pid(struct pid *pid, struct kobj *owner);
void free_pid(struct pid *pid, struct kobj *owner);
int pid_nr_ns(struct pid *pid, struct pid_namespace *ns);

#endif
