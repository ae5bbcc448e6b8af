// SPDX-License-Identifier: GPL-2.0-only
/* The regular files of a directory, sorted by name. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dirlist.h"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **dir_files(const char *dir, size_t *n)
{
	char **names = NULL;
	struct dirent *d;
	struct stat st;
	DIR *dp;

	*n = 0;
	dp = opendir(dir);
	if (!dp)
		return NULL;
	while ((d = readdir(dp))) {
		char *full, **grown;

		if (d->d_name[0] == '.')
			continue;
		if (asprintf(&full, "%s/%s", dir, d->d_name) < 0)
			goto out_of_memory;
		if (stat(full, &st) || !S_ISREG(st.st_mode)) {
			free(full);
			continue;
		}
		grown = realloc(names, (*n + 1) * sizeof(*names));
		if (!grown)
			goto out_of_memory;
		names = grown;
		names[(*n)++] = full;
	}
	closedir(dp);
	if (!names)
		names = calloc(1, sizeof(*names));
	if (!names)
		goto out_of_memory;
	qsort(names, *n, sizeof(*names), cmp_names);
	return names;

out_of_memory:
	fprintf(stderr, "clonefuzz: out of memory\n");
	exit(2);
}

void dir_files_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
