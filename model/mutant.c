// SPDX-License-Identifier: GPL-2.0-only
/* Mutants: parsing a mutant spec and the predicate the ledger consults on every release. */
#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "mutant.h"
#include "vocab.h"

struct mutant model_mutant;

int mutant_parse(const char *spec, struct mutant *m, char *err, size_t errlen)
{
	char buf[128], *label, *kind;

	memset(m, 0, sizeof(*m));
	if (!strcmp(spec, "none") || !*spec)
		return 0;
	if (strlen(spec) >= sizeof(buf) || strncmp(spec, "drop:", 5)) {
		snprintf(err, errlen, "mutant '%s': expected drop:LABEL:KIND or none", spec);
		return -1;
	}
	strcpy(buf, spec + 5);
	label = buf;
	kind = strchr(buf, ':');
	if (!kind) {
		snprintf(err, errlen, "mutant '%s': expected drop:LABEL:KIND", spec);
		return -1;
	}
	*kind++ = 0;
	m->label = label_by_name(label);
	if (!m->label) {
		snprintf(err, errlen, "mutant '%s': unknown label '%s'", spec, label);
		return -1;
	}
	m->kind = kind_by_name(kind);
	if (m->kind < 0) {
		snprintf(err, errlen, "mutant '%s': unknown object kind '%s'", spec, kind);
		return -1;
	}
	m->type = MUT_DROP_RELEASE;
	return 0;
}

void mutant_format(const struct mutant *m, char *buf, size_t len)
{
	if (m->type == MUT_DROP_RELEASE)
		snprintf(buf, len, "drop:%s:%s", label_names[m->label],
			 kind_names[m->kind]);
	else
		snprintf(buf, len, "none");
}

/* mutant_drops_release(), once a release-dropping mutant is in force: is it this label and kind? */
bool mutant_drops_release_here(int kind)
{
	return ledger.cur_label == model_mutant.label && kind == model_mutant.kind;
}
