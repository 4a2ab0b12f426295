// Test support only: the annotation index as it was before its typed-array scoring (Map/Set
// postings, matchData for every hit, every hit sorted), kept as the reference the fast one
// (src/main/search/annotation-index.ts) must answer exactly as.

import lunr from 'lunr'

/** lunr.TokenSet's static parts: public in lunr, missing from @types/lunr. */
const TokenSets = lunr.TokenSet as unknown as {
  fromClause(clause: lunr.Query.Clause): lunr.TokenSet
  Builder: new () => { insert(word: string): void; finish(): void; root: lunr.TokenSet }
}

const { REQUIRED, PROHIBITED } = lunr.Query.presence
// lunr's BM25 parameters (Builder defaults).
const K1 = 1.2
const B = 0.75
// New words are looked up in a small trie of their own until there are this many.
const NEW_WORDS_BEFORE_REBUILD = 2000
// Words whose pipeline result is remembered (then forgotten all at once).
const STEMS_KEPT = 100_000

/** A clause as lunr.Query.clause completes it. */
type FullClause = lunr.Query.Clause & { presence: number }

interface IndexHit {
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
  /** Per field: term → how often it occurs; and the field's length in terms. */
  terms: Map<string, number>[]
  lengths: number[]
}

export class ReferenceAnnotationIndex {
  readonly pipeline = new lunr.Pipeline()
  readonly #fields: readonly string[]
  readonly #entries = new Map<string, Entry>()
  /** term → per field: ref → term frequency. */
  readonly #postings = new Map<string, Map<string, number>[]>()
  readonly #lengthSums: number[]
  /** Every term in a trie (for fuzzy words and inner wildcards), made when first needed. */
  #trie: lunr.TokenSet | undefined
  readonly #newWords = new Set<string>()
  /** Word → its terms after the pipeline. */
  readonly #stems = new Map<string, string[]>()

  constructor(fields: readonly string[]) {
    this.#fields = fields
    this.#lengthSums = fields.map(() => 0)
    this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  }

  get size(): number {
    return this.#entries.size
  }

