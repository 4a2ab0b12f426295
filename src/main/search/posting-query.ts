// Runs a planned query on one shard's PostingIndex with lunr's semantics and scores: the same
// expansion, required/prohibited rules and score (per field, the query vector's dot product
// with the document's field vector over the query vector's magnitude, summed over fields; equal
// to lunr's up to rounding, as the sums run in another order), but over typed arrays, with no
// per-match objects. Matched terms are worked out for shown hits only.

import lunr from 'lunr'

import type { PostingIndex } from './posting-index'
import { Scratch } from './query-scratch'
import { termUnionOf } from './term-union'

/** A lunr clause, as lunr.Query.clause completes it, with its terms after the search pipeline. */
export interface ScoringClause {
  clause: lunr.Query.Clause & { presence: number }
  terms: string[]
}

export interface ShardMatches {
  /** Matched documents and their scores (not sorted). */
  documents: number[]
  scores: number[]
  count: number
  /**
   * term × field + field slots the query weighed that have postings, for matchedTerms (a prefix
   * word's terms have postings in few of the fields it searches).
   */
  slots: readonly number[]
}

const { REQUIRED, PROHIBITED } = lunr.Query.presence

/** Completes clauses as lunr.Query.clause does and runs the pipeline where lunr would. */
export function scoringClauses(
  clauses: readonly lunr.Query.Clause[],
  fields: readonly string[],
  pipeline: lunr.Pipeline
): ScoringClause[] {
  const query = new lunr.Query([...fields])
  for (const clause of clauses) query.clause({ ...clause })
  return query.clauses.map((clause) => ({
    clause: clause as ScoringClause['clause'],
    terms: clause.usePipeline ? pipeline.runString(clause.term) : [clause.term]
  }))
}

/**
 * Expands a fuzzy word or a word with a wildcard inside into index terms, the same for every
 * shard of one query (see term-union.ts). Terms no shard has may be listed. `clause.term` is the
 * term after the pipeline; `typed` the word as typed, for a fuzzy word the pipeline made one
 * term of.
 */
export type Expander = (clause: lunr.Query.Clause, typed?: string) => readonly string[]

/** The index terms one (pipeline-processed) term of a clause stands for. */
function expand(
  index: PostingIndex,
  clause: ScoringClause['clause'],
  term: string,
  expander: Expander,
  typed: string | undefined
): number[] {
  const fuzzy = 'editDistance' in clause
  const stars = term.includes('*') ? term.split('*').length - 1 : 0
  if (stars === 0 && (!fuzzy || clause.editDistance === 0)) {
    const id = index.termId(term)
    return id === undefined ? [] : [id]
  }
  if (!fuzzy && stars === 1 && term.endsWith('*')) return index.withPrefix(term.slice(0, -1))
  const ids: number[] = []
  for (const expanded of expander({ ...clause, term }, typed)) {
    const id = index.termId(expanded)
    if (id !== undefined) ids.push(id)
  }
  return ids
}

/**
 * Matches and scores the clauses on one shard. `expander` (for fuzzy words and wildcards inside
 * words) defaults to lunr's token set over this shard's terms alone.
 */
