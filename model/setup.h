/* SPDX-License-Identifier: GPL-2.0-only */
/* The baseline world: built from a scenario's configuration, above the kernel helpers it uses. */
#ifndef CLONEFUZZ_SETUP_H
#define CLONEFUZZ_SETUP_H

#include "world.h"

/* Build the baseline world from @cfg. */
void world_setup(const struct world_config *cfg);

#endif
