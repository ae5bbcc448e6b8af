// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers of kernel/fork.c, kernel/cred.c, ipc/sem.c, arch/x86 and friends that
 * behave alike in every modelled version. Names and order mirror the kernel's;
 * what they allocate and share goes through the ledger.
 */
#include <string.h>

#include "bug.h"
#include "fault.h"
#include "helpers.h"
#include "kernel.h"
#include "legacy.h"
#include "nsproxy.h"
#include "pid.h"
#include "profile.h"

/* kernel/fork.c */

struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk;
	struct kres *ti;
	struct kobj hdr;

	if (model_fail(SITE_dup_task_struct, false))
		return NULL;
	tsk = kobj_alloc(KIND_task_struct, sizeof(*tsk));

	/* alloc_thread_info_node, renamed alloc_thread_stack_node in 4.9 */
	if (model_fail(profile->kv >= KV(4, 9, 0) ? SITE_alloc_thread_stack :
		       SITE_alloc_thread_info, false))
		goto free_tsk;
	ti = kobj_alloc(KIND_thread_info, sizeof(*ti));

	/* arch_dup_task_struct: a plain copy, pointers without references. */
	hdr = tsk->obj;
	*tsk = *orig;
	tsk->obj = hdr;
	tsk->stack = ti;
	get_ref(&ti->obj, &tsk->obj);
	tsk->__state = TASK_NEW;
	tsk->pending.signal.sig[0] = 0;
	/*
	 * The child's seccomp filter is taken later, by copy_seccomp() under
	 * the sighand lock; until then it holds none, so free_task on an
	 * early failure has no filter reference to drop.
	 */
	tsk->seccomp.filter = NULL;
#ifdef CLONEFUZZ_SOURCE
	/*
	 * 7.x's dup_task_struct clears the exec_state, which copy_exec_state
	 * fills. model: the io_uring restriction it copies is left out too:
	 * io_uring_fork reads the parent's (shim/task_state.c).
	 */
	tsk->exec_state = NULL;
	tsk->io_uring_restrict = NULL;
#endif
	tsk->scn_id = -1;
	tsk->attached = false;
	return tsk;

free_tsk:
	kobj_free(&tsk->obj);
	return NULL;
}

void free_task(struct task_struct *tsk)
{
	if (tsk->seccomp.filter) {	/* seccomp_filter_release */
		kres_put(tsk->seccomp.filter, &tsk->obj);
		tsk->seccomp.filter = NULL;
	}
#ifdef CLONEFUZZ_SOURCE
	put_task_exec_state(tsk->exec_state, &tsk->obj);	/* 7.x's free_task */
	tsk->exec_state = NULL;
#endif
	kres_put(tsk->stack, &tsk->obj);
	tsk->stack = NULL;
	tsk->__state = TASK_DEAD;
	kobj_free(&tsk->obj);
}

#ifdef CLONEFUZZ_SOURCE
/* 7.x kernel/exec_state.c */

struct task_exec_state *alloc_task_exec_state(struct user_namespace *user_ns, struct kobj *owner)
{
	struct task_exec_state *es = obj_new(KIND_exec_state, sizeof(*es), owner);

	es->user_ns = user_ns;
	get_user_ns(user_ns, &es->obj);
	return es;
}

/* model: freed at once, where the kernel waits for an RCU grace period */
void put_task_exec_state(struct task_exec_state *es, struct kobj *owner)
{
	if (es && put_ref(&es->obj, owner)) {
		put_user_ns(es->user_ns, &es->obj);
		kobj_free(&es->obj);
	}
}

/* 7.x io_uring/tctx.c. model: no task has an io_uring context (io_uring stays NULL), so only the restriction goes */
void io_uring_free(struct task_struct *tsk)
{
	if (tsk->io_uring_restrict) {
		kres_put(tsk->io_uring_restrict, &tsk->obj);
		tsk->io_uring_restrict = NULL;
	}
}
#endif

/* kernel/cred.c */

struct cred *prepare_creds(struct task_struct *owner)
{
	const struct cred *old = current->cred;
	struct cred *new;
	struct kobj hdr;

