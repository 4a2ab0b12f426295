// Records kept by id and, alongside, in the order snapshots and views list them (creation time,
// then id), updated one record at a time: sorting every record on every change cost milliseconds
// per change in a briefing with ten thousand highlights.

import { byCreation } from '../../../shared/annotation-delta'

interface Dated {
  id: string
  createdAt: string
}

export class SortedRecords<T extends Dated> {
  readonly #byId = new Map<string, T>()
  readonly #sorted: T[] = []

  get size(): number {
    return this.#byId.size
  }

  get(id: string): T | undefined {
    return this.#byId.get(id)
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  set(id: string, record: T): void {
    const previous = this.#byId.get(id)
    if (previous) this.#sorted.splice(this.#position(previous), 1)
    this.#byId.set(id, record)
    this.#sorted.splice(this.#position(record), 0, record)
  }

  delete(id: string): void {
    const previous = this.#byId.get(id)
    if (!previous) return
    this.#byId.delete(id)
    this.#sorted.splice(this.#position(previous), 1)
  }

  /** The records in order (a copy). */
  list(): T[] {
    return this.#sorted.slice()
  }

  /** Where `record` is, or would go, in the sorted list (binary search). */
  #position(record: T): number {
    let low = 0
    let high = this.#sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (byCreation(this.#sorted[middle]!, record) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
}
