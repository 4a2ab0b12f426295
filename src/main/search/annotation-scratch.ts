// The arrays a query of the annotation index scores into, by document number, reused by every
// query so that a word most annotations have costs no allocation per hit.

/**
 * A query's matching documents, by number, valid until the index is queried or changed again
 * (the arrays are the index's own, reused by every query).
 */
export interface AnnotationMatches {
  /** How many documents match: their numbers are `docs[0]` … `docs[count - 1]`, in no order. */
  readonly count: number
  readonly docs: Int32Array
  /** Scores by document number. */
  readonly scores: Float64Array
  /** The query's index terms each field of the document matched (lunr's matchData, in short). */
  matched(doc: number): Map<string, Set<string>>
}

export const NO_MATCHES: AnnotationMatches = {
  count: 0,
  docs: new Int32Array(0),
  scores: new Float64Array(0),
  matched: () => new Map()
}

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

/** Arrays by document number that every query reuses; stamps mark what this query has seen. */
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

  /** A number no mark in the arrays has yet. */
  stamp(): number {
    if (this.#stamp === 0xffffffff) {
      for (const marks of [this.seen, this.banned, this.clause]) marks.fill(0)
      this.#stamp = 0
    }
    return ++this.#stamp
  }
}
