// The loops an annotation query runs over a posting's or the candidates' documents, each a
// function of its own: called once per posting, each is optimised whole and stays so from one
// query to the next. Inside one long method they were compiled on the stack (OSR) every query
// and left at the loop's end, V8 deoptimising the method each time.

import type { Scratch } from './query-scratch'

// lunr's BM25 parameters (Builder defaults).
const K1 = 1.2
const B = 0.75

/**
 * Makes the posting's documents candidates of the query stamped `query` (their entries reset
 * the first time); answers how many candidates there are now.
 */
export function collect(s: Scratch, docs: Int32Array, query: number, candidates: number): number {
  const { seen, scores, required, candidates: list } = s
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!
    if (seen[doc] !== query) {
      seen[doc] = query
      scores[doc] = 0
      required[doc] = 0
      list[candidates++] = doc
    }
  }
  return candidates
}

/** Counts the required clause stamped `mark` once for each of the posting's documents. */
export function countRequired(s: Scratch, docs: Int32Array, mark: number): void {
  const { clause, required } = s
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!
    if (clause[doc] !== mark) {
      clause[doc] = mark
      required[doc]! += 1
    }
  }
}

/** Excludes the posting's documents from the query stamped `query` (a prohibited clause). */
export function ban(s: Scratch, docs: Int32Array, query: number): void {
  const { banned } = s
  for (let i = 0; i < docs.length; i++) banned[docs[i]!] = query
}

/** Each document's BM25 weight in a posting, to three decimals as lunr keeps them. */
export function bm25Weights(
  docs: Int32Array,
  tfs: Int32Array,
  lengths: Int32Array,
  idf: number,
  average: number,
  into: Float64Array
): void {
  for (let i = 0; i < docs.length; i++) {
    const tf = tfs[i]!
    const bm25 = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (lengths[docs[i]!]! / average)) + tf)
    into[i] = Math.round(bm25 * 1000) / 1000
  }
}

/** Adds a term's weights, times its boost, to its documents' dot products. */
export function addWeights(
  dot: Float64Array,
  docs: Int32Array,
  weights: Float64Array,
  boost: number
): void {
  for (let i = 0; i < docs.length; i++) dot[docs[i]!]! += boost * weights[i]!
}

/** Adds a field's share (dot product over magnitude) to each candidate's score; clears dot. */
export function addField(s: Scratch, candidates: number, magnitude: number): void {
  const { candidates: list, scores, dot } = s
  for (let i = 0; i < candidates; i++) {
    const doc = list[i]!
    // lunr turns a field score that is not a number (no magnitude) into 0.
    scores[doc]! += dot[doc]! / magnitude || 0
    dot[doc] = 0
  }
}

/**
 * Copies to `s.docs` the candidates not banned that matched every required clause (or, for a
 * query of prohibited clauses only, every one not banned); answers how many.
 */
export function keepMatching(
  s: Scratch,
  candidates: number,
  query: number,
  requiredClauses: number,
  negated: boolean
): number {
  const { candidates: list, banned, required, docs } = s
  let count = 0
  for (let i = 0; i < candidates; i++) {
    const doc = list[i]!
    if (banned[doc] === query || (!negated && required[doc]! < requiredClauses)) continue
    docs[count++] = doc
  }
  return count
}
