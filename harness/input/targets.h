/* SPDX-License-Identifier: GPL-2.0-only */
/* The fuzz targets' registry: which target reads which input format, and its codec. */
#ifndef CLONEFUZZ_TARGETS_H
#define CLONEFUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#include "codec.h"

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

#endif
