// Builds a shard's postings straight from its section documents: lunr's tokenizer, pipeline and
// BM25 weights (the terms, term frequencies, field lengths and rounded scores lunr.Builder makes),
// written into flat arrays instead of lunr's millions of small objects, with each distinct word
// run through the pipeline once rather than at every occurrence.

import lunr from 'lunr'

import type { PostingArrays } from './posting-index'
import { FIELD_BOOSTS, SEARCH_FIELDS } from './section-index'
import type { SearchField, SectionDocument } from './section-index'

// lunr.Builder's BM25 parameters (its defaults, which the app never changed).
const K1 = 1.2
const B = 0.75

// lunr.tokenizer cuts at every character its separator matches and drops empty slices: the same
// as splitting at runs of them.
const SEPARATORS = /[\s-]+/

// Past this many remembered words the memo starts afresh (a bound on memory, not a cache policy).
const MEMO_WORDS = 400_000

/** Text → index terms as lunr indexes it; remembers what the pipeline made of each word. */
export class TermAnalyser {
  readonly #pipeline: lunr.Pipeline
  readonly #memo = new Map<string, readonly string[]>()
  readonly #memoWords: number

  constructor(pipeline: lunr.Pipeline, memoWords = MEMO_WORDS) {
    this.#pipeline = pipeline
    this.#memoWords = memoWords
  }

  /** Appends the index terms of `text` to `into`, in order (as lunr.Builder counts them). */
  termsOf(text: string, into: string[]): void {
    for (const word of text.toLowerCase().split(SEPARATORS)) {
      if (word.length === 0) continue
      let terms = this.#memo.get(word)
      if (terms === undefined) {
        // The pipeline's functions (trimmer, stop words, stemmer) see one token at a time.
        terms = this.#pipeline.run([new lunr.Token(word, {})]).map(String)
        if (this.#memo.size >= this.#memoWords) this.#memo.clear()
        this.#memo.set(word, terms)
      }
      for (const term of terms) into.push(term)
    }
  }
}

/** Growable Int32Array. */
class Ints {
  array = new Int32Array(1024)
  length = 0

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new Int32Array(this.array.length * 2)
      bigger.set(this.array)
      this.array = bigger
    }
    this.array[this.length++] = value
  }
}

/** Documents in, postings out: numbered 0, 1, … in the order they are added. */
export class PostingBuilder {
  readonly #analyser: TermAnalyser
  readonly #fields: readonly SearchField[] = SEARCH_FIELDS
  #documentCount = 0
  readonly #termIds = new Map<string, number>()
  readonly #terms: string[] = []
  /** One entry per (term, field, document): the term, document × fields + field, its frequency. */
  readonly #entryTerm = new Ints()
  readonly #entrySlot = new Ints()
  readonly #entryFrequency = new Ints()
  /** Terms in each document's field (document × fields + field), as lunr's fieldLengths. */
  readonly #fieldLengths = new Ints()
  readonly #words: string[] = []
  readonly #frequencies = new Map<number, number>()

  constructor(analyser: TermAnalyser) {
    this.#analyser = analyser
  }

  get documentCount(): number {
    return this.#documentCount
  }

  add(document: SectionDocument): void {
    const number = this.#documentCount++
    const fieldCount = this.#fields.length
    for (let field = 0; field < fieldCount; field++) {
      const words = this.#words
      words.length = 0
      this.#analyser.termsOf(document[this.#fields[field]!], words)
      this.#fieldLengths.push(words.length)
      const frequencies = this.#frequencies
      frequencies.clear()
      for (const word of words) {
        let id = this.#termIds.get(word)
        if (id === undefined) {
          id = this.#terms.length
          this.#termIds.set(word, id)
          this.#terms.push(word)
        }
        frequencies.set(id, (frequencies.get(id) ?? 0) + 1)
      }
      for (const [id, frequency] of frequencies) {
        this.#entryTerm.push(id)
        this.#entrySlot.push(number * fieldCount + field)
        this.#entryFrequency.push(frequency)
      }
    }
  }

  /** The postings of every document added, weighted as lunr.Builder.build weighs them. */
  build(): PostingArrays {
    const fields = this.#fields
    const fieldCount = fields.length
    const documentCount = this.#documentCount
    const unsorted = this.#terms
    // lunr lists its terms sorted by UTF-16 code unit, as Array.prototype.sort does.
    const order = unsorted.map((_, id) => id)
    order.sort((a, b) => (unsorted[a]! < unsorted[b]! ? -1 : unsorted[a]! > unsorted[b]! ? 1 : 0))
    const position = new Int32Array(unsorted.length)
    order.forEach((id, at) => (position[id] = at))
    const terms = order.map((id) => unsorted[id]!)

    const entries = this.#entryTerm.length
    const entryTerm = this.#entryTerm.array
    const entrySlot = this.#entrySlot.array
    const entryFrequency = this.#entryFrequency.array
    // lunr's idf counts a document once per field the term is in: the entries of the term.
    const withTerm = new Int32Array(unsorted.length)
    for (let e = 0; e < entries; e++) withTerm[entryTerm[e]!]! += 1
    const idf = Float64Array.from(withTerm, (n) => {
      const x = (documentCount - n + 0.5) / (n + 0.5)
      return Math.log(1 + Math.abs(x))
    })
    // Every document has every field (an empty one counts with length 0), as in lunr.
    const averageLength = new Float64Array(fieldCount)
    const lengths = this.#fieldLengths.array
    for (let s = 0; s < this.#fieldLengths.length; s++)
      averageLength[s % fieldCount]! += lengths[s]!
    for (let f = 0; f < fieldCount; f++) averageLength[f]! /= documentCount
    const boosts = fields.map((field) => FIELD_BOOSTS[field] || 1)

    const offsets = new Int32Array(terms.length * fieldCount + 1)
    for (let e = 0; e < entries; e++) {
      offsets[position[entryTerm[e]!]! * fieldCount + (entrySlot[e]! % fieldCount) + 1]! += 1
    }
    for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!
    const documents = new Int32Array(entries)
    const weights = new Float64Array(entries)
    const next = offsets.slice(0, -1)
    // Entries are in document order, so each posting list comes out ascending.
    for (let e = 0; e < entries; e++) {
      const term = entryTerm[e]!
      const field = entrySlot[e]! % fieldCount
      const at = next[position[term]! * fieldCount + field]!++
      const tf = entryFrequency[e]!
      const fieldLength = lengths[entrySlot[e]!]!
      // lunr's expression, in lunr's order: the rounding below must see the same double.
      let score =
        (idf[term]! * ((K1 + 1) * tf)) /
        (K1 * (1 - B + B * (fieldLength / averageLength[field]!)) + tf)
      score *= boosts[field]!
      documents[at] = (entrySlot[e]! - field) / fieldCount
      weights[at] = Math.round(score * 1000) / 1000
    }
    return { fields, documentCount, terms, offsets, documents, weights }
  }
}

/** Postings of `documents` in one go (tests, and shards small enough not to need yielding). */
export function buildPostings(
  documents: Iterable<SectionDocument>,
  analyser: TermAnalyser
): PostingArrays {
  const builder = new PostingBuilder(analyser)
  for (const document of documents) builder.add(document)
  return builder.build()
}
