// The annotation index's postings as queries walk them: packed into typed arrays when a query
// first needs them, and kept until they change. Walking a Map of 50,000 documents cost more than
// the rest of a query, and most of a first query (cold code).

// Terms whose postings are kept packed (then forgotten all at once).
const PACKED_KEPT = 10_000

/** One field's posting of a term in arrays, in the posting's order (what queries walk). */
export interface Packed {
  docs: Int32Array
  tfs: Int32Array
  /**
   * Each document's BM25 weight as the last query computed it, and what it depended on besides
   * the posting: while the field's average length and the term's idf stay the same, the next
   * query reads them rather than computing them again.
   */
  weights?: { average: number; idf: number; values: Float64Array }
}

/** term → per field: document number → term frequency. */
export type Postings = ReadonlyMap<string, readonly ReadonlyMap<number, number>[]>

export class PackedPostings {
  readonly #postings: Postings
  /** Postings queried since they last changed, per field. */
  readonly #packed = new Map<string, Packed[]>()

  constructor(postings: Postings) {
    this.#postings = postings
  }

  /** The term's posting per field in arrays (the term must be in the postings). */
  of(term: string): Packed[] {
    let packed = this.#packed.get(term)
    if (packed) return packed
    packed = this.#postings.get(term)!.map((byDoc) => {
      const docs = new Int32Array(byDoc.size)
      const tfs = new Int32Array(byDoc.size)
      let i = 0
      // forEach rather than for…of: the first query runs this cold, and the iterator costs there.
      byDoc.forEach((tf, doc) => {
        docs[i] = doc
        tfs[i++] = tf
      })
      return { docs, tfs }
    })
    // Wildcards and fuzzy words may pack many terms: they are packed again when next needed.
    if (this.#packed.size >= PACKED_KEPT) this.#packed.clear()
    this.#packed.set(term, packed)
    return packed
  }

  /** The term's postings changed (or are gone): packed afresh when next queried. */
  changed(term: string): void {
    this.#packed.delete(term)
  }
}
