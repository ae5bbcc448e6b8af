/* SPDX-License-Identifier: GPL-2.0-only */
/* Slab caches for a source profile: each allocates its kind through the ledger, behind the fault site of the step that allocates. */
#ifndef CLONEFUZZ_SHIM_SLAB_H
#define CLONEFUZZ_SHIM_SLAB_H

#include <stddef.h>

#include "shim/consts.h"

struct kmem_cache {
	int kind;		/* enum kind it makes */
	size_t size;		/* sizeof the model's struct */
	int site;		/* SITE_* where an allocation from it fails */
};

#define SHIM_CACHE(name, kind, site) extern struct kmem_cache *name;
#include "shim/caches.def"
#undef SHIM_CACHE

/* A new object of the cache's kind, held by the task being built; NULL when the site fails. */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
/*
 * Free @obj: the holds the task being built has on it go with it.
 * model: the kernel frees a struct it never shared with its counters as
 * they stand; the ledger holds them, so they are dropped first, and a hold
 * anyone else has left is reported as a free of a referenced object.
 */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

#endif
