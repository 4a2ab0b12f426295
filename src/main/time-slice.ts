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

/**
 * Runs pieces of work one at a time, in the order given, each after a turn if the slice's time is
 * used: work that becomes ready together (files whose reads complete in one turn) would otherwise
 * run back to back, as one long stretch.
 */
export class SlicedQueue {
  readonly #slice: TimeSlice
  #tail: Promise<unknown> = Promise.resolve()

  constructor(slice = new TimeSlice()) {
    this.#slice = slice
  }

  /** Resolves with what `work` answers (rejects with what it throws), once it has run. */
  run<T>(work: () => T): Promise<T> {
    const ran = this.#tail.then(async () => {
      if (this.#slice.due()) await this.#slice.next()
      return work()
    })
    this.#tail = ran.catch(() => undefined)
    return ran
  }
}
