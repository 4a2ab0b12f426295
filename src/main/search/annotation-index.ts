// An inverted index of highlights and notes that takes one document at a time (put, remove):
// lunr's indexes are immutable, so each change used to rebuild the whole annotation index. It
// keeps lunr's tokenizer, pipeline, query rules and BM25 weights (computed at query time from the
// current counts, rounded as lunr rounds them), so queries mean what they meant with lunr.
// Documents have numbers, and a query scores into typed arrays indexed by them: a word most
// annotations have (100,000 of them) is scored without an object per hit.

import lunr from 'lunr'

import { NO_MATCHES } from './annotation-matches'
import type { AnnotationMatches } from './annotation-matches'
import { Scratch, grown } from './query-scratch'
import { AnnotationWords } from './annotation-words'
import { PackedPostings } from './packed-postings'
import {
  addField,
  addWeights,
  ban,
  bm25Weights,
  collect,
  countRequired,
  keepMatching
} from './posting-loops'
import type { Packed } from './packed-postings'
import { TermAnalyser } from './posting-builder'

const { REQUIRED, PROHIBITED } = lunr.Query.presence
// Words whose pipeline result is remembered (then forgotten all at once).
const STEMS_KEPT = 100_000

/** A clause as lunr.Query.clause completes it. */
export type FullClause = lunr.Query.Clause & { presence: number }

export interface IndexHit {
  ref: string
  score: number
  /** The query's index terms each field of the document matched (lunr's matchData, in short). */
  matched: Map<string, Set<string>>
}

interface Weighed {
  terms: { term: string; boost: number; idf: number }[]
  magnitude: number
}

interface Entry {
  ref: string
  /** Per field: term → how often it occurs. */
  terms: Map<string, number>[]
}

export type { AnnotationMatches }

export class AnnotationIndex {
  readonly pipeline = new lunr.Pipeline()
  readonly #fields: readonly string[]
  /** ref → document number. */
  readonly #numbers = new Map<string, number>()
  /** By document number (undefined: a number free for reuse). */
  readonly #entries: (Entry | undefined)[] = []
  readonly #free: number[] = []
  /** term → per field: document number → term frequency. */
  readonly #postings = new Map<string, Map<number, number>[]>()
  /** Per field: each document's length in terms, by document number; and their sum. */
  #lengths: Int32Array[]
  readonly #lengthSums: number[]
  /** The arrays queries score into (a test passes one whose stamp counter is about to wrap). */
  readonly #scratch: Scratch
  /** Every term, for wildcards and fuzzy words. */
  readonly #words = new AnnotationWords()
  /** Text → index terms, each word's pipeline result remembered (the stemmer is the slow part). */
  readonly #analyser = new TermAnalyser(this.pipeline, STEMS_KEPT)
  /** The postings in arrays, as queries walk them. */
  readonly #packed = new PackedPostings(this.#postings)

  constructor(fields: readonly string[], scratch = new Scratch()) {
    this.#fields = fields
    this.#scratch = scratch
    this.#lengthSums = fields.map(() => 0)
    this.#lengths = fields.map(() => new Int32Array(64))
    this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  }

  get size(): number {
    return this.#numbers.size
  }

  /** The term most documents have (in any field), if any: the costliest to query. */
  commonestTerm(): string | undefined {
    let commonest: string | undefined
    let most = 0
    for (const [term, byField] of this.#postings) {
      const documents = byField.reduce((sum, byDoc) => sum + byDoc.size, 0)
      if (documents > most) [commonest, most] = [term, documents]
    }
    return commonest
  }

  /** The document's number (kept while it stays in the index), if it is in it. */
  numberOf(ref: string): number | undefined {
    return this.#numbers.get(ref)
  }

  refOf(doc: number): string {
    return this.#entries[doc]!.ref
  }

