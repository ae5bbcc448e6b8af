/* SPDX-License-Identifier: GPL-2.0-only */
/* The table of a source profile: the file's own checks, steps and ladder, with the v6.18 callees' sites and releases. */
#ifndef CLONEFUZZ_SOURCE_TABLE_H
#define CLONEFUZZ_SOURCE_TABLE_H

#include <stdio.h>

#include "lint/lint.h"
#include "missing.h"

struct profile;

/*
 * Write to @out the table.def of the file @r reads: its checks after
 * @base's entry checks (clone3 and kernel_clone run before copy_process);
 * for each failing step, the sites @base's callee fails at, with @base's
 * errno and the file's label; the file's ladder; for each label @base
 * has, @base's releases (what the shims' callees release there), for
 * another, the file's own mapped to model kinds; @base's signal points
 * and defects at the sites kept. What nothing names goes into @m.
 */
void source_table(const struct lint_result *r, const struct profile *base, FILE *out,
		  struct missing *m);

#endif
