// The arrays a query scores into, by document number, reused by every query so that a word most
// documents have costs no allocation per hit: a text shard's query (posting-query.ts) and the
// annotation index's (annotation-index.ts). Queries run one at a time on each Scratch.

/** The array with room for at least `size` numbers (doubling, so growing is rare). */
export function grown<T extends Int32Array | Uint32Array | Float64Array>(
  array: T,
  size: number
): T {
  if (array.length >= size) return array
  const bigger = new (array.constructor as new (length: number) => T)(
    Math.max(size, array.length * 2)
  )
  bigger.set(array)
  return bigger
}

/**
 * Arrays by document number that every query reuses. Nothing is cleared between queries: the
 * mark arrays hold stamps, and a document's other entries count only once the query has marked
 * it `seen` with its own stamp (it resets them then).
 */
export class Scratch {
  scores = new Float64Array(0)
  dot = new Float64Array(0)
  /** This query's stamp: the document is a candidate / is excluded by a prohibited clause. */
  seen = new Uint32Array(0)
  banned = new Uint32Array(0)
  /** The last required clause counted for the document, and how many it matched. */
  clause = new Uint32Array(0)
  required = new Uint32Array(0)
  candidates = new Int32Array(0)
  docs = new Int32Array(0)
  #stamp = 0

  fit(size: number): void {
    if (this.seen.length >= size) return
    this.scores = grown(this.scores, size)
    this.dot = grown(this.dot, size)
    this.seen = grown(this.seen, size)
    this.banned = grown(this.banned, size)
    this.clause = grown(this.clause, size)
    this.required = grown(this.required, size)
    this.candidates = grown(this.candidates, size)
    this.docs = grown(this.docs, size)
  }

  /**
   * `count` numbers no mark in the arrays has yet, the first returned and the others following
   * it: taken at a query's start, no stamp runs out (clearing the marks) halfway through it.
   */
  stamps(count: number): number {
    if (this.#stamp > 0xffffffff - count) {
      for (const marks of [this.seen, this.banned, this.clause]) marks.fill(0)
      this.#stamp = 0
    }
    const first = this.#stamp + 1
    this.#stamp += count
    return first
  }
}
