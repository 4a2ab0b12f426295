// Test support only: lunr's own index of section documents and its postings copied into typed
// arrays, the reference the direct posting builder (posting-builder.ts) and the typed-array
// queries (posting-query.ts) are checked against.

import lunr from 'lunr'

import type { PostingArrays } from '../main/search/posting-index'
import { FIELD_BOOSTS, SEARCH_FIELDS, createSearchPipeline } from '../main/search/section-index'
import type { SectionDocument } from '../main/search/section-index'

/** A lunr builder with the section fields, indexing with the app's pipeline. */
export function createBuilder(): lunr.Builder {
  const builder = new lunr.Builder()
  builder.pipeline = createSearchPipeline()
  builder.searchPipeline = createSearchPipeline()
  builder.ref('ref')
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] })
  return builder
}

/** The document with its position, in base 36, as its lunr ref. */
export function shortRef(document: SectionDocument, position: number): SectionDocument {
  return { ...document, ref: position.toString(36) }
}

/** lunr's index of `documents` (refs: their positions in base 36) and its postings. */
export function lunrReference(documents: readonly SectionDocument[]): {
  index: lunr.Index
  arrays: PostingArrays
} {
  const builder = createBuilder()
  documents.forEach((document, i) => builder.add(shortRef(document, i)))
  const index = builder.build()
  return { index, arrays: postingArraysOf(index, documents.length) }
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
