/* SPDX-License-Identifier: GPL-2.0-only */
/* The regular files of a directory, sorted by name: what replay, the standalone targets and bugs --check read. */
#ifndef CLONEFUZZ_DIRLIST_H
#define CLONEFUZZ_DIRLIST_H

#include <stddef.h>

/*
 * dir_files - "DIR/NAME" of every regular file in @dir not starting with a
 * dot, sorted; *@n their number. NULL (errno set) when @dir cannot be
 * opened; exits with status 2 when out of memory.
 */
char **dir_files(const char *dir, size_t *n);
void dir_files_free(char **names, size_t n);

#endif
