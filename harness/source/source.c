// SPDX-License-Identifier: GPL-2.0-only
/* `clonefuzz source`: extract a fork.c's copy_process(), check the names it needs against the vocabulary and the shims. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

#include "lint/lint.h"
#include "extract.h"
#include "missing.h"
#include "profile.h"
#include "table.h"
#include "source.h"
#include "vocab.h"

/* The mirror whose callees the shims use, and whose table the profile's is made against. */
#define SOURCE_BASE	"v6.18"

#ifndef CLONEFUZZ_ROOT
#define CLONEFUZZ_ROOT "."
#endif

const char *source_root(void)
{
	const char *r = getenv("CLONEFUZZ_ROOT");

	return r && *r ? r : CLONEFUZZ_ROOT;
}

/* mkdir -p @dir; 0 or -1 with errno. */
static int make_dirs(const char *dir)
{
	char buf[PATH_MAX], *p;

	if (snprintf(buf, sizeof(buf), "%s", dir) >= (int)sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = 0;
			if (mkdir(buf, 0777) && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(buf, 0777) && errno != EEXIST ? -1 : 0;
}

/* What the table needs named: labels in labels.def, checks and steps in pairs.def. */
static void vocabulary_names(const struct extract *ex, const struct lint_result *r,
			     struct missing *m)
{
	char name[96];
	bool named;
	int i;

	for (i = 0; i < ex->nlabels; i++)
		if (ex->labels[i].label == L_none)
			missing_add(m, ex->labels[i].name, "label", ex->labels[i].line);
	for (i = 0; i < r->nchecks; i++)
		if (lint_check_id(r->checks[i].cond) == CHECK_none) {
			snprintf(name, sizeof(name), "%s", r->checks[i].cond);
			missing_add(m, name, "check", r->checks[i].line);
		}
	for (i = 0; i < r->ngotos; i++) {
		const struct lint_goto *g = &r->gotos[i];

		if (g->step_is_call ? lint_step_site(g->step, 0) || lint_check_id(g->step) != CHECK_none :
		    (lint_test_site(g->step, &named), named))
			continue;
		snprintf(name, sizeof(name), "%s", g->step);
		missing_add(m, name, g->step_is_call ? "step" : "test", g->line);
	}
}

int source_check(const struct source_opts *o, FILE *msg)
{
	static struct extract ex;
	static struct lint_result r;
	static struct missing m;
	char file[PATH_MAX], log[PATH_MAX], table[PATH_MAX];
	FILE *f;
	int rc;

	memset(&m, 0, sizeof(m));
	if (extract_read(o->path, o->function, &ex) < 0) {
		fprintf(msg, "clonefuzz: source: %s\n", ex.err);
		extract_free(&ex);
		return 2;
	}
	if (lint_run(o->path, o->function, &r)) {
		fprintf(msg, "clonefuzz: source: %s\n", r.src.err);
		lint_result_free(&r);
		extract_free(&ex);
		return 2;
	}
	vocabulary_names(&ex, &r, &m);
	snprintf(file, sizeof(file), "%s/fork.c", o->out);
	snprintf(log, sizeof(log), "%s/compile.log", o->out);
	if (make_dirs(o->out) || !(f = fopen(file, "w"))) {
		fprintf(msg, "clonefuzz: source: %s: %s\n", o->out, strerror(errno));
		extract_free(&ex);
		return 2;
	}
	extract_write(&ex, f);
	fclose(f);
	snprintf(table, sizeof(table), "%s/table.def", o->out);
	f = fopen(table, "w");
	if (!f) {
		fprintf(msg, "clonefuzz: source: %s: %s\n", table, strerror(errno));
		lint_result_free(&r);
		extract_free(&ex);
		return 2;
	}
	source_table(&r, profile_find(SOURCE_BASE), f, &m);
	fclose(f);
	lint_result_free(&r);
	fprintf(msg, "%s: %s() and %d same-file functions it reaches -> %s, %s\n", o->path,
		o->function, ex.nkept_functions - 1, file, table);
	extract_free(&ex);

	rc = source_compile_check(o->cc, source_root(), file, log);
	if (rc < 0) {
		fprintf(msg, "clonefuzz: source: cannot run %s (give --cc)\n", o->cc);
		return 2;
	}
	f = fopen(log, "r");
	if (f) {
		missing_read(f, file, &m);
		fclose(f);
	}
	if (m.count) {
		fprintf(msg, "%d name%s the file needs that the shims, labels.def or pairs.def lack:\n",
			m.count, m.count == 1 ? "" : "s");
		missing_print(&m, msg);
	}
	if (m.other_errors)
		fprintf(msg, "%d other compiler error%s (%s): the first, %s\n", m.other_errors,
			m.other_errors == 1 ? "" : "s", log, m.first_other);
	if (m.count || m.other_errors || rc)
		return 2;
	fprintf(msg, "%s compiles against the shims\n", file);
	return 0;
}