  /** Adds the document, or replaces the one with this ref; answers its number. */
  put(ref: string, fields: Readonly<Record<string, string>>): number {
    this.remove(ref)
    const doc = this.#free.pop() ?? this.#entries.length
    if (doc >= this.#lengths[0]!.length) {
      this.#lengths = this.#lengths.map((lengths) => grown(lengths, doc + 1))
    }
    const entry: Entry = { ref, terms: [] }
    this.#fields.forEach((field, f) => {
      const terms: string[] = []
      this.#analyser.termsOf(fields[field] ?? '', terms)
      const counts = new Map<string, number>()
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
      entry.terms.push(counts)
      this.#lengths[f]![doc] = terms.length
      this.#lengthSums[f]! += terms.length
      for (const [term, tf] of counts) {
        let posting = this.#postings.get(term)
        if (!posting) {
          posting = this.#fields.map(() => new Map<number, number>())
          this.#postings.set(term, posting)
          this.#words.added(term)
        }
        posting[f]!.set(doc, tf)
        this.#packed.changed(term)
      }
    })
    this.#entries[doc] = entry
    this.#numbers.set(ref, doc)
    return doc
  }

  remove(ref: string): void {
    const doc = this.#numbers.get(ref)
    if (doc === undefined) return
    const entry = this.#entries[doc]!
    this.#numbers.delete(ref)
    this.#entries[doc] = undefined
    this.#free.push(doc)
    entry.terms.forEach((counts, f) => {
      this.#lengthSums[f]! -= this.#lengths[f]![doc]!
      for (const term of counts.keys()) {
        const posting = this.#postings.get(term)!
        posting[f]!.delete(doc)
        this.#packed.changed(term)
        if (posting.every((byRef) => byRef.size === 0)) {
          // The trie may still list it: expansions are checked against the postings.
          this.#postings.delete(term)
          this.#words.removed(term)
        }
      }
    })
  }

  /**
   * Matches and scores completed clauses (terms already through the pipeline) as
   * lunr.Index.query would; best first, ties by ref so the order never depends on history.
   */
  query(clauses: readonly { clause: FullClause; terms: readonly string[] }[]): IndexHit[] {
    const found = this.match(clauses)
    const hits: IndexHit[] = []
    for (let i = 0; i < found.count; i++) {
      const doc = found.docs[i]!
      hits.push({ ref: this.refOf(doc), score: found.scores[doc]!, matched: found.matched(doc) })
    }
    return hits.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
  }

  /**
   * The documents the clauses match, scored as lunr.Index.query scores them, in no order:
   * each posting is walked once to collect the candidates and once per field to score them.
   */
  match(clauses: readonly { clause: FullClause; terms: readonly string[] }[]): AnnotationMatches {
    const fieldNumber = new Map(this.#fields.map((field, i) => [field, i]))
    // Query vector per field: term → summed boosts (lunr upserts a clause's boost per term).
    const vectors = this.#fields.map(() => new Map<string, number>())
    const s = this.#scratch
    s.fit(this.#entries.length)
    // Stamps for the query and one per clause, all taken now: a wrap of the counter clears the
    // marks, and halfway through the query it would lose those of the clauses before.
    const query = s.stamps(clauses.length + 1)
    let candidates = 0
    let required = 0
    for (let c = 0; c < clauses.length; c++) {
      const { clause, terms } = clauses[c]!
      const fields = clause.fields.map((f) => fieldNumber.get(f)).filter((f) => f !== undefined)
      const isRequired = clause.presence === REQUIRED
      const mark = query + 1 + c
      for (const term of terms) {
        const expanded = this.#words.expand(clause, term, this.#postings)
        // lunr: a required word that matches no term leaves no document at all.
        if (expanded.length === 0 && isRequired) return NO_MATCHES
        for (const word of expanded) {
          const packed = this.#packed.of(word)
          for (const f of fields) {
            const { docs } = packed[f]!
            if (clause.presence === PROHIBITED) {
              ban(s, docs, query)
              continue
            }
            vectors[f]!.set(word, (vectors[f]!.get(word) ?? 0) + clause.boost)
            candidates = collect(s, docs, query, candidates)
            // A document counts once per required clause it matches.
            if (isRequired) countRequired(s, docs, mark)
          }
        }
      }
      if (isRequired) required += 1
    }
    const negated = clauses.length > 0 && clauses.every((c) => c.clause.presence === PROHIBITED)
    if (negated) {
      for (const [doc, entry] of this.#entries.entries()) {
        if (entry) s.candidates[candidates++] = doc
        s.scores[doc] = 0
      }
    }
    this.#scoreInto(vectors, s, candidates)
    // With no required or prohibited clause every candidate matches: they are the answer.
    const filtered =
      negated || required > 0 || clauses.some((c) => c.clause.presence === PROHIBITED)
    const count = filtered ? keepMatching(s, candidates, query, required, negated) : candidates
    return {
      count,
      docs: filtered ? s.docs : s.candidates,
      scores: s.scores,
      matched: (doc) => this.#matched(doc, vectors)
    }
  }

  /**
   * Adds each field's share to the candidates' scores: per field, the query vector's dot product
   * with the document's over its magnitude, summed in the order lunr sums them (terms in term
   * order within a field, fields in order), so the scores are lunr's to the last bit.
   */
  #scoreInto(vectors: readonly Map<string, number>[], s: Scratch, candidates: number): void {
    const n = this.#numbers.size
    vectors.forEach((vector, f) => {
      const { terms, magnitude } = this.#weighed(vector)
      if (terms.length === 0) return
      const lengths = this.#lengths[f]!
      const average = this.#lengthSums[f]! / n
      for (const { term, boost, idf } of terms) {
        const packed = this.#packed.of(term)[f]!
        addWeights(s.dot, packed.docs, this.#weights(packed, idf, average, lengths), boost)
      }
      addField(s, candidates, magnitude)
    })
  }

  /** A field's BM25 weight of each document in the posting (lunr's, to three decimals). */
  #weights(packed: Packed, idf: number, average: number, lengths: Int32Array): Float64Array {
    const kept = packed.weights
    if (kept && kept.idf === idf && kept.average === average) return kept.values
    const values = kept?.values ?? new Float64Array(packed.docs.length)
    bm25Weights(packed.docs, packed.tfs, lengths, idf, average, values)
    packed.weights = { average, idf, values }
    return values
  }

  /** The query terms each field of the document has (the query vector's terms, by field). */
  #matched(doc: number, vectors: readonly Map<string, number>[]): Map<string, Set<string>> {
    const entry = this.#entries[doc]!
    const matched = new Map<string, Set<string>>()
    vectors.forEach((vector, f) => {
      for (const term of vector.keys()) {
        if (!entry.terms[f]!.has(term)) continue
        const name = this.#fields[f]!
        if (!matched.has(name)) matched.set(name, new Set())
        matched.get(name)!.add(term)
      }
    })
    return matched
  }

  /** A field's query vector in term order, each term with its idf, and its magnitude. */
  #weighed(vector: Map<string, number>): Weighed {
    const n = this.#numbers.size
    const terms = [...vector]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([term, boost]) => {
        // lunr counts a document once per field that has the term.
        const withTerm = this.#postings.get(term)!.reduce((sum, byDoc) => sum + byDoc.size, 0)
        const idf = Math.log(1 + Math.abs((n - withTerm + 0.5) / (withTerm + 0.5)))
        return { term, boost, idf }
      })
    return { terms, magnitude: Math.sqrt(terms.reduce((sum, t) => sum + t.boost * t.boost, 0)) }
  }
}
