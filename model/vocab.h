/* SPDX-License-Identifier: GPL-2.0-only */
/* Enums and names for the model's vocabulary, expanded from the .def tables. */
#ifndef CLONEFUZZ_VOCAB_H
#define CLONEFUZZ_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#define KV(a, b, c) (((a) << 16) | ((b) << 8) | (c))

enum kind {
#define KIND(n, d) KIND_##n,
#include "kinds.def"
#undef KIND
	NR_KINDS
};

enum site_id {
	SITE_none,
#define SITE(n, d) SITE_##n,
#include "sites.def"
#undef SITE
	NR_SITES
};

enum label_id {
	L_none,
#define LABEL(n) L_##n,
#include "labels.def"
#undef LABEL
	NR_LABELS
};

enum check_id {
	CHECK_none,
#define CHECK(n) CHECK_##n,
#include "checks.def"
#undef CHECK
	NR_CHECKS
};

enum {
#define FLAG(n, v, first, last) n = v,
#include "flags.def"
#undef FLAG
};

/*
 * Errno constants from errnos.def. A file that includes the C library's
 * <errno.h> first keeps its macros: on Linux they have the same values, which
 * vocab.c asserts. ERESTARTNOINTR is kernel-internal and always comes from here.
 */
#ifndef EPERM
enum {
#define ERRNO(n, v) n = v,
#include "errnos.def"
#undef ERRNO
};
#else
#define ERESTARTNOINTR 513
#endif

enum {
#define CAPABILITY(n, b) n = b,
#include "caps.def"
#undef CAPABILITY
	CAP_LAST_CAP = CAP_AUDIT_READ
};

enum {
#define SIGNAL(n, v) n = v,
#include "signals.def"
#undef SIGNAL
};

struct flag_name {
	const char *name;
	unsigned long long value;
	int first, last;	/* kernel versions (KV) that define it */
};

extern const char *const kind_names[NR_KINDS];
extern const char *const kind_descs[NR_KINDS];
extern const char *const site_names[NR_SITES];
extern const char *const site_descs[NR_SITES];
extern const char *const label_names[NR_LABELS];
extern const char *const check_names[NR_CHECKS];
extern const struct flag_name flag_names[];
extern const size_t nr_flag_names;

struct named_value {
	const char *name;
	int value;
};

extern const struct named_value cap_names[];
extern const size_t nr_cap_names;
extern const struct named_value signal_names[];
extern const size_t nr_signal_names;

const char *errno_name(int err);	/* "EINVAL", or NULL */
int errno_by_name(const char *name);	/* value, or 0 */
int site_by_name(const char *name);	/* SITE_*, or SITE_none */
int label_by_name(const char *name);
int check_by_name(const char *name);
int kind_by_name(const char *name);

#endif
