// Loads the planned shards of the search index one after another: each read from the cache or
// built from the library's documents (giving queries a turn every millisecond meanwhile),
// with the cache writes that follow queued one at a time, off the path to searchable; and builds
// an import's briefings at once, in a shard of their own.

import { setImmediate as nextTurn } from 'node:timers/promises'

import type lunr from 'lunr'

import { describeError } from '../errors'
import type { IndexCache } from './index-cache'
import type { CachedShard } from './index-cache'
import { PostingBuilder, TermAnalyser } from './posting-builder'
import { PostingIndex } from './posting-index'
import type { PostingArrays } from './posting-index'
import { shardKey } from './search-view'
import type { LibraryView } from './search-view'
import type { IndexedSection } from './section-index'
import { isCovered, nextTarget, redundantShards } from './shard-coverage'
import type { Target } from './shard-coverage'
import { storeSections } from './stored-sections'
import type { StoredSections } from './stored-sections'
import type { LoadedShard } from './text-search'
import { TimeSlice } from '../time-slice'
import { log } from '../log/log'

/** A shard in memory; a cached one keeps its stored sections until the library has been read. */
export type HeldShard = LoadedShard & { stored?: StoredSections }

/** The engine's state the build loop works on: a sync may change the view and the plan meanwhile. */
export interface BuildState {
  view(): LibraryView
  targets(): readonly Target[]
  readonly loaded: Map<string, HeldShard>
  readonly counts: { built: number; fromCache: number }
  closed(): boolean
}

export class ShardBuilder {
  readonly #cache: IndexCache
  readonly #analyser: TermAnalyser
  readonly #state: BuildState
  /** Shards that could not be built: not tried again until their content changes. */
  readonly #failed = new Set<string>()
  #writes: Promise<void> = Promise.resolve()
  #loadWaiters: (() => void)[] = []

  constructor(cache: IndexCache, pipeline: lunr.Pipeline, state: BuildState) {
    this.#cache = cache
    this.#analyser = new TermAnalyser(pipeline)
    this.#state = state
  }

  /** Resolves the next time a shard has been loaded (or has failed to build). */
  nextLoad(): Promise<void> {
    return new Promise((resolve) => this.#loadWaiters.push(resolve))
  }

  #shardDone(): void {
    for (const wake of this.#loadWaiters.splice(0)) wake()
  }

  /** The next planned shard to load, if any. */
  next(): Target | undefined {
    const state = this.#state
    return nextTarget(state.targets(), state.loaded, this.#failed, state.view().hashes)
  }

  /** Loads every planned shard not loaded yet, then records the plan as complete if it is. */
  async buildAll(): Promise<void> {
    const state = this.#state
    for (;;) {
      const next = this.next()
      if (!next || state.closed()) break
      try {
        const cached = await this.#cache.read(next.key)
        if (cached) state.counts.fromCache += 1
        const started = performance.now()
        const shard = cached ?? (await this.#build(next))
        log.info(
          `search index: shard ${next.name} ${cached ? 'read from the cache' : 'built'} in ${Math.round(performance.now() - started)} ms`
        )
        // The library has been read by now: its sections serve hits, not the stored copies.
        delete shard.stored
        state.loaded.set(next.key, shard)
      } catch (error) {
        // Not retried until its content changes: its briefings stay "still indexing".
        this.#failed.add(next.key)
        log.error(`search index: shard ${next.name} could not be built`, error)
      }
      const planned = new Set(state.targets().map((t) => t.key))
      for (const key of redundantShards(state.loaded, planned, state.view().hashes)) {
        state.loaded.delete(key)
      }
      this.#shardDone()
    }
    await this.#writes
    const targets = state.targets()
    const keys = targets.map((t) => t.key)
    if (keys.every((key) => state.loaded.has(key))) {
      const view = state.view()
      const count = (ids: Iterable<string>) =>
        [...ids].reduce((sum, id) => sum + (view.sectionCounts.get(id) ?? 0), 0)
      await this.#cache.writeWarm(
        targets.map(({ key, members }) => ({
          key,
          sections: count(members.keys()),
          briefings: members.size
        }))
      )
    }
    await this.#cache.prune(new Set(keys))
  }

  async #build(target: Target): Promise<CachedShard> {
    const { arrays, refs } = await this.postings(target.members.keys())
    this.#state.counts.built += 1
    // Searchable now, cached meanwhile: the file (and the sections stored with it) is written
    // while the next shard builds, or while queries are answered.
    // The shard's sections as built: the view's maps change in place with the next import
    // (viewByDifference), possibly before this write.
    const current = this.#state.view()
    const sections = new Map<string, IndexedSection>()
    for (const ref of refs) {
      const entry = current.sections.get(ref)
      if (entry) sections.set(ref, entry)
    }
    const view = { ...current, sections }
    this.queueWrite(async () => {
      const stored = storeSections(view, refs)
      await this.#cache.write(target.key, { arrays, built: target.members, refs, stored })
    })
    return { index: new PostingIndex(arrays), built: target.members, refs }
  }

  /**
   * Makes the briefings an import added or changed searchable at once, in a shard of their own
   * (a few sections: milliseconds), kept out of the plan and the cache: the planned shard that
   * takes them in (the recent one, rebuilt in the background) makes it redundant.
   */
  async loadImported(changed: ReadonlySet<string>): Promise<void> {
    const state = this.#state
    const { hashes } = state.view()
    const members = new Map<string, string>()
    for (const id of changed) {
      const hash = hashes.get(id)
      if (hash !== undefined && !isCovered(id, hashes, state.loaded)) members.set(id, hash)
    }
    if (members.size === 0 || state.closed()) return
    const { arrays, refs } = await this.postings(members.keys())
    const shard = { index: new PostingIndex(arrays), built: members, refs }
    state.loaded.set(`import:${shardKey(members)}`, shard)
    this.#shardDone()
  }

  /**
   * The postings of these briefings' sections, in the view as it stands, and their refs. Queries
   * get a turn once a slice's time is used, checked after each document: a count of documents
   * between turns bounds nothing when sections are long (an imported article's can run to
   * thousands of words).
   */
  async postings(
    ids: Iterable<string>,
    slice = new TimeSlice()
  ): Promise<{ arrays: PostingArrays; refs: string[] }> {
    const builder = new PostingBuilder(this.#analyser)
    const refs: string[] = []
    for (const id of ids) {
      for (const document of this.#state.view().documents(id)) {
        builder.add(document)
        refs.push(document.ref)
        if (slice.due()) await slice.next()
      }
    }
    return { arrays: builder.build(), refs }
  }

  /**
   * Cache writes, one at a time in the order queued, off the path to searchable: one not made
   * yet costs a rebuild at the next start, nothing more. The build loop waits for them before it
   * records the index as complete.
   */
  queueWrite(write: () => Promise<void>): void {
    this.#writes = this.#writes
      .then(yieldToQueries)
      .then(write)
      .catch((error: unknown) => log.warn(`search cache: a write failed: ${describeError(error)}`))
  }

  /** Resolves once the writes queued so far are made (or have failed). */
  written(): Promise<void> {
    return this.#writes
  }
}

export function yieldToQueries(): Promise<void> {
  return nextTurn()
}
