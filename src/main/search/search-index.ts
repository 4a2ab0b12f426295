// The search index as its process serves it and as tests use it in their thread: the IndexEngine
// loading from the start, answering with plain data, and reporting its process's memory; and the
// search over highlights and notes, which main keeps in step one change at a time.

import { randomUUID } from 'node:crypto'

import type { IndexStatus, SearchFilters } from '../../shared/search'
import { createAnnotationSearch } from './annotation-search'
import type { AnnotationAnswer, AnnotationChanges, CombinedAnswer } from './annotation-search'
import { mergeFacets } from './annotation-facets'
import { settleNow } from './heap-settle'
import { memory } from '../background/process-memory'
import { log } from '../log/log'
import { IndexEngine } from './index-engine'
import type { EngineOptions, EngineStats, LibraryChanges } from './engine-types'
import { timeQueryBurst } from './query-burst'
import type { BurstTimes, QueryBurst } from './query-burst'
import type { SearchService, TextQuery, TextResponse } from './search-service'

/** What the index reports: the engine's figures, and its process's memory (bytes). */
export interface IndexStats extends EngineStats {
  rss: number
  /** Peak resident set size of the process so far. */
  maxRss: number
  heapUsed: number
  /** Memory of ArrayBuffers (the index's typed arrays), outside the JavaScript heap. */
  arrayBuffers: number
}

export class SearchIndex implements SearchService {
  readonly #engine: IndexEngine
  readonly #annotations = createAnnotationSearch()
  /** Names this object: main sends every annotation again when it answers to another name. */
  readonly #instance = randomUUID()
  readonly #onLoadError: (error: unknown) => void
  #libraryAsked = false

  /**
   * Starts loading at once (only the cache with `libraryLater`, until `readLibrary`); calls wait
   * for it where needed. `onLoadError` hears a failure of the library's first read.
   */
  constructor(options: EngineOptions, onLoadError: (error: unknown) => void = () => undefined) {
    this.#engine = new IndexEngine(options)
    this.#onLoadError = onLoadError
    if (options.libraryLater) this.#engine.warmUp()
    else void this.readLibrary()
  }

  /**
   * Starts reading the library and indexing it, and returns at once: main, which has just loaded
   * the library, names its files with their stamps (`LoadedLibrary.files`: the index reads those
   * and takes main's checks of the unchanged ones), and does not wait for the build (a wait cut
   * short by closing is no failure). Once a process: one started after another died reads the
   * library as it starts, and main's call, meant for the first, would read it all again.
   */
  async readLibrary(files?: readonly (readonly [string, string])[]): Promise<void> {
    if (this.#libraryAsked) return
    this.#libraryAsked = true
    this.#engine.readLibrary(files && new Map(files)).catch(this.#onLoadError)
  }

  /** Rescans the library, or with `changes` reads only the briefings main changed. */
  sync(changes?: LibraryChanges): Promise<void> {
    return this.#engine.sync(changes)
  }

  whenComplete(): Promise<void> {
    return this.#engine.whenComplete()
  }

  async status(): Promise<IndexStatus> {
    return this.#engine.status()
  }

  async search(query: TextQuery): Promise<TextResponse> {
    await this.#wordsFor(query.query)
    return this.#engine.search(query)
  }

  /**
   * A query with a fuzzy word waits until fuzzy words expand over the library's words, as the
   * README says they do: in the seconds after a start they are still being collected (2.2 s at
   * 50,000 sections). Should collecting fail, the query is answered as it can be (lunr's
   * expansion of the stem) and the fault logged.
   */
  async #wordsFor(query: string): Promise<void> {
    await this.#engine
      .wordsFor(query)
      .catch((error: unknown) =>
        log.error('search index: collecting the library words failed', error)
      )
  }

  /**
   * Benchmark probe, never called by the app: `query` searched `burst.runs` times back-to-back
   * in this process (after `burst.warmup` runs): each run's milliseconds and the last answer.
   */
  async timeSearchBurst(query: TextQuery, burst: QueryBurst): Promise<BurstTimes<TextResponse>> {
    return timeQueryBurst(query.query, burst, () => this.#engine.search(query))
  }

  /** Applies main's changes to the searchable annotations, in order; answers this index's name. */
  async changeAnnotations(changes: AnnotationChanges): Promise<string> {
    for (const change of changes) {
      if (change.documents) this.#annotations.setBriefing(change.briefingId, change.documents)
      else this.#annotations.patchBriefing(change.briefingId, change.put, change.removed)
    }
    return this.#instance
  }

  /**
   * Once main has sent every briefing's annotations: a full collection, then the query path
   * prepared on the term most of them have (AnnotationSearch.prepare), after the collection so
   * that nothing it made is collected again. What indexing them made was still in the young
   * generation, and the first collections after it (30-40 ms each, as they moved it) fell on
   * the queries that followed.
   */
  async settleAnnotations(): Promise<void> {
    settleNow('annotations indexed, heap settled')
    const started = performance.now()
    const term = this.#annotations.prepare()
    const ms = Math.round(performance.now() - started)
    log.info(`search index: annotation queries prepared on "${term ?? ''}" in ${ms} ms`)
  }

  /** Hits among highlights and notes, with facet counts over all of them (plain data). */
  async searchAnnotations(
    query: string,
    options: { take: number; filters?: SearchFilters }
  ): Promise<AnnotationAnswer> {
    const result = this.#searchAnnotations(query, options)
    const { briefing, entity, tag, color } = result.facets
    return {
      instance: this.#instance,
      total: result.total,
      hits: result.hits,
      facets: { briefing: briefing.all(), entity: entity.all(), tag: tag.all(), color: color.all() }
    }
  }

  /**
   * The text search and the annotation search of one query in one call, their facets merged
   * here: the text search's error (a query it cannot parse) is the one reported.
   */
  async searchTogether(query: TextQuery & { take: number }): Promise<CombinedAnswer> {
    await this.#wordsFor(query.query)
    const { facets, ...text } = this.#engine.search(query)
    const notes = this.#searchAnnotations(query.query, {
      take: query.take,
      ...(query.filters ? { filters: query.filters } : {})
    })
    return {
      instance: this.#instance,
      text,
      notes: { total: notes.total, hits: notes.hits },
      facets: mergeFacets(facets, notes.facets)
    }
  }

  #searchAnnotations(query: string, options: { take: number; filters?: SearchFilters }) {
    return this.#annotations.search(query, {
      ...options,
      sectionEntities: (briefingId, sectionId) =>
        this.#engine.sectionEntities(briefingId, sectionId),
      entitiesVersion: this.#engine.entitiesVersion
    })
  }

  async stats(): Promise<IndexStats> {
    return { ...(await this.#engine.stats()), ...memory() }
  }

  /**
   * Stops the engine; in a process, main closes by stopping the process instead. Resolves once
   * the cache writes in flight are made: a caller that removes the profile next (tests) would
   * otherwise see those writes make its folders again.
   */
  async close(): Promise<void> {
    const stopped = this.#engine.close()
    this.#annotations.close()
    await stopped
  }
}
