// A shard's index as the index process keeps and queries it: lunr builds the index, then its
// postings are copied into typed arrays (term × field → documents and lunr's weights). Loaded
// lunr indexes are millions of small objects; these are a few flat arrays.

import type lunr from 'lunr'

export interface PostingArrays {
  fields: readonly string[]
  /** Documents are numbered 0 … documentCount - 1 (the position their lunr ref encodes). */
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

/** lunr's serialised index, as far as it is read here. */
interface SerialisedIndex {
  fields: string[]
  fieldVectors: [string, number[]][]
  invertedIndex: [string, { _index: number }][]
}

/** The postings of a built lunr index over `documentCount` documents with base-36 refs. */
export function postingArraysOf(index: lunr.Index, documentCount: number): PostingArrays {
  const json = index.toJSON() as unknown as SerialisedIndex
  const { fields } = json
  const fieldCount = fields.length
  const terms = json.invertedIndex.map(([term]) => term)
  // lunr numbers terms in the order it met them; postings here are in sorted-term order.
  const positionOf = new Map<number, number>()
  json.invertedIndex.forEach(([, posting], position) => positionOf.set(posting._index, position))
  const fieldNumber = new Map(fields.map((field, i) => [field, i]))
  // A field vector is keyed "field/ref"; the ref is the document's number in base 36.
  const vectors = json.fieldVectors.map(([fieldRef, elements]) => {
    const slash = fieldRef.indexOf('/')
    return {
      field: fieldNumber.get(fieldRef.slice(0, slash)) ?? -1,
      document: parseInt(fieldRef.slice(slash + 1), 36),
      elements
    }
  })
  vectors.sort((a, b) => a.document - b.document)
  const offsets = new Int32Array(terms.length * fieldCount + 1)
  for (const { field, elements } of vectors) {
    for (let i = 0; i < elements.length; i += 2) {
      offsets[slot(positionOf, elements[i]!, fieldCount, field) + 1]! += 1
    }
  }
  for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!
  const total = offsets[offsets.length - 1]!
  const documents = new Int32Array(total)
  const weights = new Float64Array(total)
  const next = offsets.slice(0, -1)
  for (const { field, document, elements } of vectors) {
    for (let i = 0; i < elements.length; i += 2) {
      const at = next[slot(positionOf, elements[i]!, fieldCount, field)]!++
      documents[at] = document
      weights[at] = elements[i + 1]!
    }
  }
  return { fields, documentCount, terms, offsets, documents, weights }
}

function slot(positionOf: Map<number, number>, termIndex: number, fields: number, field: number) {
  const position = positionOf.get(termIndex)
  if (position === undefined || field < 0) throw new Error('lunr index: unknown term or field')
  return position * fields + field
}

/** Postings plus what queries need to find terms: a lookup table, made when first asked for. */
export class PostingIndex {
  readonly fields: readonly string[]
  readonly documentCount: number
  readonly terms: readonly string[]
  readonly offsets: Int32Array
  readonly documents: Int32Array
  readonly weights: Float64Array
  #ids: Map<string, number> | undefined

  constructor(arrays: PostingArrays) {
    this.fields = arrays.fields
    this.documentCount = arrays.documentCount
    this.terms = arrays.terms
    this.offsets = arrays.offsets
    this.documents = arrays.documents
    this.weights = arrays.weights
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
