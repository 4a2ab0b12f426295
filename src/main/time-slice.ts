// Long passes (the library's parsing, and in the index process its view, tables and words, the
// term union, a shard's postings) give waiting messages a turn once a millisecond has passed:
// a query or IPC call meanwhile waits about that long, however large the library.

import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'

/** Longest stretch of such a pass between two turns. */
export const SLICE_MS = 1

export class TimeSlice {
  readonly #now: () => number
  #since: number

  /** `now` is the clock (tests pass their own). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now
    this.#since = now()
  }

  /** Whether this slice's time is used up (the caller then awaits `next()`). */
  due(): boolean {
    return this.#now() - this.#since >= SLICE_MS
  }

  /** Lets queries and messages waiting run, then starts a new slice. */
  async next(): Promise<void> {
    await nextTurn()
    this.#since = this.#now()
  }
}
