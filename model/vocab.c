// SPDX-License-Identifier: GPL-2.0-only
/* Name tables for the model's vocabulary, generated from the .def files. */
#include <string.h>

#include "vocab.h"

const char *const kind_names[NR_KINDS] = {
#define KIND(n, d) [KIND_##n] = #n,
#include "kinds.def"
#undef KIND
};

const char *const kind_descs[NR_KINDS] = {
#define KIND(n, d) [KIND_##n] = d,
#include "kinds.def"
#undef KIND
};

const char *const site_names[NR_SITES] = {
	[SITE_none] = "none",
#define SITE(n, d) [SITE_##n] = #n,
#include "sites.def"
#undef SITE
};

const char *const site_descs[NR_SITES] = {
	[SITE_none] = "no site",
#define SITE(n, d) [SITE_##n] = d,
#include "sites.def"
#undef SITE
};

const char *const label_names[NR_LABELS] = {
	[L_none] = "none",
#define LABEL(n) [L_##n] = #n,
#include "labels.def"
#undef LABEL
};

const char *const check_names[NR_CHECKS] = {
	[CHECK_none] = "none",
#define CHECK(n) [CHECK_##n] = #n,
#include "checks.def"
#undef CHECK
};

const struct flag_name flag_names[] = {
#define FLAG(n, v, first, last) { #n, v, first, last },
#include "flags.def"
#undef FLAG
};
const size_t nr_flag_names = sizeof(flag_names) / sizeof(flag_names[0]);

const struct named_value cap_names[] = {
#define CAPABILITY(n, b) { #n, b },
#include "caps.def"
#undef CAPABILITY
};
const size_t nr_cap_names = sizeof(cap_names) / sizeof(cap_names[0]);

const struct named_value signal_names[] = {
#define SIGNAL(n, v) { #n, v },
#include "signals.def"
#undef SIGNAL
};
const size_t nr_signal_names = sizeof(signal_names) / sizeof(signal_names[0]);

#include <errno.h>
#define ERRNO(n, v) _Static_assert(n == v, #n " differs from <errno.h>");
#include "errnos.def"
#undef ERRNO

static const struct named_value errno_table[] = {
#define ERRNO(n, v) { #n, v },
#include "errnos.def"
#undef ERRNO
};

const char *errno_name(int err)
{
	size_t i;

	for (i = 0; i < sizeof(errno_table) / sizeof(errno_table[0]); i++)
		if (errno_table[i].value == err)
			return errno_table[i].name;
	return NULL;
}

int errno_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(errno_table) / sizeof(errno_table[0]); i++)
		if (!strcmp(errno_table[i].name, name))
			return errno_table[i].value;
	return 0;
}

static int index_of(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 1; i < n; i++)
		if (names[i] && !strcmp(names[i], name))
			return i;
	return 0;
}

int site_by_name(const char *name)
{
	return index_of(site_names, NR_SITES, name);
}

int label_by_name(const char *name)
{
	return index_of(label_names, NR_LABELS, name);
}

int check_by_name(const char *name)
{
	return index_of(check_names, NR_CHECKS, name);
}

int kind_by_name(const char *name)
{
	int i;

	for (i = 0; i < NR_KINDS; i++)
		if (!strcmp(kind_names[i], name))
			return i;
	return -1;
}
