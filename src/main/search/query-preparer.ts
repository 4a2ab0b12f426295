// Makes what the first query after loading would otherwise make (prepareSearch): shortly after
// loading ends, once the queries already waiting have been answered, and given up as soon as a
// sync starts (it is about to change what this prepares for).

import { settleOnce } from './heap-settle'
import type { LibraryView } from './search-view'
import { prepareSearch } from './text-search'
import type { LoadedShard } from './text-search'
import { log } from '../log/log'

// Quiet time after loading before the tables queries use are made.
const PREPARE_DELAY_MS = 100

/** The engine's state as preparing reads it. */
export interface PrepareState {
  view(): LibraryView
  readonly loaded: ReadonlyMap<string, LoadedShard>
  /** Whether the engine is closed or loading shards: nothing is prepared then. */
  busy(): boolean
  libraryRead(): boolean
}

export class QueryPreparer {
  readonly #state: PrepareState
  #timer: ReturnType<typeof setTimeout> | undefined
  #syncs = 0

  constructor(state: PrepareState) {
    this.#state = state
  }

  /**
   * Whether the text index's background preparation is done for the view and shards as they
   * stand (benchmarks time queries from then on). Stays false after a preparation that threw
   * (logged): nothing is prepared ahead then. A sync that fails schedules it again (IndexEngine).
   */
  get done(): boolean {
    return this.#done
  }

  #done = false

  /** A sync starts: what is being prepared is given up. */
  syncStarted(): void {
    this.#syncs += 1
    this.#done = false
  }

  /** Prepares for the view and shards as they stand after a quiet time. */
  schedule(): void {
    this.#done = false
    clearTimeout(this.#timer)
    // Counted now: a sync started before the timer fires plans other shards, and its build
    // schedules again when it ends (read when the timer fired, the outgoing view was prepared and
    // reported done while the new build ran).
    const syncs = this.#syncs
    this.#timer = setTimeout(() => {
      const state = this.#state
      const [view, loaded] = [state.view(), [...state.loaded.values()]]
      const wanted = () => !state.busy() && this.#syncs === syncs
      if (!wanted()) return
      // Once the library is read, the warm start's stored copies and the parsed files are garbage.
      if (state.libraryRead()) settleOnce(this)
      prepareSearch(loaded, view, wanted).then(
        // Each step gives up when `wanted` turns false: still wanted, they all ran (busy() turns
        // true and false again only across a sync, which `wanted` sees).
        () => (this.#done = wanted()),
        (e: unknown) => log.error('search index: preparing queries failed', e)
      )
    }, PREPARE_DELAY_MS)
    this.#timer.unref()
  }
}