	if (model_fail(SITE_prepare_creds, false))
		return NULL;
	new = obj_new(KIND_cred, sizeof(*new), &owner->obj);
	hdr = new->obj;
	*new = *old;
	new->obj = hdr;
	get_ref(&new->user->obj, &new->obj);
	get_user_ns(new->user_ns, &new->obj);
	if (new->ucounts)
		get_ref(&new->ucounts->obj, &new->obj);
	return new;
}

void put_cred(const struct cred *c, struct kobj *owner)
{
	struct cred *cred = (struct cred *)c;

	if (!put_ref(&cred->obj, owner))
		return;
	/* __put_cred: model: freed at once, not after an RCU grace period */
	free_uid(cred->user, &cred->obj);
	put_ucounts(cred->ucounts, &cred->obj);
	put_user_ns(cred->user_ns, &cred->obj);
	kobj_free(&cred->obj);
}

/*
 * model: no keyrings, so a thread never has a thread keyring and
 * CLONE_THREAD always shares the parent's cred.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	struct cred *new;
	int ret;

	if (clone_flags & CLONE_THREAD) {
		p->real_cred = p->cred;
		get_ref(&((struct cred *)p->cred)->obj, &p->obj);
		get_ref(&((struct cred *)p->cred)->obj, &p->obj);
		hold_get(nproc_counter(p->cred), &p->obj, HOLD_PROCESSES);
		return 0;
	}

	new = prepare_creds(p);
	if (!new)
		return -ENOMEM;

	if (clone_flags & CLONE_NEWUSER) {
		ret = profile->create_user_ns(new);
		if (ret < 0)
			goto error_put;
	}

	hold_get(nproc_counter(new), &p->obj, HOLD_PROCESSES);
	p->cred = p->real_cred = new;
	get_ref(&new->obj, &p->obj);	/* get_cred(new): both pointers hold one */
	return 0;

error_put:
	put_cred(new, &p->obj);
	return ret;
}

void exit_creds(struct task_struct *tsk)
{
	const struct cred *cred;

	cred = tsk->real_cred;
	tsk->real_cred = NULL;
	put_cred(cred, &tsk->obj);

	cred = tsk->cred;
	tsk->cred = NULL;
	put_cred(cred, &tsk->obj);
}

/* ipc/sem.c */

static int get_undo_list(struct kres **undo_listp)
{
	struct kres *undo_list = current->sysvsem_undo_list;

	if (!undo_list) {
		if (model_fail(SITE_copy_semundo, false))
			return -ENOMEM;
		undo_list = obj_new(KIND_sem_undo_list, sizeof(*undo_list),
				    &current->obj);
		/* model: a persistent side effect the parent keeps on failure */
		undo_list->obj.persistent = true;
		current->sysvsem_undo_list = undo_list;
	}
	*undo_listp = undo_list;
	return 0;
}

int copy_semundo(unsigned long clone_flags, struct task_struct *tsk)
{
	struct kres *undo_list;
	int error;

	if (clone_flags & CLONE_SYSVSEM) {
		error = get_undo_list(&undo_list);
		if (error)
			return error;
		get_ref(&undo_list->obj, &tsk->obj);
		tsk->sysvsem_undo_list = undo_list;
	} else {
		tsk->sysvsem_undo_list = NULL;
	}
	return 0;
}

void exit_sem(struct task_struct *tsk)
{
	struct kres *ulp = tsk->sysvsem_undo_list;

	if (!ulp)
		return;
	tsk->sysvsem_undo_list = NULL;
	kres_put(ulp, &tsk->obj);
}

/* kernel/fork.c: files, fs, sighand, mm, io */

int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf, *newf;
	int error = 0;

	oldf = current->files;
	if (!oldf)
		goto out;

	if (clone_flags & CLONE_FILES) {
		get_ref(&oldf->obj, &tsk->obj);
		goto out;
	}

	/* dup_fd; model: open files are not modelled one by one */
	if (model_fail(SITE_dup_fd, false)) {
		error = -ENOMEM;
		goto out;
	}
	newf = obj_new(KIND_files_struct, sizeof(*newf), &tsk->obj);
	/*
	 * model: the copy has the parent's descriptor numbers but takes no
	 * references on the pidfd files among them.
	 */
	fdt_copy(newf, oldf);
	tsk->files = newf;
	error = 0;
out:
	return error;
}

