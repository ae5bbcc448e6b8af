// SPDX-License-Identifier: GPL-2.0-only
/* The fuzz target registry, expanded from targets.def. */
#include <string.h>

#include "targets.h"

static long scenario_encode_any(const struct scenario *s, uint8_t *buf,
				char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	return (long)scenario_encode(s, buf);
}

const struct fuzz_target fuzz_targets[NR_TARGETS] = {
#define TARGET(n, dec, enc, max, w) [TARGET_##n] = { "fuzz_" #n, w, max, dec, enc },
#include "targets.def"
#undef TARGET
};

const struct fuzz_target *fuzz_target_find(const char *name)
{
	size_t i;

	for (i = 0; i < NR_TARGETS; i++)
		if (!strcmp(fuzz_targets[i].name, name) ||
		    !strcmp(fuzz_targets[i].name + 5, name))
			return &fuzz_targets[i];
	return NULL;
}
