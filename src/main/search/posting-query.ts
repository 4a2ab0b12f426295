// Runs a planned query on one shard's PostingIndex with lunr's semantics and scores: the same
// expansion, required/prohibited rules and score (per field, the query vector's dot product
// with the document's field vector over the query vector's magnitude, summed over fields; equal
// to lunr's up to rounding, as the sums run in another order), but over typed arrays, with no
// per-match objects. Matched terms are worked out for shown hits only.

import lunr from 'lunr'

import type { PostingIndex } from './posting-index'
import { Scratch } from './query-scratch'
import { shardQueryOf } from './shard-query'
import type { ShardQuery } from './shard-query'
import { termUnionOf } from './term-union'

/** A lunr clause, as lunr.Query.clause completes it, with its terms after the search pipeline. */
export interface ScoringClause {
  clause: lunr.Query.Clause & { presence: number }
  terms: string[]
}

export interface ShardMatches {
  /** Matched documents and their scores (not sorted). */
  documents: readonly number[]
  scores: readonly number[]
  count: number
  /**
   * term × field + field slots the query weighed that have postings, for matchedTerms (a prefix
   * word's terms have postings in few of the fields it searches).
   */
  slots: readonly number[]
  /** Terms matched by mask of `slots`, and by what they hold, kept with the plan. */
  termsByMask: ShardQuery['termsByMask']
  sameTerms: ShardQuery['sameTerms'] | undefined
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

/**
 * Matches and scores the clauses on one shard. `expander` (for fuzzy words and wildcards inside
 * words) defaults to lunr's token set over this shard's terms alone.
 */
export function matchShard(
  index: PostingIndex,
  clauses: readonly ScoringClause[],
  expander: Expander = (clause) => termUnionOf([index]).expand(clause)
): ShardMatches {
  const shard = shardQueryOf(index, clauses, expander)
  // No query term with postings in its fields here (most shards, for a selective or a field
  // query): no match, and none of the scoring set-up below is needed.
  if (shard.postings === 0 && !shard.negated) return NO_MATCHES
  const n = index.documentCount
  const { offsets, documents: postings, weightMillis } = index
  scratch.fit(n)
  // Stamps for the query, for listing the documents scored, and one per clause.
  const query = scratch.stamps(clauses.length + 2)
  const listed = query + 1
  const { seen, banned, clause: counted, required: requiredHits, scores } = scratch
  const { required } = shard
  if (required > 0 || shard.prohibits) countClauses(index, clauses, shard, query)
  const touched: number[] = []
  const { weighed, factors } = shard
  for (let i = 0; i < weighed.length; i++) {
    const at = weighed[i]!
    const factor = factors[i]!
    const end = offsets[at + 1]!
    for (let p = offsets[at]!; p < end; p++) {
      const document = postings[p]!
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
      scores[document]! += factor * (weightMillis[p]! / 1000)
    }
  }
  const { slots, termsByMask, sameTerms } = shard
  if (required === 0 && !shard.prohibits) {
    // Nothing required or ruled out (most queries): every document scored is a match.
    const kept = new Array<number>(touched.length)
    for (let i = 0; i < touched.length; i++) kept[i] = scores[touched[i]!]!
    return {
      documents: touched,
      scores: kept,
      count: touched.length,
      slots,
      termsByMask,
      sameTerms
    }
  }
  const candidates = shard.negated ? Array.from({ length: n }, (_, i) => i) : touched
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
  return { documents, scores: kept, count: documents.length, slots, termsByMask, sameTerms }
}

/**
 * Marks the documents a prohibited clause rules out and counts, for each document, the required
 * clauses it matched (scratch.required), stamping each one seen with `query`.
 */
function countClauses(
  index: PostingIndex,
  clauses: readonly ScoringClause[],
  shard: ShardQuery,
  query: number
): void {
  const { offsets, documents: postings } = index
  const { seen, banned, clause: counted, required: requiredHits, scores } = scratch
  for (let c = 0; c < clauses.length; c++) {
    const presence = clauses[c]!.clause.presence
    if (presence !== REQUIRED && presence !== PROHIBITED) continue
    // A stamp per clause: a document is counted once per clause however many terms it matched.
    const mark = query + 2 + c
    for (const at of shard.clauseSlots[c]!) {
      const end = offsets[at + 1]!
      if (presence === PROHIBITED) {
        for (let p = offsets[at]!; p < end; p++) banned[postings[p]!] = query
        continue
      }
      for (let p = offsets[at]!; p < end; p++) {
        const document = postings[p]!
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
  }
}

// What a shard without the query's terms answers: the same every time, nothing allocated.
const NO_MATCHES: ShardMatches = Object.freeze({
  documents: Object.freeze([]),
  scores: Object.freeze([]),
  count: 0,
  slots: Object.freeze([]),
  termsByMask: new Map(),
  sameTerms: undefined
})

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
// Term maps kept per plan and shard (most documents match alike: a few masks recur).
const KEPT_MASKS_LIMIT = 256

/**
 * matchedTerms of one of the matched documents, shared: documents that matched the same slots
 * (most hits of a query do) get one map, worked out once for the plan and shard. The maps must not
 * be changed.
 */
export function sharedMatchedTerms(
  index: PostingIndex,
  matches: ShardMatches,
  document: number
): ReadonlyMap<string, ReadonlySet<string>> {
  const { slots, termsByMask, sameTerms } = matches
  if (slots.length > SHARED_SLOTS_LIMIT) return matchedTerms(index, matches, document)
  const fieldCount = index.fields.length
  // A matched document has postings in some slot: with one slot (a word in one field), in that.
  let mask = slots.length === 1 ? 1 : 0
  for (let i = 0; slots.length > 1 && i < slots.length; i++) {
    const at = slots[i]!
    if (index.has(Math.floor(at / fieldCount), at % fieldCount, document)) mask |= 1 << i
  }
  let terms = termsByMask.get(mask)
  if (!terms) {
    const matched = new Set(slots.filter((_, i) => mask & (1 << i)))
    terms = termsOfSlots(index, slots, (at) => matched.has(at))
    if (sameTerms) terms = sharedAcrossShards(terms, sameTerms)
    if (termsByMask.size >= KEPT_MASKS_LIMIT) termsByMask.clear()
    termsByMask.set(mask, terms)
  }
  return terms
}

/** One map for what every shard's hits matched alike, whatever their term numbers. */
function sharedAcrossShards(
  terms: ReadonlyMap<string, ReadonlySet<string>>,
  sameTerms: NonNullable<ShardQuery['sameTerms']>
): ReadonlyMap<string, ReadonlySet<string>> {
  const key = [...terms]
    .map(([field, found]) => `${field}\t${[...found].sort().join('\t')}`)
    .sort()
    .join('\n')
  const same = sameTerms.get(key)
  if (same) return same
  if (sameTerms.size >= KEPT_MASKS_LIMIT) sameTerms.clear()
  sameTerms.set(key, terms)
  return terms
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