export function matchShard(
  index: PostingIndex,
  clauses: readonly ScoringClause[],
  expander: Expander = (clause) => termUnionOf([index]).expand(clause)
): ShardMatches {
  const fieldCount = index.fields.length
  const fieldNumber = fieldNumbers(index)
  const n = index.documentCount
  // Query weight per term-field slot: lunr adds a clause's boost for each term it expands to.
  const weight = new Map<number, number>()
  scratch.fit(n)
  // Stamps for the query, for listing the documents scored, and one per clause.
  const query = scratch.stamps(clauses.length + 2)
  const listed = query + 1
  const { seen, banned, clause: counted, required: requiredHits, scores } = scratch
  let required = 0
  // Postings the scoring loop below would walk.
  let postings = 0
  for (let c = 0; c < clauses.length; c++) {
    const { clause, terms } = clauses[c]!
    const fields: number[] = []
    for (const name of clause.fields) {
      const field = fieldNumber.get(name)
      if (field !== undefined) fields.push(field)
    }
    if (clause.presence === REQUIRED) required += 1
    const mark = query + 2 + c
    const typed = terms.length === 1 && clause.usePipeline ? clause.term : undefined
    for (const term of terms) {
      const ids = expand(index, clause, term, expander, typed)
      // lunr: a required term that matches nothing leaves no document (the count stays short).
      if (ids.length === 0 && clause.presence === REQUIRED) break
      for (const id of ids) {
        for (const field of fields) {
          const at = id * fieldCount + field
          const end = index.offsets[at + 1]!
          if (clause.presence === PROHIBITED) {
            for (let p = index.offsets[at]!; p < end; p++) banned[index.documents[p]!] = query
            continue
          }
          if (clause.presence === REQUIRED) {
            for (let p = index.offsets[at]!; p < end; p++) {
              const document = index.documents[p]!
              if (seen[document] !== query) {
                seen[document] = query
                scores[document] = 0
                requiredHits[document] = 1
              } else if (counted[document] !== mark) {
                requiredHits[document]! += 1
              }
              counted[document] = mark
            }
          }
          weight.set(at, (weight.get(at) ?? 0) + clause.boost)
          postings += end - index.offsets[at]!
        }
      }
    }
  }
  // lunr: a query of prohibited clauses only matches every other document, with score 0.
  const negated = clauses.length > 0 && clauses.every((c) => c.clause.presence === PROHIBITED)
  // No query term with postings in its fields here (most shards, for a selective or a field
  // query): no match, and none of the scoring set-up below is needed.
  if (postings === 0 && !negated) return { documents: [], scores: [], count: 0, slots: [] }
  const magnitude = new Float64Array(fieldCount)
  for (const [at, w] of weight) magnitude[at % fieldCount]! += w * w
  const touched: number[] = []
  const slots: number[] = []
  for (const at of [...weight.keys()].sort((a, b) => a - b)) {
    const norm = Math.sqrt(magnitude[at % fieldCount]!)
    // lunr turns a field score that is not a number (an infinite boost: ∞/∞) into 0.
    const factor = norm > 0 ? weight.get(at)! / norm || 0 : 0
    const end = index.offsets[at + 1]!
    if (end > index.offsets[at]!) slots.push(at)
    for (let p = index.offsets[at]!; p < end; p++) {
      const document = index.documents[p]!
      if (seen[document] !== query) {
        seen[document] = query
        scores[document] = 0
        requiredHits[document] = 0
      }
      // Done with counting clauses: the same marks list each scored document once.
      if (counted[document] !== listed) {
        counted[document] = listed
        touched.push(document)
      }
      scores[document]! += factor * (index.weightMillis[p]! / 1000)
    }
  }
  if (required === 0 && !clauses.some((c) => c.clause.presence === PROHIBITED)) {
    // Nothing required or ruled out (most queries): every document scored is a match.
    const kept = new Array<number>(touched.length)
    for (let i = 0; i < touched.length; i++) kept[i] = scores[touched[i]!]!
    return { documents: touched, scores: kept, count: touched.length, slots }
  }
  const candidates = negated ? Array.from({ length: n }, (_, i) => i) : touched
  const documents: number[] = []
  const kept: number[] = []
  for (const document of candidates) {
    if (banned[document] === query) continue
    // An unseen document (only in a query of prohibited clauses) has no score.
    const scored = seen[document] === query
    if (required > 0 && (!scored || requiredHits[document] !== required)) continue
    documents.push(document)
    kept.push(scored ? scores[document]! : 0)
  }
  return { documents, scores: kept, count: documents.length, slots }
}

// Each index's field numbers by name, made on its first query rather than on every one.
const fieldNumbersOf = new WeakMap<PostingIndex, ReadonlyMap<string, number>>()

function fieldNumbers(index: PostingIndex): ReadonlyMap<string, number> {
  let numbers = fieldNumbersOf.get(index)
  if (!numbers) {
    numbers = new Map(index.fields.map((field, i) => [field, i]))
    fieldNumbersOf.set(index, numbers)
  }
  return numbers
}

// Per-document working arrays, reused by every shard of every query (they run one at a time):
// allocated afresh each time, they added up to megabytes per query at 50k sections, and the
// garbage collector's pauses showed in the slowest searches.
const scratch = new Scratch()

/** The index terms of the query each field of `document` matched (lunr's matchData, in short). */
export function matchedTerms(
  index: PostingIndex,
  matches: ShardMatches,
  document: number
): Map<string, Set<string>> {
  const fieldCount = index.fields.length
  return termsOfSlots(index, matches.slots, (at) =>
    index.has(Math.floor(at / fieldCount), at % fieldCount, document)
  )
}

// Above this many slots (a prefix or fuzzy word's many terms), hits do not share their terms.
const SHARED_SLOTS_LIMIT = 30

/**
 * matchedTerms for documents of one shard's matches, shared: documents that matched the same
 * slots (most hits of a query do) get one map, worked out once. The maps must not be changed.
 */
export function sharedMatchedTerms(
  index: PostingIndex,
  matches: ShardMatches
): (document: number) => ReadonlyMap<string, ReadonlySet<string>> {
  const { slots } = matches
  if (slots.length > SHARED_SLOTS_LIMIT) return (document) => matchedTerms(index, matches, document)
  const fieldCount = index.fields.length
  const byMask = new Map<number, Map<string, Set<string>>>()
  return (document) => {
    let mask = 0
    for (let i = 0; i < slots.length; i++) {
      const at = slots[i]!
      if (index.has(Math.floor(at / fieldCount), at % fieldCount, document)) mask |= 1 << i
    }
    let terms = byMask.get(mask)
    if (!terms) {
      const matched = new Set(slots.filter((_, i) => mask & (1 << i)))
      terms = termsOfSlots(index, slots, (at) => matched.has(at))
      byMask.set(mask, terms)
    }
    return terms
  }
}

/** The terms by field name of the slots `matched` accepts. */
function termsOfSlots(
  index: PostingIndex,
  slots: readonly number[],
  matched: (at: number) => boolean
): Map<string, Set<string>> {
  const byField = new Map<string, Set<string>>()
  const fieldCount = index.fields.length
  for (const at of slots) {
    if (!matched(at)) continue
    const name = index.fields[at % fieldCount]!
    if (!byField.has(name)) byField.set(name, new Set())
    byField.get(name)!.add(index.terms[Math.floor(at / fieldCount)]!)
  }
  return byField
}
