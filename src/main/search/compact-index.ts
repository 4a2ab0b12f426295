// A smaller on-disk form of a lunr index, and loading it back. lunr's own JSON repeats every field
// for every term and an empty metadata object for every (term, field, document); loaded, those
// are millions of small objects. Here postings list only the fields a term occurs in, and empty
// maps and metadata are one shared frozen object (lunr only reads them when querying).

import lunr from 'lunr'

/** [ref, vector elements] for non-empty field vectors; [term, term index, field → refs]. */
export interface CompactIndex {
  version: string
  fields: string[]
  vectors: [string, number[]][]
  postings: [string, number, Record<string, string[]>][]
  pipeline: string[]
}

interface SerialisedIndex {
  version: string
  fields: string[]
  fieldVectors: [string, number[]][]
  invertedIndex: [string, Record<string, number | Record<string, unknown>>][]
  pipeline: string[]
}

/** lunr.TokenSet.Builder: public in lunr, missing from @types/lunr. */
interface TokenSetBuilder {
  insert(word: string): void
  finish(): void
  root: lunr.TokenSet
}
const TokenSetBuilder = (lunr.TokenSet as unknown as { Builder: new () => TokenSetBuilder }).Builder

const EMPTY: Record<string, never> = Object.freeze(Object.create(null) as Record<string, never>)

export function compactIndex(index: lunr.Index): CompactIndex {
  const json = index.toJSON() as unknown as SerialisedIndex
  return {
    version: json.version,
    fields: json.fields,
    // A field vector is only read for documents that matched in that field: empty ones never are.
    vectors: json.fieldVectors.filter(([, elements]) => elements.length > 0),
    postings: json.invertedIndex.map(([term, posting]) => {
      const byField: Record<string, string[]> = {}
      for (const field of json.fields) {
        const refs = Object.keys((posting[field] as Record<string, unknown> | undefined) ?? {})
        if (refs.length > 0) byField[field] = refs
      }
      return [term, posting['_index'] as number, byField]
    }),
    pipeline: json.pipeline
  }
}

/** The lunr index of a CompactIndex, as lunr.Index.load would build it from lunr's JSON. */
export function loadCompactIndex(compact: CompactIndex): lunr.Index {
  const fieldVectors: Record<string, lunr.Vector> = Object.create(null)
  for (const [ref, elements] of compact.vectors) fieldVectors[ref] = new lunr.Vector(elements)
  const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null)
  const tokens = new TokenSetBuilder()
  // Terms arrive sorted (lunr's toJSON sorts them), as the token set builder requires.
  for (const [term, termIndex, byField] of compact.postings) {
    const posting: Record<string, unknown> = { _index: termIndex }
    for (const field of compact.fields) {
      const refs = byField[field]
      if (!refs) {
        posting[field] = EMPTY
        continue
      }
      const documents: Record<string, unknown> = Object.create(null)
      for (const ref of refs) documents[ref] = EMPTY
      posting[field] = documents
    }
    tokens.insert(term)
    invertedIndex[term] = posting
  }
  tokens.finish()
  const attrs = {
    invertedIndex,
    fieldVectors,
    tokenSet: tokens.root,
    fields: compact.fields,
    pipeline: lunr.Pipeline.load(compact.pipeline)
  }
  return new lunr.Index(attrs as unknown as lunr.Index.Attributes)
}
