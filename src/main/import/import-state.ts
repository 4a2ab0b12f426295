// What one profile's imports keep between calls, on its services object: the queue that runs
// one library change at a time, and the imports held as version offers awaiting a decision.

import type { HeldOffer } from './version-offers'

export class ImportState {
  // Each import reads the library, picks ids and swaps the library in, so two at once could
  // choose the same id or drop each other's briefings.
  #last: Promise<unknown> = Promise.resolve()

  /** Offers held under their token, oldest first (see version-offers.ts). */
  readonly held = new Map<string, HeldOffer>()

  /** Runs `work` once every import or version change queued before it has finished. */
  queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#last.then(work)
    this.#last = next.catch(() => undefined)
    return next
  }
}
