// The index's first answers after a start: the shards that made up the index when it was last
// complete, loaded from the cache before the library files are read, queries answered from the
// sections stored with them meanwhile.

import type { CachedShard, IndexCache, WarmShard } from './index-cache'
import { yieldToQueries } from './shard-builder'
import type { HeldShard } from './shard-builder'
import { StoredView } from './stored-sections'

/** The engine's state a warm start fills. */
export interface WarmState {
  readonly loaded: Map<string, HeldShard>
  readonly counts: { fromCache: number }
  /** Shards still to load, by key (the status counts them): filled first, emptied as they load. */
  readonly pending: Map<string, WarmShard>
  /** Called after each shard loaded, with the stored sections of those loaded so far. */
  storedLoaded(stored: StoredView): void
}

/**
 * Loads the shards that made up the index when it was last complete, smallest first, and
 * answers from their stored sections: searchable before the library files are read and
 * checked. Should the files have changed since, the sync that follows corrects it.
 */
export async function warmStart(cache: IndexCache, state: WarmState): Promise<void> {
  // Smallest first: the first answers come from whatever loads quickest.
  const warm = await cache.readWarm()
  const { pending } = state
  pending.clear()
  for (const shard of warm) pending.set(shard.key, shard)
  const stored = new StoredView()
  try {
    // By the section counts warm.json records: a stat of every file first cost a round trip to
    // the I/O threads per shard before the first one was read.
    const keys = [...pending.values()].sort((a, b) => a.sections - b.sections).map((s) => s.key)
    // The next file is read while this one is decoded (the reads run on the I/O threads).
    let reading = keys.length > 0 ? cache.readBytes(keys[0]!) : undefined
    for (const [i, key] of keys.entries()) {
      const bytes = await reading
      reading = i + 1 < keys.length ? cache.readBytes(keys[i + 1]!) : undefined
      const shard: CachedShard | undefined = cache.load(bytes, key)
      pending.delete(key)
      if (!shard?.stored) continue
      state.counts.fromCache += 1
      state.loaded.set(key, shard)
      stored.add(shard)
      state.storedLoaded(stored)
      // The next file is often read by now: without a turn of the event loop, queries sent
      // meanwhile would wait for every shard.
      await yieldToQueries()
    }
  } finally {
    pending.clear()
  }
}