/* fput of a pidfs file: the last one drops the pid. */
void fput_pidfd(struct pidfd_file *f, struct kobj *owner)
{
	if (!put_ref(&f->obj, owner))
		return;
	put_pid(f->pid, &f->obj);
	kobj_free(&f->obj);
}

/* close() of every descriptor the model installed, as put_files_struct does. */
void close_files(struct files_struct *files)
{
	int i;

	for (i = 0; i < files->nr_fd; i++) {
		struct fd_slot *fd = (struct fd_slot *)files->fd[i];

		fput_pidfd(fd->file, &fd->obj);
		put_ref(&fd->obj, &files->obj);
		fdt_release(files, fd->fd);
		kobj_free(&fd->obj);
	}
	files->nr_fd = 0;
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		if (put_ref(&files->obj, &tsk->obj)) {
			close_files(files);
			kobj_free(&files->obj);
		}
	}
}

struct fs_struct *copy_fs_struct(struct fs_struct *old, struct task_struct *owner)
{
	struct fs_struct *fs;

	if (model_fail(SITE_copy_fs_struct, false))
		return NULL;
	fs = obj_new(KIND_fs_struct, sizeof(*fs), &owner->obj);
	fs->in_exec = false;
	(void)old;
	return fs;
}

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		/* share: keep the parent's fs pointer dup_task_struct copied */
		if (model_fail(SITE_fs_in_exec, fs->in_exec))
			return -EAGAIN;
		if (!bug_on(BUG_clone_fs_no_ref))
			get_ref(&fs->obj, &tsk->obj);
		return 0;
	}
	tsk->fs = copy_fs_struct(fs, tsk);
	if (!tsk->fs)
		return -ENOMEM;
	return 0;
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		if (put_ref(&fs->obj, &tsk->obj))
			kobj_free(&fs->obj);
	}
}

int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		get_ref(&current->sighand->obj, &tsk->obj);
		return 0;
	}
	sig = NULL;
	if (!model_fail(SITE_copy_sighand, false))
		sig = obj_new(KIND_sighand_struct, sizeof(*sig), &tsk->obj);
	tsk->sighand = sig;
	if (!sig)
		return -ENOMEM;
	return 0;
}

void __cleanup_sighand(struct sighand_struct *sighand, struct kobj *owner)
{
	if (put_ref(&sighand->obj, owner))
		kobj_free(&sighand->obj);
}

struct mm_struct *dup_mm(struct task_struct *tsk)
{
	struct mm_struct *mm;

	/* model: allocate_mm, mm_init, dup_mmap and the binfmt ref as one */
	if (model_fail(SITE_dup_mm, false))
		return NULL;
	mm = obj_new(KIND_mm_struct, sizeof(*mm), &tsk->obj);
	mm->owner = tsk;	/* mm_init_owner */
	return mm;
}

int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *mm, *oldmm;
	int retval;

	tsk->mm = NULL;
	tsk->active_mm = NULL;

	oldmm = current->mm;
	if (!oldmm)
		return 0;

	if (clone_flags & CLONE_VM) {
		get_ref(&oldmm->obj, &tsk->obj);
		mm = oldmm;
		goto good_mm;
	}

	retval = -ENOMEM;
	mm = dup_mm(tsk);
	if (!mm)
		goto fail_nomem;

good_mm:
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;

fail_nomem:
	return retval;
}

void mmput(struct mm_struct *mm, struct kobj *owner)
{
	if (!put_ref(&mm->obj, owner))
		return;
	if (mm->futex_hash)	/* futex_hash_free in __mmdrop */
		kres_put(mm->futex_hash, &mm->obj);
	kobj_free(&mm->obj);
}

int copy_io(unsigned long clone_flags, struct task_struct *tsk)
{
	struct io_context *ioc = current->io_context;
	struct io_context *new_ioc;

	if (!ioc)
		return 0;
	if (clone_flags & CLONE_IO) {
		/* ioc_task_link; model: the parent's ioc is live, so it cannot fail */
		get_ref(&ioc->obj, &tsk->obj);
		tsk->io_context = ioc;
	} else if (ioc->ioprio_valid) {
		if (model_fail(SITE_copy_io, false))
			return -ENOMEM;
		new_ioc = obj_new(KIND_io_context, sizeof(*new_ioc), &tsk->obj);
		new_ioc->ioprio_valid = true;
		tsk->io_context = new_ioc;
	}
	return 0;
}

