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

		if (lint_goto_name(g).kind != LS_UNNAMED)
			continue;
		snprintf(name, sizeof(name), "%s", g->step);
		missing_add(m, name, g->step_is_call ? "step" : "test", g->line);
	}
}

static void write_rename(const char *name, void *arg)
{
	fprintf(arg, "#define %s src_%s\n", name, name);
}

/*
 * The checks the file's copy_process() returns at, by line: its
 * ERR_PTR() there records the check that refused, as the mirrors'
 * model_check() does.
 */
static void write_check_lines(const struct lint_result *r, FILE *f)
{
	int i, c;

	fprintf(f, "static const struct { int line, check; } source_checks[] = {\n");
	for (i = 0; i < r->nchecks; i++) {
		c = lint_check_id(r->checks[i].cond);
		if (c != CHECK_none)
			fprintf(f, "\t{ %d, CHECK_%s },\n", r->checks[i].line, check_names[c]);
	}
	fprintf(f, "\t{ 0, CHECK_none },\n};\n\n"
		"static void *source_err_ptr(long error, int line)\n{\n"
		"\tint i;\n\n"
		"\tfor (i = 0; source_checks[i].line; i++)\n"
		"\t\tif (source_checks[i].line == line)\n"
		"\t\t\tmodel_check(source_checks[i].check, true);\n"
		"\treturn (void *)error;\n}\n"
		"#define ERR_PTR(e)\tsource_err_ptr((e), __LINE__)\n");
}

/* @out/profile.c: the cut file behind v6.18's entry, and the profile that names them. */
static int write_glue(const struct source_opts *o, const struct extract *ex,
		      const struct lint_result *r, FILE *msg)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/profile.c", o->out);
	f = fopen(path, "w");
	if (!f) {
		fprintf(msg, "clonefuzz: source: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "/* The source profile %s: copy_process() of %s, cut by clonefuzz source. */\n"
		"/* Its functions the file does not make static, so that they clash with none of the model's. */\n",
		o->name, o->path);
	extract_globals(ex, write_rename, f);
	fprintf(f, "\n#include \"shim/shim.h\"\n\n");
	write_check_lines(r, f);
	fprintf(f, "\n#include \"fork.c\"\n\n"
		"/* The entries and kernel_clone() of the mirror whose callees the shims use. */\n"
		"#include \"bug.h\"\n#include \"profile.h\"\n"
		"#include \"v6_18/kernel_clone.c\"\n#include \"v6_18/clone3.c\"\n\n"
		"#define PROFILE_TABLE \"%s/table.def\"\n#include \"profile_expand.h\"\n\n"
		"const struct profile profile_source = {\n"
		"\t.name = \"%s\",\n"
		"\t.kv = KV(6, 18, 30),\t/* model: its callees, world and entry are v6.18's */\n"
		"\t.source = \"%s\",\n"
		"\t.spec = \"" SOURCE_BASE "\",\t/* the entry is v6.18's */\n"
		"\tPROFILE_TABLES,\n"
		"\t.sys_clone = sys_clone_entry,\n"
		"\t.has_clone3 = true,\n"
		"\t.create_user_ns = shim_create_user_ns,\n"
		"};\n", o->out, o->name, o->path);
	fclose(f);
	return 0;
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
	rc = write_glue(o, &ex, &r, msg);
	lint_result_free(&r);
	if (rc) {
		extract_free(&ex);
		return 2;
	}
	fprintf(msg, "%s: %s() and %d same-file functions it reaches -> %s, %s\n", o->path,
		o->function, ex.nkept_functions - 1, file, table);
	extract_free(&ex);

	rc = source_compile_check(o->cc, o->root, file, log);
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
	if (!o->build)
		return 0;
	snprintf(log, sizeof(log), "%s/build.log", o->out);
	rc = source_build(o->root, o->out, log);
	if (rc) {
		fprintf(msg, "clonefuzz: source: the build failed (%s)\n", log);
		return 2;
	}
	fprintf(msg, "%s/build/clonefuzz has the profile %s\n", o->out, o->name);
	return 0;
}
