// SPDX-License-Identifier: GPL-2.0-only
/* The standalone engine: run fuzz inputs from files and directories (sorted), each twice, without a fuzzer, and time the runs. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "run/dirlist.h"

#define MAX_FILE (1 << 20)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every input is read before the first runs: the loop then times the target alone. */
struct input {
	uint8_t *data;
	size_t len;
};

static struct input *inputs;
static size_t nr_inputs, cap_inputs;

static int load_file(const char *path)
{
	static uint8_t buf[MAX_FILE + 1];
	FILE *f = fopen(path, "rb");
	struct input *in;
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
	if (nr_inputs == cap_inputs) {
		cap_inputs = cap_inputs ? 2 * cap_inputs : 1024;
		inputs = realloc(inputs, cap_inputs * sizeof(*inputs));
		if (!inputs) {
			fprintf(stderr, "standalone: out of memory\n");
			exit(2);
		}
	}
	in = &inputs[nr_inputs++];
	in->data = malloc(n ? n : 1);
	if (!in->data) {
		fprintf(stderr, "standalone: out of memory\n");
		exit(2);
	}
	memcpy(in->data, buf, n);
	in->len = n;
	return 0;
}

static int load_dir(const char *path)
{
	size_t n, i;
	char **names = dir_files(path, &n);
	int ret = 0;

	if (!names) {
		fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++)
		if (load_file(names[i]))
			ret = -1;
	dir_files_free(names, n);
	return ret;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int i, ret = 0;
	double t0;
	size_t k;

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
		} else if (S_ISDIR(st.st_mode) ? load_dir(argv[i]) : load_file(argv[i])) {
			ret = 2;
		}
	}
	t0 = now();
	for (k = 0; k < nr_inputs; k++) {
		/* Twice: a second run from the same input must see the same fresh world. */
		LLVMFuzzerTestOneInput(inputs[k].data, inputs[k].len);
		LLVMFuzzerTestOneInput(inputs[k].data, inputs[k].len);
	}
	fprintf(stderr, "standalone: %zu input(s) run twice in %.6f s, no oracle fired\n",
		nr_inputs, now() - t0);
	return ret;
}