void exit_io_context(struct task_struct *tsk)
{
	struct io_context *ioc = tsk->io_context;

	tsk->io_context = NULL;
	if (put_ref(&ioc->obj, &tsk->obj))
		kobj_free(&ioc->obj);
}

/* arch/x86/kernel/process_64.c */

int copy_thread(unsigned long clone_flags, unsigned long sp,
		unsigned long arg, struct task_struct *p, unsigned long tls)
{
	int err;

	(void)sp;
	(void)arg;
	p->io_bitmap_ptr = NULL;

	err = -ENOMEM;
	if (unlikely(current->io_bitmap_ptr)) {
		if (model_fail(SITE_copy_thread, false))
			return -ENOMEM;
		p->io_bitmap_ptr = obj_new(KIND_io_bitmap,
					   sizeof(*p->io_bitmap_ptr), &p->obj);
	}

	err = 0;
	/* do_arch_prctl(ARCH_SET_FS) refuses an address past the user space */
	if ((clone_flags & CLONE_SETTLS) &&
	    model_fail(SITE_settls, tls >= TASK_SIZE_MAX))
		err = -EPERM;

	if (err && p->io_bitmap_ptr) {
		kres_put(p->io_bitmap_ptr, &p->obj);
		p->io_bitmap_ptr = NULL;
	}
	return err;
}

void exit_thread(struct task_struct *tsk)
{
	if (tsk->io_bitmap_ptr) {
		kres_put(tsk->io_bitmap_ptr, &tsk->obj);
		tsk->io_bitmap_ptr = NULL;
	}
}

/* mm/mempolicy.c, kernel/events, kernel/auditsc.c, kernel/delayacct.c */

struct kres *mpol_dup(struct kres *old, struct task_struct *owner)
{
	if (!old)
		return NULL;
	if (model_fail(SITE_mpol_dup, false))
		return ERR_PTR(-ENOMEM);
	return obj_new(KIND_mempolicy, sizeof(struct kres), &owner->obj);
}

void mpol_put(struct kres *pol, struct kobj *owner)
{
	if (pol)
		kres_put(pol, owner);
}

int perf_event_init_task(struct task_struct *child)
{
	child->perf_event_ctxp = NULL;
	if (!current->perf_event_ctxp)
		return 0;
	/* model: a failure inside inheritance cleans up after itself */
	if (model_fail(SITE_perf_event_init_task, false))
		return -ENOMEM;
	child->perf_event_ctxp = obj_new(KIND_perf_context, sizeof(struct kres),
					 &child->obj);
	return 0;
}

void perf_event_free_task(struct task_struct *task)
{
	if (task->perf_event_ctxp) {
		kres_put(task->perf_event_ctxp, &task->obj);
		task->perf_event_ctxp = NULL;
	}
}

int audit_alloc(struct task_struct *tsk)
{
	tsk->audit_context = NULL;
	if (!audit_enabled)
		return 0;
	if (model_fail(SITE_audit_alloc, false))
		return -ENOMEM;
	tsk->audit_context = obj_new(KIND_audit_context, sizeof(struct kres),
				     &tsk->obj);
	return 0;
}

void audit_free(struct task_struct *tsk)
{
	if (tsk->audit_context) {
		kres_put(tsk->audit_context, &tsk->obj);
		tsk->audit_context = NULL;
	}
}

/* model: the delays allocation never fails (the kernel tolerates it) */
void delayacct_tsk_init(struct task_struct *tsk)
{
	tsk->delays = obj_new(KIND_delays, sizeof(struct kres), &tsk->obj);
}

void delayacct_tsk_free(struct task_struct *tsk)
{
	if (tsk->delays) {
		kres_put(tsk->delays, &tsk->obj);
		tsk->delays = NULL;
	}
}

bool try_module_get(struct kres *module, struct kobj *owner)
{
	if (model_fail(SITE_exec_domain_module, exec_domain_going))
		return false;
	get_ref(&module->obj, owner);
	return true;
}

void module_put(struct kres *module, struct kobj *owner)
{
	if (module)
		put_ref(&module->obj, owner);
}

void get_css_set(struct kres *cset, struct kobj *owner)
{
	get_ref(&cset->obj, owner);
}

void put_css_set(struct kres *cset, struct kobj *owner)
{
	kres_put(cset, owner);
}
