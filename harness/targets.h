/* SPDX-License-Identifier: GPL-2.0-only */
/* The fuzz targets' registry: each target's input codec, and the shared body every target runs. */
#ifndef CLONEFUZZ_TARGETS_H
#define CLONEFUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#include "codec.h"
#include "run.h"

struct fuzz_target {
	const char *name;	/* "fuzz_scenario" */
	const char *what;
	size_t max_len;		/* longer inputs add nothing */
	int (*decode)(const uint8_t *data, size_t len, struct scenario *s,
		      char *err, size_t errlen);
	/* Return the length written to @buf (CODEC_MAX_SIZE), or -1 with @err. */
	long (*encode)(const struct scenario *s, uint8_t *buf, char *err, size_t errlen);
};

enum {
#define TARGET(n, dec, enc, max, what) TARGET_##n,
#include "targets.def"
#undef TARGET
	NR_TARGETS
};

extern const struct fuzz_target fuzz_targets[NR_TARGETS];

const struct fuzz_target *fuzz_target_find(const char *name);

/* The args format: profile, caller bits, flags and tls of one clone. */
#define ARGS_MIN_SIZE	10
#define ARGS_MAX_SIZE	51
int args_decode(const uint8_t *data, size_t len, struct scenario *s,
		char *err, size_t errlen);
long args_encode(const struct scenario *s, uint8_t *buf, char *err, size_t errlen);

/*
 * fuzz_one - the body of every LLVMFuzzerTestOneInput: decode @data for @t,
 * run it under every oracle and, if one fires (known defects aside), print
 * the violations and the scenario as text on stderr and abort().
 */
/* fuzz_init - once, before any input: apply the mutant in $CLONEFUZZ_MUTANT, if any. */
void fuzz_init(void);

int fuzz_one(const struct fuzz_target *t, const uint8_t *data, size_t size);

#endif
