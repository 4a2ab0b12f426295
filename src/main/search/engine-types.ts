// What the index engine (index-engine.ts) is given and what it reports: its options, the library
// changes a sync names, and its running figures.

import type { ShardLimits } from './shard-plan'

/**
 * What main changed in the library since the last sync: the briefings whose files an import (or
 * an edit) committed, added, replaced or removed. Their files are the library's `<id>.json`.
 */
export interface LibraryChanges {
  briefings: readonly string[]
}

export interface EngineOptions {
  datasetDir: string
  userDataDir: string
  /** Shard sizes in sections; the defaults suit the app (tests use small ones). */
  shardLimits?: ShardLimits
  /**
   * Only the cache's shards are loaded at start: the library is read on the first `sync()`, which
   * main sends once it has loaded the library itself (reading beside main slowed main's load).
   */
  libraryLater?: boolean
  /** Waits before each read again of files a sync could not read (tests pass short ones). */
  retryUnreadableMs?: readonly number[]
}

export interface EngineStats {
  /** Shards in memory now. */
  shards: number
  cacheBytes: number
  /** Shards built from documents, and loaded from the cache, since the engine started. */
  built: number
  fromCache: number
  /** Queries answered, and the milliseconds they took in all and matching postings. */
  queryTime: { queries: number; scoringMs: number; totalMs: number }
  /** Whether fuzzy words expand over the library's words yet (collected after loading). */
  wordsReady: boolean
  /** Whether everything queries use is prepared: no more work in the background (QueryPreparer). */
  prepared: boolean
}
