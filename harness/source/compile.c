// SPDX-License-Identifier: GPL-2.0-only
/* Run the compiler on an extracted fork.c with the shims forced in, its errors into a log. */
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "source.h"

/* Run @argv with stdout and stderr into @log; its exit status, or -1 if it could not run. */
static int run(char *const argv[], const char *log)
{
	int status, fd;
	pid_t pid;

	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fd);
		return -1;
	}
	if (pid == 0) {
		dup2(fd, STDERR_FILENO);
		dup2(fd, STDOUT_FILENO);
		setenv("LC_ALL", "C", 1);	/* plain quotes around the names */
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

int source_build(const char *root, const char *out, const char *log)
{
	char def[PATH_MAX + 64], dir[PATH_MAX];
	char *configure[] = {
		"cmake", "-S", (char *)root, "-B", dir, "-G", "Ninja",
		"-DCMAKE_BUILD_TYPE=RelWithDebInfo", def, NULL,
	};
	char *build[] = { "cmake", "--build", dir, "--target", "clonefuzz", NULL };
	int rc;

	snprintf(dir, sizeof(dir), "%s/build", out);
	snprintf(def, sizeof(def), "-DCLONEFUZZ_SOURCE_PROFILE=%s", out);
	rc = run(configure, log);
	if (rc)
		return rc;
	return run(build, log);
}

int source_compile_check(const char *cc, const char *root, const char *file, const char *log)
{
	char inc[PATH_MAX], shim[PATH_MAX];
	bool gcc = strstr(cc, "gcc") != NULL;
	char *argv[] = {
		(char *)cc, "-std=gnu11", "-fsyntax-only",
		gcc ? "-fmax-errors=0" : "-ferror-limit=0",
		"-Werror=implicit-function-declaration", "-fno-diagnostics-color", "-DCLONEFUZZ_SOURCE",
		"-I", inc, "-include", shim, (char *)file, NULL,
	};

	snprintf(inc, sizeof(inc), "%s/model", root);
	snprintf(shim, sizeof(shim), "%s/model/shim/shim.h", root);
	return run(argv, log);
}