  /** Adds the document, or replaces the one with this ref. */
  put(ref: string, fields: Readonly<Record<string, string>>): void {
    this.remove(ref)
    const entry: Entry = { terms: [], lengths: [] }
    this.#fields.forEach((field, f) => {
      const terms = this.#terms(fields[field] ?? '')
      const counts = new Map<string, number>()
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
      entry.terms.push(counts)
      entry.lengths.push(terms.length)
      this.#lengthSums[f]! += terms.length
      for (const [term, tf] of counts) {
        let posting = this.#postings.get(term)
        if (!posting) {
          posting = this.#fields.map(() => new Map<string, number>())
          this.#postings.set(term, posting)
          this.#newWords.add(term)
        }
        posting[f]!.set(ref, tf)
      }
    })
    this.#entries.set(ref, entry)
  }

  remove(ref: string): void {
    const entry = this.#entries.get(ref)
    if (!entry) return
    this.#entries.delete(ref)
    entry.terms.forEach((counts, f) => {
      this.#lengthSums[f]! -= entry.lengths[f]!
      for (const term of counts.keys()) {
        const posting = this.#postings.get(term)!
        posting[f]!.delete(ref)
        if (posting.every((byRef) => byRef.size === 0)) {
          // The trie may still list it: expansions are checked against the postings.
          this.#postings.delete(term)
          this.#newWords.delete(term)
        }
      }
    })
  }

  /**
   * The text's index terms: lunr's tokenizer, then its pipeline word by word, remembering each
   * word's result (trimmer, stop words and stemmer look at one word only, and the stemmer was most
   * of the time taken to index a document).
   */
  #terms(text: string): string[] {
    const terms: string[] = []
    for (const token of lunr.tokenizer(text)) {
      const word = token.toString()
      let term = this.#stems.get(word)
      if (term === undefined) {
        term = this.pipeline.run([token]).map((t) => t.toString())
        if (this.#stems.size >= STEMS_KEPT) this.#stems.clear()
        this.#stems.set(word, term)
      }
      terms.push(...term)
    }
    return terms
  }

  /**
   * Matches and scores completed clauses (terms already through the pipeline) as
   * lunr.Index.query would; best first, ties by ref so the order never depends on history.
   */
  query(clauses: readonly { clause: FullClause; terms: readonly string[] }[]): IndexHit[] {
    const fieldNumber = new Map(this.#fields.map((field, i) => [field, i]))
    // Query vector per field: term → summed boosts (lunr upserts a clause's boost per term).
    const vectors = this.#fields.map(() => new Map<string, number>())
    const prohibited = new Set<string>()
    const requiredSets: Set<string>[] = []
    const touched = new Set<string>()
    for (const { clause, terms } of clauses) {
      const fields = clause.fields.map((f) => fieldNumber.get(f)).filter((f) => f !== undefined)
      const clauseMatches = new Set<string>()
      for (const term of terms) {
        const expanded = this.#expand(clause, term)
        // lunr: a required word that matches no term leaves no document at all.
        if (expanded.length === 0 && clause.presence === REQUIRED) return []
        for (const word of expanded) {
          const posting = this.#postings.get(word)!
          for (const f of fields) {
            const refs = posting[f]!
            if (clause.presence === PROHIBITED) {
              for (const ref of refs.keys()) prohibited.add(ref)
              continue
            }
            if (clause.presence === REQUIRED) for (const ref of refs.keys()) clauseMatches.add(ref)
            vectors[f]!.set(word, (vectors[f]!.get(word) ?? 0) + clause.boost)
            for (const ref of refs.keys()) touched.add(ref)
          }
        }
      }
      if (clause.presence === REQUIRED) requiredSets.push(clauseMatches)
    }
    const negated = clauses.length > 0 && clauses.every((c) => c.clause.presence === PROHIBITED)
    const candidates = negated ? this.#entries.keys() : touched
    const weighed = vectors.map((vector) => this.#weighed(vector))
    const hits: IndexHit[] = []
    for (const ref of candidates) {
      if (prohibited.has(ref) || requiredSets.some((set) => !set.has(ref))) continue
      hits.push({ ref, score: this.#score(ref, weighed), matched: this.#matched(ref, vectors) })
    }
    return hits.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
  }

  /** The query terms each field of the document has (the query vector's terms, by field). */
  #matched(ref: string, vectors: readonly Map<string, number>[]): Map<string, Set<string>> {
    const entry = this.#entries.get(ref)!
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
    const n = this.#entries.size
    const terms = [...vector]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([term, boost]) => {
        // lunr counts a document once per field that has the term.
        const withTerm = this.#postings.get(term)!.reduce((sum, byRef) => sum + byRef.size, 0)
        const idf = Math.log(1 + Math.abs((n - withTerm + 0.5) / (withTerm + 0.5)))
        return { term, boost, idf }
      })
    return { terms, magnitude: Math.sqrt(terms.reduce((sum, t) => sum + t.boost * t.boost, 0)) }
  }

  /** Σ over fields of the query vector's dot product with the document's, over its magnitude. */
  #score(ref: string, weighed: readonly Weighed[]): number {
    const entry = this.#entries.get(ref)!
    const n = this.#entries.size
    let score = 0
    weighed.forEach(({ terms, magnitude }, f) => {
      let dot = 0
      for (const { term, boost, idf } of terms) {
        const tf = entry.terms[f]!.get(term)
        if (tf === undefined) continue
        const average = this.#lengthSums[f]! / n
        const bm25 =
          (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (entry.lengths[f]! / average)) + tf)
        // lunr keeps three decimals of each document weight.
        dot += boost * (Math.round(bm25 * 1000) / 1000)
      }
      // lunr turns a field score that is not a number (no magnitude) into 0.
      score += dot / magnitude || 0
    })
    return score
  }

  /** The index terms one term of a clause stands for, sorted. */
  #expand(clause: FullClause, term: string): string[] {
    const fuzzy = (clause.editDistance ?? 0) > 0
    if (!fuzzy && !term.includes('*')) return this.#postings.has(term) ? [term] : []
    if (!fuzzy && term.indexOf('*') === term.length - 1) {
      const prefix = term.slice(0, -1)
      return [...this.#postings.keys()].filter((t) => t.startsWith(prefix)).sort()
    }
    if (this.#newWords.size > NEW_WORDS_BEFORE_REBUILD || !this.#trie) {
      this.#trie = trieOf([...this.#postings.keys()])
      this.#newWords.clear()
    }
    const wanted = TokenSets.fromClause({ ...clause, term })
    const found = new Set(this.#trie.intersect(wanted).toArray())
    if (this.#newWords.size > 0) {
      for (const word of trieOf([...this.#newWords])
        .intersect(wanted)
        .toArray())
        found.add(word)
    }
    return [...found].filter((word) => this.#postings.has(word)).sort()
  }
}

function trieOf(words: string[]): lunr.TokenSet {
  const builder = new TokenSets.Builder()
  // lunr's token set builder needs its words sorted (by code unit).
  for (const word of words.sort()) builder.insert(word)
  builder.finish()
  return builder.root
}
