// SPDX-License-Identifier: GPL-2.0-only
/* Turn a compiler's errors on an extracted fork.c into one list of the names the shims lack. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "missing.h"

/* A diagnostic's wording, before and after the name it quotes. */
struct pattern {
	const char *before, *after;
	const char *what;
};

static const struct pattern patterns[] = {
	/* clang */
	{ "use of undeclared identifier '", "'", "identifier" },
	{ "unknown type name '", "'", "type" },
	{ "call to undeclared function '", "'", "function" },
	{ "implicit declaration of function '", "'", "function" },
	{ "no member named '", "' in '", "member" },
	{ "incomplete definition of type '", "'", "struct" },
	{ "variable has incomplete type '", "'", "struct" },
	{ "field has incomplete type '", "'", "struct" },
	/* gcc */
	{ "error: '", "' undeclared", "identifier" },
	{ "invalid use of undefined type '", "'", "struct" },
	{ "has no member named '", "'", "member" },
};

static struct missing_name *find_or_add(struct missing *m, const char *name, const char *what)
{
	struct missing_name *n;
	int i;

	for (i = 0; i < m->count; i++)
		if (!strcmp(m->n[i].name, name))
			return &m->n[i];
	if (m->count == MISSING_MAX)
		return NULL;
	n = &m->n[m->count++];
	memset(n, 0, sizeof(*n));
	snprintf(n->name, sizeof(n->name), "%s", name);
	n->what = what;
	return n;
}

/* The quoted text after @before up to @after in @msg, into @buf. */
static bool quoted(const char *msg, const struct pattern *p, char *buf, size_t size)
{
	const char *s = strstr(msg, p->before), *e;

	if (!s)
		return false;
	s += strlen(p->before);
	e = strstr(s, p->after);
	if (!e || e == s || (size_t)(e - s) >= size)
		return false;
	memcpy(buf, s, (size_t)(e - s));
	buf[e - s] = 0;
	return true;
}

/* "no member named 'x' in 'struct y'" -> "struct y.x"; gcc's "'struct y' has no member named 'x'" too. */
static void member_name(const char *msg, char *name, size_t size)
{
	char owner[64] = "", member[160];
	const char *in = strstr(msg, "' in '"), *q;

	snprintf(member, sizeof(member), "%s", name);
	if (in) {
		in += 6;
		q = strchr(in, '\'');
		if (q && q - in < (int)sizeof(owner))
			snprintf(owner, sizeof(owner), "%.*s", (int)(q - in), in);
	} else if ((q = strstr(msg, "error: '")) && strstr(msg, "' has no member")) {
		q += 8;
		snprintf(owner, sizeof(owner), "%.*s", (int)(strstr(q, "'") - q), q);
	}
	snprintf(name, size, "%.63s.%.90s", owner[0] ? owner : "?", member);
}

/* One more use of @name at @line: its first lines kept in order. */
static void add_use(struct missing_name *n, int line)
{
	int i, k;

	n->uses++;
	for (i = 0; i < n->nlines && n->lines[i] < line; i++)
		;
	if ((i < n->nlines && n->lines[i] == line) || i == MISSING_MAX_LINES)
		return;
	/* in order, the first MISSING_MAX_LINES kept */
	k = n->nlines < MISSING_MAX_LINES ? n->nlines++ : MISSING_MAX_LINES - 1;
	for (; k > i; k--)
		n->lines[k] = n->lines[k - 1];
	n->lines[i] = line;
}

void missing_add(struct missing *m, const char *name, const char *what, int line)
{
	struct missing_name *n = find_or_add(m, name, what);

	if (n)
		add_use(n, line);
}

void missing_read(FILE *log, const char *file, struct missing *m)
{
	char line[1024], name[160];
	size_t flen = strlen(file);

	while (fgets(line, sizeof(line), log)) {
		const char *msg;
		struct missing_name *n;
		size_t k;
		int at;

		if (strncmp(line, file, flen) || line[flen] != ':' || !strstr(line, "error:"))
			continue;
		at = atoi(line + flen + 1);
		msg = strstr(line, "error:");
		for (k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++)
			if (quoted(msg, &patterns[k], name, sizeof(name) - 64))
				break;
		if (k == sizeof(patterns) / sizeof(patterns[0])) {
			if (!m->other_errors++)
				snprintf(m->first_other, sizeof(m->first_other), "line %d: %.*s", at,
					 (int)strcspn(msg + 7, "\n"), msg + 7);
			continue;
		}
		if (!strcmp(patterns[k].what, "member"))
			member_name(msg, name, sizeof(name));
		n = find_or_add(m, name, patterns[k].what);
		if (n)
			add_use(n, at);
	}
}

void missing_print(const struct missing *m, FILE *out)
{
	int i, k;

	for (i = 0; i < m->count; i++) {
		const struct missing_name *n = &m->n[i];

		fprintf(out, "  %-40s %-10s line", n->name, n->what);
		fprintf(out, "%s", n->nlines > 1 ? "s " : " ");
		for (k = 0; k < n->nlines; k++)
			fprintf(out, "%s%d", k ? ", " : "", n->lines[k]);
		if (n->uses > n->nlines)
			fprintf(out, " (%d uses)", n->uses);
		fputc('\n', out);
	}
}
