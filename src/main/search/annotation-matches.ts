// What a query of the annotation index answers: its matching documents, read from the arrays
// the query scored into (query-scratch.ts), reused by the next query.

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
