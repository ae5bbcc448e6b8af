/* SPDX-License-Identifier: GPL-2.0-only */
/* The CLI's commands and the helpers they share. */
#ifndef CLONEFUZZ_CLI_H
#define CLONEFUZZ_CLI_H

#include <stdbool.h>
#include <stddef.h>

#define CLI_MAX_INPUT (1 << 20)

bool wants_help(int argc, char **argv);
int bad_usage(const char *msg, const char *usage);

/* Read @path ("-": stdin) whole, NUL-terminated; NULL after a one-line error. */
char *read_file(const char *path, size_t *len, bool text);

struct scenario;

/* Read and parse the scenario text in @path; -1 after a one-line error. */
int load_scenario(const char *path, struct scenario *s);

int cmd_encode(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_targets(int argc, char **argv);
int cmd_host_diff(int argc, char **argv);
int cmd_bugs(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_ladder(int argc, char **argv);
int cmd_lint(int argc, char **argv);

/* --bug NAME: switch a catalogued bug into the model; -1 after a one-line error. */
int set_bug(const char *name);

#endif
