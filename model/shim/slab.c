// SPDX-License-Identifier: GPL-2.0-only
/* The slab caches of a source profile: kinds, sizes and fault sites from caches.def; objects and holds from the ledger. */
#include "fault.h"
#include "world.h"
#include "shim/ops.h"
#include "shim/slab.h"

#define SHIM_CACHE(name, k, s)						\
	static struct kmem_cache name##_cache = { KIND_##k, sizeof(struct k), SITE_##s }; \
	struct kmem_cache *name = &name##_cache;
#include "shim/caches.def"
#undef SHIM_CACHE

void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	(void)gfp;
	if (model_fail(cache->site, false))
		return NULL;
	return obj_new(cache->kind, cache->size, shim_child ? &shim_child->obj : NULL);
}

void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp)
{
	return kmem_cache_alloc(cache, gfp);	/* the ledger's objects start zeroed */
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	struct kobj *o = obj, *owner = shim_child ? &shim_child->obj : NULL;
	int t;

	(void)cache;
	for (t = 0; t < NR_HOLDS; t++)
		while (t != HOLD_LOCK && hold_count(o, owner, t) > 0)
			hold_put(o, owner, t);
	kobj_free(o);
}
