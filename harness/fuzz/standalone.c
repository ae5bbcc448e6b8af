// SPDX-License-Identifier: GPL-2.0-only
/* The standalone engine: run fuzz inputs from files and directories (sorted), each twice, without a fuzzer. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "run/dirlist.h"

#define MAX_FILE (1 << 20)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long nr_run;

static int run_file(const char *path)
{
	static uint8_t buf[MAX_FILE + 1];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f) || n > MAX_FILE) {
		fprintf(stderr, "standalone: %s: %s\n", path,
			ferror(f) ? "read error" : "larger than 1 MiB");
		fclose(f);
		return -1;
	}
	fclose(f);
	/* Twice: a second run from the same input must see the same fresh world. */
	LLVMFuzzerTestOneInput(buf, n);
	LLVMFuzzerTestOneInput(buf, n);
	nr_run++;
	return 0;
}

static int run_dir(const char *path)
{
	size_t n, i;
	char **names = dir_files(path, &n);
	int ret = 0;

	if (!names) {
		fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++)
		if (run_file(names[i]))
			ret = -1;
	dir_files_free(names, n);
	return ret;
}

int main(int argc, char **argv)
{
	int i, ret = 0;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: %s FILE|DIR...\n\nRun each input (directories: their files, sorted) twice;\n"
			"abort with a report if an oracle fires. Exit 2 if an input cannot be read.\n",
			argv[0]);
		return argc < 2 ? 2 : 0;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st)) {
			fprintf(stderr, "standalone: %s: %s\n", argv[i], strerror(errno));
			ret = 2;
		} else if (S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i])) {
			ret = 2;
		}
	}
	fprintf(stderr, "standalone: %lu input(s) run twice, no oracle fired\n", nr_run);
	return ret;
}
