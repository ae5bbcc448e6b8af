// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux 6.18 kernel/pid.c alloc_pid() with set_tid, and kernel/fork.c
 * pidfd_prepare()/fd_install for CLONE_PIDFD. Included by v6_18/fork.c.
 * model: numbers come from a scan of the live pids, not an idr; the
 * cyclic search restarts at 1, not at RESERVED_PIDS.
 */

static bool checkpoint_restore_ns_capable(struct user_namespace *ns)
{
	return ns_capable(ns, CAP_SYS_ADMIN) || ns_capable(ns, CAP_CHECKPOINT_RESTORE);
}

static struct pid *alloc_pid(struct pid_namespace *ns, const int *set_tid,
			     size_t set_tid_size, struct task_struct *owner)
{
	struct pid *pid;
	struct pid_namespace *tmp;
	int i, nr, retval;

	/*
	 * set_tid names the pid to use in the innermost namespaces, the
	 * child's own first; it cannot have more entries than there are
	 * levels.
	 */
	if (model_fail(SITE_set_tid_size, set_tid_size > (size_t)ns->level + 1))
		return ERR_PTR(-EINVAL);

	if (model_fail(SITE_alloc_pid, false))
		return ERR_PTR(-ENOMEM);
	pid = kobj_alloc(KIND_pid, sizeof(*pid));
	retval = -ENOMEM;

	tmp = ns;
	pid->level = ns->level;

	for (i = ns->level; i >= 0; i--) {
		int tid = 0;
		int pid_max = tmp->pid_max;

		if (set_tid_size) {
			tid = set_tid[ns->level - i];

			retval = -EINVAL;
			if (model_fail(SITE_set_tid_range, tid < 1 || tid >= pid_max))
				goto out_free;
			/*
			 * A namespace without an init takes only pid 1.
			 */
			if (model_fail(SITE_set_tid_no_reaper, tid != 1 && !tmp->child_reaper))
				goto out_free;
			retval = -EPERM;
			if (model_fail(SITE_set_tid_perm,
				       !checkpoint_restore_ns_capable(tmp->user_ns ?
								      tmp->user_ns : init_user_ns)))
				goto out_free;
			set_tid_size--;
		}

		/* an injected failure takes the place of the allocation */
		if (tid) {
			/* idr_alloc(tid, tid + 1): -ENOSPC when taken, reported as -EEXIST */
			retval = -EEXIST;
			if (model_fail(SITE_set_tid_taken, pid_nr_used(tmp, tid)))
				goto out_free;
			nr = alloc_pidmap_nr(tmp, tid);
		} else {
			retval = -EAGAIN;
			if (model_fail(SITE_pid_exhausted, pidmap_full(tmp)))
				goto out_free;
			nr = alloc_pidmap(tmp);
		}

		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}

	/*
	 * A pid namespace that takes no more processes (its init is gone)
	 * fails the fork with ENOMEM: a poor fit, but user space has seen
	 * and documented that errno for years, so it stays.
	 */
	retval = -ENOMEM;

	get_pid_ns(ns, &pid->obj);
	get_ref(&pid->obj, &owner->obj);	/* refcount_set(&pid->count, 1) */

	if (model_fail(SITE_alloc_pid, !(ns->pid_allocated & PIDNS_ADDING)))
		goto out_unlock;
	/* model: pidfs_add_pid and the idr_replace of every level cannot fail */
	return pid;

out_unlock:
	put_ref(&pid->obj, &owner->obj);
	put_pid_ns(ns, &pid->obj);

out_free:
	while (++i <= ns->level)
		free_pidmap(pid->numbers + i);

	kobj_free(&pid->obj);
	return ERR_PTR(retval);
}

/* get_unused_fd_flags: the lowest free descriptor, which must be under RLIMIT_NOFILE. */
static struct fd_slot *get_unused_fd(struct task_struct *owner)
{
	struct files_struct *files = current->files;
	int nr = fdt_lowest_free(files);
	struct fd_slot *fd;

	if (model_fail(SITE_pidfd_fd, (unsigned long)nr >= current->signal->rlim[RLIMIT_NOFILE].rlim_cur))
		return ERR_PTR(-EMFILE);
	fd = obj_new(KIND_fd, sizeof(*fd), &owner->obj);
	fd->fd = nr;
	fdt_reserve(files, nr);
	return fd;
}

static void put_unused_fd(struct fd_slot *fd, struct kobj *owner)
{
	fdt_release(current->files, fd->fd);
	put_ref(&fd->obj, owner);
	kobj_free(&fd->obj);
}

/* pidfs_alloc_file: the pidfs file of @pid (PIDFD_STALE), which holds a reference on it. */
static struct pidfd_file *pidfs_alloc_file(struct pid *pid, struct task_struct *owner)
{
	struct pidfd_file *pidfile;

	if (model_fail(SITE_pidfd_file, false))
		return ERR_PTR(-ENOMEM);
	pidfile = obj_new(KIND_file, sizeof(*pidfile), &owner->obj);
	pidfile->pid = pid;
	get_ref(&pid->obj, &pidfile->obj);
	return pidfile;
}

/* pidfd_prepare: reserve the descriptor and make the pidfs file. */
static struct fd_slot *pidfd_prepare(struct pid *pid, struct pidfd_file **ret,
				     struct task_struct *owner)
{
	struct pidfd_file *pidfile;
	struct fd_slot *pidfd;

	pidfd = get_unused_fd(owner);
	if (IS_ERR(pidfd))
		return pidfd;
	pidfile = pidfs_alloc_file(pid, owner);
	if (IS_ERR(pidfile)) {
		put_unused_fd(pidfd, &owner->obj);
		return ERR_PTR(PTR_ERR(pidfile));
	}
	*ret = pidfile;
	return pidfd;
}

/* fd_install: the descriptor and its file go into the caller's table. */
static void fd_install(struct fd_slot *fd, struct pidfd_file *file, struct kobj *owner)
{
	struct files_struct *files = current->files;

	hold_move(&fd->obj, owner, &files->obj, HOLD_REF);
	hold_move(&file->obj, owner, &fd->obj, HOLD_REF);
	fd->file = file;
	fdt_install(files, fd->fd);
	if (files->nr_fd < MAX_MODEL_FDS)
		files->fd[files->nr_fd++] = &fd->obj;
}

/* close(): an installed descriptor leaves the table; the last fput drops the file. */
static void close_installed_fd(struct fd_slot *fd)
{
	struct files_struct *files = current->files;
	int i;

	for (i = 0; i < files->nr_fd; i++)
		if (files->fd[i] == &fd->obj)
			break;
	if (i == files->nr_fd)
		return;
	memmove(&files->fd[i], &files->fd[i + 1], (files->nr_fd - i - 1) * sizeof(files->fd[0]));
	files->nr_fd--;
	fput_pidfd(fd->file, &fd->obj);
	put_ref(&fd->obj, &files->obj);
	fdt_release(files, fd->fd);
	kobj_free(&fd->obj);
}
