// SPDX-License-Identifier: GPL-2.0-only
/* The host side of host-diff: raw clone()/clone3() in a disposable process, its fds and cgroups, the host's limits. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>

#include "host_clone.h"

/* capset: no effective capability left (the permitted set stays). */
static void drop_effective_caps(void)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		_exit(3);
	data[0].effective = data[1].effective = 0;
	if (syscall(SYS_capset, &hdr, data))
		_exit(3);
}


/* raw clone()/clone3(): a new child calls exit(0) at once, in registers only */
static long raw_syscall5(long nr, unsigned long a1, unsigned long a2, unsigned long a3,
			 unsigned long a4, unsigned long a5)
{
	long ret;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n\t"
			 "1:\n\t"
			 : "=a"(ret)
			 : "0"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

struct host_args {		/* struct clone_args, 6.18 layout */
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size,
		 tls, set_tid, set_tid_size, cgroup;
};

static char host_buf[4][64] __attribute__((aligned(64)));
static char host_stack[65536] __attribute__((aligned(16)));
static unsigned char host_args_page[2 * 4096] __attribute__((aligned(4096)));
static int host_set_tid[64];
#define HOST_BAD ((uint64_t)0x1000)	/* below mmap_min_addr: always faults */

static uint64_t host_ptr(int p, int i)
{
	return p == HP_NULL ? 0 : p == HP_BAD ? HOST_BAD : (uint64_t)(uintptr_t)host_buf[i];
}

static long host_call(const struct host_case *h)
{
	uint64_t parent_tid = host_ptr(h->parent_tid, 2);
	uint64_t stack = h->stack == 1 ? (uint64_t)(uintptr_t)(host_stack + sizeof(host_stack)) : h->stack;
	struct host_args *a;
	unsigned char *base;

	if (!h->clone3)
		return raw_syscall5(SYS_clone, h->flags, stack, parent_tid,
				    host_ptr(h->child_tid, 1), h->tls);
	/* the struct, then its tail, inside a zeroed buffer */
	memset(host_args_page, 0, sizeof(host_args_page));
	base = host_args_page;
	a = (struct host_args *)base;
	a->flags = h->flags;
	a->pidfd = h->pidfd == HP_SAME_AS_PARENT_TID ? parent_tid : host_ptr(h->pidfd, 0);
	a->child_tid = host_ptr(h->child_tid, 1);
	a->parent_tid = parent_tid;
	a->exit_signal = h->exit_signal;
	a->stack = h->stack == 1 ? (uint64_t)(uintptr_t)host_stack : h->stack;
	a->stack_size = h->stack == 1 && h->stack_size ? sizeof(host_stack) : h->stack_size;
	a->tls = h->tls;
	memcpy(host_set_tid, h->set_tid_vals, sizeof(h->set_tid_vals));
	a->set_tid = h->set_tid == HP_NULL ? 0 : h->set_tid == HP_BAD ? HOST_BAD :
		     (uint64_t)(uintptr_t)host_set_tid;
	a->set_tid_size = h->set_tid_size;
	a->cgroup = h->cgroup;
	if (h->tail_nonzero)
		base[h->size - 1] = 1;
	return raw_syscall5(SYS_clone3, h->args == HP_NULL ? 0 : h->args == HP_BAD ? HOST_BAD :
			    (uint64_t)(uintptr_t)base, h->size, 0, 0, 0);
}

/* One case in a disposable helper: its result through a pipe. */
int host_run(const struct host_case *h, long *ret)
{
	int fds[2], status;
	struct pollfd pfd;
	pid_t helper;
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	helper = fork();
	if (helper < 0)
		return -1;
	if (helper == 0) {
		/* every signal but SIGKILL and SIGSTOP, glibc's own real-time ones too */
		uint64_t all = ~0ULL;
		long r;

		syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, NULL, sizeof(all));
		close(fds[0]);
		/* the table the model is told of: 0-5 in use, 6 up free; the pipe far above */
		if (fds[1] != HOST_RESULT_FD && dup2(fds[1], HOST_RESULT_FD) == HOST_RESULT_FD) {
			close(fds[1]);
			fds[1] = HOST_RESULT_FD;
		}
		syscall(SYS_close_range, HOST_OPEN_FDS, HOST_RESULT_FD - 1, 0);
		syscall(SYS_close_range, HOST_RESULT_FD + 1, ~0U, 0);
		if (h->drop_caps)
			drop_effective_caps();
		r = host_call(h);
		if (write(fds[1], &r, sizeof(r)) != sizeof(r))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	n = -1;
	if (poll(&pfd, 1, 3000) == 1)
		n = read(fds[0], ret, sizeof(*ret));
	close(fds[0]);
	if (n != sizeof(*ret))
		kill(helper, SIGKILL);
	waitpid(helper, &status, __WALL);
	/* children reparented to us (CLONE_PARENT, orphans): reap them */
	while (waitpid(-1, &status, __WALL | WNOHANG) > 0)
		;
	return n == sizeof(*ret) ? 0 : -1;
}

/* fds 3 (live v2 cgroup), 4 (removed), 5 (v1 directory), the rest closed up to 9 */
static char cg_live[128], cg_removed[160];

int host_setup(void)
{
	int fd;

	snprintf(cg_live, sizeof(cg_live), "/sys/fs/cgroup/unified/clonefuzz-hostdiff-%d", getpid());
	snprintf(cg_removed, sizeof(cg_removed), "%s-gone", cg_live);
	if (access("/sys/fs/cgroup/unified/cgroup.procs", F_OK)) {
		snprintf(cg_live, sizeof(cg_live), "/sys/fs/cgroup/clonefuzz-hostdiff-%d", getpid());
		snprintf(cg_removed, sizeof(cg_removed), "%s-gone", cg_live);
	}
	if (mkdir(cg_live, 0755) || mkdir(cg_removed, 0755))
		return -1;
	fd = open(cg_live, O_RDONLY | O_DIRECTORY);
	if (fd < 0 || dup2(fd, 3) != 3)
		return -1;
	if (fd != 3)
		close(fd);
	fd = open(cg_removed, O_RDONLY | O_DIRECTORY);
	if (fd < 0 || dup2(fd, 4) != 4)
		return -1;
	if (fd != 4)
		close(fd);
	rmdir(cg_removed);
	fd = open("/sys/fs/cgroup/cpu", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		fd = open("/dev/null", O_RDONLY);	/* no v1 here: still not a v2 cgroup */
	if (fd < 0 || dup2(fd, 5) != 5)
		return -1;
	if (fd != 5)
		close(fd);
	for (fd = 6; fd <= 9; fd++)
		close(fd);
	return 0;
}

void host_cleanup(void)
{
	int i;

	close(3);
	close(4);
	close(5);
	for (i = 0; i < 50 && rmdir(cg_live) && errno == EBUSY; i++)
		usleep(10000);
}

int host_check(char *why, size_t len)
{
	struct utsname u;

	if (uname(&u) || strcmp(u.machine, "x86_64")) {
		snprintf(why, len, "not Linux x86-64");
		return -1;
	}
	if (strncmp(u.release, "6.18.", 5) && strcmp(u.release, "6.18")) {
		snprintf(why, len, "kernel %s has no profile (host-diff knows 6.18)", u.release);
		return -1;
	}
	if (geteuid()) {
		snprintf(why, len, "needs root");
		return -1;
	}
	return 0;
}

/* The host as the model's world needs it: effective capabilities and limits. */
void host_limits(struct host_limits *l)
{
	struct rlimit rl;
	char line[256];
	FILE *f;

	memset(l, 0, sizeof(*l));
	l->pid_max = 32768;
	l->nofile = 1024;
	l->nproc = 1UL << 30;
	f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "CapEff:", 7))
			l->caps = strtoull(line + 7, NULL, 16);
	if (f)
		fclose(f);
	f = fopen("/proc/sys/kernel/pid_max", "r");
	if (f && fscanf(f, "%d", &l->pid_max) != 1)
		l->pid_max = 32768;
	if (f)
		fclose(f);
	if (!getrlimit(RLIMIT_NOFILE, &rl))
		l->nofile = rl.rlim_cur > (1 << 20) ? 1 << 20 : (int)rl.rlim_cur;
	if (!getrlimit(RLIMIT_NPROC, &rl))
		l->nproc = rl.rlim_cur > (1UL << 30) ? 1UL << 30 : rl.rlim_cur;
}

void host_subreaper(void)
{
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}
