/* SPDX-License-Identifier: GPL-2.0-only */
/* Namespace lifetimes shared by the modelled versions: nsproxy, pid, user and the other namespaces, user_structs. */
#ifndef CLONEFUZZ_NSPROXY_H
#define CLONEFUZZ_NSPROXY_H

#include "world.h"

void get_user_ns(struct user_namespace *ns, struct kobj *owner);
void put_user_ns(struct user_namespace *ns, struct kobj *owner);
void free_uid(struct user_struct *up, struct kobj *owner);

void get_nsproxy(struct nsproxy *ns, struct kobj *owner);
void put_nsproxy(struct nsproxy *ns, struct kobj *owner);
void exit_task_namespaces(struct task_struct *p);
void get_pid_ns(struct pid_namespace *ns, struct kobj *owner);
void put_pid_ns(struct pid_namespace *ns, struct kobj *owner);
struct ns_common *new_ns_common(enum kind kind, struct user_namespace *user_ns,
				struct kobj *owner);
void put_ns_common(struct ns_common *ns, struct kobj *owner);

#endif
