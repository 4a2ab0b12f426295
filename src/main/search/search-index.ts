// The search index as its process serves it and as tests use it in their thread: the IndexEngine
// loading from the start, answering with plain data, and reporting its process's memory.

import type { IndexStatus } from '../../shared/search'
import { memory } from '../background/process-memory'
import { IndexEngine } from './index-engine'
import type { EngineOptions } from './index-engine'
import type { SearchService, TextQuery, TextResponse } from './search-service'

/** What the index reports about itself and its process (bytes). */
export interface IndexStats {
  shards: number
  cacheBytes: number
  built: number
  fromCache: number
  queryTime: { queries: number; scoringMs: number; totalMs: number }
  rss: number
  /** Peak resident set size of the process so far. */
  maxRss: number
  heapUsed: number
  /** Memory of ArrayBuffers (the index's typed arrays), outside the JavaScript heap. */
  arrayBuffers: number
}

export class SearchIndex implements SearchService {
  readonly #engine: IndexEngine

  /** Starts loading at once; calls wait for it where needed. `onLoadError` hears a failure. */
  constructor(options: EngineOptions, onLoadError: (error: unknown) => void = () => undefined) {
    this.#engine = new IndexEngine(options)
    this.#engine.sync().catch(onLoadError)
  }

  sync(): Promise<void> {
    return this.#engine.sync()
  }

  whenComplete(): Promise<void> {
    return this.#engine.whenComplete()
  }

  async status(): Promise<IndexStatus> {
    return this.#engine.status()
  }

  async search(query: TextQuery): Promise<TextResponse> {
    return this.#engine.search(query)
  }

  async stats(): Promise<IndexStats> {
    return { ...(await this.#engine.stats()), ...memory() }
  }

  /** Stops the engine; in a process, main closes by stopping the process instead. */
  async close(): Promise<void> {
    this.#engine.close()
  }
}
