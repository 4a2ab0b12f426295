// A shard's index as the index process keeps and queries it: typed arrays of postings (term ×
// field → documents and lunr's weights), built by posting-builder.ts. Loaded lunr indexes are
// millions of small objects; these are a few flat arrays.

export interface PostingArrays {
  fields: readonly string[]
  /** Documents are numbered 0 … documentCount - 1 (the order they were added in). */
  documentCount: number
  /** Index terms, sorted as lunr sorts them (by UTF-16 code unit). */
  terms: readonly string[]
  /** Postings of term t in field f are offsets[t × fields + f] … offsets[t × fields + f + 1]. */
  offsets: Int32Array
  /** Document numbers, ascending within each posting list. */
  documents: Int32Array
  /** lunr's weight of the term in that document's field: BM25 × field boost, 3 decimals. */
  weights: Float64Array
}

/** PostingArrays with each weight × 1000, an integer: what a cache file holds. */
export type MilliPostingArrays = Omit<PostingArrays, 'weights'> & { weightMillis: Int32Array }

/** Postings plus what queries need to find terms: a lookup table, made when first asked for. */
export class PostingIndex {
  readonly fields: readonly string[]
  readonly documentCount: number
  readonly terms: readonly string[]
  readonly offsets: Int32Array
  readonly documents: Int32Array
  /**
   * Each posting's weight × 1000: lunr rounds weights to 3 decimals, so millis / 1000 is the very
   * double lunr scores with, in half the bytes (a third of a 200k-section index was weights).
   */
  readonly weightMillis: Int32Array
  #ids: Map<string, number> | undefined

  constructor(arrays: PostingArrays | MilliPostingArrays) {
    this.fields = arrays.fields
    this.documentCount = arrays.documentCount
    this.terms = arrays.terms
    this.offsets = arrays.offsets
    this.documents = arrays.documents
    this.weightMillis = 'weightMillis' in arrays ? arrays.weightMillis : toMillis(arrays.weights)
  }

  /** The number of `term`, or undefined when no document has it. */
  termId(term: string): number | undefined {
    this.#ids ??= new Map(this.terms.map((t, i) => [t, i]))
    return this.#ids.get(term)
  }

  /** Terms starting with `prefix` (sorted terms: one binary search, then a run). */
  withPrefix(prefix: string): number[] {
    let low = 0
    let high = this.terms.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.terms[middle]! < prefix) low = middle + 1
      else high = middle
    }
    const ids: number[] = []
    for (let id = low; id < this.terms.length && this.terms[id]!.startsWith(prefix); id++) {
      ids.push(id)
    }
    return ids
  }

  /** Whether `document` has term `term` in field `field` (binary search in its postings). */
  has(term: number, field: number, document: number): boolean {
    const at = term * this.fields.length + field
    let low = this.offsets[at]!
    let high = this.offsets[at + 1]!
    while (low < high) {
      const middle = (low + high) >>> 1
      const found = this.documents[middle]!
      if (found === document) return true
      if (found < document) low = middle + 1
      else high = middle
    }
    return false
  }
}

/** lunr's weights (3 decimals) × 1000. */
export function toMillis(weights: Float64Array): Int32Array {
  return Int32Array.from(weights, (weight) => Math.round(weight * 1000))
}
